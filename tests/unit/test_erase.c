/*
 * Erasing a person (erase.h): nothing of theirs left in the tables, the
 * words index, the audit or the bytes of the file and its WAL; and the
 * audit read back (audit_each).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "audit.h"
#include "deploy_write.h"
#include "erase.h"
#include "strbuf.h"
#include "testdb.h"

#define ZID	"9e1f0c3a-5b7d-4e2a-8c6f-1a2b3c4d5e6f"
#define OTHER	"0f8fad5b-d9cb-469f-a165-70867728950e"

static const char people_head[] = "id,family_name,given_name,agency,rank,"
    "gender,email,phone,status,notice_days,passport_expiry,medical_expiry,"
    "heat_expiry,languages,themes,skills,notes\n";

/* Each version of the person to erase; the last is the one kept. */
static const char *const versions[] = {
	ZID ",Oldqzxw,Jolanthe-Brrr,Kmarzyx,Major,f,old.jq@mail.example,"
	    "+99 000 111 222,active,2,2030-01-01,2029-01-01,2029-01-01,"
	    "fr:B2,drugs,first-aid,Plumbaginous zeugma\n",
	ZID ",Qzxwvyk,Jolanthe-Brrr,Kmarzyx,Major,f,old.jq@mail.example,"
	    "+99 000 111 222,active,2,2030-01-01,2029-01-01,2029-01-01,"
	    "fr:B2;en:C1,drugs,first-aid,Plumbaginous zeugma\n",
	ZID ",Qzxwvyk,Jolanthe-Brrr,Kmarzyx,Major,f,"
	    "jolanthe.qzxwvyk@mail.example,+99 123 456 789,active,2,"
	    "2030-01-01,2029-01-01,2029-01-01,fr:B2;en:C1,drugs,first-aid,"
	    "Plumbaginous zeugma\n",
};

static const char missions[] = "person_id,mission,country,start,end,role,"
    "themes\n" ZID ",Xylozorp Observer Team,ML,2018-03-01,2020-02-28,"
    "Qzxwvyk role,border-management\n";

/* What must not be left anywhere once the person is erased. */
static const char *const traces[] = {
	"Qzxwvyk", "qzxwvyk", "Oldqzxw", "oldqzxw", "Jolanthe", "jolanthe",
	"jolanthe.qzxwvyk@mail.example", "old.jq@mail.example",
	"+99 123 456 789", "+99 000 111 222", "Plumbaginous", "plumbaginous",
	"Kmarzyx", "kmarzyx", "Xylozorp", "xylozorp",
};

/* What audit_each handed over, one line of text per audit line. */
static int
collect(const struct audit_entry *e, void *arg)
{
	struct strbuf *b = arg;
	size_t i;

	strbuf_addf(b, "%s %s %s %s %s [%s]", e->who, e->at, e->entity, e->id,
	    e->action, e->fields);
	for (i = 0; i < e->nchanges; i++)
		strbuf_addf(b, " %s:%s>%s", e->changes[i].field,
		    e->changes[i].old ? e->changes[i].old : "(none)",
		    e->changes[i].new ? e->changes[i].new : "(none)");
	strbuf_adds(b, "\n");
	return 0;
}

static int
stop_at_first(const struct audit_entry *e, void *arg)
{
	(void)e;
	(*(int *)arg)++;
	return 7;
}

static void
test_audit_each(void **state)
{
	struct store *s = *state;
	static const struct audit_change two[] = {
		{ "phone", "+31 6 1", NULL },
		{ "email", NULL, "a@new.example" },
	};
	struct audit_entry lines[] = {
		{ "ann", "2026-11-20T09:00:00Z", "person", "p-1", "create", "",
		    NULL, 0 },
		{ "bob", "2026-11-22T10:00:00Z", "deployment", "Ida", "close",
		    "", NULL, 0 },
		{ "ann", "2026-11-23T11:00:00Z", "person", "p-1", "update",
		    "email,phone", two, 2 },
	};
	struct strbuf b = { 0 };
	struct error err;
	size_t i;
	int calls = 0;

	testdb_exec(s, "BEGIN");
	for (i = 0; i < sizeof lines / sizeof lines[0]; i++)
		assert_int_equal(audit_write(s, &lines[i], &err), RC_OK);
	testdb_exec(s, "COMMIT");
	assert_int_equal(audit_each(s, NULL, NULL, collect, &b, &err), RC_OK);
	assert_string_equal(strbuf_str(&b),
	    "ann 2026-11-20T09:00:00Z person p-1 create []\n"
	    "bob 2026-11-22T10:00:00Z deployment Ida close []\n"
	    "ann 2026-11-23T11:00:00Z person p-1 update [email,phone]"
	    " email:(none)>a@new.example phone:+31 6 1>(none)\n");
	strbuf_reset(&b);
	/* One entity, from a day on (the day itself included). */
	assert_int_equal(audit_each(s, "p-1", "2026-11-23", collect, &b, &err),
	    RC_OK);
	assert_string_equal(strbuf_str(&b),
	    "ann 2026-11-23T11:00:00Z person p-1 update [email,phone]"
	    " email:(none)>a@new.example phone:+31 6 1>(none)\n");
	strbuf_reset(&b);
	assert_int_equal(audit_each(s, "nobody", NULL, collect, &b, &err),
	    RC_OK);
	assert_string_equal(strbuf_str(&b), "");
	/* The function's non-zero return stops the walk and is returned. */
	assert_int_equal(audit_each(s, NULL, NULL, stop_at_first, &calls,
	    &err), 7);
	assert_int_equal(calls, 1);
	strbuf_free(&b);
}

/* A line with more changes than audit_write writes a statement keeps
 * them all, absent values as NULL. */
static void
test_audit_many(void **state)
{
	struct store *s = *state;
	struct audit_change c[25];
	struct audit_entry e = { "ann", NULL, "person", "p-2", "update", "",
	    c, 25 };
	char names[25][8], values[25][8];
	struct error err;
	size_t i;

	for (i = 0; i < 25; i++) {
		snprintf(names[i], sizeof names[i], "f%02zu", i);
		snprintf(values[i], sizeof values[i], "v%02zu", i);
		c[i].field = names[i];
		c[i].old = i % 2 ? values[i] : NULL;
		c[i].new = i % 3 ? values[i] : NULL;
	}
	testdb_exec(s, "BEGIN");
	assert_int_equal(audit_write(s, &e, &err), RC_OK);
	testdb_exec(s, "COMMIT");
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change"),
	    25);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change"
	    " WHERE old IS NULL"), 13);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change"
	    " WHERE new IS NULL"), 9);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change"
	    " WHERE field = 'f23' AND old = 'v23' AND new = 'v23'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change"
	    " WHERE field = 'f24' AND old IS NULL AND new IS NULL"), 1);
}

/* Another person, on the same deployment, who stays. */
static const char other[] = OTHER ",Dubois,Amelie,Police,,f,"
    "amelie@police.example,+33 1,active,0,,,,,,,\n";

static void
deployment(struct store *s)
{
	struct deploy_row r = { "Ida", "flood", "ML", "2026-11-23", "",
	    "planning", "", NULL, NULL };
	struct assignment_row a = { 0, 0, "Ida", ZID, "", "proposed", NULL };
	struct deploy_writer *w;
	struct error err;
	char *stored;

	assert_int_equal(deploy_writer_begin(s, &w, &err), RC_OK);
	assert_int_equal(deploy_writer_put(w, &r, "", &err), RC_OK);
	assert_int_equal(deploy_writer_find(w, "Ida", &a.deployment, &stored,
	    &err), RC_OK);
	free(stored);
	a.person = testdb_int(s, "SELECT pk FROM person WHERE id = '" ZID "'");
	assert_int_equal(deploy_writer_assign(w, &a, 0, NULL, &err), RC_OK);
	a.person_id = OTHER;
	a.person = testdb_int(s, "SELECT pk FROM person WHERE id = '" OTHER
	    "'");
	assert_int_equal(deploy_writer_assign(w, &a, 0, NULL, &err), RC_OK);
	assert_int_equal(deploy_writer_end(s, w, RC_OK, &err), RC_OK);
}

/*
 * The person, imported, edited twice (the audit keeping old and new
 * values), with a mission, a window of unavailability and a place on a
 * deployment; and another person who stays.  Returns their pk.
 */
static long long
pool(struct store *s)
{
	static const struct audit_change was[] = {
		{ "email", "old.jq@mail.example",
		    "jolanthe.qzxwvyk@mail.example" },
		{ "phone", "+99 000 111 222", "+99 123 456 789" },
	};
	struct audit_entry e = { "ann", NULL, "person", ZID, "update",
	    "email,phone", was, 2 };
	struct audit_entry named = { "ann", NULL, "deployment", "Ida", "note",
	    "", NULL, 0 };
	static const struct audit_change note[] = {
		{ "members", "Jolanthe-Brrr Qzxwvyk", "Amelie Dubois" },
		{ "role", "lead", "deputy" },
	};
	struct strbuf people = { 0 };
	struct error err;
	size_t i;

	for (i = 0; i < sizeof versions / sizeof versions[0]; i++) {
		strbuf_reset(&people);
		strbuf_addf(&people, "%s%s%s", people_head, versions[i], other);
		testdb_import(s, strbuf_str(&people), i == 0 ? missions : NULL);
	}
	strbuf_free(&people);
	named.changes = note;
	named.nchanges = 2;
	testdb_exec(s, "BEGIN");
	assert_int_equal(audit_write(s, &e, &err), RC_OK);
	assert_int_equal(audit_write(s, &named, &err), RC_OK);
	testdb_exec(s, "COMMIT");
	testdb_write(s, "INSERT INTO unavailability(person, start, end,"
	    " reason) SELECT pk, '2026-12-01', '2026-12-10', 'Qzxwvyk wedding'"
	    " FROM person WHERE id = '" ZID "'");
	deployment(s);
	return testdb_int(s, "SELECT pk FROM person WHERE id = '" ZID "'");
}

/* How many rows of the person's are left, table by table. */
static long long
left_of(struct store *s, long long pk)
{
	char sql[1024];

	snprintf(sql, sizeof sql, "SELECT (SELECT count(*) FROM person WHERE"
	    " pk = %1$lld) + (SELECT count(*) FROM person_language WHERE"
	    " person = %1$lld) + (SELECT count(*) FROM person_theme WHERE"
	    " person = %1$lld) + (SELECT count(*) FROM person_skill WHERE"
	    " person = %1$lld) + (SELECT count(*) FROM service WHERE"
	    " person = %1$lld) + (SELECT count(*) FROM service_theme WHERE"
	    " person = %1$lld) + (SELECT count(*) FROM unavailability WHERE"
	    " person = %1$lld) + (SELECT count(*) FROM assignment WHERE"
	    " person = %1$lld) + (SELECT count(*) FROM person_fts WHERE"
	    " rowid = %1$lld) + (SELECT count(*) FROM mission WHERE name ="
	    " 'Xylozorp Observer Team') + (SELECT count(*) FROM audit WHERE"
	    " entity_id = '" ZID "' AND action <> 'erased') + (SELECT"
	    " count(*) FROM audit WHERE instr(fields, '" ZID "')) + (SELECT"
	    " count(*) FROM audit_change WHERE instr(old, 'Qzxwvyk'))", pk);
	return testdb_int(s, sql);
}

static void
test_erase_rows(void **state)
{
	struct store *s = *state;
	static const struct audit_change others[] = {
		{ "email", "jolanthe.qzxwvyk@mail.example",
		    "amelie@police.example" },
		{ "phone", "+99 123 456 789 0", "+33 1" },
	};
	struct audit_entry e = { "ann", NULL, "person", OTHER, "update",
	    "email,phone", others, 2 };
	struct error err;
	char day[DATE_LEN];
	long long pk = pool(s), assignments;
	int yes;

	/* Another's values: one that is the person's e-mail goes, one that
	 * only starts like their phone stays. */
	testdb_exec(s, "BEGIN");
	assert_int_equal(audit_write(s, &e, &err), RC_OK);
	testdb_exec(s, "COMMIT");

	assert_int_not_equal(left_of(s, pk), 0);
	assignments = testdb_int(s, "SELECT count(*) FROM assignment_history");
	assert_int_equal(erase_known(s, ZID, &yes, &err), RC_OK);
	assert_false(yes);
	assert_int_equal(erase_person(s, pk, &err), RC_OK);
	assert_int_equal(left_of(s, pk), 0);
	/* One line remains, with the id, the word and no fields. */
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE"
	    " entity = 'person' AND entity_id = '" ZID "' AND action ="
	    " 'erased' AND fields = ''"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change c"
	    " JOIN audit a ON a.pk = c.audit WHERE a.entity_id = '" ZID "'"),
	    0);
	assert_int_equal(erase_known(s, ZID, &yes, &err), RC_OK);
	assert_true(yes);
	assert_int_equal(erase_known(s, OTHER, &yes, &err), RC_OK);
	assert_false(yes);
	assert_int_equal(erase_day(s, ZID, day, &err), RC_OK);
	assert_int_equal(strlen(day), 10);
	/* The other person and their part of the deployment stay. */
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM assignment"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM "
	    "assignment_history"), assignments - 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE"
	    " entity_id = 'Ida' AND fields = 'person=" OTHER "'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change"
	    " WHERE field = 'role' AND old = 'lead'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change"
	    " WHERE old = 'jolanthe.qzxwvyk@mail.example'"), 0);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change"
	    " WHERE old = '+99 123 456 789 0'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person_fts WHERE"
	    " person_fts MATCH 'dubois'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person_fts WHERE"
	    " person_fts MATCH 'qzxwvyk'"), 0);
	/* The audit stays closed to anyone else. */
	assert_int_not_equal(sqlite3_exec(s->db, "DELETE FROM audit", NULL,
	    NULL, NULL), SQLITE_OK);
	/* Nobody to erase. */
	assert_int_equal(erase_person(s, pk, &err), RC_REFUSED);
}

/* The whole of a file, or NULL and *len 0 when there is none. */
static char *
slurp(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	*len = 0;
	if (fp == NULL)
		return NULL;
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

/* The traces found in path (the database, its -wal or -shm), one a line. */
static void
traces_in(const char *path, struct strbuf *found)
{
	size_t len, i;
	char *buf = slurp(path, &len);

	for (i = 0; i < sizeof traces / sizeof traces[0]; i++)
		if (buf != NULL && memmem(buf, len, traces[i],
		    strlen(traces[i])) != NULL)
			strbuf_addf(found, "%s: %s\n", path, traces[i]);
	free(buf);
}

static void
test_erase_bytes(void **state)
{
	struct store *s = *state;
	static const char *const suffix[] = { "", "-wal", "-shm" };
	struct strbuf found = { 0 }, path = { 0 };
	struct error err;
	size_t len, i;
	long long pk = pool(s);
	char *buf;

	/* Before: the traces are there to be found. */
	for (i = 0; i < 3; i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s%s", testdb_path(), suffix[i]);
		traces_in(strbuf_str(&path), &found);
	}
	assert_true(strstr(strbuf_str(&found), "qzxwvyk@") != NULL);
	strbuf_reset(&found);
	assert_int_equal(erase_person(s, pk, &err), RC_OK);
	for (i = 0; i < 3; i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s%s", testdb_path(), suffix[i]);
		traces_in(strbuf_str(&path), &found);
	}
	assert_string_equal(strbuf_str(&found), "");
	/* What stays is still there: the search found what it sought. */
	buf = slurp(testdb_path(), &len);
	assert_non_null(memmem(buf, len, "amelie@police.example", 21));
	assert_non_null(memmem(buf, len, ZID, strlen(ZID)));
	free(buf);
	strbuf_free(&found);
	strbuf_free(&path);
}

/*
 * Screens and tags hold people by row: the row of someone erased is
 * never given to the next person added, even when it was the last.
 */
static void
test_erase_row_not_reused(void **state)
{
	struct store *s = *state;
	struct error err;
	long long pk, next;

	testdb_import(s, "id,family_name,given_name\n" ZID ",Zed,Anna\n",
	    NULL);
	pk = testdb_int(s, "SELECT pk FROM person WHERE id = '" ZID "'");
	assert_int_equal(pk, testdb_int(s, "SELECT max(pk) FROM person"));
	assert_int_equal(erase_person(s, pk, &err), RC_OK);
	testdb_import(s, "family_name,given_name\nZed,Bert\n", NULL);
	next = testdb_int(s, "SELECT pk FROM person WHERE given_name = "
	    "'Bert'");
	assert_true(next > pk);
	/* A second erase does not lower the floor. */
	assert_int_equal(erase_person(s, next, &err), RC_OK);
	testdb_import(s, "family_name,given_name\nZed,Cleo\n", NULL);
	assert_true(testdb_int(s, "SELECT pk FROM person WHERE given_name = "
	    "'Cleo'") > next);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_test(test_audit_each),
		testdb_test(test_audit_many),
		testdb_test(test_erase_rows),
		testdb_test(test_erase_bytes),
		testdb_test(test_erase_row_not_reused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

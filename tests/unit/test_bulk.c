/*
 * Bulk loads (bulk.h): while one is in progress the people's tables have
 * no triggers and no secondary indexes and the term bitmaps are not kept;
 * at its end the pool is as the row-by-row path leaves it (rows, audit,
 * change notes, bitmaps, words index, schema), and a rollback leaves it
 * as it was.  A pool that holds people is not loaded in bulk.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "bulk.h"
#include "fixture.h"
#include "fts.h"
#include "strbuf.h"
#include "terms.h"
#include "testdb.h"

/* Someone the row-path pool holds before the load, so that it is one. */
static const char first[] = "id,family_name,given_name\n"
    "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f,Zeller,Zoe\n";
#define FIRST_ID "0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f"

/* A mission given twice: the second row updates the first (audited). */
static const char again[] =
    "11111111-1111-4111-8111-111111111111,EUCAP Sahel Mali,ML,2021-03-01,"
    ",Mentor,\n"
    "11111111-1111-4111-8111-111111111111,EUCAP Sahel Mali,ML,2021-03-01,"
    "2022-01-01,Team Leader,rule-of-law\n";

/*
 * What a pool holds of the load, by id rather than pk (the row-path pool
 * numbers everyone one higher), without times, and without FIRST_ID.
 */
static const char *const dump_sql[] = {
	"SELECT id, family_name, given_name, agency, rank, gender, email,"
	" phone, status, notice_days, passport_expiry, medical_expiry,"
	" heat_expiry, notes, dnc, dnc_until, reviewed, version, origin"
	" FROM person WHERE id <> '" FIRST_ID "' ORDER BY id",
	"SELECT p.id, l.code, l.level FROM person_language l JOIN person p"
	" ON p.pk = l.person ORDER BY 1, 2",
	"SELECT p.id, t.slug FROM person_theme t JOIN person p"
	" ON p.pk = t.person ORDER BY 1, 2",
	"SELECT p.id, t.slug FROM person_skill t JOIN person p"
	" ON p.pk = t.person ORDER BY 1, 2",
	"SELECT p.id, m.name, s.country, s.start, s.end, s.role,"
	" (SELECT group_concat(slug) FROM (SELECT slug FROM service_theme t"
	" WHERE t.service = s.pk AND t.person = p.pk ORDER BY slug))"
	" FROM service s JOIN person p ON p.pk = s.person"
	" JOIN mission m ON m.pk = s.mission ORDER BY 1, 2, 4",
	"SELECT p.id, u.start, u.end, u.reason FROM unavailability u"
	" JOIN person p ON p.pk = u.person ORDER BY 1, 2",
	"SELECT a.who, a.entity, a.entity_id, a.action, a.fields,"
	" (SELECT group_concat(field || '=' || coalesce(old, '-') || '>' ||"
	" coalesce(new, '-'), ' ') FROM (SELECT * FROM audit_change c"
	" WHERE c.audit = a.pk ORDER BY field)) FROM audit a"
	" WHERE a.entity_id <> '" FIRST_ID "' ORDER BY a.pk",
	/* Each person noted as changed by the load's step, the last. */
	"SELECT p.id, c.seq = (SELECT n FROM change_counter) FROM changed c"
	" JOIN person p ON c.kind = 'p' AND c.ref = p.pk"
	" WHERE p.id <> '" FIRST_ID "' ORDER BY 1",
	"SELECT count(*) FROM changed WHERE kind = 'p' AND ref NOT IN"
	" (SELECT pk FROM person)",
	"SELECT f.names, f.agency, f.title, f.notes, f.missions FROM"
	" person_fts f JOIN person p ON p.pk = f.rowid"
	" WHERE p.id <> '" FIRST_ID "' ORDER BY p.id",
	"SELECT live, (SELECT count(*) FROM term_dirty) FROM term_state",
	"SELECT type, name, tbl_name, sql FROM sqlite_schema"
	" WHERE name NOT GLOB 'sqlite_stat*' ORDER BY type, name",
};

static void
dump(struct store *s, struct strbuf *out)
{
	sqlite3_stmt *st;
	const char *v;
	size_t i;
	int c, rc;

	for (i = 0; i < sizeof dump_sql / sizeof dump_sql[0]; i++) {
		if (sqlite3_prepare_v2(s->db, dump_sql[i], -1, &st, NULL) !=
		    SQLITE_OK)
			fail_msg("%s: %s", dump_sql[i], sqlite3_errmsg(s->db));
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			for (c = 0; c < sqlite3_column_count(st); c++) {
				v = (const char *)sqlite3_column_text(st, c);
				strbuf_addf(out, "%s|", v != NULL ? v : "NULL");
			}
			strbuf_adds(out, "\n");
		}
		assert_int_equal(rc, SQLITE_DONE);
		sqlite3_finalize(st);
	}
}

static void
count_problem(const char *msg, void *arg)
{
	print_message("problem: %s\n", msg);
	(*(int *)arg)++;
}

/* The bitmaps and the words index agree with the rows. */
static void
kept_right(struct store *s)
{
	struct error err;
	int n = 0;

	if (terms_check(s, count_problem, &n, &err) != RC_OK ||
	    fts_check(s, count_problem, &n, &err) != RC_OK)
		fail_msg("check: %s", err.msg);
	assert_int_equal(n, 0);
}

/* The fixture pool plus a mission given twice, imported into s. */
static void
load(struct store *s)
{
	char *both;

	both = xmalloc(strlen(fixture_missions) + sizeof again);
	strcpy(both, fixture_missions);
	strcat(both, again);
	testdb_import(s, fixture_people, both);
	free(both);
}

static void
bulk_same_as_rows(void **state)
{
	struct store *bulk = testdb_open(), *rows = testdb_open();
	struct strbuf a = { 0 }, b = { 0 };

	(void)state;
	testdb_import(rows, first, NULL);
	load(bulk);
	load(rows);
	dump(bulk, &a);
	dump(rows, &b);
	assert_string_equal(strbuf_str(&a), strbuf_str(&b));
	/* The second row of the mission given twice updated the first. */
	assert_int_equal(testdb_int(bulk, "SELECT count(*) FROM audit"
	    " WHERE action = 'mission update'"), 1);
	kept_right(bulk);
	kept_right(rows);
	strbuf_free(&a);
	strbuf_free(&b);
	testdb_close(bulk);
	testdb_close(rows);
}

static long long
schema_objects(struct store *s, const char *type)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_schema WHERE"
	    " type = '%s' AND tbl_name IN ('person', 'person_language',"
	    " 'service', 'unavailability') AND sql IS NOT NULL", type);
	return testdb_int(s, sql);
}

static char *
schema(struct store *s)
{
	sqlite3_stmt *st;
	struct strbuf out = { 0 };

	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT type, name, sql"
	    " FROM sqlite_schema ORDER BY type, name", -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		strbuf_addf(&out, "%s %s %s\n", sqlite3_column_text(st, 0),
		    sqlite3_column_text(st, 1), sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	return strbuf_steal(&out);
}

/* A bulk load begun in a new transaction, and Anna (pk 7) written. */
static struct bulk *
load_anna(struct store *s)
{
	struct bulk *b;
	struct error err;

	assert_int_equal(store_begin(s, &err), RC_OK);
	assert_int_equal(bulk_begin(s, &b, &err), RC_OK);
	assert_non_null(b);
	testdb_exec(s, "INSERT INTO person(pk, id, family_name, given_name,"
	    " created, updated) VALUES (7, 'a', 'Wit', 'Anna', 'x', 'x');"
	    " INSERT INTO person_language VALUES (7, 'fr', 4)");
	return b;
}

/* Inside a load nothing is noted; its end notes everyone, once. */
static void
bulk_suspends(void **state)
{
	struct store *s = *state;
	struct error err;
	char *before = schema(s), *after;
	struct bulk *b = load_anna(s);

	assert_int_equal(schema_objects(s, "trigger"), 0);
	assert_int_equal(schema_objects(s, "index"), 0);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM changed"), 0);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM term_dirty"), 0);
	assert_int_equal(testdb_int(s, "SELECT live FROM term_state"), 0);
	/* The words are the loader's to index, as import and demo do. */
	assert_int_equal(fts_refresh(s, 1, &err), RC_OK);
	assert_int_equal(bulk_end(b, &err), RC_OK);
	bulk_free(b);
	assert_int_equal(store_commit(s, &err), RC_OK);
	after = schema(s);
	assert_string_equal(before, after);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM changed WHERE"
	    " kind = 'p' AND ref = 7 AND seq = (SELECT n FROM"
	    " change_counter)"), 1);
	assert_int_equal(testdb_int(s, "SELECT live FROM term_state"), 1);
	kept_right(s);
	free(before);
	free(after);
}

/* A load rolled back leaves the triggers, indexes and bitmaps kept. */
static void
bulk_rolled_back(void **state)
{
	struct store *s = *state;
	char *before = schema(s), *after;
	struct bulk *b = load_anna(s);

	store_rollback(s);
	bulk_free(b);
	after = schema(s);
	assert_string_equal(before, after);
	assert_int_equal(testdb_int(s, "SELECT live FROM term_state"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person"), 0);
	free(before);
	free(after);
}

/* An index whose name holds a quote is dropped and made again as one
 * name, not read as SQL. */
static void
bulk_quoted_name(void **state)
{
	struct store *s = *state;
	struct error err;
	struct bulk *b;

	testdb_exec(s, "CREATE INDEX \"odd\"\"; DROP TABLE audit; --\""
	    " ON person(agency)");
	b = load_anna(s);
	assert_int_equal(schema_objects(s, "index"), 0);
	assert_int_equal(bulk_end(b, &err), RC_OK);
	bulk_free(b);
	assert_int_equal(store_commit(s, &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = 'odd\"; DROP TABLE audit; --'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = 'audit'"), 1);
}

/* A pool that holds people takes a load row by row. */
static void
bulk_not_for_people(void **state)
{
	struct store *s = *state;
	struct bulk *b;
	struct error err;

	assert_int_equal(store_begin(s, &err), RC_OK);
	assert_int_equal(bulk_begin(s, &b, &err), RC_OK);
	assert_null(b);
	store_rollback(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(bulk_same_as_rows),
		testdb_test(bulk_suspends),
		testdb_test(bulk_rolled_back),
		testdb_test(bulk_quoted_name),
		testdb_fixture_test(bulk_not_for_people),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

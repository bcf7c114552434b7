/*
 * The same person twice (dupes.h): the pairs found and not found, not
 * the same remembered, and a merge with its field choice, its united
 * lists, the alias it leaves and its refusal on a version that moved.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "alias.h"
#include "dupes.h"
#include "edit.h"
#include "erase.h"
#include "testdb.h"

#define A_ID	"11111111-1111-4111-8111-111111111111"
#define B_ID	"22222222-2222-4222-8222-222222222222"

static const char people_head[] = "id,family_name,given_name,agency,rank,"
    "gender,email,phone,status,notice_days,passport_expiry,medical_expiry,"
    "heat_expiry,languages,themes,skills,notes\n";
static const char missions_head[] = "person_id,mission,country,start,end,"
    "role,themes\n";

static long long
pk_of(struct store *s, const char *id)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT pk FROM person WHERE id = '%s'",
	    id);
	return testdb_int(s, sql);
}

#define C_ID	"33333333-3333-4333-8333-333333333333"
#define D_ID	"44444444-4444-4444-8444-444444444444"

/* Four people, A..D, given as the people file's rows after the id. */
static void
four(struct store *s, const char *a, const char *b, const char *c,
    const char *d)
{
	char people[2048];

	snprintf(people, sizeof people, "%s" A_ID ",%s\n" B_ID ",%s\n"
	    C_ID ",%s\n" D_ID ",%s\n", people_head, a, b, c, d);
	testdb_import(s, people, NULL);
}

/* The pairs found, as "A-B why evidence" lines by the ids' first
 * letters. */
static char *
found(struct store *s)
{
	struct dupes_list l;
	struct error err;
	char line[1024], *out;
	size_t i, len = 0;

	assert_int_equal(dupes_find(s, &l, &err), RC_OK);
	out = calloc(1, 1);
	for (i = 0; i < l.n; i++) {
		snprintf(line, sizeof line, "%c-%c %u %s\n", l.pairs[i].a[0],
		    l.pairs[i].b[0], l.pairs[i].why, l.pairs[i].evidence);
		out = realloc(out, len + strlen(line) + 1);
		strcpy(out + len, line);
		len += strlen(line);
	}
	dupes_list_free(&l);
	return out;
}

#define assert_found(s, want) do { \
	char *got_ = found(s); \
	assert_string_equal(got_, want); \
	free(got_); \
} while (0)

static void
test_find_email(void **state)
{
	struct store *s = *state;

	four(s, "de Wit,Anna,KMar,,,a.dewit@KMAR.nl,,active,0,,,,,,,",
	    "Wit,Anneke,Politie,,,A.DeWit@kmar.nl,,active,0,,,,,,,",
	    "Jansen,Piet,KMar,,,,,active,0,,,,,,,",
	    "Bakker,Kees,KMar,,,,,active,0,,,,,,,");
	/* Two empty e-mails are not the same e-mail. */
	assert_found(s, "1-2 1 same e-mail a.dewit@KMAR.nl\n");
}

static void
test_find_phone(void **state)
{
	struct store *s = *state;

	four(s, "de Wit,Anna,KMar,,,,+31 6 1234 5678,active,0,,,,,,,",
	    "Wit,Anneke,Politie,,,,0031612345678,active,0,,,,,,,",
	    "Jansen,Piet,KMar,,,,06 1234 5679,active,0,,,,,,,",
	    "Bakker,Kees,KMar,,,,06 1234 5679,active,0,,,,,,,");
	testdb_write(s, "UPDATE person SET origin = 'KMar'");
	assert_found(s, "1-2 2 same phone +31 6 1234 5678\n"
	    "3-4 2 same phone 06 1234 5679\n");
	/* A national number is the same only in the same pool. */
	testdb_write(s, "UPDATE person SET origin = 'Politie' WHERE id = '"
	    D_ID "'");
	assert_found(s, "1-2 2 same phone +31 6 1234 5678\n");
}

/* A phone of zeros is a placeholder, like an empty one: no one's. */
static void
test_find_phone_zeros(void **state)
{
	struct store *s = *state;

	four(s, "de Wit,Anna,KMar,,,,000,active,0,,,,,,,",
	    "Jansen,Piet,KMar,,,,000,active,0,,,,,,,",
	    "Bakker,Kees,KMar,,,,0,active,0,,,,,,,",
	    "Visser,Sanna,KMar,,,,+0,active,0,,,,,,,");
	testdb_write(s, "UPDATE person SET origin = 'KMar'");
	assert_found(s, "");
}

static void
test_find_folded(void **state)
{
	struct store *s = *state;

	four(s, "Müller,Jürgen,BKA,,,,,active,0,,,,,,,",
	    "Mueller,Juergen,bka,,,,,active,0,,,,,,,",
	    "MULLER,Jurgen,BKA,,,,,active,0,,,,,,,",
	    "Müller,Jürgen,Bundespolizei,,,,,active,0,,,,,,,");
	/* The same agency in any case; not across agencies (D) without a
	 * mission in common. */
	assert_found(s, "1-2 4 same name and agency BKA\n"
	    "1-3 4 same name and agency BKA\n");
}

static void
test_find_mission(void **state)
{
	struct store *s = *state;
	char missions[1024];

	four(s, "de Wit,Anna,KMar,,,,,active,0,,,,,,,",
	    "De Wit,Anna,Politie,,,,,active,0,,,,,,,",
	    "Jansen,Piet,KMar,,,,,active,0,,,,,,,",
	    "Jansen,Piet,Politie,,,,,active,0,,,,,,,");
	snprintf(missions, sizeof missions, "%s"
	    A_ID ",EULEX Kosovo,XK,2019-01-01,2019-09-30,,\n"
	    B_ID ",EULEX Kosovo,XK,2019-03-01,,,\n"
	    C_ID ",EULEX Kosovo,XK,2019-01-01,2019-02-28,,\n"
	    D_ID ",EULEX Kosovo,XK,2019-03-01,2019-09-30,,\n", missions_head);
	testdb_import(s, "id,family_name,given_name\n", missions);
	/* Piet Jansen's two were there at different times. */
	assert_found(s, "1-2 8 same name, both on EULEX Kosovo "
	    "(2019-03-01..2019-09-30)\n");
}

static void
test_find_decided(void **state)
{
	struct store *s = *state;
	struct error err;
	char kept[PERSON_ID_LEN];
	int found_alias;

	four(s, "de Wit,Anna,KMar,,,a@kmar.nl,,active,0,,,,,,,",
	    "de Wit,Anna,KMar,,,a@kmar.nl,,active,0,,,,,,,",
	    "Jansen,Piet,KMar,,,p@kmar.nl,,active,0,,,,,,,",
	    "Jansen,Piet,KMar,,,p@kmar.nl,,active,0,,,,,,,");
	assert_found(s, "1-2 5 same e-mail a@kmar.nl; same name and agency "
	    "KMar\n3-4 5 same e-mail p@kmar.nl; same name and agency KMar\n");
	/* Either order; remembered. */
	assert_int_equal(dupes_not_same(s, D_ID, C_ID, &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM not_same WHERE"
	    " a = '" C_ID "' AND b = '" D_ID "'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE"
	    " action = 'not-same'"), 2);
	assert_found(s, "1-2 5 same e-mail a@kmar.nl; same name and agency "
	    "KMar\n");
	assert_int_equal(dupes_not_same(s, C_ID, C_ID, &err), RC_INPUT);
	/* Merged: the pair is gone, the id leads to the one kept. */
	assert_int_equal(dupes_merge(s, pk_of(s, A_ID), 0, pk_of(s, B_ID), 0,
	    0, &err), RC_OK);
	assert_found(s, "");
	assert_int_equal(alias_resolve(s, B_ID, kept, &found_alias, &err),
	    RC_OK);
	assert_true(found_alias);
	assert_string_equal(kept, A_ID);
}

/* Two records of Anna de Wit with different contacts and lists. */
static void
two_annas(struct store *s)
{
	char people[1024], missions[1024];

	snprintf(people, sizeof people, "%s"
	    A_ID ",de Wit,Anna,KMar,Major,f,a.dewit@kmar.nl,+31 6 1,active,"
	    "2,,,,fr:B2,drugs,,first\n"
	    B_ID ",de Wit,Anna,KMar,Captain,f,anna@example.org,,active,5,,,,"
	    "fr:C1;en:B1,forensics;drugs,,second\n", people_head);
	snprintf(missions, sizeof missions, "%s"
	    A_ID ",EULEX Kosovo,XK,2019-03-01,2019-09-30,adviser,\n"
	    B_ID ",EULEX Kosovo,XK,2019-03-01,2019-09-30,mentor,\n"
	    B_ID ",EUCAP Sahel Mali,ML,2021-01-01,2021-06-30,,\n",
	    missions_head);
	testdb_import(s, people, missions);
}

static void
test_merge_take(void **state)
{
	struct store *s = *state;
	struct edit_record *r;
	struct error err;
	char kept[PERSON_ID_LEN];
	long long a, b;
	int found;

	two_annas(s);
	a = pk_of(s, A_ID);
	b = pk_of(s, B_ID);
	assert_int_equal(dupes_merge(s, a, 0, b, 0, 1u << EF_RANK, &err),
	    RC_OK);
	assert_int_equal(edit_load(s, a, &r, &err), RC_OK);
	assert_string_equal(r->value[EF_RANK], "Captain");
	assert_string_equal(r->value[EF_EMAIL], "a.dewit@kmar.nl");
	assert_string_equal(r->value[EF_NOTICE_DAYS], "2");
	/* United: the higher level, every theme once. */
	assert_string_equal(r->value[EF_LANGUAGES], "en:B1;fr:C1");
	assert_string_equal(r->value[EF_THEMES], "drugs;forensics");
	/* Keep's mission of the same key stays keep's. */
	assert_int_equal(r->nmissions, 2);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM service s"
	    " JOIN mission m ON m.pk = s.mission WHERE m.name ="
	    " 'EULEX Kosovo' AND role = 'adviser'"), 1);
	edit_free(r);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person_fts"), 1);
	assert_int_equal(alias_resolve(s, B_ID, kept, &found, &err), RC_OK);
	assert_true(found);
	assert_string_equal(kept, A_ID);
	/* What came from whom, on both ids. */
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE"
	    " action = 'merge' AND ((entity_id = '" A_ID "' AND fields ="
	    " 'from=" B_ID "') OR (entity_id = '" B_ID "' AND fields ="
	    " 'into=" A_ID "'))"), 2);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change c"
	    " JOIN audit a ON a.pk = c.audit WHERE a.entity_id = '" B_ID "'"
	    " AND a.action = 'merge' AND c.field = 'email' AND c.old ="
	    " 'anna@example.org'"), 1);
}

/* other's deployments and replies become keep's; where both are on one
 * deployment keep's place stays and other's status is in the audit. */
static void
test_merge_assignments(void **state)
{
	struct store *s = *state;
	struct error err;
	char sql[1024];
	long long a, b;

	two_annas(s);
	a = pk_of(s, A_ID);
	b = pk_of(s, B_ID);
	testdb_deploy(s, "Ida", "hurricane", "HT", "2026-09-01", NULL, NULL,
	    NULL);
	testdb_deploy(s, "Ana", "flood", "HT", "2026-09-01", NULL, NULL, NULL);
	snprintf(sql, sizeof sql, "INSERT INTO assignment(deployment, person,"
	    " status) SELECT pk, %lld, 'confirmed' FROM deployment WHERE name"
	    " = 'Ida' UNION ALL SELECT pk, %lld, 'declined' FROM deployment"
	    " WHERE name = 'Ida' UNION ALL SELECT pk, %lld, 'proposed' FROM"
	    " deployment WHERE name = 'Ana'; INSERT INTO reply(person, at,"
	    " received, channel, answer) VALUES (%lld, '2026-09-01T10:00:00Z',"
	    " '2026-09-01T10:00:00Z', 'sms', 'yes')", a, b, b, b);
	testdb_write(s, sql);
	assert_int_equal(dupes_merge(s, a, 0, b, 0, 0, &err), RC_OK);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM assignment WHERE"
	    " person = %lld", a);
	assert_int_equal(testdb_int(s, sql), 2);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM reply WHERE"
	    " person = %lld", a);
	assert_int_equal(testdb_int(s, sql), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM assignment a JOIN"
	    " deployment d ON d.pk = a.deployment WHERE d.name = 'Ida' AND"
	    " a.status = 'confirmed'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change c"
	    " JOIN audit a ON a.pk = c.audit WHERE a.action = 'merge' AND"
	    " ((a.entity_id = '" B_ID "' AND c.field = 'deployment Ida' AND"
	    " c.old = 'declined' AND c.new = 'confirmed') OR (a.entity_id ="
	    " '" A_ID "' AND c.field = 'deployment Ana' AND c.old IS NULL AND"
	    " c.new = 'proposed'))"), 2);
}

/* Erasing the kept person erases the ids merged into theirs. */
static void
test_erase_merged(void **state)
{
	struct store *s = *state;
	struct error err;
	int yes;

	two_annas(s);
	assert_int_equal(dupes_merge(s, pk_of(s, A_ID), 0, pk_of(s, B_ID), 0,
	    0, &err), RC_OK);
	assert_int_equal(erase_person(s, pk_of(s, A_ID), &err), RC_OK);
	assert_int_equal(erase_known(s, B_ID, &yes, &err), RC_OK);
	assert_true(yes);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person_alias"),
	    0);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE"
	    " entity_id = '" B_ID "' OR instr(fields, '" B_ID "')"), 0);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change"
	    " WHERE instr(old, 'anna@example.org') OR instr(new,"
	    " 'anna@example.org')"), 0);
}

/* The state a refused merge must leave as it was. */
static char *
snapshot(struct store *s)
{
	sqlite3_stmt *st;
	char *out;

	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT (SELECT"
	    " group_concat(id || rank || version || email, ',') FROM person)"
	    " || (SELECT count(*) FROM audit) || (SELECT count(*) FROM"
	    " person_alias) || (SELECT count(*) FROM service)", -1, &st,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	out = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

static void
test_merge_version(void **state)
{
	struct store *s = *state;
	struct error err;
	long long a, b, v;
	char *before, *after;

	two_annas(s);
	a = pk_of(s, A_ID);
	b = pk_of(s, B_ID);
	v = testdb_int(s, "SELECT version FROM person WHERE id = '" B_ID "'");
	before = snapshot(s);
	assert_int_equal(dupes_merge(s, a, 0, b, v + 1, 0, &err), RC_REFUSED);
	assert_non_null(strstr(err.msg, "Anna de Wit"));
	assert_int_equal(dupes_merge(s, a, a, a, 0, 0, &err), RC_INPUT);
	after = snapshot(s);
	assert_string_equal(before, after);
	free(before);
	free(after);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_test(test_find_email),
		testdb_test(test_find_phone),
		testdb_test(test_find_phone_zeros),
		testdb_test(test_find_folded),
		testdb_test(test_find_mission),
		testdb_test(test_find_decided),
		testdb_test(test_merge_take),
		testdb_test(test_merge_version),
		testdb_test(test_merge_assignments),
		testdb_test(test_erase_merged),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/*
 * Term bitmaps (terms.h): a search answered from them matches exactly the
 * people the same search over the rows matches, after roster's writes,
 * after another program's, after a bulk load; roster check finds bitmaps
 * that disagree with the rows and --repair's rebuild mends them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "check.h"
#include "filter.h"
#include "search.h"
#include "terms.h"
#include "testdb.h"

/* Every family, ranges, several keys, case, complements, dates around a
 * month's end, availability (windows), missions by part of the name. */
static const char *filters[] = {
	"lang:fr", "lang:fr>=B2", "lang:en>=C1", "lang:ar", "-lang:en",
	"country:ML", "country:ML OR country:NE", "theme:border",
	"theme:b", "skill:first", "agency:KMar", "agency:kmar",
	"agency:POLITIE", "origin:KMar", "status:active", "status:left",
	"-status:left", "gender:f", "gender:x", "notice:0", "notice:3",
	"notice:30", "avail:today", "avail:+3d..+30d", "avail:2020-01-01",
	"ready:today", "ready:+30d", "ready:2027-01-01", "ready:2026-12-31",
	"passport:+1w", "medical:2028-02-29", "heat:today",
	"ready:9999-12-31", "mission:eucap", "mission:e", "mission:zzz",
	"avail:+1w..+8w", "avail:2027-06-01..2027-06-30",
	"lang:fr theme:border (country:ML OR country:NE) notice:3",
	"lang:en>=C1 skill:first avail:+2d..+30d -status:left",
};
#define NFILTERS (sizeof filters / sizeof filters[0])

/* The pks a filter matches, as text, for messages that show the sets. */
static void
matches(struct store *s, const char *text, char *buf, size_t len)
{
	struct search_result *r;
	struct filter *f;
	struct error err;
	const struct bitmap *b;
	size_t at = 0;
	long long pk;

	if (filter_compile(s, text, testdb_today(), &f, &err) != RC_OK)
		fail_msg("filter '%s': %s", text, err.msg);
	if (search_eval(s, f, NULL, &r, &err) != RC_OK)
		fail_msg("search '%s': %s", text, err.msg);
	b = search_result_bitmap(r);
	buf[0] = '\0';
	for (pk = 0; pk < bitmap_capacity(b) && at + 24 < len; pk++)
		if (search_result_has(r, pk))
			at += (size_t)snprintf(buf + at, len - at, "%lld ",
			    pk);
	search_result_free(r);
	filter_free(f);
}

/* Problems terms_check finds, counted. */
static void
count_problem(const char *msg, void *arg)
{
	(void)msg;
	(*(int *)arg)++;
}

static int
problems(struct store *s)
{
	struct error err;
	int n = 0;

	if (terms_check(s, count_problem, &n, &err) != RC_OK)
		fail_msg("terms_check: %s", err.msg);
	return n;
}

/*
 * Each filter from the bitmaps, then from the rows (the pool made to keep
 * none, as a bulk load in progress has it), then the bitmaps kept again.
 */
static void
assert_same(struct store *s)
{
	static char kept[NFILTERS][8192], rows[8192];
	size_t i;

	for (i = 0; i < NFILTERS; i++)
		matches(s, filters[i], kept[i], sizeof kept[i]);
	testdb_exec(s, "UPDATE term_state SET live = 0");
	for (i = 0; i < NFILTERS; i++) {
		matches(s, filters[i], rows, sizeof rows);
		if (strcmp(kept[i], rows) != 0)
			fail_msg("%s: bitmaps give [%s], rows [%s]", filters[i],
			    kept[i], rows);
	}
	testdb_exec(s, "UPDATE term_state SET live = 1");
}

static void
test_fixture_same(void **state)
{
	struct store *s = *state;

	assert_int_equal(testdb_int(s, "SELECT live FROM term_state"), 1);
	assert_true(testdb_int(s, "SELECT count(*) FROM term") > 10);
	assert_int_equal(problems(s), 0);
	assert_same(s);
}

/* roster's own writes are folded before they commit. */
static void
test_writes_folded(void **state)
{
	static const char *writes[] = {
		"UPDATE person SET agency = 'Politie' WHERE pk = 1",
		"UPDATE person SET status = 'left', notice_days = 30"
		    " WHERE pk = 2",
		"UPDATE person_language SET level = 6 WHERE person = 3",
		"DELETE FROM person_language WHERE person = 4",
		"INSERT INTO service(person, mission, country, start)"
		    " SELECT 5, pk, 'ML', '2020-01-01' FROM mission LIMIT 1",
		"DELETE FROM service WHERE person = 2",
		"UPDATE person SET gender = 'x', origin = 'KMar' WHERE pk = 3",
		"UPDATE person SET passport_expiry = '2027-01-01',"
		    " heat_expiry = NULL WHERE pk = 1",
		"UPDATE person SET medical_expiry = '2026-12-31' WHERE pk = 4",
		"UPDATE service SET mission = (SELECT max(pk) FROM mission)"
		    " WHERE person = 4",
		"INSERT INTO unavailability(person, start, end)"
		    " VALUES (2, '2026-01-01', NULL), (3, '2027-06-15',"
		    " '2027-06-20'), (1, '2026-11-25', '2026-11-30')",
		"UPDATE unavailability SET end = NULL WHERE person = 3",
		"DELETE FROM unavailability WHERE person = 2",
		"DELETE FROM person WHERE pk = 5",
	};
	struct store *s = *state;
	long long before;
	size_t i;

	for (i = 0; i < sizeof writes / sizeof writes[0]; i++) {
		before = testdb_int(s, "SELECT total_changes()");
		testdb_write(s, writes[i]);
		if (testdb_int(s, "SELECT total_changes()") == before)
			fail_msg("%s: changed nothing", writes[i]);
		assert_int_equal(testdb_int(s,
		    "SELECT count(*) FROM term_dirty"), 0);
		if (problems(s) != 0)
			fail_msg("after %s: the bitmaps disagree", writes[i]);
	}
	assert_same(s);
}

/* An update that changes no value a bitmap holds notes nothing, so that
 * a writer setting every column costs no recheck at commit. */
static void
test_unchanged_not_noted(void **state)
{
	struct store *s = *state;

	testdb_exec(s, "UPDATE person SET rank = 'Lt', agency = upper(agency),"
	    " notice_days = notice_days, passport_expiry = substr("
	    "passport_expiry, 1, 8) || '28' WHERE passport_expiry IS NOT NULL");
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM term_dirty"), 0);
	testdb_exec(s, "UPDATE person SET notice_days = notice_days + 1"
	    " WHERE pk = 1");
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM term_dirty"), 10);
	assert_int_equal(problems(s), 0);
	assert_same(s);
}

/*
 * Another program's write (the sqlite3 shell) is noted by the triggers
 * and not folded: a search applies it, check does not call it a problem,
 * and roster's next write folds it.
 */
static void
test_foreign_write(void **state)
{
	struct store *s = *state;

	testdb_exec(s, "UPDATE person SET agency = 'KMar', notice_days = 0"
	    " WHERE pk IN (2, 4, 6)");
	testdb_exec(s, "DELETE FROM person_language WHERE person = 1");
	testdb_exec(s, "INSERT INTO unavailability(person, start, end)"
	    " VALUES (3, '2026-01-01', NULL)");
	testdb_exec(s, "UPDATE person SET passport_expiry = '2030-01-01'"
	    " WHERE pk = 5");
	assert_true(testdb_int(s, "SELECT count(*) FROM term_dirty") > 0);
	assert_int_equal(problems(s), 0);
	assert_same(s);
	testdb_write(s, "UPDATE person SET rank = 'Lt' WHERE pk = 3");
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM term_dirty"), 0);
	assert_int_equal(problems(s), 0);
	assert_same(s);
}

/* A bitmap changed behind roster's back is found, and rebuilt. */
static void
test_check_and_repair(void **state)
{
	struct store *s = *state;
	struct error err;

	testdb_write(s, "INSERT INTO unavailability(person, start, end)"
	    " VALUES (1, '2026-01-01', NULL), (2, '2027-01-01', NULL)");
	assert_int_equal(problems(s), 0);
	testdb_exec(s, "UPDATE term SET bits = (SELECT bits FROM term"
	    " WHERE family = 'status' AND key = 'active')"
	    " WHERE family = 'lang' AND key = (SELECT min(key) FROM term"
	    " WHERE family = 'lang')");
	testdb_exec(s, "DELETE FROM term WHERE family = 'country'"
	    " AND key = 'ML'");
	testdb_exec(s, "UPDATE term SET bits = substr(bits, 13)"
	    " WHERE family = 'window'");
	assert_int_equal(problems(s), 3);
	assert_int_equal(check_repair(s, &err), RC_OK);
	assert_int_equal(problems(s), 0);
	assert_same(s);
}

/*
 * A bitmap under a key past any character (bytes no UTF-8 starts with)
 * is read by a search of every key of its family (the pool's size from
 * status), so roster check holds it against the rows too.
 */
static void
test_check_any_key(void **state)
{
	struct store *s = *state;

	testdb_exec(s, "INSERT INTO term(family, key, bits) SELECT family,"
	    " CAST(x'ff' AS TEXT), bits FROM term WHERE family = 'status'"
	    " AND key = 'active'");
	assert_int_equal(problems(s), 1);
}

/* A damaged BLOB is an error that says what to do, never a wrong answer. */
static void
test_damaged(void **state)
{
	struct store *s = *state;
	struct search_result *r;
	struct filter *f;
	struct error err;

	testdb_exec(s, "UPDATE term SET bits = x'00112233'"
	    " WHERE family = 'lang' AND key LIKE 'fr:%'");
	assert_int_equal(filter_compile(s, "lang:fr", testdb_today(), &f,
	    &err), RC_OK);
	assert_int_equal(search_eval(s, f, NULL, &r, &err), RC_DB);
	assert_non_null(strstr(err.msg, "roster check --repair"));
	filter_free(f);
	assert_true(problems(s) > 0);
	assert_int_equal(check_repair(s, &err), RC_OK);
	assert_int_equal(problems(s), 0);
}

/*
 * A BLOB of the right length whose contents lie is damaged too: a run
 * past its container, which a search would read as the next container's
 * people; a bitset container that says it holds 4,097 people and holds
 * 65,536, which CRoaring would take, and the fold's first remove would
 * write past its end.
 */
static void
test_damaged_contents(void **state)
{
	struct store *s = *state;
	struct search_result *r;
	struct filter *f;
	struct error err;
	char *sql;
	size_t at, i;

	testdb_exec(s, "UPDATE term SET bits = x'3b30000001000064000100"
	    "0100ffff' WHERE family = 'status' AND key = 'active'");
	assert_int_equal(filter_compile(s, "status:active", testdb_today(),
	    &f, &err), RC_OK);
	assert_int_equal(search_eval(s, f, NULL, &r, &err), RC_DB);
	assert_non_null(strstr(err.msg, "roster check --repair"));
	filter_free(f);
	sql = malloc(16384 + 256);
	at = (size_t)sprintf(sql, "UPDATE term SET bits = x'3a300000"
	    "01000000" "00000010" "10000000");
	for (i = 0; i < 8192; i++)
		at += (size_t)sprintf(sql + at, "ff");
	sprintf(sql + at, "' WHERE family = 'status' AND key = 'active'");
	testdb_exec(s, sql);
	free(sql);
	assert_int_equal(store_begin(s, &err), RC_OK);
	testdb_exec(s, "UPDATE person SET status = 'left' WHERE pk = 1");
	assert_int_equal(store_commit(s, &err), RC_DB);
	assert_non_null(strstr(err.msg, "damaged"));
	assert_true(problems(s) > 0);
	assert_int_equal(check_repair(s, &err), RC_OK);
	assert_int_equal(problems(s), 0);
}

/*
 * A bulk load suspends the noting; store_commit rebuilds, so the load and
 * its bitmaps commit together.  A rollback keeps the old ones.
 */
static void
test_suspend(void **state)
{
	struct store *s = *state;
	struct error err;

	assert_int_equal(store_begin(s, &err), RC_OK);
	assert_int_equal(terms_suspend(s, &err), RC_OK);
	testdb_exec(s, "UPDATE person SET agency = 'Bulk' WHERE pk % 2 = 0");
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM term_dirty"), 0);
	store_rollback(s);
	assert_int_equal(testdb_int(s, "SELECT live FROM term_state"), 1);
	assert_int_equal(problems(s), 0);
	assert_int_equal(store_begin(s, &err), RC_OK);
	assert_int_equal(terms_suspend(s, &err), RC_OK);
	testdb_exec(s, "UPDATE person SET agency = 'Bulk' WHERE pk % 2 = 0");
	assert_int_equal(store_commit(s, &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT live FROM term_state"), 1);
	assert_int_equal(problems(s), 0);
	assert_true(testdb_count(s, "agency:bulk", testdb_today()) > 0);
	assert_same(s);
}

/* A bulk load (a new file, roster demo's and import's) notes nothing row
 * by row; the commit that ends it builds every bitmap. */
static void
test_bulk(void **state)
{
	char path[512];
	struct store *s;
	struct error err;

	(void)state;
	snprintf(path, sizeof path, "%s.bulk", testdb_path());
	assert_int_equal(store_open(&s, path, STORE_CREATE | STORE_BULK,
	    &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT live FROM term_state"), 0);
	assert_int_equal(store_begin(s, &err), RC_OK);
	testdb_exec(s, "INSERT INTO person(id, family_name, given_name,"
	    " agency, created, updated) VALUES ('a', 'A', 'A', 'KMar', '', ''),"
	    " ('b', 'B', 'B', 'Politie', '', '')");
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM term_dirty"), 0);
	assert_int_equal(store_commit(s, &err), RC_OK);
	assert_int_equal(store_bulk_end(s, &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT live FROM term_state"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM term"
	    " WHERE family = 'agency'"), 2);
	assert_int_equal(problems(s), 0);
	store_close(s);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_fixture_test(test_fixture_same),
		testdb_fixture_test(test_writes_folded),
		testdb_fixture_test(test_foreign_write),
		testdb_fixture_test(test_unchanged_not_noted),
		testdb_fixture_test(test_check_and_repair),
		testdb_fixture_test(test_check_any_key),
		testdb_fixture_test(test_damaged),
		testdb_fixture_test(test_damaged_contents),
		testdb_fixture_test(test_suspend),
		testdb_test(test_bulk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

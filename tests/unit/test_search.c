/*
 * The search cache: a search through a cache answers exactly what a search
 * without one answers, and forgets what it knew as soon as this or another
 * connection writes to the database.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "demo.h"
#include "filter.h"
#include "search.h"
#include "tags.h"
#include "testdb.h"

static int today;

static long long
count(struct store *s, const char *text, struct search_cache *c)
{
	struct search_result *r;
	struct filter *f;
	struct error err;
	long long n;

	if (filter_compile(s, text, today, &f, &err) != RC_OK)
		fail_msg("filter '%s': %s", text, err.msg);
	if (search_eval(s, f, c, &r, &err) != RC_OK)
		fail_msg("search '%s': %s", text, err.msg);
	n = search_result_count(r);
	search_result_free(r);
	filter_free(f);
	return n;
}

/* Each filter twice through the cache (a miss, then hits) and once without. */
static void
test_same_answers(void **state)
{
	static const char *filters[] = {
		"", "lang:fr", "lang:fr lang:fr>=C1", "lang:fr -lang:fr>=C1",
		"avail:today", "avail:today avail:today", "ready:today",
		"country:ML OR country:NE", "-(country:ML OR country:NE)",
		"border", "border lang:fr avail:2026-12-01..2026-12-31",
		"lang:fr (theme:border-management OR skill:leadership)",
		"mission:\"EUCAP Sahel\" -status:left",
	};
	struct store *s = *state;
	struct search_cache *c = search_cache_new();
	size_t i;

	for (i = 0; i < sizeof filters / sizeof filters[0]; i++) {
		long long want = count(s, filters[i], NULL);

		assert_int_equal(count(s, filters[i], c), want);
		assert_int_equal(count(s, filters[i], c), want);
	}
	/* More sets than the cache holds, then the first ones again. */
	for (i = 0; i < sizeof filters / sizeof filters[0]; i++)
		assert_int_equal(count(s, filters[i], c),
		    count(s, filters[i], NULL));
	search_cache_free(c);
}

static void
test_own_write(void **state)
{
	struct store *s = *state;
	struct search_cache *c = search_cache_new();

	assert_int_equal(count(s, "lang:fr", c), 3);
	testdb_write(s, "DELETE FROM person_language WHERE person = (SELECT pk "
	    "FROM person WHERE family_name = 'Müller')");
	assert_int_equal(count(s, "lang:fr", c), 2);
	search_cache_free(c);
}

static void
test_other_write(void **state)
{
	struct store *s = *state, *other;
	struct search_cache *c = search_cache_new();
	struct error err;

	assert_int_equal(count(s, "country:ML", c), 1);
	if (store_open(&other, testdb_path(), 0, &err) != RC_OK)
		fail_msg("store_open: %s", err.msg);
	testdb_write(other, "UPDATE service SET country = 'ML' WHERE country = "
	    "'NE'");
	store_close(other);
	assert_int_equal(count(s, "country:ML", c), 2);
	search_cache_free(c);
}

/* Every page, read from either end, is its slice of the whole order. */
static void
test_pages(void **state)
{
	struct store *s = *state;
	struct search_result *r;
	struct filter *f;
	struct error err;
	sqlite3_stmt *st;
	long long all[8], page[8];
	size_t n, i, max;
	long long off, count;
	int sort, rev;

	assert_int_equal(filter_compile(s, "", today, &f, &err), RC_OK);
	assert_int_equal(search_eval(s, f, NULL, &r, &err), RC_OK);
	count = search_result_count(r);
	assert_int_equal(count, 5);
	for (sort = SORT_NAME; sort <= SORT_ID; sort++)
		for (rev = 0; rev < 2; rev++) {
			assert_int_equal(search_collect(s, r, sort, rev, &err),
			    RC_OK);
			assert_int_equal(store_prepare(s, &st, "SELECT pk FROM "
			    "temp.result ORDER BY seq", &err), RC_OK);
			for (i = 0; sqlite3_step(st) == SQLITE_ROW; i++)
				all[i] = sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
			assert_int_equal(i, count);
			for (max = 1; max <= 3; max++)
				for (off = 0; off <= count; off++) {
					assert_int_equal(search_page(s, r, sort,
					    rev, off, page, max, &n, &err),
					    RC_OK);
					assert_int_equal(n, off + (long long)max
					    <= count ? (long long)max : count - off);
					for (i = 0; i < n; i++)
						assert_int_equal(page[i],
						    all[off + (long long)i]);
				}
		}
	search_result_free(r);
	filter_free(f);
}

/* The tagged people, in order, however they were toggled. */
static void
test_tags_pks(void **state)
{
	struct tags t = { 0 };
	long long *pks;
	size_t n;

	(void)state;
	pks = tags_pks(&t, &n);
	assert_int_equal(n, 0);
	free(pks);
	tags_toggle(&t, 200);
	tags_toggle(&t, 3);
	tags_toggle(&t, 70);
	tags_toggle(&t, 64);
	tags_toggle(&t, 70);
	pks = tags_pks(&t, &n);
	assert_int_equal(n, 3);
	assert_int_equal(pks[0], 3);
	assert_int_equal(pks[1], 64);
	assert_int_equal(pks[2], 200);
	free(pks);
	tags_free(&t);
}

static void
explain(struct store *s, const char *text, struct search_cache *c,
    const char *want)
{
	struct strbuf out = { 0 };
	struct error err;

	if (search_explain_empty(s, text, today, c, &out, &err) != RC_OK)
		fail_msg("explain '%s': %s", text, err.msg);
	assert_string_equal(strbuf_str(&out), want);
	strbuf_free(&out);
}

/* Which term left nobody, counted with the filter's own search; terms
 * that compile to several sets (avail:) stay one term. */
static void
test_explain_empty(void **state)
{
	struct store *s = *state;
	struct search_cache *c = search_cache_new();
	char want[256];
	long long n;

	n = count(s, "avail:+5w lang:fr (country:ML OR country:NE)", NULL);
	assert_true(n > 1);
	snprintf(want, sizeof want, "%lld match avail:+5w lang:fr "
	    "(country:ML OR country:NE); none of them also match -lang:fr", n);
	explain(s, "avail:+5w lang:fr (country:ML OR country:NE) -lang:fr "
	    "border", NULL, want);
	explain(s, "avail:+5w AND lang:fr (country:ML OR country:NE) "
	    "NOT lang:fr border", c, want);
	explain(s, "zzqqx lang:fr", c, "nobody matches zzqqx");
	explain(s, "zz\033[2Jq lang:fr", c, "nobody matches zz^[[2Jq");
	explain(s, "zzqqx", c, "no match");
	explain(s, "zzqqx OR \"qqzzx\"", c, "no match");
	n = count(s, "-lang:fr", NULL);
	snprintf(want, sizeof want, "%lld match -lang:fr; none of them also "
	    "match lang:fr", n);
	explain(s, "-lang:fr lang:fr", c, want);
	search_cache_free(c);
}

/*
 * A page of a set too sparse for the old rule (four index steps a match)
 * but not for sixteen walks the name index and sorts nothing: no
 * temp.match is made, and the page is the sort's.
 */
static void
test_sparse_page_walks(void **state)
{
	struct demo_opts opts = { 2000, 5, 0 };
	struct store *s = *state;
	struct search_result *r;
	struct bitmap bm;
	struct error err;
	long long pks[50], want[50], pk, maxpk;
	size_t n, i = 0;
	sqlite3_stmt *st;

	opts.today = today;
	if (demo_fill(s, &opts, &err) != RC_OK)
		fail_msg("demo: %s", err.msg);
	maxpk = testdb_int(s, "SELECT max(pk) FROM person");
	bitmap_init(&bm, maxpk);
	for (pk = 1; pk <= maxpk; pk += 20)
		bitmap_set(&bm, pk);
	r = search_result_from(&bm, bitmap_popcount(&bm));
	assert_int_equal(search_page(s, r, SORT_NAME, 0, 0, pks, 50, &n,
	    &err), RC_OK);
	assert_int_equal(n, 50);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM"
	    " temp.sqlite_schema WHERE name = 'match'"), 0);
	if (store_prepare(s, &st, "SELECT pk FROM person WHERE pk % 20 = 1"
	    " ORDER BY family_name COLLATE NOCASE, given_name COLLATE NOCASE,"
	    " id LIMIT 50", &err) != RC_OK)
		fail_msg("%s", err.msg);
	while (sqlite3_step(st) == SQLITE_ROW)
		want[i++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	assert_int_equal(i, 50);
	for (i = 0; i < 50; i++)
		assert_int_equal(pks[i], want[i]);
	search_result_free(r);
	bitmap_free(&bm);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_fixture_test(test_same_answers),
		testdb_fixture_test(test_own_write),
		cmocka_unit_test(test_tags_pks),
		testdb_fixture_test(test_pages),
		testdb_fixture_test(test_other_write),
		testdb_fixture_test(test_explain_empty),
		testdb_test(test_sparse_page_walks),
	};

	today = testdb_today();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

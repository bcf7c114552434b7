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
#include <cmocka.h>

#include "date.h"
#include "filter.h"
#include "import.h"
#include "search.h"
#include "fixture.h"
#include "testdb.h"

static int today;

static int
setup(void **state)
{
	struct store *s = testdb_open();
	struct import_stats stats;
	struct strbuf report = { 0 };
	struct error err;
	char *files[2];

	assert_true(date_parse(FIXTURE_TODAY, &today));
	files[0] = (char *)testdb_file(0, "people.csv", fixture_people);
	files[1] = (char *)testdb_file(1, "missions.csv", fixture_missions);
	if (import_files(s, files, 2, 0, &stats, &report, &err) != RC_OK)
		fail_msg("%s\n%s", err.msg, strbuf_str(&report));
	strbuf_free(&report);
	*state = s;
	return 0;
}

static int
teardown(void **state)
{
	testdb_close(*state);
	return 0;
}

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
	testdb_exec(s, "DELETE FROM person_language WHERE person = (SELECT pk "
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
	testdb_exec(other, "UPDATE service SET country = 'ML' WHERE country = "
	    "'NE'");
	store_close(other);
	assert_int_equal(count(s, "country:ML", c), 2);
	search_cache_free(c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_same_answers, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_own_write, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_write, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

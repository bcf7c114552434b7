/*
 * The six-monthly review: review_mark's one transaction (reviewed,
 * version + 1, updated, the audit line with the old and new day), a
 * person who is gone, and how the record writes the mark and the review.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "date.h"
#include "review.h"
#include "testdb.h"

static long long
dubois(struct store *s)
{
	return testdb_int(s, "SELECT pk FROM person WHERE family_name = "
	    "'Dubois'");
}

static void
test_mark(void **state)
{
	struct store *s = *state;
	struct error err = { 0 };
	long long pk = dubois(s), version;
	int day;

	version = testdb_int(s, "SELECT version FROM person WHERE family_name"
	    " = 'Dubois'");
	assert_true(date_parse("2026-05-02", &day));
	assert_int_equal(review_mark(s, pk, day, &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT reviewed = '2026-05-02' AND "
	    "updated LIKE '____-__-__T__:__:__Z' FROM person WHERE "
	    "family_name = 'Dubois'"), 1);
	assert_int_equal(testdb_int(s, "SELECT version FROM person WHERE "
	    "family_name = 'Dubois'"), version + 1);
	assert_int_equal(review_mark(s, pk, testdb_today(), &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT version FROM person WHERE "
	    "family_name = 'Dubois'"), version + 2);
	/* One line each, the first from never (NULL), the second from the
	 * first day. */
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit a JOIN "
	    "audit_change c ON c.audit = a.pk WHERE a.action = 'review' AND "
	    "a.entity = 'person' AND a.entity_id = "
	    "'11111111-1111-4111-8111-111111111111' AND a.fields = 'reviewed'"
	    " AND c.field = 'reviewed' AND ((c.old IS NULL AND c.new = "
	    "'2026-05-02') OR (c.old = '2026-05-02' AND c.new = "
	    "'2026-11-23'))"), 2);
}

/* A second review the same day changes nothing: no audit line with the
 * same old and new day, no new version to conflict with an open form. */
static void
test_same_day(void **state)
{
	struct store *s = *state;
	struct error err = { 0 };
	long long pk = dubois(s), lines, version;

	assert_int_equal(review_mark(s, pk, testdb_today(), &err), RC_OK);
	lines = testdb_int(s, "SELECT count(*) FROM audit");
	version = testdb_int(s, "SELECT version FROM person WHERE family_name"
	    " = 'Dubois'");
	assert_int_equal(review_mark(s, pk, testdb_today(), &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit"), lines);
	assert_int_equal(testdb_int(s, "SELECT version FROM person WHERE "
	    "family_name = 'Dubois'"), version);
}

/* Gone: refused, and nothing written. */
static void
test_gone(void **state)
{
	struct store *s = *state;
	struct error err = { 0 };
	long long lines = testdb_int(s, "SELECT count(*) FROM audit");

	assert_int_equal(review_mark(s, 9999, testdb_today(), &err),
	    RC_REFUSED);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit"), lines);
}

static void
test_texts(void **state)
{
	char buf[96];
	int today = testdb_today();

	(void)state;
	assert_false(review_dnc_text("", NULL, today, buf, sizeof buf));
	assert_false(review_dnc_text(NULL, NULL, today, buf, sizeof buf));
	assert_true(review_dnc_text("illness", "2027-01-31", today, buf,
	    sizeof buf));
	assert_string_equal(buf, "illness, until 2027-01-31");
	assert_true(review_dnc_text("personal", NULL, today, buf,
	    sizeof buf));
	assert_string_equal(buf, "personal, until further notice");
	assert_true(review_dnc_text("leave", "2026-11-23", today, buf,
	    sizeof buf));
	assert_string_equal(buf, "leave, until 2026-11-23");
	assert_true(review_dnc_text("leave", "2026-11-22", today, buf,
	    sizeof buf));
	assert_string_equal(buf, "leave, until 2026-11-22 (over)");
	review_text(NULL, today, buf, sizeof buf);
	assert_string_equal(buf, "never");
	review_text("2026-05-02", today, buf, sizeof buf);
	assert_string_equal(buf, "2026-05-02 (205 days ago)");
	review_text("2026-11-22", today, buf, sizeof buf);
	assert_string_equal(buf, "2026-11-22 (1 day ago)");
	review_text("2026-11-23", today, buf, sizeof buf);
	assert_string_equal(buf, "2026-11-23 (today)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_fixture_test(test_mark),
		testdb_fixture_test(test_same_day),
		testdb_fixture_test(test_gone),
		cmocka_unit_test(test_texts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

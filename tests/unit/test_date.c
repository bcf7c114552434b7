/* Dates: strict ISO 8601 parsing, formatting, and the filter's forms. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "date.h"
#include "filter.h"

static void
test_parse(void **state)
{
	static const char *const bad[] = { "", "2024-02-30", "2023-02-29",
	    "2024-13-01", "2024-00-10", "2024-01-00", "2024-04-31",
	    "0999-01-01", "2024-1-01", "2024-01-1", "2024/01/01",
	    "2024-01-01x", " 2024-01-01", "20240101", "2100-02-29" };
	int day;
	size_t i;

	(void)state;
	assert_true(date_parse("1970-01-01", &day));
	assert_int_equal(day, 0);
	assert_true(date_parse("2024-02-29", &day));
	assert_true(date_parse("2000-02-29", &day));
	assert_true(date_parse("9999-12-31", &day));
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (date_parse(bad[i], &day))
			fail_msg("'%s' parsed as a date", bad[i]);
}

static void
test_round_trip(void **state)
{
	char buf[DATE_LEN];
	int day, back;

	(void)state;
	/* Every day from 1900 to 2100 formats and parses to itself. */
	for (day = date_from_ymd(1900, 1, 1); day <= date_from_ymd(2100, 12,
	    31); day++) {
		date_format(day, buf);
		assert_true(date_parse(buf, &back));
		assert_int_equal(back, day);
	}
	date_format(date_from_ymd(2026, 11, 23), buf);
	assert_string_equal(buf, "2026-11-23");
	date_format(date_from_ymd(2024, 3, 1) - 1, buf);
	assert_string_equal(buf, "2024-02-29");
	/* The ends of what YYYY-MM-DD writes are what DATE_FIRST and
	 * DATE_LAST say. */
	assert_int_equal(DATE_FIRST, date_from_ymd(1000, 1, 1));
	assert_int_equal(DATE_LAST, date_from_ymd(9999, 12, 31));
	date_format(DATE_LAST, buf);
	assert_string_equal(buf, "9999-12-31");
	date_format(DATE_FIRST, buf);
	assert_string_equal(buf, "1000-01-01");
}

static void
test_filter_dates(void **state)
{
	int today = date_from_ymd(2026, 11, 23), day;

	(void)state;
	assert_true(filter_date("today", today, &day));
	assert_int_equal(day, today);
	assert_true(filter_date("NOW", today, &day));
	assert_int_equal(day, today);
	assert_true(filter_date("+0d", today, &day));
	assert_int_equal(day, today);
	assert_true(filter_date("+10d", today, &day));
	assert_int_equal(day, today + 10);
	assert_true(filter_date("+2w", today, &day));
	assert_int_equal(day, today + 14);
	assert_true(filter_date("2027-01-01", today, &day));
	assert_int_equal(day, date_from_ymd(2027, 1, 1));
	assert_false(filter_date("+d", today, &day));
	assert_false(filter_date("+3", today, &day));
	assert_false(filter_date("+3m", today, &day));
	assert_false(filter_date("+3dd", today, &day));
	assert_false(filter_date("-3d", today, &day));
	assert_true(filter_date("tomorrow", today, &day));
	assert_int_equal(day, today + 1);
	assert_false(filter_date("03/12/2026", today, &day));
}

/* What a date written otherwise meant, for "did you mean". */
static void
test_guess(void **state)
{
	int day = 0;

	(void)state;
	assert_true(date_guess("03/12/2026", &day));
	assert_int_equal(day, date_from_ymd(2026, 12, 3));
	assert_true(date_guess("3.12.2026", &day));
	assert_int_equal(day, date_from_ymd(2026, 12, 3));
	assert_true(date_guess("3-12-2026", &day));
	assert_int_equal(day, date_from_ymd(2026, 12, 3));
	assert_true(date_guess("2026/12/03", &day));
	assert_int_equal(day, date_from_ymd(2026, 12, 3));
	assert_true(date_guess("2026.2.3", &day));
	assert_int_equal(day, date_from_ymd(2026, 2, 3));
	assert_true(date_guess("29/02/2028", &day));
	assert_false(date_guess("29/02/2027", &day));
	assert_false(date_guess("12/31/2026", &day));	/* no 31st month */
	assert_false(date_guess("3/12/26", &day));	/* which century? */
	assert_false(date_guess("3/12.2026", &day));
	assert_false(date_guess("123/12/2026", &day));
	assert_false(date_guess("2026/12/03x", &day));
	assert_false(date_guess("2026", &day));
	assert_false(date_guess("", &day));
	assert_false(date_guess("soon", &day));
}

static void
test_today(void **state)
{
	struct error err;
	int day;

	(void)state;
	setenv("ROSTER_TODAY", "2026-11-23", 1);
	assert_int_equal(date_today(&day, &err), RC_OK);
	assert_int_equal(day, date_from_ymd(2026, 11, 23));
	setenv("ROSTER_TODAY", "2026-11-31", 1);
	assert_int_equal(date_today(&day, &err), RC_INPUT);
	assert_string_equal(err.msg, "ROSTER_TODAY: '2026-11-31' is not a "
	    "date (expected YYYY-MM-DD)");
	unsetenv("ROSTER_TODAY");
	assert_int_equal(date_today(&day, &err), RC_OK);
	assert_true(day > date_from_ymd(2020, 1, 1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_filter_dates),
		cmocka_unit_test(test_guess),
		cmocka_unit_test(test_today),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

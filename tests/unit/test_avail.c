/*
 * The availability rule (roster(5)) at every boundary: active; no
 * unavailability window overlapping; no confirmed or deployed assignment
 * overlapping; D1 >= today + notice_days.  Windows are inclusive and an
 * empty end is open-ended.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "avail.h"
#include "bitmap.h"
#include "date.h"
#include "testdb.h"

/* Today is 2026-11-23 in every test. */
static int today;

static void
person(struct store *s, const char *name, const char *status, int notice)
{
	char sql[512];

	snprintf(sql, sizeof sql, "INSERT INTO person(id, family_name, "
	    "given_name, status, notice_days, created, updated) VALUES "
	    "(lower(hex(randomblob(16))), '%s', 'X', '%s', %d, '', '')", name,
	    status, notice);
	testdb_exec(s, sql);
}

static int
avail(struct store *s, const char *window, const char *who)
{
	char filter[128];

	snprintf(filter, sizeof filter, "avail:%s", window);
	return testdb_matches(s, filter, today, who);
}

static void
test_notice(void **state)
{
	struct store *s = *state;

	person(s, "Zero", "active", 0);
	person(s, "Three", "active", 3);
	assert_true(avail(s, "today", "Zero"));
	assert_true(avail(s, "2026-11-23", "Zero"));
	assert_false(avail(s, "2026-11-22", "Zero"));	/* the past */
	assert_false(avail(s, "2026-11-25", "Three"));	/* today + 2 */
	assert_true(avail(s, "2026-11-26", "Three"));	/* today + 3 */
	assert_true(avail(s, "+3d", "Three"));
	assert_false(avail(s, "+2d", "Three"));
	assert_true(avail(s, "+1w", "Three"));
	/* Only the start must be reachable in time. */
	assert_false(avail(s, "2026-11-25..2026-12-30", "Three"));
	assert_true(avail(s, "2026-11-26..2026-12-30", "Three"));
}

static void
test_status(void **state)
{
	struct store *s = *state;

	person(s, "Active", "active", 0);
	person(s, "Inactive", "inactive", 0);
	person(s, "Left", "left", 0);
	assert_true(avail(s, "+1d", "Active"));
	assert_false(avail(s, "+1d", "Inactive"));
	assert_false(avail(s, "+1d", "Left"));
}

static void
test_unavailability(void **state)
{
	struct store *s = *state;

	person(s, "Closed", "active", 0);
	person(s, "Open", "active", 0);
	testdb_exec(s, "INSERT INTO unavailability(person, start, end, reason) "
	    "SELECT pk, '2026-12-05', '2026-12-10', 'course' FROM person "
	    "WHERE family_name = 'Closed'");
	testdb_exec(s, "INSERT INTO unavailability(person, start, end, reason) "
	    "SELECT pk, '2026-12-05', NULL, 'leave' FROM person "
	    "WHERE family_name = 'Open'");
	assert_true(avail(s, "2026-12-04", "Closed"));
	assert_false(avail(s, "2026-12-05", "Closed"));
	assert_false(avail(s, "2026-12-10", "Closed"));
	assert_true(avail(s, "2026-12-11", "Closed"));
	assert_true(avail(s, "2026-12-01..2026-12-04", "Closed"));
	assert_false(avail(s, "2026-12-01..2026-12-05", "Closed"));
	assert_false(avail(s, "2026-12-06..2026-12-08", "Closed"));
	assert_false(avail(s, "2026-12-10..2026-12-20", "Closed"));
	assert_true(avail(s, "2026-12-11..2026-12-20", "Closed"));
	assert_false(avail(s, "2026-12-01..2027-01-01", "Closed"));
	/* Open-ended: nothing from its start on. */
	assert_true(avail(s, "2026-12-04", "Open"));
	assert_false(avail(s, "2026-12-05", "Open"));
	assert_false(avail(s, "2030-01-01", "Open"));
	assert_false(avail(s, "2026-12-01..2026-12-05", "Open"));
}

static void
assign(struct store *s, const char *who, const char *deployment,
    const char *status)
{
	char sql[512];

	snprintf(sql, sizeof sql, "INSERT INTO assignment(deployment, person, "
	    "status) SELECT d.pk, p.pk, '%s' FROM deployment d, person p "
	    "WHERE d.name = '%s' AND p.family_name = '%s'", status,
	    deployment, who);
	testdb_exec(s, sql);
}

static void
test_bookings(void **state)
{
	struct store *s = *state;
	static const char *const firm[] = { "confirmed", "deployed" };
	static const char *const loose[] = { "proposed", "contacted",
	    "returned", "declined", "withdrawn" };
	char name[32];
	size_t i;

	testdb_exec(s, "INSERT INTO deployment(name, country, start, end, "
	    "created) VALUES ('Irma', 'SX', '2026-12-05', '2026-12-10', ''), "
	    "('MH17', 'UA', '2026-12-05', NULL, '')");
	for (i = 0; i < 2; i++) {
		snprintf(name, sizeof name, "Firm%zu", i);
		person(s, name, "active", 0);
		assign(s, name, "Irma", firm[i]);
		assert_true(avail(s, "2026-12-04", name));
		assert_false(avail(s, "2026-12-05", name));
		assert_false(avail(s, "2026-12-10", name));
		/* Deployed, they rest 14 days after it (test_rest). */
		assert_int_equal(avail(s, "2026-12-11", name), i == 0);
		assert_false(avail(s, "2026-12-01..2026-12-05", name));
		assert_true(avail(s, "2026-12-25..2026-12-31", name));
	}
	for (i = 0; i < 5; i++) {
		snprintf(name, sizeof name, "Loose%zu", i);
		person(s, name, "active", 0);
		assign(s, name, "Irma", loose[i]);
		assert_true(avail(s, "2026-12-05..2026-12-10", name));
	}
	person(s, "OpenEnded", "active", 0);
	assign(s, "OpenEnded", "MH17", "deployed");
	assert_true(avail(s, "2026-12-04", "OpenEnded"));
	assert_false(avail(s, "2026-12-05", "OpenEnded"));
	assert_false(avail(s, "2031-01-01", "OpenEnded"));
}

static void
test_combined(void **state)
{
	struct store *s = *state;

	person(s, "Both", "active", 2);
	testdb_exec(s, "INSERT INTO unavailability(person, start, end) "
	    "SELECT pk, '2026-11-20', '2026-11-30' FROM person");
	assert_false(avail(s, "2026-11-25", "Both"));
	assert_true(avail(s, "2026-12-01", "Both"));
	assert_false(testdb_matches(s, "-avail:2026-12-01", today, "Both"));
	assert_true(testdb_matches(s, "-avail:2026-11-30", today, "Both"));
}

static long long
pk_of(struct store *s, const char *who)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT pk FROM person WHERE family_name ="
	    " '%s'", who);
	return testdb_int(s, sql);
}

/*
 * The person's first free day as text, "-" for never; and it agrees with
 * avail:, which matches them on that day and on no day from today to it.
 */
static const char *
first(struct store *s, const char *who)
{
	static char text[DATE_LEN];
	struct error err = { 0 };
	char day[DATE_LEN], filter[32];
	int free_day, d;

	assert_int_equal(avail_first(s, pk_of(s, who), today, &free_day,
	    &err), RC_OK);
	if (free_day == AVAIL_NEVER) {
		snprintf(text, sizeof text, "-");
		free_day = today + 400;
	} else {
		date_format(free_day, text);
		snprintf(filter, sizeof filter, "avail:%s", text);
		assert_true(testdb_matches(s, filter, today, who));
	}
	for (d = today; d < free_day; d++) {
		date_format(d, day);
		snprintf(filter, sizeof filter, "avail:%s", day);
		assert_false(testdb_matches(s, filter, today, who));
	}
	return text;
}

static void
window(struct store *s, const char *who, const char *start, const char *end)
{
	char sql[512];

	snprintf(sql, sizeof sql, "INSERT INTO unavailability(person, start, "
	    "end) SELECT pk, '%s', %s%s%s FROM person WHERE family_name = "
	    "'%s'", start, end ? "'" : "", end ? end : "NULL", end ? "'" : "",
	    who);
	testdb_exec(s, sql);
}

/*
 * Back from a deployment on its end date (deployed or returned there; the
 * day marked returned when it has no end), a person rests rest_days after
 * it: 14 unless the setting says otherwise.
 */
static void
test_rest(void **state)
{
	struct store *s = *state;

	testdb_exec(s, "INSERT INTO deployment(name, country, start, end, "
	    "status, created) VALUES ('Irma', 'SX', '2026-11-01', "
	    "'2026-11-20', 'closed', ''), ('Ida', 'US', '2026-11-01', NULL, "
	    "'active', ''), ('Otto', 'PA', '2026-12-01', '2026-12-10', "
	    "'active', '')");
	person(s, "Returned", "active", 0);
	assign(s, "Returned", "Irma", "returned");
	person(s, "Deployed", "active", 0);
	assign(s, "Deployed", "Irma", "deployed");
	person(s, "Declined", "active", 0);
	assign(s, "Declined", "Irma", "declined");
	person(s, "Open", "active", 0);
	assign(s, "Open", "Ida", "returned");
	testdb_exec(s, "INSERT INTO assignment_history(assignment, status, "
	    "at) SELECT a.pk, 'returned', '2026-11-22T09:00:00Z' FROM "
	    "assignment a JOIN person p ON p.pk = a.person WHERE "
	    "p.family_name = 'Open'");
	person(s, "Going", "active", 0);
	assign(s, "Going", "Otto", "deployed");
	/* Back on 11-20: resting 11-21 to 12-04. */
	assert_false(avail(s, "today", "Returned"));
	assert_false(avail(s, "2026-12-04", "Returned"));
	assert_true(avail(s, "2026-12-05", "Returned"));
	assert_false(avail(s, "2026-11-23..2026-12-20", "Returned"));
	assert_string_equal(first(s, "Returned"), "2026-12-05");
	assert_string_equal(first(s, "Deployed"), "2026-12-05");
	assert_string_equal(first(s, "Declined"), "2026-11-23");
	/* Marked returned on 11-22 from an open-ended deployment. */
	assert_string_equal(first(s, "Open"), "2026-12-07");
	/* Booked to 12-10, then resting to 12-24. */
	assert_true(avail(s, "2026-11-30", "Going"));
	assert_false(avail(s, "2026-12-24", "Going"));
	assert_string_equal(first(s, "Going"), "2026-11-23");
	assert_true(avail(s, "2026-12-25", "Going"));
	/* The setting: 2 days, back on 11-20, free from 11-23. */
	testdb_exec(s, "INSERT INTO setting(key, value) VALUES "
	    "('rest_days', '2')");
	assert_true(avail(s, "today", "Returned"));
	assert_string_equal(first(s, "Open"), "2026-11-25");
	assert_false(avail(s, "2026-12-12", "Going"));
	assert_true(avail(s, "2026-12-13", "Going"));
	testdb_exec(s, "UPDATE setting SET value = '0' WHERE key = "
	    "'rest_days'");
	assert_true(avail(s, "2026-12-11", "Going"));
}

/* Notice, windows (busy, free, busy again), bookings and status. */
static void
test_first_free(void **state)
{
	struct store *s = *state;

	person(s, "Now", "active", 0);
	person(s, "Notice", "active", 3);
	person(s, "Inactive", "inactive", 0);
	person(s, "Left", "left", 0);
	person(s, "Gap", "active", 1);
	person(s, "Chain", "active", 0);
	person(s, "Open", "active", 0);
	person(s, "Later", "active", 0);
	person(s, "Booked", "active", 2);
	person(s, "Loose", "active", 0);
	person(s, "Past", "active", 0);
	assert_string_equal(first(s, "Now"), "2026-11-23");
	assert_string_equal(first(s, "Notice"), "2026-11-26");
	assert_string_equal(first(s, "Inactive"), "-");
	assert_string_equal(first(s, "Left"), "-");
	/* Free again between two windows: the first free day is in the gap. */
	window(s, "Gap", "2026-11-20", "2026-11-30");
	window(s, "Gap", "2026-12-02", "2026-12-20");
	assert_string_equal(first(s, "Gap"), "2026-12-01");
	/* Windows that touch or overlap push it past them all. */
	window(s, "Chain", "2026-11-01", "2026-11-25");
	window(s, "Chain", "2026-11-10", "2026-11-28");
	window(s, "Chain", "2026-11-29", "2027-01-03");
	assert_string_equal(first(s, "Chain"), "2027-01-04");
	window(s, "Open", "2026-11-01", NULL);
	assert_string_equal(first(s, "Open"), "-");
	/* Away until the last day that can be written: never free (the
	 * day after it cannot be written, and never as year 0000). */
	person(s, "Last", "active", 0);
	window(s, "Last", "2026-11-01", "9999-12-31");
	assert_string_equal(first(s, "Last"), "-");
	/* An open-ended window that starts later leaves the days before. */
	window(s, "Later", "2026-11-24", NULL);
	assert_string_equal(first(s, "Later"), "2026-11-23");
	window(s, "Past", "2026-10-01", "2026-11-22");
	assert_string_equal(first(s, "Past"), "2026-11-23");
	testdb_exec(s, "INSERT INTO deployment(name, country, start, end, "
	    "created) VALUES ('Irma', 'SX', '2026-11-20', '2026-12-10', ''), "
	    "('Long', 'UA', '2026-12-11', '2026-12-12', '')");
	assign(s, "Booked", "Irma", "confirmed");
	assign(s, "Booked", "Long", "deployed");
	window(s, "Booked", "2026-12-13", "2026-12-14");
	/* Deployed on Long, back 12-12, resting to 12-26 (test_rest). */
	assert_string_equal(first(s, "Booked"), "2026-12-27");
	assign(s, "Loose", "Irma", "proposed");
	assert_string_equal(first(s, "Loose"), "2026-11-23");
}

static void
dnc(struct store *s, const char *who, const char *reason, const char *until)
{
	char sql[512];

	snprintf(sql, sizeof sql, "UPDATE person SET dnc = '%s', dnc_until = "
	    "%s%s%s WHERE family_name = '%s'", reason, until ? "'" : "",
	    until ? until : "NULL", until ? "'" : "", who);
	testdb_exec(s, sql);
}

/*
 * Do not call keeps a person from every day up to and including its last
 * day, or from every day when it has none; a mark that has run out keeps
 * them from nothing.  avail:, the first free day and the busy bitmap
 * agree.
 */
static void
test_dnc(void **state)
{
	struct store *s = *state;
	struct bitmap busy;
	struct error err = { 0 };

	person(s, "Ill", "active", 0);
	person(s, "Personal", "active", 0);
	person(s, "Over", "active", 0);
	person(s, "Free", "active", 0);
	dnc(s, "Ill", "illness", "2026-12-01");
	dnc(s, "Personal", "personal", NULL);
	dnc(s, "Over", "leave", "2026-11-22");
	assert_false(avail(s, "today", "Ill"));
	assert_false(avail(s, "2026-12-01", "Ill"));
	assert_false(avail(s, "2026-11-30..2026-12-05", "Ill"));
	assert_true(avail(s, "2026-12-02", "Ill"));
	assert_string_equal(first(s, "Ill"), "2026-12-02");
	assert_false(avail(s, "+1w", "Personal"));
	assert_string_equal(first(s, "Personal"), "-");
	assert_true(avail(s, "today", "Over"));
	assert_string_equal(first(s, "Over"), "2026-11-23");
	assert_int_equal(avail_busy(s, today, &busy, &err), RC_OK);
	assert_true(bitmap_get(&busy, pk_of(s, "Ill")));
	assert_true(bitmap_get(&busy, pk_of(s, "Personal")));
	assert_false(bitmap_get(&busy, pk_of(s, "Over")));
	assert_false(bitmap_get(&busy, pk_of(s, "Free")));
	bitmap_free(&busy);
}

/* How lists write it: now, MM-DD this year, the full date in another. */
static void
test_format(void **state)
{
	char out[AVAIL_LEN];
	int d;

	(void)state;
	avail_format(today, today, out);
	assert_string_equal(out, "now");
	assert_true(date_parse("2026-12-14", &d));
	avail_format(d, today, out);
	assert_string_equal(out, "12-14");
	assert_true(date_parse("2027-01-02", &d));
	avail_format(d, today, out);
	assert_string_equal(out, "2027-01-02");
	avail_format(AVAIL_NEVER, today, out);
	assert_string_equal(out, "-");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_test(test_notice),
		testdb_test(test_status),
		testdb_test(test_unavailability),
		testdb_test(test_bookings),
		testdb_test(test_combined),
		testdb_test(test_first_free),
		testdb_test(test_dnc),
		testdb_test(test_rest),
		cmocka_unit_test(test_format),
	};

	today = testdb_today();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

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
		assert_true(avail(s, "2026-12-11", name));
		assert_false(avail(s, "2026-12-01..2026-12-05", name));
		assert_true(avail(s, "2026-12-11..2026-12-31", name));
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_test(test_notice),
		testdb_test(test_status),
		testdb_test(test_unavailability),
		testdb_test(test_bookings),
		testdb_test(test_combined),
	};

	today = testdb_today();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

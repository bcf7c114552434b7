/*
 * Call-out statistics (callout_stats.h) on hand-made rows: two call-outs
 * whose figures are worked out by hand in the comments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "callout_stats.h"
#include "testdb.h"

/*
 * Irma (call-out 1, 2026-11-20T10:00:00Z): Ann yes after 30 min, Bob no
 * after 3 h, Cat unclear after 26 h (decided yes), Dan's message failed.
 * Ida (call-out 2, 2026-11-22T08:00:00Z): Ann yes after 5 min then no,
 * Bob silent, Cat maybe after 12 h.  One reply matched to nobody.
 */
static const char rows[] =
    "INSERT INTO person(pk, id, family_name, given_name, agency, created,"
    " updated) VALUES"
    " (1, 'a', 'Ann', 'A', 'Red Cross', '', ''),"
    " (2, 'b', 'Bob', 'B', 'Red Cross', '', ''),"
    " (3, 'c', 'Cat', 'C', 'USAR', '', ''),"
    " (4, 'd', 'Dan', 'D', 'USAR', '', '');"
    "INSERT INTO deployment(pk, name, country, start, created) VALUES"
    " (1, 'Irma', 'SX', '2026-11-20', ''), (2, 'Ida', 'US', '2026-11-22', '');"
    "INSERT INTO callout(pk, deployment, code, wave, channel, who, at) VALUES"
    " (1, 1, 'IRMA1', 'alert', 'email', 'x', '2026-11-20T10:00:00Z'),"
    " (2, 2, 'IDA1', 'alert', 'email', 'x', '2026-11-22T08:00:00Z');"
    "INSERT INTO callout_message(callout, person, at, result) VALUES"
    " (1, 1, '2026-11-20T10:00:00Z', 'sent'),"
    " (1, 2, '2026-11-20T10:00:00Z', 'sent'),"
    " (1, 3, '2026-11-20T10:00:00Z', 'sent'),"
    " (1, 4, '2026-11-20T10:00:00Z', 'failed'),"
    " (2, 1, '2026-11-22T08:00:00Z', 'sent'),"
    " (2, 2, '2026-11-22T08:00:00Z', 'sent'),"
    " (2, 3, '2026-11-22T08:00:00Z', 'sent');"
    "INSERT INTO reply(callout, person, at, received, channel, answer,"
    " decided) VALUES"
    " (1, 1, '2026-11-20T10:30:00Z', '', 'email', 'yes', ''),"
    " (1, 2, '2026-11-20T13:00:00Z', '', 'phone', 'no', ''),"
    " (1, 3, '2026-11-21T12:00:00Z', '', 'sms', 'unclear', 'yes'),"
    " (2, 1, '2026-11-22T08:05:00Z', '', 'email', 'yes', ''),"
    " (2, 1, '2026-11-22T09:00:00Z', '', 'email', 'no', ''),"
    " (2, 3, '2026-11-22T20:00:00Z', '', 'sms', 'maybe', ''),"
    " (NULL, NULL, '2026-11-22T08:01:00Z', '', 'email', 'unclear', '');";

static const long hours[] = { 3600, 6 * 3600, 24 * 3600 };

static void
test_histogram(void **state)
{
	struct store *s = *state;
	struct error err;
	long counts[4], unanswered;

	testdb_exec(s, rows);
	/* All: 30 min, 5 min | 3 h | 12 h | 26 h; Bob on Ida silent. */
	assert_int_equal(callout_stats_histogram(s, 0, hours, 3, counts,
	    &unanswered, &err), RC_OK);
	assert_int_equal(counts[0], 2);
	assert_int_equal(counts[1], 1);
	assert_int_equal(counts[2], 1);
	assert_int_equal(counts[3], 1);
	assert_int_equal(unanswered, 1);
	/* Irma: 30 min | 3 h | - | 26 h; Dan's failed message is none. */
	assert_int_equal(callout_stats_histogram(s, 1, hours, 3, counts,
	    &unanswered, &err), RC_OK);
	assert_int_equal(counts[0], 1);
	assert_int_equal(counts[1], 1);
	assert_int_equal(counts[2], 0);
	assert_int_equal(counts[3], 1);
	assert_int_equal(unanswered, 0);
	/* A bucket boundary belongs to the bucket above: 1800 s. */
	assert_int_equal(callout_stats_histogram(s, 1, (const long[]){ 1800 },
	    1, counts, NULL, &err), RC_OK);
	assert_int_equal(counts[0], 0);
	assert_int_equal(counts[1], 3);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_test(test_histogram),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

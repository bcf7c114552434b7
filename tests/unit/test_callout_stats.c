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

static void
assert_figures(const struct callout_figures *f, const char *name, long sent,
    long replies, long h1, long h6, long h24, long median, long p90,
    long yes)
{
	assert_string_equal(f->name, name);
	assert_int_equal(f->sent, sent);
	assert_int_equal(f->replies, replies);
	assert_int_equal(f->within[0], h1);
	assert_int_equal(f->within[1], h6);
	assert_int_equal(f->within[2], h24);
	assert_int_equal(f->median, median);
	assert_int_equal(f->p90, p90);
	assert_int_equal(f->yes, yes);
}

/*
 * By hand, nearest rank (the ceil(n/2)th and ceil(9n/10)th time):
 * Irma 30 min, 3 h, 26 h: median 3 h, p90 26 h; yes Ann and Cat.
 * Ida 5 min, 12 h: median 5 min, p90 12 h; Ann's last word is no.
 * All 5 min, 30 min, 3 h, 12 h, 26 h: median 3 h, p90 26 h.
 * Red Cross (Ann, Bob) 4 sent; 5 min, 30 min, 3 h: median 30 min.
 * USAR (Cat; Dan's failed) 12 h, 26 h: median 12 h, p90 26 h.
 */
static void
test_figures(void **state)
{
	struct store *s = *state;
	struct callout_stats st;
	struct error err;

	testdb_exec(s, rows);
	assert_int_equal(callout_stats(s, NULL, NULL, 3, &st, &err), RC_OK);
	assert_int_equal(st.ncallouts, 2);
	assert_figures(&st.callouts[0], "IRMA1", 3, 3, 1, 2, 2, 10800,
	    93600, 2);
	assert_string_equal(st.callouts[0].deployment, "Irma");
	assert_string_equal(st.callouts[0].wave, "alert");
	assert_string_equal(st.callouts[0].at, "2026-11-20T10:00:00Z");
	assert_figures(&st.callouts[1], "IDA1", 3, 2, 1, 1, 2, 300, 43200, 0);
	assert_figures(&st.all, "all", 6, 5, 2, 3, 4, 10800, 93600, 2);
	assert_int_equal(st.nagencies, 2);
	assert_figures(&st.agencies[0], "Red Cross", 4, 3, 2, 3, 3, 1800,
	    10800, 1);
	assert_figures(&st.agencies[1], "USAR", 2, 2, 0, 0, 1, 43200, 93600,
	    1);
	/* Nobody had three call-outs. */
	assert_int_equal(st.nsilent, 0);
	callout_stats_free(&st);

	/* Bob did not answer his last one; Dan's never reached him. */
	assert_int_equal(callout_stats(s, NULL, NULL, 1, &st, &err), RC_OK);
	assert_int_equal(st.nsilent, 1);
	assert_string_equal(st.silent[0].name, "B Bob");
	assert_string_equal(st.silent[0].agency, "Red Cross");
	callout_stats_free(&st);
	/* He answered the one before. */
	assert_int_equal(callout_stats(s, NULL, NULL, 2, &st, &err), RC_OK);
	assert_int_equal(st.nsilent, 0);
	callout_stats_free(&st);
}

/* One deployment in any case, or a day on: only those call-outs. */
static void
test_filters(void **state)
{
	struct store *s = *state;
	struct callout_stats st;
	struct error err;

	testdb_exec(s, rows);
	assert_int_equal(callout_stats(s, "IDA", NULL, 3, &st, &err), RC_OK);
	assert_int_equal(st.ncallouts, 1);
	assert_figures(&st.all, "all", 3, 2, 1, 1, 2, 300, 43200, 0);
	callout_stats_free(&st);
	assert_int_equal(callout_stats(s, NULL, "2026-11-21", 1, &st, &err),
	    RC_OK);
	assert_int_equal(st.ncallouts, 1);
	assert_string_equal(st.callouts[0].name, "IDA1");
	assert_int_equal(st.nsilent, 1);
	callout_stats_free(&st);
	assert_int_equal(callout_stats(s, "Atlantis", NULL, 3, &st, &err),
	    RC_REFUSED);
	assert_string_equal(err.msg, "callout stats: no deployment 'Atlantis'");
	/* None yet: zeros, and no time to reply. */
	assert_int_equal(callout_stats(s, NULL, "2027-01-01", 3, &st, &err),
	    RC_OK);
	assert_int_equal(st.ncallouts, 0);
	assert_figures(&st.all, "all", 0, 0, 0, 0, 0, -1, -1, 0);
	callout_stats_free(&st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_test(test_histogram),
		testdb_test(test_figures),
		testdb_test(test_filters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

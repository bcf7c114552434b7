#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "callout_stats.h"

/*
 * Seconds from message m's time to the first reply matched to its
 * call-out and member (NULL when none), never below 0; the times are
 * UTC text SQLite reads with its Z.
 */
#define STATS_DELAY_SQL \
    "max(0, CAST(strftime('%s', (SELECT min(r.at) FROM reply r" \
    " WHERE r.callout = m.callout AND r.person = m.person)) AS INTEGER)" \
    " - CAST(strftime('%s', m.at) AS INTEGER))"

/* The messages that reached someone: a failed delivery asked nothing. */
#define STATS_DELIVERED_SQL	" m.result <> 'failed'"

int
callout_stats_histogram(struct store *s, long long deployment,
    const long *buckets, size_t n, long *counts, long *unanswered,
    struct error *err)
{
	sqlite3_stmt *st;
	long long delay;
	size_t i;
	int rc;

	memset(counts, 0, (n + 1) * sizeof *counts);
	if (unanswered != NULL)
		*unanswered = 0;
	if ((rc = store_cached(s, &st, "SELECT " STATS_DELAY_SQL
	    " FROM callout_message m JOIN callout c ON c.pk = m.callout"
	    " WHERE" STATS_DELIVERED_SQL " AND (?1 = 0 OR c.deployment = ?1)",
	    err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, deployment);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
			if (unanswered != NULL)
				(*unanswered)++;
			continue;
		}
		delay = sqlite3_column_int64(st, 0);
		for (i = 0; i < n && delay >= buckets[i]; i++)
			continue;
		counts[i]++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "call-out statistics");
	return RC_OK;
}

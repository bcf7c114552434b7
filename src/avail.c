#include <stdio.h>
#include <string.h>

#include "avail.h"
#include "bitmap.h"
#include "date.h"
#include "sqlfunc.h"

/*
 * What keeps a person from leaving on or after a day: their windows, their
 * firm bookings that have not ended before it, a do-not-call mark (a
 * window from the day itself) and their rests after deployments, earliest
 * first.  The conditions are those
 * of avail: in filter_sql.c.
 */
static const char busy_sql[] =
    "SELECT start, end FROM unavailability WHERE person = ?1"
    " AND (end IS NULL OR end >= ?2)"
    " UNION ALL SELECT d.start, d.end FROM assignment a JOIN deployment d"
    " ON d.pk = a.deployment WHERE a.person = ?1"
    " AND" AVAIL_BOOKED_SQL("a", "d")
    " AND (d.end IS NULL OR d.end >= ?2)"
    " UNION ALL SELECT ?2, dnc_until FROM person WHERE pk = ?1 AND"
    AVAIL_DNC_SQL("person", "?2")
    " UNION ALL SELECT date(" AVAIL_BACK_SQL("a", "d") ", '+1 day'),"
    AVAIL_REST_UNTIL_SQL("a", "d") " FROM assignment a JOIN deployment d"
    " ON d.pk = a.deployment WHERE a.person = ?1 AND"
    AVAIL_REST_UNTIL_SQL("a", "d") " >= ?2 ORDER BY 1";

/* Whether the person is active, and their notice in days. */
static int
person_notice(struct store *s, long long pk, int *active, int *notice,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_cached(s, &st, "SELECT status = 'active', notice_days"
	    " FROM person WHERE pk = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*active = sqlite3_column_int(st, 0);
		*notice = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return error_set(err, RC_REFUSED, "no person %lld", pk);
	return rc == SQLITE_ROW ? RC_OK : store_error(s, err, "availability");
}

int
avail_first(struct store *s, long long pk, int today, int *day,
    struct error *err)
{
	int active = 0, notice = 0, rc;

	*day = AVAIL_NEVER;
	if ((rc = person_notice(s, pk, &active, &notice, err)) != RC_OK)
		return rc;
	if (!active)
		return RC_OK;
	return avail_first_from(s, pk, today + notice, day, err);
}

int
avail_first_from(struct store *s, long long pk, int from, int *day,
    struct error *err)
{
	sqlite3_stmt *st;
	char text[DATE_LEN];
	const char *end;
	int start, last, rc;

	*day = AVAIL_NEVER;
	/* No day after 9999-12-31 can be written, so none is free. */
	if (from > DATE_LAST)
		return RC_OK;
	if ((rc = store_cached(s, &st, busy_sql, err)) != RC_OK)
		return rc;
	*day = from;
	date_format(from, text);
	sqlite3_bind_int64(st, 1, pk);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
	/* In order of start, each window that covers the day pushes it past
	 * its end; the first that starts after the day leaves it free. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!date_parse((const char *)sqlite3_column_text(st, 0),
		    &start) || start > *day)
			break;
		end = (const char *)sqlite3_column_text(st, 1);
		if (end == NULL || !date_parse(end, &last) ||
		    last >= DATE_LAST) {
			*day = AVAIL_NEVER;
			break;
		}
		if (last >= *day)
			*day = last + 1;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, err, "availability");
	return RC_OK;
}

int
avail_busy(struct store *s, int day, struct bitmap *out, struct error *err)
{
	sqlite3_stmt *st;
	char text[DATE_LEN];
	long long maxpk;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = store_int(s, "SELECT coalesce(max(pk), 0) FROM person",
	    &maxpk, err)) != RC_OK)
		return rc;
	/* The windows that reach day or later are few of them all, and
	 * the index on end finds them without visiting the others; so
	 * does person_dnc the marked. */
	if ((rc = store_prepare(s, &st, "SELECT bitmap_add(?1, person) FROM"
	    " (SELECT person FROM unavailability WHERE end IS NULL"
	    " UNION ALL SELECT person FROM unavailability WHERE end >= ?2"
	    " UNION ALL SELECT a.person FROM assignment a JOIN deployment d"
	    " ON d.pk = a.deployment WHERE" AVAIL_BOOKED_SQL("a", "d")
	    " AND (d.end IS NULL OR d.end >= ?2)"
	    " UNION ALL SELECT pk FROM person WHERE" AVAIL_DNC_SQL("person",
	    "?2") " UNION ALL SELECT a.person FROM assignment a JOIN"
	    " deployment d ON d.pk = a.deployment WHERE"
	    AVAIL_REST_UNTIL_SQL("a", "d") " >= ?2)", err)) != RC_OK)
		return rc;
	bitmap_init(out, maxpk);
	date_format(day, text);
	sqlite3_bind_pointer(st, 1, out, SQLFUNC_BITMAP, NULL);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		continue;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		bitmap_free(out);
		return store_error(s, err, "availability");
	}
	return RC_OK;
}

void
avail_format(int day, int today, char out[AVAIL_LEN])
{
	int y, m, d, ty, tm, td;

	if (day == AVAIL_NEVER) {
		snprintf(out, AVAIL_LEN, "-");
		return;
	}
	if (day <= today) {
		snprintf(out, AVAIL_LEN, "now");
		return;
	}
	date_to_ymd(day, &y, &m, &d);
	date_to_ymd(today, &ty, &tm, &td);
	if (y == ty)
		snprintf(out, AVAIL_LEN, "%02d-%02d", m, d);
	else
		date_format(day, out);
}

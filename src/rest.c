#include <stdio.h>
#include <stdlib.h>

#include "audit.h"
#include "avail.h"
#include "date.h"
#include "rest.h"

int
rest_days_get(struct store *s, int *days, struct error *err)
{
	long long v;
	int rc;

	if ((rc = store_int(s, "SELECT " AVAIL_REST_DAYS_SQL, &v, err)) !=
	    RC_OK)
		return rc;
	*days = (int)v;
	return RC_OK;
}

/* The setting and its audit line, inside the caller's transaction. */
static int
rest_record(struct store *s, int old, int days, struct error *err)
{
	char was[16], now[16];
	struct audit_change change = { AVAIL_REST_KEY, was, now };
	struct audit_entry e = { NULL, NULL, "pool",
	    sqlite3_db_filename(s->db, "main"), "update", AVAIL_REST_KEY,
	    &change, 1 };
	sqlite3_stmt *st;
	int rc;

	snprintf(was, sizeof was, "%d", old);
	snprintf(now, sizeof now, "%d", days);
	if ((rc = store_prepare(s, &st, "INSERT OR REPLACE INTO setting(key,"
	    " value) VALUES ('" AVAIL_REST_KEY "', ?)", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "rest days");
	sqlite3_finalize(st);
	if (rc != RC_OK)
		return rc;
	return audit_write(s, &e, err);
}

int
rest_days_set(struct store *s, int days, struct error *err)
{
	int old, rc;

	if (days < 0 || days > AVAIL_REST_MAX)
		return error_set(err, RC_INPUT, "rest days: %d is out of range "
		    "(expected 0 to %d)", days, AVAIL_REST_MAX);
	if ((rc = store_begin(s, err)) != RC_OK)
		return rc;
	/* The same number again changes nothing for the audit to say. */
	if ((rc = rest_days_get(s, &old, err)) == RC_OK && old != days)
		rc = rest_record(s, old, days, err);
	if (rc != RC_OK) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err);
}

int
rest_until(struct store *s, long long pk, int from, int to, int today,
    int *until, char why[REST_WHY_LEN], struct error *err)
{
	sqlite3_stmt *st;
	char a[DATE_LEN], z[DATE_LEN];
	const char *last;
	int rc, y, m, d, ty, tm, td;

	*until = -1;
	if (why != NULL)
		why[0] = '\0';
	if ((rc = store_cached(s, &st, "SELECT max(" AVAIL_REST_UNTIL_SQL("a",
	    "d") ") FROM assignment a JOIN deployment d ON d.pk ="
	    " a.deployment WHERE a.person = ?1 AND"
	    AVAIL_RESTING_SQL("a", "d", "?2", "?3"), err)) != RC_OK)
		return rc;
	date_format(from, a);
	date_format(to, z);
	sqlite3_bind_int64(st, 1, pk);
	sqlite3_bind_text(st, 2, a, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, z, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    (last = (const char *)sqlite3_column_text(st, 0)) != NULL)
		date_parse(last, until);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_error(s, err, "rest");
	if (why != NULL && *until >= 0) {
		date_to_ymd(*until, &y, &m, &d);
		date_to_ymd(today, &ty, &tm, &td);
		if (y == ty)
			snprintf(why, REST_WHY_LEN, "resting until %02d-%02d",
			    m, d);
		else
			snprintf(why, REST_WHY_LEN, "resting until %04d-%02d-%02d",
			    y, m, d);
	}
	return RC_OK;
}

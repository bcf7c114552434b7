#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "review.h"
#include "strbuf.h"

/* The person's id and the day last reviewed (NULL: never), read and
 * written in the caller's transaction. */
static int
review_write(struct store *s, long long pk, const char *day,
    struct error *err)
{
	sqlite3_stmt *st;
	struct audit_change ch = { "reviewed", NULL, day };
	struct audit_entry e = { NULL, NULL, "person", NULL, "review",
	    "reviewed", &ch, 1 };
	char now[21], *id = NULL, *old = NULL;
	int rc;

	if ((rc = store_cached(s, &st, "SELECT id, reviewed FROM person"
	    " WHERE pk = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		id = xstrdup((const char *)sqlite3_column_text(st, 0));
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			old = xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return error_set(err, RC_REFUSED, "no person %lld", pk);
	if (rc != SQLITE_ROW)
		return store_error(s, err, "review");
	/* Reviewed that day already: an audit line from the day to itself
	 * would say nothing, and a new version would upset an open form. */
	if (old != NULL && strcmp(old, day) == 0) {
		free(id);
		free(old);
		return RC_OK;
	}
	rc = store_cached(s, &st, "UPDATE person SET reviewed = ?,"
	    " updated = ?, version = version + 1 WHERE pk = ?", err);
	if (rc == RC_OK) {
		date_now_utc(now);
		sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, pk);
		rc = sqlite3_step(st) == SQLITE_DONE ? RC_OK :
		    store_error(s, err, "review");
		sqlite3_reset(st);
	}
	if (rc == RC_OK) {
		e.id = id;
		ch.old = old;
		rc = audit_write(s, &e, err);
	}
	free(id);
	free(old);
	return rc;
}

int
review_dnc_text(const char *dnc, const char *until, int today, char *buf,
    size_t len)
{
	int last;

	if (dnc == NULL || *dnc == '\0')
		return 0;
	if (until == NULL || *until == '\0')
		snprintf(buf, len, "%s, until further notice", dnc);
	else
		snprintf(buf, len, "%s, until %s%s", dnc, until,
		    date_parse(until, &last) && last < today ? " (over)" : "");
	return 1;
}

void
review_text(const char *reviewed, int today, char *buf, size_t len)
{
	int day;

	if (reviewed == NULL || !date_parse(reviewed, &day))
		snprintf(buf, len, "never");
	else if (day == today)
		snprintf(buf, len, "%s (today)", reviewed);
	else if (day < today)
		snprintf(buf, len, "%s (%d day%s ago)", reviewed, today - day,
		    today - day == 1 ? "" : "s");
	else
		snprintf(buf, len, "%s", reviewed);
}

int
review_mark(struct store *s, long long pk, int day, struct error *err)
{
	char text[DATE_LEN];
	int rc;

	date_format(day, text);
	if ((rc = store_begin(s, err)) != RC_OK)
		return rc;
	if ((rc = review_write(s, pk, text, err)) != RC_OK) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err);
}

#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "audit.h"
#include "date.h"

static const char insert_sql[] = "INSERT INTO audit(who, at, entity,"
    " entity_id, action, fields) VALUES (?, ?, ?, ?, ?, ?)";
static const char change_sql[] = "INSERT INTO audit_change(audit, field,"
    " old, new) VALUES (?, ?, ?, ?)";

void
audit_user(char *out, size_t len)
{
	struct passwd *pw = getpwuid(getuid());
	const char *user = getenv("USER");

	/* $USER can be anything; the password database is who logged in. */
	if (pw != NULL && pw->pw_name != NULL)
		user = pw->pw_name;
	snprintf(out, len, "%s", user != NULL ? user : "unknown");
}

static int
write_changes(struct store *s, long long line, const struct audit_entry *e,
    struct error *err)
{
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if (e->nchanges == 0)
		return RC_OK;
	if ((rc = store_cached(s, &st, change_sql, err)) != RC_OK)
		return rc;
	for (i = 0; i < e->nchanges; i++) {
		sqlite3_bind_int64(st, 1, line);
		sqlite3_bind_text(st, 2, e->changes[i].field, -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, e->changes[i].old, -1,
		    SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, e->changes[i].new, -1,
		    SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return store_error(s, err, "audit");
	}
	return RC_OK;
}

int
audit_write(struct store *s, const struct audit_entry *e, struct error *err)
{
	sqlite3_stmt *st;
	char who[64], now[21];
	int rc;

	if (e->who == NULL)
		audit_user(who, sizeof who);
	if (e->at == NULL)
		date_now_utc(now);
	if ((rc = store_cached(s, &st, insert_sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, e->who != NULL ? e->who : who, -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, e->at != NULL ? e->at : now, -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, e->entity, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, e->id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 5, e->action, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, e->fields != NULL ? e->fields : "", -1,
	    SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "audit");
	return write_changes(s, sqlite3_last_insert_rowid(s->db), e, err);
}

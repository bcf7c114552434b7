/*
 * alias.c - ids merged into another person's record (alias.h).
 */
#include <stdio.h>

#include <sqlite3.h>

#include "alias.h"
#include "date.h"

int
alias_resolve(struct store *s, const char *id, char kept[PERSON_ID_LEN],
    int *found, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*found = 0;
	snprintf(kept, PERSON_ID_LEN, "%s", id);
	if ((rc = store_cached(s, &st, "SELECT id FROM person_alias"
	    " WHERE alias = lower(?)", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(kept, PERSON_ID_LEN, "%s", sqlite3_column_text(st, 0));
		*found = 1;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, err, "alias");
	return RC_OK;
}

int
alias_add(struct store *s, const char *alias, const char *kept,
    struct error *err)
{
	sqlite3_stmt *st;
	char now[21];
	int rc, i;
	static const char *const sql[] = {
		"UPDATE person_alias SET id = ?2 WHERE id = ?1",
		"INSERT OR REPLACE INTO person_alias(alias, id, at)"
		    " VALUES (?1, ?2, ?3)",
	};

	date_now_utc(now);
	for (i = 0; i < 2; i++) {
		if ((rc = store_prepare(s, &st, sql[i], err)) != RC_OK)
			return rc;
		sqlite3_bind_text(st, 1, alias, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, kept, -1, SQLITE_STATIC);
		if (i == 1)
			sqlite3_bind_text(st, 3, now, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, err, "alias");
	}
	return RC_OK;
}

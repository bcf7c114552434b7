/*
 * Erasing a person (erase.h).  Deleting the person row takes, by the
 * schema's cascades, their languages, themes, skills, service records
 * and their themes, unavailability windows, assignments and assignment
 * history, call-out messages and replies.  What the cascades do not reach
 * is deleted here: replies from their address matched to nobody, their words
 * in person_fts, the audit's lines about them and about the ids merged
 * into theirs, which are erased too (whose values go by cascade), their
 * not-same pairs, and the deployments' lines and values that name them,
 * mission names nobody else served on, and this connection's scratch
 * tables.
 * The statistics of sqlite_stat1 hold counts only (SQLite is built
 * without STAT4, whose samples would hold index keys).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "erase.h"
#include "fts.h"

/*
 * Run in order (the last remembers the id, so that import refuses it),
 * each with ?1 the person's pk, ?2 their id, ?3 their
 * e-mail, ?4 their phone, ?5 "Given Family" and ?6 "Family, Given" (a
 * parameter a statement does not use is not bound).  Values that hold
 * the id or a name anywhere go; an e-mail (in any case, as a reply's
 * sender may have it) or phone only when it is the whole value, as
 * "+31 6 1" is also the start of others' numbers.
 */
static const char *const erase_sql[] = {
	"DELETE FROM audit_change WHERE instr(old, ?2) OR instr(new, ?2)"
	    " OR (?3 <> '' AND (old = ?3 COLLATE NOCASE OR"
	    " new = ?3 COLLATE NOCASE))"
	    " OR (?4 <> '' AND (old = ?4 OR new = ?4))"
	    " OR instr(old, ?5) OR instr(new, ?5)"
	    " OR instr(old, ?6) OR instr(new, ?6)",
	"DELETE FROM audit WHERE entity_id = ?2 OR instr(fields, ?2)",
	/* The ids merged into theirs (alias.h) go as theirs does, each
	 * leaving a tombstone that stops a file bringing it back. */
	"DELETE FROM audit WHERE EXISTS (SELECT 1 FROM person_alias a"
	    " WHERE a.id = ?2 AND (audit.entity_id = a.alias OR"
	    " instr(audit.fields, a.alias)))",
	"INSERT OR REPLACE INTO erased(id, at) SELECT alias,"
	    " strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM person_alias"
	    " WHERE id = ?2",
	"DELETE FROM person_alias WHERE id = ?2",
	"DELETE FROM not_same WHERE a = ?2 OR b = ?2",
	/* Replies from their address that were not matched to them. */
	"DELETE FROM reply WHERE person = ?1"
	    " OR (?3 <> '' AND sender = ?3 COLLATE NOCASE)"
	    " OR (?4 <> '' AND sender = ?4)",
	/* Screens and tags hold people by row: never give this one out. */
	"INSERT INTO setting(key, value) VALUES ('" ERASE_ROW_FLOOR "', ?1)"
	    " ON CONFLICT (key) DO UPDATE SET value ="
	    " max(CAST(value AS INTEGER), CAST(excluded.value AS INTEGER))",
	"DELETE FROM person WHERE pk = ?1",
	"DELETE FROM mission WHERE pk NOT IN (SELECT mission FROM service)"
	    " AND name NOT IN (SELECT name FROM mission_catalogue)",
	"INSERT OR REPLACE INTO erased(id, at) VALUES (?2,"
	    " strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
};

/* The scratch tables that may hold a person's row, and how to drop it. */
static const struct {
	const char	*table;
	const char	*sql;
} erase_temp[] = {
	{ "touched", "DELETE FROM temp.touched WHERE pk = ?1" },
	{ "match", "DELETE FROM temp.match WHERE pk = ?1" },
	{ "result", "DELETE FROM temp.result WHERE pk = ?1" },
	{ "dupe", "DELETE FROM temp.dupe WHERE pk = ?1" },
	{ "fts_doc", "DELETE FROM temp.fts_doc WHERE rowid = ?1" },
	{ "seen", "DELETE FROM temp.seen WHERE id = ?2" },
};

/* What the statements are bound to: the person as they were. */
struct erase_who {
	long long	 pk;
	char		*field[5];	/* id, email, phone, two names */
};

static int
who_read(struct store *s, long long pk, struct erase_who *w,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc, i;

	memset(w, 0, sizeof *w);
	w->pk = pk;
	if ((rc = store_prepare(s, &st, "SELECT id, email, phone,"
	    " given_name || ' ' || family_name, family_name || ', ' ||"
	    " given_name FROM person WHERE pk = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < 5; i++)
			w->field[i] = store_text(st, i);
		rc = RC_OK;
	} else if (rc == SQLITE_DONE)
		rc = error_set(err, RC_REFUSED, "erase: no such person");
	else
		rc = store_error(s, err, "erase");
	sqlite3_finalize(st);
	return rc;
}

static void
who_free(struct erase_who *w)
{
	int i;

	for (i = 0; i < 5; i++)
		free(w->field[i]);
}

static int
run(struct store *s, const char *sql, const struct erase_who *w,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc, i, n;

	if ((rc = store_prepare(s, &st, sql, err)) != RC_OK)
		return rc;
	n = sqlite3_bind_parameter_count(st);
	if (n >= 1)
		sqlite3_bind_int64(st, 1, w->pk);
	for (i = 2; i <= n; i++)
		sqlite3_bind_text(st, i, w->field[i - 2], -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "erase");
	return RC_OK;
}

/* This connection's scratch tables (a search's result, an import's
 * seen ids) are not in the file, but are dropped all the same. */
static int
erase_scratch(struct store *s, const struct erase_who *w, struct error *err)
{
	sqlite3_stmt *st;
	size_t i;
	int rc = RC_OK, found;

	if ((rc = store_prepare(s, &st, "SELECT 1 FROM temp.sqlite_schema"
	    " WHERE type = 'table' AND name = ?", err)) != RC_OK)
		return rc;
	for (i = 0; i < sizeof erase_temp / sizeof erase_temp[0]; i++) {
		sqlite3_bind_text(st, 1, erase_temp[i].table, -1,
		    SQLITE_STATIC);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
		if (found && (rc = run(s, erase_temp[i].sql, w, err)) != RC_OK)
			break;
	}
	sqlite3_finalize(st);
	return rc;
}

/*
 * FTS5 keeps a deleted document's words in its segments, beside a
 * deletion marker, until they are merged (its 'secure-delete' option
 * needs SQLite 3.42); 'optimize' merges every segment into one without
 * them, and secure_delete zeroes the pages the old segments leave.
 */
static int
erase_rows(struct store *s, const struct erase_who *w, struct error *err)
{
	struct audit_entry line = { NULL, NULL, "person", w->field[0],
	    "erased", NULL, NULL, 0 };
	size_t i;
	int rc;

	if ((rc = fts_forget(s, w->pk, err)) != RC_OK)
		return rc;
	for (i = 0; i < sizeof erase_sql / sizeof erase_sql[0]; i++)
		if ((rc = run(s, erase_sql[i], w, err)) != RC_OK)
			return rc;
	/* The one line that remains: the id and the word. */
	if ((rc = erase_scratch(s, w, err)) != RC_OK ||
	    (rc = audit_write(s, &line, err)) != RC_OK)
		return rc;
	return store_exec(s, "INSERT INTO person_fts(person_fts)"
	    " VALUES ('optimize')", err);
}

int
erase_person_in(struct store *s, long long pk, struct error *err)
{
	struct erase_who w;
	int rc;

	if ((rc = who_read(s, pk, &w, err)) == RC_OK) {
		s->erasing = 1;
		rc = erase_rows(s, &w, err);
		s->erasing = 0;
	}
	who_free(&w);
	/* The -wal still holds the pages as they were: the commit
	 * checkpoints and truncates it. */
	if (rc == RC_OK)
		store_scrub(s);
	return rc;
}

int
erase_person(struct store *s, long long pk, struct error *err)
{
	int rc;

	if ((rc = store_begin(s, err)) != RC_OK)
		return rc;
	if ((rc = erase_person_in(s, pk, err)) != RC_OK) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err);
}

int
erase_tombstone(struct store *s, const char *id, const char *at,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, &st, "INSERT OR IGNORE INTO erased(id, at)"
	    " VALUES (lower(?1), coalesce(?2, strftime('%Y-%m-%dT%H:%M:%SZ',"
	    " 'now')))", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if (at != NULL && at[0] != '\0')
		sqlite3_bind_text(st, 2, at, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "erased");
	return RC_OK;
}

int
erase_day(struct store *s, const char *id, char day[DATE_LEN],
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	day[0] = '\0';
	if ((rc = store_cached(s, &st, "SELECT substr(at, 1, 10) FROM erased"
	    " WHERE id = lower(?)", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(day, DATE_LEN, "%s", sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, err, "erased");
	return RC_OK;
}

int
erase_known(struct store *s, const char *id, int *yes, struct error *err)
{
	char day[DATE_LEN];
	int rc;

	rc = erase_day(s, id, day, err);
	*yes = rc == RC_OK && day[0] != '\0';
	return rc;
}

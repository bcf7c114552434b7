#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "audit.h"
#include "date.h"
#include "strbuf.h"

static const char insert_sql[] = "INSERT INTO audit(who, at, entity,"
    " entity_id, action, fields) VALUES (?, ?, ?, ?, ?, ?)";
/*
 * A line's changes are written up to CHANGE_ROWS at a time: an import
 * writes a line for each person, mission and window, with up to twenty
 * values each (half a million rows for 20,000 people), and a statement a
 * value was an eighth of the audit's cost.  There is a statement for each
 * count of rows, 1 to CHANGE_ROWS, as rows left unbound cost as much as
 * written ones.  ?1 is the line; each "?" is the next parameter.
 */
#define CHANGE_ROWS	4
#define CHANGE_HEAD	"INSERT INTO audit_change(audit, field, old, new) VALUES "
#define CHANGE_ROW	"(?1, ?, ?, ?)"
static const char *const change_sql[CHANGE_ROWS + 1] = {
	NULL,
	CHANGE_HEAD CHANGE_ROW,
	CHANGE_HEAD CHANGE_ROW ", " CHANGE_ROW,
	CHANGE_HEAD CHANGE_ROW ", " CHANGE_ROW ", " CHANGE_ROW,
	CHANGE_HEAD CHANGE_ROW ", " CHANGE_ROW ", " CHANGE_ROW ", " CHANGE_ROW,
};

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
	size_t done, rows, i;
	int col, rc;

	for (done = 0; done < e->nchanges; done += rows) {
		rows = e->nchanges - done < CHANGE_ROWS ? e->nchanges - done :
		    CHANGE_ROWS;
		if ((rc = store_cached(s, &st, change_sql[rows], err)) != RC_OK)
			return rc;
		sqlite3_bind_int64(st, 1, line);
		/* The values are the caller's until the step is reset. */
		for (i = done, col = 2; i < done + rows; i++) {
			sqlite3_bind_text(st, col++, e->changes[i].field, -1,
			    SQLITE_STATIC);
			sqlite3_bind_text(st, col++, e->changes[i].old, -1,
			    SQLITE_STATIC);
			sqlite3_bind_text(st, col++, e->changes[i].new, -1,
			    SQLITE_STATIC);
		}
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

static const char each_sql[] = "SELECT pk, who, at, entity, entity_id,"
    " action, fields FROM audit WHERE (?2 IS NULL OR at >= ?2) ORDER BY pk";
/*
 * A person's lines include those of the ids merged into theirs (their
 * aliases, alias.h).  A deployment's lines are kept under the name it
 * had when they were written: its earlier names are followed back through its renames, each
 * only from the rename that last gave it away before and up to the rename
 * away from it, so that deployments that had the same name at other
 * times keep their own lines.
 */
static const char each_id_sql[] = "WITH RECURSIVE names(n, upto) AS ("
    " SELECT ?1, NULL UNION"
    " SELECT alias, NULL FROM person_alias WHERE id = ?1 UNION"
    " SELECT a.entity_id, a.pk FROM names JOIN audit_change c ON"
    "  c.field = 'name' AND c.new = names.n JOIN audit a ON a.pk = c.audit"
    "  AND a.entity = 'deployment' AND a.action = 'rename' AND"
    "  (names.upto IS NULL OR a.pk < names.upto))"
    " SELECT DISTINCT a.pk, a.who, a.at, a.entity, a.entity_id, a.action,"
    " a.fields FROM names JOIN audit a ON a.entity_id = names.n AND"
    " (names.upto IS NULL OR a.pk <= names.upto) AND a.pk >"
    " coalesce((SELECT max(r.pk) FROM audit r WHERE r.entity_id = names.n"
    "  AND r.entity = 'deployment' AND r.action = 'rename' AND"
    "  (names.upto IS NULL OR r.pk < names.upto)), 0)"
    " WHERE (?2 IS NULL OR a.at >= ?2) ORDER BY a.pk";
static const char each_change_sql[] = "SELECT field, old, new FROM"
    " audit_change WHERE audit = ? ORDER BY field";

static char *
column_or_null(sqlite3_stmt *st, int i)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return NULL;
	return store_text(st, i);
}

static void
changes_free(struct audit_change *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free((char *)c[i].field);
		free((char *)c[i].old);
		free((char *)c[i].new);
	}
	free(c);
}

/* The changes of audit line pk, copied: the walk's statement stays open
 * while the caller's function runs. */
static int
changes_read(struct store *s, sqlite3_stmt *st, long long pk,
    struct audit_change **out, size_t *n, struct error *err)
{
	int rc;

	*out = NULL;
	*n = 0;
	sqlite3_bind_int64(st, 1, pk);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[*n].field = store_text(st, 0);
		(*out)[*n].old = column_or_null(st, 1);
		(*out)[*n].new = column_or_null(st, 2);
		(*n)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "audit");
	return RC_OK;
}

int
audit_each(struct store *s, const char *id, const char *since,
    int (*fn)(const struct audit_entry *, void *), void *arg,
    struct error *err)
{
	sqlite3_stmt *st = NULL, *cst = NULL;
	struct audit_change *c;
	struct audit_entry e;
	size_t n;
	int rc, step;

	if ((rc = store_prepare(s, &st, id != NULL ? each_id_sql : each_sql,
	    err)) != RC_OK ||
	    (rc = store_prepare(s, &cst, each_change_sql, err)) != RC_OK)
		goto out;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, since, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((rc = changes_read(s, cst, sqlite3_column_int64(st, 0), &c,
		    &n, err)) != RC_OK)
			goto out;
		e.who = (const char *)sqlite3_column_text(st, 1);
		e.at = (const char *)sqlite3_column_text(st, 2);
		e.entity = (const char *)sqlite3_column_text(st, 3);
		e.id = (const char *)sqlite3_column_text(st, 4);
		e.action = (const char *)sqlite3_column_text(st, 5);
		e.fields = (const char *)sqlite3_column_text(st, 6);
		e.changes = c;
		e.nchanges = n;
		rc = fn(&e, arg);
		changes_free(c, n);
		if (rc != 0)
			goto out;
	}
	if (step != SQLITE_DONE)
		rc = store_error(s, err, "audit");
out:
	sqlite3_finalize(cst);
	sqlite3_finalize(st);
	return rc;
}

/*
 * The rename away from name: the latest one (after == 0), else the first
 * after the line after; *pk 0 when there is none.
 */
static int
rename_from(struct store *s, sqlite3_stmt *st, const char *name,
    long long after, char *out, size_t len, long long *pk, struct error *err)
{
	int rc;

	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, after);
	*pk = 0;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(out, len, "%s", (const char *)sqlite3_column_text(st,
		    0));
		*pk = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "audit");
}

int
audit_deployment_name(struct store *s, const char *name, char *out,
    size_t len, struct error *err)
{
	static const char sql[] = "SELECT c.new, a.pk FROM audit_change c"
	    " JOIN audit a ON a.pk = c.audit AND a.entity = 'deployment' AND"
	    " a.action = 'rename' WHERE c.field = 'name' AND"
	    " c.old = ?1 COLLATE NOCASE AND a.pk > ?2"
	    " ORDER BY CASE WHEN ?2 = 0 THEN -a.pk ELSE a.pk END LIMIT 1";
	sqlite3_stmt *st;
	long long pk, after = 0;
	int rc;

	if ((rc = store_prepare(s, &st, sql, err)) != RC_OK)
		return rc;
	snprintf(out, len, "%s", name);
	/* Each step goes forward in the audit, so a loop of renames ends. */
	while ((rc = rename_from(s, st, out, after, out, len, &pk, err)) ==
	    RC_OK && pk != 0)
		after = pk;
	sqlite3_finalize(st);
	if (rc != RC_OK)
		return rc;
	return after != 0 ? RC_OK : RC_REFUSED;
}

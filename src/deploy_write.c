#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "deploy_write.h"
#include "person.h"
#include "strbuf.h"

enum {
	W_DEP_GET, W_DEP_INSERT, W_DEP_UPDATE, W_DEP_RENAME, W_DEP_STATUS,
	W_DEP_CLOSE, W_ASG_GET, W_ASG_STATUS_OF,
	W_ASG_INSERT, W_ASG_UPDATE, W_ASG_STATUS, W_ASG_DELETE,
	W_HIST_DELETE, W_HIST_INSERT, W_N
};

/* The columns of struct deploy_row, in its order, for the audit. */
static const char *const deploy_columns[] = { "name", "kind", "country",
    "start", "end", "status", "needs" };
#define NCOLUMNS 7

static const char *const statements[W_N] = {
	/* The columns of struct deploy_row, after the pk. */
	[W_DEP_GET] = "SELECT pk, name, kind, country, start, coalesce(end,"
	    " ''), status, needs FROM deployment WHERE name = ? COLLATE NOCASE"
	    " ORDER BY pk LIMIT 1",
	/* The origin is this pool's name unless it came from another. */
	[W_DEP_INSERT] = "INSERT INTO deployment(name, kind, country, start,"
	    " end, status, needs, created, id, origin) VALUES (?2, ?3, ?4, ?5,"
	    " nullif(?6, ''), ?7, ?8, ?9, ?10, coalesce(nullif(?11, ''), "
	    STORE_POOL_NAME_SQL "))",
	[W_DEP_UPDATE] = "UPDATE deployment SET name = ?2, kind = ?3,"
	    " country = ?4, start = ?5, end = nullif(?6, ''), status = ?7,"
	    " needs = ?8 WHERE pk = ?1",
	[W_DEP_RENAME] = "UPDATE deployment SET name = ?2 WHERE pk = ?1",
	/* The status a close replaces, for the audit. */
	[W_DEP_STATUS] = "SELECT status FROM deployment WHERE pk = ?",
	[W_DEP_CLOSE] = "UPDATE deployment SET status = 'closed' WHERE pk = ?",
	/* role, status and history, as struct assignment_row has them. */
	[W_ASG_GET] = "SELECT pk, role, status, " DEPLOY_HISTORY_SQL("a.pk")
	    " FROM assignment a WHERE deployment = ? AND person = ?",
	/* The status a set replaces, for the audit. */
	[W_ASG_STATUS_OF] = "SELECT status FROM assignment WHERE pk = ?",
	[W_ASG_INSERT] = "INSERT INTO assignment(deployment, person, role,"
	    " status) VALUES (?, ?, ?, ?)",
	[W_ASG_UPDATE] = "UPDATE assignment SET role = ?2, status = ?3"
	    " WHERE pk = ?1",
	[W_ASG_STATUS] = "UPDATE assignment SET status = ?2 WHERE pk = ?1",
	[W_ASG_DELETE] = "DELETE FROM assignment WHERE deployment = ? AND"
	    " person = ?",
	[W_HIST_DELETE] = "DELETE FROM assignment_history WHERE assignment = ?",
	[W_HIST_INSERT] = "INSERT INTO assignment_history(assignment, status,"
	    " at) VALUES (?, ?, ?)",
};

struct deploy_writer {
	struct store	*store;
	sqlite3_stmt	*st[W_N];
	char		 now[21];	/* UTC: created, history, audit */
	char		 who[64];
};

int
deploy_writer_new(struct store *s, struct deploy_writer **out,
    struct error *err)
{
	struct deploy_writer *w;
	int i, rc;

	w = xcalloc(1, sizeof *w);
	w->store = s;
	date_now_utc(w->now);
	audit_user(w->who, sizeof w->who);
	for (i = 0; i < W_N; i++)
		if ((rc = store_prepare(s, &w->st[i], statements[i], err))
		    != RC_OK) {
			deploy_writer_free(w);
			*out = NULL;
			return rc;
		}
	*out = w;
	return RC_OK;
}

void
deploy_writer_free(struct deploy_writer *w)
{
	int i;

	if (w == NULL)
		return;
	for (i = 0; i < W_N; i++)
		sqlite3_finalize(w->st[i]);
	free(w);
}

int
deploy_writer_begin(struct store *s, struct deploy_writer **w,
    struct error *err)
{
	int rc;

	if ((rc = store_begin(s, err)) != RC_OK)
		return rc;
	if ((rc = deploy_writer_new(s, w, err)) != RC_OK)
		store_rollback(s);
	return rc;
}

int
deploy_writer_end(struct store *s, struct deploy_writer *w, int rc,
    struct error *err)
{
	deploy_writer_free(w);
	if (rc == RC_OK)
		return store_commit(s, err);
	store_rollback(s);
	return rc;
}

static void
bind(struct deploy_writer *w, int q, int i, const char *text)
{
	sqlite3_bind_text(w->st[q], i, text, -1, SQLITE_STATIC);
}

/* Runs a statement that returns no rows, and resets it. */
static int
run(struct deploy_writer *w, int q, const char *what, struct error *err)
{
	int rc = sqlite3_step(w->st[q]);

	sqlite3_reset(w->st[q]);
	sqlite3_clear_bindings(w->st[q]);
	if (rc == SQLITE_DONE)
		return RC_OK;
	return store_error(w->store, err, what);
}

/* The values of one audit line: at most a deployment's columns. */
struct values {
	struct audit_change	 c[NCOLUMNS];
	size_t			 n;
};

static void
value_add(struct values *v, const char *field, const char *old,
    const char *new)
{
	v->c[v->n].field = field;
	v->c[v->n].old = old;
	v->c[v->n++].new = new;
}

static int
audit(struct deploy_writer *w, const char *name, const char *action,
    const char *fields, const struct values *v, struct error *err)
{
	struct audit_entry e = { w->who, w->now, "deployment", name, action,
	    fields, v->c, v->n };

	return audit_write(w->store, &e, err);
}

/*
 * Steps the look-up q (bound by the caller); on a row, *pk is column 0
 * and old[i] a copy of column i + 1 when that differs from now[i], else
 * NULL (the caller frees them with strv_free).  RC_OK when found,
 * RC_REFUSED when not.
 */
static int
compare(struct deploy_writer *w, int q, const char *const *now, int n,
    long long *pk, char **old, struct error *err)
{
	sqlite3_stmt *st = w->st[q];
	const char *was;
	int rc, i;

	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*pk = sqlite3_column_int64(st, 0);
		for (i = 0; i < n; i++) {
			was = (const char *)sqlite3_column_text(st, i + 1);
			if (strcmp(was != NULL ? was : "", now[i]) != 0)
				old[i] = xstrdup(was != NULL ? was : "");
		}
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return RC_OK;
	if (rc == SQLITE_DONE)
		return RC_REFUSED;
	return store_error(w->store, err, q == W_DEP_GET ? "deployment" :
	    "assignment");
}

/* Each column compare found changed: its old and new value, and its name
 * in changed ("name,kind"). */
static void
changes(const char *const *names, char *const *old, const char *const *now,
    int n, struct values *v, struct strbuf *changed)
{
	int i;

	strbuf_adds(changed, "");
	for (i = 0; i < n; i++) {
		if (old[i] == NULL)
			continue;
		value_add(v, names[i], old[i], now[i]);
		strbuf_addf(changed, "%s%s", changed->len ? "," : "",
		    names[i]);
	}
}

/*
 * Steps the look-up q (bound by the caller): column col of its row,
 * copied, into *out, and column 0 into *pk unless pk is NULL; RC_REFUSED
 * (err untouched) when there is no row.
 */
static int
lookup(struct deploy_writer *w, int q, int col, long long *pk, char **out,
    struct error *err)
{
	sqlite3_stmt *st = w->st[q];
	int rc;

	*out = NULL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (pk != NULL)
			*pk = sqlite3_column_int64(st, 0);
		*out = xstrdup((const char *)sqlite3_column_text(st, col));
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_ROW)
		return RC_OK;
	if (rc == SQLITE_DONE)
		return RC_REFUSED;
	return store_error(w->store, err, "deployment");
}

int
deploy_writer_find(struct deploy_writer *w, const char *name, long long *pk,
    char **stored, struct error *err)
{
	bind(w, W_DEP_GET, 1, name);
	return lookup(w, W_DEP_GET, 1, pk, stored, err);
}

int
deploy_writer_put(struct deploy_writer *w, const struct deploy_row *r,
    const char *note, struct error *err)
{
	const char *v[NCOLUMNS] = { r->name, r->kind, r->country, r->start,
	    r->end, r->status, r->needs };
	char **old = xcalloc(NCOLUMNS, sizeof *old);
	struct strbuf changed = { 0 };
	struct values vals = { .n = 0 };
	char id[PERSON_ID_LEN];
	long long pk = 0;
	int rc, i, q;

	bind(w, W_DEP_GET, 1, r->name);
	rc = compare(w, W_DEP_GET, v, NCOLUMNS, &pk, old, err);
	if (rc == RC_OK)
		changes(deploy_columns, old, v, NCOLUMNS, &vals, &changed);
	if (rc == RC_DB || (rc == RC_OK && vals.n == 0))
		goto out;
	q = rc == RC_OK ? W_DEP_UPDATE : W_DEP_INSERT;
	if (q == W_DEP_UPDATE)
		sqlite3_bind_int64(w->st[q], 1, pk);
	for (i = 0; i < NCOLUMNS; i++)
		bind(w, q, i + 2, v[i]);
	if (q == W_DEP_INSERT) {
		bind(w, q, 9, w->now);
		if (r->id != NULL && r->id[0] != '\0')
			snprintf(id, sizeof id, "%s", r->id);
		else
			person_new_id(id);
		bind(w, q, 10, id);
		bind(w, q, 11, r->origin != NULL ? r->origin : "");
	}
	rc = run(w, q, "deployment", err);
	/* A new deployment's values are those given. */
	for (i = 0; q == W_DEP_INSERT && i < NCOLUMNS; i++)
		if (v[i][0] != '\0')
			value_add(&vals, deploy_columns[i], NULL, v[i]);
	if (rc == RC_OK)
		rc = audit(w, r->name, q == W_DEP_UPDATE ? "update" : "create",
		    q == W_DEP_UPDATE ? strbuf_str(&changed) : note, &vals,
		    err);
out:
	strv_free(old, NCOLUMNS);
	strbuf_free(&changed);
	return rc;
}

int
deploy_writer_rename(struct deploy_writer *w, long long pk, const char *name,
    const char *to, struct error *err)
{
	struct strbuf fields = { 0 };
	struct values vals = { .n = 0 };
	int rc;

	sqlite3_bind_int64(w->st[W_DEP_RENAME], 1, pk);
	bind(w, W_DEP_RENAME, 2, to);
	if ((rc = run(w, W_DEP_RENAME, "deployment", err)) == RC_OK) {
		strbuf_addf(&fields, "name=%s", to);
		value_add(&vals, "name", name, to);
		rc = audit(w, name, "rename", strbuf_str(&fields), &vals, err);
	}
	strbuf_free(&fields);
	return rc;
}

int
deploy_writer_close(struct deploy_writer *w, long long pk, const char *name,
    struct error *err)
{
	struct values vals = { .n = 0 };
	char *old;
	int rc;

	sqlite3_bind_int64(w->st[W_DEP_STATUS], 1, pk);
	if ((rc = lookup(w, W_DEP_STATUS, 0, NULL, &old, err)) == RC_REFUSED)
		return error_set(err, rc, "no deployment '%s'", name);
	if (rc != RC_OK)
		return rc;
	sqlite3_bind_int64(w->st[W_DEP_CLOSE], 1, pk);
	if ((rc = run(w, W_DEP_CLOSE, "deployment", err)) == RC_OK) {
		value_add(&vals, "status", old, "closed");
		rc = audit(w, name, "close", "", &vals, err);
	}
	free(old);
	return rc;
}

static int
history_add(struct deploy_writer *w, long long apk, const char *status,
    const char *at, size_t atlen, struct error *err)
{
	sqlite3_bind_int64(w->st[W_HIST_INSERT], 1, apk);
	sqlite3_bind_text(w->st[W_HIST_INSERT], 2, status, -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_text(w->st[W_HIST_INSERT], 3, at, (int)atlen,
	    SQLITE_TRANSIENT);
	return run(w, W_HIST_INSERT, "assignment", err);
}

/* Writes a history (as struct assignment_row has it) for assignment apk. */
static int
history_put(struct deploy_writer *w, long long apk, const char *history,
    struct error *err)
{
	const char *p, *at;
	char status[16];
	int rc = RC_OK;

	for (p = history; *p != '\0' && rc == RC_OK; p = at + 21) {
		if (*p == ';')
			p++;
		at = strchr(p, '@');
		snprintf(status, sizeof status, "%.*s", (int)(at - p), p);
		rc = history_add(w, apk, status, at + 1, 20, err);
	}
	return rc;
}

/* Creates the assignment, or updates its role and status. */
static int
assignment_write(struct deploy_writer *w, const struct assignment_row *a,
    int exists, long long *apk, struct error *err)
{
	int q = exists ? W_ASG_UPDATE : W_ASG_INSERT, rc;

	if (exists) {
		sqlite3_bind_int64(w->st[q], 1, *apk);
		bind(w, q, 2, a->role);
		bind(w, q, 3, a->status);
		return run(w, q, "assignment", err);
	}
	sqlite3_bind_int64(w->st[q], 1, a->deployment);
	sqlite3_bind_int64(w->st[q], 2, a->person);
	bind(w, q, 3, a->role);
	bind(w, q, 4, a->status);
	rc = run(w, q, "assignment", err);
	*apk = sqlite3_last_insert_rowid(w->store->db);
	return rc;
}

/* The values of a member's line: those of someone new (the history only
 * when one was given), or the columns that changed. */
static void
assign_values(const struct assignment_row *a, int exists,
    char *const *old, const char *const *now, struct values *v,
    struct strbuf *changed)
{
	static const char *const names[] = { "role", "status", "history" };

	if (exists) {
		changes(names, old, now, 3, v, changed);
		return;
	}
	value_add(v, "person", NULL, a->person_id);
	if (a->role[0] != '\0')
		value_add(v, "role", NULL, a->role);
	value_add(v, "status", NULL, a->status);
	if (a->history != NULL)
		value_add(v, "history", NULL, a->history);
}

int
deploy_writer_assign(struct deploy_writer *w, const struct assignment_row *a,
    int flags, int *added, struct error *err)
{
	struct strbuf history = { 0 }, changed = { 0 }, fields = { 0 };
	struct values vals = { .n = 0 };
	char **old = xcalloc(3, sizeof *old);
	const char *now[3];
	long long apk = 0;
	int rc, exists, new_history;

	if (a->history != NULL)
		strbuf_adds(&history, a->history);
	else
		strbuf_addf(&history, "%s@%s", a->status, w->now);
	now[0] = a->role;
	now[1] = a->status;
	now[2] = strbuf_str(&history);
	sqlite3_bind_int64(w->st[W_ASG_GET], 1, a->deployment);
	sqlite3_bind_int64(w->st[W_ASG_GET], 2, a->person);
	rc = compare(w, W_ASG_GET, now, 3, &apk, old, err);
	exists = rc == RC_OK;
	if (added != NULL)
		*added = rc == RC_REFUSED;
	if (rc != RC_DB)
		assign_values(a, exists, old, now, &vals, &changed);
	if (rc == RC_DB || (exists && (vals.n == 0 ||
	    (flags & ASSIGN_NEW_ONLY)))) {
		rc = rc == RC_DB ? rc : RC_OK;
		goto out;
	}
	/* Only a history that differs replaces the one kept. */
	new_history = !exists || old[2] != NULL;
	rc = assignment_write(w, a, exists, &apk, err);
	if (rc == RC_OK && exists && new_history) {
		sqlite3_bind_int64(w->st[W_HIST_DELETE], 1, apk);
		rc = run(w, W_HIST_DELETE, "assignment", err);
	}
	if (rc == RC_OK && new_history)
		rc = history_put(w, apk, now[2], err);
	strbuf_addf(&fields, "person=%s", a->person_id);
	if (exists)
		strbuf_addf(&fields, " changed=%s", strbuf_str(&changed));
	if (rc == RC_OK)
		rc = audit(w, a->dname, exists ? "update" : "add",
		    strbuf_str(&fields), &vals, err);
out:
	strv_free(old, 3);
	strbuf_free(&history);
	strbuf_free(&changed);
	strbuf_free(&fields);
	return rc;
}

int
deploy_writer_set(struct deploy_writer *w, long long apk, const char *dname,
    const char *status, const char *fields, struct error *err)
{
	struct values vals = { .n = 0 };
	char *old;
	int rc;

	/* Read in the write's transaction: the status it replaces. */
	sqlite3_bind_int64(w->st[W_ASG_STATUS_OF], 1, apk);
	rc = lookup(w, W_ASG_STATUS_OF, 0, NULL, &old, err);
	if (rc == RC_REFUSED)
		return error_set(err, rc, "not on the list of '%s'", dname);
	if (rc != RC_OK)
		return rc;
	sqlite3_bind_int64(w->st[W_ASG_STATUS], 1, apk);
	bind(w, W_ASG_STATUS, 2, status);
	if ((rc = run(w, W_ASG_STATUS, "assignment", err)) == RC_OK &&
	    (rc = history_add(w, apk, status, w->now, strlen(w->now), err))
	    == RC_OK) {
		value_add(&vals, "status", old, status);
		rc = audit(w, dname, "set", fields, &vals, err);
	}
	free(old);
	return rc;
}

int
deploy_writer_remove(struct deploy_writer *w, long long deployment,
    long long person, const char *dname, const char *person_id,
    struct error *err)
{
	struct values vals = { .n = 0 };
	char fields[64], *last;
	int rc;

	sqlite3_bind_int64(w->st[W_ASG_GET], 1, deployment);
	sqlite3_bind_int64(w->st[W_ASG_GET], 2, person);
	/* Their status (column 2), the last they had there. */
	if ((rc = lookup(w, W_ASG_GET, 2, NULL, &last, err)) == RC_REFUSED)
		return error_set(err, rc, "%s is not on the list of '%s'",
		    person_id, dname);
	if (rc != RC_OK)
		return rc;
	sqlite3_bind_int64(w->st[W_ASG_DELETE], 1, deployment);
	sqlite3_bind_int64(w->st[W_ASG_DELETE], 2, person);
	if ((rc = run(w, W_ASG_DELETE, "assignment", err)) == RC_OK) {
		snprintf(fields, sizeof fields, "person=%s", person_id);
		value_add(&vals, "person", person_id, NULL);
		value_add(&vals, "status", last, NULL);
		rc = audit(w, dname, "remove", fields, &vals, err);
	}
	free(last);
	return rc;
}

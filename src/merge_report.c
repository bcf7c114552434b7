/*
 * merge_report.c - the report of a merge (merge.h): tallies by origin,
 * conflicts, and lines of notes; and what the parts share.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge_int.h"
#include "strbuf.h"

int
merge_stage_prepare(struct merger *m, sqlite3_stmt **st, const char *sql,
    struct error *err)
{
	if (sqlite3_prepare_v2(m->stage, sql, -1, st, NULL) != SQLITE_OK)
		return merge_stage_error(m, err);
	return RC_OK;
}

int
merge_cached(struct merger *m, sqlite3 *db, sqlite3_stmt **st,
    const char *sql, struct error *err)
{
	int rc;

	size_t i, n = sizeof m->cache / sizeof m->cache[0];

	for (i = 0; i < n && m->cache[i].sql != NULL; i++)
		if (m->cache[i].sql == sql) {
			*st = m->cache[i].st;
			return RC_OK;
		}
	if (i == n)
		return error_set(err, RC_DB, "merge: too many statements");
	if (db == m->stage)
		rc = merge_stage_prepare(m, st, sql, err);
	else
		rc = store_prepare(m->s, st, sql, err);
	if (rc != RC_OK)
		return rc;
	m->cache[i].sql = sql;
	m->cache[i].st = *st;
	return RC_OK;
}

int
merge_stage_each(struct merger *m, const char *sql, merge_row_fn one,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc, step = SQLITE_DONE;

	if ((rc = merge_stage_prepare(m, &st, sql, err)) != RC_OK)
		return rc;
	while (rc == RC_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = one(m, st, err);
	if (rc == RC_OK && step != SQLITE_DONE)
		rc = merge_stage_error(m, err);
	sqlite3_finalize(st);
	return rc;
}

int
merge_stage_error(struct merger *m, struct error *err)
{
	return error_set(err, RC_INPUT, "not a roster stage: %s",
	    sqlite3_errmsg(m->stage));
}

const char *
merge_col(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);

	return v != NULL ? v : "";
}

struct merge_tally *
merge_tally_of(struct merge_report *r, const char *origin)
{
	struct merge_tally *t;
	size_t i;

	for (i = 0; i < r->ntally; i++)
		if (strcmp(r->tally[i].origin, origin) == 0)
			return &r->tally[i];
	r->tally = xrealloc(r->tally, (r->ntally + 1) * sizeof *r->tally);
	t = &r->tally[r->ntally++];
	memset(t, 0, sizeof *t);
	snprintf(t->origin, sizeof t->origin, "%s", origin);
	return t;
}

int
merge_here_changed(struct merger *m, const char *kind, long long pk,
    int *here, struct error *err)
{
	static const char sql[] = "SELECT seq FROM changed WHERE kind = ?1"
	    " AND ref = ?2";
	sqlite3_stmt *st;
	long long seq = 0;
	int rc;

	if ((rc = merge_cached(m, m->s->db, &st, sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, pk);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		seq = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(m->s, err, "merge");
	*here = m->seen < 0 || seq > m->seen;
	return RC_OK;
}

int
merge_later(int here, const char *ours, const char *theirs)
{
	int c = strcmp(theirs, ours);

	return c != 0 ? c : !here;
}

int
merge_both_changed(const struct merger *m, int here, const char *theirs)
{
	if (m->heard[0] == '\0')
		return 1;
	/* The same second as their last meeting may be after it. */
	return here && strcmp(theirs, m->heard) >= 0;
}

void
merge_conflict_add(struct merge_report *r, const char *id, const char *name,
    const char *field, const struct merge_side *kept,
    const struct merge_side *lost)
{
	struct merge_conflict *c;

	r->conflicts = xrealloc(r->conflicts, (r->nconflicts + 1) *
	    sizeof *r->conflicts);
	c = &r->conflicts[r->nconflicts++];
	snprintf(c->id, sizeof c->id, "%s", id);
	c->name = xstrdup(name);
	c->field = xstrdup(field);
	c->kept = xstrdup(kept->value);
	c->lost = xstrdup(lost->value);
	c->kept_from = xstrdup(kept->from);
	c->lost_from = xstrdup(lost->from);
}

void
merge_note_add(char ***list, size_t *n, const char *line)
{
	*list = xrealloc(*list, (*n + 1) * sizeof **list);
	(*list)[(*n)++] = xstrdup(line);
}

void
merge_report_free(struct merge_report *r)
{
	size_t i;

	for (i = 0; i < r->nconflicts; i++) {
		free(r->conflicts[i].name);
		free(r->conflicts[i].field);
		free(r->conflicts[i].kept);
		free(r->conflicts[i].lost);
		free(r->conflicts[i].kept_from);
		free(r->conflicts[i].lost_from);
	}
	free(r->conflicts);
	free(r->tally);
	strv_free(r->missing, r->nmissing);
	strv_free(r->deploy_renamed, r->ndeploy_renamed);
	free(r->renamed);
	memset(r, 0, sizeof *r);
}

/*
 * merge_deploy.c - staged deployments met with this pool's by id: as
 * people are (an identical one writes nothing, else the later updated
 * wins, the deployment and its members as a whole); a new one whose name
 * another deployment here has is called "NAME (ORIGIN)".  Members name
 * people by id (or alias); one erased here stays off the list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alias.h"
#include "audit.h"
#include "date.h"
#include "erase.h"
#include "merge_int.h"
#include "strbuf.h"

/* name, kind, country, start, end, status, needs, then the members. */
#define DVALUES 8
static const char *const dnames[DVALUES] = { "name", "kind", "country",
    "start", "end", "status", "needs", "members" };

struct drec {
	char	*v[DVALUES];
	char	*id, *origin, *created, *updated;
	char	*stored;	/* here: its name here, v[0] the one it came by */
	long long pk;
};

static const char stage_sql[] = "SELECT name, kind, country, start,"
    " coalesce(end, ''), status, coalesce(needs, ''),"
    " coalesce((SELECT group_concat(line, '; ') FROM (SELECT person || ' '"
    " || coalesce(role, '') || ' ' || coalesce(status, '') AS line"
    " FROM x_assignment WHERE deployment = d.id ORDER BY person)), ''),"
    " id, coalesce(origin, ''), coalesce(created, ''), coalesce(updated, ''),"
    " 0 FROM x_deployment d ORDER BY d.rowid";
static const char here_sql[] = "SELECT name, kind, country, start,"
    " coalesce(end, ''), status, needs,"
    " coalesce((SELECT group_concat(line, '; ') FROM (SELECT p.id || ' '"
    " || a.role || ' ' || a.status AS line FROM assignment a JOIN person p"
    " ON p.pk = a.person WHERE a.deployment = d.pk ORDER BY p.id)), ''),"
    " id, origin, created, updated, pk FROM deployment d WHERE id = ?";
static const char members_sql[] = "SELECT person, coalesce(role, ''),"
    " coalesce(status, '') FROM x_assignment WHERE deployment = ?"
    " ORDER BY person";

static void
drec_read(sqlite3_stmt *st, struct drec *d)
{
	int i;

	for (i = 0; i < DVALUES; i++)
		d->v[i] = xstrdup(merge_col(st, i));
	d->id = xstrdup(merge_col(st, DVALUES));
	d->origin = xstrdup(merge_col(st, DVALUES + 1));
	d->created = xstrdup(merge_col(st, DVALUES + 2));
	d->updated = xstrdup(merge_col(st, DVALUES + 3));
	d->pk = sqlite3_column_int64(st, DVALUES + 4);
	d->stored = xstrdup(d->v[0]);
}

static void
drec_free(struct drec *d)
{
	int i;

	for (i = 0; i < DVALUES; i++)
		free(d->v[i]);
	free(d->id);
	free(d->origin);
	free(d->created);
	free(d->updated);
	free(d->stored);
}

/* The name a deployment takes here: its own, or "NAME (ORIGIN)" when a
 * different deployment has it. */
static int
name_for(struct merger *m, const struct drec *d, long long self,
    const char *origin, struct strbuf *name, struct error *err)
{
	long long pk;
	char *stored = NULL;
	int rc;

	strbuf_adds(name, d->v[0]);
	rc = deploy_writer_find(m->dw, d->v[0], &pk, &stored, err);
	free(stored);
	if (rc == RC_REFUSED || (rc == RC_OK && pk == self))
		return RC_OK;
	if (rc != RC_OK)
		return rc;
	strbuf_reset(name);
	strbuf_addf(name, "%s (%s)", d->v[0], origin);
	rc = deploy_writer_find(m->dw, strbuf_str(name), &pk, &stored, err);
	free(stored);
	if (rc == RC_OK && pk == self)
		return RC_OK;
	if (rc == RC_OK)
		return error_set(err, RC_INPUT, "deployment '%s': '%s' is "
		    "here already; nothing was changed", d->v[0],
		    strbuf_str(name));
	if (rc != RC_REFUSED)
		return rc;
	merge_note_add(&m->r->deploy_renamed, &m->r->ndeploy_renamed,
	    strbuf_str(name));
	return RC_OK;
}

/* Person id of a member, here: *pk 0 when erased here. */
static int
member_pk(struct merger *m, const char *dname, const char *id,
    char kept[PERSON_ID_LEN], long long *pk, struct error *err)
{
	int rc, alias, gone;

	*pk = 0;
	if ((rc = alias_resolve(m->s, id, kept, &alias, err)) != RC_OK)
		return rc;
	if ((rc = person_find(m->s, kept, pk, err)) != RC_REFUSED)
		return rc;
	*pk = 0;
	if ((rc = erase_known(m->s, kept, &gone, err)) != RC_OK || gone)
		return rc;
	return error_set(err, RC_INPUT, "deployment '%s': a member (%s) is "
	    "in neither pool; nothing was changed", dname, id);
}

/*
 * The history a member's line is written with: the one kept here, with
 * the new status at its end when it changes (NULL: someone new, or no
 * change at all, *same).
 */
static int
history_of(struct merger *m, const struct assignment_row *a,
    struct strbuf *h, int *same, struct error *err)
{
	sqlite3_stmt *st;
	char now[21];
	int rc;

	*same = 0;
	if ((rc = merge_cached(m, m->s->db, &st, "SELECT a.role, a.status, "
	    DEPLOY_HISTORY_SQL("a.pk") " FROM assignment a"
	    " WHERE a.deployment = ? AND a.person = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, a->deployment);
	sqlite3_bind_int64(st, 2, a->person);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*same = strcmp(merge_col(st, 1), a->status) == 0;
		if (*same && strcmp(merge_col(st, 0), a->role) == 0)
			*same = 2;
		strbuf_adds(h, merge_col(st, 2));
		date_now_utc(now);
		if (!*same)
			strbuf_addf(h, "%s%s@%s", h->len ? ";" : "", a->status,
			    now);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(m->s, err, "assignment");
	return RC_OK;
}

/* The staged members of d on deployment pk (named dname), and no one
 * else; each history goes on from where it is. */
static int
members_put(struct merger *m, const struct drec *d, long long pk,
    const char *dname, struct error *err)
{
	struct assignment_row a;
	struct strbuf h = { 0 };
	char kept[PERSON_ID_LEN];
	sqlite3_stmt *st;
	int rc, same, step = SQLITE_DONE;

	if ((rc = merge_cached(m, m->stage, &st, members_sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
	while (rc == RC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&a, 0, sizeof a);
		a.deployment = pk;
		a.dname = dname;
		if ((rc = member_pk(m, dname, merge_col(st, 0), kept,
		    &a.person, err)) != RC_OK || a.person == 0)
			continue;
		a.person_id = kept;
		a.role = merge_col(st, 1);
		a.status = merge_col(st, 2);
		strbuf_reset(&h);
		if ((rc = history_of(m, &a, &h, &same, err)) != RC_OK ||
		    same == 2)
			continue;
		a.history = h.len ? strbuf_str(&h) : NULL;
		rc = deploy_writer_assign(m->dw, &a, 0, NULL, err);
	}
	strbuf_free(&h);
	if (rc == RC_OK && step != SQLITE_DONE)
		rc = merge_stage_error(m, err);
	sqlite3_reset(st);
	return rc;
}

/* Members here the staged deployment does not have: taken off. */
static int
members_drop(struct merger *m, const struct drec *d, long long pk,
    const char *dname, struct error *err)
{
	sqlite3_stmt *st, *q;
	long long *gone = NULL;
	char **ids = NULL;
	size_t n = 0, i;
	int rc, found;

	if ((rc = store_prepare(m->s, &st, "SELECT a.person, p.id FROM"
	    " assignment a JOIN person p ON p.pk = a.person"
	    " WHERE a.deployment = ?", err)) != RC_OK)
		return rc;
	if ((rc = merge_stage_prepare(m, &q, "SELECT 1 FROM x_assignment"
	    " WHERE deployment = ? AND person = ?", err)) != RC_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_bind_int64(st, 1, pk);
	sqlite3_bind_text(q, 1, d->id, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		sqlite3_bind_text(q, 2, merge_col(st, 1), -1, SQLITE_STATIC);
		found = sqlite3_step(q) == SQLITE_ROW;
		sqlite3_reset(q);
		if (found)
			continue;
		gone = xrealloc(gone, (n + 1) * sizeof *gone);
		ids = xrealloc(ids, (n + 1) * sizeof *ids);
		gone[n] = sqlite3_column_int64(st, 0);
		ids[n++] = xstrdup(merge_col(st, 1));
	}
	sqlite3_finalize(st);
	sqlite3_finalize(q);
	for (i = 0; i < n && rc == RC_OK; i++)
		rc = deploy_writer_remove(m->dw, pk, gone[i], dname, ids[i],
		    err);
	free(gone);
	strv_free(ids, n);
	return rc;
}

/* The id, origin and times the deployment had in its pool.  updated goes
 * last, after the members' triggers have set it to now. */
static int
times_put(struct merger *m, long long pk, const struct drec *d,
    const char *origin, struct error *err)
{
	static const char *const sql[] = {
		"UPDATE deployment SET id = ?2, origin = coalesce(?3, origin),"
		    " created = coalesce(nullif(?4, ''), created) WHERE pk = ?1",
		"UPDATE deployment SET updated = ?5 WHERE pk = ?1",
	};
	sqlite3_stmt *st;
	int rc, i;

	for (i = 0; i < 2; i++) {
		if ((rc = store_prepare(m->s, &st, sql[i], err)) != RC_OK)
			return rc;
		sqlite3_bind_int64(st, 1, pk);
		if (i == 0) {
			sqlite3_bind_text(st, 2, d->id, -1, SQLITE_STATIC);
			if (origin != NULL)
				sqlite3_bind_text(st, 3, origin, -1,
				    SQLITE_STATIC);
			sqlite3_bind_text(st, 4, d->created, -1,
			    SQLITE_STATIC);
		} else
			sqlite3_bind_text(st, 5, d->updated, -1,
			    SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(m->s, err, "deployment");
	}
	return RC_OK;
}

/* Writes the staged d as deployment here (here NULL: a new one). */
static int
dwrite(struct merger *m, const struct drec *d, const struct drec *here,
    const char *origin, struct error *err)
{
	struct deploy_row row = { NULL, d->v[1], d->v[2], d->v[3], d->v[4],
	    d->v[5], d->v[6], d->id, origin };
	struct strbuf name = { 0 };
	long long pk = here != NULL ? here->pk : 0;
	char *stored = NULL;
	int rc;

	if ((rc = name_for(m, d, pk, origin != NULL ? origin : here->origin,
	    &name, err)) != RC_OK)
		goto out;
	row.name = strbuf_str(&name);
	if (here != NULL && strcmp(here->stored, row.name) != 0 &&
	    (rc = deploy_writer_rename(m->dw, pk, here->stored, row.name,
	    err)) != RC_OK)
		goto out;
	if ((rc = deploy_writer_put(m->dw, &row, "merge", err)) != RC_OK ||
	    (rc = deploy_writer_find(m->dw, row.name, &pk, &stored, err))
	    != RC_OK)
		goto out;
	if (here != NULL && (rc = members_drop(m, d, pk, row.name, err))
	    != RC_OK)
		goto out;
	if ((rc = members_put(m, d, pk, row.name, err)) == RC_OK)
		rc = times_put(m, pk, d, origin, err);
out:
	free(stored);
	strbuf_free(&name);
	return rc;
}

static int
audit_lost(struct merger *m, const struct drec *kept, const struct drec *lost,
    struct error *err)
{
	struct audit_change changes[DVALUES];
	struct audit_entry e = { NULL, NULL, "deployment", kept->v[0],
	    "merge kept", NULL, changes, 0 };
	struct strbuf fields = { 0 };
	int i, rc;

	strbuf_addf(&fields, "from=%s", m->from);
	for (i = 0; i < DVALUES; i++) {
		if (strcmp(kept->v[i], lost->v[i]) == 0)
			continue;
		changes[e.nchanges].field = dnames[i];
		changes[e.nchanges].old = lost->v[i];
		changes[e.nchanges++].new = kept->v[i];
		strbuf_addf(&fields, "%s%s", e.nchanges == 1 ? " " : ",",
		    dnames[i]);
	}
	e.fields = strbuf_str(&fields);
	rc = audit_write(m->s, &e, err);
	strbuf_free(&fields);
	return rc;
}

/*
 * Staged d and here's of the same id.  One named "NAME (ORIGIN)" here
 * because another had its name is still called NAME where it came from.
 */
static int
dmeet(struct merger *m, const struct drec *d, struct drec *here,
    struct error *err)
{
	struct merge_side sk, sl;
	struct strbuf alt = { 0 };
	int i, c = 0, won, same = 1, mine, rc;

	strbuf_addf(&alt, "%s (%s)", d->v[0], here->origin);
	if (strcmp(here->v[0], strbuf_str(&alt)) == 0) {
		free(here->v[0]);
		here->v[0] = xstrdup(d->v[0]);
	}
	strbuf_free(&alt);
	for (i = 0; i < DVALUES; i++)
		same &= strcmp(d->v[i], here->v[i]) == 0;
	if (same)
		return RC_OK;
	if ((rc = merge_here_changed(m, "d", here->pk, &mine, err)) != RC_OK)
		return rc;
	if ((c = merge_later(mine, here->updated, d->updated)) == 0)
		for (i = 0; i < DVALUES && c == 0; i++)
			c = strcmp(d->v[i], here->v[i]);
	won = c > 0;
	sk.from = won ? m->from : m->self;
	sl.from = won ? m->self : m->from;
	for (i = 0; (!won || merge_both_changed(m, mine, d->updated)) &&
	    i < DVALUES; i++) {
		if (strcmp(d->v[i], here->v[i]) == 0)
			continue;
		sk.value = won ? d->v[i] : here->v[i];
		sl.value = won ? here->v[i] : d->v[i];
		merge_conflict_add(m->r, d->id, (won ? d : here)->v[0],
		    dnames[i], &sk, &sl);
	}
	if (!won)
		return audit_lost(m, here, d, err);
	m->r->deployments_updated++;
	return dwrite(m, d, here, NULL, err);
}

static int
deploy_one(struct merger *m, const struct drec *d, struct error *err)
{
	struct drec here;
	sqlite3_stmt *st;
	const char *origin;
	int rc;

	if ((rc = merge_cached(m, m->s->db, &st, here_sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		drec_read(st, &here);
		sqlite3_reset(st);
		rc = dmeet(m, d, &here, err);
		drec_free(&here);
		return rc;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(m->s, err, "deployment");
	origin = d->origin[0] ? d->origin : m->opts->origin != NULL ?
	    m->opts->origin : m->r->meta.pool_name[0] ?
	    m->r->meta.pool_name : NULL;
	if (origin == NULL)
		return error_set(err, RC_INPUT, "deployment '%s' comes from no "
		    "named pool: give --origin NAME; nothing was changed",
		    d->v[0]);
	m->r->deployments_added++;
	return dwrite(m, d, NULL, origin, err);
}

/* Its start and end: none, or real dates (the stage checks nothing, and
 * the pool's schema no dates). */
static int
dates_check(const struct drec *d, struct error *err)
{
	static const char *const what[] = { "start", "end" };
	int i, day;

	for (i = 0; i < 2; i++)
		if (d->v[3 + i][0] != '\0' && !date_parse(d->v[3 + i], &day))
			return error_set(err, RC_INPUT, "deployment '%s': %s "
			    "'%.40s' is not valid; nothing was changed",
			    d->v[0], what[i], d->v[3 + i]);
	return RC_OK;
}

static int
deploy_row(struct merger *m, sqlite3_stmt *row, struct error *err)
{
	struct drec d;
	int rc;

	drec_read(row, &d);
	if ((rc = dates_check(&d, err)) == RC_OK)
		rc = deploy_one(m, &d, err);
	drec_free(&d);
	return rc;
}

int
merge_deployments(struct merger *m, struct error *err)
{
	return merge_stage_each(m, stage_sql, deploy_row, err);
}

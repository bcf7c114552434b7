/*
 * merge_stage.c - merge_stage (merge.h): the stage's description
 * checked, then the parts in one transaction, in the order the rules need: the pool's
 * new name first (records then meet under it), vocabulary before anyone
 * is written, erased ids before people (so that they are not brought
 * back), aliases before people (so that a staged record finds its kept
 * person), people before deployments (whose members name them).
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "date.h"
#include "fts.h"
#include "merge_int.h"
#include "person.h"

#define MERGE_CACHE_KB	"131072"

/* What this pool knows of the stage's pool. */
struct known_pool {
	int		 known;
	char		 name[POOL_NAME_MAX + 1];
	long long	 mark, seen;
	char		 at[21];
};

static int
pool_read(struct store *s, const char *id, struct known_pool *k,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(k, 0, sizeof *k);
	if ((rc = store_prepare(s, &st, "SELECT name, mark, at, seen FROM"
	    " pool WHERE id = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		k->known = 1;
		snprintf(k->name, sizeof k->name, "%s",
		    sqlite3_column_text(st, 0));
		k->mark = sqlite3_column_int64(st, 1);
		snprintf(k->at, sizeof k->at, "%s", sqlite3_column_text(st, 2));
		k->seen = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, err, "pool");
	return RC_OK;
}

/* A changeset must follow the last one applied from its pool. */
static int
check_order(const struct exchange_meta *meta, const struct known_pool *k,
    const char *from, struct error *err)
{
	if (meta->until <= k->mark)
		return error_set(err, RC_REFUSED, "already applied: it holds "
		    "%s's changes up to %lld, and this pool has them up to "
		    "%lld; nothing was changed", from, meta->until, k->mark);
	if (meta->since > k->mark)
		return error_set(err, RC_INPUT, "out of order: it holds %s's "
		    "changes after %lld, but this pool has them only up to "
		    "%lld: apply the changeset made with --since %lld first",
		    from, meta->since, k->mark, k->mark);
	return RC_OK;
}

/* The records of a pool that comes under a new name take it. */
static int
rename_origin(struct merger *m, const char *old, const char *new,
    struct error *err)
{
	/*
	 * A deployment's trigger stamps it updated now when a write leaves
	 * updated as it was, which would make this pool's copy the later
	 * one: updated is changed and changed back instead.
	 */
	static const char *const sql[] = {
		"UPDATE person SET origin = ?2 WHERE origin = ?1",
		"UPDATE deployment SET origin = ?2, updated = updated || ' '"
		    " WHERE origin = ?1",
		"UPDATE deployment SET updated = rtrim(updated)"
		    " WHERE origin = ?2 AND updated LIKE '% '",
	};
	struct audit_change change = { "name", old, new };
	struct audit_entry e = { NULL, NULL, "pool", new, "rename", "name",
	    &change, 1 };
	struct strbuf line = { 0 };
	sqlite3_stmt *st;
	size_t i;
	int rc;

	for (i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		if ((rc = store_prepare(m->s, &st, sql[i], err)) != RC_OK)
			return rc;
		sqlite3_bind_text(st, 1, old, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, new, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(m->s, err, "pool");
	}
	strbuf_addf(&line, "%s is now called %s", old, new);
	m->r->renamed = strbuf_steal(&line);
	return audit_write(m->s, &e, err);
}

/* The stage's pool as now heard from: its name, the mark, when. */
static int
pool_write(struct merger *m, struct error *err)
{
	const struct exchange_meta *meta = &m->r->meta;
	sqlite3_stmt *st;
	char now[21];
	int rc;

	date_now_utc(now);
	if ((rc = store_prepare(m->s, &st, "INSERT INTO pool(id, name, mark,"
	    " at, seen) SELECT ?1, ?2, ?3, ?4, n + 1 FROM change_counter"
	    " WHERE 1 ON CONFLICT (id) DO UPDATE SET"
	    " name = coalesce(nullif(excluded.name, ''), name),"
	    " mark = max(mark, excluded.mark), at = excluded.at,"
	    " seen = excluded.seen WHERE ?5",
	    err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, meta->pool_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, m->from, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, meta->until);
	sqlite3_bind_text(st, 4, meta->made[0] ? meta->made : now, -1,
	    SQLITE_STATIC);
	/*
	 * A merge that brought nothing leaves the pool as it was: two pools
	 * in step may meet any number of times without a change to pass on.
	 */
	sqlite3_bind_int(st, 5, m->opts->changeset ||
	    sqlite3_total_changes64(m->s->db) != m->s->begun);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(m->s, err, "pool");
	return RC_OK;
}

/* Who is merging into whom, and since when they last met. */
static int
merge_begin(struct merger *m, struct error *err)
{
	const struct exchange_meta *meta = &m->r->meta;
	struct exchange_meta self;
	struct known_pool k;
	int rc;

	if ((rc = exchange_pool_self(m->s, &self, err)) != RC_OK)
		return rc;
	snprintf(m->self, sizeof m->self, "%s", self.pool_name[0] ?
	    self.pool_name : "this pool");
	snprintf(m->from, sizeof m->from, "%s", meta->pool_name[0] ?
	    meta->pool_name : m->opts->origin != NULL ? m->opts->origin :
	    "the other pool");
	if (meta->pool_id[0] != '\0' && strcmp(meta->pool_id,
	    self.pool_id) == 0)
		return error_set(err, RC_INPUT, "it comes from this pool "
		    "itself (the same pool id)");
	if ((rc = pool_read(m->s, meta->pool_id, &k, err)) != RC_OK)
		return rc;
	if (m->opts->changeset && (rc = check_order(meta, &k, m->from, err))
	    != RC_OK)
		return rc;
	snprintf(m->heard, sizeof m->heard, "%s", k.at);
	m->seen = k.known ? k.seen : -1;
	if (k.known && k.name[0] != '\0' && meta->pool_name[0] != '\0' &&
	    strcmp(k.name, meta->pool_name) != 0)
		return rename_origin(m, k.name, meta->pool_name, err);
	return RC_OK;
}

static int
merge_run(struct merger *m, struct error *err)
{
	int rc;

	if ((rc = merge_begin(m, err)) != RC_OK ||
	    (rc = merge_vocab(m, err)) != RC_OK ||
	    (rc = person_writer_new(m->s, WRITER_AUDIT, &m->pw, err))
	    != RC_OK || (rc = deploy_writer_new(m->s, &m->dw, err)) != RC_OK ||
	    (rc = merge_erased(m, err)) != RC_OK ||
	    (rc = merge_aliases(m, err)) != RC_OK ||
	    (rc = merge_people(m, err)) != RC_OK ||
	    (rc = merge_deployments(m, err)) != RC_OK ||
	    (rc = fts_refresh(m->s, 0, err)) != RC_OK)
		return rc;
	if (m->r->meta.pool_id[0] != '\0')
		return pool_write(m, err);
	return RC_OK;
}

int
merge_stage(struct store *s, sqlite3 *stage, const struct merge_opts *opts,
    struct merge_report *r, struct error *err)
{
	struct merger m;
	size_t i;
	int rc;

	memset(r, 0, sizeof *r);
	memset(&m, 0, sizeof m);
	m.s = s;
	m.stage = stage;
	m.opts = opts;
	m.r = r;
	if ((rc = exchange_meta_read(stage, &r->meta, err)) != RC_OK)
		return rc;
	if (r->meta.schema > store_schema_version())
		return error_set(err, RC_INPUT, "it comes from a newer roster "
		    "(schema %d; this one knows up to %d): upgrade roster "
		    "first; nothing was changed", r->meta.schema,
		    store_schema_version());
	/*
	 * A merge is one big transaction: statement journals (of every
	 * statement that may fail half way, in it) kept in memory, not in
	 * a temporary file, and its pages in the cache rather than spilled
	 * to the -wal again and again.
	 */
	if ((rc = store_exec(s, "PRAGMA temp_store = MEMORY;"
	    " PRAGMA cache_size = -" MERGE_CACHE_KB, err)) != RC_OK ||
	    (rc = store_begin(s, err)) != RC_OK)
		return rc;
	rc = merge_run(&m, err);
	for (i = 0; i < sizeof m.cache / sizeof m.cache[0]; i++)
		sqlite3_finalize(m.cache[i].st);
	person_writer_free(m.pw);
	deploy_writer_free(m.dw);
	if (rc == RC_OK && !opts->dry_run)
		return store_commit(s, err);
	store_rollback(s);
	return rc;
}

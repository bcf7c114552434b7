/*
 * Bulk loads: the triggers and indexes of the people's tables dropped for
 * the load and made again after it, inside its transaction.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bulk.h"
#include "strbuf.h"
#include "terms.h"

/*
 * The tables a person owns, whose triggers bulk_end stands in for, and
 * (for their indexes only) the audit, which a load writes a line a row
 * to.  Names from here are put into SQL as they are; the names of what
 * is dropped come from the file, and are quoted (drop_listed).
 */
#define BULK_PEOPLE "('person', 'person_language', 'person_theme'," \
    " 'person_skill', 'service', 'service_theme', 'unavailability')"
#define BULK_AUDIT "('audit', 'audit_change')"

/*
 * The triggers of those tables that bulk_end knows what they do: the
 * change notes of db/005-pools.sql and the term notes of db/006-terms.sql.
 */
#define BULK_KNOWN "(name GLOB '*_changed_*' OR name GLOB 'term_*')"

/* What the change triggers would have noted: every person, this step. */
static const char changed_sql[] = "INSERT INTO changed(kind, ref, seq)"
    " SELECT 'p', pk, n + 1 FROM person, change_counter WHERE 1"
    " ON CONFLICT (kind, ref) DO UPDATE SET seq = excluded.seq";

/* A load's page cache: the default's 2 MB spills a big load to the log
 * page by page. */
#define BULK_CACHE_KB	262144

struct bulk {
	struct store	*store;
	/* Dropped, to make again in this order: indexes, then triggers. */
	char		**sql;
	size_t		  n;
	long long	  cache;	/* cache_size before */
};

void
bulk_free(struct bulk *b)
{
	char sql[64];
	size_t i;

	if (b == NULL)
		return;
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", b->cache);
	sqlite3_exec(b->store->db, sql, NULL, NULL, NULL);
	for (i = 0; i < b->n; i++)
		free(b->sql[i]);
	free(b->sql);
	free(b);
}

/* Whether the pool is fit for a bulk load: no people, no unknown trigger. */
static int
fit(struct store *s, int *yes, struct error *err)
{
	long long people, unknown;
	int rc;

	*yes = 0;
	if ((rc = store_int(s, "SELECT EXISTS (SELECT 1 FROM person)",
	    &people, err)) != RC_OK ||
	    (rc = store_int(s, "SELECT count(*) FROM sqlite_schema WHERE"
	    " type = 'trigger' AND tbl_name IN " BULK_PEOPLE " AND NOT "
	    BULK_KNOWN, &unknown,
	    err)) != RC_OK)
		return rc;
	*yes = people == 0 && unknown == 0;
	return RC_OK;
}

/*
 * Remembers and drops what the query lists (type, name, sql), in the
 * order it lists them.
 */
static int
drop_listed(struct bulk *b, const char *query, struct error *err)
{
	struct strbuf drop = { 0 };
	sqlite3_stmt *st;
	char *one;
	int rc;

	if ((rc = store_prepare(b->store, &st, query, err)) != RC_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		b->sql = xrealloc(b->sql, (b->n + 1) * sizeof *b->sql);
		b->sql[b->n++] = xstrdup((const char *)
		    sqlite3_column_text(st, 2));
		/* The name is the file's, which anyone may have edited: %w
		 * doubles its quotes, so it stays one name. */
		one = sqlite3_mprintf("DROP %s \"%w\";", (const char *)
		    sqlite3_column_text(st, 0), (const char *)
		    sqlite3_column_text(st, 1));
		strbuf_adds(&drop, one);
		sqlite3_free(one);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		rc = store_error(b->store, err, "bulk load");
	else if (drop.len > 0)
		rc = store_exec(b->store, drop.s, err);
	else
		rc = RC_OK;
	strbuf_free(&drop);
	return rc;
}

int
bulk_begin(struct store *s, struct bulk **out, struct error *err)
{
	struct bulk *b;
	char sql[64];
	int rc, yes;

	*out = NULL;
	if ((rc = fit(s, &yes, err)) != RC_OK || !yes)
		return rc;
	b = xcalloc(1, sizeof *b);
	b->store = s;
	if ((rc = store_int(s, "PRAGMA cache_size", &b->cache, err)) !=
	    RC_OK) {
		free(b);
		return rc;
	}
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", BULK_CACHE_KB);
	/* sqlite_schema lists things in the order they were made. */
	if ((rc = store_exec(s, sql, err)) != RC_OK ||
	    (rc = drop_listed(b, "SELECT type, name, sql FROM sqlite_schema"
	    " WHERE type = 'index' AND sql IS NOT NULL AND (tbl_name IN "
	    BULK_PEOPLE " OR tbl_name IN " BULK_AUDIT ") ORDER BY rowid",
	    err)) != RC_OK ||
	    (rc = drop_listed(b, "SELECT type, name, sql FROM sqlite_schema"
	    " WHERE type = 'trigger' AND tbl_name IN " BULK_PEOPLE
	    " ORDER BY rowid", err)) != RC_OK ||
	    (rc = terms_suspend(s, err)) != RC_OK) {
		bulk_free(b);
		return rc;
	}
	*out = b;
	return RC_OK;
}

int
bulk_end(struct bulk *b, struct error *err)
{
	size_t i;
	int rc;

	if ((rc = store_exec(b->store, changed_sql, err)) != RC_OK)
		return rc;
	for (i = 0; i < b->n; i++)
		if ((rc = store_exec(b->store, b->sql[i], err)) != RC_OK)
			return rc;
	return terms_rebuild(b->store, err);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "audit.h"
#include "pool.h"
#include "strbuf.h"
#include "utf8.h"

int
pool_name_check(const char *name, struct error *err)
{
	size_t len = strlen(name), i, n;
	uint32_t cp;

	if (len == 0)
		return error_set(err, RC_INPUT, "pool name: empty (give 1 to "
		    "%d bytes: letters, digits, spaces, '-', '_', '.')",
		    POOL_NAME_MAX);
	if (len > POOL_NAME_MAX)
		return error_set(err, RC_INPUT, "pool name: %zu bytes, at "
		    "most %d", len, POOL_NAME_MAX);
	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(name + i, len - i, &cp)) == 0)
			return error_set(err, RC_INPUT, "pool name: not UTF-8 "
			    "at byte %zu", i + 1);
		if (u_isalpha((UChar32)cp) || u_isdigit((UChar32)cp) ||
		    (cp < 0x80 && strchr(" -_.", (int)cp) != NULL))
			continue;
		/* A letter's accent written apart from it (NFD). */
		if (i > 0 && (U_GET_GC_MASK((UChar32)cp) & U_GC_M_MASK))
			continue;
		/* Shown as a code point: it may be a control character. */
		return error_set(err, RC_INPUT, "pool name: character %zu "
		    "(U+%04X) is not a letter, a digit, a space, '-', '_' or "
		    "'.'", utf8_count(name, i) + 1, (unsigned)cp);
	}
	return RC_OK;
}

static int
pool_known_get(struct store *s, struct pool_info *p, struct error *err)
{
	sqlite3_stmt *st;
	struct pool_known *k;
	int rc;

	if ((rc = store_prepare(s, &st, "SELECT id, name, mark, at FROM pool"
	    " ORDER BY name COLLATE NOCASE, id", err)) != RC_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		p->known = xrealloc(p->known, (p->nknown + 1) *
		    sizeof *p->known);
		k = &p->known[p->nknown++];
		snprintf(k->id, sizeof k->id, "%s",
		    (const char *)sqlite3_column_text(st, 0));
		k->name = store_text(st, 1);
		k->mark = sqlite3_column_int64(st, 2);
		k->at = store_text(st, 3);
	}
	rc = rc == SQLITE_DONE ? RC_OK : store_error(s, err, "pool");
	sqlite3_finalize(st);
	return rc;
}

int
pool_info_get(struct store *s, struct pool_info *p, struct error *err)
{
	struct exchange_meta m;
	int rc;

	memset(p, 0, sizeof *p);
	if ((rc = exchange_pool_self(s, &m, err)) != RC_OK)
		return rc;
	snprintf(p->name, sizeof p->name, "%s", m.pool_name);
	snprintf(p->id, sizeof p->id, "%s", m.pool_id);
	p->change = m.until;
	return pool_known_get(s, p, err);
}

void
pool_info_free(struct pool_info *p)
{
	size_t i;

	for (i = 0; i < p->nknown; i++) {
		free(p->known[i].name);
		free(p->known[i].at);
	}
	free(p->known);
	p->known = NULL;
	p->nknown = 0;
}

/* Runs sql with ?1 = new and ?2 = old; *n is the rows it changed (or,
 * for a count, the count). */
static int
pool_run(struct store *s, const char *sql, const char *new, const char *old,
    long long *n, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, &st, sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, new, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, old, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	else if (rc == SQLITE_DONE)
		*n = sqlite3_changes(s->db);
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "pool name");
	sqlite3_finalize(st);
	return rc;
}

/*
 * The records that are this pool's own: made before it had a name, or
 * under its old name ?2; they take the new name ?1.
 */
static int
pool_rename_records(struct store *s, const char *name, struct pool_naming *n,
    struct error *err)
{
	int rc;

	if ((rc = pool_run(s, "UPDATE person SET origin = ?1 WHERE origin"
	    " IN ('', ?2)", name, n->old, &n->people, err)) != RC_OK)
		return rc;
	return pool_run(s, "UPDATE deployment SET origin = ?1 WHERE origin"
	    " IN ('', ?2)", name, n->old, &n->deployments, err);
}

static int
pool_name_write(struct store *s, const char *name, struct pool_naming *n,
    struct error *err)
{
	struct audit_change change = { "pool_name", n->old[0] != '\0' ?
	    n->old : NULL, name };
	struct audit_entry e = { NULL, NULL, "pool",
	    sqlite3_db_filename(s->db, "main"), n->old[0] != '\0' ? "rename" :
	    "name", "pool_name", &change, 1 };
	long long ignored;
	int rc;

	if ((rc = pool_run(s, "INSERT OR REPLACE INTO setting(key, value)"
	    " VALUES ('pool_name', ?1)", name, "", &ignored, err)) != RC_OK)
		return rc;
	if ((rc = pool_rename_records(s, name, n, err)) != RC_OK)
		return rc;
	return audit_write(s, &e, err);
}

/*
 * A name another pool has (known here, or carried by records that came
 * from it) is not taken: its people and this pool's would be one origin,
 * and a later --rename would rename theirs too.  Case is folded, as the
 * origin: filter folds it.
 */
static int
pool_name_free(struct store *s, const char *name,
    const struct pool_naming *n, struct error *err)
{
	long long people, others;
	int rc;

	if ((rc = pool_run(s, "SELECT count(*) FROM person WHERE origin = ?1"
	    " COLLATE NOCASE AND origin <> ?2", name, n->old, &people, err))
	    != RC_OK || (rc = pool_run(s, "SELECT (SELECT count(*) FROM"
	    " deployment WHERE origin = ?1 COLLATE NOCASE AND origin <> ?2)"
	    " + (SELECT count(*) FROM pool WHERE name = ?1 COLLATE NOCASE"
	    " AND name <> ?2)", name, n->old, &others, err)) != RC_OK)
		return rc;
	if (people + others == 0)
		return RC_OK;
	return error_set(err, RC_REFUSED, "%s is the name of another pool "
	    "(%lld %s here came from it): choose a name of this pool's own",
	    name, people, people == 1 ? "person" : "people");
}

int
pool_name_set(struct store *s, const char *name, int rename,
    struct pool_naming *n, struct error *err)
{
	struct pool_info p;
	int rc;

	memset(n, 0, sizeof *n);
	if ((rc = pool_name_check(name, err)) != RC_OK)
		return rc;
	if ((rc = store_begin(s, err)) != RC_OK)
		return rc;
	if ((rc = pool_info_get(s, &p, err)) != RC_OK)
		goto out;
	snprintf(n->old, sizeof n->old, "%s", p.name);
	if (strcmp(p.name, name) == 0)
		n->same = 1;
	else if (p.name[0] != '\0' && !rename) {
		if ((rc = pool_run(s, "SELECT count(*) FROM person WHERE"
		    " origin = ?2", name, n->old, &n->people, err)) == RC_OK)
			rc = pool_run(s, "SELECT count(*) FROM deployment"
			    " WHERE origin = ?2", name, n->old,
			    &n->deployments, err);
		if (rc == RC_OK)
			rc = error_set(err, RC_REFUSED, "the pool is called "
			    "%s already, and %lld %s and %lld deployment%s"
			    " carry that name as their origin: give --rename "
			    "to call it %s and them with it", n->old,
			    n->people, n->people == 1 ? "person" : "people",
			    n->deployments, n->deployments == 1 ? "" : "s",
			    name);
	} else if ((rc = pool_name_free(s, name, n, err)) == RC_OK)
		rc = pool_name_write(s, name, n, err);
out:
	pool_info_free(&p);
	if (rc == RC_OK && !n->same)
		return store_commit(s, err);
	store_rollback(s);
	return rc;
}

/*
 * merge_tomb.c - the ids a stage says are gone: people erased in its pool
 * (erased here too, erase.h) and records merged into another (the id
 * becomes an alias here too, alias.h; two records of one person that are
 * both here are folded into one, dupes.h).
 */
#include <stdio.h>
#include <string.h>

#include "alias.h"
#include "audit.h"
#include "dupes.h"
#include "erase.h"
#include "merge_int.h"

/* The origin of person pk, for the tally. */
static int
origin_of(struct merger *m, long long pk, char *out, size_t len,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = merge_cached(m, m->s->db, &st, "SELECT origin FROM person"
	    " WHERE pk = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	out[0] = '\0';
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(out, len, "%s", sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(m->s, err, "person");
	return RC_OK;
}

/* Erases the person id (or the one it is an alias of) here. */
static int
erase_one(struct merger *m, sqlite3_stmt *row, struct error *err)
{
	const char *id = merge_col(row, 0), *at = merge_col(row, 1);
	char kept[PERSON_ID_LEN], origin[POOL_NAME_MAX + 1];
	long long pk;
	int rc, alias;

	if ((rc = alias_resolve(m->s, id, kept, &alias, err)) != RC_OK)
		return rc;
	if ((rc = person_find(m->s, kept, &pk, err)) == RC_OK) {
		if ((rc = origin_of(m, pk, origin, sizeof origin, err)) !=
		    RC_OK || (rc = erase_person_in(m->s, pk, err)) != RC_OK)
			return rc;
		merge_tally_of(m->r, origin)->erased++;
	} else if (rc != RC_REFUSED)
		return rc;
	return erase_tombstone(m->s, id, at, err);
}

int
merge_erased(struct merger *m, struct error *err)
{
	return merge_stage_each(m, "SELECT id, at FROM x_erased ORDER BY id",
	    erase_one, err);
}

/* Person pk, here under alias, takes the id kept that its pool gave. */
static int
take_id(struct merger *m, long long pk, const char *alias, const char *kept,
    struct error *err)
{
	struct audit_change change = { "id", alias, kept };
	struct audit_entry e = { NULL, NULL, "person", kept, "id", "id",
	    &change, 1 };
	sqlite3_stmt *st;
	int rc;

	if ((rc = merge_cached(m, m->s->db, &st, "UPDATE person SET id = ?"
	    " WHERE pk = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, kept, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, pk);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(m->s, err, "person");
	if ((rc = audit_write(m->s, &e, err)) != RC_OK)
		return rc;
	return alias_add(m->s, alias, kept, err);
}

static int
alias_one(struct merger *m, sqlite3_stmt *row, struct error *err)
{
	const char *alias = merge_col(row, 0), *id = merge_col(row, 1);
	char kept[PERSON_ID_LEN], was[PERSON_ID_LEN];
	long long pa = 0, pk = 0;
	int rc, found, here_a, here_k;

	if ((rc = alias_resolve(m->s, id, kept, &found, err)) != RC_OK ||
	    (rc = alias_resolve(m->s, alias, was, &found, err)) != RC_OK)
		return rc;
	if (found && strcmp(was, kept) == 0)
		return RC_OK;		/* known here already */
	if ((rc = person_find(m->s, was, &pa, err)) != RC_OK &&
	    rc != RC_REFUSED)
		return rc;
	here_a = rc == RC_OK;
	if ((rc = person_find(m->s, kept, &pk, err)) != RC_OK &&
	    rc != RC_REFUSED)
		return rc;
	here_k = rc == RC_OK;
	/* Two records here that the stage's pool found to be one person:
	 * joined as a coordinator's merge joins them, keeping kept's
	 * fields and uniting the lists. */
	if (here_a && here_k)
		return pa == pk ? RC_OK : dupes_fold(m->s, pk, pa, 0, err);
	if (here_a)
		return take_id(m, pa, was, kept, err);
	return alias_add(m->s, alias, kept, err);
}

int
merge_aliases(struct merger *m, struct error *err)
{
	return merge_stage_each(m, "SELECT alias, id FROM x_alias"
	    " ORDER BY at, alias", alias_one, err);
}

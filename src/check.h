/*
 * check.h - roster check: whether the database is sound.  SQLite's own
 * checks of the file (integrity_check) and of its references
 * (foreign_key_check), the words index against the tables (fts.h) and
 * against itself (FTS5's integrity-check), and the schema version.  The
 * reading checks see one snapshot, so a writer meanwhile is no problem;
 * FTS5's check is a write statement that changes nothing, run in a write
 * transaction rolled back (skipped, and said why, on a read-only store
 * or when another writer keeps the lock).
 *
 * Memory: nothing is kept; a problem's message is valid during the call
 * to the caller's function only.
 */
#ifndef ROSTER_CHECK_H
#define ROSTER_CHECK_H

#include "error.h"
#include "store.h"

struct check_result {
	long long	people;
	long		problems;
	/* Why FTS5's own check was not run (NULL: it was): a read-only
	 * store, or a writer that kept the lock past the wait. */
	const char	*index_skipped;
};

/*
 * Runs every check, calling problem with a message for each problem
 * found; a query that fails on a damaged file is one problem more, and
 * the checks go on.  Fails only when the checks cannot run at all.
 */
int	check_pool(struct store *, void (*problem)(const char *msg, void *arg),
	    void *arg, struct check_result *, struct error *err);

/*
 * roster check --repair: what is kept from the rows (the words index, the
 * term bitmaps) made anew from them, in one transaction.
 */
int	check_repair(struct store *, struct error *err);

#endif

/*
 * bulk.h - loading people into a pool that holds none (an import into a
 * new pool, a demo) without paying row by row for what the pool keeps of
 * them: the change sequence's notes (db/005-pools.sql), the term bitmaps
 * (terms.h) and the secondary indexes of their tables.
 *
 * Inside the load's write transaction, bulk_begin drops the triggers of
 * the people's tables and their secondary indexes and suspends the term
 * bitmaps; bulk_end writes what the triggers would have written (every
 * person noted as changed in this step), builds the indexes and the
 * bitmaps from the rows in one pass each, and puts the triggers back as
 * they were.  All of it is part of the transaction: a rollback or a
 * SIGKILL before COMMIT leaves the pool as it was, triggers and indexes
 * included.
 *
 * Memory: bulk_begin returns a struct bulk (or NULL) that bulk_free
 * releases; it holds the SQL of what it dropped.
 */
#ifndef ROSTER_BULK_H
#define ROSTER_BULK_H

#include "error.h"
#include "store.h"

struct bulk;

/*
 * Inside a write transaction, before anything is written: *out is the
 * bulk load begun, or NULL (nothing done) when the pool already holds
 * people, or when a people's table has a trigger this file does not know
 * how to stand in for; the load then goes row by row.
 */
int	bulk_begin(struct store *, struct bulk **out, struct error *err);
/* After the load, before COMMIT: the pool as the rows would have left it. */
int	bulk_end(struct bulk *, struct error *err);
void	bulk_free(struct bulk *);

#endif

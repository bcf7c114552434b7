/*
 * fts.h - the words index (person_fts) that bare words in filters search.
 *
 * A person's document is their names, agency, rank, notes and the names of
 * their missions; writers record touched people in temp.touched and call
 * fts_refresh once per transaction.  The document's text is folded by the
 * SQL function fold_index() (fold.h, sqlfunc.h).
 *
 * Memory: nothing is handed out.
 */
#ifndef ROSTER_FTS_H
#define ROSTER_FTS_H

#include "error.h"
#include "store.h"

/* Re-indexes the people in temp.touched, or everyone when all is set. */
int	fts_refresh(struct store *, int all, struct error *err);

#endif

/*
 * fts.h - the words index (person_fts) that bare words in filters search.
 *
 * A person's document is their names, agency, rank, notes and the names of
 * their missions; writers record touched people in temp.touched and call
 * fts_refresh once per transaction.
 *
 * Memory: fts_fold appends to a caller-owned strbuf.
 */
#ifndef ROSTER_FTS_H
#define ROSTER_FTS_H

#include "error.h"
#include "store.h"
#include "strbuf.h"

/*
 * Folds what FTS5's unicode61 tokenizer leaves alone: Greek accents
 * (tonos, dialytika) and final sigma, so that "παπαδοπουλος" finds
 * "Παπαδόπουλος" as "amelie" finds "Amélie".  Appends to out.
 */
void	fts_fold(const char *in, struct strbuf *out);

/* Makes fold(text) available in SQL on this connection. */
int	fts_register(sqlite3 *);

/* Re-indexes the people in temp.touched, or everyone when all is set. */
int	fts_refresh(struct store *, int all, struct error *err);

#endif

/*
 * fold.h - folding text the way the words index (fts.h) compares it.
 *
 * FTS5's unicode61 tokenizer already folds case and Latin diacritics; what
 * it leaves alone is folded here, both when a document is indexed (the
 * SQL function fold(), sqlfunc.h) and when a filter's word is searched, so
 * that the two always agree.
 *
 * Memory: fold_text appends to a caller-owned strbuf.
 */
#ifndef ROSTER_FOLD_H
#define ROSTER_FOLD_H

#include "strbuf.h"

/*
 * Folds Greek accents (tonos, dialytika) and final sigma, so that
 * "παπαδοπουλος" finds "Παπαδόπουλος" as "amelie" finds "Amélie".
 * Appends to out, which holds at least "" afterwards.
 */
void	fold_text(const char *in, struct strbuf *out);

#endif

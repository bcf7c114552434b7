/*
 * fold.h - folding text the way the words index (fts.h) compares it.
 *
 * Names are typed on whatever keyboard is at hand: weiss for Weiß, soren
 * for Søren, papadopoulos for Παπαδόπουλος, shevchenko for Шевченко.  Words
 * that are not plain ASCII are transliterated to ASCII by ICU, both when a
 * document is indexed (the SQL function fold_index(), sqlfunc.h) and when a
 * filter's word is searched (fold()), so that the two always agree and the
 * exact spelling folds to what it was indexed as.  FTS5's unicode61
 * tokenizer folds case afterwards.
 *
 * A struct fold holds ICU's transliterators, which are slow to open (it
 * opens them on the first word that is not ASCII), and remembers recent
 * words, which are slow to transliterate; one serves one connection
 * (sqlfunc_register makes it) and is not thread-safe.
 *
 * Memory: fold_new returns a fold the caller releases with fold_free;
 * fold_text appends to a caller-owned strbuf.
 */
#ifndef ROSTER_FOLD_H
#define ROSTER_FOLD_H

#include "error.h"
#include "strbuf.h"

/* How many spellings a word is indexed under (fold.c says which). */
#define FOLD_SPELLINGS	3

struct fold;

struct fold	*fold_new(void);
void		 fold_free(struct fold *);

/*
 * Appends in with every word that is not ASCII transliterated: "Weiß
 * Søren" is "Weiss Soren".  With for_index set, a word's other spellings
 * (Shevchenko besides Sevcenko) follow the whole text, for the index; a
 * typed word is folded without.  out holds at least "" afterwards.
 * Returns RC_OK, or RC_DB when ICU lacks a transliterator.
 */
int	fold_text(struct fold *, const char *in, int for_index,
	    struct strbuf *out, struct error *err);

#endif

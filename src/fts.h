/*
 * fts.h - the words index (person_fts) that bare words in filters search.
 *
 * A person's document is their names, agency, rank, notes and the names of
 * their missions; writers record touched people in temp.touched and call
 * fts_refresh once per transaction.  The term bitmaps of words (terms.h)
 * are kept with the index, in the same transaction.  The document's text is folded by the
 * SQL function fold_index() (fold.h, sqlfunc.h).
 *
 * Memory: nothing is handed out; fts_fold appends to a caller-owned
 * strbuf.
 */
#ifndef ROSTER_FTS_H
#define ROSTER_FTS_H

#include "error.h"
#include "store.h"
#include "strbuf.h"

/* Re-indexes the people in temp.touched, or everyone when all is set. */
int	fts_refresh(struct store *, int all, struct error *err);
/*
 * Deletes a person's entry (the person is going), telling the term
 * bitmaps of words (terms.h).
 */
int	fts_forget(struct store *, long long pk, struct error *err);
/*
 * Holds the index against the tables: calls problem with a message for
 * each person without an entry, or whose entry is not the document
 * fts_refresh would write, and for each entry of no one.
 */
int	fts_check(struct store *, void (*problem)(const char *msg, void *arg),
	    void *arg, struct error *err);
/*
 * Appends text folded as a typed word is searched (the connection's fold(),
 * fold.h): what the index holds for it, before FTS5 folds case.
 */
int	fts_fold(struct store *, const char *text, struct strbuf *out,
	    struct error *err);

/*
 * The words FTS5 makes of text (folded already) as a query: *nwords of
 * them, the first appended to word.
 */
int	fts_word(struct store *, const char *text, struct strbuf *word,
	    int *nwords, struct error *err);

#endif

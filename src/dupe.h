/*
 * dupe.h - who a person an import is about to add probably already is:
 * someone in the pool, or on an earlier row of the import, with the same
 * family name and given name, folded as the words index folds them (case
 * and diacritics, fts.h), and the same e-mail (in any case) or the same
 * phone (its digits).  Where a person written before the first look-up
 * was read is what the import's temp.seen(id, at) says (import.c).
 *
 * Memory: the finder owns its statements and its tokenizer and is released
 * with dupe_finder_free; a match holds copies.
 */
#ifndef ROSTER_DUPE_H
#define ROSTER_DUPE_H

#include "error.h"
#include "person.h"
#include "store.h"
#include "strbuf.h"

struct dupe_finder;
struct dupe_names;

struct dupe_match {
	char		 name[512];	/* "Anna de Wit", as stored */
	char		 id[PERSON_ID_LEN];
	char		 at[512];	/* "people.csv:3"; "" for the pool */
	const char	*by;		/* "e-mail" or "phone" */
};

/*
 * Names as the words index compares them, for finders of duplicates:
 * dupe_names_key appends the words of folded (a name through fold(),
 * fts_fold) as the index's tokenizer cuts and folds them for case and
 * diacritics, each after a space when key is not empty ("de vries" for
 * "De Vries").
 */
int	dupe_names_new(struct store *, struct dupe_names **,
	    struct error *err);
void	dupe_names_free(struct dupe_names *);
void	dupe_names_key(struct dupe_names *, const char *folded, size_t len,
	    struct strbuf *key);

int	dupe_finder_new(struct store *, struct dupe_finder **,
	    struct error *err);
void	dupe_finder_free(struct dupe_finder *);

/* Remembers person pk, just written from the row at "FILE:LINE". */
int	dupe_note(struct dupe_finder *, long long pk, const char *at,
	    struct error *err);
/*
 * Whether p, not yet written, is probably someone met before: *found is 1
 * and m says who, preferring a row of the import to the pool.
 */
int	dupe_find(struct dupe_finder *, const struct person *p, int *found,
	    struct dupe_match *m, struct error *err);

#endif

/*
 * terms.h - term bitmaps (db/006-terms.sql): for each value a filter term
 * asks of a person, the people who have it, as a roaring bitmap in table
 * term, so that a cold search reads a few BLOBs instead of index ranges.
 *
 * A family is one kind of value, keyed as the triggers of 006 write it:
 *	agency, origin	the column folded for ASCII case (COLLATE NOCASE)
 *	status, gender	the column
 *	notice		notice_days as %010d, so notice:N is one key range
 *	lang		code:level ("fr:4"), so lang:fr>=B2 is one key range
 *	theme		a slug, of the person's themes or their missions'
 *	skill		a slug
 *	country		a country of service
 *	mission		a mission served, by its pk
 *	ready, passport, medical, heat
 *			the month (YYYY-MM) readiness or the certificate
 *			runs out, '' for none
 *	name		a family name's first two characters, ASCII folded:
 *			bands of the name order
 *	window		not a bitmap: a block of 65,536 pks' unavailability
 *			windows as sorted arrays (terms_window.h), key %05d
 * and, of the words index (fts.h): word, each word as FTS5 holds it, and
 * prefix, the first 1, 2 and 3 characters of each, which fts.c keeps
 * with terms_apply, as it writes the index.
 *
 * The rows are the truth.  Triggers note each written (family, key,
 * person) in term_dirty; store_commit folds them into the bitmaps before
 * COMMIT (terms_fold, store_int.h), and terms_read applies what is still
 * noted, so a search never sees bitmaps that disagree with the rows.
 *
 * Memory: terms_read ORs into a caller-owned bitmap; nothing is handed out.
 */
#ifndef ROSTER_TERMS_H
#define ROSTER_TERMS_H

#include <stddef.h>
#include <stdint.h>

#include "bitmap.h"
#include "error.h"
#include "store.h"

/*
 * out := out OR the people of every key of family from lo to hi
 * (inclusive, in SQLite's text order).  *used is 0 when the pool keeps no
 * bitmaps now (a schema just upgraded and read-only, a bulk load in
 * progress elsewhere): then out is untouched and the caller reads the
 * rows.  out must have room for every person's pk (bitmap_init with the
 * largest pk).
 */
int	terms_read(struct store *, const char *family, const char *lo,
	    const char *hi, struct bitmap *out, int *used, struct error *err);

/*
 * Calls cb with each key of family in key order (reverse: descending),
 * how many of the people of in (not a complement) its bitmap holds and
 * how many it holds in all, until cb returns non-zero.  *used is 0, and
 * cb is not called, when the bitmaps are not kept or a write is still
 * noted: then the caller reads the rows.
 */
int	terms_each(struct store *, const char *family, const struct bitmap *in,
	    int reverse, int (*cb)(const char *key, long long n,
	    long long size, void *arg), void *arg, int *used,
	    struct error *err);

/*
 * For a bulk load, inside its write transaction: stops the triggers'
 * noting (the bitmaps are stale until terms_rebuild), so that a million
 * rows do not note twenty million.  A SIGKILL before COMMIT loses the
 * load and the suspension together.
 */
int	terms_suspend(struct store *, struct error *err);
/* Inside a write transaction: every family's bitmaps anew from the rows,
 * and the triggers noting again. */
int	terms_rebuild(struct store *, struct error *err);

/* The longest prefix of a word that family "prefix" keeps, in
 * characters; longer ones are ranges of family "word". */
#define TERMS_PREFIX_CHARS	3

/* *kept: whether the bitmaps are kept now (else terms_rebuild will
 * build them, and changes need not be told). */
int	terms_kept(struct store *, int *kept, struct error *err);

/* That a person now has (has 1) or no longer has a key of a family. */
struct term_change {
	const char	*family;
	char		*key;		/* the caller's */
	uint32_t	 person;
	int		 has;
};
/*
 * Inside a write transaction: the changes folded into the bitmaps at
 * once, one read and write per key; for a writer that knows what it
 * changed, where the rows alone cannot say it cheaply.  Sorts c.
 */
int	terms_apply(struct store *, struct term_change *c, size_t n,
	    struct error *err);

/*
 * Holds the bitmaps against the rows: calls problem with a message for
 * each key whose bitmap holds people who do not have it or lacks people
 * who do, and for a pool whose bitmaps are not kept.
 */
int	terms_check(struct store *, void (*problem)(const char *msg,
	    void *arg), void *arg, struct error *err);

#endif

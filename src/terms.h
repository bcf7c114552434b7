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
 * and "word", the short prefixes of the words index, which fts.c keeps
 * itself (fts.h).
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
 * For a bulk load, inside its write transaction: stops the triggers'
 * noting (the bitmaps are stale until terms_rebuild), so that a million
 * rows do not note twenty million.  A SIGKILL before COMMIT loses the
 * load and the suspension together.
 */
int	terms_suspend(struct store *, struct error *err);
/* Inside a write transaction: every family's bitmaps anew from the rows,
 * and the triggers noting again. */
int	terms_rebuild(struct store *, struct error *err);

/*
 * Holds the bitmaps against the rows: calls problem with a message for
 * each key whose bitmap holds people who do not have it or lacks people
 * who do, and for a pool whose bitmaps are not kept.
 */
int	terms_check(struct store *, void (*problem)(const char *msg,
	    void *arg), void *arg, struct error *err);

#endif

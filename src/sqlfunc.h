/*
 * sqlfunc.h - the SQL functions roster adds to SQLite, registered on every
 * connection in one place, sqlfunc_register, which store_open calls:
 *
 *	fold(TEXT)			TEXT folded as a typed word is
 *					searched (fold.h)
 *	fold_index(TEXT)		TEXT folded for the words index,
 *					other spellings included
 *	bitmap_add(BITMAP, pk)		aggregate: sets pk in the bitmap
 *	bitmap_has(BITMAP, pk)		1 if the bitmap holds pk, else 0
 *	pkmax_put(PKMAX, pk, value)	aggregate: keeps per pk the largest
 *					value, clamped to 0..65535
 *	roster_erasing()		1 while this connection erases a
 *					person (store.h), else 0: the
 *					audit's triggers (db/003) let
 *					only an erase delete audit lines
 *
 * The aggregates fill a set or an array from inside a query: a million
 * rows then cost a function call each instead of a trip through
 * sqlite3_step.  BITMAP and PKMAX are pointers the caller binds with
 * sqlite3_bind_pointer under the types below, so every statement carries
 * its own target and one registration serves every caller; a NULL or
 * wrongly typed pointer makes bitmap_add and pkmax_put do nothing and
 * bitmap_has return 0.  They are SQLITE_DIRECTONLY: the schema cannot
 * call them.
 *
 * Memory: the functions write into what the caller bound, which the
 * caller owns and keeps alive until the statement is reset.
 */
#ifndef ROSTER_SQLFUNC_H
#define ROSTER_SQLFUNC_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

#include "error.h"

/* The pointer types: a struct bitmap (bitmap.h) and a struct pkmax. */
#define SQLFUNC_BITMAP	"roster-bitmap"
#define SQLFUNC_PKMAX	"roster-pkmax"

/* One value per pk 0..n-1; pks outside are ignored. */
struct pkmax {
	uint16_t	*v;
	size_t		 n;
};

/* RC_OK, or RC_DB when SQLite refuses one; erasing is the flag
 * roster_erasing() reads (the store's), NULL for always 0. */
int	sqlfunc_register(sqlite3 *, const int *erasing, struct error *err);

#endif

/*
 * bitmap.h - sets of person pks, one bit each, and the SQL aggregate
 * bitmap_add(BITMAP, pk) that fills one from inside a query: a million
 * rows then cost a function call each instead of a trip through
 * sqlite3_step.
 *
 * A bitmap may be a complement (neg): NOT never needs the set of everyone,
 * because every stored bit is a person that exists.
 *
 * Memory: bitmap_init allocates the words; bitmap_free releases them.
 */
#ifndef ROSTER_BITMAP_H
#define ROSTER_BITMAP_H

#include <stddef.h>
#include <stdint.h>

#include <sqlite3.h>

struct bitmap {
	uint64_t	*w;
	size_t		 nwords;
	int		 neg;
};

/* Room for pks 0..maxpk, all clear. */
void		bitmap_init(struct bitmap *, long long maxpk);
void		bitmap_free(struct bitmap *);
void		bitmap_set(struct bitmap *, long long pk);
int		bitmap_get(const struct bitmap *, long long pk);
/* Bits set, ignoring neg. */
long long	bitmap_popcount(const struct bitmap *);
/* a := a AND b, or a := a OR b; both may be complements. */
void		bitmap_combine(struct bitmap *a, const struct bitmap *b,
		    int is_and);

/* The pointer type bound for bitmap_add's first argument. */
#define BITMAP_POINTER	"roster-bitmap"

/* Makes bitmap_add(p, pk) available on this connection. */
int		bitmap_register(sqlite3 *);

#endif

/*
 * bitmap.h - sets of person pks, one bit each.  Only bitmap.c knows the
 * words: everyone else walks a set with bitmap_next.  A query fills one
 * with the SQL aggregate bitmap_add (sqlfunc.h).
 *
 * A bitmap may be a complement (neg): NOT never needs the set of everyone,
 * because every stored bit is a person that exists.
 *
 * Memory: bitmap_init and bitmap_copy allocate the words, bitmap_toggle
 * grows them, bitmap_free releases them.  A zeroed struct bitmap is the
 * empty set and holds nothing.
 */
#ifndef ROSTER_BITMAP_H
#define ROSTER_BITMAP_H

#include <stddef.h>
#include <stdint.h>

struct bitmap {
	uint64_t	*w;
	size_t		 nwords;
	int		 neg;
};

/* Room for pks 0..maxpk, all clear. */
void		bitmap_init(struct bitmap *, long long maxpk);
/* dst := a new copy of src (its words and neg); dst holds no words. */
void		bitmap_copy(struct bitmap *dst, const struct bitmap *src);
void		bitmap_free(struct bitmap *);
/* Every bit clear and not a complement: the empty set, same room. */
void		bitmap_zero(struct bitmap *);
/* The pks below this have room: bitmap_init(maxpk) gives at least
 * maxpk + 1. */
long long	bitmap_capacity(const struct bitmap *);
void		bitmap_set(struct bitmap *, long long pk);
int		bitmap_get(const struct bitmap *, long long pk);
/* Flips pk's stored bit, first growing the room to hold it (a negative pk
 * is ignored); returns the bit now stored. */
int		bitmap_toggle(struct bitmap *, long long pk);
/* Bits set, ignoring neg. */
long long	bitmap_popcount(const struct bitmap *);
/* How many of a's stored bits (a's neg ignored) b holds; b may be a
 * complement.  Bits past the end of b read as clear. */
long long	bitmap_count_in(const struct bitmap *a, const struct bitmap *b);
/*
 * The first pk >= from that b holds (for a complement, the first clear
 * bit), below bitmap_capacity; -1 when there is none.  Walks a set as
 *	for (pk = bitmap_next(b, 0); pk >= 0; pk = bitmap_next(b, pk + 1))
 * skipping empty words, so a sparse set over a large pool costs little.
 */
long long	bitmap_next(const struct bitmap *, long long from);
/* a := a AND b, or a := a OR b; both may be complements. */
void		bitmap_combine(struct bitmap *a, const struct bitmap *b,
		    int is_and);
/*
 * b := b OR the set in buf, a bitmap in CRoaring's portable format (the
 * RoaringFormatSpec), members past b's room left out.  Returns 0, having
 * set some bits perhaps, when buf is not one (checked before reading
 * past its end), else 1.
 */
int		bitmap_or_portable(struct bitmap *b, const void *buf,
		    size_t len);
/* Whether buf is a bitmap in that format that CRoaring may be handed:
 * every container in order and within bounds, as bitmap_or_portable
 * also checks, and each bitset's count its header's, which it does not. */
int		bitmap_portable_valid(const void *buf, size_t len);
/* a := a AND NOT b; both may be complements. */
void		bitmap_and_not(struct bitmap *a, const struct bitmap *b);

#endif

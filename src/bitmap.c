#include <stdlib.h>
#include <string.h>

#include "bitmap.h"
#include "error.h"
#include "strbuf.h"

void
bitmap_init(struct bitmap *b, long long maxpk)
{
	b->nwords = (size_t)(maxpk >> 6) + 1;
	b->w = xcalloc(b->nwords, sizeof *b->w);
	b->neg = 0;
}

void
bitmap_copy(struct bitmap *dst, const struct bitmap *src)
{
	dst->nwords = src->nwords;
	dst->w = xcalloc(src->nwords > 0 ? src->nwords : 1, sizeof *dst->w);
	if (src->nwords > 0)
		memcpy(dst->w, src->w, src->nwords * sizeof *src->w);
	dst->neg = src->neg;
}

void
bitmap_free(struct bitmap *b)
{
	free(b->w);
	b->w = NULL;
	b->nwords = 0;
}

void
bitmap_zero(struct bitmap *b)
{
	if (b->nwords > 0)
		memset(b->w, 0, b->nwords * sizeof *b->w);
	b->neg = 0;
}

long long
bitmap_capacity(const struct bitmap *b)
{
	return (long long)b->nwords * 64;
}

void
bitmap_set(struct bitmap *b, long long pk)
{
	if (pk >= 0 && (size_t)(pk >> 6) < b->nwords)
		b->w[pk >> 6] |= (uint64_t)1 << (pk & 63);
}

int
bitmap_get(const struct bitmap *b, long long pk)
{
	int bit = pk >= 0 && (size_t)(pk >> 6) < b->nwords &&
	    (b->w[pk >> 6] >> (pk & 63) & 1);

	return bit != b->neg;
}

int
bitmap_toggle(struct bitmap *b, long long pk)
{
	size_t need;

	if (pk < 0)
		return 0;
	need = (size_t)(pk >> 6) + 1;
	if (need > b->nwords) {
		b->w = xrealloc(b->w, need * sizeof *b->w);
		memset(b->w + b->nwords, 0, (need - b->nwords) * sizeof *b->w);
		b->nwords = need;
	}
	b->w[pk >> 6] ^= (uint64_t)1 << (pk & 63);
	return b->w[pk >> 6] >> (pk & 63) & 1;
}

/*
 * The counts are written once and compiled twice on x86-64: for the
 * baseline, whose popcount is a call to libgcc's software count, and for
 * processors with the POPCNT instruction (all of the last fifteen
 * years), chosen when run.  The facet panel counts some 2 million words
 * a filter at a million people: the instruction makes that 3x faster.
 */
#define COUNT_INLINE static inline __attribute__((always_inline))

COUNT_INLINE long long
popcount(const struct bitmap *b)
{
	long long n = 0;
	size_t i;

	for (i = 0; i < b->nwords; i++)
		n += __builtin_popcountll(b->w[i]);
	return n;
}

/* On the keystroke path (facet counts): a's empty words cost a test. */
COUNT_INLINE long long
count_in(const struct bitmap *a, const struct bitmap *b)
{
	uint64_t flip = b->neg ? ~(uint64_t)0 : 0, bw;
	long long n = 0;
	size_t i;

	for (i = 0; i < a->nwords; i++) {
		if (a->w[i] == 0)
			continue;
		bw = (i < b->nwords ? b->w[i] : 0) ^ flip;
		n += __builtin_popcountll(a->w[i] & bw);
	}
	return n;
}

#if defined(__x86_64__)
#define HAVE_POPCNT	__builtin_cpu_supports("popcnt")

__attribute__((target("popcnt"))) static long long
popcount_popcnt(const struct bitmap *b)
{
	return popcount(b);
}

__attribute__((target("popcnt"))) static long long
count_in_popcnt(const struct bitmap *a, const struct bitmap *b)
{
	return count_in(a, b);
}
#else
#define HAVE_POPCNT	0
#define popcount_popcnt	popcount
#define count_in_popcnt	count_in
#endif

long long
bitmap_popcount(const struct bitmap *b)
{
	return HAVE_POPCNT ? popcount_popcnt(b) : popcount(b);
}

long long
bitmap_count_in(const struct bitmap *a, const struct bitmap *b)
{
	return HAVE_POPCNT ? count_in_popcnt(a, b) : count_in(a, b);
}

long long
bitmap_next(const struct bitmap *b, long long from)
{
	uint64_t flip = b->neg ? ~(uint64_t)0 : 0, w;
	size_t i;

	if (from < 0)
		from = 0;
	i = (size_t)(from >> 6);
	if (i >= b->nwords)
		return -1;
	w = (b->w[i] ^ flip) & (~(uint64_t)0 << (from & 63));
	while (w == 0) {
		if (++i == b->nwords)
			return -1;
		w = b->w[i] ^ flip;
	}
	return (long long)(i * 64) + __builtin_ctzll(w);
}

/*
 * By De Morgan: ~x & y = y & ~x, ~x & ~y = ~(x | y), x | ~y = ~(y & ~x),
 * ~x | ~y = ~(x & y); so every case is one of &, |, &~ on the stored bits.
 */
static void
combine(struct bitmap *a, const struct bitmap *b, int nb, int is_and)
{
	int na = a->neg;
	size_t i;

	for (i = 0; i < a->nwords; i++) {
		uint64_t x = a->w[i], y = i < b->nwords ? b->w[i] : 0;

		if (na == nb)
			a->w[i] = (is_and != na) ? x & y : x | y;
		else if (na)
			a->w[i] = is_and ? y & ~x : x & ~y;
		else
			a->w[i] = is_and ? x & ~y : y & ~x;
	}
	a->neg = is_and ? (na && nb) : (na || nb);
}

void
bitmap_combine(struct bitmap *a, const struct bitmap *b, int is_and)
{
	combine(a, b, b->neg, is_and);
}

/* NOT b is b's stored bits with neg flipped: no copy is needed. */
void
bitmap_and_not(struct bitmap *a, const struct bitmap *b)
{
	combine(a, b, !b->neg, 1);
}

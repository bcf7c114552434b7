#include <stdlib.h>

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
bitmap_free(struct bitmap *b)
{
	free(b->w);
	b->w = NULL;
	b->nwords = 0;
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

long long
bitmap_popcount(const struct bitmap *b)
{
	long long n = 0;
	size_t i;

	for (i = 0; i < b->nwords; i++)
		n += __builtin_popcountll(b->w[i]);
	return n;
}

/*
 * By De Morgan: ~x & y = y & ~x, ~x & ~y = ~(x | y), x | ~y = ~(y & ~x),
 * ~x | ~y = ~(x & y); so every case is one of &, |, &~ on the stored bits.
 */
void
bitmap_combine(struct bitmap *a, const struct bitmap *b, int is_and)
{
	int na = a->neg, nb = b->neg;
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

static void
add_step(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct bitmap *b = sqlite3_value_pointer(argv[0], BITMAP_POINTER);

	(void)ctx;
	(void)argc;
	if (b != NULL && sqlite3_value_type(argv[1]) == SQLITE_INTEGER)
		bitmap_set(b, sqlite3_value_int64(argv[1]));
}

static void
add_final(sqlite3_context *ctx)
{
	sqlite3_result_null(ctx);
}

int
bitmap_register(sqlite3 *db)
{
	return sqlite3_create_function(db, "bitmap_add", 2, SQLITE_UTF8 |
	    SQLITE_DIRECTONLY, NULL, NULL, add_step, add_final) == SQLITE_OK ?
	    RC_OK : RC_DB;
}

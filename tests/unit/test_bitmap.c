/* Bitmaps: every operation on plain and complemented sets, against sets. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdbool.h>
#include <stdlib.h>

#include <roaring/roaring.h>

#include "bitmap.h"

#define N 200	/* pks 0..199, across several words */

/* a := pks with (pk % m == r), complemented if neg. */
static void
make(struct bitmap *b, int m, int r, int neg)
{
	int pk;

	bitmap_init(b, N - 1);
	for (pk = 0; pk < N; pk++)
		if (pk % m == r)
			bitmap_set(b, pk);
	b->neg = neg;
}

static void
test_combine(void **state)
{
	struct bitmap a, b;
	int na, nb, is_and, pk, in_a, in_b, want;

	(void)state;
	for (na = 0; na < 2; na++)
		for (nb = 0; nb < 2; nb++)
			for (is_and = 0; is_and < 2; is_and++) {
				make(&a, 2, 0, na);
				make(&b, 3, 0, nb);
				bitmap_combine(&a, &b, is_and);
				for (pk = 0; pk < N; pk++) {
					in_a = (pk % 2 == 0) != na;
					in_b = (pk % 3 == 0) != nb;
					want = is_and ? in_a && in_b :
					    in_a || in_b;
					if (bitmap_get(&a, pk) != want)
						fail_msg("neg %d/%d %s: pk %d",
						    na, nb, is_and ? "AND" :
						    "OR", pk);
				}
				bitmap_free(&a);
				bitmap_free(&b);
			}
}

/* The pk % m == r rule of make(), complemented if neg. */
static int
held(int pk, int m, int r, int neg)
{
	return (pk % m == r) != neg;
}

static void
test_and_not(void **state)
{
	struct bitmap a, b;
	int na, nb, pk;

	(void)state;
	for (na = 0; na < 2; na++)
		for (nb = 0; nb < 2; nb++) {
			make(&a, 2, 0, na);
			make(&b, 3, 0, nb);
			bitmap_and_not(&a, &b);
			for (pk = 0; pk < N; pk++)
				if (bitmap_get(&a, pk) != (held(pk, 2, 0, na) &&
				    !held(pk, 3, 0, nb)))
					fail_msg("neg %d/%d: pk %d", na, nb, pk);
			/* b is left as it was. */
			for (pk = 0; pk < N; pk++)
				assert_int_equal(bitmap_get(&b, pk),
				    held(pk, 3, 0, nb));
			bitmap_free(&a);
			bitmap_free(&b);
		}
}

static void
test_copy_zero(void **state)
{
	struct bitmap a, b;
	int pk;

	(void)state;
	make(&a, 5, 1, 1);
	bitmap_copy(&b, &a);
	assert_int_equal(bitmap_capacity(&b), bitmap_capacity(&a));
	for (pk = 0; pk < N; pk++)
		assert_int_equal(bitmap_get(&b, pk), held(pk, 5, 1, 1));
	/* The copy owns its words. */
	bitmap_set(&a, 0);
	assert_true(bitmap_get(&b, 0));
	bitmap_zero(&b);
	assert_int_equal(b.neg, 0);
	assert_int_equal(bitmap_popcount(&b), 0);
	assert_int_equal(bitmap_capacity(&b), bitmap_capacity(&a));
	bitmap_free(&a);
	bitmap_free(&b);
}

static void
test_capacity(void **state)
{
	struct bitmap b;

	(void)state;
	bitmap_init(&b, 0);
	assert_int_equal(bitmap_capacity(&b), 64);
	bitmap_free(&b);
	bitmap_init(&b, 64);
	assert_int_equal(bitmap_capacity(&b), 128);
	bitmap_free(&b);
}

static void
test_toggle(void **state)
{
	struct bitmap b = { 0 };

	(void)state;
	/* A zeroed struct is the empty set: tags start that way. */
	assert_false(bitmap_get(&b, 3));
	assert_int_equal(bitmap_next(&b, 0), -1);
	assert_int_equal(bitmap_toggle(&b, -1), 0);
	assert_int_equal(bitmap_capacity(&b), 0);
	assert_int_equal(bitmap_toggle(&b, 3), 1);
	assert_int_equal(bitmap_capacity(&b), 64);
	/* Growing keeps what was there and clears the new room. */
	assert_int_equal(bitmap_toggle(&b, 130), 1);
	assert_int_equal(bitmap_capacity(&b), 192);
	assert_true(bitmap_get(&b, 3));
	assert_int_equal(bitmap_popcount(&b), 2);
	assert_int_equal(bitmap_toggle(&b, 3), 0);
	assert_false(bitmap_get(&b, 3));
	assert_int_equal(bitmap_popcount(&b), 1);
	bitmap_free(&b);
}

static void
test_count_in(void **state)
{
	struct bitmap a, b;
	int nb, pk, want;

	(void)state;
	for (nb = 0; nb < 2; nb++) {
		make(&a, 3, 0, 0);
		/* b shorter than a: its missing words read as clear. */
		bitmap_init(&b, 99);
		for (pk = 0; pk < 100; pk++)
			if (pk % 2 == 0)
				bitmap_set(&b, pk);
		b.neg = nb;
		for (want = 0, pk = 0; pk < N; pk++)
			want += pk % 3 == 0 && ((pk < 100 && pk % 2 == 0) != nb);
		assert_int_equal(bitmap_count_in(&a, &b), want);
		/* a's neg is ignored. */
		a.neg = 1;
		assert_int_equal(bitmap_count_in(&a, &b), want);
		bitmap_free(&a);
		bitmap_free(&b);
	}
}

/*
 * The counts as the processor's popcount instruction makes them (where
 * it has one) against a bit-by-bit count: every word pattern, from empty
 * to full, in sets a word shorter or longer than the other.
 */
static void
test_counts_by_bits(void **state)
{
	struct bitmap a, b;
	unsigned long long x = 88172645463325252ULL;
	long long pk, want_a, want_in;
	int round, nb;

	(void)state;
	for (round = 0; round < 50; round++) {
		bitmap_init(&a, 64 * 40 - 1);
		bitmap_init(&b, 64 * (39 + round % 3) - 1);
		for (pk = 0; pk < bitmap_capacity(&a); pk++) {
			/* xorshift: some words full, some empty. */
			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			if ((pk / 64) % 7 == round % 7 || x % 3 == 0)
				bitmap_set(&a, pk);
			if ((pk / 64) % 5 == round % 5 || x % 5 < 2)
				bitmap_set(&b, pk);
		}
		for (nb = 0; nb < 2; nb++) {
			b.neg = nb;
			want_a = want_in = 0;
			for (pk = 0; pk < bitmap_capacity(&a); pk++) {
				want_a += bitmap_get(&a, pk);
				want_in += bitmap_get(&a, pk) &&
				    (pk < bitmap_capacity(&b) ?
				    bitmap_get(&b, pk) : nb);
			}
			assert_int_equal(bitmap_popcount(&a), want_a);
			assert_int_equal(bitmap_count_in(&a, &b), want_in);
		}
		bitmap_free(&a);
		bitmap_free(&b);
	}
}

static void
test_next(void **state)
{
	struct bitmap b;
	long long pk, want;
	int neg, m;

	(void)state;
	for (neg = 0; neg < 2; neg++)
		for (m = 1; m < 70; m += 17) {
			make(&b, m, m - 1, neg);
			want = 0;
			for (pk = bitmap_next(&b, 0); pk >= 0;
			    pk = bitmap_next(&b, pk + 1)) {
				while (want < pk)
					assert_false(bitmap_get(&b, want++));
				assert_true(bitmap_get(&b, pk));
				want = pk + 1;
			}
			/* Nothing held is skipped, up to the capacity. */
			while (want < bitmap_capacity(&b))
				assert_false(bitmap_get(&b, want++));
			bitmap_free(&b);
		}
	bitmap_init(&b, 200);
	assert_int_equal(bitmap_next(&b, 0), -1);
	bitmap_set(&b, 200);
	assert_int_equal(bitmap_next(&b, -5), 200);
	assert_int_equal(bitmap_next(&b, 200), 200);
	assert_int_equal(bitmap_next(&b, 201), -1);
	assert_int_equal(bitmap_next(&b, 100000), -1);
	b.neg = 1;
	assert_int_equal(bitmap_next(&b, 199), 199);
	assert_int_equal(bitmap_next(&b, 200), 201);
	bitmap_free(&b);
}

static void
test_bounds(void **state)
{
	struct bitmap b;

	(void)state;
	bitmap_init(&b, 64);
	bitmap_set(&b, 64);
	bitmap_set(&b, 0);
	bitmap_set(&b, -1);
	bitmap_set(&b, 100000);
	assert_int_equal(bitmap_popcount(&b), 2);
	assert_true(bitmap_get(&b, 64));
	assert_false(bitmap_get(&b, 63));
	assert_false(bitmap_get(&b, 100000));
	b.neg = 1;
	assert_false(bitmap_get(&b, 64));
	assert_true(bitmap_get(&b, 63));
	bitmap_free(&b);
}

/*
 * A set in CRoaring's portable format, as roster stores term bitmaps,
 * read into flat words: every member, nothing else, whatever kinds of
 * container (array, bitset, runs) and however many; cut or damaged
 * input is refused without reading past its end.
 */
static void
portable_same(roaring_bitmap_t *r, int optimize, long long room)
{
	struct bitmap b;
	char *buf;
	size_t n, cut;
	long long pk;

	if (optimize)
		roaring_bitmap_run_optimize(r);
	n = roaring_bitmap_portable_size_in_bytes(r);
	buf = malloc(n);
	roaring_bitmap_portable_serialize(r, buf);
	bitmap_init(&b, room);
	assert_int_equal(bitmap_or_portable(&b, buf, n), 1);
	for (pk = 0; pk <= room; pk++)
		if (bitmap_get(&b, pk) != roaring_bitmap_contains(r,
		    (uint32_t)pk))
			fail_msg("pk %lld: flat %d, roaring %d", pk,
			    bitmap_get(&b, pk), roaring_bitmap_contains(r,
			    (uint32_t)pk));
	for (cut = 0; cut < n; cut += 1 + n / 97)
		assert_int_equal(bitmap_or_portable(&b, buf, cut), 0);
	bitmap_free(&b);
	free(buf);
}

static void
test_portable(void **state)
{
	roaring_bitmap_t *r;
	uint32_t i;
	int optimize;

	(void)state;
	for (optimize = 0; optimize < 2; optimize++) {
		/* Empty; a few (array); dense (bitset); long runs; many
		 * containers of each kind, and the last past the room. */
		r = roaring_bitmap_create();
		portable_same(r, optimize, 100);
		roaring_bitmap_add(r, 0);
		roaring_bitmap_add(r, 63);
		roaring_bitmap_add(r, 64);
		roaring_bitmap_add(r, 65535);
		roaring_bitmap_add(r, 65536);
		portable_same(r, optimize, 70000);
		for (i = 100000; i < 300000; i += 3)
			roaring_bitmap_add(r, i);
		roaring_bitmap_add_range(r, 400000, 470001);
		roaring_bitmap_add_range(r, 500001, 500002);
		for (i = 600000; i < 900000; i += 7919)
			roaring_bitmap_add(r, i);
		roaring_bitmap_add(r, 2000000);
		portable_same(r, optimize, 1000000);
		roaring_bitmap_free(r);
	}
}

/*
 * A portable bitmap whose lengths are right but whose containers lie is
 * refused by the check before CRoaring sees it (a bitset's count, an
 * array out of order, a run past its container, a run flag promising
 * more than there is), and by the flat reader but for the count.
 */
static void
test_portable_lies(void **state)
{
	roaring_bitmap_t *r;
	unsigned char *buf;
	struct bitmap b;
	size_t n;

	(void)state;
	bitmap_init(&b, 200000);
	r = roaring_bitmap_from_range(0, 20000, 2);	/* one bitset */
	n = roaring_bitmap_portable_size_in_bytes(r);
	buf = malloc(n);
	roaring_bitmap_portable_serialize(r, (char *)buf);
	assert_int_equal(bitmap_portable_valid(buf, n), 1);
	buf[10] = 0x00, buf[11] = 0x10;		/* says 4,097 */
	assert_int_equal(bitmap_portable_valid(buf, n), 0);
	free(buf);
	roaring_bitmap_free(r);

	r = roaring_bitmap_of(3, 5, 9, 70000);		/* two arrays */
	n = roaring_bitmap_portable_size_in_bytes(r);
	buf = malloc(n);
	roaring_bitmap_portable_serialize(r, (char *)buf);
	assert_int_equal(bitmap_portable_valid(buf, n), 1);
	buf[n - 4] = 4;				/* 3, 5, 4 */
	assert_int_equal(bitmap_portable_valid(buf, n), 0);
	buf[n - 4] = 9;
	buf[8] = 1;				/* keys 1, 1 */
	assert_int_equal(bitmap_portable_valid(buf, n), 0);
	free(buf);
	roaring_bitmap_free(r);

	r = roaring_bitmap_from_range(65000, 65100, 1);	/* one run */
	roaring_bitmap_run_optimize(r);
	n = roaring_bitmap_portable_size_in_bytes(r);
	buf = malloc(n);
	roaring_bitmap_portable_serialize(r, (char *)buf);
	assert_int_equal(bitmap_portable_valid(buf, n), 1);
	buf[n - 1] = 0xff;			/* to 65,000 + 65,380 */
	assert_int_equal(bitmap_portable_valid(buf, n), 0);
	assert_int_equal(bitmap_or_portable(&b, buf, n), 0);
	/* 65,536 containers, all with runs, in a BLOB of 4 bytes. */
	assert_int_equal(bitmap_portable_valid("\x3b\x30\xff\xff", 4), 0);
	free(buf);
	roaring_bitmap_free(r);
	bitmap_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_combine),
		cmocka_unit_test(test_bounds),
		cmocka_unit_test(test_and_not),
		cmocka_unit_test(test_copy_zero),
		cmocka_unit_test(test_capacity),
		cmocka_unit_test(test_toggle),
		cmocka_unit_test(test_count_in),
		cmocka_unit_test(test_counts_by_bits),
		cmocka_unit_test(test_next),
		cmocka_unit_test(test_portable),
		cmocka_unit_test(test_portable_lies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* Bitmaps: every operation on plain and complemented sets, against sets. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

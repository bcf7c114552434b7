/* Bitmaps: every AND/OR of plain and complemented sets, against sets. */
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
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

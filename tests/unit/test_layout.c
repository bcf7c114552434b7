/*
 * Fitting the list's columns to the terminal, and cutting text by display
 * width: wide characters take two columns, combining marks none.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <locale.h>
#include <string.h>
#include <cmocka.h>

#include "layout.h"
#include "strbuf.h"
#include "width.h"

enum { NAME, AVAIL, LANGS, THEMES, N };

static void
columns(struct layout_col c[N])
{
	/* min, want, rank */
	c[NAME] = (struct layout_col){ 10, 20, 0, 0 };
	c[AVAIL] = (struct layout_col){ 5, 5, 1, 0 };
	c[LANGS] = (struct layout_col){ 8, 16, 2, 0 };
	c[THEMES] = (struct layout_col){ 12, 30, 3, 0 };
}

static int
total(const struct layout_col c[N], int gap)
{
	int i, sum = 0, shown = 0;

	for (i = 0; i < N; i++)
		if (c[i].width > 0) {
			sum += c[i].width;
			shown++;
		}
	return sum + (shown > 1 ? gap * (shown - 1) : 0);
}

static void
test_wide(void **state)
{
	struct layout_col c[N];

	(void)state;
	columns(c);
	layout_fit(c, N, 200, 1);
	/* Everything at its want, and the rest to the name. */
	assert_int_equal(c[AVAIL].width, 5);
	assert_int_equal(c[LANGS].width, 16);
	assert_int_equal(c[THEMES].width, 30);
	assert_int_equal(total(c, 1), 200);
}

static void
test_drop_least_first(void **state)
{
	struct layout_col c[N];

	(void)state;
	columns(c);
	/* Minimums: 10 + 5 + 8 + 12 + 3 gaps = 38. */
	layout_fit(c, N, 38, 1);
	assert_int_equal(c[THEMES].width, 12);
	layout_fit(c, N, 37, 1);
	assert_int_equal(c[THEMES].width, 0);
	assert_true(c[LANGS].width >= 8);
	assert_true(total(c, 1) <= 37);
	layout_fit(c, N, 25, 1);
	assert_int_equal(c[THEMES].width, 0);
	assert_int_equal(c[LANGS].width, 8);
	layout_fit(c, N, 24, 1);
	assert_int_equal(c[LANGS].width, 0);
	assert_int_equal(c[AVAIL].width, 5);
	layout_fit(c, N, 15, 1);
	assert_int_equal(c[AVAIL].width, 0);
	assert_int_equal(c[NAME].width, 15);
}

static void
test_too_narrow(void **state)
{
	struct layout_col c[N];

	(void)state;
	columns(c);
	/* The name is never dropped: it gets what there is. */
	layout_fit(c, N, 6, 1);
	assert_int_equal(c[NAME].width, 6);
	assert_int_equal(total(c, 1), 6);
	layout_fit(c, N, 0, 1);
	assert_int_equal(total(c, 1), 0);
}

static void
assert_fit(const char *s, size_t cols, int pad, const char *want)
{
	struct strbuf b = { 0 };

	width_fit(&b, s, cols, pad);
	assert_string_equal(strbuf_str(&b), want);
	assert_true(width_of(strbuf_str(&b)) <= cols);
	if (pad)
		assert_int_equal(width_of(strbuf_str(&b)), cols);
	strbuf_free(&b);
}

static void
test_display_width(void **state)
{
	(void)state;
	assert_int_equal(width_of("Amélie"), 6);
	assert_int_equal(width_of("Ame\xcc\x81lie"), 6);	/* e + U+0301 */
	assert_int_equal(width_of("山田太郎"), 8);
	assert_int_equal(width_of("a\x1b[2Jb"), 7);		/* a^[[2Jb */
	assert_fit("山田太郎", 8, 1, "山田太郎");
	/* A wide character that would straddle the edge is left out. */
	assert_fit("山田太郎", 6, 1, "山田… ");
	assert_fit("山田太郎", 5, 1, "山田…");
	assert_fit("Ame\xcc\x81lie Dubois", 8, 0, "Ame\xcc\x81lie …");
	assert_fit("Ame\xcc\x81lie", 8, 1, "Ame\xcc\x81lie  ");
	assert_fit("a\x1b[2Jb", 4, 0, "a^[…");
	assert_fit("x\xc2\x9b", 6, 1, "x\\x9b ");
	/* A right-to-left override would reverse what follows it. */
	assert_fit("a\xe2\x80\xae" "b", 8, 0, "a<202e>b");
	assert_fit("a\xe2\x80\x8b" "b", 8, 0, "a<200b>b");
	assert_int_equal(width_of("\xe2\x81\xa6"), 6);
	/* Where a wrapped line breaks: never inside a character. */
	assert_int_equal(width_cut("山田太郎", 5), strlen("山田"));
	assert_int_equal(width_cut("Ame\xcc\x81lie", 4), strlen("Ame\xcc\x81l"));
	assert_int_equal(width_cut("abc", 10), 3);
	assert_int_equal(width_cut("a\x1b[", 2), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wide),
		cmocka_unit_test(test_drop_least_first),
		cmocka_unit_test(test_too_narrow),
		cmocka_unit_test(test_display_width),
	};

	setlocale(LC_CTYPE, "C.UTF-8");
	return cmocka_run_group_tests(tests, NULL, NULL);
}

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "utf8.h"

/* Decodes all of s and expects one character of n bytes with value cp. */
static void
decodes_to(const char *s, size_t n, uint32_t cp)
{
	uint32_t	got = 0xffffffff;

	assert_int_equal(utf8_decode(s, strlen(s), &got), n);
	assert_int_equal(got, cp);
	assert_true(utf8_valid(s, strlen(s), NULL));
}

/* Expects s to be refused by the decoder and by utf8_valid at offset 0. */
static void
refused(const char *s, size_t len)
{
	uint32_t	cp;
	size_t		bad = 99;

	assert_int_equal(utf8_decode(s, len, &cp), 0);
	assert_false(utf8_valid(s, len, &bad));
	assert_int_equal(bad, 0);
}

static void
test_ascii(void **state)
{
	(void)state;
	decodes_to("A", 1, 'A');
	decodes_to("\x7f", 1, 0x7f);
	assert_true(utf8_valid("", 0, NULL));
	assert_true(utf8_valid("plain ascii, 123", 16, NULL));
}

static void
test_multibyte(void **state)
{
	(void)state;
	decodes_to("\xc3\xa9", 2, 0xe9);		/* é */
	decodes_to("\xe2\x82\xac", 3, 0x20ac);		/* € */
	decodes_to("\xf0\x9f\x98\x80", 4, 0x1f600);	/* an emoji */
	decodes_to("\xe6\x97\xa5", 3, 0x65e5);		/* 日 */
}

static void
test_boundaries(void **state)
{
	(void)state;
	decodes_to("\xc2\x80", 2, 0x80);
	decodes_to("\xdf\xbf", 2, 0x7ff);
	decodes_to("\xe0\xa0\x80", 3, 0x800);
	decodes_to("\xed\x9f\xbf", 3, 0xd7ff);
	decodes_to("\xee\x80\x80", 3, 0xe000);
	decodes_to("\xef\xbf\xbf", 3, 0xffff);
	decodes_to("\xf0\x90\x80\x80", 4, 0x10000);
	decodes_to("\xf4\x8f\xbf\xbf", 4, 0x10ffff);
}

static void
test_decode_stops_after_one(void **state)
{
	uint32_t	cp;

	(void)state;
	assert_int_equal(utf8_decode("\xc3\xa9t\xc3\xa9", 5, &cp), 2);
	assert_int_equal(cp, 0xe9);
	assert_int_equal(utf8_decode("ab", 2, &cp), 1);
	assert_int_equal(cp, 'a');
	assert_int_equal(utf8_decode("a", 0, &cp), 0);
}

static void
test_overlong(void **state)
{
	(void)state;
	refused("\xc0\x80", 2);
	refused("\xc1\xbf", 2);
	refused("\xe0\x80\x80", 3);
	refused("\xe0\x9f\xbf", 3);
	refused("\xf0\x80\x80\x80", 4);
	refused("\xf0\x8f\xbf\xbf", 4);
}

static void
test_surrogates(void **state)
{
	(void)state;
	refused("\xed\xa0\x80", 3);	/* U+D800 */
	refused("\xed\xb0\x80", 3);	/* U+DC00 */
	refused("\xed\xbf\xbf", 3);	/* U+DFFF */
}

static void
test_too_big(void **state)
{
	(void)state;
	refused("\xf4\x90\x80\x80", 4);	/* U+110000 */
	refused("\xf5\x80\x80\x80", 4);
	refused("\xf7\xbf\xbf\xbf", 4);
	refused("\xf8\x88\x80\x80\x80", 5);
	refused("\xfe", 1);
	refused("\xff", 1);
}

static void
test_truncated(void **state)
{
	uint32_t	cp;

	(void)state;
	refused("\xc3", 1);
	refused("\xe2\x82", 2);
	refused("\xf0\x9f\x98", 3);
	/* len, not the NUL, is where the input ends. */
	assert_int_equal(utf8_decode("\xe2\x82\xac", 2, &cp), 0);
	assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", 3, &cp), 0);
}

static void
test_bad_continuation(void **state)
{
	(void)state;
	refused("\x80", 1);
	refused("\xbf", 1);
	refused("\x80\x80", 2);
	refused("\xc3" "A", 2);
	refused("\xe2\x82" "A", 3);
	refused("\xf0\x9f\x98" "A", 4);
	refused("\xe2\xc3\xa9", 3);
}

static void
test_valid_offset(void **state)
{
	size_t	bad = 99;

	(void)state;
	assert_false(utf8_valid("a\x80" "b", 3, &bad));
	assert_int_equal(bad, 1);
	assert_false(utf8_valid("Am\xc3\xa9lie\xed\xa0\x80", 10, &bad));
	assert_int_equal(bad, 7);
	assert_false(utf8_valid("ok\xc3", 3, &bad));
	assert_int_equal(bad, 2);
	assert_false(utf8_valid("\xff", 1, NULL));
	assert_true(utf8_valid("Am\xc3\xa9lie \xf0\x9f\x98\x80", 12, &bad));
}

static void
test_count(void **state)
{
	(void)state;
	assert_int_equal(utf8_count("", 0), 0);
	assert_int_equal(utf8_count("abc", 3), 3);
	assert_int_equal(utf8_count("Am\xc3\xa9lie", 7), 6);
	assert_int_equal(utf8_count("\xe6\x97\xa5\xe6\x9c\xac", 6), 2);
	assert_int_equal(utf8_count("\xf0\x9f\x98\x80", 4), 1);
	assert_int_equal(utf8_count("a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z",
	    11), 5);
	/* Only the first len bytes count. */
	assert_int_equal(utf8_count("Am\xc3\xa9lie", 4), 3);
}

/* What plain text refuses: controls, and what hides or reorders text. */
static void
test_control(void **state)
{
	static const struct {
		const char	*s;
		int		 layout;
		size_t		 off;		/* (size_t)-1: none */
		uint32_t	 cp;
	} cases[] = {
		{ "Am\xc3\xa9lie", 0, (size_t)-1, 0 },
		{ "a\tb", 0, 1, '\t' },
		{ "a\tb\r\n", 1, (size_t)-1, 0 },
		{ "ab\x1b[2J", 1, 2, 0x1b },
		{ "ab\x7f", 0, 2, 0x7f },
		{ "\xc3\xa9\xc2\x9b", 0, 2, 0x9b },
		{ "x\xe2\x80\xae", 0, 1, 0x202e },
		{ "x\xe2\x81\xa9", 0, 1, 0x2069 },
		{ "x\xe2\x80\x8b", 0, 1, 0x200b },
		{ "x\xe2\x80\x8e", 0, 1, 0x200e },
		{ "x\xe2\x80\x8f", 0, 1, 0x200f },
		{ "x\xd8\x9c", 0, 1, 0x061c },
		{ "x\xe2\x81\xa0", 0, 1, 0x2060 },
		{ "x\xe2\x81\xa4", 0, 1, 0x2064 },
		{ "x\xef\xbb\xbf", 0, 1, 0xfeff },
		/* Blanks that would make one name pass for another. */
		{ "A\xc2\xad" "b", 0, 1, 0x00ad },
		{ "A\xcd\x8f" "b", 0, 1, 0x034f },
		{ "A\xe1\x85\x9f" "b", 0, 1, 0x115f },
		{ "A\xe1\x85\xa0" "b", 0, 1, 0x1160 },
		{ "A\xe1\xa0\x8e" "b", 0, 1, 0x180e },
		{ "A\xe2\x80\xa8" "b", 0, 1, 0x2028 },
		{ "A\xe2\x80\xa9" "b", 0, 1, 0x2029 },
		{ "Ab\xe3\x85\xa4" "c", 0, 2, 0x3164 },
		{ "A\xef\xbe\xa0" "b", 0, 1, 0xffa0 },
		{ "A\xef\xbf\xb9" "b", 0, 1, 0xfff9 },
		{ "A\xf3\xa0\x80\x81" "b", 0, 1, 0xe0001 },
		/* Joiners shape scripts and emoji; NBSP, dashes are text. */
		{ "\xd9\x85\xe2\x80\x8c\xd9\x89", 0, (size_t)-1, 0 },
		{ "\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x94\xac", 0,
		    (size_t)-1, 0 },
		{ "a\xc2\xa0" "b\xe2\x80\x94", 0, (size_t)-1, 0 },
	};
	uint32_t cp;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cp = 0;
		assert_int_equal(utf8_control(cases[i].s, cases[i].layout, &cp),
		    cases[i].off);
		assert_int_equal(cp, cases[i].cp);
	}
	assert_string_equal(utf8_control_name(0x1b), "control character");
	assert_string_equal(utf8_control_name(0x200f),
	    "bidirectional control");
	assert_string_equal(utf8_control_name(0xfeff), "invisible character");
	assert_string_equal(utf8_control_name(0x3164), "invisible character");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ascii),
		cmocka_unit_test(test_control),
		cmocka_unit_test(test_multibyte),
		cmocka_unit_test(test_boundaries),
		cmocka_unit_test(test_decode_stops_after_one),
		cmocka_unit_test(test_overlong),
		cmocka_unit_test(test_surrogates),
		cmocka_unit_test(test_too_big),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_bad_continuation),
		cmocka_unit_test(test_valid_offset),
		cmocka_unit_test(test_count),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

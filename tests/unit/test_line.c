/* The filter bar's line editor: whole UTF-8 characters, and its history. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "line.h"

static void
type(struct line *l, const char *s)
{
	line_insert(l, s, strlen(s));
}

static void
test_edit(void **state)
{
	struct line l = { 0 };

	(void)state;
	type(&l, "lang:fr");
	line_left(&l);
	line_left(&l);
	type(&l, "x");
	assert_string_equal(line_text(&l), "lang:xfr");
	line_backspace(&l);
	line_delete(&l);
	assert_string_equal(line_text(&l), "lang:r");
	line_home(&l);
	type(&l, "-");
	line_end(&l);
	type(&l, "u");
	assert_string_equal(line_text(&l), "-lang:ru");
	line_home(&l);
	line_right(&l);
	line_kill_end(&l);
	assert_string_equal(line_text(&l), "-");
	line_set(&l, "a b");
	line_left(&l);
	line_kill_start(&l);
	assert_string_equal(line_text(&l), "b");
	assert_int_equal(l.cursor, 0);
	line_free(&l);
}

static void
test_utf8(void **state)
{
	struct line l = { 0 };

	(void)state;
	line_set(&l, "Müller 山田");
	line_backspace(&l);
	assert_string_equal(line_text(&l), "Müller 山");
	line_home(&l);
	line_right(&l);
	line_right(&l);
	assert_int_equal(l.cursor, 3);	/* after the two bytes of ü */
	line_backspace(&l);
	assert_string_equal(line_text(&l), "Mller 山");
	line_end(&l);
	line_left(&l);
	assert_int_equal(l.cursor, strlen("Mller "));
	line_delete(&l);
	assert_string_equal(line_text(&l), "Mller ");
	line_free(&l);
}

static void
test_kill_word(void **state)
{
	struct line l = { 0 };

	(void)state;
	line_set(&l, "lang:fr  theme:border  ");
	line_kill_word(&l);
	assert_string_equal(line_text(&l), "lang:fr  ");
	line_kill_word(&l);
	assert_string_equal(line_text(&l), "");
	line_kill_word(&l);
	assert_string_equal(line_text(&l), "");
	line_free(&l);
}

static void
test_history(void **state)
{
	struct line l = { 0 };
	int i;

	(void)state;
	line_remember(&l, "lang:fr");
	line_remember(&l, "lang:fr");	/* a repeat is kept once */
	line_remember(&l, "");
	line_remember(&l, "country:ML");
	line_set(&l, "draft");
	line_older(&l);
	assert_string_equal(line_text(&l), "country:ML");
	line_older(&l);
	assert_string_equal(line_text(&l), "lang:fr");
	line_older(&l);
	assert_string_equal(line_text(&l), "lang:fr");
	line_newer(&l);
	assert_string_equal(line_text(&l), "country:ML");
	line_newer(&l);
	assert_string_equal(line_text(&l), "draft");
	line_newer(&l);
	assert_string_equal(line_text(&l), "draft");
	/* The oldest entries go when the history is full. */
	for (i = 0; i < LINE_HISTORY + 5; i++) {
		char buf[16];

		snprintf(buf, sizeof buf, "f%d", i);
		line_remember(&l, buf);
	}
	assert_int_equal(l.nhistory, LINE_HISTORY);
	assert_string_equal(l.history[0], "f5");
	line_free(&l);
}

/* A huge paste stops at the limit, whole, and the line stays as it was. */
static void
test_limit(void **state)
{
	struct line l = { 0 };
	size_t i;

	(void)state;
	for (i = 0; i < LINE_MAX_BYTES - 1; i++)
		assert_int_equal(line_insert(&l, "a", 1), 0);
	assert_int_equal(line_insert(&l, "\xc3\xa9", 2), -1);
	assert_int_equal(line_insert(&l, "b", 1), 0);
	assert_int_equal(line_insert(&l, "c", 1), -1);
	assert_int_equal(strlen(line_text(&l)), LINE_MAX_BYTES);
	assert_int_equal(line_text(&l)[LINE_MAX_BYTES - 1], 'b');
	line_home(&l);
	line_delete(&l);
	assert_int_equal(line_insert(&l, "c", 1), 0);
	assert_int_equal(line_text(&l)[0], 'c');
	line_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit),
		cmocka_unit_test(test_utf8),
		cmocka_unit_test(test_kill_word),
		cmocka_unit_test(test_history),
		cmocka_unit_test(test_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

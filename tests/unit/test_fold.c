/*
 * Folding words for the index: what ICU gives, including text that grows
 * past any guess of its length, so that the index and a typed word always
 * fold alike.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "fold.h"

/* in folded as a typed word (no other spellings). */
static char *
folded(struct fold *f, const char *in)
{
	struct strbuf out = { 0 };
	struct error err;

	assert_int_equal(fold_text(f, in, 0, &out, &err), RC_OK);
	return strbuf_steal(&out);
}

static void
test_keyboards(void **state)
{
	struct fold *f = fold_new();
	char *s;

	(void)state;
	s = folded(f, "Weiß Søren Łukasz");
	assert_string_equal(s, "Weiss Soren Lukasz");
	free(s);
	s = folded(f, "plain ascii");
	assert_string_equal(s, "plain ascii");
	free(s);
	fold_free(f);
}

/*
 * U+FDFA (one character, three bytes) is eighteen letters and spaces once
 * transliterated: five of them outgrow a guess made from the length in
 * bytes, and must still be transliterated, to five times what one gives.
 */
static void
test_expanding(void **state)
{
	static const char one[] = "\xef\xb7\xba";
	struct fold *f = fold_new();
	char word[5 * 3 + 1], *s1, *s5;
	size_t i, n;

	(void)state;
	for (i = 0; i < 5; i++)
		memcpy(word + 3 * i, one, 3);
	word[5 * 3] = '\0';
	s1 = folded(f, one);
	assert_null(strstr(s1, one));
	n = strlen(s1);
	assert_true(n >= 18);
	s5 = folded(f, word);
	if (strlen(s5) != 5 * n)
		fail_msg("5 x U+FDFA folds to '%s', not 5 x '%s'", s5, s1);
	for (i = 0; i < 5; i++)
		assert_memory_equal(s5 + i * n, s1, n);
	free(s1);
	free(s5);
	fold_free(f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keyboards),
		cmocka_unit_test(test_expanding),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

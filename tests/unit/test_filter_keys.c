/*
 * The filter-key table against roster(5): every key of filter_keys is a
 * term of the manual's Terms subsection, and every term there is a key of
 * the table, so the two cannot drift apart.  Also the table's look-ups.
 *
 * The manual is read from $top_srcdir/man/roster.5 (make check exports
 * top_srcdir).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "filter.h"
#include "vocab.h"

#define MAX_TERMS 64

/* The keys the Terms subsection documents, as ".It Cm KEY : Ns ...". */
static size_t
manual_keys(char names[MAX_TERMS][32])
{
	const char *top = getenv("top_srcdir");
	char path[4096], line[4096], name[32];
	size_t n = 0, i;
	int in_terms = 0;
	FILE *fp;

	if (top == NULL || *top == '\0')
		fail_msg("top_srcdir is not set; run with make check, or set "
		    "it to the source directory");
	snprintf(path, sizeof path, "%s/man/roster.5", top);
	if ((fp = fopen(path, "r")) == NULL)
		fail_msg("cannot open %s", path);
	while (fgets(line, sizeof line, fp) != NULL) {
		if (strncmp(line, ".Ss ", 4) == 0 ||
		    strncmp(line, ".Sh ", 4) == 0)
			in_terms = strcmp(line, ".Ss Terms\n") == 0;
		if (!in_terms || sscanf(line, ".It Cm %31s :", name) != 1)
			continue;
		for (i = 0; i < n && strcmp(names[i], name) != 0; i++)
			;
		if (i == n && n < MAX_TERMS)
			snprintf(names[n++], sizeof names[0], "%s", name);
	}
	fclose(fp);
	return n;
}

static void
test_manual(void **state)
{
	char names[MAX_TERMS][32];
	size_t n, i, j;

	(void)state;
	n = manual_keys(names);
	assert_true(n > 0);
	for (i = 0; i < n; i++)
		if (filter_key_find(names[i]) == NULL)
			fail_msg("roster.5 documents '%s:', which is not in "
			    "filter_keys", names[i]);
	for (i = 0; i < filter_nkeys; i++) {
		for (j = 0; j < n; j++)
			if (strcmp(names[j], filter_keys[i].name) == 0)
				break;
		if (j == n)
			fail_msg("'%s:' is in filter_keys but not in the Terms "
			    "of roster.5", filter_keys[i].name);
	}
}

static void
test_lookups(void **state)
{
	char buf[VOCAB_EXPECTED_LEN];

	(void)state;
	assert_int_equal(filter_key_find("lang")->key, KEY_LANG);
	assert_null(filter_key_find("Lang"));
	assert_null(filter_key_find("word"));
	assert_string_equal(filter_key_nearest("contry")->name, "country");
	assert_string_equal(filter_key_nearest("redy")->name, "ready");
	assert_null(filter_key_nearest("colour"));
	/* A fixed list says its choices; others their own words. */
	assert_string_equal(filter_key_expected(filter_key_find("gender"), buf,
	    sizeof buf), "f, m or x");
	assert_string_equal(filter_key_expected(filter_key_find("notice"), buf,
	    sizeof buf), "a number of days");
	assert_string_equal(filter_key_name(KEY_AVAIL), "avail");
	assert_string_equal(filter_key_name(KEY_WORD), "word");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_manual),
		cmocka_unit_test(test_lookups),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

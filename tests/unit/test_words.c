/*
 * The term bitmaps of the words index (families "word" and "prefix",
 * terms.h, kept by fts.c): for every prefix of every word the index holds,
 * the people a bare word finds through them are exactly those FTS5's
 * "word"* finds, in a demo pool with names in many scripts, and still so
 * after people are renamed, added, erased and merged.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "demo.h"
#include "dupes.h"
#include "edit.h"
#include "erase.h"
#include "filter.h"
#include "search.h"
#include "terms.h"
#include "testdb.h"

static int today;

/* Names the demo may not make: scripts, marks, apostrophes, digits. */
static const char odd_people[] =
    "id,family_name,given_name,agency,rank,notes\n"
    ",Шевченко,Тарас,Поліція,Капітан,говорить українською\n"
    ",Weiß,Jürgen,Bundespolizei,,Straße 12\n"
    ",O'Brien,Siobhán,An Garda Síochána,Garda,\n"
    ",Nguyễn,Thị Minh,,,Hà Nội\n"
    ",李,小龙,公安,,\n"
    ",Ἀθηναῖος,Ἀλέξανδρος,,,\n"
    ",Øster-Ås,Ærø,Politi,,R2D2 and C3PO\n"
    ",Müller,Ève,,,\"müller, mueller; MULLER\"\n";

static int
setup(void **state)
{
	struct demo_opts opts = { 300, 11, 0 };
	struct store *s = testdb_open();
	struct error err;

	opts.today = today;
	if (demo_fill(s, &opts, &err) != RC_OK)
		fail_msg("demo: %s", err.msg);
	testdb_import(s, odd_people, NULL);
	*state = s;
	return 0;
}

/*
 * The people of a bare word through the filter (and so the bitmaps); 0
 * for the words the language keeps (and, or, not), which it refuses.
 */
static int
by_filter(struct store *s, const char *word, struct bitmap *out)
{
	struct search_result *r;
	struct filter *f;
	struct error err;
	int rc;

	if ((rc = filter_compile(s, word, today, &f, &err)) == RC_INPUT &&
	    strstr(err.msg, "would be searched as a word") != NULL)
		return 0;
	if (rc != RC_OK)
		fail_msg("filter '%s': %s", word, err.msg);
	if (search_eval(s, f, NULL, &r, &err) != RC_OK)
		fail_msg("search '%s': %s", word, err.msg);
	bitmap_copy(out, search_result_bitmap(r));
	search_result_free(r);
	filter_free(f);
	return 1;
}

/* The people FTS5 finds for the query term_word makes of the word. */
static void
by_fts(struct store *s, const char *word, int fold, struct bitmap *out)
{
	sqlite3_stmt *st;
	struct error err;

	if (store_prepare(s, &st, fold ? "SELECT rowid FROM person_fts WHERE"
	    " person_fts MATCH '\"' || replace(fold(?1), '\"', '\"\"') ||"
	    " '\"*'" : "SELECT rowid FROM person_fts WHERE person_fts MATCH"
	    " '\"' || ?1 || '\"*'", &err) != RC_OK)
		fail_msg("%s", err.msg);
	sqlite3_bind_text(st, 1, word, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW)
		bitmap_set(out, sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
}

static void
assert_same(const struct bitmap *a, const struct bitmap *b,
    const char *what, const char *word)
{
	long long i;

	assert_false(a->neg || b->neg);
	for (i = 0; i < bitmap_capacity(a); i++)
		if (bitmap_get(a, i) != bitmap_get(b, i))
			fail_msg("%s '%s': person %lld %s", what, word, i,
			    bitmap_get(a, i) ? "found, not by FTS5" :
			    "found by FTS5 only");
}

/* Every prefix (1 to all characters) of every word the index holds. */
static size_t
every_prefix(struct store *s, char ***out)
{
	sqlite3_stmt *st;
	struct error err;
	const char *w, *p;
	char **v = NULL;
	size_t n = 0;

	if (store_prepare(s, &st, "SELECT DISTINCT term FROM"
	    " person_fts_words", &err) != RC_OK)
		fail_msg("%s", err.msg);
	while (sqlite3_step(st) == SQLITE_ROW) {
		w = (const char *)sqlite3_column_text(st, 0);
		for (p = w + 1; ; p++) {
			if ((*p & 0xc0) == 0x80)
				continue;
			v = realloc(v, (n + 1) * sizeof *v);
			v[n] = calloc(1, (size_t)(p - w) + 1);
			memcpy(v[n++], w, (size_t)(p - w));
			if (*p == '\0')
				break;
		}
	}
	sqlite3_finalize(st);
	*out = v;
	return n;
}

static void
problem(const char *msg, void *arg)
{
	(void)arg;
	fail_msg("terms_check: %s", msg);
}

/*
 * Each prefix: the bitmaps of its family read alone (terms_read) and a
 * bare word through the filter against FTS5; and roster check's view.
 */
static void
assert_all_as_fts(struct store *s)
{
	struct bitmap got, want;
	struct error err;
	char **words, hi[256];
	size_t n, i;
	long long maxpk;
	int used, chars;
	const char *p;

	maxpk = testdb_int(s, "SELECT max(pk) FROM person");
	n = every_prefix(s, &words);
	assert_true(n > 1000);
	for (i = 0; i < n; i++) {
		chars = 0;
		for (p = words[i]; *p != '\0'; p++)
			chars += (*p & 0xc0) != 0x80;
		snprintf(hi, sizeof hi, "%s\xf4\x8f\xbf\xbf", words[i]);
		bitmap_init(&got, maxpk);
		bitmap_init(&want, maxpk);
		if (terms_read(s, chars <= 3 ? "prefix" : "word", words[i],
		    chars <= 3 ? words[i] : hi, &got, &used, &err) != RC_OK)
			fail_msg("terms_read '%s': %s", words[i], err.msg);
		assert_true(used);
		by_fts(s, words[i], 0, &want);
		assert_same(&got, &want, "bitmaps", words[i]);
		bitmap_free(&got);
		bitmap_free(&want);

		bitmap_init(&got, maxpk);
		bitmap_init(&want, maxpk);
		if (by_filter(s, words[i], &got)) {
			by_fts(s, words[i], 1, &want);
			assert_same(&got, &want, "filter", words[i]);
		}
		bitmap_free(&got);
		bitmap_free(&want);
		free(words[i]);
	}
	free(words);
	if (terms_check(s, problem, NULL, &err) != RC_OK)
		fail_msg("terms_check: %s", err.msg);
}

static void
test_as_fts(void **state)
{
	struct store *s = *state;
	struct bitmap got, want;
	static const char *typed[] = { "Шев", "шевченко", "WEISS", "weiß",
	    "o'b", "Nguyen", "hà", "李", "ἀθη", "Øster", "ae", "r2", "MÜL",
	    "mueller" };
	long long maxpk = testdb_int(s, "SELECT max(pk) FROM person");
	size_t i;

	assert_all_as_fts(s);
	/* As typed, before the fold and the tokenizer. */
	for (i = 0; i < sizeof typed / sizeof typed[0]; i++) {
		bitmap_init(&got, maxpk);
		bitmap_init(&want, maxpk);
		assert_true(by_filter(s, typed[i], &got));
		by_fts(s, typed[i], 1, &want);
		assert_same(&got, &want, "typed", typed[i]);
		assert_true(bitmap_popcount(&got) > 0 ||
		    strcmp(typed[i], "o'b") == 0);
		bitmap_free(&got);
		bitmap_free(&want);
	}
}

/* Renames, a new person, an erasure and a merge keep them so. */
static void
test_after_writes(void **state)
{
	struct store *s = *state;
	struct edit_record *r;
	struct error err;
	long long a, b;

	a = testdb_int(s, "SELECT min(pk) FROM person");
	if (edit_load(s, a, &r, &err) != RC_OK ||
	    edit_set(s, r, EF_FAMILY_NAME, "Zyxwvut-Ångström", &err) !=
	    RC_OK || edit_set(s, r, EF_NOTES, "", &err) != RC_OK ||
	    edit_save(s, r, NULL, &err) != RC_OK)
		fail_msg("edit: %s", err.msg);
	edit_free(r);
	testdb_import(s, "id,family_name,given_name,notes\n"
	    ",Quokka,Zebedee,xylophone\n", NULL);
	b = testdb_int(s, "SELECT pk FROM person WHERE family_name ="
	    " 'Шевченко'");
	if (erase_person(s, b, &err) != RC_OK)
		fail_msg("erase: %s", err.msg);
	b = testdb_int(s, "SELECT pk FROM person WHERE family_name ="
	    " 'Quokka'");
	if (dupes_merge(s, a, 0, b, 0, 0, &err) != RC_OK)
		fail_msg("merge: %s", err.msg);
	assert_all_as_fts(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_as_fts, setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_after_writes, setup,
		    testdb_teardown),
	};

	today = testdb_today();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

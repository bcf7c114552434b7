/*
 * The term bitmaps of the words index (families "word" and "prefix",
 * terms.h, kept by fts.c): for every prefix of every word the index holds,
 * the people a bare word finds through them are exactly those FTS5's
 * "word"* finds, in a demo pool with names in many scripts, and still so
 * after people are renamed, added, erased and merged.  And the name
 * bands (family "name") page a search as SQL sorts it.
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
	bitmap_free(out);
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

/* The person pks of r in name order from offset, as SQL sorts them. */
static size_t
page_sql(struct store *s, const struct search_result *r, int reverse,
    long long offset, long long *pks, size_t max)
{
	sqlite3_stmt *st;
	struct error err;
	size_t n = 0;

	if (store_prepare(s, &st, reverse ? "SELECT pk FROM person ORDER BY"
	    " family_name COLLATE NOCASE DESC, given_name COLLATE NOCASE DESC,"
	    " id DESC" : "SELECT pk FROM person ORDER BY family_name COLLATE"
	    " NOCASE, given_name COLLATE NOCASE, id", &err) != RC_OK)
		fail_msg("%s", err.msg);
	while (n < max && sqlite3_step(st) == SQLITE_ROW)
		if (search_result_has(r, sqlite3_column_int64(st, 0)) &&
		    offset-- <= 0)
			pks[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* How many people the prefix finds in the index. */
static long long
word_count(struct store *s, const char *word)
{
	struct bitmap b;
	long long n;

	bitmap_init(&b, testdb_int(s, "SELECT max(pk) FROM person"));
	by_fts(s, word, 0, &b);
	n = bitmap_popcount(&b);
	bitmap_free(&b);
	return n;
}

/* A few pages of a search, both ways, against SQL's order; 1 when the
 * search is one the name bands page (search.c). */
static int
assert_pages(struct store *s, const char *text)
{
	struct search_result *r;
	struct filter *f;
	struct error err;
	long long got[50], want[50], count, offsets[3];
	size_t n, m, i, k;
	int reverse;

	if (filter_compile(s, text, today, &f, &err) != RC_OK ||
	    search_eval(s, f, NULL, &r, &err) != RC_OK)
		fail_msg("'%s': %s", text, err.msg);
	filter_free(f);
	count = search_result_count(r);
	offsets[0] = 0;
	offsets[1] = 7;
	offsets[2] = count > 30 ? count - 30 : 0;
	for (reverse = 0; reverse < 2; reverse++)
		for (k = 0; k < 3; k++) {
			if (search_page(s, r, SORT_NAME, reverse, offsets[k],
			    got, 50, &n, &err) != RC_OK)
				fail_msg("'%s': %s", text, err.msg);
			m = page_sql(s, r, reverse, offsets[k], want, 50);
			assert_int_equal(n, m);
			for (i = 0; i < n; i++)
				if (got[i] != want[i])
					fail_msg("'%s' %s from %lld: row %zu is "
					    "person %lld, not %lld", text,
					    reverse ? "reversed" : "in order",
					    offsets[k], i, got[i], want[i]);
		}
	search_result_free(r);
	return count >= 200 && count <= testdb_int(s, "SELECT count(*)"
	    " FROM person") / 16;
}

/* Each band's matches as terms_each counts them, against the rows. */
static int
band_count(const char *key, long long n, long long size, void *arg)
{
	struct store *s = arg;
	sqlite3_stmt *st;
	struct error err;

	if (store_prepare(s, &st, "SELECT count(*), sum(pk % 3 = 0) FROM"
	    " person WHERE lower(substr(family_name, 1, 2)) = ?", &err) !=
	    RC_OK)
		fail_msg("%s", err.msg);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(size, sqlite3_column_int64(st, 0));
	assert_int_equal(n, sqlite3_column_int64(st, 1));
	sqlite3_finalize(st);
	return 0;
}

static void
assert_bands(struct store *s)
{
	struct bitmap third;
	struct error err;
	long long pk, maxpk = testdb_int(s, "SELECT max(pk) FROM person");
	int used, reverse;

	bitmap_init(&third, maxpk);
	for (pk = 0; pk <= maxpk; pk += 3)
		bitmap_set(&third, pk);
	for (reverse = 0; reverse < 2; reverse++) {
		if (terms_each(s, "name", &third, reverse, band_count, s,
		    &used, &err) != RC_OK)
			fail_msg("terms_each: %s", err.msg);
		assert_true(used);
	}
	bitmap_free(&third);
}

/*
 * Pages in name order of searches of a few hundred in a pool of 6,000,
 * which the name bands page, equal to SQL's, before and after family
 * names change (a band emptied, one made, case and accents).
 */
static void
test_pages(void **state)
{
	static const char *const names[] = { "zz top", "ÅNGSTRÖM",
	    "de Vries", "van der Berg", "", "Émile", "a" };
	struct store *s = *state;
	struct edit_record *r;
	struct error err;
	char **words, sql[200];
	size_t n, i, banded = 0;
	int round;

	n = every_prefix(s, &words);
	for (round = 0; round < 2; round++) {
		assert_bands(s);
		for (i = 0; i < n; i++)
			if (strlen(words[i]) <= 3 && strcmp(words[i], "or") !=
			    0 && strcmp(words[i], "and") != 0 &&
			    strcmp(words[i], "not") != 0 &&
			    word_count(s, words[i]) >= 150 &&
			    word_count(s, words[i]) <= 500)
				banded += assert_pages(s, words[i]);
		banded += assert_pages(s, "lang:fr -lang:en");
		for (i = 0; round == 0 && i < 28; i++) {
			snprintf(sql, sizeof sql, "SELECT pk FROM person"
			    " ORDER BY pk LIMIT 1 OFFSET %zu", i * 211);
			if (edit_load(s, testdb_int(s, sql), &r, &err) !=
			    RC_OK || edit_set(s, r, EF_FAMILY_NAME,
			    names[i % 7][0] != '\0' ? names[i % 7] : "x",
			    &err) != RC_OK || edit_save(s, r, NULL, &err) !=
			    RC_OK)
				fail_msg("edit: %s", err.msg);
			edit_free(r);
		}
	}
	for (i = 0; i < n; i++)
		free(words[i]);
	free(words);
	assert_true(banded >= 20);
}

static int
setup_pages(void **state)
{
	struct demo_opts opts = { 6000, 5, 0 };
	struct store *s = testdb_open();
	struct error err;

	opts.today = today;
	if (demo_fill(s, &opts, &err) != RC_OK)
		fail_msg("demo: %s", err.msg);
	*state = s;
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_as_fts, setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_after_writes, setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_pages, setup_pages,
		    testdb_teardown),
	};

	today = testdb_today();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

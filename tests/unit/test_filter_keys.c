/*
 * The filter-key table against roster(5): every key of filter_keys is a
 * term of the manual's Terms subsection, and every term there is a key of
 * the table, so the two cannot drift apart.  Also the table's look-ups.
 * And the theme and skill vocabularies: the tables of THEMES AND SKILLS
 * list every slug with its meaning and abbreviations exactly as the
 * database holds them, so that what the manual offers works as a value.
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
#include "store.h"
#include "testdb.h"
#include "vocab.h"

#define MAX_TERMS 64

/* The keys the Terms subsection documents, as ".It Cm KEY : Ns ...". */
/* roster.5, opened for reading. */
static FILE *
manual_open(void)
{
	const char *top = getenv("top_srcdir");
	char path[4096];
	FILE *fp;

	if (top == NULL || *top == '\0')
		fail_msg("top_srcdir is not set; run with make check, or set "
		    "it to the source directory");
	snprintf(path, sizeof path, "%s/man/roster.5", top);
	if ((fp = fopen(path, "r")) == NULL)
		fail_msg("cannot open %s", path);
	return fp;
}

static size_t
manual_keys(char names[MAX_TERMS][32])
{
	char line[4096], name[32];
	size_t n = 0, i;
	int in_terms = 0;
	FILE *fp = manual_open();

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

/* The text of one column for a slug, "" when there is none. */
static void
db_text(struct store *s, const char *sql, const char *slug, char *out,
    size_t len)
{
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	*out = '\0';
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, len, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* Checks the rows ".It Li SLUG Ta ABBR... Ta MEANING" of one table. */
static void
check_table(struct store *s, FILE *fp, const char *table)
{
	char line[1024], label_sql[128], alias_sql[256], count_sql[128];
	char *slug, *abbr, *label, *sep, got[512];
	long long rows = 0, aliases = 0;

	snprintf(label_sql, sizeof label_sql, "SELECT label FROM %s "
	    "WHERE slug = ?", table);
	snprintf(alias_sql, sizeof alias_sql, "SELECT group_concat(alias, "
	    "' ') FROM (SELECT alias FROM %s_alias WHERE slug = ? "
	    "ORDER BY alias)", table);
	while (fgets(line, sizeof line, fp) != NULL &&
	    strcmp(line, ".El\n") != 0) {
		if (strncmp(line, ".It Li ", 7) != 0)
			continue;
		line[strcspn(line, "\n")] = '\0';
		slug = line + 7;
		/* Three columns, the middle one empty ("Ta  Ta") when the
		 * slug has no abbreviation. */
		if ((sep = strstr(slug, " Ta ")) == NULL ||
		    strstr(sep + 3, " Ta ") == NULL)
			fail_msg("roster.5: '%s' is not three columns", line);
		*sep = '\0';
		abbr = sep + 4;
		sep = strstr(abbr - 1, " Ta ");
		*sep = '\0';
		label = sep + 4;
		db_text(s, label_sql, slug, got, sizeof got);
		if (strcmp(got, label) != 0)
			fail_msg("roster.5: %s '%s' means '%s', the database "
			    "'%s'", table, slug, label, got);
		db_text(s, alias_sql, slug, got, sizeof got);
		if (strcmp(got, abbr) != 0)
			fail_msg("roster.5: %s '%s' has abbreviations '%s', "
			    "the database '%s'", table, slug, abbr, got);
		rows++;
		for (sep = abbr; *sep != '\0'; sep += strcspn(sep, " ")) {
			sep += strspn(sep, " ");
			aliases++;
		}
	}
	/* And nothing the manual leaves out. */
	snprintf(count_sql, sizeof count_sql, "SELECT count(*) FROM %s",
	    table);
	assert_int_equal(rows, testdb_int(s, count_sql));
	snprintf(count_sql, sizeof count_sql, "SELECT count(*) FROM %s_alias",
	    table);
	assert_int_equal(aliases, testdb_int(s, count_sql));
}

static void
test_vocabularies(void **state)
{
	struct store *s = *state;
	char line[1024];
	int tables = 0;
	FILE *fp = manual_open();

	while (fgets(line, sizeof line, fp) != NULL) {
		if (strcmp(line, ".Ss Themes\n") == 0) {
			check_table(s, fp, "theme");
			tables++;
		} else if (strcmp(line, ".Ss Skills\n") == 0) {
			check_table(s, fp, "skill");
			tables++;
		}
	}
	fclose(fp);
	assert_int_equal(tables, 2);
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
		testdb_test(test_vocabularies),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

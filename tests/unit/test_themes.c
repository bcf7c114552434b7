/*
 * The theme and skill vocabularies against roster(5): the tables of THEMES
 * AND SKILLS list every slug with its meaning and abbreviations exactly as
 * the database holds them, so that what the manual offers works as a
 * filter value.
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

#include "store.h"
#include "testdb.h"

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
		if ((sep = strstr(slug, " Ta ")) == NULL)
			fail_msg("roster.5: '%s' has no Ta", line);
		*sep = '\0';
		abbr = sep + 4;
		if ((sep = strstr(abbr, " Ta ")) == NULL) {
			label = abbr + 3;	/* "Ta LABEL": no abbreviation */
			abbr = "";
		} else {
			*sep = '\0';
			label = sep + 4;
		}
		db_text(s, label_sql, slug, got, sizeof got);
		if (strcmp(got, label) != 0)
			fail_msg("roster.5: %s '%s' means '%s', the database "
			    "'%s'", table, slug, label, got);
		db_text(s, alias_sql, slug, got, sizeof got);
		if (strcmp(got, abbr) != 0)
			fail_msg("roster.5: %s '%s' has abbreviations '%s', the "
			    "database '%s'", table, slug, abbr, got);
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
test_manual(void **state)
{
	struct store *s = *state;
	const char *top = getenv("top_srcdir");
	char path[4096], line[1024];
	int tables = 0;
	FILE *fp;

	if (top == NULL || *top == '\0')
		fail_msg("top_srcdir is not set; run with make check, or set "
		    "it to the source directory");
	snprintf(path, sizeof path, "%s/man/roster.5", top);
	if ((fp = fopen(path, "r")) == NULL)
		fail_msg("cannot open %s", path);
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

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_test(test_manual),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

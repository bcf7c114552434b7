#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "refdata.h"
#include "strbuf.h"
#include "vocab.h"

static const char *const vocab_tables[] = { "theme", "skill" };

int
refdata_level(const char *text)
{
	/* The screen shortens native to N (summary.c): what it shows reads. */
	if (strcasecmp(text, "N") == 0)
		return LEVEL_NATIVE;
	return vocab_find(&vocab_levels, text) + 1;
}

const char *
refdata_level_name(int level)
{
	if (level < 1 || level > LEVEL_NATIVE)
		return "?";
	return vocab_levels.words[level - 1];
}

const char *
refdata_vocab_name(enum vocab v)
{
	return vocab_tables[v];
}

size_t
refdata_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, *row, prev, tmp, best;

	row = xmalloc((lb + 1) * sizeof *row);
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			best = prev + (tolower((unsigned char)a[i - 1]) !=
			    tolower((unsigned char)b[j - 1]));
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	best = row[lb];
	free(row);
	return best;
}

/*
 * Runs sql (a string literal with one text parameter, kept prepared: import
 * looks up every cell) and copies the first column of row one.
 */
static int
lookup(struct store *s, const char *sql, const char *text, char *out,
    size_t len, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_cached(s, &st, sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		snprintf(out, len, "%s", (const char *)sqlite3_column_text(st,
		    0));
		rc = RC_OK;
		break;
	case SQLITE_DONE:
		rc = RC_REFUSED;
		break;
	default:
		rc = store_error(s, err, "reference data");
	}
	sqlite3_reset(st);
	return rc;
}

/*
 * The closest of the strings sql yields to text, if it is close enough to
 * be a plausible typo (a third of the length, at least one edit).
 */
static void
suggest(struct store *s, const char *sql, const char *text, char *out,
    size_t len)
{
	sqlite3_stmt *st;
	size_t d, best = (size_t)-1, limit = strlen(text) / 3 + 1;
	const char *cand;

	*out = '\0';
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		cand = (const char *)sqlite3_column_text(st, 0);
		d = refdata_distance(text, cand);
		if (d <= limit && d < best) {
			best = d;
			snprintf(out, len, "%s", cand);
		}
	}
	sqlite3_finalize(st);
}

static int
not_found(struct store *s, const char *what, const char *expected,
    const char *names_sql, const char *text, struct error *err)
{
	char near[128];

	suggest(s, names_sql, text, near, sizeof near);
	if (*near != '\0')
		return error_set(err, RC_REFUSED, "unknown %s '%s' (did you "
		    "mean '%s'?)", what, text, near);
	return error_set(err, RC_REFUSED, "unknown %s '%s' (expected %s)", what,
	    text, expected);
}

/* A code table: how a code or name is found, and what the error offers. */
struct code_table {
	const char	*what, *find_sql, *names_sql, *expected;
};

static const struct code_table countries = { "country",
	"SELECT code FROM country WHERE code = upper(?1) "
	"UNION ALL SELECT code FROM country WHERE name = ?1 COLLATE NOCASE "
	"UNION ALL SELECT code FROM country_alias WHERE alias = ?1",
	"SELECT name FROM country UNION ALL SELECT alias FROM country_alias",
	"an ISO 3166 code such as ML or an English name such as Mali" };
static const struct code_table languages = { "language",
	"SELECT code FROM language WHERE code = lower(?1) "
	"UNION ALL SELECT code FROM language WHERE name = ?1 COLLATE NOCASE",
	"SELECT name FROM language",
	"an ISO 639-1 code such as fr or an English name such as French" };

static int
find_code(struct store *s, const struct code_table *t, const char *text,
    char out[3], struct error *err)
{
	int rc;

	if ((rc = lookup(s, t->find_sql, text, out, 3, err)) != RC_REFUSED)
		return rc;
	return not_found(s, t->what, t->expected, t->names_sql, text, err);
}

int
refdata_country(struct store *s, const char *text, char out[3],
    struct error *err)
{
	return find_code(s, &countries, text, out, err);
}

int
refdata_language(struct store *s, const char *text, char out[3],
    struct error *err)
{
	return find_code(s, &languages, text, out, err);
}

int
refdata_vocab(struct store *s, enum vocab v, const char *slug,
    struct error *err)
{
	static const char *const sql[] = {
		[VOCAB_THEME] = "SELECT slug FROM theme WHERE slug = ?",
		[VOCAB_SKILL] = "SELECT slug FROM skill WHERE slug = ?",
	};
	char names[64], got[128];
	int rc;

	if ((rc = lookup(s, sql[v], slug, got, sizeof got, err)) != RC_REFUSED)
		return rc;
	snprintf(names, sizeof names, "SELECT slug FROM %s", vocab_tables[v]);
	return not_found(s, vocab_tables[v], v == VOCAB_THEME ?
	    "a theme such as border-management (roster(5) lists them)" :
	    "a skill such as first-aid (roster(5) lists them)", names, slug,
	    err);
}

int
refdata_prefix(struct store *s, enum vocab v, const char *prefix,
    char ***slugs, size_t *n, struct error *err)
{
	sqlite3_stmt *st;
	char sql[320], names[96];
	int rc;

	*slugs = NULL;
	*n = 0;
	/* The start of a slug or of a label (theme:"border man"), or an
	 * abbreviation whole (theme:DVI). */
	snprintf(sql, sizeof sql, "SELECT slug FROM %1$s WHERE "
	    "substr(slug, 1, length(?1)) = lower(?1) OR "
	    "substr(lower(label), 1, length(?1)) = lower(?1) "
	    "UNION SELECT slug FROM %1$s_alias WHERE alias = ?1 ORDER BY slug",
	    vocab_tables[v]);
	if ((rc = store_prepare(s, &st, sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*slugs = xrealloc(*slugs, (*n + 1) * sizeof **slugs);
		(*slugs)[(*n)++] = xstrdup((const char *)
		    sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		strv_free(*slugs, *n);
		*slugs = NULL;
		*n = 0;
		return store_error(s, err, "reference data");
	}
	if (*n > 0)
		return RC_OK;
	snprintf(names, sizeof names, "SELECT slug FROM %1$s UNION ALL "
	    "SELECT alias FROM %1$s_alias", vocab_tables[v]);
	return not_found(s, vocab_tables[v], v == VOCAB_THEME ?
	    "the start of a theme such as border (roster(5) lists them)" :
	    "the start of a skill such as first-aid (roster(5) lists them)",
	    names, prefix, err);
}


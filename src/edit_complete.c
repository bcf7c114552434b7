/*
 * The person editor's completions (edit.h): vocabularies from the tables
 * (themes and skills grow with roster vocab add), matched on a prefix of
 * the code or slug or of the English name or label, in any case.
 */
#include <string.h>
#include <strings.h>

#include "edit.h"
#include "vocab.h"

/* ?1 is the prefix; each yields value, label. */
#define PREFIX(col) "substr(lower(" col "), 1, length(?1)) = lower(?1)"
static const char countries_sql[] = "SELECT code, name FROM country"
    " WHERE " PREFIX("code") " OR " PREFIX("name")
    " ORDER BY " PREFIX("code") " DESC, name";
static const char languages_sql[] = "SELECT code, name FROM language"
    " WHERE " PREFIX("code") " OR " PREFIX("name")
    " ORDER BY " PREFIX("code") " DESC, name";
static const char themes_sql[] = "SELECT slug, label FROM theme"
    " WHERE " PREFIX("slug") " OR " PREFIX("label") " ORDER BY slug";
static const char skills_sql[] = "SELECT slug, label FROM skill"
    " WHERE " PREFIX("slug") " OR " PREFIX("label") " ORDER BY slug";
/* The names used in this pool, and the catalogue's, once each. */
static const char missions_sql[] = "SELECT name, max(label) FROM"
    " (SELECT name, '' AS label FROM mission UNION ALL"
    "  SELECT name, org || ', ' || country FROM mission_catalogue)"
    " WHERE " PREFIX("name") " GROUP BY name ORDER BY name";

static int
complete_words(const struct vocab_list *v, const char *prefix,
    int (*fn)(const char *, const char *, void *), void *arg)
{
	size_t len = strlen(prefix);
	int i;

	for (i = 0; v->words[i] != NULL; i++)
		if (strncasecmp(v->words[i], prefix, len) == 0 &&
		    fn(v->words[i], "", arg) != 0)
			break;
	return RC_OK;
}

int
edit_complete(struct store *s, int f, const char *prefix,
    int (*fn)(const char *, const char *, void *), void *arg,
    struct error *err)
{
	const char *sql;
	sqlite3_stmt *st;
	int rc;

	switch (f) {
	case EF_GENDER:
		return complete_words(&vocab_genders, prefix, fn, arg);
	case EF_STATUS:
		return complete_words(&vocab_person_statuses, prefix, fn, arg);
	case EF_DNC:
		return complete_words(&vocab_dnc_reasons, prefix, fn, arg);
	case EF_LANGUAGES:
		sql = languages_sql;
		break;
	case EF_THEMES:
		sql = themes_sql;
		break;
	case EF_SKILLS:
		sql = skills_sql;
		break;
	case EDIT_MISSIONS:
		sql = missions_sql;
		break;
	case EDIT_COUNTRIES:
		sql = countries_sql;
		break;
	default:
		return RC_OK;
	}
	if ((rc = store_prepare(s, &st, sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, prefix, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn((const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1), arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "completion");
	return RC_OK;
}

#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "utf8.h"
#include "vocab_db.h"

static const struct list {
	const char	*name;
	const char	*sql;
} lists[VOCAB_DB_NLISTS] = {
	[VOCAB_DB_THEME] = { "theme",
	    "SELECT slug, label FROM theme ORDER BY slug" },
	[VOCAB_DB_SKILL] = { "skill",
	    "SELECT slug, label FROM skill ORDER BY slug" },
	[VOCAB_DB_COUNTRY] = { "country",
	    "SELECT code, name FROM country ORDER BY code" },
	[VOCAB_DB_LANGUAGE] = { "language",
	    "SELECT code, name FROM language ORDER BY code" },
	/* The catalogue, and the names people's missions brought in. */
	[VOCAB_DB_MISSION] = { "mission",
	    "SELECT name, org || ', ' || country FROM mission_catalogue"
	    " UNION ALL SELECT name, '' FROM mission WHERE name NOT IN"
	    " (SELECT name FROM mission_catalogue) ORDER BY 1" },
};

const char *
vocab_db_name(enum vocab_db_list l)
{
	return lists[l].name;
}

int
vocab_db_find(const char *name)
{
	int i;

	for (i = 0; i < VOCAB_DB_NLISTS; i++)
		if (strcmp(lists[i].name, name) == 0)
			return i;
	return -1;
}

static int
check_slug(const char *what, const char *slug, struct error *err)
{
	size_t len = strlen(slug);

	if (len == 0 || len > VOCAB_DB_SLUG_MAX ||
	    strspn(slug, "abcdefghijklmnopqrstuvwxyz0123456789-") != len ||
	    slug[0] == '-' || slug[len - 1] == '-')
		return error_set(err, RC_INPUT, "vocab: %s '%s' is not a slug "
		    "(expected lower-case letters a-z, digits and '-' inside, "
		    "at most %d, as in sea-rescue)", what, slug,
		    VOCAB_DB_SLUG_MAX);
	return RC_OK;
}

static int
check_label(const char *label, struct error *err)
{
	size_t len = strlen(label), bad;
	uint32_t cp;

	if (len == 0 || len > VOCAB_DB_LABEL_MAX)
		return error_set(err, RC_INPUT, "vocab: the label must have 1 "
		    "to %d bytes", VOCAB_DB_LABEL_MAX);
	if (!utf8_valid(label, len, &bad))
		return error_set(err, RC_INPUT, "vocab: the label is not "
		    "UTF-8 (byte %zu)", bad + 1);
	if (label[strspn(label, " ")] == '\0')
		return error_set(err, RC_INPUT, "vocab: the label is blank "
		    "(expected words, as in Sea rescue)");
	if (utf8_control(label, 0, &cp) != (size_t)-1)
		return error_set(err, RC_INPUT, "vocab: %s U+%04X in the label "
		    "(expected plain text)", utf8_control_name(cp),
		    (unsigned)cp);
	return RC_OK;
}

/*
 * Whether the slug is taken, as a slug or as an abbreviation filters
 * take (theme:OC), which would hide it: *label gets what it is, the
 * label or "short for SLUG (LABEL)".
 */
static int
exists(struct store *s, enum vocab v, const char *slug, char *label,
    size_t len, struct error *err)
{
	static const char *const sql[] = {
		[VOCAB_THEME] = "SELECT 'exists already (' || label || ')'"
		    " FROM theme WHERE slug = ?1 UNION ALL"
		    " SELECT 'is already short for ' || t.slug || ' ('"
		    " || t.label || ')' FROM theme_alias a"
		    " JOIN theme t ON t.slug = a.slug WHERE a.alias = ?1",
		[VOCAB_SKILL] = "SELECT 'exists already (' || label || ')'"
		    " FROM skill WHERE slug = ?1 UNION ALL"
		    " SELECT 'is already short for ' || t.slug || ' ('"
		    " || t.label || ')' FROM skill_alias a"
		    " JOIN skill t ON t.slug = a.slug WHERE a.alias = ?1",
	};
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, &st, sql[v], err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(label, len, "%s", sqlite3_column_text(st, 0));
		rc = RC_REFUSED;
	} else if (rc == SQLITE_DONE)
		rc = RC_OK;
	else
		rc = store_error(s, err, "vocab");
	sqlite3_finalize(st);
	return rc;
}

static int
insert(struct store *s, enum vocab v, const char *slug, const char *label,
    struct error *err)
{
	static const char *const sql[] = {
		[VOCAB_THEME] = "INSERT INTO theme(slug, label) VALUES (?, ?)",
		[VOCAB_SKILL] = "INSERT INTO skill(slug, label) VALUES (?, ?)",
	};
	struct audit_change change = { "label", NULL, label };
	struct audit_entry e = { NULL, NULL, refdata_vocab_name(v), slug,
	    "add", "label", &change, 1 };
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, &st, sql[v], err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, slug, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, label, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "vocab");
	sqlite3_finalize(st);
	if (rc != RC_OK)
		return rc;
	return audit_write(s, &e, err);
}

int
vocab_db_add_in(struct store *s, enum vocab v, const char *slug,
    const char *label, struct error *err)
{
	char had[VOCAB_DB_LABEL_MAX * 4 + VOCAB_DB_SLUG_MAX + 64];
	int rc;

	if ((rc = check_slug(refdata_vocab_name(v), slug, err)) != RC_OK ||
	    (rc = check_label(label, err)) != RC_OK)
		return rc;
	rc = exists(s, v, slug, had, sizeof had, err);
	if (rc == RC_REFUSED)
		rc = error_set(err, RC_INPUT, "vocab: %s '%s' %s",
		    refdata_vocab_name(v), slug, had);
	if (rc == RC_OK)
		rc = insert(s, v, slug, label, err);
	return rc;
}

int
vocab_db_add(struct store *s, enum vocab v, const char *slug,
    const char *label, struct error *err)
{
	int rc;

	/* The look-up in the write's transaction: no one adds it between. */
	if ((rc = store_begin(s, err)) != RC_OK)
		return rc;
	if ((rc = vocab_db_add_in(s, v, slug, label, err)) == RC_OK)
		return store_commit(s, err);
	store_rollback(s);
	return rc;
}

int
vocab_db_each(struct store *s, enum vocab_db_list l,
    int (*fn)(const char *, const char *, void *), void *arg,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc, stop = 0;

	if ((rc = store_prepare(s, &st, lists[l].sql, err)) != RC_OK)
		return rc;
	while (stop == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		stop = fn((const char *)sqlite3_column_text(st, 0),
		    (const char *)sqlite3_column_text(st, 1), arg);
	if (stop == 0 && rc != SQLITE_DONE)
		stop = store_error(s, err, "vocab");
	sqlite3_finalize(st);
	return stop;
}

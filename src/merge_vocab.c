/*
 * merge_vocab.c - the themes, skills, languages and countries a stage
 * uses that this pool lacks: reported, and refused unless the merge adds
 * the themes and skills (languages and countries are the ISO lists, which
 * a pool does not extend).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "merge_int.h"
#include "refdata.h"
#include "strbuf.h"
#include "vocab_db.h"

/* Each distinct (kind, word) of the stage's lists, split at ';'. */
static const char words_sql[] =
    "WITH RECURSIVE list(kind, rest) AS ("
    " SELECT 'theme', themes FROM x_person UNION"
    " SELECT 'skill', skills FROM x_person UNION"
    " SELECT 'language', languages FROM x_person UNION"
    " SELECT 'theme', themes FROM x_service UNION"
    " SELECT 'country', country FROM x_service UNION"
    " SELECT 'country', country FROM x_deployment),"
    " split(kind, word, rest) AS ("
    " SELECT kind, '', coalesce(rest, '') || ';' FROM list UNION"
    " SELECT kind, substr(rest, 1, instr(rest, ';') - 1),"
    " substr(rest, instr(rest, ';') + 1) FROM split WHERE rest <> '')"
    " SELECT DISTINCT kind, CASE kind WHEN 'language' THEN"
    " substr(word, 1, instr(word || ':', ':') - 1) ELSE word END AS w"
    " FROM split WHERE word <> '' ORDER BY 1, 2";

static const struct {
	const char	*kind;
	const char	*sql;
	int		 vocab;		/* enum vocab, or -1: not extended */
} kinds[] = {
	{ "theme", "SELECT 1 FROM theme WHERE slug = ?", VOCAB_THEME },
	{ "skill", "SELECT 1 FROM skill WHERE slug = ?", VOCAB_SKILL },
	{ "language", "SELECT 1 FROM language WHERE code = ?", -1 },
	{ "country", "SELECT 1 FROM country WHERE code = ?", -1 },
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

static int
lacks(struct merger *m, size_t k, const char *word, int *yes,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(m->s, &st, kinds[k].sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, word, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(m->s, err, "vocabulary");
	*yes = rc == SQLITE_DONE;
	return RC_OK;
}

/* A label for an added slug: "sea-rescue" is "Sea rescue". */
static int
add(struct merger *m, size_t k, const char *slug, struct error *err)
{
	char label[VOCAB_DB_SLUG_MAX + 1];
	size_t i;

	snprintf(label, sizeof label, "%s", slug);
	for (i = 0; label[i] != '\0'; i++)
		if (label[i] == '-')
			label[i] = ' ';
	label[0] = (char)toupper((unsigned char)label[0]);
	return vocab_db_add_in(m->s, (enum vocab)kinds[k].vocab, slug, label,
	    err);
}

/* "3 ... (theme:a, skill:b, and 1 more)" of the missing words. */
static int
refuse(struct merger *m, int fixed, struct error *err)
{
	struct strbuf list = { 0 };
	size_t i;
	int rc;

	for (i = 0; i < m->r->nmissing && i < 3; i++)
		strbuf_addf(&list, "%s%s", i ? ", " : "", m->r->missing[i]);
	if (m->r->nmissing > 3)
		strbuf_addf(&list, ", and %zu more", m->r->nmissing - 3);
	if (fixed)
		rc = error_set(err, RC_INPUT, "it uses %zu word%s this roster "
		    "does not know (%s): a language or country it lacks "
		    "cannot be added; nothing was changed", m->r->nmissing,
		    m->r->nmissing == 1 ? "" : "s", strbuf_str(&list));
	else
		rc = error_set(err, RC_INPUT, "it uses %zu theme%s or skill%s "
		    "this pool lacks (%s): give --add-vocabulary to add them; "
		    "nothing was changed", m->r->nmissing, m->r->nmissing == 1 ?
		    "" : "s", m->r->nmissing == 1 ? "" : "s",
		    strbuf_str(&list));
	strbuf_free(&list);
	return rc;
}

/* Notes word of kind k if the pool lacks it, adding it when asked. */
static int
check(struct merger *m, const char *kind, const char *word, int *fixed,
    struct error *err)
{
	struct strbuf item = { 0 };
	size_t k;
	int rc, yes = 0;

	for (k = 0; k < NKINDS && strcmp(kinds[k].kind, kind) != 0; k++)
		continue;
	if (k == NKINDS || (rc = lacks(m, k, word, &yes, err)) != RC_OK)
		return k == NKINDS ? RC_OK : rc;
	if (!yes)
		return RC_OK;
	strbuf_addf(&item, "%s:%s", kind, word);
	merge_note_add(&m->r->missing, &m->r->nmissing, strbuf_str(&item));
	strbuf_free(&item);
	if (kinds[k].vocab == -1)
		*fixed = 1;
	else if (m->opts->add_vocabulary)
		return add(m, k, word, err);
	return RC_OK;
}

int
merge_vocab(struct merger *m, struct error *err)
{
	sqlite3_stmt *st;
	int rc, step = SQLITE_DONE, fixed = 0;

	if ((rc = merge_stage_prepare(m, &st, words_sql, err)) != RC_OK)
		return rc;
	while (rc == RC_OK && (step = sqlite3_step(st)) == SQLITE_ROW)
		rc = check(m, merge_col(st, 0), merge_col(st, 1), &fixed,
		    err);
	if (rc == RC_OK && step != SQLITE_DONE)
		rc = merge_stage_error(m, err);
	sqlite3_finalize(st);
	if (rc != RC_OK || m->r->nmissing == 0)
		return rc;
	if (fixed || !m->opts->add_vocabulary)
		return refuse(m, fixed, err);
	m->r->vocabulary_added = 1;
	return RC_OK;
}

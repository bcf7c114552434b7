#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fts.h"
#include "strbuf.h"
#include "terms.h"

/* Each person's document, by rowid (person.pk). */
#define FTS_COLUMNS "(rowid, names, agency, title, notes, missions)"
#define FTS_SELECT \
    " SELECT p.pk, fold_index(p.given_name || ' ' || p.family_name)," \
    " fold_index(p.agency), fold_index(p.rank), fold_index(p.notes)," \
    " fold_index((SELECT group_concat(m.name, ' ') FROM service s" \
    " JOIN mission m ON m.pk = s.mission WHERE s.person = p.pk))" \
    " FROM person p"
#define FTS_DOCUMENT FTS_COLUMNS FTS_SELECT

/*
 * The touched people's documents that are new or differ from what the
 * index holds, in temp.fts_doc: people whose record changed elsewhere
 * (a phone number) keep their entries.
 */
#define FTS_CHANGED \
    "CREATE TEMP TABLE IF NOT EXISTS fts_doc(names, agency, title, notes," \
    " missions); DELETE FROM temp.fts_doc;" \
    " INSERT INTO temp.fts_doc" FTS_DOCUMENT \
    " WHERE p.pk IN (SELECT pk FROM temp.touched);" \
    " DELETE FROM temp.fts_doc WHERE EXISTS (SELECT 1 FROM person_fts f" \
    " WHERE f.rowid = fts_doc.rowid AND f.names IS fts_doc.names" \
    " AND f.agency IS fts_doc.agency AND f.title IS fts_doc.title" \
    " AND f.notes IS fts_doc.notes AND f.missions IS fts_doc.missions);" \
    " DELETE FROM temp.touched"

/*
 * person_fts's tokenizer, as db/001-schema.sql makes it, so that the
 * words listed here are those FTS5 holds (terms_check holds the two
 * together).
 */
static const char *const tokenizer_args[] = { "remove_diacritics", "2" };
#define NTOKENIZER_ARGS \
    ((int)(sizeof tokenizer_args / sizeof tokenizer_args[0]))

/*
 * Entries replaced at once beyond which the term bitmaps are rebuilt
 * rather than told each change: a bulk load's, whose list of changes
 * (some sixty a person) would be millions long.
 */
#define FTS_BULK	20000

struct tokenizer {
	fts5_tokenizer	 api;
	Fts5Tokenizer	*t;
};

static int
tokenizer_open(struct store *s, struct tokenizer *tk, struct error *err)
{
	fts5_api *fts = NULL;
	sqlite3_stmt *st;
	void *ud;
	int rc;

	tk->t = NULL;
	if ((rc = store_cached(s, &st, "SELECT fts5(?1)", err)) != RC_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, (void *)&fts, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (fts == NULL || fts->xFindTokenizer(fts, "unicode61", &ud,
	    &tk->api) != SQLITE_OK || tk->api.xCreate(ud,
	    (const char **)tokenizer_args, NTOKENIZER_ARGS, &tk->t) !=
	    SQLITE_OK)
		return error_set(err, RC_DB, "words index: no FTS5 tokenizer");
	return RC_OK;
}

static void
tokenizer_close(struct tokenizer *tk)
{
	if (tk->t != NULL)
		tk->api.xDelete(tk->t);
}

/* Words, sorted and each once after words_sort. */
struct words {
	char	**w;
	size_t	 n, cap;
};

static int
words_add(void *arg, int flags, const char *tok, int len, int start, int end)
{
	struct words *ws = arg;

	(void)flags;
	(void)start;
	(void)end;
	if (ws->n == ws->cap) {
		ws->cap = ws->cap ? 2 * ws->cap : 32;
		ws->w = xrealloc(ws->w, ws->cap * sizeof *ws->w);
	}
	ws->w[ws->n] = xmalloc((size_t)len + 1);
	memcpy(ws->w[ws->n], tok, (size_t)len);
	ws->w[ws->n++][len] = '\0';
	return SQLITE_OK;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
words_sort(struct words *ws)
{
	size_t i, n = 0;

	if (ws->n > 0)
		qsort(ws->w, ws->n, sizeof *ws->w, str_cmp);
	for (i = 0; i < ws->n; i++)
		if (n > 0 && strcmp(ws->w[n - 1], ws->w[i]) == 0)
			free(ws->w[i]);
		else
			ws->w[n++] = ws->w[i];
	ws->n = n;
}

static void
words_free(struct words *ws)
{
	strv_free(ws->w, ws->n);
	memset(ws, 0, sizeof *ws);
}

/* Appends the words FTS5 makes of text (NULL: none), unsorted. */
static int
words_of(struct tokenizer *tk, const char *text, struct words *out,
    struct error *err)
{
	if (text == NULL)
		return RC_OK;
	if (tk->api.xTokenize(tk->t, out, FTS5_TOKENIZE_DOCUMENT, text,
	    (int)strlen(text), words_add) != SQLITE_OK)
		return error_set(err, RC_DB, "words index: tokenizer failed");
	return RC_OK;
}

/* The first n characters of a word, or NULL when it is no longer. */
static char *
word_start(const char *w, int n)
{
	const char *p = w;

	while (*p != '\0' && n > 0) {
		p++;
		while ((*p & 0xc0) == 0x80)
			p++;
		n--;
	}
	if (n > 0)
		return NULL;
	return memcpy(xcalloc(1, (size_t)(p - w) + 1), w, (size_t)(p - w));
}

/* The prefixes the "prefix" family keeps of sorted words. */
static void
words_prefixes(const struct words *ws, struct words *out)
{
	size_t i;
	char *p;
	int n;

	for (i = 0; i < ws->n; i++)
		for (n = 1; n <= TERMS_PREFIX_CHARS; n++)
			if ((p = word_start(ws->w[i], n)) != NULL) {
				words_add(out, 0, p, (int)strlen(p), 0, 0);
				free(p);
			}
	words_sort(out);
}

/* The changes from old to new of one family, both sorted. */
struct changes {
	struct term_change	*c;
	size_t			 n, cap;
};

static void
changes_add(struct changes *ch, const char *family, char *key,
    uint32_t person, int has)
{
	if (ch->n == ch->cap) {
		ch->cap = ch->cap ? 2 * ch->cap : 64;
		ch->c = xrealloc(ch->c, ch->cap * sizeof *ch->c);
	}
	ch->c[ch->n].family = family;
	ch->c[ch->n].key = xstrdup(key);
	ch->c[ch->n].person = person;
	ch->c[ch->n++].has = has;
}

static void
changes_free(struct changes *ch)
{
	size_t i;

	for (i = 0; i < ch->n; i++)
		free(ch->c[i].key);
	free(ch->c);
	memset(ch, 0, sizeof *ch);
}

static void
changes_diff(struct changes *ch, const char *family, uint32_t person,
    const struct words *old, const struct words *new)
{
	size_t i = 0, j = 0;
	int c;

	while (i < old->n || j < new->n) {
		c = i == old->n ? 1 : j == new->n ? -1 :
		    strcmp(old->w[i], new->w[j]);
		if (c < 0)
			changes_add(ch, family, old->w[i++], person, 0);
		else if (c > 0)
			changes_add(ch, family, new->w[j++], person, 1);
		else
			i++, j++;
	}
}

/*
 * One person's words and prefixes going from the old document (columns
 * 1..5 of st) to the new one (6..10).
 */
static int
person_changes(struct tokenizer *tk, sqlite3_stmt *st, uint32_t person,
    struct changes *ch, struct error *err)
{
	struct words w[2] = { { 0 } }, p[2] = { { 0 } };
	int i, k, rc = RC_OK;

	for (i = 0; i < 2 && rc == RC_OK; i++) {
		for (k = 0; k < 5 && rc == RC_OK; k++)
			rc = words_of(tk, (const char *)sqlite3_column_text(st,
			    1 + 5 * i + k), &w[i], err);
		words_sort(&w[i]);
		words_prefixes(&w[i], &p[i]);
	}
	if (rc == RC_OK) {
		changes_diff(ch, "word", person, &w[0], &w[1]);
		changes_diff(ch, "prefix", person, &p[0], &p[1]);
	}
	for (i = 0; i < 2; i++) {
		words_free(&w[i]);
		words_free(&p[i]);
	}
	return rc;
}

/*
 * The term bitmaps of words (terms.h) told what the documents of sql
 * change: rows of pk, the five columns of the old document and those of
 * the new (NULL: none), ?1 bound to pk when not 0.
 */
static int
words_change(struct store *s, const char *sql, long long pk,
    struct error *err)
{
	struct changes ch = { 0 };
	struct tokenizer tk;
	sqlite3_stmt *st;
	int kept, rc, step;

	if ((rc = terms_kept(s, &kept, err)) != RC_OK || !kept)
		return rc;
	if ((rc = store_prepare(s, &st, sql, err)) != RC_OK)
		return rc;
	if (pk != 0)
		sqlite3_bind_int64(st, 1, pk);
	if ((rc = tokenizer_open(s, &tk, err)) == RC_OK) {
		while ((step = sqlite3_step(st)) == SQLITE_ROW)
			if ((rc = person_changes(&tk, st, (uint32_t)
			    sqlite3_column_int64(st, 0), &ch, err)) != RC_OK)
				break;
		if (rc == RC_OK && step != SQLITE_DONE)
			rc = store_error(s, err, "words index");
	}
	tokenizer_close(&tk);
	sqlite3_finalize(st);
	if (rc == RC_OK)
		rc = terms_apply(s, ch.c, ch.n, err);
	changes_free(&ch);
	return rc;
}

/* The changed documents of temp.fts_doc beside what the index holds. */
#define WORDS_REPLACED \
    "SELECT d.rowid, f.names, f.agency, f.title, f.notes, f.missions," \
    " d.names, d.agency, d.title, d.notes, d.missions FROM temp.fts_doc d" \
    " LEFT JOIN person_fts f ON f.rowid = d.rowid"
/* One entry going. */
#define WORDS_GONE \
    "SELECT rowid, names, agency, title, notes, missions, NULL, NULL," \
    " NULL, NULL, NULL FROM person_fts WHERE rowid = ?1"

/*
 * FTS5 keeps a replaced document's words in its older segments, next to
 * a deletion marker, until segments are merged; the 'secure-delete'
 * option that drops them at once needs SQLite 3.42, newer than Debian
 * 12's.  Merging the index into one segment ('optimize') drops them, and
 * secure_delete zeroes the pages the old segments leave, so a replaced
 * name is gone from the file, not just from search.
 */
static int
fts_replace(struct store *s, struct error *err)
{
	int rc, replaced;

	if ((rc = store_exec(s, "DELETE FROM person_fts WHERE rowid IN"
	    " (SELECT rowid FROM temp.fts_doc)", err)) != RC_OK)
		return rc;
	replaced = sqlite3_changes(s->db);
	if ((rc = store_exec(s, "INSERT INTO person_fts(rowid, names, agency,"
	    " title, notes, missions) SELECT rowid, * FROM temp.fts_doc;"
	    " DELETE FROM temp.fts_doc",
	    err)) != RC_OK || replaced == 0)
		return rc;
	store_scrub(s);
	return store_exec(s, "INSERT INTO person_fts(person_fts)"
	    " VALUES ('optimize')", err);
}

int
fts_refresh(struct store *s, int all, struct error *err)
{
	long long n;
	int rc;

	/* Every entry anew, and so every term bitmap before COMMIT. */
	if (all)
		return (rc = terms_suspend(s, err)) != RC_OK ? rc :
		    store_exec(s, "DELETE FROM person_fts; "
		    "INSERT INTO person_fts" FTS_DOCUMENT, err);
	if ((rc = store_exec(s, FTS_CHANGED, err)) != RC_OK ||
	    (rc = store_int(s, "SELECT count(*) FROM temp.fts_doc", &n,
	    err)) != RC_OK)
		return rc;
	/* Many entries: every term bitmap anew before COMMIT costs less
	 * than telling each change, and holds no list of them in memory. */
	if (n > FTS_BULK)
		rc = terms_suspend(s, err);
	else
		rc = words_change(s, WORDS_REPLACED, 0, err);
	return rc != RC_OK ? rc : fts_replace(s, err);
}

int
fts_forget(struct store *s, long long pk, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = words_change(s, WORDS_GONE, pk, err)) != RC_OK ||
	    (rc = store_prepare(s, &st, "DELETE FROM person_fts"
	    " WHERE rowid = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	rc = sqlite3_step(st) == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "words index");
	sqlite3_finalize(st);
	return rc;
}

int
fts_word(struct store *s, const char *text, struct strbuf *word,
    int *nwords, struct error *err)
{
	struct words ws = { 0 };
	struct tokenizer tk;
	int rc;

	*nwords = 0;
	if ((rc = tokenizer_open(s, &tk, err)) == RC_OK &&
	    (rc = words_of(&tk, text, &ws, err)) == RC_OK) {
		*nwords = (int)ws.n;
		if (ws.n > 0)
			strbuf_adds(word, ws.w[0]);
	}
	tokenizer_close(&tk);
	words_free(&ws);
	return rc;
}

int
fts_fold(struct store *s, const char *text, struct strbuf *out,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_cached(s, &st, "SELECT fold(?)", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		strbuf_adds(out, (const char *)sqlite3_column_text(st, 0));
	else
		rc = store_error(s, err, "fold");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

/*
 * What fts_check finds, one query each: people without an entry, entries
 * that are not what fts_refresh would write, entries of no one.
 */
static const char *const check_sql[] = {
	"SELECT p.given_name || ' ' || p.family_name, 'has no entry'"
	" FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_fts f"
	" WHERE f.rowid = p.pk)",
	"WITH doc" FTS_COLUMNS " AS (" FTS_SELECT ")"
	" SELECT p.given_name || ' ' || p.family_name,"
	" 'has an entry that differs from the record'"
	" FROM doc d JOIN person_fts f ON f.rowid = d.rowid"
	" JOIN person p ON p.pk = d.rowid"
	" WHERE NOT (f.names IS d.names AND f.agency IS d.agency"
	" AND f.title IS d.title AND f.notes IS d.notes"
	" AND f.missions IS d.missions)",
	"SELECT 'entry ' || f.rowid, 'belongs to no one' FROM person_fts f"
	" WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.pk = f.rowid)",
};

int
fts_check(struct store *s, void (*problem)(const char *, void *), void *arg,
    struct error *err)
{
	sqlite3_stmt *st;
	char msg[512];
	size_t i;
	int rc;

	for (i = 0; i < sizeof check_sql / sizeof check_sql[0]; i++) {
		if ((rc = store_prepare(s, &st, check_sql[i], err)) != RC_OK)
			return rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			snprintf(msg, sizeof msg, "words index: %s %s",
			    (const char *)sqlite3_column_text(st, 0),
			    (const char *)sqlite3_column_text(st, 1));
			problem(msg, arg);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, err, "words index");
	}
	return RC_OK;
}

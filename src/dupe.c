/*
 * Likely duplicates: the e-mails and phones of the pool are read into an
 * indexed temporary table on the first look-up (most imports have ids on
 * every row and never make one), and those of each person written after
 * it are added; a person's candidates are those with the same contact,
 * and names are compared in C, folded by the words index's own tokenizer
 * so that the two never disagree about what "the same name" is.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dupe.h"
#include "fts.h"
#include "strbuf.h"

/* A phone's digits: import lets only these other characters in. */
#define DIGITS(x) "replace(replace(replace(replace(replace(replace(" x \
    ", ' ', ''), '+', ''), '-', ''), '(', ''), ')', ''), '.', '')"
/* The contacts of person rows as "e:mail" and "p:digits". */
#define CONTACTS(where, at) \
    "SELECT 'e:' || lower(email), pk, " at " FROM person WHERE " where \
    " AND email <> '' UNION ALL SELECT 'p:' || " DIGITS("phone") ", pk, " \
    at " FROM person WHERE " where " AND " DIGITS("phone") " <> ''"

enum { Q_NOTE, Q_LOAD, Q_FIND, Q_N };

static const char *const queries[Q_N] = {
	[Q_NOTE] = "INSERT INTO temp.dupe(contact, pk, at) "
	    CONTACTS("pk = ?1", "?2"),
	[Q_LOAD] = "INSERT INTO temp.dupe(contact, pk, at) "
	    CONTACTS("1", "(SELECT at FROM temp.seen s"
	    " WHERE s.id = person.id)"),
	[Q_FIND] = "SELECT p.id, p.given_name, p.family_name, d.at,"
	    " substr(d.contact, 1, 1) FROM temp.dupe d JOIN person p"
	    " ON p.pk = d.pk WHERE d.contact IN (?1, ?2)"
	    " ORDER BY d.at IS NULL, d.rowid",
};

/* The words index's tokenizer and arguments (db/001-schema.sql). */
static const char *const tokenizer_args[] = { "remove_diacritics", "2" };

struct dupe_names {
	fts5_tokenizer	 tok;
	Fts5Tokenizer	*t;
};

struct dupe_finder {
	struct store		*store;
	sqlite3_stmt		*q[Q_N];
	int			 loaded;	/* the pool is in temp.dupe */
	struct dupe_names	*names;
};

static fts5_api *
fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

int
dupe_names_new(struct store *s, struct dupe_names **out, struct error *err)
{
	fts5_api *api = fts5_api_of(s->db);
	struct dupe_names *n = xcalloc(1, sizeof *n);
	void *ud;

	*out = NULL;
	if (api == NULL || api->xFindTokenizer(api, "unicode61", &ud,
	    &n->tok) != SQLITE_OK || n->tok.xCreate(ud, (const char **)
	    tokenizer_args, 2, &n->t) != SQLITE_OK) {
		free(n);
		return error_set(err, RC_DB, "SQLite has no unicode61 "
		    "tokenizer (FTS5)");
	}
	*out = n;
	return RC_OK;
}

void
dupe_names_free(struct dupe_names *n)
{
	if (n == NULL)
		return;
	n->tok.xDelete(n->t);
	free(n);
}

int
dupe_finder_new(struct store *s, struct dupe_finder **out, struct error *err)
{
	struct dupe_finder *f;
	int i, rc;

	*out = NULL;
	if ((rc = store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS dupe(contact "
	    "TEXT, pk INTEGER, at TEXT); DELETE FROM temp.dupe; CREATE INDEX "
	    "IF NOT EXISTS temp.dupe_contact ON dupe(contact); CREATE INDEX "
	    "IF NOT EXISTS temp.dupe_pk ON dupe(pk)", err)) != RC_OK)
		return rc;
	f = xcalloc(1, sizeof *f);
	f->store = s;
	for (i = 0; i < Q_N; i++)
		if ((rc = store_prepare(s, &f->q[i], queries[i], err)) !=
		    RC_OK) {
			dupe_finder_free(f);
			return rc;
		}
	if ((rc = dupe_names_new(s, &f->names, err)) != RC_OK) {
		dupe_finder_free(f);
		return rc;
	}
	*out = f;
	return RC_OK;
}

void
dupe_finder_free(struct dupe_finder *f)
{
	int i;

	if (f == NULL)
		return;
	for (i = 0; i < Q_N; i++)
		sqlite3_finalize(f->q[i]);
	dupe_names_free(f->names);
	free(f);
}

/* Steps a statement that returns no row and resets it. */
static int
run(struct dupe_finder *f, int which, struct error *err)
{
	int rc = sqlite3_step(f->q[which]);

	sqlite3_reset(f->q[which]);
	sqlite3_clear_bindings(f->q[which]);
	if (rc != SQLITE_DONE)
		return store_error(f->store, err, "duplicates");
	return RC_OK;
}

int
dupe_note(struct dupe_finder *f, long long pk, const char *at,
    struct error *err)
{
	/* The first look-up reads everyone written before it. */
	if (!f->loaded)
		return RC_OK;
	sqlite3_bind_int64(f->q[Q_NOTE], 1, pk);
	sqlite3_bind_text(f->q[Q_NOTE], 2, at, -1, SQLITE_STATIC);
	return run(f, Q_NOTE, err);
}

static int
add_token(void *ctx, int flags, const char *token, int n, int start, int end)
{
	struct strbuf *key = ctx;

	(void)start;
	(void)end;
	if (!(flags & FTS5_TOKEN_COLOCATED))
		strbuf_addf(key, "%s%.*s", key->len > 0 ? " " : "", n, token);
	return SQLITE_OK;
}

void
dupe_names_key(struct dupe_names *n, const char *folded, size_t len,
    struct strbuf *key)
{
	strbuf_adds(key, "");
	n->tok.xTokenize(n->t, key, FTS5_TOKENIZE_DOCUMENT, folded, (int)len,
	    add_token);
}

/* A name as the words index sees it: "de vries" for "De Vries". */
static void
name_key(struct dupe_finder *f, const char *name, struct strbuf *key)
{
	struct strbuf folded = { 0 };
	struct error err;

	/* Unfolded if the fold fails: names then compare as written. */
	if (fts_fold(f->store, name, &folded, &err) != RC_OK) {
		strbuf_free(&folded);
		strbuf_adds(&folded, name);
	}
	dupe_names_key(f->names, folded.s, folded.len, key);
	strbuf_free(&folded);
}

/* Whether two names are the same as the words index sees them. */
static int
same_name(struct dupe_finder *f, const char *a, const char *b)
{
	struct strbuf ka = { 0 }, kb = { 0 };
	int same;

	name_key(f, a, &ka);
	name_key(f, b, &kb);
	same = strcmp(strbuf_str(&ka), strbuf_str(&kb)) == 0;
	strbuf_free(&ka);
	strbuf_free(&kb);
	return same;
}

/* p's contacts as Q_FIND looks them up; "" when there is none. */
static void
contacts(const struct person *p, struct strbuf *mail, struct strbuf *phone)
{
	const char *c;

	strbuf_adds(mail, "");
	strbuf_adds(phone, "");
	if (p->email != NULL && *p->email != '\0') {
		strbuf_adds(mail, "e:");
		for (c = p->email; *c != '\0'; c++)
			strbuf_addf(mail, "%c", tolower((unsigned char)*c));
	}
	for (c = p->phone ? p->phone : ""; *c != '\0'; c++)
		if (isdigit((unsigned char)*c))
			strbuf_addf(phone, "%s%c", phone->len ? "" : "p:", *c);
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);

	return v != NULL ? v : "";
}

int
dupe_find(struct dupe_finder *f, const struct person *p, int *found,
    struct dupe_match *m, struct error *err)
{
	struct strbuf mail = { 0 }, phone = { 0 };
	sqlite3_stmt *st = f->q[Q_FIND];
	const char *given, *family;
	int rc = RC_OK, step = SQLITE_DONE;

	*found = 0;
	contacts(p, &mail, &phone);
	if (mail.len + phone.len == 0)
		goto out;
	if (!f->loaded) {
		if ((rc = run(f, Q_LOAD, err)) != RC_OK)
			goto out;
		f->loaded = 1;
	}
	sqlite3_bind_text(st, 1, strbuf_str(&mail), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, strbuf_str(&phone), -1, SQLITE_STATIC);
	while (!*found && (step = sqlite3_step(st)) == SQLITE_ROW) {
		given = col_text(st, 1);
		family = col_text(st, 2);
		if (!same_name(f, given, p->given_name ? p->given_name : "") ||
		    !same_name(f, family, p->family_name))
			continue;
		*found = 1;
		snprintf(m->id, sizeof m->id, "%s", col_text(st, 0));
		snprintf(m->name, sizeof m->name, "%s%s%s", given,
		    *given != '\0' ? " " : "", family);
		snprintf(m->at, sizeof m->at, "%s", col_text(st, 3));
		m->by = *col_text(st, 4) == 'e' ? "e-mail" : "phone";
	}
	if (!*found && step != SQLITE_DONE)
		rc = store_error(f->store, err, "duplicates");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
out:
	strbuf_free(&mail);
	strbuf_free(&phone);
	return rc;
}

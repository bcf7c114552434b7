/*
 * Term bitmaps: kept from the rows by the triggers of db/006-terms.sql and
 * the fold below, read by search.c.  A bitmap is CRoaring's portable
 * serialisation, run-optimised, one row of term per non-empty key.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <roaring/roaring.h>

#include "date.h"
#include "store.h"
#include "store_int.h"
#include "strbuf.h"
#include "terms.h"
#include "terms_window.h"

/*
 * Each family: every (key, person) pair of the rows, keys as the triggers
 * write them; and whether one person has one key (?1 person, ?2 key).
 */
#define DATE_FAMILY(d) { d, "SELECT coalesce(substr(" d "_expiry, 1, 7),"\
    " ''), pk FROM person", "SELECT 1 FROM person WHERE pk = ?1 AND"\
    " coalesce(substr(" d "_expiry, 1, 7), '') = ?2" }
/*
 * A notice's key, as schema 8's triggers write it: notice:N asks
 * notice_days <= N, so a fraction (written with sqlite3) is keyed by the
 * next whole number up and text, which SQLite sorts after every number,
 * by '~', past every key a filter asks for.
 */
#define NOTICE_KEY "CASE typeof(notice_days) WHEN 'integer' THEN"\
    " printf('%010d', notice_days) WHEN 'real' THEN printf('%010d',"\
    " CAST(notice_days AS INTEGER) + (notice_days >"\
    " CAST(notice_days AS INTEGER))) ELSE '~' END"
static const struct family {
	const char	*name;
	const char	*all_sql;
	const char	*has_sql;
} families[] = {
	{ "agency", "SELECT lower(agency), pk FROM person",
	    "SELECT 1 FROM person WHERE pk = ?1 AND lower(agency) = ?2" },
	{ "origin", "SELECT lower(origin), pk FROM person",
	    "SELECT 1 FROM person WHERE pk = ?1 AND lower(origin) = ?2" },
	{ "status", "SELECT status, pk FROM person",
	    "SELECT 1 FROM person WHERE pk = ?1 AND status = ?2" },
	{ "gender", "SELECT gender, pk FROM person",
	    "SELECT 1 FROM person WHERE pk = ?1 AND gender = ?2" },
	{ "notice", "SELECT " NOTICE_KEY ", pk FROM person",
	    "SELECT 1 FROM person WHERE pk = ?1 AND " NOTICE_KEY " = ?2" },
	{ "lang", "SELECT code || ':' || level, person FROM person_language",
	    "SELECT 1 FROM person_language WHERE person = ?1 AND"
	    " code || ':' || level = ?2" },
	{ "theme", "SELECT slug, person FROM person_theme UNION ALL"
	    " SELECT slug, person FROM service_theme",
	    "SELECT 1 FROM person_theme WHERE person = ?1 AND slug = ?2"
	    " UNION ALL SELECT 1 FROM service_theme WHERE person = ?1"
	    " AND slug = ?2" },
	{ "skill", "SELECT slug, person FROM person_skill",
	    "SELECT 1 FROM person_skill WHERE person = ?1 AND slug = ?2" },
	{ "country", "SELECT country, person FROM service",
	    "SELECT 1 FROM service WHERE person = ?1 AND country = ?2" },
	{ "mission", "SELECT mission, person FROM service",
	    "SELECT 1 FROM service WHERE person = ?1 AND mission = ?2" },
	{ "ready", "SELECT substr(ready_until, 1, 7), pk FROM person",
	    "SELECT 1 FROM person WHERE pk = ?1 AND"
	    " substr(ready_until, 1, 7) = ?2" },
	DATE_FAMILY("passport"),
	DATE_FAMILY("medical"),
	DATE_FAMILY("heat"),
	/*
	 * The words index as FTS5 holds it (db/007-words.sql's vocabulary):
	 * each word, and the first 1, 2 and 3 characters of each.  fts.c
	 * says what its writes change (terms_apply), as it knows both
	 * documents; rechecking a person against a one-letter prefix would
	 * cost FTS5 the whole prefix.
	 */
	/* Bands of the name order (search.c): family names by their
	 * first two characters, ASCII folded as COLLATE NOCASE does. */
	{ "name", "SELECT lower(substr(family_name, 1, 2)), pk FROM person",
	    "SELECT 1 FROM person WHERE pk = ?1 AND"
	    " lower(substr(family_name, 1, 2)) = ?2" },
	{ "word", "SELECT term, doc FROM person_fts_words", NULL },
	{ "prefix", NULL, NULL },	/* of "word"'s keys: prefix_build */
};
#define NFAMILIES (sizeof families / sizeof families[0])

static const struct family *
family_find(const char *name)
{
	size_t i;

	for (i = 0; i < NFAMILIES; i++)
		if (strcmp(families[i].name, name) == 0)
			return &families[i];
	return NULL;
}

static int
live_get(struct store *s, int *live, struct error *err)
{
	long long v;
	int rc;

	if ((rc = store_int(s, "SELECT live FROM term_state", &v, err)) ==
	    RC_OK)
		*live = v != 0;
	return rc;
}

/* A person's pk as a bitmap's 32-bit member. */
static int
member(long long pk, uint32_t *m, struct error *err)
{
	if (pk < 0 || pk > (long long)UINT32_MAX)
		return error_set(err, RC_DB, "person %lld: beyond the term "
		    "bitmaps' 32-bit range", pk);
	*m = (uint32_t)pk;
	return RC_OK;
}

/*
 * A stored bitmap, or NULL when the BLOB is not one.  It is checked first:
 * CRoaring's deserialiser prints to stderr (over the full screen) when it
 * meets a bad one, and trusts the containers' contents, which a damaged
 * BLOB turns into writes past the end of its memory.
 */
static roaring_bitmap_t *
blob_bitmap(const void *blob, int n)
{
	if (blob == NULL || n <= 0 || !bitmap_portable_valid(blob, (size_t)n) ||
	    roaring_bitmap_portable_deserialize_size(blob, (size_t)n) !=
	    (size_t)n)
		return NULL;
	return roaring_bitmap_portable_deserialize_safe(blob, (size_t)n);
}

/* The stored bitmap of one key, or an empty one; *out is the caller's. */
static int
load(struct store *s, const char *family, const char *key,
    roaring_bitmap_t **out, struct error *err)
{
	sqlite3_stmt *st;
	const void *blob;
	int rc, n;

	if ((rc = store_prepare(s, &st, "SELECT bits FROM term WHERE"
	    " family = ? AND key = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, family, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	*out = NULL;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		blob = sqlite3_column_blob(st, 0);
		n = sqlite3_column_bytes(st, 0);
		if ((*out = blob_bitmap(blob, n)) == NULL)
			rc = error_set(err, RC_DB, "term bitmap %s %s: "
			    "damaged (roster check --repair rebuilds it)",
			    family, key);
		else
			rc = RC_OK;
	} else if (rc == SQLITE_DONE) {
		*out = roaring_bitmap_create();
		rc = RC_OK;
	} else
		rc = store_error(s, err, "term bitmaps");
	sqlite3_finalize(st);
	return rc;
}

/* One key's BLOB written, or its row removed when there is none (n 0). */
static int
save_blob(struct store *s, const char *family, const char *key,
    const void *blob, size_t n, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (n == 0)
		rc = store_prepare(s, &st, "DELETE FROM term WHERE"
		    " family = ? AND key = ?", err);
	else
		rc = store_prepare(s, &st, "INSERT OR REPLACE INTO"
		    " term(family, key, bits) VALUES (?, ?, ?)", err);
	if (rc != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, family, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	if (n > 0)
		sqlite3_bind_blob(st, 3, blob, (int)n, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "term bitmaps");
	sqlite3_finalize(st);
	return rc;
}

static int
save(struct store *s, const char *family, const char *key,
    roaring_bitmap_t *r, struct error *err)
{
	char *buf = NULL;
	size_t n = 0;
	int rc;

	if (!roaring_bitmap_is_empty(r)) {
		roaring_bitmap_run_optimize(r);
		buf = xmalloc(roaring_bitmap_portable_size_in_bytes(r));
		n = roaring_bitmap_portable_serialize(r, buf);
	}
	rc = save_blob(s, family, key, buf, n, err);
	free(buf);
	return rc;
}

/* One block of windows made anew from the rows. */
static int
window_save(struct store *s, long long block, struct error *err)
{
	unsigned char *blob;
	char key[24];
	size_t n;
	int rc;

	if ((rc = window_block(s, block, &blob, &n, err)) != RC_OK)
		return rc;
	snprintf(key, sizeof key, "%05lld", block);
	rc = save_blob(s, "window", key, blob, n, err);
	free(blob);
	return rc;
}

static int
windows_rebuild(struct store *s, struct error *err)
{
	long long *blocks;
	size_t n, i;
	int rc;

	if ((rc = store_exec(s, "DELETE FROM term WHERE family = 'window'",
	    err)) != RC_OK ||
	    (rc = window_blocks(s, &blocks, &n, err)) != RC_OK)
		return rc;
	for (i = 0; rc == RC_OK && i < n; i++)
		rc = window_save(s, blocks[i], err);
	free(blocks);
	return rc;
}

/* Sets or clears person in r as the rows say; *changed when it moved. */
static int
recheck(struct store *s, sqlite3_stmt *has, const char *key, long long pk,
    roaring_bitmap_t *r, int *changed, struct error *err)
{
	uint32_t m = 0;
	int rc, yes;

	if ((rc = member(pk, &m, err)) != RC_OK)
		return rc;
	sqlite3_reset(has);
	sqlite3_bind_int64(has, 1, pk);
	sqlite3_bind_text(has, 2, key, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(has)) != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, err, "term bitmaps");
	yes = rc == SQLITE_ROW;
	if (yes != roaring_bitmap_contains(r, m)) {
		if (yes)
			roaring_bitmap_add(r, m);
		else
			roaring_bitmap_remove(r, m);
		*changed = 1;
	}
	return RC_OK;
}

/*
 * Applies to r what term_dirty notes for one key, as the rows are now:
 * for the fold, and for a reader after another program wrote.
 */
static int
apply_dirty(struct store *s, const struct family *f, const char *key,
    roaring_bitmap_t *r, int *changed, struct error *err)
{
	sqlite3_stmt *st, *has;
	int rc, step;

	if (f->has_sql == NULL)		/* never noted: terms_apply's */
		return RC_OK;
	if ((rc = store_prepare(s, &st, "SELECT DISTINCT person FROM"
	    " term_dirty WHERE family = ? AND key = ?", err)) != RC_OK)
		return rc;
	if ((rc = store_prepare(s, &has, f->has_sql, err)) != RC_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_bind_text(st, 1, f->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = recheck(s, has, key, sqlite3_column_int64(st, 0), r,
		    changed, err)) != RC_OK)
			break;
	if (rc == RC_OK && step != SQLITE_DONE)
		rc = store_error(s, err, "term bitmaps");
	sqlite3_finalize(has);
	sqlite3_finalize(st);
	return rc;
}

static void
keys_free(char **keys, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

/* One (family, key) group of term_dirty while it is folded. */
struct fold {
	struct store		*s;
	sqlite3_stmt		*has[NFAMILIES];	/* prepared once */
	const struct family	*f;			/* NULL: a window */
	char			*family, *key;
	roaring_bitmap_t	*r;
	int			 changed;
};

static void
fold_free(struct fold *g)
{
	if (g->r != NULL)
		roaring_bitmap_free(g->r);
	free(g->family);
	free(g->key);
	g->r = NULL;
	g->family = g->key = NULL;
}

/* The group done: its bitmap saved if a person moved, its block of
 * windows made anew. */
static int
fold_flush(struct fold *g, struct error *err)
{
	int rc = RC_OK;

	if (g->key == NULL)
		return RC_OK;
	if (g->f == NULL)
		rc = window_save(g->s, strtoll(g->key, NULL, 10), err);
	else if (g->changed)
		rc = save(g->s, g->f->name, g->key, g->r, err);
	fold_free(g);
	return rc;
}

static int
fold_start(struct fold *g, const char *family, const char *key,
    struct error *err)
{
	size_t i;
	int rc;

	g->family = xstrdup(family);
	g->key = xstrdup(key);
	g->changed = 0;
	g->f = NULL;
	if (strcmp(family, "window") == 0)
		return RC_OK;
	/* A family with no has_sql is never noted: terms_apply's. */
	if ((g->f = family_find(family)) == NULL || g->f->has_sql == NULL)
		return error_set(err, RC_DB, "term bitmaps: unknown family "
		    "'%s' noted", family);
	i = (size_t)(g->f - families);
	if (g->has[i] == NULL &&
	    (rc = store_prepare(g->s, &g->has[i], g->f->has_sql, err)) !=
	    RC_OK)
		return rc;
	return load(g->s, family, key, &g->r, err);
}

/*
 * The noted rows, in one pass sorted by family and key: each person of a
 * group rechecked against the rows, each bitmap read and written once.
 */
static int
fold_dirty(struct store *s, struct error *err)
{
	struct fold g = { .s = s };
	sqlite3_stmt *st;
	const char *family, *key;
	size_t i;
	int rc, step, any = 0;

	if ((rc = store_prepare(s, &st, "SELECT family, key, person FROM"
	    " term_dirty ORDER BY 1, 2", err)) != RC_OK)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		any = 1;
		family = (const char *)sqlite3_column_text(st, 0);
		key = (const char *)sqlite3_column_text(st, 1);
		if (g.key == NULL || strcmp(g.family, family) != 0 ||
		    strcmp(g.key, key) != 0) {
			if ((rc = fold_flush(&g, err)) != RC_OK ||
			    (rc = fold_start(&g, family, key, err)) != RC_OK)
				break;
		}
		if (g.f != NULL && (rc = recheck(s, g.has[g.f - families], g.key,
		    sqlite3_column_int64(st, 2), g.r, &g.changed, err)) !=
		    RC_OK)
			break;
	}
	if (rc == RC_OK && step != SQLITE_DONE)
		rc = store_error(s, err, "term bitmaps");
	sqlite3_finalize(st);
	if (rc == RC_OK)
		rc = fold_flush(&g, err);
	fold_free(&g);
	for (i = 0; i < NFAMILIES; i++)
		sqlite3_finalize(g.has[i]);
	if (rc == RC_OK && any)
		rc = store_exec(s, "DELETE FROM term_dirty", err);
	return rc;
}

int
terms_fold(struct store *s, struct error *err)
{
	int live, rc;

	if ((rc = live_get(s, &live, err)) != RC_OK)
		return rc;
	return live ? fold_dirty(s, err) : terms_rebuild(s, err);
}

int
terms_suspend(struct store *s, struct error *err)
{
	return store_exec(s, "UPDATE term_state SET live = 0", err);
}

int
terms_kept(struct store *s, int *kept, struct error *err)
{
	return live_get(s, kept, err);
}

static int
change_cmp(const void *a, const void *b)
{
	const struct term_change *x = a, *y = b;
	int c;

	if ((c = strcmp(x->family, y->family)) != 0)
		return c;
	return strcmp(x->key, y->key);
}

int
terms_apply(struct store *s, struct term_change *c, size_t n,
    struct error *err)
{
	roaring_bitmap_t *r;
	size_t i, j;
	int changed, rc = RC_OK;

	if (n > 1)
		qsort(c, n, sizeof *c, change_cmp);
	for (i = 0; rc == RC_OK && i < n; i = j) {
		if ((rc = load(s, c[i].family, c[i].key, &r, err)) != RC_OK)
			break;
		changed = 0;
		for (j = i; j < n && change_cmp(&c[i], &c[j]) == 0; j++)
			if (c[j].has != roaring_bitmap_contains(r,
			    c[j].person)) {
				if (c[j].has)
					roaring_bitmap_add(r, c[j].person);
				else
					roaring_bitmap_remove(r, c[j].person);
				changed = 1;
			}
		if (changed)
			rc = save(s, c[i].family, c[i].key, r, err);
		roaring_bitmap_free(r);
	}
	return rc;
}

/* Keys to bitmaps, while a family is built from its rows. */
struct keymap {
	struct keymap_entry {
		char			*key;
		roaring_bitmap_t	*r;
		int			 seen;	/* by terms_check */
	}		*e;
	size_t		 n, cap;	/* cap: a power of two, or 0 */
	size_t		 last;		/* the entry of the previous row */
};

static uint64_t
key_hash(const char *k)
{
	uint64_t h = 1469598103934665603ULL;

	while (*k != '\0')
		h = (h ^ (unsigned char)*k++) * 1099511628211ULL;
	return h;
}

static void
keymap_grow(struct keymap *m)
{
	struct keymap_entry *old = m->e;
	size_t oldcap = m->cap, i, j;

	m->cap = oldcap ? 2 * oldcap : 64;
	m->e = xcalloc(m->cap, sizeof *m->e);
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		j = key_hash(old[i].key) & (m->cap - 1);
		while (m->e[j].key != NULL)
			j = (j + 1) & (m->cap - 1);
		m->e[j] = old[i];
	}
	free(old);
}

/* The bitmap of key, made empty the first time; rows come grouped by key
 * more often than not, so the previous row's entry is tried first. */
static roaring_bitmap_t *
keymap_get(struct keymap *m, const char *key)
{
	size_t j;

	if (m->cap > 0 && m->e[m->last].key != NULL &&
	    strcmp(m->e[m->last].key, key) == 0)
		return m->e[m->last].r;
	if (2 * (m->n + 1) > m->cap)
		keymap_grow(m);
	j = key_hash(key) & (m->cap - 1);
	while (m->e[j].key != NULL && strcmp(m->e[j].key, key) != 0)
		j = (j + 1) & (m->cap - 1);
	if (m->e[j].key == NULL) {
		m->e[j].key = xstrdup(key);
		m->e[j].r = roaring_bitmap_create();
		m->n++;
	}
	m->last = j;
	return m->e[j].r;
}

/* key's entry, or NULL. */
static struct keymap_entry *
keymap_find(struct keymap *m, const char *key)
{
	size_t j;

	if (m->cap == 0)
		return NULL;
	j = key_hash(key) & (m->cap - 1);
	while (m->e[j].key != NULL && strcmp(m->e[j].key, key) != 0)
		j = (j + 1) & (m->cap - 1);
	return m->e[j].key != NULL ? &m->e[j] : NULL;
}

static void
keymap_free(struct keymap *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		if (m->e[i].key != NULL) {
			free(m->e[i].key);
			roaring_bitmap_free(m->e[i].r);
		}
	free(m->e);
	memset(m, 0, sizeof *m);
}

static int family_build(struct store *, const struct family *,
    struct keymap *, struct error *);

/*
 * The prefixes of the words, each the union of the words it starts: three
 * scans of the index's vocabulary would cost ten times one.
 */
static int
prefix_build(struct store *s, struct keymap *m, struct error *err)
{
	struct keymap words = { 0 };
	const char *p;
	size_t i;
	char key[4 * TERMS_PREFIX_CHARS + 1];
	int n, rc;

	if ((rc = family_build(s, family_find("word"), &words, err)) != RC_OK) {
		keymap_free(&words);
		return rc;
	}
	for (i = 0; i < words.cap; i++) {
		if (words.e[i].key == NULL)
			continue;
		p = words.e[i].key;
		for (n = 1; n <= TERMS_PREFIX_CHARS && *p != '\0'; n++) {
			/* Past one character of UTF-8. */
			for (p++; (*p & 0xc0) == 0x80; p++)
				continue;
			if ((size_t)(p - words.e[i].key) >= sizeof key)
				break;
			memcpy(key, words.e[i].key, (size_t)(p - words.e[i].key));
			key[p - words.e[i].key] = '\0';
			roaring_bitmap_or_inplace(keymap_get(m, key),
			    words.e[i].r);
		}
	}
	keymap_free(&words);
	return RC_OK;
}

/* Every key of a family with its people, from the rows. */
static int
family_build(struct store *s, const struct family *f, struct keymap *m,
    struct error *err)
{
	sqlite3_stmt *st;
	uint32_t pk = 0;
	int rc, step;

	if (f->all_sql == NULL)
		return prefix_build(s, m, err);
	if ((rc = store_prepare(s, &st, f->all_sql, err)) != RC_OK)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) == SQLITE_NULL)
			continue;
		if ((rc = member(sqlite3_column_int64(st, 1), &pk, err)) !=
		    RC_OK)
			break;
		roaring_bitmap_add(keymap_get(m, (const char *)
		    sqlite3_column_text(st, 0)), pk);
	}
	if (rc == RC_OK && step != SQLITE_DONE)
		rc = store_error(s, err, "term bitmaps");
	sqlite3_finalize(st);
	return rc;
}

static int
family_rebuild(struct store *s, const struct family *f, struct error *err)
{
	struct keymap m = { 0 };
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if ((rc = store_prepare(s, &st, "DELETE FROM term WHERE family = ?",
	    err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, f->name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "term bitmaps");
	sqlite3_finalize(st);
	if (rc == RC_OK)
		rc = family_build(s, f, &m, err);
	for (i = 0; rc == RC_OK && i < m.cap; i++)
		if (m.e[i].key != NULL)
			rc = save(s, f->name, m.e[i].key, m.e[i].r, err);
	keymap_free(&m);
	return rc;
}

int
terms_rebuild(struct store *s, struct error *err)
{
	size_t i;
	int rc;

	if ((rc = store_exec(s, "DELETE FROM term_dirty", err)) != RC_OK)
		return rc;
	for (i = 0; i < NFAMILIES; i++)
		if ((rc = family_rebuild(s, &families[i], err)) != RC_OK)
			return rc;
	if ((rc = windows_rebuild(s, err)) != RC_OK)
		return rc;
	return store_exec(s, "UPDATE term_state SET live = 1", err);
}

/* out := out OR r, a batch of members at a time. */
static void
to_flat(const roaring_bitmap_t *r, struct bitmap *out)
{
	roaring_uint32_iterator_t it;
	uint32_t buf[1024], n, i;

	roaring_init_iterator(r, &it);
	while ((n = roaring_read_uint32_iterator(&it, buf, 1024)) > 0)
		for (i = 0; i < n; i++)
			bitmap_set(out, buf[i]);
}

/* One key as the rows have it now: stored, then what is noted since. */
static int
key_current(struct store *s, const struct family *f, const char *key,
    roaring_bitmap_t **r, struct error *err)
{
	int changed = 0, rc;

	if ((rc = load(s, f->name, key, r, err)) != RC_OK)
		return rc;
	if ((rc = apply_dirty(s, f, key, *r, &changed, err)) != RC_OK) {
		roaring_bitmap_free(*r);
		*r = NULL;
	}
	return rc;
}

/* The keys of a family in lo..hi that are stored or noted, each once. */
static int
range_keys(struct store *s, const struct family *f, const char *lo,
    const char *hi, char ***keys, size_t *n, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*keys = NULL;
	*n = 0;
	if ((rc = store_prepare(s, &st, "SELECT key FROM term WHERE"
	    " family = ?1 AND key >= ?2 AND (?3 IS NULL OR key <= ?3) UNION"
	    " SELECT key FROM term_dirty WHERE family = ?1 AND key >= ?2 AND"
	    " (?3 IS NULL OR key <= ?3)",
	    err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, f->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, hi, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*keys = xrealloc(*keys, (*n + 1) * sizeof **keys);
		(*keys)[(*n)++] = xstrdup((const char *)
		    sqlite3_column_text(st, 0));
	}
	rc = rc == SQLITE_DONE ? RC_OK : store_error(s, err, "term bitmaps");
	sqlite3_finalize(st);
	return rc;
}

/* The union when another program's writes are still noted: key by key,
 * each brought up to the rows first. */
static int
range_noted(struct store *s, const struct family *f, const char *lo,
    const char *hi, roaring_bitmap_t *acc, struct error *err)
{
	roaring_bitmap_t *r;
	char **keys;
	size_t n, i;
	int rc;

	if ((rc = range_keys(s, f, lo, hi, &keys, &n, err)) != RC_OK)
		return rc;
	for (i = 0; rc == RC_OK && i < n; i++)
		if ((rc = key_current(s, f, keys[i], &r, err)) == RC_OK) {
			roaring_bitmap_or_inplace(acc, r);
			roaring_bitmap_free(r);
		}
	keys_free(keys, n);
	return rc;
}

/* out := out OR the stored bitmaps of keys lo..hi, as they are, read
 * straight from their BLOBs (bitmap_or_portable). */
static int
range_stored(struct store *s, const struct family *f, const char *lo,
    const char *hi, struct bitmap *out, struct error *err)
{
	sqlite3_stmt *st;
	int rc, step;

	if ((rc = store_prepare(s, &st, "SELECT key, bits FROM term WHERE"
	    " family = ?1 AND key >= ?2 AND (?3 IS NULL OR key <= ?3)", err)) !=
	    RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, f->name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lo, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, hi, -1, SQLITE_STATIC);
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if (!bitmap_or_portable(out, sqlite3_column_blob(st, 1),
		    (size_t)sqlite3_column_bytes(st, 1))) {
			rc = error_set(err, RC_DB, "term bitmap %s %s: damaged "
			    "(roster check --repair rebuilds it)", f->name,
			    (const char *)sqlite3_column_text(st, 0));
			break;
		}
	if (rc == RC_OK && step != SQLITE_DONE)
		rc = store_error(s, err, "term bitmaps");
	sqlite3_finalize(st);
	return rc;
}

/* out := out OR the keys lo..hi as the rows have them. */
static int
range_read(struct store *s, const struct family *f, const char *lo,
    const char *hi, struct bitmap *out, struct error *err)
{
	roaring_bitmap_t *acc;
	long long noted;
	int rc;

	if ((rc = store_int(s, "SELECT EXISTS (SELECT 1 FROM term_dirty)",
	    &noted, err)) != RC_OK)
		return rc;
	if (!noted)
		return range_stored(s, f, lo, hi, out, err);
	acc = roaring_bitmap_create();
	if ((rc = range_noted(s, f, lo, hi, acc, err)) == RC_OK)
		to_flat(acc, out);
	roaring_bitmap_free(acc);
	return rc;
}

/* Who is away on a day of lo..hi, swept from the blocks; *used 0 when a
 * write is still noted or a block says to read the rows. */
static int
windows_read(struct store *s, const char *lo, const char *hi,
    struct bitmap *out, int *used, struct error *err)
{
	sqlite3_stmt *st;
	long long noted;
	int d1, d2, rc, step;

	if (hi == NULL || !date_parse(lo, &d1) || !date_parse(hi, &d2))
		return error_set(err, RC_DB, "term bitmaps: windows need two "
		    "days, not '%s'..'%s'", lo, hi != NULL ? hi : "");
	if ((rc = store_int(s, "SELECT EXISTS (SELECT 1 FROM term_dirty"
	    " WHERE family = 'window')", &noted, err)) != RC_OK || noted)
		return rc;
	if ((rc = store_prepare(s, &st, "SELECT bits FROM term"
	    " WHERE family = 'window'", err)) != RC_OK)
		return rc;
	*used = 1;
	while (*used && (step = sqlite3_step(st)) == SQLITE_ROW)
		*used = window_sweep(sqlite3_column_blob(st, 0),
		    (size_t)sqlite3_column_bytes(st, 0), d1, d2, out);
	if (*used && step != SQLITE_DONE)
		rc = store_error(s, err, "term bitmaps");
	sqlite3_finalize(st);
	return rc;
}

int
terms_read(struct store *s, const char *family, const char *lo,
    const char *hi, struct bitmap *out, int *used, struct error *err)
{
	const struct family *f = NULL;
	int window, live, own, rc;

	*used = 0;
	window = strcmp(family, "window") == 0;
	if (!window && (f = family_find(family)) == NULL)
		return error_set(err, RC_DB, "term bitmaps: no family '%s'",
		    family);
	/* One snapshot for the flag, the bitmaps and what is noted. */
	own = sqlite3_get_autocommit(s->db);
	if (own && (rc = store_exec(s, "BEGIN", err)) != RC_OK)
		return rc;
	if ((rc = live_get(s, &live, err)) == RC_OK && live && window)
		rc = windows_read(s, lo, hi, out, used, err);
	else if (rc == RC_OK && live &&
	    (rc = range_read(s, f, lo, hi, out, err)) == RC_OK)
		*used = 1;
	if (own)
		store_exec(s, "COMMIT", NULL);
	return rc;
}

/* The keys of a family in order, each with how many of rr it holds. */
static int
each_stored(struct store *s, const char *family, const roaring_bitmap_t *rr,
    int reverse, int (*cb)(const char *, long long, long long, void *),
    void *arg, struct error *err)
{
	sqlite3_stmt *st;
	roaring_bitmap_t *r;
	int rc, step, stop = 0;

	if ((rc = store_prepare(s, &st, reverse ? "SELECT key, bits FROM term"
	    " WHERE family = ? ORDER BY key DESC" : "SELECT key, bits FROM"
	    " term WHERE family = ? ORDER BY key", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, family, -1, SQLITE_STATIC);
	while (!stop && (step = sqlite3_step(st)) == SQLITE_ROW) {
		if ((r = blob_bitmap(sqlite3_column_blob(st, 1),
		    sqlite3_column_bytes(st, 1))) == NULL) {
			rc = error_set(err, RC_DB, "term bitmap %s %s: damaged "
			    "(roster check --repair rebuilds it)", family,
			    (const char *)sqlite3_column_text(st, 0));
			break;
		}
		stop = cb((const char *)sqlite3_column_text(st, 0),
		    (long long)roaring_bitmap_and_cardinality(r, rr),
		    (long long)roaring_bitmap_get_cardinality(r), arg);
		roaring_bitmap_free(r);
	}
	if (rc == RC_OK && !stop && step != SQLITE_DONE)
		rc = store_error(s, err, "term bitmaps");
	sqlite3_finalize(st);
	return rc;
}

int
terms_each(struct store *s, const char *family, const struct bitmap *in,
    int reverse, int (*cb)(const char *key, long long n, long long size,
    void *arg), void *arg, int *used, struct error *err)
{
	roaring_bitmap_t *rr;
	long long pk, noted;
	int live, own, rc;

	*used = 0;
	own = sqlite3_get_autocommit(s->db);
	if (own && (rc = store_exec(s, "BEGIN", err)) != RC_OK)
		return rc;
	if ((rc = live_get(s, &live, err)) == RC_OK && live &&
	    (rc = store_int(s, "SELECT EXISTS (SELECT 1 FROM term_dirty)",
	    &noted, err)) == RC_OK && !noted) {
		rr = roaring_bitmap_create();
		for (pk = bitmap_next(in, 0); pk >= 0 && pk <= UINT32_MAX;
		    pk = bitmap_next(in, pk + 1))
			roaring_bitmap_add(rr, (uint32_t)pk);
		if ((rc = each_stored(s, family, rr, reverse, cb, arg, err)) ==
		    RC_OK)
			*used = 1;
		roaring_bitmap_free(rr);
	}
	if (own)
		store_exec(s, "COMMIT", NULL);
	return rc;
}

/* One key's difference between its bitmap and the rows, as a problem. */
static void
key_compare(const struct family *f, const char *key,
    const roaring_bitmap_t *kept, const roaring_bitmap_t *rows,
    void (*problem)(const char *, void *), void *arg)
{
	char msg[512];
	uint64_t extra, lacking;

	extra = roaring_bitmap_andnot_cardinality(kept, rows);
	lacking = roaring_bitmap_andnot_cardinality(rows, kept);
	if (extra == 0 && lacking == 0)
		return;
	snprintf(msg, sizeof msg, "term bitmap %s '%s': holds %llu people "
	    "who do not have it and lacks %llu who do (roster check --repair "
	    "rebuilds it)", f->name, key, (unsigned long long)extra,
	    (unsigned long long)lacking);
	problem(msg, arg);
}

/*
 * Every stored or noted key of a family against the rows, and every key
 * the rows have against its (perhaps missing) bitmap.
 */
static int
family_check(struct store *s, const struct family *f,
    void (*problem)(const char *, void *), void *arg, struct error *err)
{
	struct keymap m = { 0 };
	struct keymap_entry *e;
	struct error kerr;
	roaring_bitmap_t *kept, *none = roaring_bitmap_create();
	char **keys = NULL;
	size_t n = 0, i;
	int rc;

	if ((rc = family_build(s, f, &m, err)) == RC_OK)
		rc = range_keys(s, f, "", NULL, &keys, &n, err);
	for (i = 0; rc == RC_OK && i < n; i++) {
		if ((e = keymap_find(&m, keys[i])) != NULL)
			e->seen = 1;
		/* A damaged bitmap is one problem; the others are checked. */
		if (key_current(s, f, keys[i], &kept, &kerr) != RC_OK) {
			problem(kerr.msg, arg);
			continue;
		}
		key_compare(f, keys[i], kept, e != NULL ? e->r : none,
		    problem, arg);
		roaring_bitmap_free(kept);
	}
	for (i = 0; rc == RC_OK && i < m.cap; i++)
		if (m.e[i].key != NULL && !m.e[i].seen)
			key_compare(f, m.e[i].key, none, m.e[i].r, problem,
			    arg);
	keys_free(keys, n);
	keymap_free(&m);
	roaring_bitmap_free(none);
	return rc;
}

/* One block's BLOB against the rows' windows. */
static int
window_check(struct store *s, const char *key,
    void (*problem)(const char *, void *), void *arg, struct error *err)
{
	sqlite3_stmt *st;
	unsigned char *want;
	const void *have = NULL;
	char msg[200];
	size_t n;
	int rc, same;

	if ((rc = window_block(s, strtoll(key, NULL, 10), &want, &n, err)) !=
	    RC_OK)
		return rc;
	if ((rc = store_prepare(s, &st, "SELECT bits FROM term WHERE"
	    " family = 'window' AND key = ?", err)) != RC_OK) {
		free(want);
		return rc;
	}
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		have = sqlite3_column_blob(st, 0);
	same = have == NULL ? n == 0 :
	    (size_t)sqlite3_column_bytes(st, 0) == n && n > 0 &&
	    memcmp(have, want, n) == 0;
	if (!same) {
		snprintf(msg, sizeof msg, "term bitmap window '%s': not the "
		    "unavailability windows of its people (roster check "
		    "--repair rebuilds it)", key);
		problem(msg, arg);
	}
	sqlite3_finalize(st);
	free(want);
	return RC_OK;
}

/* Every block that has windows or a BLOB, unless a write is noted (the
 * next fold remakes it, and searches read the rows till then). */
static int
windows_check(struct store *s, void (*problem)(const char *, void *),
    void *arg, struct error *err)
{
	sqlite3_stmt *st;
	int rc, step;

	if ((rc = store_prepare(s, &st, "SELECT key FROM term WHERE family ="
	    " 'window' UNION SELECT printf('%05d', person >> 16) FROM"
	    " unavailability EXCEPT SELECT key FROM term_dirty WHERE family ="
	    " 'window'", err)) != RC_OK)
		return rc;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = window_check(s, (const char *)sqlite3_column_text(st,
		    0), problem, arg, err)) != RC_OK)
			break;
	if (rc == RC_OK && step != SQLITE_DONE)
		rc = store_error(s, err, "term bitmaps");
	sqlite3_finalize(st);
	return rc;
}

int
terms_check(struct store *s, void (*problem)(const char *msg, void *arg),
    void *arg, struct error *err)
{
	size_t i;
	int live, rc;

	if ((rc = live_get(s, &live, err)) != RC_OK)
		return rc;
	if (!live) {
		problem("term bitmaps: not kept (roster check --repair "
		    "builds them)", arg);
		return RC_OK;
	}
	for (i = 0; i < NFAMILIES; i++)
		if ((rc = family_check(s, &families[i], problem, arg, err)) !=
		    RC_OK)
			return rc;
	return windows_check(s, problem, arg, err);
}

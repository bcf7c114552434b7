#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bitmap.h"
#include "facet.h"
#include "search.h"
#include "sqlfunc.h"
#include "strbuf.h"
#include "terms.h"

static const struct {
	const char	*key, *title;
} kinds[FACET_N] = {
	{ "country", "Countries" },
	{ "lang", "Languages" },
	{ "theme", "Themes" },
	{ "agency", "Agencies" },
	{ "origin", "Origins" },
};

const char *
facet_key(enum facet_kind k)
{
	return (unsigned)k < FACET_N ? kinds[k].key : "";
}

const char *
facet_title(enum facet_kind k)
{
	return (unsigned)k < FACET_N ? kinds[k].title : "";
}

/*
 * Where a kind's values live, for the scan plan.  next gives the first
 * value after ?1 in index order, so the distinct values cost one seek
 * each instead of a read of the index; fill adds the people with value ?2
 * to bitmap ?1 from that value's index range, as a search term does.
 * A theme has two sources, filled into one bitmap: a person with the
 * theme twice is still one bit.
 */
struct source {
	const char	*next;
	const char	*fill;
};

static const struct source sources[FACET_N][2] = {
	[FACET_COUNTRY] = { {
		"SELECT country FROM service WHERE country > ?1 "
		    "ORDER BY country LIMIT 1",
		"SELECT bitmap_add(?1, person) FROM service WHERE country = ?2",
	} },
	[FACET_LANG] = { {
		"SELECT code FROM person_language WHERE code > ?1 "
		    "ORDER BY code LIMIT 1",
		"SELECT bitmap_add(?1, person) FROM person_language "
		    "WHERE code = ?2",
	} },
	[FACET_THEME] = { {
		"SELECT slug FROM person_theme WHERE slug > ?1 "
		    "ORDER BY slug LIMIT 1",
		"SELECT bitmap_add(?1, person) FROM person_theme WHERE slug = ?2",
	}, {
		"SELECT slug FROM service_theme WHERE slug > ?1 "
		    "ORDER BY slug LIMIT 1",
		"SELECT bitmap_add(?1, person) FROM service_theme "
		    "WHERE slug = ?2",
	} },
	/*
	 * The index is NOCASE, like agency:a, so a value is a group of
	 * spellings; the second column says whether the group has more than
	 * the one spelling next found, which is rare, and only then are the
	 * spellings told apart (AGENCY_SPELLINGS).  Starting after '' skips
	 * people without an agency.
	 */
	[FACET_AGENCY] = { {
		"SELECT agency FROM person WHERE agency > ?1 COLLATE NOCASE "
		    "ORDER BY agency COLLATE NOCASE LIMIT 1",
		"SELECT bitmap_add(?1, pk), sum(agency <> ?2) FROM person "
		    "WHERE agency = ?2 COLLATE NOCASE",
	} },
	/* Origins likewise, as origin:o matches them. */
	[FACET_ORIGIN] = { {
		"SELECT origin FROM person WHERE origin > ?1 COLLATE NOCASE "
		    "ORDER BY origin COLLATE NOCASE LIMIT 1",
		"SELECT bitmap_add(?1, pk), sum(origin <> ?2) FROM person "
		    "WHERE origin = ?2 COLLATE NOCASE",
	} },
};

/*
 * The kinds grouped ignoring case: a group's spellings, and the people
 * of one spelling, for a group written more than one way.
 */
static const struct {
	const char	*spellings, *exact;
} groups[FACET_N] = {
	[FACET_AGENCY] = {
		"SELECT DISTINCT agency FROM person WHERE agency = ?1"
		    " COLLATE NOCASE",
		"SELECT bitmap_add(?1, pk) FROM person"
		    " WHERE agency = ?2 COLLATE NOCASE AND agency = ?2",
	},
	[FACET_ORIGIN] = {
		"SELECT DISTINCT origin FROM person WHERE origin = ?1"
		    " COLLATE NOCASE",
		"SELECT bitmap_add(?1, pk) FROM person"
		    " WHERE origin = ?2 COLLATE NOCASE AND origin = ?2",
	},
};

/*
 * The term bitmaps (terms.h) that hold a kind's values: a value's people
 * are one bitmap, or for a language every level's ("fr:1".."fr:9", the
 * keys from "fr:" to "fr;").  Agencies and origins are keyed folded for
 * ASCII case, as their NOCASE index groups them; no bitmap says how a
 * group is written, so its index entries are still walked to find a
 * second spelling (spelled_otherwise), without the bitmap's fill.
 */
static const char *const term_families[FACET_N] = {
	[FACET_COUNTRY] = "country",
	[FACET_LANG] = "lang",
	[FACET_THEME] = "theme",
	[FACET_AGENCY] = "agency",
	[FACET_ORIGIN] = "origin",
};

static const char *const others[FACET_N] = {
	[FACET_AGENCY] = "SELECT 1 FROM person WHERE agency = ?1"
	    " COLLATE NOCASE AND agency <> ?1 LIMIT 1",
	[FACET_ORIGIN] = "SELECT 1 FROM person WHERE origin = ?1"
	    " COLLATE NOCASE AND origin <> ?1 LIMIT 1",
};

/* The iterate plan: one person's values, repeats allowed. */
static const char *const lookups[FACET_N] = {
	[FACET_COUNTRY] = "SELECT country FROM service WHERE person = ?1",
	[FACET_LANG] = "SELECT code FROM person_language WHERE person = ?1",
	[FACET_THEME] = "SELECT slug FROM person_theme WHERE person = ?1 "
	    "UNION ALL SELECT st.slug FROM service s "
	    "JOIN service_theme st ON st.service = s.pk WHERE s.person = ?1",
	[FACET_AGENCY] = "SELECT agency FROM person "
	    "WHERE pk = ?1 AND agency <> ''",
	[FACET_ORIGIN] = "SELECT origin FROM person "
	    "WHERE pk = ?1 AND origin <> ''",
};

/* Themes and agencies are shown as they are written in filters. */
static const char *const labels[FACET_N] = {
	[FACET_COUNTRY] = "SELECT name FROM country WHERE code = ?1",
	[FACET_LANG] = "SELECT name FROM language WHERE code = ?1",
};

/*
 * Iterate when count * ratio < pool.  A scan reads every row of the kind's
 * tables at some 50 ns a row (100 ms for countries at a million people,
 * 380 ms for themes, which have two tables); a look-up costs 2 to 8 us a
 * match, more as matches thin out and their pages stop sharing the cache.
 * Measured on the demo pools of 100,000 and 1,000,000; near the crossing
 * the two plans cost the same, so the ratios need not be exact.
 */
static const long long iterate_ratio[FACET_N] = {
	[FACET_COUNTRY] = 40,
	[FACET_LANG] = 12,
	[FACET_THEME] = 20,
	[FACET_AGENCY] = 32,
	[FACET_ORIGIN] = 32,
};

/* One value's count, found in a small open-addressing table. */
struct tally {
	char		*value;
	long long	 count;
	long long	 last_pk;	/* iterate: who was counted last */
};

struct tallies {
	struct tally	*v;
	size_t		 n, cap;
	size_t		*slot;		/* index + 1 into v; 0 is empty */
	size_t		 nslot;
};

static size_t
hash(const char *s, size_t len)
{
	size_t h = 2166136261u, i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void
tallies_free(struct tallies *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		free(t->v[i].value);
	free(t->v);
	free(t->slot);
	memset(t, 0, sizeof *t);
}

static void
tallies_rehash(struct tallies *t)
{
	size_t i, h;

	free(t->slot);
	t->nslot = t->nslot ? t->nslot * 2 : 64;
	t->slot = xcalloc(t->nslot, sizeof *t->slot);
	for (i = 0; i < t->n; i++) {
		h = hash(t->v[i].value, strlen(t->v[i].value)) &
		    (t->nslot - 1);
		while (t->slot[h] != 0)
			h = (h + 1) & (t->nslot - 1);
		t->slot[h] = i + 1;
	}
}

/* The tally of value (len bytes, not NUL-terminated), made if new. */
static struct tally *
tally_find(struct tallies *t, const char *value, size_t len)
{
	struct tally *y;
	size_t h;

	if (2 * (t->n + 1) > t->nslot)
		tallies_rehash(t);
	h = hash(value, len) & (t->nslot - 1);
	for (; t->slot[h] != 0; h = (h + 1) & (t->nslot - 1)) {
		y = &t->v[t->slot[h] - 1];
		if (strncmp(y->value, value, len) == 0 &&
		    y->value[len] == '\0')
			return y;
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	y = &t->v[t->n];
	y->value = xmalloc(len + 1);
	memcpy(y->value, value, len);
	y->value[len] = '\0';
	y->count = 0;
	y->last_pk = -1;
	t->slot[h] = ++t->n;
	return y;
}

/* The people of one value: a bitmap, or a sorted array when few. */
struct set {
	char		*value;
	struct bitmap	 bm;		/* no capacity when pks holds them */
	uint32_t	*pks;
	size_t		 npks;
};

struct sets {
	struct set	*v;
	size_t		 n;
	int		 built;
};

struct facet_cache {
	long long	 generation;	/* store_generation when built */
	struct sets	 kind[FACET_N];
};

static void
sets_free(struct sets *ss)
{
	size_t i;

	for (i = 0; i < ss->n; i++) {
		free(ss->v[i].value);
		bitmap_free(&ss->v[i].bm);
		free(ss->v[i].pks);
	}
	free(ss->v);
	memset(ss, 0, sizeof *ss);
}

struct facet_cache *
facet_cache_new(void)
{
	return xcalloc(1, sizeof(struct facet_cache));
}

void
facet_cache_free(struct facet_cache *c)
{
	int k;

	if (c == NULL)
		return;
	for (k = 0; k < FACET_N; k++)
		sets_free(&c->kind[k]);
	free(c);
}

/* The sets hold while the database has not changed. */
static int
cache_check(struct store *s, struct facet_cache *c, struct error *err)
{
	long long gen;
	int rc, k;

	if ((rc = store_generation(s, &gen, err)) != RC_OK)
		return rc;
	if (gen != c->generation) {
		for (k = 0; k < FACET_N; k++)
			sets_free(&c->kind[k]);
		c->generation = gen;
	}
	return RC_OK;
}

static long long
count_set(const struct set *set, const struct bitmap *r)
{
	long long n = 0;
	size_t i;

	if (bitmap_capacity(&set->bm) > 0)
		return bitmap_count_in(&set->bm, r);
	for (i = 0; i < set->npks; i++)
		n += bitmap_get(r, set->pks[i]);
	return n;
}

/* Receives each value of a scan with its people. */
typedef void (*sink_fn)(const char *value, const struct bitmap *, void *);

/* Scanning for one result: count at once, keep nothing. */
struct count_sink {
	const struct bitmap	*r;
	struct tallies		*t;
};

static void
sink_count(const char *value, const struct bitmap *bm, void *arg)
{
	struct count_sink *cs = arg;
	long long n = bitmap_count_in(bm, cs->r);

	if (n > 0)
		tally_find(cs->t, value, strlen(value))->count += n;
}

/*
 * Scanning for a cache: keep a copy.  A value held by few people keeps
 * their pks instead of a bitmap of the whole pool, which bounds the cache
 * by the data when most values are rare (countries).
 */
static void
sink_keep(const char *value, const struct bitmap *bm, void *arg)
{
	struct sets *ss = arg;
	struct set *set;
	long long n = bitmap_popcount(bm), pk;
	size_t j = 0;

	ss->v = xrealloc(ss->v, (ss->n + 1) * sizeof *ss->v);
	set = &ss->v[ss->n++];
	memset(set, 0, sizeof *set);
	set->value = xstrdup(value);
	if ((uint64_t)n * 32 < (uint64_t)bitmap_capacity(bm) &&
	    (uint64_t)bitmap_capacity(bm) <= UINT32_MAX) {
		set->pks = xmalloc((n > 0 ? (size_t)n : 1) * sizeof *set->pks);
		for (pk = bitmap_next(bm, 0); pk >= 0;
		    pk = bitmap_next(bm, pk + 1))
			set->pks[j++] = (uint32_t)pk;
		set->npks = j;
		return;
	}
	bitmap_copy(&set->bm, bm);
}

static void
finalize_all(sqlite3_stmt **st, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		sqlite3_finalize(st[i]);
}

/* Steps a fill statement once: its aggregate row says it is done. */
static int
fill(struct store *s, sqlite3_stmt *st, const char *value, long long *other,
    struct error *err)
{
	int rc = RC_OK;

	sqlite3_bind_text(st, 2, value, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) != SQLITE_ROW)
		rc = store_error(s, err, "facets");
	else if (other != NULL)
		*other = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	return rc;
}

/* An agency (or origin) group written more than one way: a set per
 * spelling. */
static int
split_spellings(struct store *s, enum facet_kind kind, const char *group,
    struct bitmap *bm, sink_fn sink, void *arg, struct error *err)
{
	sqlite3_stmt *st[2] = { NULL, NULL };
	int rc, step;

	if ((rc = store_prepare(s, &st[0], groups[kind].spellings, err)) !=
	    RC_OK || (rc = store_prepare(s, &st[1], groups[kind].exact, err))
	    != RC_OK) {
		finalize_all(st, 2);
		return rc;
	}
	sqlite3_bind_text(st[0], 1, group, -1, SQLITE_TRANSIENT);
	sqlite3_bind_pointer(st[1], 1, bm, SQLFUNC_BITMAP, NULL);
	while (rc == RC_OK && (step = sqlite3_step(st[0])) == SQLITE_ROW) {
		char *spelling = xstrdup((const char *)sqlite3_column_text(st[0],
		    0));

		bitmap_zero(bm);
		if ((rc = fill(s, st[1], spelling, NULL, err)) == RC_OK)
			sink(spelling, bm, arg);
		free(spelling);
	}
	if (rc == RC_OK && step != SQLITE_DONE)
		rc = store_error(s, err, "facets");
	finalize_all(st, 2);
	return rc;
}

/*
 * The least value after prev in any of the nsrc sources, whose "next"
 * statements are st[0] and st[2], into *v (NULL when none is left), which
 * the caller frees.
 */
static int
next_value(struct store *s, sqlite3_stmt **st, size_t nsrc, const char *prev,
    char **v, struct error *err)
{
	const char *t;
	size_t i;
	int rc = RC_OK;

	*v = NULL;
	for (i = 0; i < nsrc && rc == RC_OK; i++) {
		sqlite3_bind_text(st[2 * i], 1, prev, -1, SQLITE_TRANSIENT);
		switch (sqlite3_step(st[2 * i])) {
		case SQLITE_ROW:
			t = (const char *)sqlite3_column_text(st[2 * i], 0);
			if (t != NULL && (*v == NULL || strcmp(t, *v) < 0)) {
				free(*v);
				*v = xstrdup(t);
			}
			break;
		case SQLITE_DONE:
			break;
		default:
			rc = store_error(s, err, "facets");
		}
		sqlite3_reset(st[2 * i]);
	}
	if (rc != RC_OK) {
		free(*v);
		*v = NULL;
	}
	return rc;
}

/*
 * The people of value into bm from its term bitmaps: one BLOB read a key
 * instead of a walk of the value's index range.  *used is 0 when the
 * pool keeps no bitmaps now (terms_read), and bm is then untouched.
 */
static int
read_terms(struct store *s, enum facet_kind kind, const char *value,
    struct bitmap *bm, int *used, struct error *err)
{
	struct strbuf lo = { 0 }, hi = { 0 };
	char *p;
	int rc;

	strbuf_adds(&lo, value);
	if (kind == FACET_LANG) {
		strbuf_adds(&hi, value);
		strbuf_adds(&lo, ":");
		strbuf_adds(&hi, ";");
	} else if (groups[kind].spellings != NULL) {
		/* As SQLite's lower() and NOCASE fold: ASCII only. */
		for (p = lo.s; *p != '\0'; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p += 'a' - 'A';
		strbuf_adds(&hi, lo.s);
	} else
		strbuf_adds(&hi, value);
	rc = terms_read(s, term_families[kind], strbuf_str(&lo),
	    strbuf_str(&hi), bm, used, err);
	strbuf_free(&lo);
	strbuf_free(&hi);
	return rc;
}

/* Whether anyone in value's case-folded group writes it otherwise. */
static int
spelled_otherwise(struct store *s, enum facet_kind kind, const char *value,
    int *mixed, struct error *err)
{
	sqlite3_stmt *st;
	int rc = RC_OK;

	if ((rc = store_cached(s, &st, others[kind], err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, value, -1, SQLITE_STATIC);
	switch (sqlite3_step(st)) {
	case SQLITE_ROW:
		*mixed = 1;
		break;
	case SQLITE_DONE:
		*mixed = 0;
		break;
	default:
		rc = store_error(s, err, "facets");
	}
	sqlite3_reset(st);
	return rc;
}

/* The people of one value into bm (zeroed): from the term bitmaps where
 * the pool keeps them, else from the value's index ranges. */
static int
value_people(struct store *s, enum facet_kind kind, sqlite3_stmt **st,
    size_t nsrc, const char *value, struct bitmap *bm, int *mixed,
    struct error *err)
{
	long long other;
	size_t i;
	int rc, used;

	bitmap_zero(bm);
	*mixed = 0;
	if ((rc = read_terms(s, kind, value, bm, &used, err)) != RC_OK)
		return rc;
	if (used)
		return others[kind] != NULL ?
		    spelled_otherwise(s, kind, value, mixed, err) : RC_OK;
	for (i = 0; i < nsrc && rc == RC_OK; i++) {
		other = 0;
		rc = fill(s, st[2 * i + 1], value,
		    groups[kind].spellings != NULL ? &other : NULL, err);
		*mixed |= other > 0;
	}
	return rc;
}

/*
 * The scan plan: every value of the kind in index order, each with the
 * bitmap of its people, handed to sink.  Costs a seek a value and its
 * term bitmaps; without them, a read of the kind's index ranges.
 */
static int
scan(struct store *s, enum facet_kind kind, sink_fn sink, void *arg,
    struct error *err)
{
	const struct source *src = sources[kind];
	sqlite3_stmt *st[4] = { NULL, NULL, NULL, NULL };	/* next, fill */
	size_t nsrc = src[1].next != NULL ? 2 : 1, i;
	struct bitmap bm = { 0 };
	long long maxpk;
	char *prev = NULL, *v;
	int rc, mixed;

	if ((rc = store_int(s, "SELECT coalesce(max(pk), 0) FROM person",
	    &maxpk, err)) != RC_OK)
		return rc;
	for (i = 0; i < nsrc && rc == RC_OK; i++)
		if ((rc = store_prepare(s, &st[2 * i], src[i].next, err)) ==
		    RC_OK)
			rc = store_prepare(s, &st[2 * i + 1], src[i].fill, err);
	if (rc != RC_OK) {
		finalize_all(st, 4);
		return rc;
	}
	bitmap_init(&bm, maxpk);
	for (i = 0; i < nsrc; i++)
		sqlite3_bind_pointer(st[2 * i + 1], 1, &bm, SQLFUNC_BITMAP,
		    NULL);
	prev = xstrdup("");
	for (;;) {
		if ((rc = next_value(s, st, nsrc, prev, &v, err)) != RC_OK ||
		    v == NULL)
			break;
		free(prev);
		prev = v;
		rc = value_people(s, kind, st, nsrc, prev, &bm, &mixed, err);
		if (rc == RC_OK && mixed)
			rc = split_spellings(s, kind, prev, &bm, sink, arg,
			    err);
		else if (rc == RC_OK)
			sink(prev, &bm, arg);
		if (rc != RC_OK)
			break;
	}
	free(prev);
	bitmap_free(&bm);
	finalize_all(st, 4);
	return rc;
}

/*
 * The iterate plan: each match's values, one look-up a person.  A person
 * is counted once per value because their rows all come before the next
 * person's.
 */
static int
iterate(struct store *s, const struct bitmap *r, enum facet_kind kind,
    struct tallies *t, struct error *err)
{
	sqlite3_stmt *st;
	struct tally *y;
	long long pk;
	int rc, step = SQLITE_DONE;

	if ((rc = store_prepare(s, &st, lookups[kind], err)) != RC_OK)
		return rc;
	for (pk = bitmap_next(r, 0); pk >= 0; pk = bitmap_next(r, pk + 1)) {
		sqlite3_bind_int64(st, 1, pk);
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			y = tally_find(t, (const char *)sqlite3_column_text(st,
			    0), (size_t)sqlite3_column_bytes(st, 0));
			if (y->last_pk != pk) {
				y->last_pk = pk;
				y->count++;
			}
		}
		if (step != SQLITE_DONE) {
			rc = store_error(s, err, "facets");
			break;
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

static int
by_count(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return strcmp(x->value, y->value);
}

/* NOCASE groups together, each led by its most common spelling. */
static int
by_group(const void *a, const void *b)
{
	const struct tally *x = a, *y = b;
	int c = sqlite3_stricmp(x->value, y->value);

	return c != 0 ? c : by_count(a, b);
}

/* Agencies: one tally per NOCASE group, named by its leading spelling. */
static void
merge_groups(struct tallies *t)
{
	size_t i, j = 0;

	if (t->n == 0)
		return;
	if (t->n > 0)
		qsort(t->v, t->n, sizeof *t->v, by_group);
	for (i = 1; i < t->n; i++) {
		if (sqlite3_stricmp(t->v[i].value, t->v[j].value) == 0) {
			t->v[j].count += t->v[i].count;
			free(t->v[i].value);
		} else
			t->v[++j] = t->v[i];
	}
	t->n = j + 1;
	/* The hash no longer matches the array; nothing looks up after this. */
	free(t->slot);
	t->slot = NULL;
	t->nslot = 0;
}

/* Sorted, cut to max, labelled: the tallies become out. */
static int
finish(struct store *s, struct tallies *t, enum facet_kind kind, size_t max,
    struct facet *out, struct error *err)
{
	sqlite3_stmt *st = NULL;
	struct facet f = { NULL, 0 };
	const char *name;
	size_t i;
	int rc = RC_OK;

	if (groups[kind].spellings != NULL)
		merge_groups(t);
	if (t->n > 0)
		if (t->n > 0)
			qsort(t->v, t->n, sizeof *t->v, by_count);
	while (t->n > 0 && t->v[t->n - 1].count == 0)
		free(t->v[--t->n].value);
	if (max > 0 && t->n > max) {
		for (i = max; i < t->n; i++)
			free(t->v[i].value);
		t->n = max;
	}
	if (labels[kind] != NULL && t->n > 0 &&
	    (rc = store_prepare(s, &st, labels[kind], err)) != RC_OK)
		return rc;
	f.v = xcalloc(t->n > 0 ? t->n : 1, sizeof *f.v);
	for (i = 0; i < t->n && rc == RC_OK; i++) {
		name = NULL;
		if (st != NULL) {
			sqlite3_bind_text(st, 1, t->v[i].value, -1,
			    SQLITE_STATIC);
			switch (sqlite3_step(st)) {
			case SQLITE_ROW:
				name = (const char *)sqlite3_column_text(st, 0);
				break;
			case SQLITE_DONE:
				break;
			default:
				rc = store_error(s, err, "facets");
				continue;
			}
		}
		f.v[i].label = xstrdup(name != NULL ? name : t->v[i].value);
		if (st != NULL)
			sqlite3_reset(st);
		/* The value moves to out; the tallies no longer own it. */
		f.v[i].value = t->v[i].value;
		t->v[i].value = NULL;
		f.v[i].count = t->v[i].count;
		f.n++;
	}
	sqlite3_finalize(st);
	if (rc != RC_OK) {
		facet_free(&f);
		return rc;
	}
	*out = f;
	return RC_OK;
}

/*
 * A statement left part way holds one read transaction for the whole
 * count: without it every statement takes and drops SQLite's file locks
 * (fcntl and fstat system calls), which costs more than a look-up of the
 * iterate plan.  It also lets the count see one state of the database.
 */
static int
hold_read(struct store *s, sqlite3_stmt **st, struct error *err)
{
	int rc;

	if ((rc = store_prepare(s, st, "SELECT 1 FROM person LIMIT 1", err))
	    != RC_OK)
		return rc;
	switch (sqlite3_step(*st)) {
	case SQLITE_ROW:
	case SQLITE_DONE:
		return RC_OK;
	default:
		rc = store_error(s, err, "facets");
		sqlite3_finalize(*st);
		*st = NULL;
		return rc;
	}
}

/* A kind's sets into the cache, built aside so that an interrupted scan
 * leaves no half. */
static int
cache_build(struct store *s, struct facet_cache *c, enum facet_kind kind,
    struct error *err)
{
	struct sets built = { 0 };
	int rc;

	if (c->kind[kind].built)
		return RC_OK;
	if ((rc = scan(s, kind, sink_keep, &built, err)) != RC_OK) {
		sets_free(&built);
		return rc;
	}
	c->kind[kind] = built;
	c->kind[kind].built = 1;
	return RC_OK;
}

static int
count_held(struct store *s, struct facet_cache *c,
    const struct search_result *res, enum facet_kind kind,
    enum facet_plan plan, size_t max, struct facet *out, struct error *err)
{
	const struct bitmap *r = search_result_bitmap(res);
	struct tallies t = { 0 };
	struct count_sink cs = { r, &t };
	struct sets *ss;
	long long pool = bitmap_capacity(r);
	size_t i;
	int rc = RC_OK;

	if (c != NULL && (rc = cache_check(s, c, err)) != RC_OK)
		return rc;
	if (plan == FACET_AUTO) {
		if (c != NULL && c->kind[kind].built)
			plan = FACET_SCAN;
		else if (search_result_count(res) * iterate_ratio[kind] < pool)
			plan = FACET_ITERATE;
		else
			plan = FACET_SCAN;
	}
	if (plan == FACET_ITERATE)
		rc = iterate(s, r, kind, &t, err);
	else if (c == NULL)
		rc = scan(s, kind, sink_count, &cs, err);
	else {
		ss = &c->kind[kind];
		rc = cache_build(s, c, kind, err);
		for (i = 0; rc == RC_OK && i < ss->n; i++)
			tally_find(&t, ss->v[i].value,
			    strlen(ss->v[i].value))->count +=
			    count_set(&ss->v[i], r);
	}
	if (rc == RC_OK)
		rc = finish(s, &t, kind, max, out, err);
	tallies_free(&t);
	return rc;
}

int
facet_count_plan(struct store *s, struct facet_cache *c,
    const struct search_result *res, enum facet_kind kind,
    enum facet_plan plan, size_t max, struct facet *out, struct error *err)
{
	sqlite3_stmt *held;
	int rc;

	out->v = NULL;
	out->n = 0;
	if ((unsigned)kind >= FACET_N)
		return error_set(err, RC_INPUT, "facets: no such kind %d",
		    (int)kind);
	if ((rc = hold_read(s, &held, err)) != RC_OK)
		return rc;
	rc = count_held(s, c, res, kind, plan, max, out, err);
	sqlite3_finalize(held);
	return rc;
}

int
facet_cache_fill(struct store *s, struct facet_cache *c, struct error *err)
{
	sqlite3_stmt *held;
	int k, rc;

	if ((rc = hold_read(s, &held, err)) != RC_OK)
		return rc;
	rc = cache_check(s, c, err);
	for (k = 0; k < FACET_N && rc == RC_OK; k++)
		rc = cache_build(s, c, (enum facet_kind)k, err);
	sqlite3_finalize(held);
	return rc;
}

int
facet_count_cached(struct store *s, struct facet_cache *c,
    const struct search_result *r, enum facet_kind kind, size_t max,
    struct facet *out, struct error *err)
{
	return facet_count_plan(s, c, r, kind, FACET_AUTO, max, out, err);
}

int
facet_count(struct store *s, const struct search_result *r,
    enum facet_kind kind, size_t max, struct facet *out, struct error *err)
{
	return facet_count_plan(s, NULL, r, kind, FACET_AUTO, max, out, err);
}

void
facet_free(struct facet *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free(f->v[i].value);
		free(f->v[i].label);
	}
	free(f->v);
	f->v = NULL;
	f->n = 0;
}

/* What the filter lexer ends a word at, outside quotes. */
static int
needs_quotes(const char *v)
{
	return *v == '\0' || strpbrk(v, " \t\r\n()") != NULL;
}

void
facet_term(enum facet_kind kind, const char *value, struct strbuf *out)
{
	int quote = needs_quotes(value);
	const char *p;

	strbuf_addf(out, "%s:", facet_key(kind));
	if (quote)
		strbuf_add(out, "\"", 1);
	for (p = value; *p != '\0'; p++)
		if (*p != '"')
			strbuf_add(out, p, 1);
	if (quote)
		strbuf_add(out, "\"", 1);
}

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bitmap.h"
#include "person.h"
#include "search.h"
#include "sqlfunc.h"
#include "strbuf.h"
#include "terms.h"

struct search_result {
	struct bitmap	 bm;
	long long	 count;
	long long	 total;		/* people in the pool */
};

/* The screen's sets, kept between searches while the database holds. */
#define CACHE_SETS	16
/*
 * One search's sets, so that a term repeated in a long filter costs one
 * look-up: room for the sets that cost most, the one-letter and one-digit
 * prefixes, with some to spare.
 */
#define CACHE_SETS_ONCE	64

struct search_cache {
	long long	 generation;	/* store_generation when filled */
	unsigned long	 clock;
	size_t		 n;
	struct {
		char		*key;
		struct bitmap	 bm;
		unsigned long	 used;
	}		 e[];
};

static struct search_cache *
cache_new(size_t n)
{
	struct search_cache *c;

	c = xcalloc(1, sizeof *c + n * sizeof c->e[0]);
	c->n = n;
	return c;
}

struct search_cache *
search_cache_new(void)
{
	return cache_new(CACHE_SETS);
}

static void
cache_clear(struct search_cache *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->e[i].key);
		c->e[i].key = NULL;
		bitmap_free(&c->e[i].bm);
	}
}

void
search_cache_free(struct search_cache *c)
{
	if (c == NULL)
		return;
	cache_clear(c);
	free(c);
}

/* Entries hold while the database has not changed. */
static int
cache_check(struct store *s, struct search_cache *c, struct error *err)
{
	long long gen;
	int rc;

	if ((rc = store_generation(s, &gen, err)) != RC_OK)
		return rc;
	if (gen != c->generation) {
		cache_clear(c);
		c->generation = gen;
	}
	return RC_OK;
}

static struct bitmap *
cache_find(struct search_cache *c, const char *key, long long capacity)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->e[i].key != NULL &&
		    bitmap_capacity(&c->e[i].bm) == capacity &&
		    strcmp(c->e[i].key, key) == 0) {
			c->e[i].used = ++c->clock;
			return &c->e[i].bm;
		}
	return NULL;
}

static void
cache_put(struct search_cache *c, const char *key, const struct bitmap *bm)
{
	size_t i, victim = 0;

	for (i = 1; i < c->n; i++)
		if (c->e[i].used < c->e[victim].used)
			victim = i;
	free(c->e[victim].key);
	bitmap_free(&c->e[victim].bm);
	c->e[victim].key = xstrdup(key);
	bitmap_copy(&c->e[victim].bm, bm);
	c->e[victim].used = ++c->clock;
}

#define NAME_ORDER \
    "p.family_name COLLATE NOCASE%s, p.given_name COLLATE NOCASE%s, p.id%s"

/* Each order ends in id, so it is total; reversing reverses every part. */
static const struct {
	const char		*name;
	enum search_sort	 sort;
	const char		*order;	/* "%s" where DESC may go */
	int			 indexed;	/* an index gives this order */
} sorts[] = {
	{ "name", SORT_NAME, NAME_ORDER, 1 },
	{ "agency", SORT_AGENCY, "p.agency COLLATE NOCASE%s, " NAME_ORDER, 0 },
	{ "notice", SORT_NOTICE, "p.notice_days%s, " NAME_ORDER, 0 },
	/* Most recent service first; an open mission is the most recent. */
	{ "mission", SORT_MISSION, "(SELECT max(coalesce(end, '9999-12-31')) "
	    "FROM service WHERE person = p.pk) IS NULL%s, (SELECT "
	    "max(coalesce(end, '9999-12-31')) FROM service "
	    "WHERE person = p.pk)%s, " NAME_ORDER, 0 },
	{ "id", SORT_ID, "p.id%s", 1 },
};
#define NSORTS (sizeof sorts / sizeof sorts[0])

int
search_sort_parse(const char *key, enum search_sort *sort, int *reverse,
    struct error *err)
{
	size_t i;

	*reverse = key[0] == '-';
	if (*reverse)
		key++;
	for (i = 0; i < NSORTS; i++)
		if (strcmp(key, sorts[i].name) == 0) {
			*sort = sorts[i].sort;
			return RC_OK;
		}
	return error_set(err, RC_INPUT, "unknown sort key '%s' (expected "
	    "name, agency, notice, mission or id, with '-' before it to "
	    "reverse)", key);
}

static size_t
sort_index(enum search_sort sort)
{
	size_t i;

	for (i = 0; i < NSORTS; i++)
		if (sorts[i].sort == sort)
			return i;
	return 0;
}

/* "ORDER BY ..." for a sort, every part reversed when asked. */
static void
order_by(struct strbuf *b, enum search_sort sort, int reverse)
{
	const char *d = reverse ? " DESC" : "";
	const char *mission_first = reverse ? "" : " DESC";

	strbuf_adds(b, " ORDER BY ");
	/* mission: most recent first, so its natural order is descending. */
	if (sort == SORT_MISSION)
		strbuf_addf(b, sorts[sort_index(sort)].order, d, mission_first,
		    d, d, d);
	else
		strbuf_addf(b, sorts[sort_index(sort)].order, d, d, d, d);
}

/* The keys of a set whose keys are a query's rows (a mission's name). */
static int
run_keys(struct store *s, const struct filter *f, const struct filter_set *set,
    struct bitmap *out, int *used, struct error *err)
{
	sqlite3_stmt *st;
	int rc, step;

	if ((rc = store_prepare(s, &st, set->keys_sql, err)) != RC_OK)
		return rc;
	filter_bind_set(f, set, st, 1);
	while (*used && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);

		if ((rc = terms_read(s, set->family, key, key, out, used,
		    err)) != RC_OK)
			break;
	}
	if (rc == RC_OK && *used && step != SQLITE_DONE)
		rc = store_error(s, err, "search");
	sqlite3_finalize(st);
	return rc;
}

/*
 * A set the term bitmaps hold, read from them: *used is 0 when the pool
 * keeps none, and out is then as it was (empty).
 */
static int
run_terms(struct store *s, const struct filter *f,
    const struct filter_set *set, struct bitmap *out, int *used,
    struct error *err)
{
	size_t i;
	int rc = RC_OK;

	*used = 1;
	if (set->keys_sql != NULL)
		rc = run_keys(s, f, set, out, used, err);
	for (i = 0; rc == RC_OK && *used && i < set->nranges; i++)
		rc = terms_read(s, set->family, set->ranges[i].lo,
		    set->ranges[i].hi, out, used, err);
	if (rc == RC_OK && !*used)
		bitmap_zero(out);
	return rc;
}

/* The set's rows go straight into the bitmap, inside SQLite's loop. */
static int
run_set(struct store *s, const struct filter *f, const struct filter_set *set,
    struct search_cache *cache, struct bitmap *out, struct error *err)
{
	struct strbuf sql = { 0 }, key = { 0 };
	struct bitmap *hit;
	sqlite3_stmt *st;
	int rc, used;

	if (cache != NULL) {
		filter_set_key(f, set, &key);
		if ((hit = cache_find(cache, key.s, bitmap_capacity(out))) !=
		    NULL) {
			bitmap_free(out);
			bitmap_copy(out, hit);
			strbuf_free(&key);
			return RC_OK;
		}
	}
	if (set->family != NULL) {
		if ((rc = run_terms(s, f, set, out, &used, err)) != RC_OK) {
			strbuf_free(&key);
			return rc;
		}
		if (used)
			goto done;
	}
	strbuf_addf(&sql, "SELECT bitmap_add(?, pk) FROM (%s)", set->sql);
	rc = store_prepare(s, &st, strbuf_str(&sql), err);
	strbuf_free(&sql);
	if (rc != RC_OK) {
		strbuf_free(&key);
		return rc;
	}
	sqlite3_bind_pointer(st, 1, out, SQLFUNC_BITMAP, NULL);
	filter_bind_set(f, set, st, 2);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		continue;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		strbuf_free(&key);
		return store_error(s, err, "search");
	}
done:
	if (cache != NULL)
		cache_put(cache, key.s, out);
	strbuf_free(&key);
	return RC_OK;
}

static int
eval(struct store *s, const struct filter *f, const struct filter_set *set,
    struct search_cache *cache, struct bitmap *out, struct error *err)
{
	struct bitmap b;
	int rc;

	switch (set->op) {
	case SET_QUERY:
		return run_set(s, f, set, cache, out, err);
	case SET_NOT:
		if ((rc = eval(s, f, set->a, cache, out, err)) == RC_OK)
			out->neg = !out->neg;
		return rc;
	default:
		if ((rc = eval(s, f, set->a, cache, out, err)) != RC_OK)
			return rc;
		/* Nobody AND anything, everyone OR anything: a long chain
		 * often gets there early, and its other terms cost nothing. */
		if (set->op == SET_AND ? !out->neg && bitmap_next(out, 0) < 0 :
		    out->neg && bitmap_popcount(out) == 0)
			return RC_OK;
		bitmap_init(&b, bitmap_capacity(out) - 1);
		if ((rc = eval(s, f, set->b, cache, &b, err)) == RC_OK)
			bitmap_combine(out, &b, set->op == SET_AND);
		bitmap_free(&b);
		return rc;
	}
}

/*
 * The people in the pool: everyone has one status, so the status bitmaps
 * together are everyone, and their popcount is far cheaper than count(*)
 * over a million rows.
 */
static int
pool_size(struct store *s, long long capacity, long long *n,
    struct error *err)
{
	struct bitmap all;
	int rc, used;

	bitmap_init(&all, capacity - 1);
	if ((rc = terms_read(s, "status", "", NULL, &all, &used, err)) ==
	    RC_OK)
		rc = used ? (*n = bitmap_popcount(&all), RC_OK) :
		    person_count(s, n, err);
	bitmap_free(&all);
	return rc;
}

/* The matches in r's bitmap; only a complement needs the pool's size. */
static int
result_count(struct store *s, struct search_result *r, struct error *err)
{
	int rc;

	r->count = bitmap_popcount(&r->bm);
	if (r->bm.neg) {
		if (r->total < 0 && (rc = pool_size(s,
		    bitmap_capacity(&r->bm), &r->total, err)) != RC_OK)
			return rc;
		r->count = r->total - r->count;
	}
	return RC_OK;
}

int
search_eval(struct store *s, const struct filter *f,
    struct search_cache *cache, struct search_result **out,
    struct error *err)
{
	struct search_cache *own = NULL;
	struct search_result *r;
	long long maxpk;
	int rc;

	*out = NULL;
	/* A term repeated in one filter is looked up once. */
	if (cache == NULL)
		cache = own = cache_new(CACHE_SETS_ONCE);
	if ((rc = cache_check(s, cache, err)) != RC_OK ||
	    (rc = store_int(s, "SELECT coalesce(max(pk), 0) FROM person",
	    &maxpk, err)) != RC_OK) {
		search_cache_free(own);
		return rc;
	}
	r = xcalloc(1, sizeof *r);
	bitmap_init(&r->bm, maxpk);
	r->total = -1;
	if (filter_root(f) == NULL)
		r->bm.neg = 1;	/* the complement of nobody */
	else
		rc = eval(s, f, filter_root(f), cache, &r->bm, err);
	search_cache_free(own);
	if (rc != RC_OK || (rc = result_count(s, r, err)) != RC_OK) {
		search_result_free(r);
		return rc;
	}
	*out = r;
	return RC_OK;
}

int
search_narrow(struct store *s, const struct filter *f,
    const struct filter_set *set, struct search_cache *cache,
    struct search_result *r, struct error *err)
{
	struct bitmap b;
	int rc;

	if (cache != NULL && (rc = cache_check(s, cache, err)) != RC_OK)
		return rc;
	bitmap_init(&b, bitmap_capacity(&r->bm) - 1);
	if ((rc = eval(s, f, set, cache, &b, err)) == RC_OK)
		bitmap_combine(&r->bm, &b, 1);
	bitmap_free(&b);
	return rc == RC_OK ? result_count(s, r, err) : rc;
}

int
search_text(struct store *s, const char *text, int today,
    struct search_cache *cache, struct search_result **out,
    struct error *err)
{
	struct filter *f;
	int rc;

	*out = NULL;
	if ((rc = filter_compile(s, text, today, &f, err)) != RC_OK)
		return rc;
	rc = search_eval(s, f, cache, out, err);
	filter_free(f);
	return rc;
}

struct search_result *
search_result_from(const struct bitmap *bm, long long count)
{
	struct search_result *r = xcalloc(1, sizeof *r);

	bitmap_copy(&r->bm, bm);
	r->count = count;
	r->total = -1;
	return r;
}

void
search_result_free(struct search_result *r)
{
	if (r == NULL)
		return;
	bitmap_free(&r->bm);
	free(r);
}

long long
search_result_count(const struct search_result *r)
{
	return r->count;
}

int
search_result_has(const struct search_result *r, long long pk)
{
	return bitmap_get(&r->bm, pk);
}

const struct bitmap *
search_result_bitmap(const struct search_result *r)
{
	return &r->bm;
}

int
search_count(struct store *s, const struct filter *f, long long *n,
    struct error *err)
{
	struct search_result *r;
	int rc;

	if ((rc = search_eval(s, f, NULL, &r, err)) != RC_OK)
		return rc;
	*n = r->count;
	search_result_free(r);
	return RC_OK;
}

/* Receives the matches in order; a non-zero return stops the walk. */
typedef int (*walk_cb)(long long pk, void *arg, struct error *err);

/*
 * A step of an index walk costs about a sixteenth of what sorting costs a
 * match (a row read at random and its place in the sort): the walk is
 * chosen while its expected steps are fewer than WALK_STEPS_PER_MATCH
 * per match, and gives up after that many; after WALK_STEPS_BANDED when
 * the name bands, cheaper than a sort, are there to fall back on.
 */
#define WALK_STEPS_PER_MATCH	16
#define WALK_STEPS_BANDED	4

/*
 * Many matches: walk the sort's index and keep the matches, which finds a
 * page after about page * pool / matches steps and sorts nothing.  Matches
 * may bunch in that order (a search for a surname does, in name order), so
 * the walk gives up after a few steps per match: *found is then 0.
 */
static int
walk_index(struct store *s, const struct search_result *r,
    enum search_sort sort, int reverse, long long offset, long long want,
    long long per_match, long long *out, int *found, struct error *err)
{
	struct strbuf sql = { 0 };
	sqlite3_stmt *st;
	long long pk, seen = 0, taken = 0, steps = 0, cap;
	int rc;

	*found = 0;
	cap = per_match * r->count + 1000;
	strbuf_adds(&sql, "SELECT p.pk FROM person p");
	order_by(&sql, sort, reverse);
	rc = store_prepare(s, &st, strbuf_str(&sql), err);
	strbuf_free(&sql);
	if (rc != RC_OK)
		return rc;
	while (taken < want - offset && steps++ < cap &&
	    (rc = sqlite3_step(st)) == SQLITE_ROW) {
		pk = sqlite3_column_int64(st, 0);
		if (bitmap_get(&r->bm, pk) && seen++ >= offset)
			out[taken++] = pk;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE && rc != RC_OK)
		return store_error(s, err, "search");
	*found = taken >= want - offset || rc == SQLITE_DONE;
	return RC_OK;
}

/*
 * The matches into temp.match, one transaction for them all: a statement
 * each in its own would cost a journal's begin and end per match.
 */
static int
match_table(struct store *s, const struct search_result *r,
    struct error *err)
{
	sqlite3_stmt *ins = NULL;
	long long i;
	int rc;

	rc = store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS match("
	    "pk INTEGER PRIMARY KEY); SAVEPOINT match; "
	    "DELETE FROM temp.match", err);
	if (rc == RC_OK)
		rc = store_prepare(s, &ins, "INSERT INTO temp.match(pk) "
		    "VALUES (?)", err);
	for (i = bitmap_next(&r->bm, 0); rc == RC_OK && i >= 0;
	    i = bitmap_next(&r->bm, i + 1)) {
		sqlite3_bind_int64(ins, 1, i);
		if (sqlite3_step(ins) != SQLITE_DONE)
			rc = store_error(s, err, "search");
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	if (rc != RC_OK) {
		sqlite3_exec(s->db, "ROLLBACK TO match; RELEASE match",
		    NULL, NULL, NULL);
		return rc;
	}
	return store_exec(s, "RELEASE match", err);
}

/*
 * Few matches: let SQLite sort them.  CROSS JOIN keeps the few matches
 * outside: SQLite would rather walk the whole name index than sort.
 */
#define SORTED_MATCHES \
    "temp.match m CROSS JOIN person p ON p.pk = m.pk"

static int
walk_sorted(struct store *s, const struct search_result *r,
    enum search_sort sort, int reverse, long long offset, long long want,
    walk_cb cb, void *arg, struct error *err)
{
	struct strbuf sql = { 0 };
	sqlite3_stmt *st = NULL;
	long long taken = 0;
	int rc;

	if ((rc = match_table(s, r, err)) != RC_OK)
		return rc;
	strbuf_adds(&sql, "SELECT p.pk FROM " SORTED_MATCHES);
	order_by(&sql, sort, reverse);
	strbuf_adds(&sql, " LIMIT -1 OFFSET ?");
	rc = store_prepare(s, &st, strbuf_str(&sql), err);
	strbuf_free(&sql);
	if (rc != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, offset);
	while (taken++ < want - offset && (rc = sqlite3_step(st)) == SQLITE_ROW)
		if ((rc = cb(sqlite3_column_int64(st, 0), arg, err)) != RC_OK) {
			sqlite3_finalize(st);
			return rc;
		}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE && rc != RC_OK)
		rc = store_error(s, err, "search");
	else
		rc = RC_OK;
	sqlite3_finalize(st);
	return rc;
}

/*
 * A page of a few thousand matches in name order, when they bunch deep in
 * it (a surname): the name bands (terms.h) say which bands hold the page's
 * matches and how many, and only those bands of the name index are walked.
 * Between a few hundred matches and a sixteenth of the pool, when
 * walk_index would expect to step past more than BANDS_STEPS people or
 * gave up; fewer are sorted as they are, more are found soon by
 * walk_index.
 */
#define BANDS_MIN	200
#define BANDS_SHARE	16
#define BANDS_STEPS	8192

struct bands {
	struct band {
		char		*key;	/* the band's family names, folded */
		char		*next;	/* reverse: the next band's, or NULL */
		long long	 n;	/* matches in it */
	}		*b;
	size_t		 nb;
	char		*prev;	/* the key seen last */
	long long	 seen, want, steps;
	int		 reverse;
};

/* terms_each's: the bands with matches, each with its bounds. */
static int
band_add(const char *key, long long n, long long size, void *arg)
{
	struct bands *bs = arg;

	if (n > 0) {
		bs->b = xrealloc(bs->b, (bs->nb + 1) * sizeof *bs->b);
		bs->b[bs->nb].key = xstrdup(key);
		bs->b[bs->nb].next = bs->reverse && bs->prev != NULL ?
		    xstrdup(bs->prev) : NULL;
		bs->b[bs->nb++].n = n;
		bs->seen += n;
		bs->steps += size;
	}
	free(bs->prev);
	bs->prev = xstrdup(key);
	return bs->seen >= bs->want;
}

static void
bands_free(struct bands *bs)
{
	size_t i;

	for (i = 0; i < bs->nb; i++) {
		free(bs->b[i].key);
		free(bs->b[i].next);
	}
	free(bs->b);
	free(bs->prev);
}

/* Walks one band in order, handing on its matches from *seen >= offset. */
static int
band_walk(struct store *s, const struct search_result *r,
    const struct band *b, int reverse, long long offset, long long want,
    long long *seen, walk_cb cb, void *arg, struct error *err)
{
	struct strbuf sql = { 0 };
	sqlite3_stmt *st;
	long long pk, in = 0;
	int rc = RC_OK, step;

	strbuf_adds(&sql, "SELECT p.pk FROM person p");
	if (!reverse)
		strbuf_adds(&sql, " WHERE p.family_name >= ? COLLATE NOCASE");
	else if (b->next != NULL)
		strbuf_adds(&sql, " WHERE p.family_name < ? COLLATE NOCASE");
	order_by(&sql, SORT_NAME, reverse);
	rc = store_prepare(s, &st, strbuf_str(&sql), err);
	strbuf_free(&sql);
	if (rc != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, reverse ? b->next : b->key, -1,
	    SQLITE_STATIC);
	while (rc == RC_OK && in < b->n && *seen < want &&
	    (step = sqlite3_step(st)) == SQLITE_ROW) {
		pk = sqlite3_column_int64(st, 0);
		if (!bitmap_get(&r->bm, pk))
			continue;
		in++;
		if ((*seen)++ >= offset)
			rc = cb(pk, arg, err);
	}
	if (rc == RC_OK && in < b->n && *seen < want)
		rc = step == SQLITE_DONE ? error_set(err, RC_DB, "search: the "
		    "name bands hold people the name index does not (roster "
		    "check --repair rebuilds them)") :
		    store_error(s, err, "search");
	sqlite3_finalize(st);
	return rc;
}

static int
walk_bands(struct store *s, const struct search_result *r, int reverse,
    long long offset, long long want, walk_cb cb, void *arg, int *found,
    struct error *err)
{
	struct bands bs = { 0 };
	long long seen = 0;
	size_t i;
	int used, rc;

	*found = 0;
	bs.want = want;
	bs.reverse = reverse;
	if ((rc = terms_each(s, "name", &r->bm, reverse, band_add, &bs, &used,
	    err)) != RC_OK || !used || bs.seen < want ||
	    bs.steps > BANDS_SHARE * r->count) {
		bands_free(&bs);
		return rc;
	}
	*found = 1;
	for (i = 0; rc == RC_OK && i < bs.nb && seen < want; i++) {
		if (seen + bs.b[i].n <= offset)
			seen += bs.b[i].n;
		else
			rc = band_walk(s, r, &bs.b[i], reverse, offset, want,
			    &seen, cb, arg, err);
	}
	bands_free(&bs);
	return rc;
}

/*
 * Every match in an order an index gives, when they are many: walking the
 * whole index then costs less than sorting them (see walk_index).
 */
static int
walk_whole_index(const struct search_result *r, enum search_sort sort)
{
	long long pool = r->total > 0 ? r->total : bitmap_capacity(&r->bm);

	return sorts[sort_index(sort)].indexed && pool < 4 * r->count;
}

/* Hands matches offset..offset+limit-1 (limit -1: all) to cb, in order. */
static int
walk(struct store *s, const struct search_result *r, enum search_sort sort,
    int reverse, long long offset, long long limit, walk_cb cb, void *arg,
    struct error *err)
{
	long long want, pool, *pks, i;
	int found = 0, banded, rc = RC_OK;

	want = limit < 0 ? r->count : offset + limit;
	if (want > r->count)
		want = r->count;
	if (want <= offset)
		return RC_OK;
	pool = r->total > 0 ? r->total : bitmap_capacity(&r->bm);
	banded = sort == SORT_NAME && !r->bm.neg && r->count >= BANDS_MIN &&
	    r->count <= pool / BANDS_SHARE;
	/* Bands first when the index walk would be long; after it when it
	 * gave up (the matches bunch). */
	if (banded && want * pool / r->count > BANDS_STEPS &&
	    ((rc = walk_bands(s, r, reverse, offset, want, cb, arg, &found,
	    err)) != RC_OK || found))
		return rc;
	if (sorts[sort_index(sort)].indexed && want * pool / r->count <
	    WALK_STEPS_PER_MATCH * r->count) {
		pks = xcalloc((size_t)(want - offset), sizeof *pks);
		rc = walk_index(s, r, sort, reverse, offset, want, banded ?
		    WALK_STEPS_BANDED : WALK_STEPS_PER_MATCH, pks, &found,
		    err);
		for (i = 0; rc == RC_OK && found && i < want - offset; i++)
			rc = cb(pks[i], arg, err);
		free(pks);
		if (rc == RC_OK && !found && banded && want * pool /
		    r->count <= BANDS_STEPS)
			rc = walk_bands(s, r, reverse, offset, want, cb, arg,
			    &found, err);
	}
	if (rc != RC_OK || found)
		return rc;
	return walk_sorted(s, r, sort, reverse, offset, want, cb, arg, err);
}

struct page {
	long long	*pks;
	size_t		 n;
};

static int
page_add(long long pk, void *arg, struct error *err)
{
	struct page *p = arg;

	(void)err;
	p->pks[p->n++] = pk;
	return RC_OK;
}

int
search_page(struct store *s, const struct search_result *r,
    enum search_sort sort, int reverse, long long offset, long long *pks,
    size_t max, size_t *n, struct error *err)
{
	struct page p = { pks, 0 };
	long long end, tmp;
	size_t i;
	int rc;

	end = offset + (long long)max < r->count ? offset + (long long)max :
	    r->count;
	/*
	 * A page nearer the end is read from the end, in the reverse order:
	 * the last page of a million is then as quick as the first.
	 */
	if (offset < end && r->count - end < offset) {
		rc = walk(s, r, sort, !reverse, r->count - end, end - offset,
		    page_add, &p, err);
		for (i = 0; i < p.n / 2; i++) {
			tmp = pks[i];
			pks[i] = pks[p.n - 1 - i];
			pks[p.n - 1 - i] = tmp;
		}
	} else
		rc = walk(s, r, sort, reverse, offset, (long long)max,
		    page_add, &p, err);
	*n = p.n;
	return rc;
}

static int
collect_add(long long pk, void *arg, struct error *err)
{
	sqlite3_stmt *ins = arg;
	int rc;

	sqlite3_bind_int64(ins, 1, pk);
	rc = sqlite3_step(ins);
	sqlite3_reset(ins);
	if (rc != SQLITE_DONE)
		return error_set(err, RC_DB, "search: %s",
		    sqlite3_errmsg(sqlite3_db_handle(ins)));
	return RC_OK;
}

static int
result_table(struct store *s, sqlite3_stmt **ins, struct error *err)
{
	int rc;

	if ((rc = store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS result("
	    "seq INTEGER PRIMARY KEY, pk INTEGER NOT NULL); "
	    "DELETE FROM temp.result", err)) != RC_OK || ins == NULL)
		return rc;
	return store_prepare(s, ins, "INSERT INTO temp.result(pk) VALUES (?)",
	    err);
}

/* The matches in order as a FROM clause: search_from's own two ways. */
static int
matches_from(struct store *s, const struct search_result *r,
    enum search_sort sort, int reverse, struct strbuf *from,
    struct error *err)
{
	int rc;

	if (walk_whole_index(r, sort))
		strbuf_adds(from, "person p WHERE bitmap_has(:matches, p.pk)");
	else if ((rc = match_table(s, r, err)) != RC_OK)
		return rc;
	else
		strbuf_adds(from, SORTED_MATCHES);
	order_by(from, sort, reverse);
	return RC_OK;
}

int
search_from(struct store *s, const struct search_result *r,
    enum search_sort sort, int reverse, int narrow, struct strbuf *from,
    struct error *err)
{
	int rc;

	if (narrow || walk_whole_index(r, sort))
		return matches_from(s, r, sort, reverse, from, err);
	if ((rc = search_collect(s, r, sort, reverse, err)) == RC_OK)
		strbuf_adds(from, SEARCH_FROM_RESULT);
	return rc;
}

int
search_collect(struct store *s, const struct search_result *r,
    enum search_sort sort, int reverse, struct error *err)
{
	struct strbuf sql = { 0 };
	sqlite3_stmt *st;
	int rc;

	if ((rc = result_table(s, NULL, err)) != RC_OK)
		return rc;
	if (r->count == 0)
		return RC_OK;
	/* One statement: its rows go in in the order it yields them. */
	strbuf_adds(&sql, "INSERT INTO temp.result(pk) SELECT p.pk FROM ");
	if ((rc = matches_from(s, r, sort, reverse, &sql, err)) == RC_OK)
		rc = store_prepare(s, &st, strbuf_str(&sql), err);
	strbuf_free(&sql);
	if (rc != RC_OK)
		return rc;
	search_from_bind(r, st);
	rc = sqlite3_step(st) == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "search");
	sqlite3_finalize(st);
	return rc;
}

void
search_from_bind(const struct search_result *r, sqlite3_stmt *st)
{
	int i = sqlite3_bind_parameter_index(st, ":matches");

	if (i > 0 && r != NULL)
		sqlite3_bind_pointer(st, i, (void *)&r->bm, SQLFUNC_BITMAP,
		    NULL);
}

int
search_collect_pks(struct store *s, const long long *pks, size_t n,
    struct error *err)
{
	sqlite3_stmt *ins;
	size_t i;
	int rc;

	if ((rc = result_table(s, &ins, err)) != RC_OK)
		return rc;
	for (i = 0; i < n && rc == RC_OK; i++)
		rc = collect_add(pks[i], ins, err);
	sqlite3_finalize(ins);
	return rc;
}

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bitmap.h"
#include "search.h"
#include "strbuf.h"

struct search_result {
	struct bitmap	 bm;
	long long	 count;
	long long	 total;		/* people in the pool */
};

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

/* The set's rows go straight into the bitmap, inside SQLite's loop. */
static int
run_set(struct store *s, const struct filter *f, const struct filter_set *set,
    struct bitmap *out, struct error *err)
{
	struct strbuf sql = { 0 };
	sqlite3_stmt *st;
	int rc;

	strbuf_addf(&sql, "SELECT bitmap_add(?, pk) FROM (%s)", set->sql);
	rc = store_prepare(s, &st, strbuf_str(&sql), err);
	strbuf_free(&sql);
	if (rc != RC_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, out, BITMAP_POINTER, NULL);
	filter_bind_set(f, set, st, 2);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		continue;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "search");
	return RC_OK;
}

static int
eval(struct store *s, const struct filter *f, const struct filter_set *set,
    struct bitmap *out, struct error *err)
{
	struct bitmap b;
	int rc;

	switch (set->op) {
	case SET_QUERY:
		return run_set(s, f, set, out, err);
	case SET_NOT:
		if ((rc = eval(s, f, set->a, out, err)) == RC_OK)
			out->neg = !out->neg;
		return rc;
	default:
		if ((rc = eval(s, f, set->a, out, err)) != RC_OK)
			return rc;
		bitmap_init(&b, (long long)out->nwords * 64 - 1);
		if ((rc = eval(s, f, set->b, &b, err)) == RC_OK)
			bitmap_combine(out, &b, set->op == SET_AND);
		bitmap_free(&b);
		return rc;
	}
}

int
search_eval(struct store *s, const struct filter *f,
    struct search_result **out, struct error *err)
{
	struct search_result *r;
	long long maxpk;
	int rc;

	*out = NULL;
	if ((rc = store_int(s, "SELECT coalesce(max(pk), 0) FROM person", &maxpk,
	    err)) != RC_OK)
		return rc;
	r = xcalloc(1, sizeof *r);
	bitmap_init(&r->bm, maxpk);
	r->total = -1;
	if (filter_root(f) == NULL)
		r->bm.neg = 1;	/* the complement of nobody */
	else if ((rc = eval(s, f, filter_root(f), &r->bm, err)) != RC_OK) {
		search_result_free(r);
		return rc;
	}
	r->count = bitmap_popcount(&r->bm);
	/* Only a complement needs the size of the pool. */
	if (r->bm.neg) {
		if ((rc = store_int(s, "SELECT count(*) FROM person", &r->total,
		    err)) != RC_OK) {
			search_result_free(r);
			return rc;
		}
		r->count = r->total - r->count;
	}
	*out = r;
	return RC_OK;
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

int
search_count(struct store *s, const struct filter *f, long long *n,
    struct error *err)
{
	struct search_result *r;
	int rc;

	if ((rc = search_eval(s, f, &r, err)) != RC_OK)
		return rc;
	*n = r->count;
	search_result_free(r);
	return RC_OK;
}

/* Receives the matches in order; a non-zero return stops the walk. */
typedef int (*walk_cb)(long long pk, void *arg, struct error *err);

/*
 * Few matches: put them in a temp table and let SQLite sort them.  Many:
 * walk the sort's index and keep the matches, which finds a page after
 * about page * pool / matches steps and sorts nothing.
 */
static int
walk(struct store *s, const struct search_result *r, enum search_sort sort,
    int reverse, long long offset, long long limit, walk_cb cb, void *arg,
    struct error *err)
{
	struct strbuf sql = { 0 };
	sqlite3_stmt *st = NULL, *ins = NULL;
	long long pk, seen = 0, taken = 0, want, steps, i;
	int rc, scan;

	want = limit < 0 ? r->count : offset + limit;
	if (want > r->count)
		want = r->count;
	steps = r->count > 0 ? want * (r->total > 0 ? r->total :
	    (long long)r->bm.nwords * 64) / r->count : 0;
	scan = sorts[sort_index(sort)].indexed && steps < 4 * r->count;
	if (scan)
		strbuf_adds(&sql, "SELECT p.pk FROM person p");
	else {
		rc = store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS match("
		    "pk INTEGER PRIMARY KEY); DELETE FROM temp.match", err);
		if (rc == RC_OK)
			rc = store_prepare(s, &ins, "INSERT INTO temp.match(pk) "
			    "VALUES (?)", err);
		for (i = 0; rc == RC_OK && i < (long long)r->bm.nwords * 64;
		    i++) {
			if (!bitmap_get(&r->bm, i))
				continue;
			sqlite3_bind_int64(ins, 1, i);
			if (sqlite3_step(ins) != SQLITE_DONE)
				rc = store_error(s, err, "search");
			sqlite3_reset(ins);
		}
		sqlite3_finalize(ins);
		if (rc != RC_OK)
			return rc;
		strbuf_adds(&sql, "SELECT p.pk FROM temp.match m "
		    "JOIN person p ON p.pk = m.pk");
	}
	order_by(&sql, sort, reverse);
	rc = store_prepare(s, &st, strbuf_str(&sql), err);
	strbuf_free(&sql);
	if (rc != RC_OK)
		return rc;
	while (taken < want - offset && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		pk = sqlite3_column_int64(st, 0);
		if (!bitmap_get(&r->bm, pk) || seen++ < offset)
			continue;
		taken++;
		if ((rc = cb(pk, arg, err)) != RC_OK) {
			sqlite3_finalize(st);
			return rc;
		}
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE && rc != RC_OK)
		rc = store_error(s, err, "search");
	else
		rc = RC_OK;
	sqlite3_finalize(st);
	return rc;
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
	int rc;

	rc = walk(s, r, sort, reverse, offset, (long long)max, page_add, &p,
	    err);
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

int
search_collect(struct store *s, const struct search_result *r,
    enum search_sort sort, int reverse, struct error *err)
{
	sqlite3_stmt *ins;
	int rc;

	if ((rc = store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS result("
	    "seq INTEGER PRIMARY KEY, pk INTEGER NOT NULL); "
	    "DELETE FROM temp.result", err)) != RC_OK)
		return rc;
	if ((rc = store_prepare(s, &ins, "INSERT INTO temp.result(pk) "
	    "VALUES (?)", err)) != RC_OK)
		return rc;
	rc = walk(s, r, sort, reverse, 0, -1, collect_add, ins, err);
	sqlite3_finalize(ins);
	return rc;
}

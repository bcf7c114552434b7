#include "tags.h"
#include "strbuf.h"

void
tags_toggle(struct tags *t, long long pk)
{
	if (pk < 0)
		return;
	t->n += bitmap_toggle(&t->bm, pk) ? 1 : -1;
}

int
tags_has(const struct tags *t, long long pk)
{
	return bitmap_get(&t->bm, pk);
}

long long *
tags_pks(const struct tags *t, size_t *n)
{
	long long *pks = xcalloc(t->n > 0 ? (size_t)t->n : 1, sizeof *pks);
	long long pk;

	*n = 0;
	for (pk = bitmap_next(&t->bm, 0); pk >= 0 && *n < (size_t)t->n;
	    pk = bitmap_next(&t->bm, pk + 1))
		pks[(*n)++] = pk;
	return pks;
}

void
tags_free(struct tags *t)
{
	bitmap_free(&t->bm);
	t->n = 0;
}

int
tags_add_result(struct store *s, struct tags *t,
    const struct search_result *r, struct error *err)
{
	sqlite3_stmt *st;
	long long pk;
	int rc;

	if ((rc = store_prepare(s, &st, "SELECT pk FROM person", err)) != RC_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pk = sqlite3_column_int64(st, 0);
		if (search_result_has(r, pk) && !tags_has(t, pk))
			tags_toggle(t, pk);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? RC_OK : store_error(s, err, "tag");
}

int
tags_collect(struct store *s, const struct tags *t, enum search_sort sort,
    int reverse, struct error *err)
{
	struct search_result *r;
	struct bitmap bm;
	sqlite3_stmt *st;
	long long pk, n = 0;
	int rc;

	bitmap_init(&bm, bitmap_capacity(&t->bm) > 0 ?
	    bitmap_capacity(&t->bm) - 1 : 0);
	/* Someone else may have erased a tagged person meanwhile. */
	if ((rc = store_prepare(s, &st, "SELECT 1 FROM person WHERE pk = ?",
	    err)) != RC_OK) {
		bitmap_free(&bm);
		return rc;
	}
	for (pk = bitmap_next(&t->bm, 0); pk >= 0 && rc == RC_OK;
	    pk = bitmap_next(&t->bm, pk + 1)) {
		sqlite3_bind_int64(st, 1, pk);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			bitmap_set(&bm, pk);
			n++;
		}
		rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? RC_OK :
		    store_error(s, err, "tag");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (rc == RC_OK) {
		r = search_result_from(&bm, n);
		rc = search_collect(s, r, sort, reverse, err);
		search_result_free(r);
	}
	bitmap_free(&bm);
	return rc;
}

/*
 * search.h - running a compiled filter: which people match, how many, and
 * in what order.  The full-screen list and `roster search` share this.
 *
 * A filter's sets (filter.h) are evaluated as bitmaps over person pks, so
 * the cost of a search is the size of its terms' index ranges, not a scan
 * of the pool; counting is a popcount, and a page in sort order walks the
 * sort's index until it has enough matches (or sorts the few there are).
 *
 * A search_cache remembers the bitmaps of recent set queries until the
 * database changes, so that a filter typed a key at a time costs only the
 * term being typed.
 *
 * Memory: search_eval returns a result the caller frees with
 * search_result_free; search_cache_new a cache freed with
 * search_cache_free; search_page fills a caller-owned array;
 * search_collect leaves its rows in the connection's temp.result table,
 * which lives until the next search_collect or the connection closes;
 * search_from appends to a caller-owned strbuf.
 */
#ifndef ROSTER_SEARCH_H
#define ROSTER_SEARCH_H

#include <stddef.h>

#include "bitmap.h"
#include "error.h"
#include "filter.h"
#include "store.h"
#include "strbuf.h"

enum search_sort { SORT_NAME, SORT_AGENCY, SORT_NOTICE, SORT_MISSION,
    SORT_ID };

/* "name", "agency", "notice", "mission" or "id"; a leading '-' reverses. */
int	search_sort_parse(const char *key, enum search_sort *sort,
	    int *reverse, struct error *err);

struct search_result;
struct search_cache;

struct search_cache *search_cache_new(void);
void	search_cache_free(struct search_cache *);

/* cache may be NULL. */
int	search_eval(struct store *, const struct filter *,
	    struct search_cache *, struct search_result **out,
	    struct error *err);
/* Narrows r to those who also match one set of f's tree (a part of
 * filter_root's): a filter's terms taken one at a time. */
int	search_narrow(struct store *, const struct filter *,
	    const struct filter_set *, struct search_cache *,
	    struct search_result *r, struct error *err);
/*
 * Why a filter that matches nobody does: for terms ANDed at the top level,
 * the first that empties the people the terms before it match, as "27
 * match lang:nl>=B2; none of them also match theme:forensics"; else "no
 * match".  The CLI and the screen both say this.
 */
int	search_explain_empty(struct store *, const char *text, int today,
	    struct search_cache *, struct strbuf *out, struct error *err);
/* filter_compile and search_eval in one, for filters the program writes
 * itself (avail:today, a need): cache may be NULL. */
int	search_text(struct store *, const char *text, int today,
	    struct search_cache *, struct search_result **out,
	    struct error *err);
void	search_result_free(struct search_result *);
long long search_result_count(const struct search_result *);
/* A result of exactly the count people set in bm (which is copied). */
struct search_result *search_result_from(const struct bitmap *bm,
	    long long count);
/* Whether the person with this pk is among the matches. */
int	search_result_has(const struct search_result *, long long pk);
/* The matches as a bitmap over person pks (a complement when neg); it
 * belongs to the result. */
const struct bitmap *search_result_bitmap(const struct search_result *);

/*
 * The person pks of matches offset..offset+max-1 in sort order; *n is how
 * many were written.
 */
int	search_page(struct store *, const struct search_result *,
	    enum search_sort, int reverse, long long offset, long long *pks,
	    size_t max, size_t *n, struct error *err);

/* Every match, in order, into temp.result(seq INTEGER PRIMARY KEY, pk):
 * one statement, whatever the number of matches. */
int	search_collect(struct store *, const struct search_result *,
	    enum search_sort, int reverse, struct error *err);

/*
 * Every match, in order, as what follows "SELECT ... FROM " in a statement
 * on person p, appended to from: for a writer that reads the matches' rows
 * in the same walk.  Many matches in an order an index gives walk that
 * index and test the bitmap inside SQLite, so that only the matches' rows
 * are read and nothing is gathered first.  Fewer are sorted by SQLite: by
 * their keys alone into temp.result (search_collect, SEARCH_FROM_RESULT),
 * or, when the statement's columns are narrow (ids), with its columns,
 * which then cost one read of each row, not two.  search_from_bind binds
 * the bitmap in a statement prepared with from, while r lives.
 */
int	search_from(struct store *, const struct search_result *,
	    enum search_sort, int reverse, int narrow, struct strbuf *from,
	    struct error *err);
void	search_from_bind(const struct search_result *, sqlite3_stmt *);
/* temp.result's people (search_collect) as search_from gives them. */
#define SEARCH_FROM_RESULT \
    "temp.result r JOIN person p ON p.pk = r.pk ORDER BY r.seq"

/* These people, in this order, into temp.result: for lists made
 * otherwise than by a filter (a suggested team). */
int	search_collect_pks(struct store *, const long long *pks, size_t n,
	    struct error *err);

/* search_eval and search_result_count in one, for a count alone. */
int	search_count(struct store *, const struct filter *, long long *n,
	    struct error *err);

#endif

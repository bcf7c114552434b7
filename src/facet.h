/*
 * facet.h - how the current matches spread over countries served,
 * languages, themes, agencies and origins (the pools people came from),
 * so that a coordinator can narrow a search by picking a value (the facet
 * panel of the full-screen list).
 *
 * A person counts once per value: once for Mali however many missions
 * they served there, once for a theme that is both their own and a
 * mission's.  Agencies and origins are grouped ignoring (ASCII) case, as
 * agency:a and origin:o match them; a group shows its most common
 * spelling among the matches.
 *
 * Two plans.  Few matches are looked up one person at a time.  Many are
 * counted by reading one bitmap per value and ANDing it with the result:
 * the value's term bitmap (terms.h) where the pool keeps them, else its
 * index range, which reads the facet's tables whatever the result.  A
 * facet_cache keeps those per-value sets until the database changes, and
 * every later count is then a popcount.
 *
 * A progress handler (store_interrupt) may stop a count: the call then
 * fails with the store_error status and leaves out empty, and a cache
 * keeps nothing half built.
 *
 * Memory: facet_count and its variants fill a caller-owned struct facet
 * whose array and strings the caller frees with facet_free (out is
 * emptied first, and stays empty on failure).  facet_cache_new returns a
 * cache freed with facet_cache_free; a cache serves one store.
 * facet_term appends to a caller-owned strbuf.  facet_key and
 * facet_title return static strings.
 */
#ifndef ROSTER_FACET_H
#define ROSTER_FACET_H

#include <stddef.h>

#include "error.h"
#include "search.h"
#include "store.h"
#include "strbuf.h"

enum facet_kind { FACET_COUNTRY, FACET_LANG, FACET_THEME, FACET_AGENCY,
    FACET_ORIGIN, FACET_N };

struct facet_value {
	char		*value;	/* what follows the key in a filter term:
				 * "ML", "ar", "border-management", "KMar" */
	char		*label;	/* for display: "Mali", "Arabic",
				 * "border-management", "KMar" */
	long long	 count;
};

/* By count, most first, then by value (bytewise). */
struct facet {
	struct facet_value	*v;
	size_t			 n;
};

/* "country", "lang", "theme", "agency", "origin": the filter key. */
const char *facet_key(enum facet_kind);
/* "Countries", "Languages", "Themes", "Agencies", "Origins". */
const char *facet_title(enum facet_kind);

/* The max most common values; max 0 means all of them. */
int	facet_count(struct store *, const struct search_result *,
	    enum facet_kind, size_t max, struct facet *out, struct error *err);
void	facet_free(struct facet *);

struct facet_cache;

struct facet_cache *facet_cache_new(void);
void	facet_cache_free(struct facet_cache *);

/*
 * facet_count through a cache (NULL: none), for interactive use.  The
 * first count of a kind with many matches pays for reading its values'
 * sets (at a million people, about 0.2 s for all five kinds from the term
 * bitmaps, 1.2 s from the tables; 10 MB kept); after that, until the
 * database changes, any result costs milliseconds.
 */
int	facet_count_cached(struct store *, struct facet_cache *,
	    const struct search_result *, enum facet_kind, size_t max,
	    struct facet *out, struct error *err);

/*
 * Builds every kind's sets that c lacks for the database as it is now, so
 * that the next count, whatever the result, is a popcount: for the
 * screen's idle time, before the panel is asked for.  A progress handler
 * may stop it (the store_error status); the kinds built whole are kept.
 */
int	facet_cache_fill(struct store *, struct facet_cache *,
	    struct error *err);

/* Which plan to use: tests and benchmarks force one, callers say AUTO. */
enum facet_plan { FACET_AUTO, FACET_SCAN, FACET_ITERATE };

int	facet_count_plan(struct store *, struct facet_cache *,
	    const struct search_result *, enum facet_kind, enum facet_plan,
	    size_t max, struct facet *out, struct error *err);

/*
 * Appends the filter term that selects value: lang:ar, and quoted when
 * the value has a space or a parenthesis: agency:"National Police".  The
 * filter language cannot write a '"' inside a value, so one is left out.
 */
void	facet_term(enum facet_kind, const char *value, struct strbuf *out);

#endif

/*
 * suggest_int.h - what the parts of suggest_team (suggest.h) share; private
 * to them.  suggest.c runs the phases and writes the report;
 * suggest_score.c scores people and reads the best; suggest_group.c
 * groups candidates into classes of interchangeable people;
 * suggest_cover.c finds the smallest cover of the needs by those classes.
 *
 * Not including suggest.h keeps the public header's module out of a cycle
 * with this one.
 *
 * Memory: a ctx's arrays and statement are released by suggest.c;
 * a cand owns its strings (cand_free); each function below that hands out
 * an array says who frees it.
 */
#ifndef ROSTER_SUGGEST_INT_H
#define ROSTER_SUGGEST_INT_H

#include <stddef.h>
#include <stdint.h>

#include "bitmap.h"
#include "deploy.h"
#include "error.h"
#include "search.h"
#include "store.h"

/* Needs are the bits of a uint64_t mask: per-need arrays have this many
 * (suggest.c refuses more than SUGGEST_MAX_NEEDS, which fits). */
#define NEED_BITS	64

/* For each bit i of mask (a need, a language), lowest first; m is the
 * loop's copy of the mask. */
#define MASK_FOREACH(i, m, mask)					\
	for ((m) = (mask); (m) != 0 && ((i) = __builtin_ctzll(m), 1);	\
	    (m) &= (m) - 1)

/* Languages a deployment's needs can name that enter the score. */
#define MAX_LANGS	64

/* The cover search packs a class and a rank below this into one sort key
 * (suggest_cover.c); more people are refused. */
#define COVER_MAX_PEOPLE	((size_t)1 << 24)

struct lang {
	char		 code[3];
	uint16_t	*level;		/* per pk, 0 if not spoken */
};

/* A person kept for the search or proposed, with what the score needs. */
struct cand {
	long long	 pk;
	uint64_t	 mask;		/* needs met */
	uint64_t	 omask;		/* open needs met */
	uint32_t	 key;		/* the score, larger is better */
	int		 year, notice, level, lang;
	int		 agency;	/* in ctx.agencies, -1 uncapped */
	size_t		 rank;		/* in the full order of the kept */
	char		*family, *given, *id;
};

/* Candidates before they are read: only what the bitmaps tell. */
struct ent {
	uint64_t	 omask, mask;
	long long	 pk;
	uint32_t	 key;
};

/* One suggestion: the deployment, what is still needed, the scores. */
struct ctx {
	struct store		 *s;
	const struct deployment	 *d;
	int			  today, this_year, from, to;
	size_t			  nneeds, cap;
	struct search_result	**need;
	size_t			  nbits;	/* pks below this */
	uint16_t		 *year, *notice;	/* notice: days + 1 */
	struct lang		  langs[MAX_LANGS];
	size_t			  nlangs;
	uint64_t		  need_langs[NEED_BITS];
	int			  r[NEED_BITS]; /* after members */
	char			**agencies;	/* folded */
	size_t			  nagencies;
	int			 *member_agency; /* active members */
	int			 *ag_used;	 /* and suggestions */
	sqlite3_stmt		 *person_st;	/* read_cand's */
};

/* Interchangeable people: same open needs (and agency, when capped),
 * people[first..first+n) best first. */
struct cls {
	uint64_t	 omask;
	size_t		 first, n;
	int		 agency;
};

/* suggest_score.c */

/* The per-pk scores (languages, service in the country, notice), read
 * for the candidates in cands. */
int		score_load(struct ctx *, const struct bitmap *cands,
		    struct error *err);
/* pk's score for the needs in mask; year, notice, level and lang, unless
 * NULL, get its parts (lang: in ctx.langs, -1 for none). */
uint32_t	score_person(const struct ctx *, long long pk, uint64_t mask,
		    int *year, int *notice, int *level, int *lang);
/* The folded agency's index in ctx.agencies, added if new; -1 for none. */
int		agency_index(struct ctx *, const char *agency);
/* The full order: score, then name (as NOCASE), then id. */
int		cand_cmp(const void *, const void *);
void		cand_free(struct cand *);
/* Each of p[0..n) and the array. */
void		cands_free(struct cand *p, size_t n);
/* Numbers people in the full order (cand.rank). */
void		cand_rank(struct cand *, size_t n);
/* The first k of e[0..n) (in pk order), read, in full order, into a new
 * *out the caller frees (with cand_free for each). */
int		cand_top_k(struct ctx *, const struct ent *e, size_t n,
		    size_t k, struct cand **out, size_t *nout,
		    struct error *err);

/* suggest_group.c */

/* Orders uint64_t values (masks, sort keys) for qsort. */
int		u64_cmp(const void *, const void *);
/*
 * The classes for the cover, from the candidates e[0..n) (in pk order;
 * *e is reordered): the people kept, in new arrays the caller frees.
 */
int		group_classes(struct ctx *, struct ent **e, size_t n,
		    struct cand **people, size_t *npeople, struct cls **cls,
		    size_t *nc, struct error *err);

/* suggest_cover.c */

/* How many of each class's people the cover takes, into used[0..nc). */
void		cover_find(const struct ctx *, const struct cls *, size_t nc,
		    const struct cand *people, size_t *used);

#endif

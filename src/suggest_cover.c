#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "suggest.h"
#include "suggest_int.h"

/* Deeper than this the exact search is not tried (its recursion). */
#define MAX_DEPTH	4096

/*
 * The order classes are tried in, as one number, smaller first: more open
 * needs met (64 - gain, above the rest), then the better next person (its
 * rank), then the class, which the low bits give back.
 */
#define ORDER_CLASS_BITS	25
#define ORDER_RANK_BITS		25
#define ORDER_CLASS_MASK	(((uint64_t)1 << ORDER_CLASS_BITS) - 1)

_Static_assert(COVER_MAX_PEOPLE <= (size_t)1 << ORDER_RANK_BITS &&
    COVER_MAX_PEOPLE <= (size_t)1 << ORDER_CLASS_BITS,
    "a rank and a class fit in a sort key");

/* The state of the search: the people taken so far and the best cover. */
struct search {
	const struct cls	*cls;
	size_t			 nc;
	const struct cand	*people;
	size_t			 cap;
	int			 r[NEED_BITS];
	uint64_t		 open;
	size_t			*used;
	int			*banned;
	int			*ag_used;
	size_t			 nag;
	size_t			 size;
	long long		 score;
	long long		 nodes;
	int			 aborted;
	int			 have_best;
	size_t			 best_size;
	long long		 best_score;
	size_t			*best_used;
};

static void	dfs(struct search *);

static uint64_t
order_pack(int gain, size_t rank, size_t c)
{
	return (uint64_t)(64 - gain) << (ORDER_RANK_BITS + ORDER_CLASS_BITS) |
	    (uint64_t)rank << ORDER_CLASS_BITS | (uint64_t)c;
}

static size_t
order_class(uint64_t o)
{
	return (size_t)(o & ORDER_CLASS_MASK);
}

static int
eligible(const struct search *S, size_t c)
{
	const struct cls *k = &S->cls[c];

	return !S->banned[c] && S->used[c] < k->n && (k->omask & S->open) &&
	    (S->cap == 0 || k->agency < 0 ||
	    (size_t)S->ag_used[k->agency] < S->cap);
}

static uint32_t
next_key(const struct search *S, size_t c)
{
	return S->people[S->cls[c].first + S->used[c]].key;
}

static uint64_t
take(struct search *S, size_t c)
{
	uint64_t dec = S->cls[c].omask & S->open, m;
	int i;

	S->score += next_key(S, c);
	S->used[c]++;
	if (S->cls[c].agency >= 0)
		S->ag_used[S->cls[c].agency]++;
	S->size++;
	MASK_FOREACH(i, m, dec)
		if (--S->r[i] == 0)
			S->open &= ~((uint64_t)1 << i);
	return dec;
}

static void
untake(struct search *S, size_t c, uint64_t dec)
{
	uint64_t m;
	int i;

	MASK_FOREACH(i, m, dec) {
		S->r[i]++;
		S->open |= (uint64_t)1 << i;
	}
	S->size--;
	if (S->cls[c].agency >= 0)
		S->ag_used[S->cls[c].agency]--;
	S->used[c]--;
	S->score -= next_key(S, c);
}

static void
record(struct search *S)
{
	S->have_best = 1;
	S->best_size = S->size;
	S->best_score = S->score;
	memcpy(S->best_used, S->used, S->nc * sizeof *S->used);
}

static uint64_t
class_order(const struct search *S, size_t c)
{
	return order_pack(__builtin_popcountll(S->cls[c].omask & S->open),
	    S->people[S->cls[c].first + S->used[c]].rank, c);
}

static void
greedy(struct search *S)
{
	uint64_t o, best;
	size_t c;

	while (S->open != 0) {
		best = UINT64_MAX;
		for (c = 0; c < S->nc; c++)
			if (eligible(S, c) && (o = class_order(S, c)) < best)
				best = o;
		if (best == UINT64_MAX)
			break;
		take(S, order_class(best));
	}
}

/*
 * What the eligible classes can still give each open need (supply, within
 * the agency cap) and in how many ways (count); the most open needs one
 * class meets and the best next score.
 */
static void
tally(const struct search *S, long long *supply, int *count, size_t *maxcov,
    uint32_t *maxnext)
{
	long long room;
	size_t c, cov, i;
	uint64_t m;

	for (c = 0; c < S->nc; c++) {
		if (!eligible(S, c))
			continue;
		cov = (size_t)__builtin_popcountll(S->cls[c].omask & S->open);
		if (cov > *maxcov)
			*maxcov = cov;
		if (next_key(S, c) > *maxnext)
			*maxnext = next_key(S, c);
		room = (long long)(S->cls[c].n - S->used[c]);
		if (S->cap > 0 && S->cls[c].agency >= 0 &&
		    (long long)S->cap - S->ag_used[S->cls[c].agency] < room)
			room = (long long)S->cap -
			    S->ag_used[S->cls[c].agency];
		MASK_FOREACH(i, m, S->cls[c].omask & S->open) {
			supply[i] += room;
			count[i]++;
		}
	}
}

/*
 * Whether a better cover may still be found from here; *need gets the open
 * need with the fewest ways to meet it, to branch on.  The bound on the
 * people still to add is max(largest demand, demand / most needs one
 * class meets).
 */
static int
promising(const struct search *S, int *need)
{
	long long supply[NEED_BITS], sumr = 0;
	int count[NEED_BITS];
	size_t lb, maxr = 0, maxcov = 0, i;
	uint32_t maxnext = 0;
	uint64_t m;

	memset(supply, 0, sizeof supply);
	memset(count, 0, sizeof count);
	MASK_FOREACH(i, m, S->open) {
		sumr += S->r[i];
		if ((size_t)S->r[i] > maxr)
			maxr = (size_t)S->r[i];
	}
	tally(S, supply, count, &maxcov, &maxnext);
	if (maxcov == 0)
		return 0;
	MASK_FOREACH(i, m, S->open)
		if (supply[i] < S->r[i])
			return 0;
	lb = ((size_t)sumr + maxcov - 1) / maxcov;
	if (maxr > lb)
		lb = maxr;
	if (S->have_best && (S->size + lb > S->best_size ||
	    (S->size + lb == S->best_size &&
	    S->score + (long long)lb * maxnext <= S->best_score)))
		return 0;
	if (S->size + lb > MAX_DEPTH)
		return 0;
	*need = -1;
	MASK_FOREACH(i, m, S->open) {
		if (*need < 0 || count[i] < count[*need] ||
		    (count[i] == count[*need] && S->r[i] > S->r[*need]))
			*need = (int)i;
	}
	return 1;
}

/*
 * Branch t: one more person from the t-th class that meets need (in the
 * greedy order, so good covers are found early) and none more from the
 * classes before it: the branches split the covers without overlap.
 */
static void
branch(struct search *S, int need)
{
	uint64_t *list, dec;
	size_t c, nlist = 0, j, t;

	list = xcalloc(S->nc, sizeof *list);
	for (c = 0; c < S->nc; c++)
		if (eligible(S, c) && (S->cls[c].omask >> need & 1))
			list[nlist++] = class_order(S, c);
	if (nlist > 0)
		qsort(list, nlist, sizeof *list, u64_cmp);
	for (j = 0; j < nlist; j++)
		list[j] = order_class(list[j]);
	for (t = 0; t < nlist && !S->aborted; t++) {
		dec = take(S, list[t]);
		dfs(S);
		untake(S, list[t], dec);
		S->banned[list[t]]++;
	}
	for (j = 0; j < t; j++)
		S->banned[list[j]]--;
	free(list);
}

static void
dfs(struct search *S)
{
	int need;

	if (S->aborted)
		return;
	if (++S->nodes > SUGGEST_NODE_LIMIT) {
		S->aborted = 1;
		return;
	}
	if (S->open == 0) {
		if (!S->have_best || S->size < S->best_size ||
		    (S->size == S->best_size && S->score > S->best_score))
			record(S);
		return;
	}
	if (promising(S, &need))
		branch(S, need);
}

/*
 * The cover: the classes' counts in S->best_used (or the greedy team's
 * when the search found no full cover).
 */
static void
cover(const struct ctx *c, struct search *S, const int *target)
{
	size_t *greedy_used, greedy_size, i, sumt = 0;
	uint64_t open = 0;

	for (i = 0; i < c->nneeds; i++)
		if (target[i] > 0) {
			open |= (uint64_t)1 << i;
			sumt += (size_t)target[i];
		}
	memcpy(S->r, target, c->nneeds * sizeof *target);
	S->open = open;
	greedy(S);
	greedy_used = xcalloc(S->nc + 1, sizeof *greedy_used);
	memcpy(greedy_used, S->used, S->nc * sizeof *S->used);
	greedy_size = S->size;
	if (S->open == 0)
		record(S);
	/* Back to the start for the exact search. */
	memset(S->used, 0, S->nc * sizeof *S->used);
	memcpy(S->ag_used, c->member_agency, S->nag * sizeof *S->ag_used);
	memcpy(S->r, target, c->nneeds * sizeof *target);
	S->open = open;
	S->size = 0;
	S->score = 0;
	if ((S->have_best ? S->best_size : sumt) <= MAX_DEPTH)
		dfs(S);
	if (!S->have_best) {
		memcpy(S->best_used, greedy_used, S->nc * sizeof *greedy_used);
		S->best_size = greedy_size;
	}
	free(greedy_used);
}

/*
 * What each need's cover aims at: its remaining demand, or what the
 * classes can give at all within the agency cap; beyond that a need is
 * short anyway.
 */
static void
targets(const struct ctx *c, const struct cls *cls, size_t nc, int *target)
{
	long long supply, room, *per;
	size_t j, k;

	per = xcalloc(c->nagencies + 1, sizeof *per);
	for (j = 0; j < c->nneeds; j++) {
		memset(per, 0, (c->nagencies + 1) * sizeof *per);
		for (k = 0; k < nc; k++)
			if (cls[k].omask >> j & 1)
				per[cls[k].agency + 1] += (long long)cls[k].n;
		supply = 0;
		for (k = 0; k < c->nagencies + 1; k++) {
			room = per[k];
			if (c->cap > 0 && k > 0 && (long long)c->cap -
			    c->member_agency[k - 1] < room)
				room = (long long)c->cap -
				    c->member_agency[k - 1];
			supply += room > 0 ? room : 0;
		}
		target[j] = c->r[j] < supply ? c->r[j] : (int)supply;
	}
	free(per);
}

void
cover_find(const struct ctx *c, const struct cls *cls, size_t nc,
    const struct cand *people, size_t *used)
{
	struct search S;
	int target[NEED_BITS];

	memset(&S, 0, sizeof S);
	targets(c, cls, nc, target);
	S.cls = cls;
	S.nc = nc;
	S.people = people;
	S.cap = c->cap;
	S.nag = c->nagencies;
	S.used = xcalloc(nc + 1, sizeof *S.used);
	S.best_used = used;
	S.banned = xcalloc(nc + 1, sizeof *S.banned);
	S.ag_used = xcalloc(c->nagencies + 1, sizeof *S.ag_used);
	memcpy(S.ag_used, c->member_agency, c->nagencies * sizeof *S.ag_used);
	cover(c, &S, target);
	free(S.used);
	free(S.banned);
	free(S.ag_used);
}

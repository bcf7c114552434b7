#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "suggest_int.h"

int
u64_cmp(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;

	return (a > b) - (a < b);
}

/* Fibonacci hashing of a mask into cap (a power of two) slots. */
static size_t
mask_slot(uint64_t m, size_t cap)
{
	return (size_t)((m * 0x9e3779b97f4a7c15ULL) >> 17) & (cap - 1);
}

/* The same masks (slot[h] - 1 indexes masks, 0 is empty) in twice the
 * slots. */
static size_t *
rehash(size_t *slot, size_t cap, const uint64_t *masks)
{
	size_t j, h, ncap = cap * 2, *ns;

	ns = xcalloc(ncap, sizeof *ns);
	for (j = 0; j < cap; j++) {
		if (slot[j] == 0)
			continue;
		h = mask_slot(masks[slot[j] - 1], ncap);
		while (ns[h] != 0)
			h = (h + 1) & (ncap - 1);
		ns[h] = slot[j];
	}
	free(slot);
	return ns;
}

/* The distinct open needs of e[0..n), sorted, into a new *masks; their
 * number. */
static size_t
distinct_masks(const struct ent *e, size_t n, uint64_t **masks)
{
	size_t *slot, cap = 64, used = 0, i, h;

	*masks = NULL;
	/* Open addressing from mask to group, grown at half full. */
	slot = xcalloc(cap, sizeof *slot);
	for (i = 0; i < n; i++) {
		h = mask_slot(e[i].omask, cap);
		while (slot[h] != 0 && (*masks)[slot[h] - 1] != e[i].omask)
			h = (h + 1) & (cap - 1);
		if (slot[h] != 0)
			continue;
		*masks = xrealloc(*masks, (used + 1) * sizeof **masks);
		(*masks)[used++] = e[i].omask;
		slot[h] = used;
		if (2 * used > cap) {
			slot = rehash(slot, cap, *masks);
			cap *= 2;
		}
	}
	free(slot);
	if (used > 0)
		qsort(*masks, used, sizeof **masks, u64_cmp);
	return used;
}

/* Where m is in masks[0..n), which are sorted and hold it. */
static size_t
mask_index(const uint64_t *masks, size_t n, uint64_t m)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (masks[mid] < m)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Reorders e[0..n) (in pk order) group by group, groups in the order of
 * their open needs, each still in pk order; *starts gets the n + 1
 * boundaries of the *ngroups groups.
 */
static void
group_by_mask(struct ent **e, size_t n, size_t **starts, size_t *ngroups)
{
	uint64_t *masks;
	size_t *gid, *pos, used, i, g;
	struct ent *out;

	used = distinct_masks(*e, n, &masks);
	gid = xcalloc(n + 1, sizeof *gid);
	pos = xcalloc(used + 1, sizeof *pos);
	for (i = 0; i < n; i++) {
		gid[i] = mask_index(masks, used, (*e)[i].omask);
		pos[gid[i] + 1]++;
	}
	for (g = 0; g < used; g++)
		pos[g + 1] += pos[g];
	*starts = xcalloc(used + 1, sizeof **starts);
	memcpy(*starts, pos, (used + 1) * sizeof *pos);
	out = xcalloc(n + 1, sizeof *out);
	for (i = 0; i < n; i++)
		out[pos[gid[i]]++] = (*e)[i];
	free(*e);
	*e = out;
	*ngroups = used;
	free(pos);
	free(gid);
	free(masks);
}

/* The largest remaining demand among the needs in mask. */
static size_t
max_demand(const struct ctx *c, uint64_t mask)
{
	size_t rmax = 0, i;
	uint64_t m;

	MASK_FOREACH(i, m, mask)
		if ((size_t)c->r[i] > rmax)
			rmax = (size_t)c->r[i];
	return rmax;
}

/*
 * Appends the best of one group e[0..n) to people: as many as its largest
 * demand, or under a cap the best of each agency among the group's best
 * 4 x demand + 64, as many as could ever join.
 */
static int
keep_group(struct ctx *c, const struct ent *e, size_t n,
    struct cand **people, size_t *npeople, struct error *err)
{
	struct cand *kept;
	size_t nk, i, k, rmax, per;
	int *count, rc;

	rmax = max_demand(c, e[0].omask);
	if ((rc = cand_top_k(c, e, n, c->cap > 0 ? 4 * rmax + 64 : rmax,
	    &kept, &nk, err)) != RC_OK)
		return rc;
	count = xcalloc(c->nagencies + 1, sizeof *count);
	*people = xrealloc(*people, (*npeople + nk) * sizeof **people);
	for (i = 0; i < nk; i++) {
		per = rmax;
		if (c->cap > 0 && kept[i].agency >= 0) {
			k = (size_t)c->member_agency[kept[i].agency];
			per = k >= c->cap ? 0 : c->cap - k;
			if (per > rmax)
				per = rmax;
		}
		if ((size_t)count[kept[i].agency + 1] >= per) {
			cand_free(&kept[i]);
			continue;
		}
		count[kept[i].agency + 1]++;
		(*people)[(*npeople)++] = kept[i];
	}
	free(count);
	free(kept);
	return RC_OK;
}

static void
add_class(struct cls **cls, size_t *nc, uint64_t omask, size_t first,
    size_t n, int agency)
{
	*cls = xrealloc(*cls, (*nc + 1) * sizeof **cls);
	(*cls)[*nc].omask = omask;
	(*cls)[*nc].first = first;
	(*cls)[*nc].n = n;
	(*cls)[*nc].agency = agency;
	(*nc)++;
}

/* One group people[i..j) split into a class per agency, each keeping its
 * order (a stable partition). */
static void
split_by_agency(struct cand *people, size_t i, size_t j, struct cls **cls,
    size_t *nc)
{
	struct cand *tmp = xcalloc(j - i, sizeof *tmp);
	size_t t = 0, a, k, first;
	int ag;

	for (a = i; a < j; a++) {
		if (people[a].agency == -2)
			continue;
		ag = people[a].agency;
		first = i + t;
		for (k = a; k < j; k++)
			if (people[k].agency == ag) {
				tmp[t++] = people[k];
				people[k].agency = -2;	/* moved */
			}
		add_class(cls, nc, people[i].omask, first, i + t - first, ag);
	}
	memcpy(people + i, tmp, (j - i) * sizeof *tmp);
	free(tmp);
}

int
group_classes(struct ctx *c, struct ent **e, size_t n,
    struct cand **people, size_t *npeople, struct cls **cls, size_t *nc,
    struct error *err)
{
	size_t *starts, ng, g, i, j;
	int rc = RC_OK;

	*people = NULL;
	*npeople = 0;
	*cls = NULL;
	*nc = 0;
	group_by_mask(e, n, &starts, &ng);
	for (g = 0; g < ng && rc == RC_OK; g++)
		rc = keep_group(c, *e + starts[g], starts[g + 1] - starts[g],
		    people, npeople, err);
	free(starts);
	if (rc != RC_OK)
		return rc;
	/* people is in group order, each group best first. */
	for (i = 0; i < *npeople; i = j) {
		for (j = i; j < *npeople &&
		    (*people)[j].omask == (*people)[i].omask; j++)
			continue;
		if (c->cap > 0)
			split_by_agency(*people, i, j, cls, nc);
		else
			add_class(cls, nc, (*people)[i].omask, i, j - i, -1);
	}
	return RC_OK;
}

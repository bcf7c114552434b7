#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bitmap.h"
#include "date.h"
#include "deploy.h"
#include "filter.h"
#include "refdata.h"
#include "search.h"
#include "sqlfunc.h"
#include "strbuf.h"
#include "suggest.h"

/* Languages a deployment's needs can name that enter the score. */
#define MAX_LANGS	64
/* Deeper than this the exact search is not tried (its recursion). */
#define MAX_DEPTH	4096

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
	uint64_t		  need_langs[SUGGEST_MAX_NEEDS];
	int			  r[SUGGEST_MAX_NEEDS]; /* after members */
	char			**agencies;	/* folded */
	size_t			  nagencies;
	int			 *member_agency; /* active members */
	int			 *ag_used;	 /* and suggestions */
	sqlite3_stmt		 *person_st;
	long long		  total;	/* people, -1 until asked */
	struct bitmap		  universe;	/* everyone, if needed */
};

/* ---- bitmaps ---- */

/* Runs sql, which has one bitmap parameter first and then the texts. */
static int
fill_bitmap(struct ctx *c, struct bitmap *out, const char *sql,
    const char *const *texts, size_t ntexts, long long pk)
{
	sqlite3_stmt *st;
	struct error err;
	size_t i;
	int rc;

	if ((rc = store_prepare(c->s, &st, sql, &err)) != RC_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, out, SQLFUNC_BITMAP, NULL);
	for (i = 0; i < ntexts; i++)
		sqlite3_bind_text(st, (int)i + 2, texts[i], -1,
		    SQLITE_TRANSIENT);
	if (pk != 0)
		sqlite3_bind_int64(st, (int)ntexts + 2, pk);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		continue;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? RC_OK : RC_DB;
}

/* Makes a complement a plain set, so that its bits can be walked. */
static int
bm_positive(struct ctx *c, struct bitmap *b, struct error *err)
{
	if (!b->neg)
		return RC_OK;
	if (c->universe.w == NULL) {
		bitmap_init(&c->universe, bitmap_capacity(b) - 1);
		if (fill_bitmap(c, &c->universe, "SELECT bitmap_add(?, pk) "
		    "FROM person", NULL, 0, 0) != RC_OK)
			return store_error(c->s, err, "suggest");
	}
	bitmap_combine(b, &c->universe, 1);
	return RC_OK;
}

static int
bm_count(struct ctx *c, const struct bitmap *b, long long *n,
    struct error *err)
{
	int rc;

	*n = bitmap_popcount(b);
	if (!b->neg)
		return RC_OK;
	if (c->total < 0 && (rc = store_int(c->s, "SELECT count(*) FROM "
	    "person", &c->total, err)) != RC_OK)
		return rc;
	*n = c->total - *n;
	return RC_OK;
}

static int
eval_text(struct ctx *c, const char *text, struct search_result **out,
    struct error *err)
{
	return search_text(c->s, text, c->today, NULL, out, err);
}

/* ---- scores ---- */

/*
 * Per-pk values by pkmax_put (sqlfunc.h): one index pass instead of a row
 * at a time.  sql has the array as ?1, text or num as ?2, only as ?3 (for
 * bitmap_has, which skips a person before their row is read), text4 as ?4.
 */
static int
sink_pass(struct ctx *c, uint16_t **v, const char *sql, const char *text,
    long long num, const struct bitmap *only, const char *text4,
    struct error *err)
{
	struct pkmax k;
	sqlite3_stmt *st;
	int rc;

	*v = xcalloc(c->nbits, sizeof **v);
	k.v = *v;
	k.n = c->nbits;
	if ((rc = store_prepare(c->s, &st, sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, &k, SQLFUNC_PKMAX, NULL);
	if (text != NULL)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(st, 2, num);
	if (only != NULL)
		sqlite3_bind_pointer(st, 3, (void *)only, SQLFUNC_BITMAP, NULL);
	if (text4 != NULL)
		sqlite3_bind_text(st, 4, text4, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		continue;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? RC_OK : store_error(c->s, err, "suggest");
}

/* The languages of lang: terms that are not negated, per need. */
static int
collect_langs(struct ctx *c, size_t need, const struct filter_node *n,
    int negated, struct error *err)
{
	char *name, *op, code[3];
	size_t j;
	int rc;

	if (n == NULL)
		return RC_OK;
	if (n->op != OP_TERM) {
		if ((rc = collect_langs(c, need, n->left, negated ^
		    (n->op == OP_NOT), err)) != RC_OK)
			return rc;
		return collect_langs(c, need, n->right, negated, err);
	}
	if (n->key != KEY_LANG || negated)
		return RC_OK;
	name = xstrdup(n->value);
	if ((op = strpbrk(name, "<>=")) != NULL)
		*op = '\0';
	rc = refdata_language(c->s, name, code, err);
	free(name);
	if (rc == RC_REFUSED)
		return RC_OK;	/* the filter compiled: cannot happen */
	if (rc != RC_OK)
		return rc;
	for (j = 0; j < c->nlangs; j++)
		if (strcmp(c->langs[j].code, code) == 0)
			break;
	if (j == c->nlangs) {
		if (c->nlangs == MAX_LANGS)
			return RC_OK;
		memcpy(c->langs[c->nlangs++].code, code, 3);
	}
	c->need_langs[need] |= (uint64_t)1 << j;
	return RC_OK;
}

static int
load_scores(struct ctx *c, const struct bitmap *cands, struct error *err)
{
	struct filter_node *root;
	char today[DATE_LEN];
	size_t i;
	int rc;

	for (i = 0; i < c->nneeds; i++) {
		if ((rc = filter_parse(c->d->needs[i].filter, &root, err)) !=
		    RC_OK)
			return rc;
		rc = collect_langs(c, i, root, 0, err);
		filter_node_free(root);
		if (rc != RC_OK)
			return rc;
	}
	for (i = 0; i < c->nlangs; i++)
		if ((rc = sink_pass(c, &c->langs[i].level, "SELECT "
		    "pkmax_put(?1, person, level) FROM person_language "
		    "WHERE code = ?2", c->langs[i].code, 0, NULL, NULL, err)) !=
		    RC_OK)
			return rc;
	/* Only candidates' rows are read: bitmap_has is decided from the
	 * index before the row is. */
	date_format(c->today, today);
	if ((rc = sink_pass(c, &c->year, "SELECT pkmax_put(?1, person, "
	    "CAST(substr(coalesce(end, ?4), 1, 4) AS INTEGER)) FROM service "
	    "WHERE country = ?2 AND bitmap_has(?3, person)", c->d->country, 0,
	    cands, today, err)) != RC_OK)
		return rc;
	return sink_pass(c, &c->notice, "SELECT pkmax_put(?1, pk, "
	    "notice_days + 1) FROM person INDEXED BY person_avail WHERE "
	    "status = 'active' AND notice_days <= ?2 AND bitmap_has(?3, pk)",
	    NULL, (long long)c->from - c->today, cands, NULL, err);
}

static uint32_t
score(const struct ctx *c, long long pk, uint64_t mask, int *year,
    int *notice, int *level, int *lang)
{
	uint64_t lm = 0, m;
	int y, cy, nt, best = 0, bl = -1, i;

	for (m = mask; m != 0; m &= m - 1)
		lm |= c->need_langs[__builtin_ctzll(m)];
	for (m = lm; m != 0; m &= m - 1) {
		i = __builtin_ctzll(m);
		if (c->langs[i].level != NULL && c->langs[i].level[pk] > best) {
			best = c->langs[i].level[pk];
			bl = i;
		}
	}
	if (best > LEVEL_NATIVE)
		best = LEVEL_NATIVE;
	y = c->year != NULL ? c->year[pk] : 0;
	if (y > c->this_year)
		y = c->this_year;
	cy = y == 0 ? 0 : y - 1899 < 1 ? 1 : y - 1899 > 255 ? 255 : y - 1899;
	nt = c->notice != NULL && c->notice[pk] > 0 ? c->notice[pk] - 1 : 1023;
	if (nt > 1023)
		nt = 1023;
	if (year != NULL) {
		*year = y;
		*notice = nt;
		*level = best;
		*lang = bl;
	}
	return (uint32_t)cy << 13 | (uint32_t)best << 10 |
	    (uint32_t)(1023 - nt);
}

static uint64_t
mask_of(const struct ctx *c, long long pk)
{
	uint64_t m = 0;
	size_t i;

	for (i = 0; i < c->nneeds; i++)
		if (search_result_has(c->need[i], pk))
			m |= (uint64_t)1 << i;
	return m;
}

/* SQLite's NOCASE: ASCII letters folded, bytes compared, shorter first. */
static int
nocase_cmp(const char *a, const char *b)
{
	const unsigned char *x = (const unsigned char *)a;
	const unsigned char *y = (const unsigned char *)b;
	int p, q;

	for (;; x++, y++) {
		p = *x >= 'A' && *x <= 'Z' ? *x + 32 : *x;
		q = *y >= 'A' && *y <= 'Z' ? *y + 32 : *y;
		if (p != q || p == 0)
			return p - q;
	}
}

static int
cand_cmp(const void *pa, const void *pb)
{
	const struct cand *a = pa, *b = pb;
	int d;

	if (a->key != b->key)
		return a->key > b->key ? -1 : 1;
	if ((d = nocase_cmp(a->family, b->family)) != 0)
		return d;
	if ((d = nocase_cmp(a->given, b->given)) != 0)
		return d;
	return strcmp(a->id, b->id);
}

static int
mask_cmp(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;

	return (a > b) - (a < b);
}

/*
 * Reorders e[0..n) (in pk order) group by group, groups in the order of
 * their open needs, each still in pk order; *starts gets the n + 1
 * boundaries of the *ngroups groups.
 */
static void
group_by_mask(struct ent **e, size_t n, size_t **starts, size_t *ngroups)
{
	uint64_t *masks = NULL;
	size_t *slot, *gid, *pos, cap = 64, used = 0, i, h, g;
	struct ent *out;

	/* Open addressing from mask to group, grown at half full. */
	slot = xcalloc(cap, sizeof *slot);	/* group + 1, 0 empty */
	gid = xcalloc(n + 1, sizeof *gid);
	for (i = 0; i < n; i++) {
		h = (size_t)(((*e)[i].omask * 0x9e3779b97f4a7c15ULL) >> 17) &
		    (cap - 1);
		while (slot[h] != 0 && masks[slot[h] - 1] != (*e)[i].omask)
			h = (h + 1) & (cap - 1);
		if (slot[h] == 0) {
			masks = xrealloc(masks, (used + 1) * sizeof *masks);
			masks[used++] = (*e)[i].omask;
			slot[h] = used;
			if (2 * used > cap) {
				size_t j, ncap = cap * 2, *ns;

				ns = xcalloc(ncap, sizeof *ns);
				for (j = 0; j < cap; j++) {
					if (slot[j] == 0)
						continue;
					h = (size_t)((masks[slot[j] - 1] *
					    0x9e3779b97f4a7c15ULL) >> 17) &
					    (ncap - 1);
					while (ns[h] != 0)
						h = (h + 1) & (ncap - 1);
					ns[h] = slot[j];
				}
				free(slot);
				slot = ns;
				cap = ncap;
			}
		}
	}
	/* Number the groups in mask order. */
	if (used > 0)
		qsort(masks, used, sizeof *masks, mask_cmp);
	pos = xcalloc(used + 1, sizeof *pos);
	for (i = 0; i < n; i++) {
		size_t lo = 0, hi = used, mid;

		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (masks[mid] < (*e)[i].omask)
				lo = mid + 1;
			else
				hi = mid;
		}
		gid[i] = lo;
		pos[lo + 1]++;
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
	free(slot);
	free(masks);
}

/* ---- agencies ---- */

static int
agency_index(struct ctx *c, const char *agency)
{
	char *f;
	size_t i;

	if (agency[strspn(agency, " ")] == '\0')
		return -1;
	f = xstrdup(agency);
	for (i = 0; f[i] != '\0'; i++)
		if (f[i] >= 'A' && f[i] <= 'Z')
			f[i] = (char)(f[i] + 32);
	for (i = 0; i < c->nagencies; i++)
		if (strcmp(c->agencies[i], f) == 0) {
			free(f);
			return (int)i;
		}
	c->agencies = xrealloc(c->agencies, (c->nagencies + 1) *
	    sizeof *c->agencies);
	c->member_agency = xrealloc(c->member_agency, (c->nagencies + 1) *
	    sizeof *c->member_agency);
	c->ag_used = xrealloc(c->ag_used, (c->nagencies + 1) *
	    sizeof *c->ag_used);
	c->agencies[c->nagencies] = f;
	c->member_agency[c->nagencies] = 0;
	c->ag_used[c->nagencies] = 0;
	return (int)c->nagencies++;
}

/* ---- reading the kept people ---- */

static int
read_cand(struct ctx *c, long long pk, uint64_t mask, uint64_t omask,
    struct cand *out, struct error *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	if (c->person_st == NULL && (rc = store_prepare(c->s, &c->person_st,
	    "SELECT family_name, given_name, id, agency FROM person WHERE "
	    "pk = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(c->person_st, 1, pk);
	rc = sqlite3_step(c->person_st);
	if (rc == SQLITE_ROW) {
		out->family = store_text(c->person_st, 0);
		out->given = store_text(c->person_st, 1);
		out->id = store_text(c->person_st, 2);
		out->agency = agency_index(c,
		    (const char *)sqlite3_column_text(c->person_st, 3));
	}
	sqlite3_reset(c->person_st);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? error_set(err, RC_DB, "suggest: "
		    "person %lld vanished", pk) : store_error(c->s, err,
		    "suggest");
	out->pk = pk;
	out->mask = mask;
	out->omask = omask;
	out->key = score(c, pk, mask, &out->year, &out->notice, &out->level,
	    &out->lang);
	return RC_OK;
}

static int
cand_ptr_cmp(const void *a, const void *b)
{
	return cand_cmp(*(const struct cand *const *)a,
	    *(const struct cand *const *)b);
}

/* Numbers people in the full order, so the search compares integers. */
static void
rank_people(struct cand *people, size_t n)
{
	struct cand **v = xcalloc(n + 1, sizeof *v);
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = &people[i];
	if (n > 0)
		qsort(v, n, sizeof *v, cand_ptr_cmp);
	for (i = 0; i < n; i++)
		v[i]->rank = i;
	free(v);
}

static void
cand_free(struct cand *p)
{
	free(p->family);
	free(p->given);
	free(p->id);
}

/*
 * The score that the k-th best of e[0..n) has (k <= n), by two counting
 * passes (country and level, then notice) rather than a sort: a group of
 * interchangeable people can be most of the pool.
 */
static uint32_t
kth_key(const struct ent *e, size_t n, size_t k)
{
	size_t hi[1 << 11], lo[1 << 10];
	size_t i, sum = 0;
	uint32_t top, low;

	memset(hi, 0, sizeof hi);
	memset(lo, 0, sizeof lo);
	for (i = 0; i < n; i++)
		hi[e[i].key >> 10]++;
	for (top = (1 << 11) - 1; top > 0 && sum + hi[top] < k; top--)
		sum += hi[top];
	for (i = 0; i < n; i++)
		if (e[i].key >> 10 == top)
			lo[e[i].key & 1023]++;
	for (low = 1023; low > 0 && sum + lo[low] < k; low--)
		sum += lo[low];
	return top << 10 | low;
}

/*
 * The first k of e[0..n) (in pk order) in full order: those whose score
 * is shared across the cut are taken in name order, which the name index
 * gives without reading them all.
 */
static int
top_k(struct ctx *c, const struct ent *e, size_t n, size_t k,
    struct cand **out, size_t *nout, struct error *err)
{
	struct search_result *tie = NULL;
	struct bitmap bm;
	long long *pks = NULL;
	size_t i, ntie = 0, nabove = 0, want, got = 0, *tied = NULL;
	uint32_t t;
	int rc = RC_OK;

	*out = NULL;
	*nout = 0;
	if (k > n)
		k = n;
	if (k == 0)
		return RC_OK;
	*out = xcalloc(k, sizeof **out);
	t = kth_key(e, n, k);
	for (i = 0; i < n; i++)
		if (e[i].key == t)
			ntie++;
		else if (e[i].key > t)
			nabove++;
	tied = xcalloc(ntie, sizeof *tied);
	for (i = 0, ntie = 0; i < n && rc == RC_OK; i++)
		if (e[i].key > t)
			rc = read_cand(c, e[i].pk, e[i].mask, e[i].omask,
			    &(*out)[got++], err);
		else if (e[i].key == t)
			tied[ntie++] = i;
	want = k - nabove;
	if (rc == RC_OK && ntie == want) {
		for (i = 0; i < ntie && rc == RC_OK; i++)
			rc = read_cand(c, e[tied[i]].pk, e[tied[i]].mask,
			    e[tied[i]].omask, &(*out)[got++], err);
	} else if (rc == RC_OK) {
		bitmap_init(&bm, (long long)c->nbits - 1);
		for (i = 0; i < ntie; i++)
			bitmap_set(&bm, e[tied[i]].pk);
		tie = search_result_from(&bm, (long long)ntie);
		bitmap_free(&bm);
		pks = xcalloc(want, sizeof *pks);
		rc = search_page(c->s, tie, SORT_NAME, 0, 0, pks, want, &want,
		    err);
		/* The masks of the tied, who are in pk order. */
		for (i = 0; rc == RC_OK && i < want; i++) {
			size_t lo = 0, hi = ntie, mid;

			while (lo < hi) {
				mid = lo + (hi - lo) / 2;
				if (e[tied[mid]].pk < pks[i])
					lo = mid + 1;
				else
					hi = mid;
			}
			if (lo < ntie && e[tied[lo]].pk == pks[i])
				rc = read_cand(c, pks[i], e[tied[lo]].mask,
				    e[tied[lo]].omask, &(*out)[got++], err);
		}
		free(pks);
		search_result_free(tie);
	}
	free(tied);
	*nout = got;
	if (rc != RC_OK) {
		for (i = 0; i < got; i++)
			cand_free(&(*out)[i]);
		free(*out);
		*out = NULL;
		*nout = 0;
		return rc;
	}
	if (got > 0)
		qsort(*out, got, sizeof **out, cand_cmp);
	return RC_OK;
}

/* ---- the search ---- */

/* Interchangeable people: same open needs (and agency, when capped),
 * people[first..first+n) best first. */
struct cls {
	uint64_t	 omask;
	size_t		 first, n;
	int		 agency;
};

struct search {
	const struct cls	*cls;
	size_t			 nc;
	const struct cand	*people;
	size_t			 nneeds, cap;
	int			 r[SUGGEST_MAX_NEEDS];
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
	for (m = dec; m != 0; m &= m - 1) {
		i = __builtin_ctzll(m);
		if (--S->r[i] == 0)
			S->open &= ~((uint64_t)1 << i);
	}
	return dec;
}

static void
untake(struct search *S, size_t c, uint64_t dec)
{
	uint64_t m;
	int i;

	for (m = dec; m != 0; m &= m - 1) {
		i = __builtin_ctzll(m);
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

/*
 * The order classes are tried in: more open needs met, then the better
 * next person; as one number, smaller first.
 */
static uint64_t
class_order(const struct search *S, size_t c)
{
	uint64_t gain = (uint64_t)__builtin_popcountll(S->cls[c].omask &
	    S->open);

	return (64 - gain) << 50 |
	    (uint64_t)S->people[S->cls[c].first + S->used[c]].rank << 25 |
	    (uint64_t)c;
}

static int
u64_cmp(const void *pa, const void *pb)
{
	uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;

	return (a > b) - (a < b);
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
		take(S, (size_t)(best & ((1 << 25) - 1)));
	}
}

static void
dfs(struct search *S)
{
	long long supply[SUGGEST_MAX_NEEDS], sumr = 0, room;
	size_t c, lb, maxr = 0, maxcov = 0, nlist, i, j, t;
	uint64_t *list;
	int count[SUGGEST_MAX_NEEDS], need = -1, cov;
	uint32_t maxnext = 0;
	uint64_t m, dec;

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
	memset(supply, 0, sizeof supply);
	memset(count, 0, sizeof count);
	for (m = S->open; m != 0; m &= m - 1) {
		i = (size_t)__builtin_ctzll(m);
		sumr += S->r[i];
		if ((size_t)S->r[i] > maxr)
			maxr = (size_t)S->r[i];
	}
	for (c = 0; c < S->nc; c++) {
		if (!eligible(S, c))
			continue;
		cov = __builtin_popcountll(S->cls[c].omask & S->open);
		if ((size_t)cov > maxcov)
			maxcov = (size_t)cov;
		if (next_key(S, c) > maxnext)
			maxnext = next_key(S, c);
		room = (long long)(S->cls[c].n - S->used[c]);
		if (S->cap > 0 && S->cls[c].agency >= 0 &&
		    (long long)S->cap - S->ag_used[S->cls[c].agency] < room)
			room = (long long)S->cap -
			    S->ag_used[S->cls[c].agency];
		for (m = S->cls[c].omask & S->open; m != 0; m &= m - 1) {
			supply[__builtin_ctzll(m)] += room;
			count[__builtin_ctzll(m)]++;
		}
	}
	if (maxcov == 0)
		return;
	for (m = S->open; m != 0; m &= m - 1)
		if (supply[__builtin_ctzll(m)] < S->r[__builtin_ctzll(m)])
			return;
	lb = ((size_t)sumr + maxcov - 1) / maxcov;
	if (maxr > lb)
		lb = maxr;
	if (S->have_best && (S->size + lb > S->best_size ||
	    (S->size + lb == S->best_size &&
	    S->score + (long long)lb * maxnext <= S->best_score)))
		return;
	if (S->size + lb > MAX_DEPTH)
		return;
	/* Branch on the open need with the fewest ways to meet it. */
	for (m = S->open; m != 0; m &= m - 1) {
		i = (size_t)__builtin_ctzll(m);
		if (need < 0 || count[i] < count[need] ||
		    (count[i] == count[need] && S->r[i] > S->r[need]))
			need = (int)i;
	}
	list = xcalloc(S->nc, sizeof *list);
	nlist = 0;
	for (c = 0; c < S->nc; c++)
		if (eligible(S, c) && (S->cls[c].omask >> need & 1))
			list[nlist++] = class_order(S, c);
	/* The greedy order first, so good covers are found early. */
	if (nlist > 0)
		qsort(list, nlist, sizeof *list, u64_cmp);
	for (j = 0; j < nlist; j++)
		list[j] &= (1 << 25) - 1;
	/*
	 * Branch t: one more person from list[t] and none more from
	 * list[0..t): the branches split the covers without overlap.
	 */
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

/* ---- the report ---- */

static char *
why(const struct ctx *c, const struct cand *p)
{
	struct strbuf b = { 0 };
	size_t i;
	int first = 1;

	strbuf_adds(&b, "");
	for (i = 0; i < c->nneeds; i++)
		if (p->mask >> i & 1) {
			strbuf_addf(&b, "%s%zu (%s)", first ? "needs " : ", ",
			    i + 1, c->d->needs[i].filter);
			first = 0;
		}
	if (first)
		strbuf_adds(&b, "meets no need");
	if (p->level > 0 && p->lang >= 0)
		strbuf_addf(&b, "; %s %s", c->langs[p->lang].code,
		    refdata_level_name(p->level));
	if (c->d->country[0] != '\0') {
		if (p->year > 0)
			strbuf_addf(&b, "; served in %s until %d",
			    c->d->country, p->year);
		else
			strbuf_addf(&b, "; never served in %s", c->d->country);
	}
	strbuf_addf(&b, "; notice %d day%s", p->notice,
	    p->notice == 1 ? "" : "s");
	return strbuf_steal(&b);
}

static void
add_suggestion(struct suggest_report *out, const struct ctx *c,
    const struct cand *p)
{
	struct suggestion *g;

	out->people = xrealloc(out->people, (out->n + 1) *
	    sizeof *out->people);
	g = &out->people[out->n++];
	g->person = p->pk;
	g->needs = p->mask;
	g->notice = p->notice;
	g->country_year = p->year;
	g->best_level = p->level;
	g->why = why(c, p);
}

/* Whether p may join given the agencies taken so far (and counts it). */
static int
agency_room(const struct ctx *c, int *ag_used, const struct cand *p)
{
	if (c->cap == 0 || p->agency < 0)
		return 1;
	if ((size_t)ag_used[p->agency] >= c->cap)
		return 0;
	ag_used[p->agency]++;
	return 1;
}

/*
 * Adds up to want of set's people, best first, within the agency cap;
 * *added says how many.  Under a cap, more are read until enough fit.
 */
static int
fill(struct ctx *c, const struct bitmap *set, size_t want,
    struct bitmap *chosen, struct suggest_report *out, size_t *added,
    struct error *err)
{
	struct ent *e = NULL;
	struct cand *p = NULL;
	size_t n = 0, cap = 0, w, np = 0, i, k;
	int *trial = NULL, rc = RC_OK;
	long long pk;

	*added = 0;
	if (want == 0)
		return RC_OK;
	for (pk = bitmap_next(set, 0); pk >= 0; pk = bitmap_next(set, pk + 1)) {
		if (bitmap_get(chosen, pk))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 256;
			e = xrealloc(e, cap * sizeof *e);
		}
		e[n].pk = pk;
		e[n].mask = mask_of(c, pk);
		e[n].omask = 0;
		e[n].key = score(c, pk, e[n].mask, NULL, NULL, NULL, NULL);
		n++;
	}
	if (n == 0)
		return RC_OK;
	trial = xcalloc(c->nagencies + 1, sizeof *trial);
	for (w = c->cap > 0 ? want + 32 : want;; w = w * 2 + 32) {
		if ((rc = top_k(c, e, n, w, &p, &np, err)) != RC_OK)
			break;
		/* Agencies may have been met for the first time. */
		trial = xrealloc(trial, (c->nagencies + 1) * sizeof *trial);
		memcpy(trial, c->ag_used, c->nagencies * sizeof *trial);
		for (i = 0, k = 0; i < np && k < want; i++)
			if (agency_room(c, trial, &p[i]))
				k++;
		if (k == want || np >= n || w >= n) {
			for (i = 0, k = 0; i < np && k < want; i++)
				if (agency_room(c, c->ag_used, &p[i])) {
					add_suggestion(out, c, &p[i]);
					bitmap_set(chosen, p[i].pk);
					k++;
				}
			*added = k;
			break;
		}
		for (i = 0; i < np; i++)
			cand_free(&p[i]);
		free(p);
		p = NULL;
		np = 0;
	}
	for (i = 0; i < np; i++)
		cand_free(&p[i]);
	free(p);
	free(trial);
	free(e);
	return rc;
}

void
suggest_report_free(struct suggest_report *r)
{
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		free(r->people[i].why);
	free(r->people);
	free(r->short_by);
	memset(r, 0, sizeof *r);
}

/* The classes for the search, from the candidates meeting open needs. */
static int
build_classes(struct ctx *c, struct ent **ep, size_t n,
    struct cand **people, size_t *npeople, struct cls **cls, size_t *nc,
    struct error *err)
{
	struct cand *kept;
	struct ent *e;
	size_t g0, g1, nk, i, j, k, want, rmax, per, *starts, ng, g;
	int *count, rc = RC_OK;
	uint64_t m;

	*people = NULL;
	*npeople = 0;
	*cls = NULL;
	*nc = 0;
	group_by_mask(ep, n, &starts, &ng);
	e = *ep;
	for (g = 0; g < ng && rc == RC_OK; g++) {
		g0 = starts[g];
		g1 = starts[g + 1];
		rmax = 0;
		for (m = e[g0].omask; m != 0; m &= m - 1)
			if ((size_t)c->r[__builtin_ctzll(m)] > rmax)
				rmax = (size_t)c->r[__builtin_ctzll(m)];
		want = c->cap > 0 ? 4 * rmax + 64 : rmax;
		if ((rc = top_k(c, e + g0, g1 - g0, want, &kept, &nk, err)) !=
		    RC_OK)
			break;
		/* Under a cap, each agency's best that could ever join. */
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
	}
	free(starts);
	if (rc != RC_OK)
		return rc;
	/* people is in group order, each group best first: split by agency
	 * (a stable partition keeps the order within each). */
	for (i = 0; i < *npeople; i = j) {
		for (j = i; j < *npeople &&
		    (*people)[j].omask == (*people)[i].omask; j++)
			continue;
		if (c->cap > 0) {
			struct cand *tmp = xcalloc(j - i, sizeof *tmp);
			size_t t = 0, a;
			int ag;

			for (a = i; a < j; a++) {
				if ((*people)[a].agency == -2)
					continue;
				ag = (*people)[a].agency;
				*cls = xrealloc(*cls, (*nc + 1) *
				    sizeof **cls);
				(*cls)[*nc].omask = (*people)[i].omask;
				(*cls)[*nc].first = i + t;
				(*cls)[*nc].agency = ag;
				for (k = a; k < j; k++)
					if ((*people)[k].agency == ag) {
						tmp[t++] = (*people)[k];
						(*people)[k].agency = -2;
					}
				(*cls)[*nc].n = i + t - (*cls)[*nc].first;
				(*nc)++;
			}
			memcpy(*people + i, tmp, (j - i) * sizeof *tmp);
			free(tmp);
		} else {
			*cls = xrealloc(*cls, (*nc + 1) * sizeof **cls);
			(*cls)[*nc].omask = (*people)[i].omask;
			(*cls)[*nc].first = i;
			(*cls)[*nc].n = j - i;
			(*cls)[*nc].agency = -1;
			(*nc)++;
		}
	}
	return RC_OK;
}

/*
 * The cover: the classes' counts in S->best_used (or the greedy team's
 * when the search found no full cover).
 */
static void
cover(struct ctx *c, struct search *S, const int *target)
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

int
suggest_team(struct store *s, const struct deployment *d, int today,
    size_t size, size_t max_per_agency, struct suggest_report *out,
    struct error *err)
{
	struct ctx c;
	struct search S;
	struct search_result *av = NULL, *rd = NULL;
	struct bitmap cands = { 0 }, avr = { 0 }, members = { 0 };
	struct bitmap any = { 0 }, anyopen = { 0 }, left = { 0 }, t = { 0 };
	struct bitmap booked = { 0 }, chosen = { 0 }, rest = { 0 };
	struct member *mem = NULL;
	struct cand *people = NULL, *pick;
	struct cls *cls = NULL;
	struct ent *e = NULL;
	char from[DATE_LEN], to[DATE_LEN], text[80];
	const char *texts[2];
	size_t nmem = 0, npeople = 0, nc = 0, n = 0, ecap = 0, i, j, k;
	size_t ncover, added, *done = NULL;
	int target[SUGGEST_MAX_NEEDS], ag, y, rc;
	uint64_t open = 0, m;
	long long pk, nl;

	memset(out, 0, sizeof *out);
	memset(&c, 0, sizeof c);
	memset(&S, 0, sizeof S);
	if (d->nneeds > SUGGEST_MAX_NEEDS)
		return error_set(err, RC_INPUT, "deploy suggest: '%s' has %zu "
		    "needs; at most %d are supported", d->name, d->nneeds,
		    SUGGEST_MAX_NEEDS);
	c.s = s;
	c.d = d;
	c.today = today;
	c.nneeds = d->nneeds;
	c.cap = max_per_agency;
	c.total = -1;
	date_to_ymd(today, &c.this_year, &y, &y);
	deploy_window(d, &c.from, &c.to);
	date_format(c.from, from);
	date_format(c.to, to);
	out->nneeds = d->nneeds;
	out->short_by = xcalloc(d->nneeds > 0 ? d->nneeds : 1,
	    sizeof *out->short_by);
	c.need = xcalloc(d->nneeds > 0 ? d->nneeds : 1, sizeof *c.need);
	c.member_agency = xcalloc(1, sizeof *c.member_agency);
	c.ag_used = xcalloc(1, sizeof *c.ag_used);

	for (i = 0; i < d->nneeds; i++)
		if ((rc = eval_text(&c, d->needs[i].filter, &c.need[i], err))
		    != RC_OK) {
			error_prefix(err, "need %zu '%d:%s'", i + 1,
			    d->needs[i].count, d->needs[i].filter);
			goto out;
		}
	snprintf(text, sizeof text, "avail:%s..%s", from, to);
	if ((rc = eval_text(&c, text, &av, err)) != RC_OK)
		goto out;
	snprintf(text, sizeof text, "ready:%s", to);
	if ((rc = eval_text(&c, text, &rd, err)) != RC_OK)
		goto out;
	c.nbits = (size_t)bitmap_capacity(search_result_bitmap(av));

	/* Members: never again, and the active ones count. */
	if ((rc = deploy_members(s, d, &mem, &nmem, err)) != RC_OK)
		goto out;
	bitmap_init(&members, (long long)c.nbits - 1);
	for (i = 0; i < nmem; i++) {
		bitmap_set(&members, mem[i].person);
		if (!member_status_active(mem[i].status))
			continue;
		if ((ag = agency_index(&c, mem[i].agency)) >= 0)
			c.member_agency[ag]++;
		for (j = 0; j < d->nneeds; j++)
			if (search_result_has(c.need[j], mem[i].person))
				c.r[j]++;
	}
	for (j = 0; j < d->nneeds; j++) {
		c.r[j] = d->needs[j].count - c.r[j];
		if (c.r[j] < 0)
			c.r[j] = 0;
		if (c.r[j] > 0)
			open |= (uint64_t)1 << j;
	}

	/* The sets: anyone meeting a need (an open one), candidates. */
	bitmap_init(&any, (long long)c.nbits - 1);
	bitmap_init(&anyopen, (long long)c.nbits - 1);
	for (j = 0; j < d->nneeds; j++) {
		bitmap_combine(&any, search_result_bitmap(c.need[j]), 0);
		if (open >> j & 1)
			bitmap_combine(&anyopen,
			    search_result_bitmap(c.need[j]), 0);
	}
	bitmap_copy(&avr, search_result_bitmap(av));
	bitmap_combine(&avr, search_result_bitmap(rd), 1);
	bitmap_copy(&cands, &avr);
	bitmap_and_not(&cands, &members);
	if ((rc = bm_positive(&c, &cands, err)) != RC_OK)
		goto out;

	/* Left out, each under the first reason: booked, away, papers. */
	bitmap_copy(&left, &any);
	bitmap_and_not(&left, &members);
	bitmap_and_not(&left, &avr);
	bitmap_init(&booked, (long long)c.nbits - 1);
	texts[0] = from;
	texts[1] = to;
	if (fill_bitmap(&c, &booked, "SELECT bitmap_add(?1, a.person) FROM "
	    "assignment a JOIN deployment o ON o.pk = a.deployment WHERE "
	    "(a.status = 'confirmed' OR a.status = 'deployed') AND "
	    "(o.end IS NULL OR o.end >= ?2) AND o.start <= ?3 AND o.pk <> ?4",
	    texts, 2, d->pk) != RC_OK) {
		rc = store_error(s, err, "suggest");
		goto out;
	}
	bitmap_copy(&t, &left);
	bitmap_combine(&t, &booked, 1);
	if ((rc = bm_count(&c, &t, &out->left_booked, err)) != RC_OK)
		goto out;
	bitmap_free(&t);
	bitmap_and_not(&left, &booked);
	bitmap_copy(&t, &left);
	bitmap_and_not(&t, search_result_bitmap(av));
	if ((rc = bm_count(&c, &t, &out->left_unavailable, err)) != RC_OK)
		goto out;
	bitmap_free(&t);
	bitmap_copy(&t, &left);
	bitmap_combine(&t, search_result_bitmap(av), 1);
	bitmap_and_not(&t, search_result_bitmap(rd));
	if ((rc = bm_count(&c, &t, &out->left_not_ready, err)) != RC_OK)
		goto out;
	bitmap_free(&t);

	if ((rc = load_scores(&c, &cands, err)) != RC_OK)
		goto out;

	/* The candidates who meet an open need, grouped for the search. */
	bitmap_copy(&t, &cands);
	bitmap_combine(&t, &anyopen, 1);
	for (pk = bitmap_next(&t, 0); pk >= 0; pk = bitmap_next(&t, pk + 1)) {
		if (n == ecap) {
			ecap = ecap ? ecap * 2 : 256;
			e = xrealloc(e, ecap * sizeof *e);
		}
		e[n].pk = pk;
		e[n].mask = mask_of(&c, pk);
		e[n].omask = e[n].mask & open;
		e[n].key = score(&c, pk, e[n].mask, NULL, NULL, NULL, NULL);
		n++;
	}
	bitmap_free(&t);
	if ((rc = build_classes(&c, &e, n, &people, &npeople, &cls, &nc, err))
	    != RC_OK)
		goto out;
	free(e);
	e = NULL;
	/* Class and rank share a 64-bit sort key in the search. */
	if (npeople >= (size_t)1 << 24) {
		rc = error_set(err, RC_INPUT, "deploy suggest: %zu people "
		    "would have to be compared; split the needs", npeople);
		goto out;
	}
	rank_people(people, npeople);

	/* What can be met at all: beyond that a need is short anyway. */
	for (j = 0; j < d->nneeds; j++) {
		long long supply = 0;
		long long *per = xcalloc(c.nagencies + 1, sizeof *per);

		for (k = 0; k < nc; k++)
			if (cls[k].omask >> j & 1)
				per[cls[k].agency + 1] += (long long)cls[k].n;
		for (k = 0; k < c.nagencies + 1; k++) {
			long long room = per[k];

			if (c.cap > 0 && k > 0 && (long long)c.cap -
			    c.member_agency[k - 1] < room)
				room = (long long)c.cap -
				    c.member_agency[k - 1];
			supply += room > 0 ? room : 0;
		}
		free(per);
		target[j] = c.r[j] < supply ? c.r[j] : (int)supply;
	}
	S.cls = cls;
	S.nc = nc;
	S.people = people;
	S.nneeds = d->nneeds;
	S.cap = c.cap;
	S.nag = c.nagencies;
	S.used = xcalloc(nc + 1, sizeof *S.used);
	S.best_used = xcalloc(nc + 1, sizeof *S.best_used);
	S.banned = xcalloc(nc + 1, sizeof *S.banned);
	S.ag_used = xcalloc(c.nagencies + 1, sizeof *S.ag_used);
	memcpy(S.ag_used, c.member_agency, c.nagencies * sizeof *S.ag_used);
	cover(&c, &S, target);

	/*
	 * The cover in the order that meets the most remaining demand first
	 * (ties by score, then name); a short size keeps its head.
	 */
	memcpy(S.r, c.r, d->nneeds * sizeof *c.r);
	S.open = open;
	done = xcalloc(nc + 1, sizeof *done);
	ncover = 0;
	for (k = 0; k < nc; k++)
		ncover += S.best_used[k];
	bitmap_init(&chosen, (long long)c.nbits - 1);
	memcpy(c.ag_used, c.member_agency, c.nagencies * sizeof *c.ag_used);
	for (i = 0; i < ncover && (size == 0 || i < size); i++) {
		size_t best = nc;
		int gb = -1, g;

		for (k = 0; k < nc; k++) {
			const struct cand *p;

			if (done[k] == S.best_used[k])
				continue;
			p = &people[cls[k].first + done[k]];
			g = __builtin_popcountll(p->omask & S.open);
			if (best == nc || g > gb || (g == gb && cand_cmp(p,
			    &people[cls[best].first + done[best]]) < 0)) {
				best = k;
				gb = g;
			}
		}
		pick = &people[cls[best].first + done[best]++];
		for (m = pick->omask & S.open; m != 0; m &= m - 1)
			if (--S.r[__builtin_ctzll(m)] == 0)
				S.open &= ~((uint64_t)1 << __builtin_ctzll(m));
		add_suggestion(out, &c, pick);
		bitmap_set(&chosen, pick->pk);
		if (pick->agency >= 0)
			c.ag_used[pick->agency]++;
	}

	/* Extras: those meeting any need first, then anyone else. */
	if (size > out->n) {
		bitmap_copy(&rest, &cands);
		bitmap_combine(&rest, &any, 1);
		if ((rc = fill(&c, &rest, size - out->n, &chosen,
		    out, &added, err)) != RC_OK)
			goto out;
		bitmap_free(&rest);
	}
	if (size > out->n) {
		bitmap_copy(&rest, &cands);
		bitmap_and_not(&rest, &any);
		if ((rc = fill(&c, &rest, size - out->n, &chosen,
		    out, &added, err)) != RC_OK)
			goto out;
	}

	for (j = 0; j < d->nneeds; j++) {
		nl = c.r[j];
		for (i = 0; i < out->n; i++)
			if (out->people[i].needs >> j & 1)
				nl--;
		out->short_by[j] = nl > 0 ? (int)nl : 0;
	}
	rc = RC_OK;
out:
	if (rc != RC_OK)
		suggest_report_free(out);
	for (i = 0; i < npeople; i++)
		cand_free(&people[i]);
	free(people);
	free(cls);
	free(e);
	free(done);
	free(S.used);
	free(S.best_used);
	free(S.banned);
	free(S.ag_used);
	deploy_members_free(mem, nmem);
	bitmap_free(&cands);
	bitmap_free(&avr);
	bitmap_free(&members);
	bitmap_free(&any);
	bitmap_free(&anyopen);
	bitmap_free(&left);
	bitmap_free(&t);
	bitmap_free(&booked);
	bitmap_free(&chosen);
	bitmap_free(&rest);
	bitmap_free(&c.universe);
	search_result_free(av);
	search_result_free(rd);
	for (i = 0; i < d->nneeds; i++)
		search_result_free(c.need[i]);
	free(c.need);
	for (i = 0; i < c.nlangs; i++)
		free(c.langs[i].level);
	free(c.year);
	free(c.notice);
	for (i = 0; i < c.nagencies; i++)
		free(c.agencies[i]);
	free(c.agencies);
	free(c.member_agency);
	free(c.ag_used);
	if (c.person_st != NULL)
		sqlite3_finalize(c.person_st);
	if (rc == RC_OK)
		return RC_OK;
	return rc;
}

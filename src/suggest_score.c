#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "filter.h"
#include "refdata.h"
#include "sqlfunc.h"
#include "strbuf.h"
#include "suggest_int.h"

/*
 * A score is one integer, larger better: the year last served in the
 * country (years since SCORE_YEAR_BASE, 0 for never), then the best
 * level, then shorter notice (stored as SCORE_NOTICE_MAX - days).
 * kth_key counts the high part (year and level) and the notice part apart.
 */
#define SCORE_NOTICE_BITS	10
#define SCORE_LEVEL_BITS	3
#define SCORE_YEAR_BITS		8
#define SCORE_HIGH_BITS		(SCORE_YEAR_BITS + SCORE_LEVEL_BITS)
#define SCORE_NOTICE_MAX	((1 << SCORE_NOTICE_BITS) - 1)
#define SCORE_YEAR_MAX		((1 << SCORE_YEAR_BITS) - 1)
#define SCORE_YEAR_BASE		1899

_Static_assert(LEVEL_NATIVE < 1 << SCORE_LEVEL_BITS, "a level fits");

static uint32_t
score_pack(int year, int level, int notice)
{
	return (uint32_t)year << (SCORE_LEVEL_BITS + SCORE_NOTICE_BITS) |
	    (uint32_t)level << SCORE_NOTICE_BITS |
	    (uint32_t)(SCORE_NOTICE_MAX - notice);
}

static uint32_t
score_high(uint32_t key)
{
	return key >> SCORE_NOTICE_BITS;
}

static uint32_t
score_low(uint32_t key)
{
	return key & SCORE_NOTICE_MAX;
}

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

int
score_load(struct ctx *c, const struct bitmap *cands, struct error *err)
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

uint32_t
score_person(const struct ctx *c, long long pk, uint64_t mask, int *year,
    int *notice, int *level, int *lang)
{
	uint64_t lm = 0, m;
	int y, cy, nt, best = 0, bl = -1, i;

	MASK_FOREACH(i, m, mask)
		lm |= c->need_langs[i];
	MASK_FOREACH(i, m, lm) {
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
	cy = y == 0 ? 0 : y - SCORE_YEAR_BASE < 1 ? 1 :
	    y - SCORE_YEAR_BASE > SCORE_YEAR_MAX ? SCORE_YEAR_MAX :
	    y - SCORE_YEAR_BASE;
	nt = c->notice != NULL && c->notice[pk] > 0 ? c->notice[pk] - 1 :
	    SCORE_NOTICE_MAX;
	if (nt > SCORE_NOTICE_MAX)
		nt = SCORE_NOTICE_MAX;
	if (year != NULL) {
		*year = y;
		*notice = nt;
		*level = best;
		*lang = bl;
	}
	return score_pack(cy, best, nt);
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

int
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

int
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
	out->key = score_person(c, pk, mask, &out->year, &out->notice, &out->level,
	    &out->lang);
	return RC_OK;
}

static int
cand_ptr_cmp(const void *a, const void *b)
{
	return cand_cmp(*(const struct cand *const *)a,
	    *(const struct cand *const *)b);
}

/* So that the cover search compares integers, not names. */
void
cand_rank(struct cand *people, size_t n)
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

void
cand_free(struct cand *p)
{
	free(p->family);
	free(p->given);
	free(p->id);
}

void
cands_free(struct cand *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		cand_free(&p[i]);
	free(p);
}

/*
 * The score that the k-th best of e[0..n) has (k <= n), by two counting
 * passes (country and level, then notice) rather than a sort: a group of
 * interchangeable people can be most of the pool.
 */
static uint32_t
kth_key(const struct ent *e, size_t n, size_t k)
{
	size_t hi[1 << SCORE_HIGH_BITS], lo[1 << SCORE_NOTICE_BITS];
	size_t i, sum = 0;
	uint32_t top, low;

	memset(hi, 0, sizeof hi);
	memset(lo, 0, sizeof lo);
	for (i = 0; i < n; i++)
		hi[score_high(e[i].key)]++;
	for (top = (1 << SCORE_HIGH_BITS) - 1; top > 0 && sum + hi[top] < k;
	    top--)
		sum += hi[top];
	for (i = 0; i < n; i++)
		if (score_high(e[i].key) == top)
			lo[score_low(e[i].key)]++;
	for (low = SCORE_NOTICE_MAX; low > 0 && sum + lo[low] < k; low--)
		sum += lo[low];
	return top << SCORE_NOTICE_BITS | low;
}

/*
 * The first want of the tied e[tied[0..ntie)] (in pk order) in name order,
 * which the name index gives without reading them all, read into
 * out[*got...].
 */
static int
read_tied(struct ctx *c, const struct ent *e, const size_t *tied,
    size_t ntie, size_t want, struct cand *out, size_t *got,
    struct error *err)
{
	struct search_result *tie;
	struct bitmap bm;
	long long *pks;
	size_t i, lo, hi, mid;
	int rc;

	bitmap_init(&bm, (long long)c->nbits - 1);
	for (i = 0; i < ntie; i++)
		bitmap_set(&bm, e[tied[i]].pk);
	tie = search_result_from(&bm, (long long)ntie);
	bitmap_free(&bm);
	pks = xcalloc(want, sizeof *pks);
	rc = search_page(c->s, tie, SORT_NAME, 0, 0, pks, want, &want, err);
	/* The masks of the tied, who are in pk order. */
	for (i = 0; rc == RC_OK && i < want; i++) {
		lo = 0;
		hi = ntie;
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (e[tied[mid]].pk < pks[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		if (lo < ntie && e[tied[lo]].pk == pks[i])
			rc = read_cand(c, pks[i], e[tied[lo]].mask,
			    e[tied[lo]].omask, &out[(*got)++], err);
	}
	free(pks);
	search_result_free(tie);
	return rc;
}

/*
 * Those whose score is above the k-th best's are read in pk order; those
 * who share it, across the cut, are taken in name order.
 */
int
cand_top_k(struct ctx *c, const struct ent *e, size_t n, size_t k,
    struct cand **out, size_t *nout, struct error *err)
{
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
	} else if (rc == RC_OK)
		rc = read_tied(c, e, tied, ntie, want, *out, &got, err);
	free(tied);
	*nout = got;
	if (rc != RC_OK) {
		cands_free(*out, got);
		*out = NULL;
		*nout = 0;
		return rc;
	}
	if (got > 0)
		qsort(*out, got, sizeof **out, cand_cmp);
	return RC_OK;
}

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "avail.h"
#include "bitmap.h"
#include "date.h"
#include "deploy.h"
#include "refdata.h"
#include "search.h"
#include "sqlfunc.h"
#include "strbuf.h"
#include "suggest.h"
#include "suggest_int.h"

_Static_assert(SUGGEST_MAX_NEEDS <= NEED_BITS, "a need is a bit of a mask");

/*
 * What suggest_team works on, phase by phase.  The sets are bitmaps over
 * person pks, all of the same capacity (c.nbits).
 */
struct team {
	struct ctx		 c;
	struct search_result	*av, *rd;	/* available, ready */
	struct bitmap		 members;	/* on the list, any status */
	struct bitmap		 any, anyopen;	/* meeting a need, an open one */
	struct bitmap		 avr;		/* available and ready */
	struct bitmap		 cands;		/* those, not on the list */
	struct bitmap		 chosen;	/* proposed so far */
	struct bitmap		 universe;	/* everyone, if needed */
	long long		 total;		/* people, -1 until asked */
	uint64_t		 open;		/* needs with demand left */
	struct cand		*people;	/* kept for the cover */
	size_t			 npeople;
	struct cls		*cls;		/* their classes */
	size_t			 nc;
	size_t			*used;		/* the cover: per class */
};

/* ---- sets ---- */

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
bm_positive(struct team *t, struct bitmap *b, struct error *err)
{
	if (!b->neg)
		return RC_OK;
	if (bitmap_capacity(&t->universe) == 0) {
		bitmap_init(&t->universe, bitmap_capacity(b) - 1);
		if (fill_bitmap(&t->c, &t->universe, "SELECT bitmap_add(?, pk) "
		    "FROM person", NULL, 0, 0) != RC_OK)
			return store_error(t->c.s, err, "suggest");
	}
	bitmap_combine(b, &t->universe, 1);
	return RC_OK;
}

/* How many people b holds, a complement included. */
static int
bm_count(struct team *t, const struct bitmap *b, long long *n,
    struct error *err)
{
	int rc;

	*n = bitmap_popcount(b);
	if (!b->neg)
		return RC_OK;
	if (t->total < 0 && (rc = store_int(t->c.s, "SELECT count(*) FROM "
	    "person", &t->total, err)) != RC_OK)
		return rc;
	*n = t->total - *n;
	return RC_OK;
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

/*
 * The people of set (a plain set) not in skip (NULL: none), in pk order,
 * scored, with the needs they meet and, of those, the ones in open; in a
 * new array the caller frees.
 */
static struct ent *
ents_of(const struct ctx *c, const struct bitmap *set,
    const struct bitmap *skip, uint64_t open, size_t *n)
{
	struct ent *e = NULL;
	size_t cap = 0;
	long long pk;

	*n = 0;
	for (pk = bitmap_next(set, 0); pk >= 0; pk = bitmap_next(set, pk + 1)) {
		if (skip != NULL && bitmap_get(skip, pk))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			e = xrealloc(e, cap * sizeof *e);
		}
		e[*n].pk = pk;
		e[*n].mask = mask_of(c, pk);
		e[*n].omask = e[*n].mask & open;
		e[*n].key = score_person(c, pk, e[*n].mask, NULL, NULL, NULL,
		    NULL);
		(*n)++;
	}
	return e;
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
			strbuf_addf(&b, "%s%zu (%s)", !first ? ", " :
			    __builtin_popcountll(p->mask) > 1 ? "meets needs " :
			    "meets need ", i + 1, c->d->needs[i].filter);
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
 * Adds up to want of set's people who are not chosen yet, best first,
 * within the agency cap.  Under a cap, more are read until enough fit.
 */
static int
fill(struct ctx *c, const struct bitmap *set, size_t want,
    struct bitmap *chosen, struct suggest_report *out, struct error *err)
{
	struct ent *e;
	struct cand *p = NULL;
	size_t n, w, np = 0, i, k;
	int *trial, rc = RC_OK;

	if (want == 0)
		return RC_OK;
	if ((e = ents_of(c, set, chosen, 0, &n)) == NULL)
		return RC_OK;
	trial = xcalloc(c->nagencies + 1, sizeof *trial);
	for (w = c->cap > 0 ? want + 32 : want;; w = w * 2 + 32) {
		if ((rc = cand_top_k(c, e, n, w, &p, &np, err)) != RC_OK)
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
			break;
		}
		cands_free(p, np);
		p = NULL;
		np = 0;
	}
	cands_free(p, np);
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

/* ---- the phases ---- */

static void
team_init(struct team *t, struct store *s, const struct deployment *d,
    int today, size_t max_per_agency, int until, struct suggest_report *out)
{
	struct ctx *c = &t->c;
	int y;

	c->s = s;
	c->d = d;
	c->today = today;
	c->nneeds = d->nneeds;
	c->cap = max_per_agency;
	t->total = -1;
	date_to_ymd(today, &c->this_year, &y, &y);
	deploy_window(d, &c->from, &c->to);
	if (d->end == DEPLOY_OPEN && until != SUGGEST_HORIZON)
		c->to = until;
	out->until = c->to;
	out->nneeds = d->nneeds;
	out->short_by = xcalloc(d->nneeds > 0 ? d->nneeds : 1,
	    sizeof *out->short_by);
	c->need = xcalloc(d->nneeds > 0 ? d->nneeds : 1, sizeof *c->need);
	c->member_agency = xcalloc(1, sizeof *c->member_agency);
	c->ag_used = xcalloc(1, sizeof *c->ag_used);
}

/* Who meets each need, who is available over the window, who is ready. */
static int
team_sets(struct team *t, struct error *err)
{
	struct ctx *c = &t->c;
	char from[DATE_LEN], to[DATE_LEN], text[80];
	size_t i;
	int rc;

	for (i = 0; i < c->nneeds; i++)
		if ((rc = search_text(c->s, c->d->needs[i].filter, c->today,
		    NULL, &c->need[i], err)) != RC_OK) {
			error_prefix(err, "need %zu '%d:%s'", i + 1,
			    c->d->needs[i].count, c->d->needs[i].filter);
			return rc;
		}
	date_format(c->from, from);
	date_format(c->to, to);
	snprintf(text, sizeof text, "avail:%s..%s", from, to);
	if ((rc = search_text(c->s, text, c->today, NULL, &t->av, err)) !=
	    RC_OK)
		return rc;
	snprintf(text, sizeof text, "ready:%s", to);
	if ((rc = search_text(c->s, text, c->today, NULL, &t->rd, err)) !=
	    RC_OK)
		return rc;
	c->nbits = (size_t)bitmap_capacity(search_result_bitmap(t->av));
	return RC_OK;
}

/* Members: never again, and the active ones count towards the needs. */
static int
team_members(struct team *t, struct error *err)
{
	struct ctx *c = &t->c;
	struct member *mem;
	size_t nmem, i, j;
	int ag, rc;

	if ((rc = deploy_members(c->s, c->d, c->today, &mem, &nmem, err)) != RC_OK)
		return rc;
	bitmap_init(&t->members, (long long)c->nbits - 1);
	for (i = 0; i < nmem; i++) {
		bitmap_set(&t->members, mem[i].person);
		if (!member_status_active(mem[i].status))
			continue;
		if ((ag = agency_index(c, mem[i].agency)) >= 0)
			c->member_agency[ag]++;
		for (j = 0; j < c->nneeds; j++)
			if (search_result_has(c->need[j], mem[i].person))
				c->r[j]++;
	}
	deploy_members_free(mem, nmem);
	for (j = 0; j < c->nneeds; j++) {
		c->r[j] = c->d->needs[j].count - c->r[j];
		if (c->r[j] < 0)
			c->r[j] = 0;
		if (c->r[j] > 0)
			t->open |= (uint64_t)1 << j;
	}
	return RC_OK;
}

/* Anyone meeting a need (an open one); the candidates. */
static int
team_candidates(struct team *t, struct error *err)
{
	struct ctx *c = &t->c;
	size_t j;

	bitmap_init(&t->any, (long long)c->nbits - 1);
	bitmap_init(&t->anyopen, (long long)c->nbits - 1);
	for (j = 0; j < c->nneeds; j++) {
		bitmap_combine(&t->any, search_result_bitmap(c->need[j]), 0);
		if (t->open >> j & 1)
			bitmap_combine(&t->anyopen,
			    search_result_bitmap(c->need[j]), 0);
	}
	bitmap_copy(&t->avr, search_result_bitmap(t->av));
	bitmap_combine(&t->avr, search_result_bitmap(t->rd), 1);
	bitmap_copy(&t->cands, &t->avr);
	bitmap_and_not(&t->cands, &t->members);
	return bm_positive(t, &t->cands, err);
}

/* Confirmed or deployed on another deployment overlapping the window. */
static int
booked(struct team *t, struct bitmap *out, struct error *err)
{
	char from[DATE_LEN], to[DATE_LEN];
	const char *texts[2] = { from, to };

	date_format(t->c.from, from);
	date_format(t->c.to, to);
	bitmap_init(out, (long long)t->c.nbits - 1);
	if (fill_bitmap(&t->c, out, "SELECT bitmap_add(?1, a.person) FROM "
	    "assignment a JOIN deployment o ON o.pk = a.deployment WHERE"
	    AVAIL_BOOKED_SQL("a", "o") " AND "
	    "(o.end IS NULL OR o.end >= ?2) AND o.start <= ?3 AND o.pk <> ?4",
	    texts, 2, t->c.d->pk) != RC_OK)
		return store_error(t->c.s, err, "suggest");
	return RC_OK;
}

/* How many of left also in keep (NULL: all) and not in drop (NULL: none)
 * there are. */
static int
count_left(struct team *t, const struct bitmap *left,
    const struct bitmap *keep, const struct bitmap *drop, long long *n,
    struct error *err)
{
	struct bitmap x;
	int rc;

	bitmap_copy(&x, left);
	if (keep != NULL)
		bitmap_combine(&x, keep, 1);
	if (drop != NULL)
		bitmap_and_not(&x, drop);
	rc = bm_count(t, &x, n, err);
	bitmap_free(&x);
	return rc;
}

/* Of left, those resting after a deployment on a day of the window. */
static int
resting(struct team *t, const struct bitmap *left, long long *n,
    struct error *err)
{
	char from[DATE_LEN], to[DATE_LEN];
	const char *texts[2] = { from, to };
	struct bitmap rest;
	int rc;

	date_format(t->c.from, from);
	date_format(t->c.to, to);
	bitmap_init(&rest, (long long)t->c.nbits - 1);
	if (fill_bitmap(&t->c, &rest, "SELECT bitmap_add(?1, a.person) FROM"
	    " assignment a JOIN deployment d ON d.pk = a.deployment WHERE"
	    AVAIL_RESTING_SQL("a", "d", "?2", "?3"), texts, 2, 0) != RC_OK)
		rc = store_error(t->c.s, err, "suggest");
	else
		rc = count_left(t, left, &rest, NULL, n, err);
	bitmap_free(&rest);
	return rc;
}

/* Meeting a need but left out, each under the first reason: booked,
 * unavailable (some resting), not ready. */
static int
team_left_out(struct team *t, struct suggest_report *out, struct error *err)
{
	const struct bitmap *av = search_result_bitmap(t->av);
	struct bitmap left, bk = { 0 };
	int rc;

	bitmap_copy(&left, &t->any);
	bitmap_and_not(&left, &t->members);
	bitmap_and_not(&left, &t->avr);
	if ((rc = booked(t, &bk, err)) == RC_OK &&
	    (rc = count_left(t, &left, &bk, NULL, &out->left_booked, err)) ==
	    RC_OK) {
		bitmap_and_not(&left, &bk);
		if ((rc = count_left(t, &left, NULL, av,
		    &out->left_unavailable, err)) == RC_OK &&
		    (rc = resting(t, &left, &out->left_resting, err)) == RC_OK)
			rc = count_left(t, &left, av,
			    search_result_bitmap(t->rd), &out->left_not_ready,
			    err);
	}
	bitmap_free(&bk);
	bitmap_free(&left);
	return rc;
}

/* The candidates who meet an open need, in classes for the cover. */
static int
team_classes(struct team *t, struct error *err)
{
	struct bitmap x;
	struct ent *e;
	size_t n;
	int rc;

	bitmap_copy(&x, &t->cands);
	bitmap_combine(&x, &t->anyopen, 1);
	e = ents_of(&t->c, &x, NULL, t->open, &n);
	bitmap_free(&x);
	rc = group_classes(&t->c, &e, n, &t->people, &t->npeople, &t->cls,
	    &t->nc, err);
	free(e);
	if (rc != RC_OK)
		return rc;
	if (t->npeople >= COVER_MAX_PEOPLE)
		return error_set(err, RC_INPUT, "deploy suggest: %zu people "
		    "would have to be compared; split the needs", t->npeople);
	cand_rank(t->people, t->npeople);
	t->used = xcalloc(t->nc + 1, sizeof *t->used);
	return RC_OK;
}

/* Of the cover's classes, the one whose next person meets the most of
 * the demand left in open (ties by the full order). */
static size_t
next_class(const struct team *t, const size_t *done, uint64_t open)
{
	const struct cand *p;
	size_t best = t->nc, k;
	int gb = -1, g;

	for (k = 0; k < t->nc; k++) {
		if (done[k] == t->used[k])
			continue;
		p = &t->people[t->cls[k].first + done[k]];
		g = __builtin_popcountll(p->omask & open);
		if (best == t->nc || g > gb || (g == gb && cand_cmp(p,
		    &t->people[t->cls[best].first + done[best]]) < 0)) {
			best = k;
			gb = g;
		}
	}
	return best;
}

/*
 * The cover in the order that meets the most remaining demand first (ties
 * by score, then name); a short size keeps its head.
 */
static void
team_order(struct team *t, size_t size, struct suggest_report *out)
{
	struct ctx *c = &t->c;
	const struct cand *pick;
	int r[NEED_BITS];
	uint64_t open = t->open, m;
	size_t *done, ncover = 0, i, j, k;

	memcpy(r, c->r, c->nneeds * sizeof *c->r);
	done = xcalloc(t->nc + 1, sizeof *done);
	for (k = 0; k < t->nc; k++)
		ncover += t->used[k];
	bitmap_init(&t->chosen, (long long)c->nbits - 1);
	memcpy(c->ag_used, c->member_agency, c->nagencies * sizeof *c->ag_used);
	for (i = 0; i < ncover && (size == 0 || i < size); i++) {
		k = next_class(t, done, open);
		pick = &t->people[t->cls[k].first + done[k]++];
		MASK_FOREACH(j, m, pick->omask & open)
			if (--r[j] == 0)
				open &= ~((uint64_t)1 << j);
		add_suggestion(out, c, pick);
		bitmap_set(&t->chosen, pick->pk);
		if (pick->agency >= 0)
			c->ag_used[pick->agency]++;
	}
	free(done);
}

static void team_short(const struct team *, struct suggest_report *);

/* Whether the report leaves a need short. */
static int
any_short(const struct suggest_report *out)
{
	size_t j;

	for (j = 0; j < out->nneeds; j++)
		if (out->short_by[j] > 0)
			return 1;
	return 0;
}

/*
 * Extras up to size: those meeting any need first, then anyone else, but
 * only when every need is covered: people who meet no need are no answer
 * to one still short.
 */
static int
team_extras(struct team *t, size_t size, struct suggest_report *out,
    struct error *err)
{
	struct bitmap rest;
	int rc = RC_OK, pass;

	for (pass = 0; pass < 2 && rc == RC_OK && size > out->n; pass++) {
		if (pass == 1) {
			team_short(t, out);
			if (any_short(out))
				break;
		}
		bitmap_copy(&rest, &t->cands);
		if (pass == 0)
			bitmap_combine(&rest, &t->any, 1);
		else
			bitmap_and_not(&rest, &t->any);
		rc = fill(&t->c, &rest, size - out->n, &t->chosen, out, err);
		bitmap_free(&rest);
	}
	return rc;
}

/* Per need, how many are still missing after members and suggestions. */
static void
team_short(const struct team *t, struct suggest_report *out)
{
	long long nl;
	size_t i, j;

	for (j = 0; j < t->c.nneeds; j++) {
		nl = t->c.r[j];
		for (i = 0; i < out->n; i++)
			if (out->people[i].needs >> j & 1)
				nl--;
		out->short_by[j] = nl > 0 ? (int)nl : 0;
	}
}

static void
team_free(struct team *t)
{
	struct ctx *c = &t->c;
	size_t i;

	cands_free(t->people, t->npeople);
	free(t->cls);
	free(t->used);
	bitmap_free(&t->members);
	bitmap_free(&t->any);
	bitmap_free(&t->anyopen);
	bitmap_free(&t->avr);
	bitmap_free(&t->cands);
	bitmap_free(&t->chosen);
	bitmap_free(&t->universe);
	search_result_free(t->av);
	search_result_free(t->rd);
	for (i = 0; i < c->nneeds; i++)
		search_result_free(c->need[i]);
	free(c->need);
	for (i = 0; i < c->nlangs; i++)
		free(c->langs[i].level);
	free(c->year);
	free(c->notice);
	for (i = 0; i < c->nagencies; i++)
		free(c->agencies[i]);
	free(c->agencies);
	free(c->member_agency);
	free(c->ag_used);
	if (c->person_st != NULL)
		sqlite3_finalize(c->person_st);
}

/* For each suggestion, the other deployments overlapping the window on
 * which the person is proposed or contacted, named in its why. */
static int
team_also(struct team *t, struct suggest_report *out, struct error *err)
{
	char from[DATE_LEN], to[DATE_LEN];
	struct strbuf b = { 0 };
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if ((rc = store_prepare(t->c.s, &st, "SELECT group_concat(name, ', ')"
	    " FROM (SELECT o.name FROM assignment a JOIN deployment o ON"
	    " o.pk = a.deployment WHERE a.person = ?1 AND o.pk <> ?2 AND"
	    " o.status <> 'closed' AND a.status IN ('proposed', 'contacted')"
	    " AND (o.end IS NULL OR o.end >= ?3) AND o.start <= ?4"
	    " ORDER BY o.start, o.name)", err)) != RC_OK)
		return rc;
	date_format(t->c.from, from);
	date_format(t->c.to, to);
	sqlite3_bind_int64(st, 2, t->c.d->pk);
	sqlite3_bind_text(st, 3, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, to, -1, SQLITE_TRANSIENT);
	for (i = 0; i < out->n; i++) {
		sqlite3_bind_int64(st, 1, out->people[i].person);
		if ((rc = sqlite3_step(st)) != SQLITE_ROW)
			break;
		if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
			strbuf_reset(&b);
			strbuf_addf(&b, "%s; also proposed for %s",
			    out->people[i].why, sqlite3_column_text(st, 0));
			free(out->people[i].why);
			out->people[i].why = strbuf_steal(&b);
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	strbuf_free(&b);
	return i == out->n ? RC_OK : store_error(t->c.s, err, "suggest");
}

int
suggest_team(struct store *s, const struct deployment *d, int today,
    size_t size, size_t max_per_agency, int until, struct suggest_report *out,
    struct error *err)
{
	struct team t;
	int rc;

	memset(out, 0, sizeof *out);
	if (d->nneeds > SUGGEST_MAX_NEEDS)
		return error_set(err, RC_INPUT, "deploy suggest: '%s' has %zu "
		    "needs; at most %d are supported", d->name, d->nneeds,
		    SUGGEST_MAX_NEEDS);
	memset(&t, 0, sizeof t);
	team_init(&t, s, d, today, max_per_agency, until, out);
	if ((rc = team_sets(&t, err)) == RC_OK &&
	    (rc = team_members(&t, err)) == RC_OK &&
	    (rc = team_candidates(&t, err)) == RC_OK &&
	    (rc = team_left_out(&t, out, err)) == RC_OK &&
	    (rc = score_load(&t.c, &t.cands, err)) == RC_OK &&
	    (rc = team_classes(&t, err)) == RC_OK) {
		cover_find(&t.c, t.cls, t.nc, t.people, t.used);
		team_order(&t, size, out);
		if ((rc = team_extras(&t, size, out, err)) == RC_OK)
			team_short(&t, out);
		if (rc == RC_OK)
			rc = team_also(&t, out, err);
	}
	if (rc != RC_OK)
		suggest_report_free(out);
	team_free(&t);
	return rc;
}

void
suggest_left_out_text(const struct suggest_report *r, struct strbuf *out)
{
	strbuf_addf(out, "left out: %lld already booked, %lld unavailable",
	    r->left_booked, r->left_unavailable);
	if (r->left_resting > 0)
		strbuf_addf(out, " (%lld resting)", r->left_resting);
	strbuf_addf(out, ", %lld not ready", r->left_not_ready);
}

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "callout_stats.h"
#include "strbuf.h"

/*
 * Seconds from message m's time to the first reply matched to its
 * call-out and member (NULL when none), never below 0; the times are
 * UTC text SQLite reads with its Z.
 */
#define STATS_DELAY_SQL \
    "max(0, CAST(strftime('%s', (SELECT min(r.at) FROM reply r" \
    " WHERE r.callout = m.callout AND r.person = m.person)) AS INTEGER)" \
    " - CAST(strftime('%s', m.at) AS INTEGER))"

/* The messages that reached someone: a failed delivery asked nothing. */
#define STATS_DELIVERED_SQL	" m.result <> 'failed'"

int
callout_stats_histogram(struct store *s, long long deployment,
    const long *buckets, size_t n, long *counts, long *unanswered,
    struct error *err)
{
	sqlite3_stmt *st;
	long long delay;
	size_t i;
	int rc;

	memset(counts, 0, (n + 1) * sizeof *counts);
	if (unanswered != NULL)
		*unanswered = 0;
	if ((rc = store_cached(s, &st, "SELECT " STATS_DELAY_SQL
	    " FROM callout_message m JOIN callout c ON c.pk = m.callout"
	    " WHERE" STATS_DELIVERED_SQL " AND (?1 = 0 OR c.deployment = ?1)",
	    err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, deployment);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_type(st, 0) == SQLITE_NULL) {
			if (unanswered != NULL)
				(*unanswered)++;
			continue;
		}
		delay = sqlite3_column_int64(st, 0);
		for (i = 0; i < n && delay >= buckets[i]; i++)
			continue;
		counts[i]++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "call-out statistics");
	return RC_OK;
}

const long callout_stats_within[STATS_WITHIN_N] = { 3600, 6 * 3600,
    24 * 3600 };

/* The delivered messages of the call-outs asked for: deployment ?1 (NULL:
 * all), made on or after the day ?2 (NULL: all). */
#define STATS_FROM_SQL \
    " FROM callout_message m JOIN callout c ON c.pk = m.callout" \
    " JOIN deployment d ON d.pk = c.deployment" \
    " JOIN person p ON p.pk = m.person WHERE" STATS_DELIVERED_SQL \
    " AND (?1 IS NULL OR d.name = ?1 COLLATE NOCASE)" \
    " AND (?2 IS NULL OR c.at >= ?2)"

/* A member's answer: their latest reply's, as decided when unclear. */
#define STATS_ANSWER_SQL \
    "(SELECT CASE WHEN r.answer = 'unclear' AND r.decided IN ('yes', 'no'," \
    " 'maybe') THEN r.decided ELSE r.answer END FROM reply r" \
    " WHERE r.callout = m.callout AND r.person = m.person" \
    " ORDER BY r.at DESC, r.pk DESC LIMIT 1)"

/* Figures being gathered, with the times to reply seen so far. */
struct acc {
	struct callout_figures	 f;
	long			*delays;
	size_t			 n, cap;
};

static void
acc_add(struct acc *a, long delay, int yes)
{
	size_t i;

	a->f.sent++;
	a->f.yes += yes;
	if (delay < 0)
		return;
	a->f.replies++;
	for (i = 0; i < STATS_WITHIN_N; i++)
		if (delay <= callout_stats_within[i])
			a->f.within[i]++;
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		a->delays = xrealloc(a->delays, a->cap * sizeof *a->delays);
	}
	a->delays[a->n++] = delay;
}

static int
cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

/* The nearest-rank percentiles: the smallest time that half (nine in
 * ten) of the replies took no longer than; the delays are freed. */
static void
acc_finish(struct acc *a)
{
	a->f.median = a->f.p90 = -1;
	if (a->n > 0) {
		qsort(a->delays, a->n, sizeof *a->delays, cmp_long);
		a->f.median = a->delays[(a->n + 1) / 2 - 1];
		a->f.p90 = a->delays[(9 * a->n + 9) / 10 - 1];
	}
	free(a->delays);
	a->delays = NULL;
	a->n = a->cap = 0;
}

static void
figures_init(struct callout_figures *f, const char *name,
    const char *deployment, const char *wave, const char *at)
{
	memset(f, 0, sizeof *f);
	f->name = xstrdup(name);
	f->deployment = xstrdup(deployment);
	f->wave = xstrdup(wave);
	snprintf(f->at, sizeof f->at, "%s", at);
	f->median = f->p90 = -1;
}

static void
figures_free(struct callout_figures *f)
{
	free(f->name);
	free(f->deployment);
	free(f->wave);
}

/* The agency's figures in aa (a new one when none yet). */
static struct acc *
agency_acc(struct acc **aa, size_t *n, const char *agency)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*aa)[i].f.name, agency) == 0)
			return &(*aa)[i];
	*aa = xrealloc(*aa, (*n + 1) * sizeof **aa);
	memset(&(*aa)[*n], 0, sizeof **aa);
	figures_init(&(*aa)[*n].f, agency, "", "", "");
	return &(*aa)[(*n)++];
}

static int
cmp_agency(const void *a, const void *b)
{
	return strcmp(((const struct callout_figures *)a)->name,
	    ((const struct callout_figures *)b)->name);
}

static void
bind_filter(sqlite3_stmt *st, const char *deployment, const char *since)
{
	if (deployment != NULL)
		sqlite3_bind_text(st, 1, deployment, -1, SQLITE_STATIC);
	if (since != NULL)
		sqlite3_bind_text(st, 2, since, -1, SQLITE_STATIC);
}

/* Each message's call-out, agency, time to reply and answer, call-out
 * by call-out: into out's call-outs, all and agencies. */
static int
stats_messages(struct store *s, const char *deployment, const char *since,
    struct callout_stats *out, struct error *err)
{
	struct acc cur = { 0 }, all = { 0 }, *ag = NULL;
	size_t nag = 0, i;
	sqlite3_stmt *st;
	long long pk = -1;
	long delay;
	int rc, yes;

	if ((rc = store_prepare(s, &st, "SELECT c.pk, c.code, d.name, c.wave,"
	    " c.at, p.agency, " STATS_DELAY_SQL ", " STATS_ANSWER_SQL " = 'yes'"
	    STATS_FROM_SQL " ORDER BY c.at, c.pk", err)) != RC_OK)
		return rc;
	bind_filter(st, deployment, since);
	figures_init(&all.f, "all", "", "", "");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sqlite3_column_int64(st, 0) != pk) {
			if (pk != -1)
				acc_finish(&cur);
			out->callouts = xrealloc(out->callouts,
			    (out->ncallouts + 1) * sizeof *out->callouts);
			if (pk != -1)
				out->callouts[out->ncallouts - 1] = cur.f;
			memset(&cur, 0, sizeof cur);
			figures_init(&cur.f,
			    (const char *)sqlite3_column_text(st, 1),
			    (const char *)sqlite3_column_text(st, 2),
			    (const char *)sqlite3_column_text(st, 3),
			    (const char *)sqlite3_column_text(st, 4));
			out->ncallouts++;
			pk = sqlite3_column_int64(st, 0);
		}
		delay = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 :
		    (long)sqlite3_column_int64(st, 6);
		yes = sqlite3_column_int(st, 7);
		acc_add(&cur, delay, yes);
		acc_add(&all, delay, yes);
		acc_add(agency_acc(&ag, &nag,
		    (const char *)sqlite3_column_text(st, 5)), delay, yes);
	}
	sqlite3_finalize(st);
	if (pk != -1) {
		acc_finish(&cur);
		out->callouts[out->ncallouts - 1] = cur.f;
	}
	acc_finish(&all);
	out->all = all.f;
	out->agencies = xcalloc(nag > 0 ? nag : 1, sizeof *out->agencies);
	for (i = 0; i < nag; i++) {
		acc_finish(&ag[i]);
		out->agencies[i] = ag[i].f;
	}
	out->nagencies = nag;
	free(ag);
	if (nag > 0)
		qsort(out->agencies, nag, sizeof *out->agencies, cmp_agency);
	return rc == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "call-out statistics");
}

/* Who answered none of their last out->last call-outs. */
static int
stats_silent(struct store *s, const char *deployment, const char *since,
    struct callout_stats *out, struct error *err)
{
	struct callout_silent *p;
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, &st, "SELECT p.pk, p.given_name || ' ' ||"
	    " p.family_name, p.agency FROM (SELECT m.person, row_number()"
	    " OVER (PARTITION BY m.person ORDER BY c.at DESC, c.pk DESC) AS n,"
	    " EXISTS (SELECT 1 FROM reply r WHERE r.callout = m.callout AND"
	    " r.person = m.person) AS answered" STATS_FROM_SQL ") x"
	    " JOIN person p ON p.pk = x.person WHERE x.n <= ?3"
	    " GROUP BY p.pk HAVING count(*) = ?3 AND sum(x.answered) = 0"
	    " ORDER BY p.family_name COLLATE NOCASE,"
	    " p.given_name COLLATE NOCASE, p.id", err)) != RC_OK)
		return rc;
	bind_filter(st, deployment, since);
	sqlite3_bind_int(st, 3, out->last);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->silent = xrealloc(out->silent, (out->nsilent + 1) *
		    sizeof *out->silent);
		p = &out->silent[out->nsilent++];
		p->person = sqlite3_column_int64(st, 0);
		p->name = store_text(st, 1);
		p->agency = store_text(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "call-out statistics");
}

int
callout_stats(struct store *s, const char *deployment, const char *since,
    int last, struct callout_stats *out, struct error *err)
{
	sqlite3_stmt *st;
	int rc, found;

	memset(out, 0, sizeof *out);
	out->last = last;
	if (deployment != NULL) {
		if ((rc = store_prepare(s, &st, "SELECT 1 FROM deployment"
		    " WHERE name = ? COLLATE NOCASE", err)) != RC_OK)
			return rc;
		sqlite3_bind_text(st, 1, deployment, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		found = rc == SQLITE_ROW;
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return store_error(s, err, "call-out statistics");
		if (!found)
			return error_set(err, RC_REFUSED, "callout stats: no "
			    "deployment '%s'", deployment);
	}
	if ((rc = stats_messages(s, deployment, since, out, err)) != RC_OK ||
	    (rc = stats_silent(s, deployment, since, out, err)) != RC_OK)
		callout_stats_free(out);
	return rc;
}

void
callout_stats_free(struct callout_stats *st)
{
	size_t i;

	for (i = 0; i < st->ncallouts; i++)
		figures_free(&st->callouts[i]);
	free(st->callouts);
	figures_free(&st->all);
	for (i = 0; i < st->nagencies; i++)
		figures_free(&st->agencies[i]);
	free(st->agencies);
	for (i = 0; i < st->nsilent; i++) {
		free(st->silent[i].name);
		free(st->silent[i].agency);
	}
	free(st->silent);
	memset(st, 0, sizeof *st);
}

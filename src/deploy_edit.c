/*
 * Changing a deployment after it is made (roster(1), "deploy edit"):
 * name, dates, kind, needs and status, checked by the rules deploy create
 * applies, written through the deployment writer (audited "update"), and
 * the consequences said: members now double-booked, needs left open.
 *
 * Memory: deploy_edit fills the caller's struct deployment (deploy_clear);
 * warnings are appended to the caller's strbuf.
 */
#include <stdlib.h>
#include <string.h>

#include "avail.h"
#include "date.h"
#include "deploy.h"
#include "deploy_write.h"
#include "person.h"
#include "vocab.h"

/* The statuses of a deployment, in the only order it moves in. */
static int
status_rank(const char *status)
{
	static const char *const order[] = { "planning", "active", "closed" };
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(status, order[i]) == 0)
			return i;
	return -1;
}

int
deploy_status_check(const char *name, const char *from, const char *to,
    struct error *err)
{
	int rank = status_rank(to);

	if (rank < 0)
		return error_set(err, RC_INPUT, "deploy edit: unknown status "
		    "'%s' (expected planning, active or closed)", to);
	if (rank < status_rank(from))
		return error_set(err, RC_REFUSED, "deploy edit: '%s' is %s: "
		    "it cannot go back to %s", name, from, to);
	return RC_OK;
}

/* Whether the change touches more than the status. */
static int
changes_more(const struct deploy_change *c)
{
	return c->name != NULL || c->start != DEPLOY_KEEP ||
	    c->end != DEPLOY_KEEP || c->end_days > 0 || c->kind != NULL ||
	    c->set_needs;
}

/* d with the change applied; the strings are d's or the change's. */
static int
apply(struct deployment *d, const struct deploy_change *c, struct error *err)
{
	char expected[VOCAB_EXPECTED_LEN];
	size_t i;
	int rc;

	/* Closed is over: only its status may be said again. */
	if (strcmp(d->status, "closed") == 0 && changes_more(c))
		return error_set(err, RC_REFUSED, "deployment '%s' is closed",
		    d->name);
	if (c->start != DEPLOY_KEEP)
		d->start = c->start;
	if (c->end_days > 0)
		d->end = d->start + c->end_days - 1;
	else if (c->end != DEPLOY_KEEP)
		d->end = c->end;
	if (d->end != DEPLOY_OPEN && d->end < d->start)
		return error_set(err, RC_INPUT, "deploy edit: the end is "
		    "before the start");
	if ((rc = deploy_window_check("deploy edit: --end", d->start, d->end,
	    err)) != RC_OK)
		return rc;
	if (c->kind != NULL && deploy_kind(c->kind) == NULL)
		return error_set(err, RC_INPUT, "deploy edit: unknown kind "
		    "'%s' (expected %s)", c->kind, vocab_expected(
		    &vocab_deploy_kinds, 0, expected, sizeof expected));
	if (c->kind != NULL) {
		free(d->kind);
		d->kind = xstrdup(deploy_kind(c->kind));
	}
	if (c->status != NULL && (rc = deploy_status_check(d->name, d->status,
	    c->status, err)) != RC_OK)
		return rc;
	if (c->status != NULL) {
		free(d->status);
		d->status = xstrdup(c->status);
	}
	if (!c->set_needs)
		return RC_OK;
	for (i = 0; i < d->nneeds; i++)
		deploy_need_free(&d->needs[i]);
	d->needs = xrealloc(d->needs, (c->nneeds + 1) * sizeof *d->needs);
	for (i = 0; i < c->nneeds; i++) {
		d->needs[i].count = c->needs[i].count;
		d->needs[i].filter = xstrdup(c->needs[i].filter);
	}
	d->nneeds = c->nneeds;
	return RC_OK;
}

/* Renames d (its stored name) to the free name to, within w's write. */
static int
rename_to(struct deploy_writer *w, struct deployment *d, const char *to,
    struct error *err)
{
	char *stored;
	long long pk;
	int rc;

	if ((rc = deploy_writer_find(w, to, &pk, &stored, err)) == RC_OK) {
		free(stored);
		if (pk != d->pk)
			return error_set(err, RC_REFUSED, "deploy edit: a "
			    "deployment named '%s' exists", to);
	} else if (rc != RC_REFUSED)
		return rc;
	if ((rc = deploy_writer_rename(w, d->pk, d->name, to, err)) != RC_OK)
		return rc;
	free(d->name);
	d->name = xstrdup(to);
	return RC_OK;
}

/* Writes d as changed, in w's transaction. */
static int
edit_write(struct deploy_writer *w, struct deployment *d, const char *to,
    struct error *err)
{
	char start[DATE_LEN], end[DATE_LEN] = "";
	struct deploy_row r = { d->name, d->kind, d->country, start, end,
	    d->status, NULL, NULL, NULL };
	char *needs;
	int rc = RC_OK;

	date_format(d->start, start);
	if (d->end != DEPLOY_OPEN)
		date_format(d->end, end);
	if (to != NULL && strcmp(to, d->name) != 0)
		rc = rename_to(w, d, to, err);
	r.name = d->name;
	r.needs = needs = deploy_needs_text(d);
	if (rc == RC_OK)
		rc = deploy_writer_put(w, &r, "", err);
	free(needs);
	return rc;
}

/* A member of d firmly booked on another deployment o over d's dates. */
struct overlap {
	long long	 person, other;		/* pks */
	char		*here, *there;		/* their statuses */
	char		*name;			/* o's */
};

static void
overlaps_free(struct overlap *o, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(o[i].here);
		free(o[i].there);
		free(o[i].name);
	}
	free(o);
}

/*
 * The double bookings of d's members over d's dates and status as they
 * are in d (which may not be written yet), by the one rule of a firm
 * booking (AVAIL_BOOKED_SQL): none while d is closed.
 */
static int
overlaps(struct store *s, const struct deployment *d, struct overlap **out,
    size_t *n, struct error *err)
{
	char start[DATE_LEN], end[DATE_LEN];
	sqlite3_stmt *st;
	struct overlap *o;
	int rc;

	*out = NULL;
	*n = 0;
	if (strcmp(d->status, "closed") == 0)
		return RC_OK;
	if ((rc = store_prepare(s, &st, "SELECT a.person, o.pk, a.status,"
	    " b.status, o.name FROM assignment a JOIN assignment b ON"
	    " b.person = a.person AND b.deployment <> a.deployment JOIN"
	    " deployment o ON o.pk = b.deployment WHERE a.deployment = ?1 AND"
	    " a.status IN ('confirmed', 'deployed') AND"
	    AVAIL_BOOKED_SQL("b", "o") " AND (?3 IS NULL OR o.start <= ?3)"
	    " AND (o.end IS NULL OR o.end >= ?2) ORDER BY a.person, o.start",
	    err)) != RC_OK)
		return rc;
	date_format(d->start, start);
	sqlite3_bind_int64(st, 1, d->pk);
	sqlite3_bind_text(st, 2, start, -1, SQLITE_TRANSIENT);
	if (d->end != DEPLOY_OPEN) {
		date_format(d->end, end);
		sqlite3_bind_text(st, 3, end, -1, SQLITE_TRANSIENT);
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		o = &(*out)[(*n)++];
		o->person = sqlite3_column_int64(st, 0);
		o->other = sqlite3_column_int64(st, 1);
		o->here = store_text(st, 2);
		o->there = store_text(st, 3);
		o->name = store_text(st, 4);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return RC_OK;
	overlaps_free(*out, *n);
	*out = NULL;
	*n = 0;
	return store_error(s, err, "deploy edit");
}

/* A line for each double booking in now that was not in was: only those
 * the change makes are news. */
static void
warn_bookings(struct store *s, const struct overlap *was, size_t nwas,
    const struct overlap *now, size_t nnow, struct strbuf *warn)
{
	char name[256];
	size_t i, j;

	for (i = 0; i < nnow; i++) {
		for (j = 0; j < nwas; j++)
			if (was[j].person == now[i].person &&
			    was[j].other == now[i].other)
				break;
		if (j < nwas)
			continue;
		strbuf_addf(warn, "%s is now double-booked: %s here and %s on "
		    "'%s', whose dates overlap\n", person_name(s, now[i].person,
		    name, sizeof name), now[i].here, now[i].there, now[i].name);
	}
}

/* The needs the members do not cover. */
static int
warn_needs(struct store *s, const struct deployment *d, int today,
    struct strbuf *warn, struct error *err)
{
	struct coverage *cov;
	size_t i;
	int rc;

	if ((rc = deploy_coverage(s, d, today, &cov, err)) != RC_OK)
		return rc;
	for (i = 0; i < d->nneeds; i++)
		if (cov[i].have < cov[i].want)
			strbuf_addf(warn, "need %zu (%d:%s) is not covered: %lld "
			    "of %d\n", i + 1, d->needs[i].count,
			    d->needs[i].filter, cov[i].have, cov[i].want);
	free(cov);
	return RC_OK;
}

/*
 * The change, applied to the deployment as read inside the write's
 * transaction, so that what another process changed meanwhile and this
 * change leaves alone stands; the double bookings before and after it
 * are compared there too.
 */
static int
edit_in(struct store *s, const char *name, const struct deploy_change *c,
    struct deployment *d, struct strbuf *warn, struct error *err)
{
	struct deploy_writer *w;
	struct overlap *was = NULL, *now = NULL;
	size_t nwas = 0, nnow = 0;
	int rc;

	if ((rc = deploy_writer_begin(s, &w, err)) != RC_OK)
		return rc;
	if ((rc = deploy_get(s, name, d, err)) == RC_OK)
		rc = overlaps(s, d, &was, &nwas, err);
	if (rc == RC_OK)
		rc = apply(d, c, err);
	if (rc == RC_OK && c->name != NULL)
		rc = deploy_name_check("deploy edit", c->name, err);
	if (rc == RC_OK)
		rc = overlaps(s, d, &now, &nnow, err);
	if (rc == RC_OK)
		rc = edit_write(w, d, c->name, err);
	if ((rc = deploy_writer_end(s, w, rc, err)) == RC_OK)
		warn_bookings(s, was, nwas, now, nnow, warn);
	overlaps_free(was, nwas);
	overlaps_free(now, nnow);
	return rc;
}

int
deploy_edit(struct store *s, const char *name, const struct deploy_change *c,
    int today, struct deployment *d, struct strbuf *warn, struct error *err)
{
	int rc;

	memset(d, 0, sizeof *d);
	if ((rc = edit_in(s, name, c, d, warn, err)) == RC_OK && c->set_needs)
		rc = warn_needs(s, d, today, warn, err);
	if (rc != RC_OK)
		deploy_clear(d);
	return rc;
}

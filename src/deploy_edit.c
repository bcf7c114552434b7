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

#include "date.h"
#include "deploy.h"
#include "deploy_write.h"
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

/* d with the change applied; the strings are d's or the change's. */
static int
apply(struct deployment *d, const struct deploy_change *c, struct error *err)
{
	char expected[VOCAB_EXPECTED_LEN];
	int rc;

	if (c->start != DEPLOY_KEEP)
		d->start = c->start;
	if (c->end != DEPLOY_KEEP)
		d->end = c->end;
	if (d->end != DEPLOY_OPEN && d->end < d->start)
		return error_set(err, RC_INPUT, "deploy edit: the end is "
		    "before the start");
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

static int
edit_write(struct store *s, struct deployment *d, const char *to,
    struct error *err)
{
	char start[DATE_LEN], end[DATE_LEN] = "";
	struct deploy_row r = { d->name, d->kind, d->country, start, end,
	    d->status, NULL };
	struct deploy_writer *w;
	char *needs;
	int rc;

	date_format(d->start, start);
	if (d->end != DEPLOY_OPEN)
		date_format(d->end, end);
	if ((rc = deploy_writer_begin(s, &w, err)) != RC_OK)
		return rc;
	if (to != NULL && strcmp(to, d->name) != 0)
		rc = rename_to(w, d, to, err);
	r.name = d->name;
	r.needs = needs = deploy_needs_text(d);
	if (rc == RC_OK)
		rc = deploy_writer_put(w, &r, "", err);
	free(needs);
	return deploy_writer_end(s, w, rc, err);
}

/* Members confirmed or deployed whose booking now overlaps another. */
static int
warn_bookings(struct store *s, const struct deployment *d, int today,
    struct strbuf *warn, struct error *err)
{
	struct member *m;
	char *other;
	size_t n, i;
	int rc;

	if ((rc = deploy_members(s, d, today, &m, &n, err)) != RC_OK)
		return rc;
	for (i = 0; i < n && rc == RC_OK; i++) {
		if (m[i].status != MS_CONFIRMED && m[i].status != MS_DEPLOYED)
			continue;
		if ((rc = deploy_conflict(s, d, m[i].person, &other, err))
		    != RC_OK || other == NULL)
			continue;
		strbuf_addf(warn, "%s %s is now double-booked: %s here and "
		    "confirmed or deployed on '%s', whose dates overlap\n",
		    m[i].given_name, m[i].family_name,
		    member_status_name(m[i].status), other);
		free(other);
	}
	deploy_members_free(m, n);
	return rc;
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

int
deploy_edit(struct store *s, const char *name, const struct deploy_change *c,
    int today, struct deployment *d, struct strbuf *warn, struct error *err)
{
	size_t i;
	int rc;

	if ((rc = deploy_get(s, name, d, err)) != RC_OK)
		return rc;
	if ((rc = apply(d, c, err)) == RC_OK && c->set_needs) {
		for (i = 0; i < d->nneeds; i++)
			deploy_need_free(&d->needs[i]);
		d->needs = xrealloc(d->needs, (c->nneeds + 1) *
		    sizeof *d->needs);
		for (i = 0; i < c->nneeds; i++) {
			d->needs[i].count = c->needs[i].count;
			d->needs[i].filter = xstrdup(c->needs[i].filter);
		}
		d->nneeds = c->nneeds;
	}
	if (rc == RC_OK && c->name != NULL)
		rc = deploy_name_check("deploy edit", c->name, err);
	if (rc == RC_OK)
		rc = edit_write(s, d, c->name, err);
	if (rc == RC_OK)
		rc = warn_bookings(s, d, today, warn, err);
	if (rc == RC_OK && c->set_needs)
		rc = warn_needs(s, d, today, warn, err);
	if (rc != RC_OK)
		deploy_clear(d);
	return rc;
}

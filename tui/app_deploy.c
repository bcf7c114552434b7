/*
 * The deployments screens' state: the list of deployments, the one open
 * with its members and coverage, and its suggested team.  Every change
 * goes through deploy.h, so the screen obeys the same rules as the
 * command line (no double booking without force, statuses only forward).
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "filter.h"
#include "format_deploy.h"
#include "person.h"
#include "refdata.h"
#include "vocab.h"

static void
open_free(struct deploy_ui *u)
{
	if (u->open)
		deploy_clear(&u->d);
	deploy_members_free(u->members, u->nmembers);
	free(u->cov);
	if (u->sug_valid)
		suggest_report_free(&u->sug);
	u->members = NULL;
	u->nmembers = 0;
	u->cov = NULL;
	u->open = 0;
	u->sug_valid = 0;
	u->force_pk = -1;
}

void
app_deploy_free(struct app *a)
{
	open_free(&a->dep);
	deploy_clear(&a->dep.draft);
	deploy_clear(&a->dep.offered);
	deploy_summaries_free(a->dep.all, a->dep.nall);
	a->dep.all = NULL;
	a->dep.nall = 0;
}

int
app_deploys_load(struct app *a, struct error *err)
{
	struct deploy_ui *u = &a->dep;
	struct deploy_summary *all;
	long long was = -1;
	size_t n, i;
	int rc;

	if ((rc = deploy_summaries(a->store, a->today, &all, &n, err))
	    != RC_OK)
		return rc;
	if (u->lview.cursor < (long long)u->nall)
		was = u->all[u->lview.cursor].d.pk;
	deploy_summaries_free(u->all, u->nall);
	u->all = all;
	u->nall = n;
	view_set_size(&u->lview, (long long)n, u->lview.height);
	/* The same deployment under the cursor, wherever it sorts now. */
	for (i = 0; i < n; i++)
		if (all[i].d.pk == was)
			view_go(&u->lview, (long long)i);
	a->screen = SCREEN_DEPLOYS;
	return RC_OK;
}

int
app_deploy_reload(struct app *a, struct error *err)
{
	struct deploy_ui *u = &a->dep;
	struct deployment d;
	struct member *m;
	struct coverage *cov;
	long long was = -1;
	size_t n, i;
	int rc;

	if (!u->open)
		return RC_OK;
	if ((rc = deploy_get(a->store, u->d.name, &d, err)) != RC_OK)
		return rc;
	if ((rc = deploy_members(a->store, &d, a->today, &m, &n, err)) != RC_OK) {
		deploy_clear(&d);
		return rc;
	}
	if ((rc = deploy_coverage(a->store, &d, a->today, &cov, err))
	    != RC_OK) {
		deploy_members_free(m, n);
		deploy_clear(&d);
		return rc;
	}
	if (u->mview.cursor < (long long)u->nmembers)
		was = u->members[u->mview.cursor].person;
	deploy_clear(&u->d);
	deploy_members_free(u->members, u->nmembers);
	free(u->cov);
	u->d = d;
	u->members = m;
	u->nmembers = n;
	u->cov = cov;
	view_set_size(&u->mview, (long long)n, u->mview.height);
	/* Members sort by status: follow the person, not the row. */
	for (i = 0; i < n; i++)
		if (m[i].person == was)
			view_go(&u->mview, (long long)i);
	return RC_OK;
}

int
app_deploy_open(struct app *a, const char *name, struct error *err)
{
	struct deploy_ui *u = &a->dep;
	char *copy = xstrdup(name);
	int rc;

	open_free(u);
	if ((rc = deploy_get(a->store, copy, &u->d, err)) == RC_OK) {
		u->open = 1;
		rc = app_deploy_reload(a, err);
	}
	free(copy);
	if (rc != RC_OK) {
		open_free(u);
		return rc;
	}
	view_go(&u->mview, 0);
	a->screen = SCREEN_DEPLOY;
	return RC_OK;
}

void
app_deploy_ask(struct app *a, enum modal question)
{
	struct strbuf hint = { 0 };
	char name[256];

	person_name(a->store, app_deploy_cursor_pk(a), name, sizeof name);
	if (question == KEYS_REMOVE)
		app_message(a, 0, "remove %s from '%s'? (y/n)", name,
		    a->dep.d.name);
	else {
		keys_hint(KC_STATUS, "  ", &hint);
		app_message(a, 0, "%s: %s", name, strbuf_str(&hint));
		strbuf_free(&hint);
	}
	app_modal_set(a, question);
}

int
app_deploy_writable(struct app *a)
{
	if (a->read_only)
		app_message(a, 1, "read-only: deployments cannot be changed "
		    "(%s)", a->store->read_only_why != NULL ? "you cannot "
		    "write the database file" : "roster was started with "
		    "--read-only");
	return !a->read_only;
}

void
app_deploy_unforce(struct app *a)
{
	a->dep.force_pk = -1;
}

long long
app_deploy_cursor_pk(const struct app *a)
{
	const struct deploy_ui *u = &a->dep;

	if (a->screen == SCREEN_SUGGEST && u->sug_valid &&
	    u->sview.cursor < (long long)u->sug.n)
		return u->sug.people[u->sview.cursor].person;
	if (u->open && u->mview.cursor < (long long)u->nmembers)
		return u->members[u->mview.cursor].person;
	return -1;
}

static int changed_here(struct app *, struct view *, struct error *);

/* Who of several added is not free throughout, from deploy_add's lines
 * ("NAME is not available ..."): the first few named, then how many. */
static void
unavailable_names(struct strbuf *msg, const struct strbuf *warn,
    size_t lines)
{
	enum { NAMED = 3 };
	const char *p = strbuf_str(warn), *end;
	size_t i, n;

	strbuf_adds(msg, "; not available for the whole deployment: ");
	for (i = 0; i < NAMED && i < lines; i++, p += n + 1) {
		n = strcspn(p, "\n");
		end = strstr(p, " is not available");
		strbuf_addf(msg, "%s%.*s", i == 0 ? "" : i + 1 == lines ?
		    " and " : ", ", (int)(end != NULL && end < p + n ?
		    end - p : (ptrdiff_t)n), p);
	}
	if (lines > NAMED)
		strbuf_addf(msg, " and %zu more", lines - NAMED);
}

/* The people added; keep: the list whose cursor moves to the next person
 * (changed_here), or NULL. */
static int
add(struct app *a, const long long *pks, size_t n, struct view *keep,
    struct error *err)
{
	struct strbuf warn = { 0 }, msg = { 0 };
	const char *dname = a->dep.d.name;
	char name[256];
	size_t added, lines = 0, i;
	int rc;

	rc = deploy_add(a->store, &a->dep.d, pks, n, "", a->today, &warn,
	    &added, err);
	if (rc != RC_OK) {
		strbuf_free(&warn);
		return rc;
	}
	for (i = 0; i < warn.len; i++)
		lines += warn.s[i] == '\n';
	/* One person is named; of several, how many. */
	if (n == 1) {
		person_name(a->store, pks[0], name, sizeof name);
		strbuf_addf(&msg, added == 0 ? "%s is already on '%s'" :
		    "%s added to '%s'", name, dname);
		if (lines > 0)
			strbuf_adds(&msg, "; not available for the whole "
			    "deployment");
	} else {
		strbuf_addf(&msg, "%zu added to '%s'", added, dname);
		if (lines > 0)
			unavailable_names(&msg, &warn, lines);
	}
	app_message(a, lines > 0, "%s", strbuf_str(&msg));
	strbuf_free(&warn);
	strbuf_free(&msg);
	return keep != NULL ? changed_here(a, keep, err) : app_changed(a, err);
}

int
app_deploy_add_tagged(struct app *a, struct error *err)
{
	long long *pks;
	size_t n;
	int rc;

	pks = tags_pks(&a->tags, &n);
	rc = add(a, pks, n, NULL, err);
	free(pks);
	if (rc == RC_OK)
		tags_free(&a->tags);
	return rc;
}

/* The person on row i of the member list or the suggestion, or -1. */
static long long
row_pk(const struct app *a, long long i)
{
	const struct deploy_ui *u = &a->dep;

	if (i < 0)
		return -1;
	if (a->screen == SCREEN_SUGGEST)
		return u->sug_valid && i < (long long)u->sug.n ?
		    u->sug.people[i].person : -1;
	return u->open && i < (long long)u->nmembers ?
	    u->members[i].person : -1;
}

/*
 * After an action on a list, the cursor goes to the person who was next
 * (below it) before, as in mutt after deleting a message: a key typed
 * for the next row never lands on the one just changed, nor on the one
 * above it when the changed one sorts higher now.  Without a next
 * person, or when they are gone, the cursor keeps its row.  Called
 * before the list is loaded again.
 */
static int
changed_here(struct app *a, struct view *v, struct error *err)
{
	long long row = v->cursor, next = row_pk(a, row + 1), i;
	int rc;

	rc = app_changed(a, err);
	view_go(v, row);
	for (i = 0; next >= 0 && i < v->n; i++)
		if (row_pk(a, i) == next)
			view_go(v, i);
	return rc;
}

/* Each line of warn after what, joined by "; ", on the message line (a
 * warning when there is one). */
static void
said(struct app *a, const char *what, const struct strbuf *warn)
{
	struct strbuf b = { 0 };
	const char *p;
	size_t n;

	strbuf_adds(&b, what);
	for (p = strbuf_str(warn); *p != '\0'; p += n + (p[n] == '\n')) {
		n = strcspn(p, "\n");
		strbuf_addf(&b, "%s%.*s", b.len > 0 ? "; " : "", (int)n, p);
	}
	app_message(a, warn->len > 0, "%s", strbuf_str(&b));
	strbuf_free(&b);
}

/* Papers that lapse before the end: said, but the booking stands. */
static int
warn_papers(struct app *a, long long pk, struct error *err)
{
	struct strbuf warn = { 0 };
	int rc;

	rc = deploy_papers_warn(a->store, &a->dep.d, pk, a->today, &warn, err);
	if (rc == RC_OK && warn.len > 0)
		said(a, "", &warn);
	strbuf_free(&warn);
	return rc;
}

/* "created 'NAME': 2-29 December 2026, 28 days", and the warnings. */
static void
said_window(struct app *a, const char *what, const struct deployment *d,
    const struct strbuf *warn)
{
	struct strbuf b = { 0 };
	char window[128];

	format_deploy_window(d, window, sizeof window);
	strbuf_addf(&b, "%s '%s': %s", what, d->name, window);
	said(a, strbuf_str(&b), warn);
	strbuf_free(&b);
}

int
app_deploy_set(struct app *a, enum member_status to, int force,
    struct error *err)
{
	struct deploy_ui *u = &a->dep;
	long long pk = app_deploy_cursor_pk(a);
	char *other = NULL, name[256];
	int rc;

	if (force) {
		/* Only right after the refusal, on the same member. */
		if (u->force_pk < 0 || u->force_pk != pk)
			return error_set(err, RC_REFUSED, "nothing to force: ! "
			    "follows a refused booking of this member");
		to = u->force_status;
	}
	u->force_pk = -1;
	if (pk < 0)
		return RC_OK;
	if (!force && (to == MS_CONFIRMED || to == MS_DEPLOYED)) {
		if ((rc = deploy_conflict(a->store, &u->d, pk, &other, err))
		    != RC_OK)
			return rc;
		if (other != NULL) {
			u->force_pk = pk;
			u->force_status = to;
			rc = error_set(err, RC_REFUSED, "! books them anyway: "
			    "%s is already confirmed or deployed on '%s', "
			    "whose dates overlap", person_name(a->store, pk,
			    name, sizeof name), other);
			free(other);
			return rc;
		}
	}
	if ((rc = deploy_set(a->store, &u->d, pk, to, force, err)) != RC_OK)
		return rc;
	/* Papers about to lapse are said instead, naming them too. */
	app_message(a, 0, "%s: %s", person_name(a->store, pk, name,
	    sizeof name), member_status_name(to));
	if ((rc = changed_here(a, &u->mview, err)) != RC_OK)
		return rc;
	if (to != MS_CONFIRMED && to != MS_DEPLOYED)
		return RC_OK;
	return warn_papers(a, pk, err);
}

int
app_deploy_remove(struct app *a, struct error *err)
{
	long long pk = app_deploy_cursor_pk(a);
	char name[256];
	int rc;

	if (pk < 0)
		return RC_OK;
	person_name(a->store, pk, name, sizeof name);
	if ((rc = deploy_remove(a->store, &a->dep.d, pk, err)) != RC_OK)
		return rc;
	app_message(a, 0, "%s removed from '%s'", name, a->dep.d.name);
	return changed_here(a, &a->dep.mview, err);
}

/*
 * Asked afresh (S), the suggestion starts at its top; computed again (an
 * acceptance, a change in the pool), the cursor stays on its person, or
 * at its row when they are gone, so the next key acts where the user
 * looked.
 */
int
app_deploy_suggest(struct app *a, int fresh, struct error *err)
{
	struct deploy_ui *u = &a->dep;
	struct suggest_report r;
	long long was = fresh ? -1 : app_deploy_cursor_pk(a), row = 0;
	size_t i;
	int rc;

	if ((rc = suggest_team(a->store, &u->d, a->today, 0, 0,
	    SUGGEST_HORIZON, &r, err)) != RC_OK)
		return rc;
	if (u->sug_valid) {
		if (!fresh)
			row = u->sview.cursor;
		suggest_report_free(&u->sug);
	}
	u->sug = r;
	u->sug_valid = 1;
	for (i = 0; was >= 0 && i < r.n; i++)
		if (r.people[i].person == was)
			row = (long long)i;
	view_set_size(&u->sview, (long long)r.n, u->sview.height);
	view_go(&u->sview, row);
	a->screen = SCREEN_SUGGEST;
	return RC_OK;
}

int
app_deploy_accept(struct app *a, int all, struct error *err)
{
	struct deploy_ui *u = &a->dep;
	long long *pks;
	size_t n = 0, i;
	int rc;

	if (!u->sug_valid || u->sug.n == 0)
		return RC_OK;
	pks = xcalloc(u->sug.n, sizeof *pks);
	for (i = 0; i < u->sug.n; i++)
		if (all || (long long)i == u->sview.cursor)
			pks[n++] = u->sug.people[i].person;
	/* What is left to suggest changes with every acceptance: add
	 * suggests again, the cursor on the one who was next. */
	rc = add(a, pks, n, all ? NULL : &u->sview, err);
	free(pks);
	return rc;
}

void
app_deploy_new_start(struct app *a)
{
	struct deploy_ui *u = &a->dep;

	deploy_clear(&u->draft);
	u->draft.end = DEPLOY_OPEN;
	u->step = 0;
	/* Made while picking one for the tagged people: they go on it. */
	u->then_add = a->modal == KEYS_PICK;
	app_bar_ask(a, KEYS_NEW, "");
}

void
app_deploy_new_cancel(struct app *a)
{
	deploy_clear(&a->dep.draft);
	deploy_clear(&a->dep.offered);
	a->dep.editing = 0;
	/* Given up while picking one for the tagged: back to the picking. */
	a->modal = a->dep.then_add ? KEYS_PICK : KEYS_NORMAL;
	a->dep.then_add = 0;
}

static int
answer_date(struct app *a, const char *text, int *day, struct error *err)
{
	char hint[64];

	if (filter_date(text, a->today, day))
		return RC_OK;
	filter_date_hint(text, hint, sizeof hint);
	return error_set(err, RC_INPUT, "'%s' is not a date (%s)", text, hint);
}

/* Each answer is checked by the rules deploy create applies. */
static int
answer_name(struct app *a, const char *text, struct error *err)
{
	if (text[strspn(text, " ")] == '\0')
		return error_set(err, RC_INPUT, "the name is empty");
	free(a->dep.draft.name);
	a->dep.draft.name = xstrdup(text);
	return RC_OK;
}

static int
answer_country(struct app *a, const char *text, struct error *err)
{
	return refdata_country(a->store, text, a->dep.draft.country, err);
}

static int
answer_start(struct app *a, const char *text, struct error *err)
{
	return answer_date(a, text, &a->dep.draft.start, err);
}

static int
answer_end(struct app *a, const char *text, struct error *err)
{
	struct deployment *d = &a->dep.draft;
	char hint[64];

	d->end = DEPLOY_OPEN;
	if (*text != '\0' && !deploy_end_parse(text, d->start, a->today,
	    &d->end))
		return filter_date_hint(text, hint, sizeof hint) ?
		    error_set(err, RC_INPUT, "'%s' is not a date (%s)", text,
		    hint) : error_set(err, RC_INPUT, "'%s' is neither a date "
		    "(YYYY-MM-DD, today, tomorrow, +Nd or +Nw from today) nor "
		    "a length (28d or 4w from the start)", text);
	if (d->end != DEPLOY_OPEN && d->end < d->start)
		return error_set(err, RC_INPUT, "the end is before the start");
	return deploy_window_check("end", d->start, d->end, err);
}

static int
answer_kind(struct app *a, const char *text, struct error *err)
{
	const char *kind = deploy_kind(text);

	if (kind == NULL)
		return error_set(err, RC_INPUT, "unknown kind '%s'", text);
	free(a->dep.draft.kind);
	a->dep.draft.kind = xstrdup(kind);
	return RC_OK;
}

/* The need text, checked, added to the draft. */
static int
draft_need_add(struct app *a, const char *text, struct error *err)
{
	struct deployment *d = &a->dep.draft;
	struct need n;
	size_t i, terms = 0, bytes = 0;
	int rc;

	if ((rc = deploy_need_parse(a->store, text, a->today, &n, err))
	    != RC_OK)
		return rc;
	for (i = 0; i < d->nneeds; i++) {
		terms += d->needs[i].terms;
		bytes += strlen(d->needs[i].filter);
	}
	if ((rc = deploy_needs_add(&n, &terms, &bytes, err)) != RC_OK) {
		deploy_need_free(&n);
		return rc;
	}
	d->needs = xrealloc(d->needs, (d->nneeds + 1) * sizeof *d->needs);
	d->needs[d->nneeds++] = n;
	return RC_OK;
}

/* A need, asked again until the answer is empty: then it is created. */
static int
answer_need(struct app *a, const char *text, struct error *err)
{
	static const struct strbuf none;
	struct deployment *d = &a->dep.draft;
	char name[256], made[sizeof a->message], added[sizeof a->message];
	int rc, then_add;

	if (*text != '\0') {
		if ((rc = draft_need_add(a, text, err)) == RC_OK)
			line_set(&a->answer, "");
		return rc;
	}
	if ((rc = deploy_create(a->store, d, err)) != RC_OK)
		return rc;
	snprintf(name, sizeof name, "%s", d->name);
	then_add = a->dep.then_add;
	a->dep.then_add = 0;
	app_deploy_new_cancel(a);
	if ((rc = app_deploys_load(a, err)) == RC_OK)
		rc = app_deploy_open(a, name, err);
	if (rc != RC_OK)
		return rc;
	said_window(a, "created", &a->dep.d, &none);
	if (!then_add || a->tags.n == 0)
		return app_changed(a, err);
	/* Made for the tagged people: they go on it. */
	snprintf(made, sizeof made, "%s", a->message);
	if ((rc = app_deploy_add_tagged(a, err)) == RC_OK) {
		snprintf(added, sizeof added, "%s", a->message);
		app_message(a, a->message_error, "%s; %s", made, added);
	}
	return rc;
}

#define START_QUESTION	"start (YYYY-MM-DD, today, +Nd): "
#define END_QUESTION	"end (date, +4w from today, or 4w counted from the " \
	"start; empty: open-ended): "

/*
 * The questions of a new deployment, in order, each with the answer
 * offered when it is asked; the last repeats.  "%s" in a question is
 * the list of deployment kinds.
 */
static const struct {
	const char	*question;
	const char	*offer;
	int		(*answer)(struct app *, const char *, struct error *);
} new_steps[] = {
	{ "new deployment, name: ", "", answer_name },
	{ "country (code or English name): ", "", answer_country },
	{ START_QUESTION, "+2d", answer_start },
	{ END_QUESTION, "", answer_end },
	{ "kind (%s): ", "other", answer_kind },
	{ "need (COUNT:FILTER, as 2:lang:nl; empty when done): ", "",
	    answer_need },
};
#define NEW_STEPS	(sizeof new_steps / sizeof new_steps[0])

/*
 * Changing the open deployment: the questions of a new one but the
 * country, each with the current value offered, then each need (empty
 * drops it), then more needs until an empty answer makes the change.
 */
static int
answer_status(struct app *a, const char *text, struct error *err)
{
	struct deployment *d = &a->dep.draft;
	int rc;

	if ((rc = deploy_status_check(d->name, d->status, text, err))
	    != RC_OK)
		return rc;
	free(d->status);
	d->status = xstrdup(text);
	return RC_OK;
}

enum { EDIT_NAME, EDIT_START, EDIT_END, EDIT_KIND, EDIT_STATUS,
    EDIT_NEEDS };

static const char *const edit_questions[] = { "name: ", START_QUESTION,
    END_QUESTION, "kind (%s): ",
    "status (planning, active or closed; forward only): " };

/* The need the draft is at, as "N:FILTER", to offer; "" after them. */
static void
edit_offer(struct app *a)
{
	const struct deploy_ui *u = &a->dep;
	char day[DATE_LEN], need[1024] = "";

	switch (u->step) {
	case EDIT_NAME:
		line_set(&a->answer, u->draft.name);
		return;
	case EDIT_START:
		date_format(u->draft.start, day);
		line_set(&a->answer, day);
		return;
	case EDIT_END:
		if (u->draft.end == DEPLOY_OPEN)
			day[0] = '\0';
		else
			date_format(u->draft.end, day);
		line_set(&a->answer, day);
		return;
	case EDIT_KIND:
		line_set(&a->answer, u->draft.kind);
		return;
	case EDIT_STATUS:
		line_set(&a->answer, u->draft.status);
		return;
	}
	if (u->need_i < u->offered.nneeds)
		snprintf(need, sizeof need, "%d:%s",
		    u->offered.needs[u->need_i].count,
		    u->offered.needs[u->need_i].filter);
	line_set(&a->answer, need);
}

/* Into to (cleared), d's fields that e offers, and its needs if needs. */
static void
draft_copy(struct deployment *to, const struct deployment *d, int needs)
{
	size_t i;

	to->pk = d->pk;
	to->name = xstrdup(d->name);
	to->kind = xstrdup(d->kind);
	to->status = xstrdup(d->status);
	memcpy(to->country, d->country, sizeof to->country);
	to->start = d->start;
	to->end = d->end;
	if (!needs)
		return;
	to->needs = xcalloc(d->nneeds + 1, sizeof *to->needs);
	for (i = 0; i < d->nneeds; i++) {
		to->needs[i].count = d->needs[i].count;
		to->needs[i].filter = xstrdup(d->needs[i].filter);
	}
	to->nneeds = d->nneeds;
}

void
app_deploy_edit_start(struct app *a)
{
	struct deploy_ui *u = &a->dep;

	deploy_clear(&u->draft);
	deploy_clear(&u->offered);
	draft_copy(&u->draft, &u->d, 0);
	draft_copy(&u->offered, &u->d, 1);
	u->step = EDIT_NAME;
	u->need_i = 0;
	u->editing = 1;
	app_bar_ask(a, KEYS_NEW, "");
	edit_offer(a);
}

static const char *
edit_question(const struct app *a, char *buf, size_t len)
{
	const struct deploy_ui *u = &a->dep;
	char kinds[VOCAB_EXPECTED_LEN];

	vocab_expected(&vocab_deploy_kinds, VOCAB_NO_OR, kinds, sizeof kinds);
	if (u->step < EDIT_NEEDS)
		snprintf(buf, len, edit_questions[u->step], kinds);
	else if (u->need_i < u->offered.nneeds)
		snprintf(buf, len, "need %zu of %zu (COUNT:FILTER; empty drops "
		    "it): ", u->need_i + 1, u->offered.nneeds);
	else
		snprintf(buf, len, "another need (COUNT:FILTER; empty when "
		    "done): ");
	return buf;
}

/* Whether the draft's needs are the open deployment's. */
static int
needs_same(const struct deployment *a, const struct deployment *b)
{
	size_t i;

	if (a->nneeds != b->nneeds)
		return 0;
	for (i = 0; i < a->nneeds; i++)
		if (a->needs[i].count != b->needs[i].count ||
		    strcmp(a->needs[i].filter, b->needs[i].filter) != 0)
			return 0;
	return 1;
}

/* The answers as a change to the open deployment, made: only those that
 * differ from the value offered. */
static int
edit_apply(struct app *a, struct error *err)
{
	struct deploy_ui *u = &a->dep;
	const struct deployment *o = &u->offered, *n = &u->draft;
	struct deploy_change c = { NULL, DEPLOY_KEEP, DEPLOY_KEEP, 0, NULL,
	    NULL, n->needs, n->nneeds, !needs_same(n, o) };
	struct deployment after;
	struct strbuf warn = { 0 };
	int rc;

	if (strcmp(n->name, o->name) != 0)
		c.name = n->name;
	if (n->start != o->start)
		c.start = n->start;
	if (n->end != o->end)
		c.end = n->end;
	if (strcmp(n->kind, o->kind) != 0)
		c.kind = n->kind;
	if (strcmp(n->status, o->status) != 0)
		c.status = n->status;
	if ((rc = deploy_edit(a->store, o->name, &c, a->today, &after,
	    &warn, err)) != RC_OK) {
		strbuf_free(&warn);
		return rc;
	}
	app_deploy_new_cancel(a);
	/* Reloaded by its name, which may be new. */
	free(u->d.name);
	u->d.name = xstrdup(after.name);
	if ((rc = app_changed(a, err)) == RC_OK)
		said_window(a, "changed", &after, &warn);
	deploy_clear(&after);
	strbuf_free(&warn);
	return rc;
}

/* A need: kept as answered, dropped when empty; after the last, more. */
static int
answer_edit_need(struct app *a, const char *text, struct error *err)
{
	struct deploy_ui *u = &a->dep;
	int rc;

	if (*text == '\0' && u->need_i >= u->offered.nneeds)
		return edit_apply(a, err);
	if (*text != '\0' && (rc = draft_need_add(a, text, err)) != RC_OK)
		return rc;
	if (u->need_i < u->offered.nneeds)
		u->need_i++;
	edit_offer(a);
	return RC_OK;
}

static int
edit_answer(struct app *a, const char *text, struct error *err)
{
	static int (*const answers[])(struct app *, const char *,
	    struct error *) = { answer_name, answer_start, answer_end,
	    answer_kind, answer_status };
	struct deploy_ui *u = &a->dep;
	int rc;

	if (u->step == EDIT_NEEDS)
		return answer_edit_need(a, text, err);
	if ((rc = answers[u->step](a, text, err)) != RC_OK)
		return rc;
	u->step++;
	edit_offer(a);
	return RC_OK;
}

const char *
app_deploy_new_question(const struct app *a, char *buf, size_t len)
{
	char kinds[VOCAB_EXPECTED_LEN];

	if (a->dep.editing)
		return edit_question(a, buf, len);
	vocab_expected(&vocab_deploy_kinds, VOCAB_NO_OR, kinds, sizeof kinds);
	snprintf(buf, len, new_steps[a->dep.step].question, kinds);
	return buf;
}

int
app_deploy_new_answer(struct app *a, const char *text, struct error *err)
{
	struct deploy_ui *u = &a->dep;
	int rc;

	if (u->editing)
		return edit_answer(a, text, err);
	if ((rc = new_steps[u->step].answer(a, text, err)) != RC_OK ||
	    (size_t)u->step + 1 == NEW_STEPS)
		return rc;
	u->step++;
	line_set(&a->answer, new_steps[u->step].offer);
	return RC_OK;
}

int
app_deploy_sheet(struct app *a, const char *path, struct error *err)
{
	struct export_file f;
	int rc;

	if ((rc = app_file_open(a, path, &f, err)) != RC_OK)
		return rc;
	rc = format_deploy_sheet(a->store, &a->dep.d, a->today, 0, f.fp, err);
	if ((rc = export_file_close(&f, rc, err)) == RC_OK)
		app_message(a, 0, "call-out sheet written to %s", path);
	return rc;
}

/*
 * The deployments screens: all deployments; one with its needs, coverage
 * and members; and the team suggested for it.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "format_deploy.h"
#include "keys.h"
#include "strbuf.h"
#include "table.h"
#include "width.h"

/*
 * The tables of deployments and of members (table.h): a cut name never
 * runs into the next column.
 */
enum { DL_NAME, DL_KIND, DL_CC, DL_DATES, DL_STATUS, DL_MEMBERS, DL_NEEDS,
    DL_N };
static const struct table_col deploys_cols[DL_N] = {
	{ "DEPLOYMENT", 12, 30, 0 },
	{ "KIND", 12, 12, 5 },
	{ "CC", 2, 2, 6 },
	{ "DATES", 27, 27, 1 },
	{ "STATUS", 8, 8, 2 },
	{ "MEMBERS", 7, 7, 3 },
	{ "NEEDS", 12, 22, 4 },
};

/* READY: the member's readiness through the end, "yes" or "passport
 * expired 2026-03-15, no HEAT" (struct member); SINCE: when the status
 * was set, to the minute. */
enum { ML_NAME, ML_AGENCY, ML_STATUS, ML_READY, ML_SINCE, ML_N };
static const struct table_col members_cols[ML_N] = {
	{ "NAME", 14, 30, 0 },
	{ "AGENCY", 8, 20, 3 },
	{ "STATUS", 9, 9, 1 },
	{ "READY", 5, 16, 2 },
	{ "SINCE", 10, 16, 4 },
};

/* A suggested person: the reasons take what the name leaves. */
enum { SL_NAME, SL_AGENCY, SL_WHY, SL_N };
static const struct table_col suggest_cols[SL_N] = {
	{ "NAME", 14, 30, 0 },
	{ "AGENCY", 8, 20, 1 },
	{ "WHY", 12, 200, 2 },
};

struct deploy_draw {
	struct app	*a;
	struct table	 t;
};

/* The cells of deployment i, in c's buffers. */
struct deploy_cells {
	char		 dates[64], members[32], needs[64];
	const char	*text[DL_N];
};

static void
deploy_cells(const struct app *a, size_t i, struct deploy_cells *c)
{
	const struct deploy_summary *sum = &a->dep.all[i];

	format_deploy_dates(&sum->d, c->dates, sizeof c->dates);
	snprintf(c->members, sizeof c->members, "%zu", sum->active);
	if (sum->d.nneeds == 0)
		snprintf(c->needs, sizeof c->needs, "no needs");
	else if (sum->open == 0)
		snprintf(c->needs, sizeof c->needs, "needs covered");
	else
		snprintf(c->needs, sizeof c->needs, "%zu of %zu needs open",
		    sum->open, sum->d.nneeds);
	c->text[DL_NAME] = sum->d.name;
	c->text[DL_KIND] = sum->d.kind;
	c->text[DL_CC] = sum->d.country;
	c->text[DL_DATES] = c->dates;
	c->text[DL_STATUS] = sum->d.status;
	c->text[DL_MEMBERS] = c->members;
	c->text[DL_NEEDS] = c->needs;
}

static void
row_deploys(void *arg, long long i, int y, int selected)
{
	struct deploy_draw *d = arg;
	struct app *a = d->a;
	struct deploy_cells cells;
	int attr[DL_N], base = selected ? draw_attr(a, ROLE_CURSOR) : 0, c;

	if (i < 0) {
		draw_text(y, 0, COLS, "", 0);
		return;
	}
	deploy_cells(a, (size_t)i, &cells);
	for (c = 0; c < DL_N; c++)
		attr[c] = base;
	attr[DL_NAME] |= A_BOLD;
	draw_text(y, 0, 2, "", base);
	table_row(&d->t, y, cells.text, attr, base);
}

/* Each column as wide as what it holds, no wider: what one leaves (the
 * dates' padding) goes to another (the needs); the name takes its least
 * first and the rest last. */
static void
deploys_fit(struct app *a, struct table *t)
{
	struct deploy_cells cells;
	int w[DL_N] = { 0 }, c, cw;
	size_t i;

	for (i = 0; i < a->dep.nall; i++) {
		deploy_cells(a, i, &cells);
		for (c = 0; c < DL_N; c++)
			if ((cw = (int)width_of(cells.text[c])) > w[c])
				w[c] = cw;
	}
	for (c = 0; a->dep.nall > 0 && c < DL_N; c++)
		table_want(t, (size_t)c, c == DL_NAME ?
		    deploys_cols[DL_NAME].min : w[c]);
}

/* The cells of member i; since is the buffer of SINCE ("2026-11-29
 *14:25" of the stored "2026-11-29T14:25:30Z"). */
static void
member_cells(const struct app *a, size_t i, struct strbuf *name,
    char since[17], const char *text[ML_N])
{
	const struct member *m = &a->dep.members[i];

	strbuf_reset(name);
	strbuf_addf(name, "%s, %s", m->family_name, m->given_name);
	snprintf(since, 17, "%.16s", m->since);
	if (since[10] == 'T')
		since[10] = ' ';
	text[ML_NAME] = strbuf_str(name);
	text[ML_AGENCY] = m->agency;
	text[ML_STATUS] = member_status_name(m->status);
	text[ML_READY] = m->ready;
	text[ML_SINCE] = since;
}

static void
row_member(void *arg, long long i, int y, int selected)
{
	struct deploy_draw *d = arg;
	struct app *a = d->a;
	const struct member *m;
	struct strbuf name = { 0 };
	const char *text[ML_N];
	char since[17];
	int attr[ML_N], base = selected ? draw_attr(a, ROLE_CURSOR) : 0, c;

	if (i < 0) {
		draw_text(y, 0, COLS, "", 0);
		return;
	}
	m = &a->dep.members[i];
	member_cells(a, (size_t)i, &name, since, text);
	for (c = 0; c < ML_N; c++)
		attr[c] = base;
	if (member_status_active(m->status))
		attr[ML_STATUS] |= A_BOLD;
	if (strcmp(m->ready, "yes") != 0 && member_status_active(m->status))
		attr[ML_READY] |= draw_attr(a, ROLE_WARN);
	draw_text(y, 0, 2, "", base);
	table_row(&d->t, y, text, attr, base);
	strbuf_free(&name);
}

/*
 * READY as wide as the widest readiness, leaving NAME, AGENCY and STATUS
 * their least: a document or date cut off could send someone whose
 * passport has expired.  What still does not fit is said on the status
 * line.  SINCE then wants what it holds before the name takes more than
 * its least (the name takes the rest last).
 */
static void
members_fit(struct app *a, struct table *t)
{
	struct strbuf name = { 0 };
	const char *text[ML_N];
	char since[17];
	int ready = 0, when = 0, room;
	size_t i;

	for (i = 0; i < a->dep.nmembers; i++) {
		member_cells(a, i, &name, since, text);
		if ((int)width_of(text[ML_READY]) > ready)
			ready = (int)width_of(text[ML_READY]);
		if ((int)width_of(since) > when)
			when = (int)width_of(since);
	}
	strbuf_free(&name);
	room = COLS - 2 - members_cols[ML_NAME].min -
	    members_cols[ML_AGENCY].min - members_cols[ML_STATUS].min - 3;
	table_want(t, ML_NAME, members_cols[ML_NAME].min);
	table_need(t, ML_READY, ready < room ? ready : room);
	if (when > members_cols[ML_SINCE].min)
		table_want(t, ML_SINCE, when);
}

static void
row_suggestion(void *arg, long long i, int y, int selected)
{
	struct deploy_draw *d = arg;
	struct app *a = d->a;
	struct summary sm;
	struct error err;
	const char *text[SL_N];
	int attr = selected ? draw_attr(a, ROLE_CURSOR) : 0;

	if (i < 0) {
		draw_text(y, 0, COLS, "", 0);
		return;
	}
	if (summary_load(a->store, a->dep.sug.people[i].person, a->today, &sm,
	    &err) != RC_OK) {
		draw_text(y, 0, COLS, err.msg, draw_attr(a, ROLE_ERROR));
		return;
	}
	text[SL_NAME] = sm.name;
	text[SL_AGENCY] = sm.agency;
	text[SL_WHY] = a->dep.sug.people[i].why;
	draw_text(y, 0, 2, "", attr);
	table_row(&d->t, y, text, NULL, attr);
	summary_free(&sm);
}

void
screen_footer(struct app *a, const char *status, const char *hint)
{
	if (app_bar_open(a)) {
		draw_text(LINES - 1, 0, COLS, a->bar_error,
		    draw_attr(a, ROLE_ERROR));
		screen_bar_draw(a, LINES - 2);
		curs_set(1);
		return;
	}
	draw_text(LINES - 2 - draw_message_extra(a), 0, COLS, status,
	    draw_attr(a, ROLE_STATUS));
	draw_message(a, LINES - 1 - draw_message_extra(a), hint);
}

static void
draw_deploys(struct app *a)
{
	struct deploy_draw d = { .a = a };
	struct strbuf b = { 0 }, hint = { 0 };

	table_fit(&d.t, deploys_cols, DL_N, 2, COLS);
	deploys_fit(a, &d.t);
	draw_text(0, 0, 2, "", draw_attr(a, ROLE_HEADER));
	table_titles(&d.t, 0, draw_attr(a, ROLE_HEADER));
	view_set_size(&a->dep.lview, (long long)a->dep.nall, LINES - 3 -
	    draw_message_extra(a));
	view_draw(&a->dep.lview, 1, row_deploys, &d);
	if (a->dep.nall == 0)
		draw_text(1, 0, COLS, "  no deployments yet: n creates one",
		    0);
	strbuf_addf(&b, " %zu deployment%s", a->dep.nall, a->dep.nall == 1 ?
	    "" : "s");
	if (a->modal == KEYS_PICK)
		strbuf_addf(&b, "  adding %lld tagged", a->tags.n);
	keys_hint_line(a->modal == KEYS_PICK ? HINT_PICK : HINT_DEPLOYS, &hint);
	screen_footer(a, strbuf_str(&b), strbuf_str(&hint));
	strbuf_free(&b);
	strbuf_free(&hint);
}

/* The deployment's title and needs above its members; returns the line
 * after them. */
static int
draw_needs(struct app *a)
{
	struct deploy_ui *u = &a->dep;
	struct strbuf b = { 0 };
	char dates[64];
	size_t i;
	int y = 0, room;

	format_deploy_dates(&u->d, dates, sizeof dates);
	strbuf_addf(&b, "%s  (%s in %s, %s; %s)", u->d.name, u->d.kind,
	    u->d.country, dates, u->d.status);
	draw_text(y++, 0, COLS, strbuf_str(&b), A_BOLD);
	/* Leave the members at least a row: title, header, status and the
	 * message take four. */
	room = LINES - 5 - draw_message_extra(a);
	for (i = 0; i < u->d.nneeds && y <= room; i++) {
		if (i + 1 < u->d.nneeds && y == room) {
			strbuf_reset(&b);
			strbuf_addf(&b, "  +%zu more needs (roster deploy show)",
			    u->d.nneeds - i);
			draw_text(y++, 0, COLS, strbuf_str(&b), A_DIM);
			break;
		}
		strbuf_reset(&b);
		strbuf_addf(&b, "  need %zu: %d x %s   %lld of %d", i + 1,
		    u->d.needs[i].count, u->d.needs[i].filter, u->cov[i].have,
		    u->cov[i].want);
		if (u->cov[i].have < u->cov[i].want)
			strbuf_addf(&b, ", %lld open",
			    u->cov[i].want - u->cov[i].have);
		else
			strbuf_adds(&b, ", covered");
		draw_text(y++, 0, COLS, strbuf_str(&b),
		    u->cov[i].have < u->cov[i].want ? draw_attr(a, ROLE_WARN) :
		    draw_attr(a, ROLE_YES));
	}
	strbuf_free(&b);
	return y;
}

/*
 * The readiness of the member under the cursor when READY cuts it, after
 * the count on the status line, or instead of it when both do not fit.
 */
static void
ready_cut(struct deploy_draw *d, struct strbuf *b)
{
	struct deploy_ui *u = &d->a->dep;
	const struct member *m;
	size_t w;

	if (u->mview.cursor < 0 || u->mview.cursor >= (long long)u->nmembers)
		return;
	m = &u->members[u->mview.cursor];
	if ((int)(w = width_of(m->ready)) <= d->t.lc[ML_READY].width)
		return;
	if (width_of(strbuf_str(b)) + 3 + w > (size_t)COLS)
		strbuf_reset(b);
	strbuf_addf(b, " %s%s", b->len > 0 ? "  " : "", m->ready);
}

/*
 * That c opens the call-out desk, on the status line when it has room:
 * the line of keys is full at 80 columns.
 */
static void
desk_said(struct strbuf *b)
{
	static const char said[] = "   c opens the call-out desk";

	if (width_of(strbuf_str(b)) + sizeof said - 1 <= (size_t)COLS)
		strbuf_adds(b, said);
}

static void
draw_deploy(struct app *a)
{
	struct deploy_draw d = { .a = a };
	struct deploy_ui *u = &a->dep;
	struct strbuf b = { 0 }, hint = { 0 };
	size_t active;
	int y = draw_needs(a);

	table_fit(&d.t, members_cols, ML_N, 2, COLS);
	members_fit(a, &d.t);
	draw_text(y, 0, 2, "", draw_attr(a, ROLE_HEADER));
	table_titles(&d.t, y, draw_attr(a, ROLE_HEADER));
	view_set_size(&u->mview, (long long)u->nmembers, LINES - 3 - y -
	    draw_message_extra(a));
	view_draw(&u->mview, y + 1, row_member, &d);
	/* Members are those who count, as in the list of deployments. */
	active = deploy_members_active(u->members, u->nmembers);
	strbuf_addf(&b, " %zu member%s", active, active == 1 ? "" : "s");
	if (active < u->nmembers)
		strbuf_addf(&b, ", %zu out (declined, withdrawn or returned)",
		    u->nmembers - active);
	ready_cut(&d, &b);
	desk_said(&b);
	/* The questions of 's' and 'X' are messages that name the member. */
	keys_hint_line(HINT_DEPLOY, &hint);
	screen_footer(a, strbuf_str(&b), strbuf_str(&hint));
	strbuf_free(&b);
	strbuf_free(&hint);
}

static void
draw_suggest(struct app *a)
{
	struct deploy_draw d = { .a = a };
	struct deploy_ui *u = &a->dep;
	struct strbuf b = { 0 }, hint = { 0 };
	char horizon[128];
	size_t i, lines = 1;
	int y, foot = LINES - draw_message_extra(a);

	table_fit(&d.t, suggest_cols, SL_N, 2, COLS);
	strbuf_addf(&b, "Suggested for %s", u->d.name);
	if (format_deploy_horizon(&u->d, &u->sug, horizon, sizeof horizon))
		strbuf_addf(&b, "  (%s)", horizon);
	draw_text(0, 0, COLS, strbuf_str(&b), A_BOLD);
	for (i = 0; i < u->sug.nneeds; i++)
		lines += u->sug.short_by[i] > 0;
	y = foot - 2 - (int)lines;
	if (y < 2)
		y = 2;
	view_set_size(&u->sview, (long long)u->sug.n, y - 1);
	view_draw(&u->sview, 1, row_suggestion, &d);
	if (u->sug.n == 0)
		draw_text(1, 0, COLS, lines == 1 ? "  Nobody to suggest: the "
		    "members cover every need." : "  Nobody to suggest.", 0);
	for (i = 0; i < u->sug.nneeds && y < foot - 3; i++) {
		if (u->sug.short_by[i] == 0)
			continue;
		strbuf_reset(&b);
		strbuf_addf(&b, "need %zu (%d x %s) falls short by %d", i + 1,
		    u->d.needs[i].count, u->d.needs[i].filter,
		    u->sug.short_by[i]);
		draw_text(y++, 0, COLS, strbuf_str(&b), draw_attr(a,
		    ROLE_WARN));
	}
	strbuf_reset(&b);
	suggest_left_out_text(&u->sug, &b);
	if (y < foot - 2)
		draw_text(y, 0, COLS, strbuf_str(&b), 0);
	strbuf_reset(&b);
	strbuf_addf(&b, " %zu suggested", u->sug.n);
	keys_hint_line(HINT_SUGGEST, &hint);
	screen_footer(a, strbuf_str(&b), strbuf_str(&hint));
	strbuf_free(&b);
	strbuf_free(&hint);
}

void
screen_deploy_draw(struct app *a)
{
	curs_set(0);
	if (a->screen == SCREEN_DEPLOYS)
		draw_deploys(a);
	else if (a->screen == SCREEN_DEPLOY)
		draw_deploy(a);
	else
		draw_suggest(a);
}

static unsigned
deploy_back(struct app *a)
{
	struct error err;

	switch (a->screen) {
	case SCREEN_SUGGEST:
		return actions_failed(a, app_show(a, SCREEN_DEPLOY, &err), &err);
	case SCREEN_DEPLOY:
		return actions_failed(a, app_deploys_load(a, &err), &err);
	default:
		app_modal_set(a, KEYS_NORMAL);
		app_show(a, SCREEN_LIST, &err);
		return R_ALL;
	}
}

/* Enter: a deployment opens (and takes the tagged people when picking
 * one for them); on a member or a suggestion, the person. */
static unsigned
deploy_open(struct app *a)
{
	struct deploy_ui *u = &a->dep;
	struct error err;
	long long pk;
	int rc;

	if (a->screen == SCREEN_DEPLOYS) {
		if (u->lview.cursor >= (long long)u->nall)
			return R_NONE;
		rc = app_deploy_open(a, u->all[u->lview.cursor].d.name, &err);
		if (rc == RC_OK && a->modal == KEYS_PICK) {
			app_modal_set(a, KEYS_NORMAL);
			rc = app_deploy_add_tagged(a, &err);
		}
		return actions_failed(a, rc, &err);
	}
	if ((pk = app_deploy_cursor_pk(a)) < 0)
		return R_NONE;
	app_person_show(a, pk);
	return R_ALL;
}

/* 's' and 'X' ask for a second key, on a member. */
static unsigned
deploy_ask(struct app *a, enum modal question)
{
	if (!app_deploy_writable(a))
		return R_ALL;
	if (app_deploy_cursor_pk(a) < 0)
		return R_NONE;
	app_deploy_ask(a, question);
	return R_ALL;
}

/* The keys after 's' (KC_STATUS): the member's new status. */
static const struct {
	enum action		action;
	enum member_status	status;
} statuses[] = {
	{ ACT_PROPOSED, MS_PROPOSED }, { ACT_CONTACTED, MS_CONTACTED },
	{ ACT_CONFIRMED, MS_CONFIRMED }, { ACT_DEPLOYED, MS_DEPLOYED },
	{ ACT_RETURNED, MS_RETURNED }, { ACT_DECLINED, MS_DECLINED },
	{ ACT_WITHDRAWN, MS_WITHDRAWN },
};

/* A change to the deployment: only in a writable database. */
static unsigned
deploy_change(struct app *a, enum action action)
{
	struct error err;
	size_t i;
	int rc = RC_OK;

	if (!app_deploy_writable(a))
		return R_ALL;
	switch (action) {
	case ACT_FORCE:
		rc = app_deploy_set(a, MS_CONFIRMED, 1, &err);
		break;
	case ACT_ACCEPT:
	case ACT_ACCEPT_ALL:
		rc = app_deploy_accept(a, action == ACT_ACCEPT_ALL, &err);
		break;
	case ACT_NEW:
		app_deploy_new_start(a);
		break;
	case ACT_EDIT:
		app_deploy_edit_start(a);
		break;
	default:
		for (i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
			if (statuses[i].action == action)
				rc = app_deploy_set(a, statuses[i].status, 0,
				    &err);
	}
	return actions_failed(a, rc, &err);
}

unsigned
screen_deploy_key(struct app *a, enum action action)
{
	struct view *v = a->screen == SCREEN_DEPLOYS ? &a->dep.lview :
	    a->screen == SCREEN_DEPLOY ? &a->dep.mview : &a->dep.sview;
	struct error err;

	switch (action) {
	case ACT_BACK:
		return deploy_back(a);
	case ACT_CANCEL:
		/* Esc ends only the choosing; otherwise it is quiet. */
		return a->modal == KEYS_PICK ? deploy_back(a) : R_NONE;
	case ACT_OPEN:
		return deploy_open(a);
	case ACT_STATUS:
		return deploy_ask(a, KEYS_STATUS);
	case ACT_REMOVE:
		return deploy_ask(a, KEYS_REMOVE);
	case ACT_SUGGEST:
		return actions_failed(a, app_deploy_suggest(a, 1, &err), &err);
	case ACT_SHEET:
		app_bar_ask(a, KEYS_SHEET, "callout.txt");
		return R_ALL;
	case ACT_DESK:
		return actions_failed(a, app_desk_open(a, &err), &err);
	case ACT_FORCE:
	case ACT_ACCEPT:
	case ACT_ACCEPT_ALL:
	case ACT_NEW:
	case ACT_EDIT:
	case ACT_PROPOSED:
	case ACT_CONTACTED:
	case ACT_CONFIRMED:
	case ACT_DEPLOYED:
	case ACT_RETURNED:
	case ACT_DECLINED:
	case ACT_WITHDRAWN:
		return deploy_change(a, action);
	default:
		return actions_shared(a, v, action);
	}
}

unsigned
screen_deploy_remove_key(struct app *a, int code, int fkey)
{
	struct error err;

	app_modal_set(a, KEYS_NORMAL);
	if (keys_find(code, fkey, KC_YES) == ACT_YES &&
	    app_deploy_remove(a, &err) != RC_OK)
		app_message(a, 1, "%s", err.msg);
	return R_ALL;
}

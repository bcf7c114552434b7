/*
 * What each key does: one function per action, looked up in a table (as
 * htop does), each returning what must be redrawn.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "keys.h"
#include "strbuf.h"

static struct view *
focused(struct app *a)
{
	switch (a->screen) {
	case SCREEN_DEPLOYS:
		return &a->dep.lview;
	case SCREEN_DEPLOY:
		return &a->dep.mview;
	case SCREEN_SUGGEST:
		return &a->dep.sview;
	case SCREEN_LIST:
		return a->facets_focus ? &a->fview : &a->list;
	default:
		return &a->page;
	}
}

/* Reports a failed action on the message line; the screen stays. */
static unsigned
failed(struct app *a, int rc, const struct error *err)
{
	if (rc != RC_OK)
		app_message(a, 1, "%s", err->msg);
	return R_ALL;
}

/* A page of text scrolls; a list moves its cursor. */
static unsigned
move_by(struct app *a, long long delta)
{
	struct view *v = focused(a);

	if (v == &a->page) {
		v->cursor = v->top;
		view_go(v, delta > 0 ? v->top + v->height - 1 + delta :
		    v->top + delta);
		v->cursor = v->top;
	} else
		view_move(v, delta);
	return R_LIST | R_FACETS | R_STATUS;
}

static unsigned
act_down(struct app *a)
{
	return move_by(a, 1);
}

static unsigned
act_up(struct app *a)
{
	return move_by(a, -1);
}

static unsigned
act_page(struct app *a, int pages, int half)
{
	view_page(focused(a), pages, half);
	if (focused(a) == &a->page)
		a->page.cursor = a->page.top;
	return R_LIST | R_FACETS;
}

static unsigned
act_page_down(struct app *a)
{
	return act_page(a, 1, 0);
}

static unsigned
act_page_up(struct app *a)
{
	return act_page(a, -1, 0);
}

static unsigned
act_half_down(struct app *a)
{
	return act_page(a, 1, 1);
}

static unsigned
act_half_up(struct app *a)
{
	return act_page(a, -1, 1);
}

static unsigned
act_top(struct app *a)
{
	view_go(focused(a), 0);
	return R_LIST | R_FACETS;
}

static unsigned
act_bottom(struct app *a)
{
	struct view *v = focused(a);

	view_go(v, v->n - 1);
	if (v == &a->page)
		v->cursor = v->top;
	return R_LIST | R_FACETS;
}

/* The screen returned to may have changed while it was hidden. */
static unsigned
back_to_screen(struct app *a)
{
	struct error err;
	int rc = RC_OK;

	if (a->screen == SCREEN_DEPLOYS)
		rc = app_deploys_load(a, &err);
	else if (a->screen == SCREEN_DEPLOY)
		rc = app_deploy_reload(a, &err);
	else if (a->screen == SCREEN_SUGGEST)
		rc = app_deploy_suggest(a, &err);
	return failed(a, rc, &err);
}

static unsigned
act_back(struct app *a)
{
	struct error err;

	switch (a->screen) {
	case SCREEN_HELP:
		if (a->detail_pk >= 0 && app_open(a, a->detail_pk, &err) ==
		    RC_OK)
			return R_ALL;
		/* The person is gone (erased meanwhile): back past them. */
		if (a->detail_pk >= 0) {
			app_message(a, 1, "%s", err.msg);
			a->detail_pk = -1;
			a->help_from = a->back_to;
		}
		app_close_page(a);
		a->screen = a->help_from;
		return back_to_screen(a);
	case SCREEN_DETAIL:
		a->detail_pk = -1;
		app_close_page(a);
		a->screen = a->back_to;
		return back_to_screen(a);
	case SCREEN_SUGGEST:
		a->screen = SCREEN_DEPLOY;
		return back_to_screen(a);
	case SCREEN_DEPLOY:
		return failed(a, app_deploys_load(a, &err), &err);
	case SCREEN_DEPLOYS:
		a->modal = KEYS_NORMAL;
		a->screen = SCREEN_LIST;
		return R_ALL;
	default:
		break;
	}
	if (a->facets_focus) {
		a->facets_focus = 0;
		return R_ALL;
	}
	a->quit = 1;
	return R_NONE;
}

static unsigned
act_quit(struct app *a)
{
	a->quit = 1;
	return R_NONE;
}

static unsigned
act_open(struct app *a)
{
	struct error err;
	long long pk;
	int rc;

	if (a->screen == SCREEN_DEPLOYS) {
		if (a->dep.lview.cursor >= (long long)a->dep.nall)
			return R_NONE;
		rc = app_deploy_open(a,
		    a->dep.all[a->dep.lview.cursor].d.name, &err);
		if (rc == RC_OK && a->modal == KEYS_PICK) {
			a->modal = KEYS_NORMAL;
			rc = app_deploy_add_tagged(a, &err);
		}
		return failed(a, rc, &err);
	}
	if (a->screen == SCREEN_LIST && a->facets_focus)
		return act_facet(a, 0);
	pk = a->screen == SCREEN_LIST ? app_cursor_pk(a) :
	    app_deploy_cursor_pk(a);
	if (pk < 0)
		return R_NONE;
	a->back_to = a->screen;
	if (app_open(a, pk, &err) != RC_OK)
		app_message(a, 1, "%s", err.msg);
	view_go(&a->page, 0);
	return R_ALL;
}

unsigned
act_facet(struct app *a, int exclude)
{
	const struct facet_value *v;
	enum facet_kind kind;
	struct strbuf term = { 0 };

	if (!screen_facets_value(a, a->fview.cursor, &kind, &v) || v == NULL)
		return R_NONE;
	facet_term(kind, v->value, &term);
	app_filter_add(a, strbuf_str(&term), exclude);
	strbuf_free(&term);
	return R_ALL;
}

static unsigned
act_exclude(struct app *a)
{
	return act_facet(a, 1);
}

static unsigned
act_filter(struct app *a)
{
	free(a->before);
	a->before = xstrdup(a->filter);
	a->before_pk = app_cursor_pk(a);
	a->before_cursor = a->list.cursor;
	line_set(&a->line, a->filter);
	a->modal = KEYS_FILTER;
	a->bar_error[0] = '\0';
	a->message[0] = '\0';
	a->facets_focus = 0;
	return R_ALL;
}

static unsigned
act_clear_filter(struct app *a)
{
	app_filter_set(a, "");
	return R_ALL;
}

static unsigned
act_help(struct app *a)
{
	if (a->screen != SCREEN_HELP && a->screen != SCREEN_DETAIL)
		a->help_from = a->screen;
	screen_help_lines(a);
	return R_ALL;
}

static unsigned
act_tag(struct app *a)
{
	long long pk = app_cursor_pk(a);

	if (pk < 0)
		return R_NONE;
	tags_toggle(&a->tags, pk);
	view_move(&a->list, 1);
	return R_LIST | R_STATUS;
}

static unsigned
act_tag_all(struct app *a)
{
	struct error err;

	if (app_tag_all(a, &err) != RC_OK)
		app_message(a, 1, "%s", err.msg);
	return R_LIST | R_STATUS | R_BAR;
}

static unsigned
act_untag_all(struct app *a)
{
	tags_free(&a->tags);
	return R_LIST | R_STATUS;
}

static unsigned
act_tag_apply(struct app *a)
{
	struct strbuf hint = { 0 };

	if (a->tags.n == 0) {
		app_message(a, 1, "nobody is tagged (t tags a person, T every "
		    "match)");
		return R_BAR;
	}
	a->modal = KEYS_TAGGED;
	keys_hint(KC_TAGGED, ", ", &hint);
	app_message(a, 0, "%lld tagged: %s, Esc cancel", a->tags.n,
	    strbuf_str(&hint));
	strbuf_free(&hint);
	return R_BAR;
}

static unsigned
act_sort(struct app *a)
{
	a->sort = a->sort == SORT_MISSION ? SORT_NAME :
	    (enum search_sort)(a->sort + 1);
	app_rows_reset(a);
	view_go(&a->list, 0);
	return R_ALL;
}

static unsigned
act_reverse(struct app *a)
{
	a->reverse = !a->reverse;
	app_rows_reset(a);
	view_go(&a->list, 0);
	return R_ALL;
}

static unsigned
act_facets(struct app *a)
{
	a->facets_shown = !a->facets_shown;
	a->facets_focus = a->facets_shown && COLS < 60;
	return R_ALL;
}

static unsigned
act_focus(struct app *a)
{
	if (!a->facets_shown) {
		a->facets_shown = 1;
		a->facets_focus = 1;
	} else
		a->facets_focus = !a->facets_focus;
	/* Start on a value, not on the first title. */
	if (a->facets_focus && a->fview.cursor == 0 && a->fview.n > 1)
		view_go(&a->fview, 1);
	/* Too narrow to show both: the panel goes with the focus. */
	if (!a->facets_focus && COLS < 60)
		a->facets_shown = 0;
	return R_ALL;
}

static unsigned
act_redraw(struct app *a)
{
	(void)a;
	clearok(curscr, TRUE);
	return R_ALL;
}

static unsigned
act_deploys(struct app *a)
{
	struct error err;

	a->modal = KEYS_NORMAL;
	return failed(a, app_deploys_load(a, &err), &err);
}

/* Deployments change only in a writable database. */
static int
writable(struct app *a)
{
	if (a->read_only)
		app_message(a, 1, "read-only: deployments cannot be changed "
		    "(roster was started with --read-only)");
	return !a->read_only;
}

static unsigned
act_tagged_add(struct app *a)
{
	struct error err;

	if (!writable(a))
		return R_ALL;
	if (app_deploys_load(a, &err) != RC_OK)
		app_message(a, 1, "%s", err.msg);
	else
		a->modal = KEYS_PICK;
	return R_ALL;
}

static unsigned
act_tagged_export(struct app *a)
{
	line_set(&a->answer, "tagged.csv");
	a->modal = KEYS_EXPORT;
	return R_ALL;
}

static unsigned
act_status(struct app *a)
{
	if (!writable(a))
		return R_ALL;
	if (app_deploy_cursor_pk(a) < 0)
		return R_NONE;
	a->modal = KEYS_STATUS;
	return R_ALL;
}

static unsigned
act_force(struct app *a)
{
	struct error err;

	if (!writable(a))
		return R_ALL;
	return failed(a, app_deploy_set(a, MS_CONFIRMED, 1, &err), &err);
}

static unsigned
act_remove(struct app *a)
{
	if (!writable(a))
		return R_ALL;
	if (app_deploy_cursor_pk(a) < 0)
		return R_NONE;
	a->modal = KEYS_REMOVE;
	return R_ALL;
}

static unsigned
act_suggest(struct app *a)
{
	struct error err;

	return failed(a, app_deploy_suggest(a, &err), &err);
}

static unsigned
act_accept(struct app *a)
{
	struct error err;

	if (!writable(a))
		return R_ALL;
	return failed(a, app_deploy_accept(a, 0, &err), &err);
}

static unsigned
act_accept_all(struct app *a)
{
	struct error err;

	if (!writable(a))
		return R_ALL;
	return failed(a, app_deploy_accept(a, 1, &err), &err);
}

static unsigned
act_new(struct app *a)
{
	if (!writable(a))
		return R_ALL;
	a->bar_error[0] = '\0';
	app_deploy_new_start(a);
	return R_ALL;
}

static unsigned
act_sheet(struct app *a)
{
	a->bar_error[0] = '\0';
	line_set(&a->answer, "callout.txt");
	a->modal = KEYS_SHEET;
	return R_ALL;
}

static const struct {
	enum action	 action;
	unsigned	(*run)(struct app *);
} table[] = {
	{ ACT_QUIT, act_quit }, { ACT_BACK, act_back }, { ACT_UP, act_up },
	{ ACT_DOWN, act_down }, { ACT_PAGE_UP, act_page_up },
	{ ACT_PAGE_DOWN, act_page_down }, { ACT_HALF_UP, act_half_up },
	{ ACT_HALF_DOWN, act_half_down }, { ACT_TOP, act_top },
	{ ACT_BOTTOM, act_bottom }, { ACT_OPEN, act_open },
	{ ACT_EXCLUDE, act_exclude }, { ACT_FILTER, act_filter },
	{ ACT_CLEAR_FILTER, act_clear_filter }, { ACT_HELP, act_help },
	{ ACT_TAG, act_tag }, { ACT_TAG_ALL, act_tag_all },
	{ ACT_UNTAG_ALL, act_untag_all }, { ACT_TAG_APPLY, act_tag_apply },
	{ ACT_SORT, act_sort }, { ACT_REVERSE, act_reverse },
	{ ACT_FACETS, act_facets }, { ACT_FOCUS, act_focus },
	{ ACT_REDRAW, act_redraw }, { ACT_DEPLOYS, act_deploys },
	{ ACT_STATUS, act_status }, { ACT_FORCE, act_force },
	{ ACT_REMOVE, act_remove }, { ACT_SUGGEST, act_suggest },
	{ ACT_ACCEPT, act_accept }, { ACT_ACCEPT_ALL, act_accept_all },
	{ ACT_NEW, act_new }, { ACT_SHEET, act_sheet },
	{ ACT_TAGGED_ADD, act_tagged_add },
	{ ACT_TAGGED_EXPORT, act_tagged_export },
};

/* The keys after 's': the member's new status. */
static const struct {
	enum action		action;
	enum member_status	status;
} statuses[] = {
	{ ACT_PROPOSED, MS_PROPOSED }, { ACT_CONTACTED, MS_CONTACTED },
	{ ACT_CONFIRMED, MS_CONFIRMED }, { ACT_DEPLOYED, MS_DEPLOYED },
	{ ACT_RETURNED, MS_RETURNED }, { ACT_DECLINED, MS_DECLINED },
	{ ACT_WITHDRAWN, MS_WITHDRAWN },
};

unsigned
actions_run(struct app *a, enum action action)
{
	struct error err;
	size_t i;

	for (i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
		if (statuses[i].action == action)
			return failed(a, app_deploy_set(a, statuses[i].status, 0,
			    &err), &err);
	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].action == action)
			return table[i].run(a);
	return R_NONE;
}

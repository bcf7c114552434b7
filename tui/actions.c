/*
 * What the keys do on every screen: move in its list or scroll its page,
 * quit, the help, redraw.  A screen's own keys are with its drawing
 * (screen_*_key), which hands the others to actions_shared.  Each action
 * returns what must be redrawn, as htop's do.
 */
#include <curses.h>

#include "actions.h"

unsigned
actions_failed(struct app *a, int rc, const struct error *err)
{
	if (rc != RC_OK)
		app_message(a, 1, "%s", err->msg);
	return R_ALL;
}

/* A page of text scrolls as a whole: its cursor is its top row. */
static void
pin(struct app *a, struct view *v)
{
	if (v == &a->page)
		view_go(v, v->top);
}

/* A page of text scrolls; a list moves its cursor. */
static unsigned
move_by(struct app *a, struct view *v, long long delta)
{
	if (v == &a->page)
		view_go(v, delta > 0 ? v->top + v->height - 1 + delta :
		    v->top + delta);
	else
		view_move(v, delta);
	pin(a, v);
	return R_LIST | R_FACETS | R_STATUS;
}

static unsigned
page(struct app *a, struct view *v, int pages, int half)
{
	view_page(v, pages, half);
	pin(a, v);
	return R_LIST | R_FACETS;
}

static unsigned
go(struct app *a, struct view *v, long long row)
{
	view_go(v, row);
	pin(a, v);
	return R_LIST | R_FACETS;
}

unsigned
actions_shared(struct app *a, struct view *v, enum action action)
{
	switch (action) {
	case ACT_DOWN:
		return move_by(a, v, 1);
	case ACT_UP:
		return move_by(a, v, -1);
	case ACT_PAGE_DOWN:
		return page(a, v, 1, 0);
	case ACT_PAGE_UP:
		return page(a, v, -1, 0);
	case ACT_HALF_DOWN:
		return page(a, v, 1, 1);
	case ACT_HALF_UP:
		return page(a, v, -1, 1);
	case ACT_TOP:
		return go(a, v, 0);
	case ACT_BOTTOM:
		return go(a, v, v->n - 1);
	case ACT_QUIT:
		app_quit_answer(a, 1);
		return R_NONE;
	case ACT_HELP:
		screen_help_open(a);
		return R_ALL;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return R_ALL;
	default:
		return R_NONE;
	}
}

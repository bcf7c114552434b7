/*
 * The bar at the foot of the list: the filter, edited like a readline
 * prompt and searched on every change, or another question's answer.
 */
#include <curses.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "actions.h"

static unsigned
edit(struct app *a, struct line *l, enum action action)
{
	switch (action) {
	case ACT_BAR_LEFT:
		line_left(l);
		return R_BAR;
	case ACT_BAR_RIGHT:
		line_right(l);
		return R_BAR;
	case ACT_BAR_HOME:
		line_home(l);
		return R_BAR;
	case ACT_BAR_END:
		line_end(l);
		return R_BAR;
	case ACT_BAR_BACKSPACE:
		line_backspace(l);
		break;
	case ACT_BAR_DELETE:
		line_delete(l);
		break;
	case ACT_BAR_KILL_START:
		line_kill_start(l);
		break;
	case ACT_BAR_KILL_END:
		line_kill_end(l);
		break;
	case ACT_BAR_KILL_WORD:
		line_kill_word(l);
		break;
	case ACT_BAR_OLDER:
		line_older(l);
		break;
	case ACT_BAR_NEWER:
		line_newer(l);
		break;
	default:
		return R_NONE;
	}
	(void)a;
	return R_BAR | R_STATUS;
}

static unsigned
accept(struct app *a)
{
	struct error err;

	if (a->modal == KEYS_NEW) {
		if (app_deploy_new_answer(a, line_text(&a->answer), &err)
		    != RC_OK)
			snprintf(a->bar_error, sizeof a->bar_error, "%s",
			    err.msg);
		else
			a->bar_error[0] = '\0';
		return R_ALL;
	}
	if (a->modal == KEYS_SHEET) {
		if (app_deploy_sheet(a, line_text(&a->answer), &err) != RC_OK) {
			snprintf(a->bar_error, sizeof a->bar_error, "%s",
			    err.msg);
			return R_ALL;
		}
		a->bar_error[0] = '\0';
		a->modal = KEYS_NORMAL;
		return R_ALL;
	}
	if (a->modal == KEYS_FILTER) {
		if (a->bar_error[0] != '\0')
			return R_BAR;	/* the message says what to fix */
		line_remember(&a->line, line_text(&a->line));
	} else if (app_export_tagged(a, line_text(&a->answer), &err) != RC_OK) {
		/* Keep what was typed: the fix is usually one word. */
		snprintf(a->bar_error, sizeof a->bar_error, "%s", err.msg);
		return R_ALL;
	} else
		app_message(a, 0, "%lld people written to %s", a->tags.n,
		    line_text(&a->answer));
	a->bar_error[0] = '\0';
	a->modal = KEYS_NORMAL;
	return R_ALL;
}

static unsigned
cancel(struct app *a)
{
	if (a->modal == KEYS_NEW)
		app_deploy_new_cancel(a);
	if (a->modal == KEYS_FILTER) {
		app_filter_set(a, a->before != NULL ? a->before : "");
		a->bar_error[0] = '\0';
		/* Back where they were, on the same person. */
		a->pending_keeps_cursor = 1;
		a->follow_pk = a->before_pk;
		a->follow_was = a->before_cursor;
	}
	a->bar_error[0] = '\0';
	a->modal = KEYS_NORMAL;
	return R_ALL;
}

unsigned
bar_key(struct app *a, int code, int fkey)
{
	struct line *l = a->modal == KEYS_FILTER ? &a->line : &a->answer;
	enum action action = keys_find(code, fkey, KC_BAR);
	char utf8[MB_LEN_MAX + 1];
	unsigned r;
	mbstate_t ps;
	size_t n;

	if (action == ACT_BAR_ACCEPT)
		return accept(a);
	if (action == ACT_BAR_CANCEL)
		return cancel(a);
	if (action == ACT_REDRAW)
		return actions_run(a, action);
	if (action != ACT_NONE)
		r = edit(a, l, action);
	else if (!fkey && code >= ' ' && code != 127) {
		memset(&ps, 0, sizeof ps);
		if ((n = wcrtomb(utf8, (wchar_t)code, &ps)) == (size_t)-1)
			return R_NONE;
		line_insert(l, utf8, n);
		r = R_BAR | R_STATUS;
	} else
		return R_NONE;
	if (a->modal == KEYS_FILTER && r != R_BAR)
		app_filter_set(a, line_text(l));
	return r | R_LIST;
}

/* The key after 'X': only y takes the member off. */
unsigned
remove_key(struct app *a, int code, int fkey)
{
	struct error err;

	a->modal = KEYS_NORMAL;
	if (!fkey && code == 'y' && app_deploy_remove(a, &err) != RC_OK)
		app_message(a, 1, "%s", err.msg);
	return R_ALL;
}

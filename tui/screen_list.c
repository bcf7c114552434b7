/*
 * The pool list: a header, one person a line in columns fitted to the
 * width, the facet panel beside it, the status line and the bar.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "avail.h"
#include "strbuf.h"
#include "table.h"

enum { C_NAME, C_FREE, C_LANGS, C_NOTICE, C_COUNTRIES, C_AGENCY, C_READY,
    C_THEMES, C_N };

/* Order on screen, and importance: rank 0 stays longest. */
static const struct table_col cols[C_N] = {
	{ "NAME", 18, 26, 0 },
	{ "FREE", 5, 5, 1 },
	{ "LANGUAGES", 12, 24, 2 },
	{ "NOTICE", 6, 6, 3 },
	{ "SERVED", 8, 14, 4 },
	{ "AGENCY", 10, 18, 5 },
	{ "READY", 10, 10, 6 },
	{ "THEMES", 16, 48, 7 },
};

struct list_draw {
	struct app	*a;
	struct table	 t;
};

/* The pool list's lines: below the header, above status and bar. */
static void
list_area(const struct app *a, int *y0, int *h)
{
	int bottom = (app_bar_open(a) ? 3 : 2) + draw_message_extra(a);

	*y0 = 1;
	*h = LINES - 1 - bottom;
	if (*h < 0)
		*h = 0;
}

/* Where the facet panel goes, if it shows beside the list. */
static int
facets_width(const struct app *a)
{
	if (!a->facets_shown)
		return 0;
	if (COLS < 60)
		return a->facets_focus ? COLS : 0;
	return COLS / 3 < 36 ? COLS / 3 : 36;
}

static void
cell(const struct app *a, const struct summary *sm, int c, char *buf,
    size_t len, const char **text, int *attr)
{
	*attr = 0;
	switch (c) {
	case C_NAME:
		*text = sm->name;
		break;
	case C_FREE:
		avail_format(sm->free_day, a->today, buf);
		*text = buf;
		if (sm->free_day != AVAIL_NEVER && sm->free_day <= a->today)
			*attr = draw_attr(a, ROLE_YES);
		break;
	case C_LANGS:
		*text = sm->languages;
		break;
	case C_NOTICE:
		snprintf(buf, len, "%dd", sm->notice);
		*text = buf;
		break;
	case C_COUNTRIES:
		*text = sm->countries;
		break;
	case C_AGENCY:
		*text = sm->agency;
		break;
	case C_READY: {
		char day[DATE_LEN];

		date_format(a->today, day);
		if (sm->ready[0] == '\0' || strcmp(sm->ready, day) < 0) {
			*text = sm->ready[0] == '\0' ? "missing" : sm->ready;
			*attr = draw_attr(a, ROLE_WARN);
		} else
			*text = sm->ready;
		break;
	}
	default:
		*text = sm->themes;
	}
}

/* A day in another year is written in full: make room for it. */
static int
free_width(const struct app *a)
{
	char buf[AVAIL_LEN];
	size_t i;
	int w = 0;

	for (i = 0; a->rows_valid && i < a->nrows; i++) {
		avail_format(a->rows[i].free_day, a->today, buf);
		if ((int)strlen(buf) > w)
			w = (int)strlen(buf);
	}
	return w;
}

static void
row_draw(void *arg, long long i, int y, int selected)
{
	struct list_draw *d = arg;
	struct app *a = d->a;
	const struct summary *sm;
	const char *text[C_N];
	char buf[C_N][32];	/* a cell's own: all are drawn at the end */
	int c, attr[C_N], base;

	if (i < 0 || !a->rows_valid || i < a->rows_top ||
	    i >= a->rows_top + (long long)a->nrows) {
		draw_text(y, 0, d->t.end, "", 0);
		return;
	}
	sm = &a->rows[i - a->rows_top];
	base = selected ? draw_attr(a, ROLE_CURSOR) : 0;
	draw_text(y, 0, 2, tags_has(&a->tags, sm->pk) ? "*" : "",
	    base | draw_attr(a, ROLE_TAG));
	for (c = 0; c < C_N; c++) {
		cell(a, sm, c, buf[c], sizeof buf[c], &text[c], &attr[c]);
		if (selected)
			attr[c] = base | (attr[c] & A_BOLD);
	}
	table_row(&d->t, y, text, attr, base);
}

static void
header_draw(struct list_draw *d)
{
	draw_text(0, 0, 2, "", draw_attr(d->a, ROLE_HEADER));
	table_titles(&d->t, 0, draw_attr(d->a, ROLE_HEADER));
}

static const char *
sort_name(enum search_sort s)
{
	switch (s) {
	case SORT_AGENCY:
		return "agency";
	case SORT_NOTICE:
		return "notice";
	case SORT_MISSION:
		return "last mission";
	default:
		return "name";
	}
}

static void
status_draw(struct app *a, int y)
{
	struct strbuf b = { 0 };

	strbuf_addf(&b, " %lld/%lld", a->result ?
	    search_result_count(a->result) : 0, a->total);
	strbuf_addf(&b, "  %s", *a->filter != '\0' ? a->filter : "(everyone)");
	if (a->pending != NULL)
		strbuf_adds(&b, "  ...");
	strbuf_addf(&b, "  [%s%s]", sort_name(a->sort), a->reverse ?
	    ", reversed" : "");
	if (a->tags.n > 0)
		strbuf_addf(&b, "  tagged %lld", a->tags.n);
	if (a->read_only)
		strbuf_adds(&b, "  read-only");
	draw_text(y, 0, COLS, strbuf_str(&b), draw_attr(a, ROLE_STATUS));
	strbuf_free(&b);
}

void
screen_list_draw(struct app *a, unsigned what)
{
	struct list_draw d;
	struct strbuf hint = { 0 };
	int y0, h, fw, c, bottom;

	(void)what;
	list_area(a, &y0, &h);
	fw = facets_width(a);
	memset(&d, 0, sizeof d);
	d.a = a;
	table_fit(&d.t, cols, C_N, 2, COLS - fw - (fw > 0 && fw < COLS ?
	    1 : 0));
	table_need(&d.t, C_FREE, free_width(a));
	if (fw < COLS) {
		header_draw(&d);
		view_draw(&a->list, y0, row_draw, &d);
		/* Under an empty list, which term left nobody. */
		if (a->list.n == 0 && h > 0)
			draw_text(y0, 2, d.t.end - 2, strbuf_str(&a->empty),
			    0);
	}
	if (fw > 0) {
		if (fw < COLS)
			for (c = 0; c < h + 1; c++)
				draw_text(c, COLS - fw - 1, 1, "|", 0);
		screen_facets_draw(a, COLS - fw, fw, 0, h + 1);
	}
	bottom = LINES - (app_bar_open(a) ? 3 : 2) - draw_message_extra(a);
	status_draw(a, bottom);
	if (app_bar_open(a)) {
		draw_text(LINES - 1, 0, COLS, a->bar_error,
		    draw_attr(a, ROLE_ERROR));
		screen_bar_draw(a, LINES - 2);
		curs_set(1);
	} else {
		/* Without a message, the keys a newcomer needs first. */
		keys_hint_line(a->facets_focus ? HINT_FACETS : HINT_LIST,
		    &hint);
		draw_message(a, bottom + 1, strbuf_str(&hint));
		strbuf_free(&hint);
		curs_set(0);
	}
}

/* The list's height for the view, before drawing. */
int
screen_list_height(const struct app *a)
{
	int y0, h;

	list_area(a, &y0, &h);
	return h;
}

long long
screen_list_row_at(const struct app *a, int y, int x)
{
	int fw = facets_width(a);

	if (fw > 0 && x >= COLS - fw)
		return -1;
	return view_row_at(&a->list, 1, y);
}

static unsigned
list_back(struct app *a)
{
	if (a->facets_focus) {
		app_focus_list(a, -1);
		return R_ALL;
	}
	app_quit(a);
	return R_NONE;
}

static unsigned
list_open(struct app *a)
{
	long long pk;

	if (a->facets_focus)
		return screen_facets_add(a, 0);
	if ((pk = app_cursor_pk(a)) < 0)
		return R_NONE;
	app_person_show(a, pk);
	return R_ALL;
}

static unsigned
list_tag_all(struct app *a)
{
	struct error err;

	if (app_tag_all(a, &err) != RC_OK)
		app_message(a, 1, "%s", err.msg);
	return R_LIST | R_STATUS | R_BAR;
}

/* ';': what to do with the tagged people is the next key (KC_TAGGED). */
static unsigned
list_tag_apply(struct app *a)
{
	struct strbuf hint = { 0 };

	if (a->tags.n == 0) {
		app_message(a, 1, "nobody is tagged (t tags a person, T every "
		    "match)");
		return R_BAR;
	}
	app_modal_set(a, KEYS_TAGGED);
	keys_hint(KC_TAGGED, ", ", &hint);
	app_message(a, 0, "%lld tagged: %s, Esc cancel", a->tags.n,
	    strbuf_str(&hint));
	strbuf_free(&hint);
	return R_BAR;
}

/* The deployments, where Enter adds the tagged people to one. */
static unsigned
list_tagged_add(struct app *a)
{
	struct error err;

	if (!app_deploy_writable(a))
		return R_ALL;
	if (app_deploys_load(a, &err) != RC_OK) {
		app_message(a, 1, "%s", err.msg);
		return R_ALL;
	}
	app_modal_set(a, KEYS_PICK);
	/* None to pick: make one, and they go on it. */
	if (a->dep.nall == 0)
		app_deploy_new_start(a);
	return R_ALL;
}

static unsigned
list_deploys(struct app *a)
{
	struct error err;

	app_modal_set(a, KEYS_NORMAL);
	return actions_failed(a, app_deploys_load(a, &err), &err);
}

unsigned
screen_list_key(struct app *a, enum action action)
{
	struct error err;

	switch (action) {
	case ACT_BACK:
		return list_back(a);
	case ACT_OPEN:
		return list_open(a);
	case ACT_EXCLUDE:
		return screen_facets_add(a, 1);
	case ACT_FILTER:
		app_filter_edit(a);
		return R_ALL;
	case ACT_CLEAR_FILTER:
		app_filter_set(a, "");
		return R_ALL;
	case ACT_TAG:
		return app_tag_toggle(a) ? R_LIST | R_STATUS : R_NONE;
	case ACT_TAG_ALL:
		return list_tag_all(a);
	case ACT_UNTAG_ALL:
		app_untag_all(a);
		return R_LIST | R_STATUS;
	case ACT_TAG_APPLY:
		return list_tag_apply(a);
	case ACT_TAGGED_ADD:
		return list_tagged_add(a);
	case ACT_TAGGED_EXPORT:
		app_bar_ask(a, KEYS_EXPORT, "tagged.csv");
		return R_ALL;
	case ACT_SORT:
		app_sort_next(a);
		return R_ALL;
	case ACT_REVERSE:
		app_reverse(a);
		return R_ALL;
	case ACT_FACETS:
		app_facets_toggle(a, COLS < 60);
		return R_ALL;
	case ACT_FOCUS:
		app_focus_toggle(a, COLS < 60);
		return R_ALL;
	case ACT_DEPLOYS:
		return list_deploys(a);
	case ACT_DUPES:
		return actions_failed(a, app_dupes_open(a, &err), &err);
	case ACT_ADD_PERSON:
		app_form_open(a, 0);
		return R_ALL;
	case ACT_EDIT:
		if (app_cursor_pk(a) >= 0)
			app_form_open(a, app_cursor_pk(a));
		return R_ALL;
	default:
		return actions_shared(a, a->facets_focus ? &a->fview : &a->list,
		    action);
	}
}

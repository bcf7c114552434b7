/*
 * A pair side by side (Enter on a pair): the field names on the left,
 * the pair's first record and its second in two columns, a differing
 * field marked and the value it will keep pointed at ("> "); the fields
 * the merge unites (languages, themes, skills, missions, windows) shown
 * as it will keep them.  Widths are display columns; values are drawn
 * through draw_text, cut with an ellipsis and control characters
 * escaped.
 */
#include <curses.h>
#include <stdio.h>

#include "actions.h"
#include "app.h"
#include "form.h"
#include "strbuf.h"
#include "twin.h"

/* Where the columns are at this width. */
struct twin_cols {
	int	label, value[2], width[2];
};

static void
cols_at(struct twin_cols *c)
{
	int room;

	c->label = COLS >= 64 ? 16 : COLS >= 40 ? 12 : 8;
	room = COLS - 2 - c->label;
	c->value[TWIN_LEFT] = 2 + c->label;
	c->width[TWIN_LEFT] = (room - 1) / 2;
	c->value[TWIN_RIGHT] = c->value[TWIN_LEFT] + c->width[TWIN_LEFT] + 1;
	c->width[TWIN_RIGHT] = COLS - c->value[TWIN_RIGHT];
}

/* The evidence wraps over at most this many lines above the fields. */
#define WHY_LINES	3
#define WHY_X		2

/* Line part of the evidence, NULL past its end. */
static const char *
why_part(const char *why, int part, size_t *len)
{
	why = draw_wrap(why, COLS - WHY_X, part, WHY_LINES, len);
	return *why != '\0' ? why : NULL;
}

/* The lines above the fields: the evidence, and a blank. */
static long long
lead_n(const struct twin *t)
{
	size_t len;
	int n = 0;

	while (n < WHY_LINES && why_part(t->evidence, n, &len) != NULL)
		n++;
	return n + 1;
}

static long long
lines_n(const struct twin *t)
{
	/* A heading and a line a row (or "none"), for each of the two. */
	return lead_n(t) + EF_N + 2 + (t->united->nmissions > 0 ?
	    (long long)t->united->nmissions : 1) + 2 +
	    (t->united->nwindows > 0 ? (long long)t->united->nwindows : 1);
}

struct twin_draw {
	struct app		*a;
	struct twin		*t;
	struct twin_cols	 c;
};

/* Side's value of field f: "> " before the one kept when they differ. */
static void
value_draw(struct twin_draw *d, int y, int f, int side)
{
	struct twin *t = d->t;
	struct strbuf b = { 0 };
	int differs = twin_differs(t, f), kept = t->side[f] == side, attr = 0;

	if (differs && kept)
		attr = f == t->at ? draw_attr(d->a, ROLE_CURSOR) : (int)A_BOLD;
	else if (differs)
		attr = (int)A_DIM;
	strbuf_addf(&b, "%s%s", differs && kept ? "> " : "  ",
	    t->rec[side]->value[f]);
	draw_text(y, d->c.value[side], d->c.width[side], strbuf_str(&b),
	    attr);
	strbuf_free(&b);
}

static void
field_line(struct twin_draw *d, int y, int f)
{
	struct twin *t = d->t;
	struct strbuf b = { 0 };
	char label[32];
	int differs = twin_differs(t, f);

	/* A blank after the name, however it is cut. */
	draw_text(y, 0, COLS, differs ? "*" : "", A_BOLD);
	draw_text(y, 2, d->c.label - 1, form_label((size_t)f, label),
	    f == t->at && differs ? draw_attr(d->a, ROLE_CURSOR) : 0);
	if (twin_united(f)) {
		strbuf_addf(&b, "  united: %s", t->united->value[f]);
		draw_text(y, d->c.value[TWIN_LEFT], COLS, strbuf_str(&b), 0);
		strbuf_free(&b);
		return;
	}
	value_draw(d, y, f, TWIN_LEFT);
	value_draw(d, y, f, TWIN_RIGHT);
}

/* Line i past the fields: the united missions, then windows. */
static void
rows_line(struct twin_draw *d, int y, long long i)
{
	const struct edit_record *u = d->t->united;
	long long nm = u->nmissions > 0 ? (long long)u->nmissions : 1;
	struct strbuf b = { 0 };
	size_t r;

	if (i == 0 || i == nm + 2) {
		draw_text(y, 0, COLS, "", 0);
		return;
	}
	if (i == 1 || i == nm + 3) {
		draw_text(y, 0, COLS, i == 1 ? "  missions, united" :
		    "  unavailable, united", A_BOLD);
		return;
	}
	if (i < nm + 2 && u->nmissions > 0) {
		r = (size_t)(i - 2);
		strbuf_addf(&b, "    %s  %s  %s..%s  %s",
		    u->missions[r].mission, u->missions[r].country, u->missions[r].start,
		    u->missions[r].end, u->missions[r].role);
	} else if (i > nm + 3 && u->nwindows > 0) {
		r = (size_t)(i - nm - 4);
		strbuf_addf(&b, "    %s..%s  %s", u->windows[r].from,
		    u->windows[r].to, u->windows[r].reason);
	} else
		strbuf_adds(&b, "    none");
	draw_text(y, 0, COLS, strbuf_str(&b), 0);
	strbuf_free(&b);
}

static void
why_line(int y, const char *why, long long i)
{
	struct strbuf b = { 0 };
	const char *p;
	size_t len;

	draw_text(y, 0, COLS, "", 0);
	if ((p = why_part(why, (int)i, &len)) == NULL)
		return;
	strbuf_add(&b, p, len);
	draw_text(y, WHY_X, COLS - WHY_X, strbuf_str(&b), A_DIM);
	strbuf_free(&b);
}

static void
twin_line(void *arg, long long i, int y, int selected)
{
	struct twin_draw *d = arg;
	long long lead = lead_n(d->t);

	(void)selected;	/* the cursor is on a field: t->at */
	if (i < 0)
		draw_text(y, 0, COLS, "", 0);
	else if (i < lead)
		why_line(y, d->t->evidence, i);
	else if (i < lead + EF_N)
		field_line(d, y, (int)(i - lead));
	else
		rows_line(d, y, i - lead - EF_N);
}

/* "kept: Anna de Wit (KMar)" over each column. */
static void
titles_draw(struct twin_draw *d, int y)
{
	struct twin *t = d->t;
	struct strbuf b = { 0 };
	int side;

	draw_text(y, 0, COLS, "", 0);
	for (side = TWIN_LEFT; side <= TWIN_RIGHT; side++) {
		strbuf_reset(&b);
		strbuf_addf(&b, "%s %s", side == t->keep ? "kept:" :
		    "merged in:", t->name[side]);
		draw_text(y, d->c.value[side], d->c.width[side],
		    strbuf_str(&b), (int)A_UNDERLINE | (side == t->keep ?
		    (int)A_BOLD : 0));
	}
	strbuf_free(&b);
}

void
screen_twin_draw(struct app *a)
{
	struct twin_draw d = { .a = a, .t = a->dupes.twin };
	struct strbuf b = { 0 }, hint = { 0 };
	int f, n = 0;

	curs_set(0);
	cols_at(&d.c);
	strbuf_addf(&b, " The same person twice? %s and %s",
	    d.t->name[TWIN_LEFT], d.t->name[TWIN_RIGHT]);
	draw_text(0, 0, COLS, strbuf_str(&b), draw_attr(a, ROLE_HEADER));
	titles_draw(&d, 1);
	view_set_size(&d.t->view, lines_n(d.t), LINES - 4 -
	    draw_message_extra(a));
	/* Opened, or the terminal resized: the field under the cursor on
	 * screen, however short the screen is. */
	if (d.t->cols != COLS || d.t->lines != LINES) {
		view_go(&d.t->view, lead_n(d.t) + d.t->at);
		d.t->cols = COLS;
		d.t->lines = LINES;
	}
	view_draw(&d.t->view, 2, twin_line, &d);
	for (f = 0; f < EF_N; f++)
		n += twin_differs(d.t, f);
	strbuf_reset(&b);
	if (n == 0)
		strbuf_addf(&b, " no field differs");
	else
		strbuf_addf(&b, " %d field%s differ%s: > the value kept", n,
		    n == 1 ? "" : "s", n == 1 ? "s" : "");
	keys_hint_line(HINT_TWIN, &hint);
	screen_footer(a, strbuf_str(&b), strbuf_str(&hint));
	strbuf_free(&b);
	strbuf_free(&hint);
}

/* The cursor to the next differing field in direction dir. */
static unsigned
twin_move(struct twin *t, int dir)
{
	int f = twin_next(t, t->at, dir);

	if (f >= 0)
		t->at = f;
	view_go(&t->view, lead_n(t) + t->at);
	return R_ALL;
}

unsigned
screen_twin_key(struct app *a, enum action action)
{
	struct twin *t = a->dupes.twin;
	struct error err;

	switch (action) {
	case ACT_BACK:
		return actions_failed(a, app_twin_close(a, &err), &err);
	case ACT_DOWN:
	case ACT_UP:
		return twin_move(t, action == ACT_DOWN ? 1 : -1);
	case ACT_TWIN_LEFT:
	case ACT_TWIN_RIGHT:
		if (!twin_differs(t, t->at))
			app_message(a, 1, "no field differs: m merges them, n "
			    "remembers they are two people");
		twin_choose(t, action == ACT_TWIN_LEFT ? TWIN_LEFT :
		    TWIN_RIGHT);
		view_go(&t->view, lead_n(t) + t->at);
		return R_ALL;
	case ACT_TWIN_SWAP:
		app_twin_swap(a);
		return R_ALL;
	case ACT_TWIN_MERGE:
		app_twin_ask(a, KEYS_MERGE);
		return R_ALL;
	case ACT_TWIN_APART:
		app_twin_ask(a, KEYS_APART);
		return R_ALL;
	default:
		return actions_shared(a, &t->view, action);
	}
}

unsigned
screen_twin_answer(struct app *a, int code, int fkey)
{
	enum modal question = a->modal;
	struct error err;
	int rc;

	app_modal_set(a, KEYS_NORMAL);
	if (keys_find(code, fkey, KC_YES) != ACT_YES) {
		app_message(a, 0, question == KEYS_MERGE ? "not merged" :
		    "nothing remembered");
		return R_ALL;
	}
	rc = question == KEYS_MERGE ? app_twin_merge(a, &err) :
	    app_twin_apart(a, &err);
	return actions_failed(a, rc, &err);
}

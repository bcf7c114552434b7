/*
 * The person form on screen: a line per field, the missions and the
 * unavailability windows as rows of cells, a failed check's message (or
 * the field's format, or Tab's candidates) under the field; and the
 * conflict screen, both values of each field that differs.  Widths are
 * display columns; values are drawn through draw_text, which escapes
 * control characters.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "form.h"
#include "keys.h"
#include "strbuf.h"
#include "vocab.h"

#define LABEL_X		2
#define VALUE_X		19
/* A cell narrower than this is edited across the row. */
#define NARROW_CELL	6
/* The most lines a message under an item wraps over. */
#define NOTE_LINES	3

/* A line of the form's body. */
enum fl_kind { FL_FIELD, FL_NOTE, FL_BLANK, FL_HEAD, FL_TITLES, FL_ROW,
    FL_ADD };

struct fline {
	enum fl_kind	 kind;
	enum form_kind	 what;		/* FK_* of a row, a heading, a note */
	size_t		 row;		/* a field's index, or a row's */
	int		 part;		/* which line of a note */
};

static const char *const field_help[EF_N] = {
	[EF_GENDER] = "f, m or x",
	[EF_EMAIL] = "an e-mail address",
	[EF_NOTICE_DAYS] = "the days' notice they need to leave, 0 or more",
	[EF_PASSPORT_EXPIRY] = "YYYY-MM-DD",
	[EF_MEDICAL_EXPIRY] = "YYYY-MM-DD",
	[EF_HEAT_EXPIRY] = "YYYY-MM-DD",
	[EF_LANGUAGES] = "code:level;... as fr:B2;en:C1 (A1..C2, N native); "
	    "Tab completes the code",
	[EF_THEMES] = "theme;theme..., Tab completes",
	[EF_SKILLS] = "skill;skill..., Tab completes",
	[EF_DNC] = "do not call: leave, illness, personal or other; empty: "
	    "may be called",
	[EF_DNC_UNTIL] = "YYYY-MM-DD, the last day not to call; empty: "
	    "indefinitely",
	[EF_REVIEWED] = "YYYY-MM-DD, the day the record was last confirmed",
};

static const char *const mission_help[MC_N] = {
	"the mission's name, Tab completes", "ISO 3166 code, Tab completes",
	"YYYY-MM-DD", "YYYY-MM-DD; empty: still serving", "their role",
	"theme;theme..., Tab completes",
};
static const char *const window_help[WC_N] = {
	"YYYY-MM-DD", "YYYY-MM-DD; empty: no end known", "why, in a few words",
};
static const char *const mission_titles[MC_N] = { "mission", "country",
    "start", "end", "role", "themes" };
static const char *const window_titles[WC_N] = { "from", "to", "reason" };
static const int mission_widths[MC_N] = { 22, 7, 10, 10, 14, 0 };
static const int window_widths[WC_N] = { 10, 10, 0 };

/* Where cell c of a row starts and how wide it is (0: no room). */
static void
cell_at(enum form_kind kind, int c, int *x, int *w)
{
	const int *widths = kind == FK_MISSION ? mission_widths :
	    window_widths;
	int i;

	*x = LABEL_X;
	for (i = 0; i < c; i++)
		*x += widths[i] + 1;
	*w = widths[c] > 0 ? widths[c] : COLS - *x;
	if (*x + *w > COLS)
		*w = COLS - *x;
	if (*w < 0)
		*w = 0;
}

static struct form_row *
row_of(struct form *f, enum form_kind kind, size_t row)
{
	return kind == FK_MISSION ? &f->missions[row] : &f->windows[row];
}

/* What shows under the item the cursor is on, or under a refused one. */
static const char *
note_of(const struct form *f, enum form_kind what, size_t row, int *error)
{
	struct form_at at = form_item(f, f->focus);
	int here = at.kind == what && at.row == row;
	const char *e = what == FK_FIELD ? f->error[row] : what == FK_MISSION ?
	    f->missions[row].error : f->windows[row].error;
	const char *help;

	/* Tab's candidates answer the last key: over an earlier refusal,
	 * which comes back if the value is still refused when left. */
	*error = 0;
	if (here && f->hint[0] != '\0')
		return f->hint;
	*error = 1;
	if (*e != '\0')
		return e;
	*error = 0;
	if (!here)
		return NULL;
	help = what == FK_FIELD ? field_help[row] : what == FK_MISSION ?
	    mission_help[at.cell] : window_help[at.cell];
	return help;
}

static size_t
lines_add(struct fline **v, size_t n, enum fl_kind kind, enum form_kind what,
    size_t row)
{
	*v = xrealloc(*v, (n + 1) * sizeof **v);
	(*v)[n].kind = kind;
	(*v)[n].what = what;
	(*v)[n].row = row;
	(*v)[n].part = 0;
	return n + 1;
}

/* Where the note under an item starts. */
static int
note_x(enum form_kind what)
{
	return what == FK_FIELD ? VALUE_X : LABEL_X;
}

/* Line part of a note wrapped at x. */
static const char *
note_part(const char *note, int x, int part, size_t *len)
{
	return draw_wrap(note, COLS - x, part, NOTE_LINES, len);
}

static size_t
lines_item(const struct form *f, struct fline **v, size_t n,
    enum fl_kind kind, enum form_kind what, size_t row)
{
	const char *note;
	size_t len;
	int error, part;

	n = lines_add(v, n, kind, what, row);
	if ((note = note_of(f, what, row, &error)) == NULL)
		return n;
	/* A long message wraps: cut, it would lose its end ("roster(5)
	 * lists them"), and Tab's candidates all but the first few. */
	for (part = 0; part < NOTE_LINES; part++) {
		n = lines_add(v, n, FL_NOTE, what, row);
		(*v)[n - 1].part = part;
		note = note_part(note, note_x(what), 0, &len);
		if (note[len] == '\0')
			break;
		note += len;
	}
	return n;
}

static size_t
lines_rows(const struct form *f, struct fline **v, size_t n,
    enum form_kind kind)
{
	size_t i, rows = kind == FK_MISSION ? f->nmissions : f->nwindows;

	n = lines_add(v, n, FL_BLANK, kind, 0);
	n = lines_add(v, n, FL_HEAD, kind, 0);
	if (rows > 0)
		n = lines_add(v, n, FL_TITLES, kind, 0);
	for (i = 0; i < rows; i++)
		n = lines_item(f, v, n, FL_ROW, kind, i);
	return lines_add(v, n, FL_ADD, kind == FK_MISSION ? FK_ADD_MISSION :
	    FK_ADD_WINDOW, 0);
}

/* The body's lines, top to bottom. */
static size_t
lines_make(const struct form *f, struct fline **v)
{
	size_t n = 0, i;

	*v = NULL;
	for (i = 0; i < EF_N; i++)
		n = lines_item(f, v, n, FL_FIELD, FK_FIELD, i);
	n = lines_rows(f, v, n, FK_MISSION);
	return lines_rows(f, v, n, FK_WINDOW);
}

/* Whether line l holds the item the cursor is on. */
static int
line_has_focus(const struct form *f, const struct fline *l)
{
	struct form_at at = form_item(f, f->focus);

	switch (l->kind) {
	case FL_FIELD:
		return at.kind == FK_FIELD && at.row == l->row;
	case FL_ROW:
		return at.kind == l->what && at.row == l->row;
	case FL_ADD:
		return at.kind == l->what;
	default:
		return 0;
	}
}

const char *
form_label(size_t i, char label[32])
{
	char *u;

	snprintf(label, 32, "%s", edit_field_names[i]);
	for (u = label; (u = strchr(u, '_')) != NULL; u++)
		*u = ' ';
	return label;
}

static void
field_draw(struct app *a, int y, size_t i, int focused, int *cx)
{
	struct form *f = a->form;
	char label[32];

	form_label(i, label);
	draw_text(y, 0, LABEL_X, "", 0);
	draw_text(y, LABEL_X, VALUE_X - LABEL_X, label, focused ?
	    draw_attr(a, ROLE_CURSOR) : f->error[i][0] != '\0' ?
	    draw_attr(a, ROLE_ERROR) : 0);
	if (focused)
		*cx = bar_line_draw(&f->field[i], y, VALUE_X, COLS - VALUE_X,
		    0);
	else
		draw_text(y, VALUE_X, COLS - VALUE_X,
		    line_text(&f->field[i]), 0);
}

/* The cell the cursor is in, too narrow to edit where it is on a narrow
 * terminal: the whole row's width, after its title. */
static void
narrow_draw(struct form_row *r, enum form_kind kind, int c, int y, int *cx)
{
	const char *title = kind == FK_MISSION ? mission_titles[c] :
	    window_titles[c];
	int x = LABEL_X + (int)strlen(title) + 2;

	draw_text(y, LABEL_X, x - LABEL_X, title, A_DIM);
	*cx = bar_line_draw(&r->cell[c], y, x, COLS - x, A_UNDERLINE);
}

static void
row_draw(struct app *a, int y, enum form_kind kind, size_t row, int *cx)
{
	struct form *f = a->form;
	struct form_row *r = row_of(f, kind, row);
	struct form_at at = form_item(f, f->focus);
	int c, cells = kind == FK_MISSION ? MC_N : WC_N, x, w;

	draw_text(y, 0, COLS, r->error[0] != '\0' ? "!" : "",
	    draw_attr(a, ROLE_ERROR));
	for (c = 0; c < cells; c++) {
		cell_at(kind, c, &x, &w);
		if (at.kind == kind && at.row == row && at.cell == c &&
		    w < NARROW_CELL)
			narrow_draw(r, kind, c, y, cx);
		else if (at.kind == kind && at.row == row && at.cell == c)
			/* The blank after the cell too: a date fills its
			 * cell, and the cursor after it would scroll its
			 * first digit away ("025-03-01"). */
			*cx = bar_line_draw(&r->cell[c], y, x, c + 1 < cells &&
			    x + w < COLS ? w + 1 : w, A_UNDERLINE);
		else if (w > 0)
			draw_text(y, x, w, line_text(&r->cell[c]),
			    A_UNDERLINE);
	}
}

static void
titles_draw(int y, enum form_kind kind)
{
	int c, cells = kind == FK_MISSION ? MC_N : WC_N, x, w;

	draw_text(y, 0, COLS, "", 0);
	for (c = 0; c < cells; c++) {
		cell_at(kind, c, &x, &w);
		draw_text(y, x, w, kind == FK_MISSION ? mission_titles[c] :
		    window_titles[c], A_DIM);
	}
}

static void
body_line(struct app *a, const struct fline *l, int y, int *cx)
{
	struct form *f = a->form;
	struct strbuf piece = { 0 };
	const char *note;
	size_t len;
	int focused = line_has_focus(f, l), error;

	switch (l->kind) {
	case FL_FIELD:
		field_draw(a, y, l->row, focused, cx);
		break;
	case FL_ROW:
		row_draw(a, y, l->what, l->row, cx);
		break;
	case FL_NOTE:
		note = note_of(f, l->what, l->row, &error);
		note = note_part(note, note_x(l->what), l->part, &len);
		strbuf_add(&piece, note, len);
		draw_text(y, 0, note_x(l->what), "", 0);
		draw_text(y, note_x(l->what), COLS, strbuf_str(&piece), error ?
		    draw_attr(a, ROLE_ERROR) : (int)A_DIM);
		strbuf_free(&piece);
		break;
	case FL_HEAD:
		draw_text(y, 0, COLS, l->what == FK_MISSION ? "Missions" :
		    "Unavailable", A_BOLD);
		break;
	case FL_TITLES:
		titles_draw(y, l->what);
		break;
	case FL_ADD:
		draw_text(y, 0, LABEL_X, "", 0);
		draw_text(y, LABEL_X, COLS - LABEL_X, l->what ==
		    FK_ADD_MISSION ? "+ add a mission (Enter)" :
		    "+ add an unavailability window (Enter)", focused ?
		    draw_attr(a, ROLE_CURSOR) : (int)A_DIM);
		if (focused)
			*cx = -1;
		break;
	default:
		draw_text(y, 0, COLS, "", 0);
	}
}

/* The first line on screen, so that the cursor's line and its note
 * show. */
static void
scroll_to(struct form *f, const struct fline *v, size_t n, int height)
{
	size_t i, at = 0, end;

	for (i = 0; i < n; i++)
		if (line_has_focus(f, &v[i])) {
			at = i;
			break;
		}
	for (end = at; end + 1 < n && v[end + 1].kind == FL_NOTE; end++)
		continue;
	if ((int)end >= f->top + height)
		f->top = (int)end - height + 1;
	/* A heading stays with the first row under it. */
	while (at > 0 && (v[at - 1].kind == FL_HEAD || v[at - 1].kind ==
	    FL_TITLES))
		at--;
	if ((int)at < f->top)
		f->top = (int)at;
	/* Taller than before: no blank lines below the last. */
	if (f->top > 0 && f->top + height > (int)n)
		f->top = (int)n - height;
	if (f->top < 0)
		f->top = 0;
}

static void
foot_draw(struct app *a, enum hint hint)
{
	struct strbuf b = { 0 };
	int extra = draw_message_extra(a);

	keys_hint_line(hint, &b);
	draw_message(a, LINES - 1 - extra, strbuf_str(&b));
	strbuf_free(&b);
}

/* One line of the conflict screen, if it falls in the body. */
static void
merge_text(int y, int height, int x, const char *text, int attr)
{
	if (y >= 1 && y <= height)
		draw_text(y, x, COLS - x, text, attr);
}

/* Where a value starts on the conflict screen. */
#define MERGE_X		14

/*
 * A value of the conflict screen from line y on (drawn if in the body,
 * counted either way): a mission or a window a line, and a long one
 * wrapped, for a difference cut off at the edge could not be judged.
 * Returns the lines it takes.
 */
static int
merge_value(int y, int height, const char *v, int attr)
{
	struct strbuf item = { 0 };
	const char *p;
	size_t len, cut;
	char *q, c;
	int n = 0;

	for (p = v;; p += len + 1) {
		len = strcspn(p, "\n");
		strbuf_reset(&item);
		strbuf_add(&item, p, len);
		q = item.s;
		do {
			cut = draw_cut(q, COLS - MERGE_X);
			c = q[cut];
			q[cut] = '\0';
			merge_text(y + n++, height, MERGE_X, q, attr);
			q[cut] = c;
			q += cut;
		} while (*q != '\0');
		if (p[len] == '\0')
			break;
	}
	strbuf_free(&item);
	return n;
}

/* The first line on screen: the whole of the difference under the
 * cursor shows, from its name, when it fits. */
static int
merge_top(const struct form *f, int height)
{
	const struct form_diff *d;
	int y = 0, at = 0, end = 0;
	size_t i;

	for (i = 0; i < f->ndiffs; i++) {
		d = &f->diffs[i];
		if (i == f->diff_at)
			at = y;
		y += 1 + merge_value(0, 0, d->yours, 0) +
		    merge_value(0, 0, d->theirs, 0);
		if (i == f->diff_at)
			end = y;
	}
	return end - height > 0 ? (end - height < at ? end - height : at) : 0;
}

static void
merge_draw(struct app *a)
{
	struct form *f = a->form;
	const struct form_diff *d;
	int height = LINES - 2 - draw_message_extra(a), y, kept, other;
	size_t i;

	for (y = 1; y <= height; y++)
		draw_text(y, 0, COLS, "", 0);
	for (i = 0, y = 1 - merge_top(f, height); i < f->ndiffs; i++) {
		d = &f->diffs[i];
		kept = A_BOLD;
		other = A_DIM;
		merge_text(y, height, 0, i == f->diff_at ? ">" : "", A_BOLD);
		merge_text(y, height, LABEL_X, d->what < EF_N ?
		    edit_field_names[d->what] : d->what == MERGE_MISSIONS ?
		    "missions" : "unavailability windows", i == f->diff_at ?
		    draw_attr(a, ROLE_CURSOR) : kept);
		if (d->both)
			merge_text(y, height, COLS / 2, "(both changed it)",
			    draw_attr(a, ROLE_WARN));
		merge_text(++y, height, 4, d->theirs_kept ? "  yours" :
		    "* yours", d->theirs_kept ? other : kept);
		y += merge_value(y, height, d->yours, d->theirs_kept ?
		    other : kept);
		merge_text(y, height, 4, d->theirs_kept ? "* theirs" :
		    "  theirs", d->theirs_kept ? kept : other);
		y += merge_value(y, height, d->theirs, d->theirs_kept ?
		    kept : other);
	}
	foot_draw(a, HINT_MERGE);
	curs_set(0);
}

void
screen_form_draw(struct app *a)
{
	struct form *f = a->form;
	struct fline *v;
	struct strbuf title = { 0 };
	size_t n, i;
	int height = LINES - 2 - draw_message_extra(a), y, cx = -1, cy = 0;

	if (f->theirs != NULL)
		strbuf_addf(&title, " %s: saved by someone else meanwhile",
		    f->name);
	else if (f->name != NULL)
		strbuf_addf(&title, " %s", f->name);
	else
		strbuf_adds(&title, " New person");
	draw_text(0, 0, COLS, strbuf_str(&title), draw_attr(a, ROLE_HEADER));
	strbuf_free(&title);
	if (f->theirs != NULL) {
		merge_draw(a);
		return;
	}
	n = lines_make(f, &v);
	scroll_to(f, v, n, height);
	for (y = 1, i = (size_t)f->top; y <= height; y++, i++) {
		if (i >= n) {
			draw_text(y, 0, COLS, "", 0);
			continue;
		}
		if (line_has_focus(f, &v[i]))
			cy = y;
		body_line(a, &v[i], y, &cx);
	}
	free(v);
	foot_draw(a, HINT_FORM);
	if (cx >= 0 && !f->asking) {
		move(cy, cx);
		curs_set(1);
	} else
		curs_set(0);
}

static unsigned
merge_key(struct app *a, enum action action)
{
	struct form *f = a->form;

	switch (action) {
	case ACT_FORM_NEXT:
		if (f->diff_at + 1 < f->ndiffs)
			f->diff_at++;
		break;
	case ACT_FORM_PREV:
		if (f->diff_at > 0)
			f->diff_at--;
		break;
	case ACT_MERGE_YOURS:
	case ACT_MERGE_THEIRS:
		form_merge_choose(f, action == ACT_MERGE_THEIRS, 0);
		if (f->diff_at + 1 < f->ndiffs)
			f->diff_at++;
		break;
	case ACT_MERGE_ALL_YOURS:
	case ACT_MERGE_ALL_THEIRS:
		form_merge_choose(f, action == ACT_MERGE_ALL_THEIRS, 1);
		break;
	case ACT_FORM_SAVE:
		app_form_merge_save(a);
		break;
	case ACT_MERGE_BACK:
		form_merge_back(a);
		break;
	case ACT_REDRAW:
		return actions_shared(a, &a->page, action);
	default:
		app_message(a, 1, "y keeps yours, t theirs; F2 saves, Esc "
		    "goes back to the form");
	}
	return R_ALL;
}

/* Ctrl-o adds a window among the windows, else a mission. */
static enum form_kind
add_kind(const struct form *f)
{
	struct form_at at = form_item(f, f->focus);

	return at.kind == FK_WINDOW || at.kind == FK_ADD_WINDOW ? FK_WINDOW :
	    FK_MISSION;
}

static unsigned
form_key(struct app *a, enum action action)
{
	struct form *f = a->form;
	struct form_at at = form_item(f, f->focus);

	switch (action) {
	case ACT_FORM_NEXT:
		form_focus(a, f->focus + 1);
		break;
	case ACT_FORM_PREV:
		if (f->focus > 0)
			form_focus(a, f->focus - 1);
		break;
	case ACT_FORM_TAB:
		if (!form_complete(a))
			form_focus(a, f->focus + 1);
		break;
	case ACT_FORM_ENTER:
		if (at.kind == FK_ADD_MISSION || at.kind == FK_ADD_WINDOW)
			form_row_add(a, at.kind == FK_ADD_MISSION ?
			    FK_MISSION : FK_WINDOW);
		else
			form_focus(a, f->focus + 1);
		break;
	case ACT_FORM_ADD:
		form_row_add(a, add_kind(f));
		break;
	case ACT_FORM_REMOVE:
		form_row_remove(a);
		break;
	case ACT_FORM_SAVE:
		if (f->pk != 0 && !form_changed(f))
			app_form_unchanged(a);
		else
			app_form_save(a);
		break;
	case ACT_FORM_CANCEL:
		app_form_cancel(a);
		break;
	default:
		return actions_shared(a, &a->page, action);
	}
	return R_ALL;
}

/* A character typed, or an editing key, into the line under the
 * cursor; the candidates of the last Tab are then out of date. */
static unsigned
type_key(struct app *a, int code, int fkey, enum action action)
{
	struct form *f = a->form;
	struct line *l = form_line(f, f->focus);
	char name[16];
	int typed = 0;

	if (l != NULL && action != ACT_NONE && bar_line_edit(l, action) !=
	    R_NONE)
		typed = 1;
	else if (l != NULL && action == ACT_NONE && !fkey)
		typed = bar_line_type(l, code);
	if (typed == -1)
		app_message(a, 1, "a value is limited to %d bytes",
		    LINE_MAX_BYTES);
	else if (typed == 0)
		app_message(a, 1, "%s: no such key here",
		    keys_typed(code, fkey, name));
	f->hint[0] = '\0';
	f->tab_listed = 0;
	return R_ALL;
}

unsigned
screen_form_key(struct app *a, int code, int fkey)
{
	struct form *f = a->form;
	enum action action;

	if (f->asking) {
		app_form_cancel_answer(a, keys_find(code, fkey, KC_YES) ==
		    ACT_YES);
		return R_ALL;
	}
	app_message_clear(a);
	if (f->theirs != NULL)
		return merge_key(a, keys_find(code, fkey, KC_MERGE));
	action = keys_find(code, fkey, KC_FORM);
	switch (action) {
	case ACT_NONE:
	case ACT_BAR_LEFT:
	case ACT_BAR_RIGHT:
	case ACT_BAR_HOME:
	case ACT_BAR_END:
	case ACT_BAR_BACKSPACE:
	case ACT_BAR_DELETE:
	case ACT_BAR_KILL_START:
	case ACT_BAR_KILL_END:
	case ACT_BAR_KILL_WORD:
		return type_key(a, code, fkey, action);
	default:
		return form_key(a, action);
	}
}

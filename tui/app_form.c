/*
 * The person form's state: a line per field and per cell of a mission or
 * window row, each checked by the core (edit.h) when the cursor leaves
 * it, a failed check's message kept beside what was typed; saving, and
 * when someone saved the person meanwhile, the fields that differ.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "person.h"
#include "strbuf.h"

static int
row_cells(enum form_kind kind)
{
	return kind == FK_MISSION ? MC_N : WC_N;
}

size_t
form_items(const struct form *f)
{
	return EF_N + f->nmissions * MC_N + 1 + f->nwindows * WC_N + 1;
}

struct form_at
form_item(const struct form *f, size_t i)
{
	struct form_at at = { FK_FIELD, i, 0 };

	if (i < EF_N)
		return at;
	i -= EF_N;
	if (i < f->nmissions * MC_N) {
		at.kind = FK_MISSION;
		at.row = i / MC_N;
		at.cell = (int)(i % MC_N);
		return at;
	}
	i -= f->nmissions * MC_N;
	if (i == 0) {
		at.kind = FK_ADD_MISSION;
		return at;
	}
	i--;
	if (i < f->nwindows * WC_N) {
		at.kind = FK_WINDOW;
		at.row = i / WC_N;
		at.cell = (int)(i % WC_N);
		return at;
	}
	at.kind = FK_ADD_WINDOW;
	return at;
}

/* The item of a row's first cell, or of an "add" line. */
static size_t
item_of(const struct form *f, enum form_kind kind, size_t row)
{
	switch (kind) {
	case FK_FIELD:
		return row;
	case FK_MISSION:
		return EF_N + row * MC_N;
	case FK_ADD_MISSION:
		return EF_N + f->nmissions * MC_N;
	case FK_WINDOW:
		return EF_N + f->nmissions * MC_N + 1 + row * WC_N;
	default:
		return form_items(f) - 1;
	}
}

struct line *
form_line(struct form *f, size_t i)
{
	struct form_at at = form_item(f, i);

	switch (at.kind) {
	case FK_FIELD:
		return &f->field[at.row];
	case FK_MISSION:
		return &f->missions[at.row].cell[at.cell];
	case FK_WINDOW:
		return &f->windows[at.row].cell[at.cell];
	default:
		return NULL;
	}
}

static struct form_row *
rows_grow(struct form_row **rows, size_t *n)
{
	*rows = xrealloc(*rows, (*n + 1) * sizeof **rows);
	memset(&(*rows)[*n], 0, sizeof **rows);
	return &(*rows)[(*n)++];
}

static void
rows_free(struct form_row *rows, size_t n)
{
	size_t i;
	int c;

	for (i = 0; i < n; i++)
		for (c = 0; c < FORM_CELLS; c++)
			line_free(&rows[i].cell[c]);
	free(rows);
}

static void
mission_show(struct form_row *r, const struct edit_mission *m)
{
	line_set(&r->cell[MC_MISSION], m->mission);
	line_set(&r->cell[MC_COUNTRY], m->country);
	line_set(&r->cell[MC_START], m->start);
	line_set(&r->cell[MC_END], m->end);
	line_set(&r->cell[MC_ROLE], m->role);
	line_set(&r->cell[MC_THEMES], m->themes);
}

static void
window_show(struct form_row *r, const struct edit_window *w)
{
	line_set(&r->cell[WC_FROM], w->from);
	line_set(&r->cell[WC_TO], w->to);
	line_set(&r->cell[WC_REASON], w->reason);
}

/* Every text of the form, to tell whether anything changed. */
static char *
form_text(const struct form *f)
{
	struct strbuf b = { 0 };
	size_t i;
	int c;

	for (i = 0; i < EF_N; i++)
		strbuf_addf(&b, "%s\x1f", line_text(&f->field[i]));
	for (i = 0; i < f->nmissions; i++)
		for (c = 0; c < MC_N; c++)
			strbuf_addf(&b, "%s%c", line_text(&f->missions[i].cell[c]),
			    c + 1 < MC_N ? 0x1f : 0x1e);
	strbuf_adds(&b, "\x1d");
	for (i = 0; i < f->nwindows; i++)
		for (c = 0; c < WC_N; c++)
			strbuf_addf(&b, "%s%c", line_text(&f->windows[i].cell[c]),
			    c + 1 < WC_N ? 0x1f : 0x1e);
	return strbuf_steal(&b);
}

int
form_changed(const struct form *f)
{
	char *now = form_text(f);
	int changed = strcmp(now, f->snapshot) != 0;

	free(now);
	return changed;
}

void
form_refill(struct form *f)
{
	size_t i;

	for (i = 0; i < EF_N; i++)
		line_set(&f->field[i], f->rec->value[i]);
	rows_free(f->missions, f->nmissions);
	rows_free(f->windows, f->nwindows);
	f->missions = f->windows = NULL;
	f->nmissions = f->nwindows = 0;
	for (i = 0; i < f->rec->nmissions; i++)
		mission_show(rows_grow(&f->missions, &f->nmissions),
		    &f->rec->missions[i]);
	for (i = 0; i < f->rec->nwindows; i++)
		window_show(rows_grow(&f->windows, &f->nwindows),
		    &f->rec->windows[i]);
	if (f->focus >= form_items(f))
		f->focus = 0;
}

void
form_diffs_free(struct form *f)
{
	size_t i;

	for (i = 0; i < f->ndiffs; i++) {
		free(f->diffs[i].yours);
		free(f->diffs[i].theirs);
	}
	free(f->diffs);
	f->diffs = NULL;
	f->ndiffs = f->diff_at = 0;
	edit_free(f->theirs);
	f->theirs = NULL;
}

static void
form_free(struct form *f)
{
	size_t i;

	if (f == NULL)
		return;
	form_diffs_free(f);
	for (i = 0; i < EF_N; i++)
		line_free(&f->field[i]);
	rows_free(f->missions, f->nmissions);
	rows_free(f->windows, f->nwindows);
	edit_free(f->rec);
	edit_free(f->loaded);
	free(f->name);
	free(f->snapshot);
	free(f);
}

void
app_form_open(struct app *a, long long pk)
{
	struct form *f;
	struct error err;
	char name[256];

	if (a->read_only) {
		app_message(a, 1, "read-only: people cannot be added or changed");
		return;
	}
	f = xcalloc(1, sizeof *f);
	f->pk = pk;
	if (pk > 0) {
		if (edit_load(a->store, pk, &f->rec, &err) != RC_OK ||
		    edit_load(a->store, pk, &f->loaded, &err) != RC_OK) {
			app_message(a, 1, "%s", err.msg);
			form_free(f);
			return;
		}
		f->name = xstrdup(person_name(a->store, pk, name,
		    sizeof name));
	} else {
		f->rec = edit_new();
		f->loaded = edit_new();
	}
	form_refill(f);
	f->snapshot = form_text(f);
	f->from = a->screen;
	a->form = f;
	a->screen = SCREEN_FORM;
	app_message_clear(a);
}

void
app_form_close(struct app *a)
{
	if (a->form == NULL)
		return;
	a->screen = a->form->from;
	form_free(a->form);
	a->form = NULL;
}

static void
field_check(struct app *a, enum edit_field fld)
{
	struct form *f = a->form;
	struct error err;

	if (edit_set(a->store, f->rec, fld, line_text(&f->field[fld]), &err)
	    != RC_OK) {
		snprintf(f->error[fld], sizeof f->error[fld], "%s", err.msg);
		return;
	}
	f->error[fld][0] = '\0';
	line_set(&f->field[fld], f->rec->value[fld]);
}

static int
row_empty(const struct form_row *r, int cells)
{
	int c;

	for (c = 0; c < cells; c++)
		if (*line_text(&r->cell[c]) != '\0')
			return 0;
	return 1;
}

static int
row_put(struct app *a, enum form_kind kind, struct form_row *r,
    struct error *err)
{
	struct edit_record *rec = a->form->rec;
	size_t had = kind == FK_MISSION ? rec->nmissions : rec->nwindows;
	struct edit_mission m;
	struct edit_window w;
	int rc;

	if (kind == FK_MISSION) {
		m.mission = (char *)line_text(&r->cell[MC_MISSION]);
		m.country = (char *)line_text(&r->cell[MC_COUNTRY]);
		m.start = (char *)line_text(&r->cell[MC_START]);
		m.end = (char *)line_text(&r->cell[MC_END]);
		m.role = (char *)line_text(&r->cell[MC_ROLE]);
		m.themes = (char *)line_text(&r->cell[MC_THEMES]);
		if ((rc = edit_add_mission(a->store, rec, &m, err)) != RC_OK)
			return rc;
		/* The core replaces a mission with the same key, as an
		 * import would: two rows cannot both be kept. */
		if (rec->nmissions == had)
			return error_set(err, RC_INPUT, "the same mission and "
			    "start as a row above");
		mission_show(r, &rec->missions[rec->nmissions - 1]);
		return RC_OK;
	}
	w.from = (char *)line_text(&r->cell[WC_FROM]);
	w.to = (char *)line_text(&r->cell[WC_TO]);
	w.reason = (char *)line_text(&r->cell[WC_REASON]);
	if ((rc = edit_add_window(a->store, rec, &w, err)) != RC_OK)
		return rc;
	if (rec->nwindows == had)
		return error_set(err, RC_INPUT, "the same start as a row above");
	window_show(r, &rec->windows[rec->nwindows - 1]);
	return RC_OK;
}

/*
 * The record's missions (or windows) made again from the rows: the core
 * checks a row as a whole, so a row is checked when the cursor leaves
 * it.  A row left empty is no row; a refused one keeps its text and
 * its message.
 */
static void
rows_check(struct app *a, enum form_kind kind)
{
	struct form *f = a->form;
	struct form_row *rows = kind == FK_MISSION ? f->missions : f->windows;
	size_t n = kind == FK_MISSION ? f->nmissions : f->nwindows, i;
	struct error err;

	if (kind == FK_MISSION)
		while (f->rec->nmissions > 0)
			edit_remove_mission(f->rec, f->rec->nmissions - 1);
	else
		while (f->rec->nwindows > 0)
			edit_remove_window(f->rec, f->rec->nwindows - 1);
	for (i = 0; i < n; i++) {
		rows[i].error[0] = '\0';
		if (row_empty(&rows[i], row_cells(kind)))
			continue;
		if (row_put(a, kind, &rows[i], &err) != RC_OK)
			snprintf(rows[i].error, sizeof rows[i].error, "%s",
			    err.msg);
	}
}

/* What the cursor leaves is checked: a field at once, a row once the
 * cursor is out of it. */
static void
leave(struct app *a, size_t to)
{
	struct form *f = a->form;
	struct form_at was = form_item(f, f->focus), now = form_item(f, to);

	if (was.kind == FK_FIELD)
		field_check(a, (enum edit_field)was.row);
	else if ((was.kind == FK_MISSION || was.kind == FK_WINDOW) &&
	    (now.kind != was.kind || now.row != was.row))
		rows_check(a, was.kind);
}

void
form_focus(struct app *a, size_t i)
{
	struct form *f = a->form;

	if (i >= form_items(f))
		return;
	leave(a, i);
	f->focus = i;
	f->hint[0] = '\0';
	f->tab_listed = 0;
}

void
form_row_add(struct app *a, enum form_kind kind)
{
	struct form *f = a->form;
	size_t row;

	/* The row the cursor is in is checked first, as leaving it would. */
	form_focus(a, item_of(f, kind == FK_MISSION ? FK_ADD_MISSION :
	    FK_ADD_WINDOW, 0));
	if (kind == FK_MISSION) {
		rows_grow(&f->missions, &f->nmissions);
		row = f->nmissions - 1;
	} else {
		rows_grow(&f->windows, &f->nwindows);
		row = f->nwindows - 1;
	}
	f->focus = item_of(f, kind, row);
}

void
form_row_remove(struct app *a)
{
	struct form *f = a->form;
	struct form_at at = form_item(f, f->focus);
	struct form_row *rows;
	size_t *n;
	int c;

	if (at.kind != FK_MISSION && at.kind != FK_WINDOW) {
		app_message(a, 1, "C-r removes the mission or window the "
		    "cursor is on");
		return;
	}
	rows = at.kind == FK_MISSION ? f->missions : f->windows;
	n = at.kind == FK_MISSION ? &f->nmissions : &f->nwindows;
	for (c = 0; c < FORM_CELLS; c++)
		line_free(&rows[at.row].cell[c]);
	memmove(&rows[at.row], &rows[at.row + 1], (*n - at.row - 1) *
	    sizeof *rows);
	(*n)--;
	rows_check(a, at.kind);
	/* On the row that took its place, or on the "add" line. */
	if (at.row < *n)
		f->focus = item_of(f, at.kind, at.row);
	else
		f->focus = item_of(f, at.kind == FK_MISSION ? FK_ADD_MISSION :
		    FK_ADD_WINDOW, 0);
}

const char *
form_error(const struct form *f, size_t i)
{
	struct form_at at = form_item(f, i);

	switch (at.kind) {
	case FK_FIELD:
		return f->error[at.row];
	case FK_MISSION:
		return f->missions[at.row].error;
	case FK_WINDOW:
		return f->windows[at.row].error;
	default:
		return "";
	}
}

/* The first item with a message, or the number of items. */
size_t
form_check(struct app *a)
{
	struct form *f = a->form;
	struct form_at at = form_item(f, f->focus);
	size_t i;

	if (at.kind == FK_FIELD)
		field_check(a, (enum edit_field)at.row);
	rows_check(a, FK_MISSION);
	rows_check(a, FK_WINDOW);
	for (i = 0; i < form_items(f); i++)
		if (*form_error(f, i) != '\0')
			break;
	return i;
}

/* Given up: the record it was opened from shows as it is now (another
 * process may have changed it). */
static void
back(struct app *a)
{
	app_form_close(a);
	if (a->screen == SCREEN_DETAIL)
		app_reopen(a);
}

void
app_form_cancel(struct app *a)
{
	struct form *f = a->form;

	if (!form_changed(f)) {
		back(a);
		return;
	}
	f->asking = 1;
	if (f->name != NULL)
		app_message(a, 0, "discard the changes to %s? (y/n)", f->name);
	else
		app_message(a, 0, "discard the new person? (y/n)");
}

int
app_form_interrupt(struct app *a)
{
	struct form *f = a->form;

	if (a->screen != SCREEN_FORM || f == NULL || f->asking ||
	    (!form_changed(f) && f->theirs == NULL))
		return 0;
	/* Both sides of a conflict are kept in the form: ask there. */
	if (f->theirs != NULL)
		form_merge_back(a);
	app_form_cancel(a);
	return 1;
}

void
app_form_unchanged(struct app *a)
{
	char name[256];

	snprintf(name, sizeof name, "%s", a->form->name);
	back(a);
	app_message(a, 0, "nothing changed: %s not saved", name);
}

void
app_form_cancel_answer(struct app *a, int yes)
{
	a->form->asking = 0;
	app_message_clear(a);
	if (yes)
		back(a);
}

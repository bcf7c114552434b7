/*
 * Saving the person form, and two editors at once: when someone else
 * saved the person since the form opened, the core refuses the save
 * (the version column) and hands back the person as stored now; every
 * field where that differs from the form is shown with both values,
 * the user keeps theirs or the other's, and the merged record is saved
 * over the other's version.  Nothing is lost without being shown.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "person.h"
#include "search.h"
#include "strbuf.h"

/* A list of missions or windows, a line each, to compare and to show. */
static char *
rows_text(const struct edit_record *r, int what)
{
	struct strbuf b = { 0 };
	const struct edit_mission *m;
	const struct edit_window *w;
	size_t i;

	if (what == MERGE_MISSIONS)
		for (i = 0; i < r->nmissions; i++) {
			m = &r->missions[i];
			strbuf_addf(&b, "%s%s %s %s..%s %s %s", i > 0 ? "\n" :
			    "", m->mission, m->country, m->start, m->end,
			    m->role, m->themes);
		}
	else
		for (i = 0; i < r->nwindows; i++) {
			w = &r->windows[i];
			strbuf_addf(&b, "%s%s..%s %s", i > 0 ? "\n" : "",
			    w->from, w->to, w->reason);
		}
	return strbuf_steal(&b);
}

static char *
value_text(const struct edit_record *r, int what)
{
	return what < EF_N ? xstrdup(r->value[what]) : rows_text(r, what);
}

static void
diff_free(struct form_diff *d)
{
	if (d == NULL)
		return;
	free(d->yours);
	free(d->theirs);
	free(d);
}

/* Field what if it differs, NULL if not. */
static struct form_diff *
diff_one(const struct form *f, int what)
{
	struct form_diff *d = xcalloc(1, sizeof *d);
	char *was;

	d->what = what;
	d->yours = value_text(f->rec, what);
	d->theirs = value_text(f->theirs, what);
	if (strcmp(d->yours, d->theirs) == 0) {
		diff_free(d);
		return NULL;
	}
	was = value_text(f->loaded, what);
	d->both = strcmp(was, d->yours) != 0 && strcmp(was, d->theirs) != 0;
	d->theirs_kept = strcmp(was, d->yours) == 0;
	free(was);
	return d;
}

/*
 * The fields that differ between the form's record and theirs, those
 * both sides changed since the form opened first.  Where only one side
 * changed a field, that side's value is kept unless the user says
 * otherwise; where both did, the user's.
 */
static void
diffs_make(struct form *f)
{
	struct form_diff *d;
	int what, both;

	for (both = 1; both >= 0; both--)
		for (what = 0; what < MERGE_N; what++) {
			d = diff_one(f, what);
			if (d == NULL || d->both != both) {
				diff_free(d);
				continue;
			}
			f->diffs = xrealloc(f->diffs, (f->ndiffs + 1) *
			    sizeof *f->diffs);
			f->diffs[f->ndiffs++] = *d;
			free(d);
		}
	f->diff_at = 0;
}

void
form_merge_choose(struct form *f, int theirs, int all)
{
	size_t i;

	for (i = 0; i < f->ndiffs; i++)
		if (all || i == f->diff_at)
			f->diffs[i].theirs_kept = theirs;
}

void
form_merge_back(struct app *a)
{
	form_diffs_free(a->form);
	app_message(a, 0, "nothing saved: F2 saves again, and shows what "
	    "differs");
}

/* Puts the person under the list's cursor once the search has run: a
 * new person is anywhere in the list, and so is one whose name changed
 * (done: "added Anna de Wit"). */
static void
list_go(struct app *a, long long pk, const char *done)
{
	long long pks[512], from;
	size_t n, i;
	struct error err;

	if (app_search(a, &err) != RC_OK || a->result == NULL)
		return;
	if (!search_result_has(a->result, pk)) {
		app_message(a, 0, "%s (not in the current filter)", done);
		return;
	}
	for (from = 0;; from += (long long)n) {
		if (search_page(a->store, a->result, a->sort, a->reverse, from,
		    pks, 512, &n, &err) != RC_OK)
			return;
		for (i = 0; i < n; i++)
			if (pks[i] == pk) {
				view_go(&a->list, from + (long long)i);
				return;
			}
		if (n < 512)
			return;
	}
}

/* Saved: back where the form was opened, the new values on show. */
static void
saved(struct app *a)
{
	long long pk = a->form->rec->pk;
	int added = a->form->pk == 0;
	struct error err;
	char name[256], done[300];

	person_name(a->store, pk, name, sizeof name);
	snprintf(done, sizeof done, "%s %s", added ? "added" : "saved", name);
	app_form_close(a);
	if (app_changed(a, &err) != RC_OK) {
		app_message(a, 1, "%s", err.msg);
		return;
	}
	app_message(a, 0, "%s", done);
	list_go(a, pk, done);
}

/* Someone saved the person since the form opened. */
static void
conflict(struct app *a, struct edit_record *theirs)
{
	struct form *f = a->form;

	f->theirs = theirs;
	diffs_make(f);
	/* An F2 typed twice must not save the merge unseen. */
	a->drop_typed = 1;
	app_message(a, 1, "%s was saved by someone else since this form "
	    "opened: y keeps yours, t theirs, field by field; F2 saves",
	    f->name != NULL ? f->name : "the person");
}

/* A refusal of the whole record names the field it is about ("given_name:
 * missing given name"): the message goes under it too, the cursor to it. */
static void
refused(struct form *f, const char *msg)
{
	const char *colon = strchr(msg, ':');
	char name[32];
	int fld = -1;

	if (colon != NULL && (size_t)(colon - msg) < sizeof name) {
		snprintf(name, sizeof name, "%.*s", (int)(colon - msg), msg);
		fld = edit_field_find(name);
	}
	if (fld < 0)
		return;
	snprintf(f->error[fld], sizeof f->error[fld], "%s", colon[1] == ' ' ?
	    colon + 2 : colon + 1);
	f->focus = (size_t)fld;
}

/* A new person who is probably someone in the pool already is refused,
 * as import and roster person add refuse them: a second record would
 * split their history. */
static int
duplicate(struct app *a)
{
	char dupe[512];
	struct error err;

	if (a->form->pk != 0)
		return 0;
	if (edit_duplicate(a->store, a->form->rec, dupe, sizeof dupe, &err)
	    != RC_OK) {
		app_message(a, 1, "not saved: %s", err.msg);
		return 1;
	}
	if (dupe[0] == '\0')
		return 0;
	app_message(a, 1, "not saved: %s: Esc, then e on them changes them",
	    dupe);
	return 1;
}

void
app_form_save(struct app *a)
{
	struct form *f = a->form;
	struct edit_record *theirs = NULL;
	struct error err;
	size_t bad;
	int rc;

	if ((bad = form_check(a)) < form_items(f)) {
		form_focus(a, bad);
		app_message(a, 1, "not saved: %s", form_error(f, bad));
		return;
	}
	if (duplicate(a))
		return;
	rc = edit_save(a->store, f->rec, &theirs, &err);
	if (rc == RC_REFUSED && theirs != NULL) {
		conflict(a, theirs);
		if (f->ndiffs == 0)	/* they saved what this form holds */
			app_form_merge_save(a);
		return;
	}
	edit_free(theirs);
	if (rc != RC_OK) {
		refused(f, err.msg);
		app_message(a, 1, "not saved: %s", err.msg);
		return;
	}
	saved(a);
}

/* Their value of one field (or list) into the form's record. */
static int
take_theirs(struct app *a, int what, struct error *err)
{
	struct edit_record *rec = a->form->rec, *th = a->form->theirs;
	size_t i;
	int rc = RC_OK;

	if (what < EF_N)
		return edit_set(a->store, rec, (enum edit_field)what,
		    th->value[what], err);
	if (what == MERGE_MISSIONS) {
		while (rec->nmissions > 0)
			edit_remove_mission(rec, rec->nmissions - 1);
		for (i = 0; i < th->nmissions && rc == RC_OK; i++)
			rc = edit_add_mission(a->store, rec, &th->missions[i],
			    err);
		return rc;
	}
	while (rec->nwindows > 0)
		edit_remove_window(rec, rec->nwindows - 1);
	for (i = 0; i < th->nwindows && rc == RC_OK; i++)
		rc = edit_add_window(a->store, rec, &th->windows[i], err);
	return rc;
}

void
app_form_merge_save(struct app *a)
{
	struct form *f = a->form;
	struct error err;
	size_t i;

	for (i = 0; i < f->ndiffs; i++)
		if (f->diffs[i].theirs_kept &&
		    take_theirs(a, f->diffs[i].what, &err) != RC_OK) {
			app_message(a, 1, "not saved: %s", err.msg);
			return;
		}
	/* Theirs is what the form now builds on. */
	f->rec->version = f->theirs->version;
	edit_free(f->loaded);
	f->loaded = f->theirs;
	f->theirs = NULL;
	form_diffs_free(f);
	form_refill(f);
	app_form_save(a);
}

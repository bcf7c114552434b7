/*
 * A page of text over the other screens: one person's record as roster
 * show prints it, their history, or the help; q returns to the screen
 * under it.  Erasing the person on show is here too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "alias.h"
#include "audit.h"
#include "date.h"
#include "erase.h"
#include "format.h"
#include "format_log.h"
#include "person.h"
#include "review.h"
#include "strbuf.h"

void
app_close_page(struct app *a)
{
	size_t i;

	for (i = 0; i < a->nlines; i++)
		free(a->lines[i]);
	free(a->lines);
	a->lines = NULL;
	a->nlines = 0;
}

void
app_page_add(struct app *a, const char *text, size_t len)
{
	a->lines = xrealloc(a->lines, (a->nlines + 1) * sizeof *a->lines);
	a->lines[a->nlines] = xmalloc(len + 1);
	memcpy(a->lines[a->nlines], text, len);
	a->lines[a->nlines++][len] = '\0';
}

/* Text of one or more lines onto the page, a line at a time. */
static void
page_add_lines(struct app *a, const char *text)
{
	const char *p, *nl;

	for (p = text; *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		app_page_add(a, p, (size_t)(nl - p));
		if (*nl == '\0')
			break;
	}
}

/* The person's record as roster show prints it, a line at a time. */
int
app_open(struct app *a, long long pk, struct error *err)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;
	int rc;

	if ((fp = open_memstream(&buf, &len)) == NULL)
		return error_set(err, RC_DB, "out of memory");
	rc = format_show(a->store, pk, a->today, fp, err);
	if (rc == RC_OK)
		rc = format_timeline(a->store, pk, a->today, a->cols, fp, err);
	fclose(fp);
	if (rc == RC_OK) {
		app_close_page(a);
		page_add_lines(a, buf);
		a->detail_pk = pk;
		person_id(a->store, pk, a->detail_id);
		person_label(a->store, pk, a->detail_name,
		    sizeof a->detail_name);
		a->screen = SCREEN_DETAIL;
		view_set_size(&a->page, (long long)a->nlines, a->page.height);
	}
	free(buf);
	return rc;
}

void
app_reopen(struct app *a)
{
	long long top = a->page.top;
	struct error err;

	if (a->detail_pk < 0 || !app_detail_still(a))
		return;
	if (app_open(a, a->detail_pk, &err) != RC_OK)
		app_message(a, 1, "%s", err.msg);
	a->page.top = a->page.cursor = top;
}

int
app_detail_still(struct app *a)
{
	char id[PERSON_ID_LEN], kept[PERSON_ID_LEN];
	char name[sizeof a->detail_name], into[sizeof a->detail_name];
	long long pk;
	int found;
	struct error err;

	if (strcmp(person_id(a->store, a->detail_pk, id), a->detail_id) == 0)
		return 1;
	snprintf(name, sizeof name, "%s", a->detail_name);
	/* Merged into another record: that record is who they are now. */
	if (alias_resolve(a->store, a->detail_id, kept, &found, &err) ==
	    RC_OK && found && person_find(a->store, kept, &pk, &err) == RC_OK) {
		a->detail_pk = pk;
		snprintf(a->detail_id, sizeof a->detail_id, "%s", kept);
		app_message(a, 1, "%s was merged into %s by another roster", name,
		    person_label(a->store, pk, into, sizeof into));
		return 1;
	}
	if (app_page_leave(a, a->back_to, &err) != RC_OK)
		app_message(a, 1, "%s", err.msg);
	else
		app_message(a, 1, "%s is no longer in the pool (erased by "
		    "another roster)", name);
	return 0;
}

void
app_person_show(struct app *a, long long pk)
{
	struct error err;

	a->back_to = a->screen;
	if (app_open(a, pk, &err) != RC_OK)
		app_message(a, 1, "%s", err.msg);
	view_go(&a->page, 0);
}

int
app_review(struct app *a, struct error *err)
{
	char name[256], day[DATE_LEN];
	int rc;

	if (a->read_only)
		return error_set(err, RC_REFUSED, "read-only: the record cannot "
		    "be marked reviewed (roster was started with --read-only)");
	if ((rc = review_mark(a->store, a->detail_pk, a->today, err)) !=
	    RC_OK)
		return rc;
	app_reopen(a);
	date_format(a->today, day);
	app_message(a, 0, "%s reviewed on %s", person_name(a->store,
	    a->detail_pk, name, sizeof name), day);
	return RC_OK;
}

int
app_page_leave(struct app *a, enum mode to, struct error *err)
{
	a->detail_pk = -1;
	app_close_page(a);
	return app_show(a, to, err);
}

void
app_help_shown(struct app *a, long long line)
{
	if (a->screen != SCREEN_HELP && a->screen != SCREEN_DETAIL)
		a->help_from = a->screen;
	a->screen = SCREEN_HELP;
	view_go(&a->page, 0);
	a->page_line = line;
}

void
app_resize(struct app *a, int cols)
{
	a->cols = cols;
	if (a->screen == SCREEN_DETAIL)
		app_reopen(a);
}

/* The audit lines read so far, each as the history shows it. */
struct history {
	struct strbuf	*lines;
	size_t		 n;
};

static int
history_add(const struct audit_entry *e, void *arg)
{
	struct history *h = arg;

	h->lines = xrealloc(h->lines, (h->n + 1) * sizeof *h->lines);
	memset(&h->lines[h->n], 0, sizeof h->lines[h->n]);
	format_log_entry(e, &h->lines[h->n++]);
	return 0;
}

int
app_history_open(struct app *a, struct error *err)
{
	struct history h = { NULL, 0 };
	struct strbuf title = { 0 };
	char id[PERSON_ID_LEN], name[256];
	size_t i;
	int rc;

	person_id(a->store, a->detail_pk, id);
	person_name(a->store, a->detail_pk, name, sizeof name);
	if ((rc = audit_each(a->store, id, NULL, history_add, &h, err)) ==
	    RC_OK) {
		app_close_page(a);
		strbuf_addf(&title, "History of %s (%s)", name, id);
		app_page_add(a, title.s, title.len);
		page_add_lines(a, "Newest first; times in UTC.");
		app_page_add(a, "", 0);
		if (h.n == 0)
			page_add_lines(a, "Nothing recorded.");
		for (i = h.n; i-- > 0;)
			page_add_lines(a, strbuf_str(&h.lines[i]));
		a->screen = SCREEN_HISTORY;
		view_set_size(&a->page, (long long)a->nlines, a->page.height);
		view_go(&a->page, 0);
	}
	for (i = 0; i < h.n; i++)
		strbuf_free(&h.lines[i]);
	free(h.lines);
	strbuf_free(&title);
	return rc;
}

void
app_erase_ask(struct app *a)
{
	char name[256];

	if (a->read_only) {
		app_message(a, 1, "read-only: nobody can be erased (roster was "
		    "started with --read-only)");
		return;
	}
	person_name(a->store, a->detail_pk, name, sizeof name);
	app_message(a, 0, "Erase %s for good? All their data goes; type y",
	    name);
	app_modal_set(a, KEYS_ERASE);
}

int
app_erase(struct app *a, struct error *err)
{
	char name[256];
	int rc;

	person_name(a->store, a->detail_pk, name, sizeof name);
	if ((rc = erase_person(a->store, a->detail_pk, err)) != RC_OK)
		return rc;
	/* The list, searched again, without them. */
	if ((rc = app_page_leave(a, SCREEN_LIST, err)) != RC_OK ||
	    (rc = app_changed(a, err)) != RC_OK)
		return rc;
	app_message(a, 0, "erased %s", name);
	return RC_OK;
}

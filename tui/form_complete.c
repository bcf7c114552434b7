/*
 * Tab in the person form: the word before the cursor completed from the
 * vocabularies the core knows (edit_complete): languages, themes and
 * skills (one item of the list, after the last ';'), a mission's name,
 * country and themes.  As in a shell: one candidate is filled in, several
 * fill in what they share and are listed under the field, and a Tab that
 * has nothing (more) to do moves to the next field.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "app.h"
#include "form.h"
#include "strbuf.h"

/* The most candidates listed. */
#define FOUND_MAX	40

struct found {
	char	*value[FOUND_MAX];
	char	*label[FOUND_MAX];
	size_t	 n;
	int	 more;		/* there were more than FOUND_MAX */
};

static int
found_add(const char *value, const char *label, void *arg)
{
	struct found *fd = arg;

	if (fd->n == FOUND_MAX) {
		fd->more = 1;
		return 1;
	}
	fd->value[fd->n] = xstrdup(value);
	fd->label[fd->n++] = xstrdup(label != NULL ? label : "");
	return 0;
}

static void
found_free(struct found *fd)
{
	size_t i;

	for (i = 0; i < fd->n; i++) {
		free(fd->value[i]);
		free(fd->label[i]);
	}
}

/* The vocabulary of the item under the cursor, or -1; *list: the value
 * is a ';' list, completed an item at a time. */
static int
vocabulary(const struct form *f, int *list)
{
	struct form_at at = form_item(f, f->focus);

	*list = 1;
	if (at.kind == FK_FIELD && (at.row == EF_LANGUAGES ||
	    at.row == EF_THEMES || at.row == EF_SKILLS))
		return (int)at.row;
	*list = 0;
	if (at.kind == FK_FIELD && (at.row == EF_GENDER ||
	    at.row == EF_STATUS || at.row == EF_DNC))
		return (int)at.row;
	if (at.kind != FK_MISSION)
		return -1;
	if (at.cell == MC_THEMES) {
		*list = 1;
		return EF_THEMES;
	}
	if (at.cell == MC_MISSION)
		return EDIT_MISSIONS;
	return at.cell == MC_COUNTRY ? EDIT_COUNTRIES : -1;
}

/* How many leading bytes all candidates share, ignoring ASCII case. */
static size_t
shared(const struct found *fd)
{
	size_t n = strlen(fd->value[0]), i, k;

	for (i = 1; i < fd->n; i++) {
		for (k = 0; k < n && fd->value[i][k] != '\0' &&
		    strncasecmp(fd->value[i] + k, fd->value[0] + k, 1) == 0; k++)
			continue;
		n = k;
	}
	return n;
}

static void
list_them(struct form *f, const struct found *fd)
{
	struct strbuf b = { 0 };
	size_t i;

	for (i = 0; i < fd->n; i++) {
		strbuf_addf(&b, "%s%s", i > 0 ? "  " : "", fd->value[i]);
		if (*fd->label[i] != '\0' && strcmp(fd->label[i],
		    fd->value[i]) != 0)
			strbuf_addf(&b, " %s", fd->label[i]);
	}
	if (fd->more)
		strbuf_adds(&b, "  ...");
	snprintf(f->hint, sizeof f->hint, "%s", strbuf_str(&b));
	strbuf_free(&b);
}

/* Replaces text[from..cursor) by len bytes of with. */
static void
put(struct line *l, size_t from, const char *with, size_t len)
{
	struct strbuf b = { 0 };
	const char *text = line_text(l);
	size_t end = l->cursor;

	strbuf_add(&b, text, from);
	strbuf_add(&b, with, len);
	strbuf_adds(&b, text + end);
	line_set(l, strbuf_str(&b));
	l->cursor = from + len;
	strbuf_free(&b);
}

/* The candidate spelled as typed, ignoring case, or -1: a code typed
 * whole ("ne") is complete even though names start with it ("Nepal"). */
static int
exact(const struct found *fd, const char *typed)
{
	size_t i;

	for (i = 0; i < fd->n; i++)
		if (strcasecmp(fd->value[i], typed) == 0)
			return (int)i;
	return -1;
}

/* The completions of text[from..cursor) into the line; 0 when there was
 * nothing to do. */
static int
apply(struct form *f, struct line *l, size_t from, int voc,
    const struct found *fd)
{
	size_t len = l->cursor - from, n;
	struct strbuf typed = { 0 };
	int one;

	strbuf_add(&typed, line_text(l) + from, len);
	one = fd->n == 1 ? 0 : exact(fd, strbuf_str(&typed));
	strbuf_free(&typed);
	if (fd->n == 0)
		return 0;
	if (one >= 0) {
		/* Done already, but for a language's level. */
		if (strncmp(fd->value[one], line_text(l) + from, len) == 0 &&
		    strlen(fd->value[one]) == len && voc != EF_LANGUAGES)
			return 0;
		put(l, from, fd->value[one], strlen(fd->value[one]));
		if (voc == EF_LANGUAGES)
			line_insert(l, ":", 1);
		f->hint[0] = '\0';
		return 1;
	}
	/* What they share, if it goes on from what was typed. */
	if ((n = shared(fd)) > len && strncasecmp(fd->value[0],
	    line_text(l) + from, len) == 0) {
		put(l, from, fd->value[0], n);
		list_them(f, fd);
		f->tab_listed = 1;
		return 1;
	}
	if (f->tab_listed)
		return 0;
	list_them(f, fd);
	f->tab_listed = 1;
	return 1;
}

int
form_complete(struct app *a)
{
	struct form *f = a->form;
	struct line *l = form_line(f, f->focus);
	struct found fd;
	struct error err;
	struct strbuf prefix = { 0 };
	const char *text, *semi;
	size_t from = 0;
	int voc, list, rc;

	if (l == NULL || (voc = vocabulary(f, &list)) < 0)
		return 0;
	text = line_text(l);
	if (list) {
		for (semi = text + l->cursor; semi > text && semi[-1] != ';';
		    semi--)
			continue;
		from = (size_t)(semi - text);
		while (text[from] == ' ' && from < l->cursor)
			from++;
	}
	strbuf_add(&prefix, text + from, l->cursor - from);
	/* Nothing typed, or a language's level: nothing to complete. */
	if (prefix.len == 0 || (voc == EF_LANGUAGES &&
	    strchr(strbuf_str(&prefix), ':') != NULL)) {
		strbuf_free(&prefix);
		return 0;
	}
	memset(&fd, 0, sizeof fd);
	rc = edit_complete(a->store, voc, strbuf_str(&prefix), found_add, &fd,
	    &err);
	strbuf_free(&prefix);
	if (rc != RC_OK) {
		found_free(&fd);
		app_message(a, 1, "%s", err.msg);
		return 1;
	}
	rc = apply(f, l, from, voc, &fd);
	found_free(&fd);
	return rc;
}

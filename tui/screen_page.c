/*
 * A page of text: one person's record, their history, or the help.  Long lines wrap
 * under their value, not under their label, and lines that report an
 * expired or missing document stand out.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "strbuf.h"
#include "width.h"

/* Where the values start: "Passport     2028-..." and "  j, Down   ...". */
#define PERSON_INDENT	13
#define HELP_INDENT	25

/* On a narrow screen, wrapped rows start at the left edge instead. */
static int
page_indent(int indent)
{
	return indent < COLS / 2 ? indent : 0;
}

struct segment {
	size_t	line;
	size_t	off;		/* bytes into the line */
};

struct page_draw {
	struct app	*a;
	struct segment	*seg;
	size_t		 nseg;
	int		 indent;
};

static int
warn_line(const struct app *a, const char *text)
{
	if (a->screen != SCREEN_DETAIL)
		return 0;
	if (strstr(text, "(expired)") != NULL)
		return 1;
	if (strncmp(text, "Do not call ", 12) == 0)
		return strstr(text, " (over)") == NULL;
	return (strncmp(text, "Passport ", 9) == 0 ||
	    strncmp(text, "Medical ", 8) == 0 ||
	    strncmp(text, "HEAT ", 5) == 0) && strstr(text, " none") != NULL;
}

/* Splits every line into rows of at most COLS columns. */
static size_t
wrap(const struct app *a, int indent, struct segment **out)
{
	struct segment *seg = NULL;
	size_t n = 0, i, off, cut, sp;
	int room;

	for (i = 0; i < a->nlines; i++) {
		off = 0;
		do {
			seg = xrealloc(seg, (n + 1) * sizeof *seg);
			seg[n].line = i;
			seg[n++].off = off;
			room = off == 0 ? COLS : COLS - page_indent(indent);
			if (room < 1)
				room = 1;
			cut = width_cut(a->lines[i] + off, (size_t)room);
			if (cut == 0)
				cut = strlen(a->lines[i] + off);
			/* Break after a space when there is one. */
			else if (a->lines[i][off + cut] != '\0') {
				sp = cut;
				while (sp > 1 && a->lines[i][off + sp - 1] != ' ')
					sp--;
				if (sp > 1)
					cut = sp;
			}
			off += cut;
		} while (a->lines[i][off] != '\0');
	}
	*out = seg;
	return n;
}

static void
page_row(void *arg, long long i, int y, int selected)
{
	struct page_draw *d = arg;
	struct app *a = d->a;
	const struct segment *s;
	struct strbuf part = { 0 };
	const char *text;
	size_t len;
	int attr = 0, x = 0;

	(void)selected;
	if (i < 0) {
		draw_text(y, 0, COLS, "", 0);
		return;
	}
	s = &d->seg[i];
	text = a->lines[s->line];
	if (warn_line(a, text))
		attr = draw_attr(a, ROLE_WARN);
	if (s->line == 0 && (a->screen == SCREEN_DETAIL ||
	    a->screen == SCREEN_HISTORY))
		attr = A_BOLD;
	if (a->screen == SCREEN_HELP && text[0] != ' ' && text[0] != '\0')
		attr = A_BOLD;
	if (s->off > 0) {
		x = page_indent(d->indent);
		draw_text(y, 0, x, "", 0);
	}
	len = (size_t)i + 1 < d->nseg && s[1].line == s->line ?
	    s[1].off - s->off : strlen(text + s->off);
	strbuf_add(&part, text + s->off, len);
	draw_text(y, x, COLS - x, strbuf_str(&part), attr);
	strbuf_free(&part);
}

void
screen_page_draw(struct app *a)
{
	struct page_draw d = { a, NULL, 0, a->screen == SCREEN_HELP ?
	    HELP_INDENT : PERSON_INDENT };
	struct strbuf where = { 0 };
	size_t rows, i;

	rows = d.nseg = wrap(a, d.indent, &d.seg);
	/* A line asked for (the help's section): its first row on top. */
	for (i = 0; a->page_line >= 0 && i < rows; i++)
		if ((long long)d.seg[i].line == a->page_line) {
			a->page.top = a->page.cursor = (long long)i;
			break;
		}
	a->page_line = -1;
	view_set_size(&a->page, (long long)rows, LINES - 1 -
	    draw_message_extra(a));
	/* The page scrolls as a whole: the cursor is its top row. */
	view_draw(&a->page, 0, page_row, &d);
	strbuf_addf(&where, " %s  %lld-%lld/%zu  ",
	    a->screen == SCREEN_HELP ? "help" : a->screen == SCREEN_HISTORY ?
	    "history" : "person", a->page.top + 1,
	    a->page.top + a->page.height < (long long)rows ?
	    a->page.top + a->page.height : (long long)rows, rows);
	/* The help and a history have none of a person's keys; the help
	 * says where the rest is. */
	keys_hint_line(a->screen == SCREEN_DETAIL ? HINT_PAGE : HINT_HELP,
	    &where);
	if (a->screen == SCREEN_HELP)
		strbuf_addf(&where, "  %s", keys_manual);
	/* A message (an error reopening, say) takes the status line. */
	if (a->message[0] != '\0')
		draw_message(a, LINES - 1 - draw_message_extra(a), "");
	else
		draw_text(LINES - 1, 0, COLS, strbuf_str(&where),
		    draw_attr(a, ROLE_STATUS));
	strbuf_free(&where);
	free(d.seg);
	curs_set(0);
}

/* Back from the help or a history to the person it was opened over, if
 * they are still there, or to the screen under them. */
static unsigned
page_back(struct app *a)
{
	enum mode to = a->screen == SCREEN_HELP ? a->help_from : a->back_to;
	struct error err;

	if (a->screen != SCREEN_DETAIL && a->detail_pk >= 0) {
		if (app_open(a, a->detail_pk, &err) == RC_OK)
			return R_ALL;
		/* The person is gone (erased meanwhile): back past them. */
		app_message(a, 1, "%s", err.msg);
		to = a->back_to;
	}
	return actions_failed(a, app_page_leave(a, to, &err), &err);
}

unsigned
screen_page_key(struct app *a, enum action action)
{
	struct error err;

	switch (action) {
	case ACT_BACK:
	case ACT_CANCEL:
		return page_back(a);
	case ACT_EDIT:
		app_form_open(a, a->detail_pk);
		return R_ALL;
	case ACT_HISTORY:
		if (app_history_open(a, &err) != RC_OK)
			app_message(a, 1, "%s", err.msg);
		return R_ALL;
	case ACT_ERASE:
		app_erase_ask(a);
		return R_ALL;
	case ACT_REVIEW:
		if (a->screen != SCREEN_DETAIL)
			break;
		return actions_failed(a, app_review(a, &err), &err);
	default:
		break;
	}
	return actions_shared(a, &a->page, action);
}

unsigned
screen_page_erase_key(struct app *a, int code, int fkey)
{
	struct error err;

	app_modal_set(a, KEYS_NORMAL);
	if (keys_find(code, fkey, KC_YES) != ACT_YES)
		app_message(a, 0, "not erased");
	else if (app_erase(a, &err) != RC_OK)
		app_message(a, 1, "%s", err.msg);
	return R_ALL;
}

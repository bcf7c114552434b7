#include <stdlib.h>
#include <string.h>

#include "line.h"

/* A continuation byte of UTF-8: not the start of a character. */
#define CONT(c)	(((unsigned char)(c) & 0xc0) == 0x80)

static void
replace(struct line *l, size_t from, size_t to, const char *with, size_t len)
{
	struct strbuf b = { 0 };
	const char *s = line_text(l);

	strbuf_add(&b, s, from);
	strbuf_add(&b, with, len);
	strbuf_adds(&b, s + to);
	strbuf_free(&l->text);
	l->text = b;
	l->cursor = from + len;
}

static size_t
prev_char(const struct line *l, size_t at)
{
	const char *s = line_text(l);

	if (at == 0)
		return 0;
	for (at--; at > 0 && CONT(s[at]); at--)
		continue;
	return at;
}

static size_t
next_char(const struct line *l, size_t at)
{
	const char *s = line_text(l);

	if (s[at] == '\0')
		return at;
	for (at++; s[at] != '\0' && CONT(s[at]); at++)
		continue;
	return at;
}

const char *
line_text(const struct line *l)
{
	return l->text.s != NULL ? l->text.s : "";
}

void
line_set(struct line *l, const char *text)
{
	strbuf_reset(&l->text);
	strbuf_adds(&l->text, text);
	l->cursor = strlen(text);
	l->browsing = l->nhistory;
	free(l->draft);
	l->draft = NULL;
}

void
line_free(struct line *l)
{
	size_t i;

	strbuf_free(&l->text);
	for (i = 0; i < l->nhistory; i++)
		free(l->history[i]);
	free(l->draft);
	memset(l, 0, sizeof *l);
}

/* In place, the tail moved once: a paste appends in constant time a
 * byte, where rebuilding the line made it quadratic. */
int
line_insert(struct line *l, const char *utf8, size_t len)
{
	size_t tail = l->text.len - l->cursor;

	if (l->text.len + len > LINE_MAX_BYTES)
		return -1;
	strbuf_add(&l->text, utf8, len);
	memmove(l->text.s + l->cursor + len, l->text.s + l->cursor, tail);
	memcpy(l->text.s + l->cursor, utf8, len);
	l->cursor += len;
	return 0;
}

void
line_left(struct line *l)
{
	l->cursor = prev_char(l, l->cursor);
}

void
line_right(struct line *l)
{
	l->cursor = next_char(l, l->cursor);
}

void
line_home(struct line *l)
{
	l->cursor = 0;
}

void
line_end(struct line *l)
{
	l->cursor = strlen(line_text(l));
}

void
line_backspace(struct line *l)
{
	replace(l, prev_char(l, l->cursor), l->cursor, "", 0);
}

void
line_delete(struct line *l)
{
	size_t at = l->cursor;

	replace(l, at, next_char(l, at), "", 0);
	l->cursor = at;
}

void
line_kill_start(struct line *l)
{
	replace(l, 0, l->cursor, "", 0);
}

void
line_kill_end(struct line *l)
{
	replace(l, l->cursor, strlen(line_text(l)), "", 0);
}

void
line_kill_word(struct line *l)
{
	const char *s = line_text(l);
	size_t at = l->cursor;

	while (at > 0 && s[at - 1] == ' ')
		at--;
	while (at > 0 && s[at - 1] != ' ')
		at--;
	replace(l, at, l->cursor, "", 0);
}

void
line_remember(struct line *l, const char *text)
{
	if (*text == '\0' || (l->nhistory > 0 &&
	    strcmp(l->history[l->nhistory - 1], text) == 0)) {
		l->browsing = l->nhistory;
		return;
	}
	if (l->nhistory == LINE_HISTORY) {
		free(l->history[0]);
		memmove(l->history, l->history + 1,
		    (LINE_HISTORY - 1) * sizeof *l->history);
		l->nhistory--;
	}
	l->history[l->nhistory++] = xstrdup(text);
	l->browsing = l->nhistory;
}

static void
show(struct line *l, const char *text)
{
	strbuf_reset(&l->text);
	strbuf_adds(&l->text, text);
	l->cursor = strlen(text);
}

void
line_older(struct line *l)
{
	if (l->browsing == 0)
		return;
	if (l->browsing == l->nhistory) {
		free(l->draft);
		l->draft = xstrdup(line_text(l));
	}
	show(l, l->history[--l->browsing]);
}

void
line_newer(struct line *l)
{
	if (l->browsing >= l->nhistory)
		return;
	if (++l->browsing == l->nhistory) {
		show(l, l->draft != NULL ? l->draft : "");
		free(l->draft);
		l->draft = NULL;
	} else
		show(l, l->history[l->browsing]);
}

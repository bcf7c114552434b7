/*
 * reply_html.c - the text of a reply that came as HTML only (callout.h):
 * what a mail reader shows, with the quoted history left out, for
 * reply_read.  Not a renderer: tags go, block tags end lines, character
 * references are decoded, and <head>, <style>, <script> and <blockquote>
 * are skipped with what they hold; the quote blocks that Gmail and
 * Outlook put after a reply end the text.
 *
 * Memory: reply_html_text returns a string the caller frees.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "callout.h"
#include "strbuf.h"

/* Elements whose content is not shown, or is the quoted message. */
static const char *const skipped[] = { "head", "style", "script",
    "blockquote", "title" };
/* Elements that end a line. */
static const char *const blocks[] = { "br", "p", "div", "tr", "li", "h1",
    "h2", "h3", "h4", "h5", "h6", "table", "hr" };
/* What marks the quoted history in a reply's HTML. */
static const char *const quote_marks[] = { "gmail_quote", "divRplyFwdMsg",
    "moz-cite-prefix", "yahoo_quoted", "appendonsend" };

static const struct {
	const char	*name;
	const char	*text;
} entities[] = {
	{ "nbsp", " " }, { "amp", "&" }, { "lt", "<" }, { "gt", ">" },
	{ "quot", "\"" }, { "apos", "'" }, { "rsquo", "\xe2\x80\x99" },
	{ "lsquo", "\xe2\x80\x98" }, { "eacute", "é" }, { "egrave", "è" },
	{ "ecirc", "ê" }, { "aacute", "á" }, { "iacute", "í" },
	{ "oacute", "ó" }, { "uacute", "ú" }, { "ntilde", "ñ" },
	{ "ccedil", "ç" }, { "auml", "ä" }, { "ouml", "ö" }, { "uuml", "ü" },
	{ "szlig", "ß" }, { "atilde", "ã" }, { "igrave", "ì" },
};

static int
in_list(const char *const *list, size_t n, const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(list[i]) == len && strncasecmp(list[i], name, len)
		    == 0)
			return 1;
	return 0;
}

static void
add_utf8(struct strbuf *b, unsigned long c)
{
	char u[4];

	if (c == 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return;
	if (c < 0x80) {
		u[0] = (char)c;
		strbuf_add(b, u, 1);
	} else if (c < 0x800) {
		u[0] = (char)(0xc0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3f));
		strbuf_add(b, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char)(0xe0 | c >> 12);
		u[1] = (char)(0x80 | (c >> 6 & 0x3f));
		u[2] = (char)(0x80 | (c & 0x3f));
		strbuf_add(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | c >> 18);
		u[1] = (char)(0x80 | (c >> 12 & 0x3f));
		u[2] = (char)(0x80 | (c >> 6 & 0x3f));
		u[3] = (char)(0x80 | (c & 0x3f));
		strbuf_add(b, u, 4);
	}
}

/* The reference at p ("&eacute;", "&#233;"): decoded into b, and where it
 * ends; an unknown one is kept as it is. */
static const char *
entity(const char *p, struct strbuf *b)
{
	const char *end = strchr(p, ';');
	size_t i, len;

	if (end == NULL || end - p > 10) {
		strbuf_add(b, p, 1);
		return p + 1;
	}
	len = end - p - 1;
	if (p[1] == '#') {
		add_utf8(b, p[2] == 'x' || p[2] == 'X' ?
		    strtoul(p + 3, NULL, 16) : strtoul(p + 2, NULL, 10));
		return end + 1;
	}
	for (i = 0; i < sizeof entities / sizeof entities[0]; i++)
		if (strlen(entities[i].name) == len &&
		    strncmp(entities[i].name, p + 1, len) == 0) {
			strbuf_adds(b, entities[i].text);
			return end + 1;
		}
	strbuf_add(b, p, 1);
	return p + 1;
}

/* The tag at p ('<'): where it ends, its name (without '/'), whether it
 * closes, and whether it marks the quoted history. */
static const char *
tag(const char *p, const char **name, size_t *len, int *closing, int *quote)
{
	const char *end = strchr(p, '>');
	size_t i;

	if (end == NULL)
		end = p + strlen(p) - 1;
	p++;
	*closing = *p == '/';
	if (*closing)
		p++;
	*name = p;
	for (*len = 0; isalnum((unsigned char)p[*len]); (*len)++)
		;
	*quote = 0;
	for (i = 0; i < sizeof quote_marks / sizeof quote_marks[0]; i++) {
		const char *m = strstr(p, quote_marks[i]);

		if (m != NULL && m < end)
			*quote = 1;
	}
	return end + 1;
}

char *
reply_html_text(const char *html)
{
	struct strbuf b = { 0 };
	const char *p = html, *name, *skip = NULL;
	size_t len, skiplen = 0;
	int closing, quote, depth = 0;

	strbuf_adds(&b, "");
	while (*p != '\0') {
		if (strncmp(p, "<!--", 4) == 0) {
			p = strstr(p, "-->") != NULL ? strstr(p, "-->") + 3 :
			    p + strlen(p);
			continue;
		}
		if (*p != '<') {
			if (skip == NULL && *p == '&')
				p = entity(p, &b);
			else {
				if (skip == NULL)
					strbuf_add(&b, *p == '\n' ? " " : p,
					    1);
				p++;
			}
			continue;
		}
		p = tag(p, &name, &len, &closing, &quote);
		if (quote && !closing && skip == NULL)
			break;
		if (skip != NULL) {
			/* The same element, nested, or its end. */
			if (len == skiplen && strncasecmp(name, skip, len) == 0)
				depth += closing ? -1 : 1;
			if (depth == 0)
				skip = NULL;
		} else if (!closing && in_list(skipped, sizeof skipped /
		    sizeof skipped[0], name, len)) {
			skip = name;
			skiplen = len;
			depth = 1;
		} else if (in_list(blocks, sizeof blocks / sizeof blocks[0],
		    name, len))
			strbuf_adds(&b, "\n");
	}
	return strbuf_steal(&b);
}

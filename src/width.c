#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "utf8.h"
#include "width.h"

/*
 * One character's visible form: itself, or an escape for control
 * characters (C0 as ^X, DEL as ^?, C1 as \xNN) so that nothing in the data
 * can move the cursor or change the terminal.
 */
static size_t
glyph(const char *s, size_t len, char *out, size_t *bytes, int *cols)
{
	uint32_t cp;
	size_t n;
	int w;

	if ((n = utf8_decode(s, len, &cp)) == 0) {
		*bytes = 1;
		*cols = 1;
		memcpy(out, "?", 2);
		return 1;
	}
	*bytes = n;
	if (cp < 0x20 || cp == 0x7f) {
		out[0] = '^';
		out[1] = cp == 0x7f ? '?' : (char)(cp + '@');
		out[2] = '\0';
		*cols = 2;
		return 2;
	}
	if (cp >= 0x80 && cp < 0xa0) {
		snprintf(out, 8, "\\x%02x", (unsigned)cp);
		*cols = 4;
		return 4;
	}
	/* Bidirectional overrides would reorder the rest of the line, and
	 * the marks and zero-width characters hide in it. */
	if (utf8_invisible(cp)) {
		snprintf(out, 8, "<%04x>", (unsigned)cp);
		*cols = 6;
		return 6;
	}
	w = wcwidth((wchar_t)cp);
	*cols = w < 0 ? 1 : w;
	memcpy(out, s, n);
	out[n] = '\0';
	if (w < 0) {
		memcpy(out, "?", 2);
		return 1;
	}
	return n;
}

size_t
width_of(const char *s)
{
	size_t len = strlen(s), i = 0, bytes, total = 0;
	char g[8];
	int cols;

	while (i < len) {
		glyph(s + i, len - i, g, &bytes, &cols);
		total += (size_t)cols;
		i += bytes;
	}
	return total;
}

void
width_fit(struct strbuf *out, const char *s, size_t cols, int pad)
{
	size_t len = strlen(s), i = 0, used = 0, bytes, n, full;
	char g[8];
	int w;

	full = width_of(s);
	while (i < len) {
		n = glyph(s + i, len - i, g, &bytes, &w);
		/* Leave room for the ellipsis when the rest does not fit. */
		if (used + (size_t)w > cols ||
		    (full > cols && used + (size_t)w > cols - 1))
			break;
		strbuf_add(out, g, n);
		used += (size_t)w;
		i += bytes;
	}
	if (i < len && cols > 0) {
		strbuf_adds(out, "\xe2\x80\xa6");
		used++;
	}
	while (pad && used < cols) {
		strbuf_adds(out, " ");
		used++;
	}
	if (out->s == NULL)
		strbuf_adds(out, "");
}

void
width_escape(struct strbuf *out, const char *s)
{
	struct strbuf line = { 0 };
	size_t n;

	for (;;) {
		n = strcspn(s, "\n");
		strbuf_reset(&line);
		strbuf_add(&line, s, n);
		width_fit(out, strbuf_str(&line), SIZE_MAX, 0);
		if (s[n] == '\0')
			break;
		strbuf_adds(out, "\n");
		s += n + 1;
	}
	strbuf_free(&line);
}

size_t
width_cut(const char *s, size_t cols)
{
	size_t len = strlen(s), i = 0, used = 0, bytes;
	char g[8];
	int w;

	while (i < len) {
		glyph(s + i, len - i, g, &bytes, &w);
		if (used + (size_t)w > cols)
			break;
		used += (size_t)w;
		i += bytes;
	}
	return i;
}

#include <stddef.h>
#include <stdint.h>

#include "utf8.h"

/*
 * Lead bytes C0 and C1 could only start overlong two-byte forms and F5 to
 * FF only values above U+10FFFF, so they are refused here already.
 */
static size_t
utf8_seqlen(unsigned char c)
{
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return 2;
	if (c >= 0xe0 && c <= 0xef)
		return 3;
	if (c >= 0xf0 && c <= 0xf4)
		return 4;
	return 0;
}

size_t
utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	static const uint32_t	 min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 n, i;
	uint32_t		 c;

	if (len == 0 || (n = utf8_seqlen(u[0])) == 0 || n > len)
		return 0;
	if (n == 1) {
		*cp = u[0];
		return 1;
	}
	c = u[0] & (0x7f >> n);
	for (i = 1; i < n; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c < min[n] || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

int
utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t		i, n;
	uint32_t	cp;

	for (i = 0; i < len; i += n) {
		if ((n = utf8_decode(s + i, len - i, &cp)) == 0) {
			if (bad != NULL)
				*bad = i;
			return 0;
		}
	}
	return 1;
}

size_t
utf8_count(const char *s, size_t len)
{
	size_t	i, count = 0;

	/* In valid UTF-8 every byte but a continuation byte starts one. */
	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	}
	return count;
}

int
utf8_bidi(uint32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 &&
	    cp <= 0x2069) || cp == 0x061c || cp == 0x200e || cp == 0x200f;
}

/*
 * Characters that show as nothing, or as a blank no different from none,
 * so that one name could pass for another: zero-width space, word joiner
 * and invisible operators, BOM, soft hyphen, combining grapheme joiner,
 * Hangul fillers, Mongolian vowel separator, line and paragraph
 * separators, interlinear annotation marks, tag characters.
 */
static int
utf8_blank(uint32_t cp)
{
	return cp == 0x200b || (cp >= 0x2060 && cp <= 0x2064) ||
	    cp == 0xfeff || cp == 0x00ad || cp == 0x034f || cp == 0x115f ||
	    cp == 0x1160 || cp == 0x180e || cp == 0x2028 || cp == 0x2029 ||
	    cp == 0x3164 || cp == 0xffa0 || (cp >= 0xfff9 && cp <= 0xfffb) ||
	    (cp >= 0xe0000 && cp <= 0xe007f);
}

int
utf8_invisible(uint32_t cp)
{
	return utf8_bidi(cp) || utf8_blank(cp);
}

const char *
utf8_control_name(uint32_t cp)
{
	if (cp < 0xa0)
		return "control character";
	if (utf8_blank(cp))
		return "invisible character";
	return "bidirectional control";
}

size_t
utf8_control(const char *text, int layout, uint32_t *cp)
{
	const char *p;
	uint32_t c;
	size_t n;

	for (p = text; *p != '\0'; p += n) {
		n = 1;
		c = (unsigned char)*p;
		/* A NUL ends a sequence cut short, so 4 reads no further. */
		if (c >= 0x80 && (n = utf8_decode(p, 4, &c)) == 0) {
			n = 1;
			continue;
		}
		if ((c < 0x20 && !(layout && (c == '\n' || c == '\t' ||
		    c == '\r'))) || (c >= 0x7f && c < 0xa0) ||
		    utf8_invisible(c)) {
			*cp = c;
			return (size_t)(p - text);
		}
	}
	return (size_t)-1;
}

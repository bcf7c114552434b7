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

size_t
utf8_control(const char *text, int layout, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)text, *p;

	for (p = s; *p != '\0'; p++) {
		if ((*p < 0x20 && !(layout && (*p == '\n' || *p == '\t' ||
		    *p == '\r'))) || *p == 0x7f) {
			*cp = *p;
			return (size_t)(p - s);
		}
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			*cp = p[1];
			return (size_t)(p - s);
		}
		if (p[0] == 0xe2 && ((p[1] == 0x80 && p[2] >= 0xaa &&
		    p[2] <= 0xae) || (p[1] == 0x81 && p[2] >= 0xa6 &&
		    p[2] <= 0xa9))) {
			*cp = 0x2000 | (uint32_t)(p[1] & 0x3f) << 6 |
			    (uint32_t)(p[2] & 0x3f);
			return (size_t)(p - s);
		}
	}
	return (size_t)-1;
}

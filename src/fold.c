#include <stdint.h>
#include <string.h>

#include "fold.h"
#include "utf8.h"

/* Greek letters with tonos or dialytika, and final sigma, to their base. */
static const struct {
	uint32_t	from, to;
} greek[] = {
	{ 0x0386, 0x0391 }, { 0x0388, 0x0395 }, { 0x0389, 0x0397 },
	{ 0x038a, 0x0399 }, { 0x038c, 0x039f }, { 0x038e, 0x03a5 },
	{ 0x038f, 0x03a9 }, { 0x0390, 0x03b9 }, { 0x03aa, 0x0399 },
	{ 0x03ab, 0x03a5 }, { 0x03ac, 0x03b1 }, { 0x03ad, 0x03b5 },
	{ 0x03ae, 0x03b7 }, { 0x03af, 0x03b9 }, { 0x03b0, 0x03c5 },
	{ 0x03c2, 0x03c3 }, { 0x03ca, 0x03b9 }, { 0x03cb, 0x03c5 },
	{ 0x03cc, 0x03bf }, { 0x03cd, 0x03c5 }, { 0x03ce, 0x03c9 },
};

static void
put_cp(struct strbuf *out, uint32_t cp)
{
	char b[2];

	/* Every target is in U+0391..U+03C9: two bytes of UTF-8. */
	b[0] = (char)(0xc0 | (cp >> 6));
	b[1] = (char)(0x80 | (cp & 0x3f));
	strbuf_add(out, b, 2);
}

void
fold_text(const char *in, struct strbuf *out)
{
	size_t len = strlen(in), i = 0, n, k;
	uint32_t cp;

	while (i < len) {
		n = utf8_decode(in + i, len - i, &cp);
		if (n == 0)
			n = 1;
		for (k = 0; n == 2 && k < sizeof greek / sizeof greek[0]; k++)
			if (greek[k].from == cp)
				break;
		if (n == 2 && k < sizeof greek / sizeof greek[0])
			put_cp(out, greek[k].to);
		else
			strbuf_add(out, in + i, n);
		i += n;
	}
	if (out->s == NULL)
		strbuf_adds(out, "");
}

/*
 * Reading a bitmap in CRoaring's portable format (the RoaringFormatSpec,
 * shared by every Roaring implementation) straight into flat words: a
 * term bitmap of 900,000 people is sixteen 8 KiB blocks to OR, where
 * walking its members one by one would cost milliseconds.
 */
#include <stdint.h>
#include <string.h>

#include "bitmap.h"

#define COOKIE_RUNS		12347	/* and (containers - 1) << 16 */
#define COOKIE_NO_RUNS		12346	/* then the count, 32 bits */
#define ARRAY_MAX		4096	/* more members make a bitset */
#define NO_OFFSET_THRESHOLD	4

static uint32_t
le16(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8;
}

static uint32_t
le32(const unsigned char *p)
{
	return le16(p) | le16(p + 2) << 16;
}

static uint64_t
le64(const unsigned char *p)
{
	return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

/* Bits first..last (inclusive) of b, those it has room for. */
static void
set_range(struct bitmap *b, uint64_t first, uint64_t last)
{
	uint64_t w, lo, hi;

	if (b->nwords == 0)
		return;
	if (last >= (uint64_t)b->nwords * 64)
		last = (uint64_t)b->nwords * 64 - 1;
	for (w = first >> 6; first <= last && w <= last >> 6; w++) {
		lo = w == first >> 6 ? first & 63 : 0;
		hi = w == last >> 6 ? last & 63 : 63;
		b->w[w] |= (hi - lo == 63 ? ~(uint64_t)0 :
		    (((uint64_t)1 << (hi - lo + 1)) - 1) << lo);
	}
}

/*
 * Walks the containers of buf, ORing them into b unless b is NULL, and
 * refuses (0) what CRoaring would take on trust: keys out of order, an
 * array out of order, runs that overlap or leave their container, and
 * (b NULL) a bitset whose count is not the header's.  CRoaring's own
 * deserialiser checks only lengths, and its later writes to such a
 * container go past the end of its memory.
 */
static int
walk(struct bitmap *b, const unsigned char *p, size_t len)
{
	const unsigned char *end = p + len, *desc, *c = NULL;
	uint32_t cookie, n, i, j, key, card, nruns, start, last;
	int64_t prev, prevkey = -1;
	uint64_t base, w;
	long long bits;
	int runs;

	if (len < 4)
		return 0;
	cookie = le32(p);
	runs = (cookie & 0xffff) == COOKIE_RUNS;
	if (runs) {
		n = (cookie >> 16) + 1;
		p += 4;
	} else if (cookie == COOKIE_NO_RUNS && len >= 8) {
		n = le32(p + 4);
		p += 8;
	} else
		return 0;
	if (n > 65536)
		return 0;
	/* The run flags, the keys and cardinalities, perhaps offsets. */
	if (runs) {
		if ((size_t)(end - p) < (n + 7) / 8)
			return 0;
		c = p;
		p += (n + 7) / 8;
	}
	desc = p;
	if ((size_t)(end - p) < (size_t)n * 4)
		return 0;
	p += (size_t)n * 4;
	if (!runs || n >= NO_OFFSET_THRESHOLD) {
		if ((size_t)(end - p) < (size_t)n * 4)
			return 0;
		p += (size_t)n * 4;
	}
	for (i = 0; i < n; i++) {
		key = le16(desc + 4 * i);
		if ((int64_t)key <= prevkey)
			return 0;
		prevkey = key;
		card = le16(desc + 4 * i + 2) + 1;
		base = (uint64_t)key << 16;
		prev = -1;
		if (runs && (c[i / 8] >> (i % 8) & 1)) {
			if (end - p < 2)
				return 0;
			nruns = le16(p);
			p += 2;
			if (nruns == 0 || (size_t)(end - p) < (size_t)nruns * 4)
				return 0;
			for (j = 0; j < nruns; j++, p += 4) {
				start = le16(p);
				last = start + le16(p + 2);
				if ((int64_t)start <= prev || last > 0xffff)
					return 0;
				prev = last;
				if (b != NULL)
					set_range(b, base + start, base + last);
			}
		} else if (card > ARRAY_MAX) {
			if (end - p < 8192)
				return 0;
			/* The count matters to CRoaring only: counting every
			 * word of every read would double a search's cost. */
			for (bits = 0, j = 0; j < 1024; j++, p += 8) {
				w = le64(p);
				if (b == NULL)
					bits += __builtin_popcountll(w);
				else if (w != 0 && (base >> 6) + j < b->nwords)
					b->w[(base >> 6) + j] |= w;
			}
			if (b == NULL && bits != card)
				return 0;
		} else {
			if ((size_t)(end - p) < (size_t)card * 2)
				return 0;
			for (j = 0; j < card; j++, p += 2) {
				if ((int64_t)le16(p) <= prev)
					return 0;
				prev = le16(p);
				if (b != NULL)
					bitmap_set(b, (long long)(base + le16(p)));
			}
		}
	}
	return p == end;
}

int
bitmap_or_portable(struct bitmap *b, const void *buf, size_t len)
{
	return walk(b, buf, len);
}

int
bitmap_portable_valid(const void *buf, size_t len)
{
	return walk(NULL, buf, len);
}

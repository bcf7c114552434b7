/*
 * Unavailability windows as sorted arrays (terms_window.h).  Availability
 * asks for the windows that start on or before D2 and end on or after D1
 * (or never): in order of first day, the sweep stops at the first window
 * that starts after D2.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "strbuf.h"
#include "terms_window.h"

#define ENTRY	12
#define OPEN	INT32_MAX	/* the last day of an open-ended window */

struct window {
	int32_t		first, last;
	uint32_t	person;
};

static int
window_cmp(const void *a, const void *b)
{
	const struct window *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	if (x->last != y->last)
		return x->last < y->last ? -1 : 1;
	return (x->person > y->person) - (x->person < y->person);
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = v & 0xff;
	p[1] = (v >> 8) & 0xff;
	p[2] = (v >> 16) & 0xff;
	p[3] = v >> 24;
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

/* The BLOB of windows w (sorted here), or 'X' when a date was bad. */
static void
block_encode(struct window *w, size_t nw, int bad, unsigned char **blob,
    size_t *n)
{
	size_t i;

	if (bad) {
		*blob = xmalloc(1);
		(*blob)[0] = 'X';
		*n = 1;
		return;
	}
	if (nw > 1)
		qsort(w, nw, sizeof *w, window_cmp);
	*n = nw * ENTRY;
	*blob = nw > 0 ? xmalloc(*n) : NULL;
	for (i = 0; i < nw; i++) {
		put32(*blob + i * ENTRY, (uint32_t)w[i].first);
		put32(*blob + i * ENTRY + 4, (uint32_t)w[i].last);
		put32(*blob + i * ENTRY + 8, w[i].person);
	}
}

int
window_block(struct store *s, long long block, unsigned char **blob,
    size_t *n, struct error *err)
{
	struct window *w = NULL;
	sqlite3_stmt *st;
	size_t nw = 0;
	int bad = 0, first = 0, last, rc, step;

	*blob = NULL;
	*n = 0;
	if ((rc = store_prepare(s, &st, "SELECT start, end, person FROM"
	    " unavailability WHERE person BETWEEN ? AND ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, block << WINDOW_BLOCK_BITS);
	sqlite3_bind_int64(st, 2, ((block + 1) << WINDOW_BLOCK_BITS) - 1);
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		last = OPEN;
		if (!date_parse((const char *)sqlite3_column_text(st, 0),
		    &first) || (sqlite3_column_type(st, 1) != SQLITE_NULL &&
		    !date_parse((const char *)sqlite3_column_text(st, 1),
		    &last)))
			bad = 1;
		w = xrealloc(w, (nw + 1) * sizeof *w);
		w[nw].first = first;
		w[nw].last = last;
		w[nw++].person = (uint32_t)sqlite3_column_int64(st, 2);
	}
	rc = step == SQLITE_DONE ? RC_OK : store_error(s, err,
	    "term bitmaps");
	sqlite3_finalize(st);
	if (rc == RC_OK && nw > 0)
		block_encode(w, nw, bad, blob, n);
	free(w);
	return rc;
}

int
window_blocks(struct store *s, long long **blocks, size_t *n,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*blocks = NULL;
	*n = 0;
	if ((rc = store_prepare(s, &st, "SELECT DISTINCT person >> ? FROM"
	    " unavailability ORDER BY 1", err)) != RC_OK)
		return rc;
	sqlite3_bind_int(st, 1, WINDOW_BLOCK_BITS);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*blocks = xrealloc(*blocks, (*n + 1) * sizeof **blocks);
		(*blocks)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	rc = rc == SQLITE_DONE ? RC_OK : store_error(s, err, "term bitmaps");
	sqlite3_finalize(st);
	return rc;
}

int
window_sweep(const unsigned char *blob, size_t n, int d1, int d2,
    struct bitmap *out)
{
	const unsigned char *p, *end = blob + n;

	if (n % ENTRY != 0)
		return 0;
	for (p = blob; p < end; p += ENTRY) {
		if ((int32_t)get32(p) > d2)
			break;
		if ((int32_t)get32(p + 4) >= d1)
			bitmap_set(out, get32(p + 8));
	}
	return 1;
}

/*
 * width.h - text measured in terminal columns, not bytes: wide (CJK)
 * characters take two, combining marks none.  Needs an UTF-8 LC_CTYPE
 * (main sets one).
 *
 * Memory: width_fit writes into a caller-owned strbuf.
 */
#ifndef ROSTER_WIDTH_H
#define ROSTER_WIDTH_H

#include <stddef.h>

#include "strbuf.h"

/* Display columns of UTF-8 s; control characters count as their escape. */
size_t	width_of(const char *s);

/*
 * Appends s to out cut to at most cols columns (ending in "…" when cut)
 * and padded with spaces to exactly cols when pad is set.  Control
 * characters are shown as visible escapes (^[, \x9b), never sent raw.
 */
void	width_fit(struct strbuf *out, const char *s, size_t cols, int pad);

/*
 * Appends s with its control characters shown as width_fit shows them,
 * but its line ends kept: a message from data, for standard error.
 */
void	width_escape(struct strbuf *out, const char *s);

/*
 * How many bytes of s, in whole characters, fit in cols columns: where to
 * break a line that wraps.
 */
size_t	width_cut(const char *s, size_t cols);

#endif

/*
 * layout.h - fitting a list's columns to the terminal width.
 *
 * Each column has a minimum, the width its content wants, and an
 * importance.  When the minimums do not fit, the least important columns
 * go first; what is left over is shared out in order of importance up to
 * what each column wants, and the rest goes to the first column (the name,
 * which is what a reader scans).
 *
 * Memory: the caller owns the column array; nothing is allocated.
 */
#ifndef ROSTER_LAYOUT_H
#define ROSTER_LAYOUT_H

#include <stddef.h>

struct layout_col {
	int	min;		/* narrowest useful width */
	int	want;		/* widest content (at least min) */
	int	rank;		/* importance: 0 is kept longest */
	int	width;		/* out: 0 when the column is dropped */
};

/*
 * Sets every column's width so that the visible ones, with gap columns
 * between them, fill at most total columns.  The column of rank 0 is never
 * dropped; if even it does not fit, it gets what there is.
 */
void	layout_fit(struct layout_col *, size_t n, int total, int gap);

#endif

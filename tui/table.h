/*
 * table.h - a list on screen drawn as a table: columns fitted to the
 * width (layout.h), each cell cut to its column and followed by a blank
 * column, so that a cut cell never runs into the next one, wide and
 * combining characters included (draw_text measures by width.h).
 *
 * Memory: a table is a plain value; the column descriptions are the
 * caller's (static tables).
 */
#ifndef ROSTER_TABLE_H
#define ROSTER_TABLE_H

#include <stddef.h>

#include "layout.h"

#define TABLE_MAX	8	/* columns */

/* A column as a screen describes it; rank 0 is kept longest. */
struct table_col {
	const char	*title;
	int		 min, want, rank;
};

struct table {
	const struct table_col	*cols;
	size_t			 n;
	struct layout_col	 lc[TABLE_MAX];
	int			 x;		/* the first column's */
	int			 end;		/* after the last */
};

/* Fits n columns between screen columns x and end. */
void	table_fit(struct table *, const struct table_col *, size_t n, int x,
	    int end);
/* Column c is at least width wide (what it holds today): fitted again. */
void	table_need(struct table *, size_t c, int width);
/* Column c wants width (what it holds today, or its title) and no
 * more, its least lowered to that: fitted again, spare room going where
 * it is needed, the rest to the first column of rank 0. */
void	table_want(struct table *, size_t c, int width);
/* A row on line y: text[i] in column i with attr[i]; base under the
 * gaps and after the last column.  NULL attr: base for every cell. */
void	table_row(const struct table *, int y, const char *const *text,
	    const int *attr, int base);
/* The titles on line y, in attr. */
void	table_titles(const struct table *, int y, int attr);

#endif

/*
 * view.h - the one scrolling list widget behind every list on screen (the
 * pool, the facets, a person's record, the help): a cursor over n rows,
 * of which height are visible from top.  Rows are drawn by a callback, so
 * the widget never knows what a row is.
 *
 * Scrolling never jumps: moving the cursor scrolls only as far as needed
 * to keep it visible, and a change of size or of n keeps the cursor's row
 * on screen where it was when it can.
 *
 * Memory: a view is a plain value; nothing is allocated.
 */
#ifndef ROSTER_VIEW_H
#define ROSTER_VIEW_H

struct view {
	long long	n;		/* rows */
	long long	cursor;
	long long	top;		/* first visible row */
	int		height;		/* visible rows */
};

/* Draws row i at screen line y (i is -1 for a line below the last row);
 * selected is the cursor's row. */
typedef void	(*view_draw_cb)(void *arg, long long i, int y, int selected);

void	view_set_size(struct view *, long long n, int height);
void	view_move(struct view *, long long delta);
void	view_go(struct view *, long long row);
/* Page keys: a whole page (or half of one) at a time. */
void	view_page(struct view *, int pages, int half);
/* Calls draw for every visible row, at lines y0 onwards. */
void	view_draw(const struct view *, int y0, view_draw_cb, void *arg);
/* The row at screen line y (drawn from y0), or -1. */
long long view_row_at(const struct view *, int y0, int y);

#endif

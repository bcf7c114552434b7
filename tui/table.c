/* Tables on screen (table.h): columns fitted, a blank column between. */
#include <curses.h>

#include "app.h"
#include "table.h"
#include "width.h"

void
table_fit(struct table *t, const struct table_col *cols, size_t n, int x,
    int end)
{
	size_t c;

	t->cols = cols;
	t->n = n < TABLE_MAX ? n : TABLE_MAX;
	t->x = x;
	t->end = end;
	for (c = 0; c < t->n; c++) {
		t->lc[c].min = cols[c].min;
		t->lc[c].want = cols[c].want;
		t->lc[c].rank = cols[c].rank;
	}
	layout_fit(t->lc, t->n, end - x, 1);
}

void
table_need(struct table *t, size_t c, int width)
{
	if (c >= t->n || width <= t->lc[c].min)
		return;
	t->lc[c].min = t->lc[c].want = width;
	layout_fit(t->lc, t->n, t->end - t->x, 1);
}

void
table_want(struct table *t, size_t c, int width)
{
	if (c >= t->n)
		return;
	if (width < (int)width_of(t->cols[c].title))
		width = (int)width_of(t->cols[c].title);
	t->lc[c].want = width;
	if (t->lc[c].min > width)
		t->lc[c].min = width;
	layout_fit(t->lc, t->n, t->end - t->x, 1);
}

void
table_row(const struct table *t, int y, const char *const *text,
    const int *attr, int base)
{
	size_t c;
	int x = t->x;

	for (c = 0; c < t->n; c++) {
		if (t->lc[c].width == 0)
			continue;
		draw_text(y, x, t->lc[c].width, text[c], attr != NULL ?
		    attr[c] : base);
		x += t->lc[c].width;
		if (x < t->end)
			draw_text(y, x, 1, "", base);
		x++;
	}
	if (x < t->end)
		draw_text(y, x, t->end - x, "", base);
}

void
table_titles(const struct table *t, int y, int attr)
{
	const char *text[TABLE_MAX];
	size_t c;

	for (c = 0; c < t->n; c++)
		text[c] = t->cols[c].title;
	table_row(t, y, text, NULL, attr);
}

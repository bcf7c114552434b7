#include "view.h"

static void
clamp(struct view *v)
{
	if (v->cursor >= v->n)
		v->cursor = v->n - 1;
	if (v->cursor < 0)
		v->cursor = 0;
	if (v->height < 1) {
		v->top = v->cursor;
		return;
	}
	if (v->cursor < v->top)
		v->top = v->cursor;
	if (v->cursor >= v->top + v->height)
		v->top = v->cursor - v->height + 1;
	/* No empty space below the last row while rows above are hidden. */
	if (v->top > v->n - v->height)
		v->top = v->n - v->height;
	if (v->top < 0)
		v->top = 0;
}

void
view_set_size(struct view *v, long long n, int height)
{
	v->n = n;
	v->height = height;
	clamp(v);
}

void
view_move(struct view *v, long long delta)
{
	v->cursor += delta;
	clamp(v);
}

void
view_go(struct view *v, long long row)
{
	v->cursor = row;
	clamp(v);
}

void
view_page(struct view *v, int pages, int half)
{
	long long step = v->height > 1 ? v->height : 1;
	long long last = v->n - 1;

	if (half)
		step = step / 2 > 0 ? step / 2 : 1;
	/* Like less: the page turns, and the cursor keeps its line. */
	v->top += pages * step;
	if (v->top > last - v->height + 1)
		v->top = last - v->height + 1;
	if (v->top < 0)
		v->top = 0;
	v->cursor += pages * step;
	if (v->cursor > last)
		v->cursor = last;
	if (v->cursor < 0)
		v->cursor = 0;
	clamp(v);
}

void
view_draw(const struct view *v, int y0, view_draw_cb draw, void *arg)
{
	long long i;

	for (i = 0; i < v->height; i++)
		draw(arg, v->top + i < v->n ? v->top + i : -1, y0 + (int)i,
		    v->top + i == v->cursor);
}

long long
view_row_at(const struct view *v, int y0, int y)
{
	long long i = v->top + (y - y0);

	if (y < y0 || y >= y0 + v->height || i >= v->n)
		return -1;
	return i;
}

/*
 * The facet panel: for the current matches, how many have each country,
 * language, theme, agency and origin - a title line per kind, then its
 * values; Enter adds the value under the cursor to the filter.  The
 * list's keys (screen_list.c) bring the panel's here.
 */
#include <curses.h>
#include <stdio.h>

#include "app.h"
#include "strbuf.h"
#include "width.h"

long long
screen_facets_rows(const struct app *a)
{
	long long n = 0;
	int k;

	if (!a->facets_valid)
		return 0;
	for (k = 0; k < FACET_N; k++)
		n += 1 + (long long)a->facets[k].n;
	return n;
}

int
screen_facets_value(const struct app *a, long long row, enum facet_kind *kind,
    const struct facet_value **v)
{
	int k;

	*v = NULL;
	if (!a->facets_valid)
		return 0;
	for (k = 0; k < FACET_N; k++) {
		*kind = (enum facet_kind)k;
		if (row == 0)
			return 1;	/* a title */
		if (row <= (long long)a->facets[k].n) {
			*v = &a->facets[k].v[row - 1];
			return 1;
		}
		row -= 1 + (long long)a->facets[k].n;
	}
	return 0;
}

struct facets_draw {
	struct app	*a;
	int		 x, width;
};

static void
facet_row(void *arg, long long i, int y, int selected)
{
	struct facets_draw *d = arg;
	struct app *a = d->a;
	const struct facet_value *v;
	enum facet_kind kind;
	char count[32];
	int cw, attr;

	if (i < 0 || !screen_facets_value(a, i, &kind, &v)) {
		draw_text(y, d->x, d->width, "", 0);
		return;
	}
	attr = selected && a->facets_focus ? draw_attr(a, ROLE_CURSOR) : 0;
	if (v == NULL) {
		draw_text(y, d->x, d->width, facet_title(kind), attr | A_BOLD |
		    A_UNDERLINE);
		return;
	}
	snprintf(count, sizeof count, " %lld", v->count);
	cw = (int)width_of(count);
	if (cw > d->width - 3)
		cw = 0;
	draw_text(y, d->x, d->width - cw, v->label, attr);
	draw_text(y, d->x + d->width - cw, cw, count, attr);
}

void
screen_facets_draw(struct app *a, int x, int width, int y0, int h)
{
	struct facets_draw d = { a, x, width };
	int y;

	view_set_size(&a->fview, screen_facets_rows(a), h);
	if (!a->facets_valid) {
		draw_text(y0, x, width, "counting...", A_DIM);
		for (y = y0 + 1; y < y0 + h; y++)
			draw_text(y, x, width, "", 0);
		return;
	}
	view_draw(&a->fview, y0, facet_row, &d);
}

unsigned
screen_facets_add(struct app *a, int exclude)
{
	const struct facet_value *v;
	enum facet_kind kind;
	struct strbuf term = { 0 };

	if (!screen_facets_value(a, a->fview.cursor, &kind, &v) || v == NULL)
		return R_NONE;
	facet_term(kind, v->value, &term);
	app_filter_add(a, strbuf_str(&term), exclude);
	strbuf_free(&term);
	return R_ALL;
}

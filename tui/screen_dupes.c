/*
 * The same person twice? (= on the pool list): each probable pair, both
 * names with the pool each came from, and the evidence, in a table of
 * the one list widget; Enter opens the pair side by side.
 */
#include <curses.h>

#include "actions.h"
#include "app.h"
#include "strbuf.h"
#include "table.h"
#include "twin.h"
#include "width.h"

enum { PL_A, PL_B, PL_WHY, PL_N };
static const struct table_col pair_cols[PL_N] = {
	{ "PERSON", 12, 30, 0 },
	{ "AND", 12, 30, 1 },
	{ "EVIDENCE", 12, 200, 2 },
};

struct pair_draw {
	struct app	*a;
	struct table	 t;
};

/* "Anna de Wit (KMar)", or the name alone from a pool with no name. */
static void
pair_name(struct strbuf *b, const char *name, const char *origin)
{
	strbuf_reset(b);
	strbuf_adds(b, name);
	if (origin != NULL && *origin != '\0')
		strbuf_addf(b, " (%s)", origin);
}

/* The cells of pair i, in a's and b's buffers. */
static void
pair_cells(const struct app *a, size_t i, struct strbuf nm[2],
    const char *text[PL_N])
{
	const struct dupes_pair *p = &a->dupes.list.pairs[i];

	pair_name(&nm[0], p->name_a, p->origin_a);
	pair_name(&nm[1], p->name_b, p->origin_b);
	text[PL_A] = strbuf_str(&nm[0]);
	text[PL_B] = strbuf_str(&nm[1]);
	text[PL_WHY] = p->evidence;
}

static void
row_pair(void *arg, long long i, int y, int selected)
{
	struct pair_draw *d = arg;
	struct strbuf nm[2] = { { 0 }, { 0 } };
	const char *text[PL_N];
	int base = selected ? draw_attr(d->a, ROLE_CURSOR) : 0;

	if (i < 0) {
		draw_text(y, 0, COLS, "", 0);
		return;
	}
	pair_cells(d->a, (size_t)i, nm, text);
	draw_text(y, 0, 2, "", base);
	table_row(&d->t, y, text, NULL, base);
	strbuf_free(&nm[0]);
	strbuf_free(&nm[1]);
}

/* The names as wide as the widest, no wider, nor wider than their
 * columns want (a pool's long name must not push the evidence out): the
 * evidence takes the rest. */
static void
pairs_fit(struct app *a, struct table *t)
{
	struct strbuf nm[2] = { { 0 }, { 0 } };
	const char *text[PL_N];
	int w[2] = { 0, 0 }, c, cw;
	size_t i;

	for (i = 0; i < a->dupes.list.n; i++) {
		pair_cells(a, i, nm, text);
		for (c = PL_A; c <= PL_B; c++)
			if ((cw = (int)width_of(text[c])) > w[c])
				w[c] = cw < pair_cols[c].want ? cw :
				    pair_cols[c].want;
	}
	for (c = PL_A; a->dupes.list.n > 0 && c <= PL_B; c++)
		table_want(t, (size_t)c, w[c]);
	strbuf_free(&nm[0]);
	strbuf_free(&nm[1]);
}

void
screen_dupes_draw(struct app *a)
{
	struct pair_draw d = { .a = a };
	struct strbuf b = { 0 }, hint = { 0 };
	size_t n = a->dupes.list.n;

	curs_set(0);
	table_fit(&d.t, pair_cols, PL_N, 2, COLS);
	pairs_fit(a, &d.t);
	draw_text(0, 0, 2, "", draw_attr(a, ROLE_HEADER));
	table_titles(&d.t, 0, draw_attr(a, ROLE_HEADER));
	view_set_size(&a->dupes.view, (long long)n, LINES - 3 -
	    draw_message_extra(a));
	view_draw(&a->dupes.view, 1, row_pair, &d);
	if (n == 0)
		draw_text(1, 0, COLS, "  no probable duplicates", 0);
	strbuf_addf(&b, " %zu probable pair%s of the same person twice", n,
	    n == 1 ? "" : "s");
	keys_hint_line(HINT_DUPES, &hint);
	screen_footer(a, strbuf_str(&b), strbuf_str(&hint));
	strbuf_free(&b);
	strbuf_free(&hint);
}

unsigned
screen_dupes_key(struct app *a, enum action action)
{
	struct error err;

	switch (action) {
	case ACT_BACK:
		app_show(a, SCREEN_LIST, &err);
		return R_ALL;
	case ACT_OPEN:
		return actions_failed(a, app_twin_open(a, &err), &err);
	default:
		return actions_shared(a, &a->dupes.view, action);
	}
}

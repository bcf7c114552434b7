#include "layout.h"

static int
used(const struct layout_col *c, size_t n, int gap)
{
	size_t i;
	int sum = 0, shown = 0;

	for (i = 0; i < n; i++)
		if (c[i].width > 0) {
			sum += c[i].width;
			shown++;
		}
	return shown > 1 ? sum + gap * (shown - 1) : sum;
}

/* The visible column that goes first: the highest rank number. */
static struct layout_col *
least(struct layout_col *c, size_t n)
{
	struct layout_col *worst = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		if (c[i].width > 0 && c[i].rank > 0 &&
		    (worst == NULL || c[i].rank > worst->rank))
			worst = &c[i];
	return worst;
}

void
layout_fit(struct layout_col *c, size_t n, int total, int gap)
{
	struct layout_col *drop;
	size_t i;
	int rank, spare, give, top = 0;

	for (i = 0; i < n; i++) {
		c[i].width = c[i].min > 0 ? c[i].min : 1;
		if (c[i].rank > top)
			top = c[i].rank;
	}
	while (used(c, n, gap) > total && (drop = least(c, n)) != NULL)
		drop->width = 0;
	spare = total - used(c, n, gap);
	for (rank = 0; rank <= top && spare > 0; rank++)
		for (i = 0; i < n && spare > 0; i++) {
			if (c[i].width == 0 || c[i].rank != rank ||
			    c[i].want <= c[i].width)
				continue;
			give = c[i].want - c[i].width;
			if (give > spare)
				give = spare;
			c[i].width += give;
			spare -= give;
		}
	for (i = 0; i < n; i++)
		if (c[i].rank == 0) {
			if (spare > 0)
				c[i].width += spare;
			else if (c[i].width > total)
				c[i].width = total > 0 ? total : 0;
			break;
		}
}

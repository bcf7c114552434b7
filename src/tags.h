/*
 * tags.h - the people a user has marked in the full-screen list, to act
 * on together (export them, add them to a deployment).
 *
 * Memory: a zeroed struct tags is empty; tags_free releases it.
 */
#ifndef ROSTER_TAGS_H
#define ROSTER_TAGS_H

#include "bitmap.h"
#include "error.h"
#include "search.h"
#include "store.h"

struct tags {
	struct bitmap	bm;	/* never a complement */
	long long	n;
};

void	tags_toggle(struct tags *, long long pk);
int	tags_has(const struct tags *, long long pk);
/* The tagged pks in increasing order, as a new array of *n (free()). */
long long *tags_pks(const struct tags *, size_t *n);
void	tags_free(struct tags *);
/* Tags every match of r. */
int	tags_add_result(struct store *, struct tags *,
	    const struct search_result *r, struct error *err);
/* The tagged people who still exist, in order, into temp.result
 * (search_collect). */
int	tags_collect(struct store *, const struct tags *, enum search_sort,
	    int reverse, struct error *err);

#endif

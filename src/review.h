/*
 * review.h - the six-monthly review of roster(5): marking a person's
 * record as confirmed current.
 *
 * Memory: nothing is allocated that outlives a call; the statements are
 * the store's; texts go to caller-owned buffers.
 */
#ifndef ROSTER_REVIEW_H
#define ROSTER_REVIEW_H

#include <stddef.h>

#include "error.h"
#include "store.h"

/*
 * Marks person pk reviewed on day (today, as the caller knows it), in one
 * transaction: reviewed = day, version + 1, updated = now, and an audit
 * line "review" with reviewed's old and new value; nothing when the
 * record was already reviewed on day.  RC_REFUSED when the person is gone.
 */
int	review_mark(struct store *, long long pk, int day, struct error *err);

/*
 * How the record shows the mark, into buf: "illness, until 2027-01-31",
 * "personal, until further notice", "leave, until 2026-11-22 (over)" once
 * its last day has passed.  0, and nothing written, when there is none.
 */
int	review_dnc_text(const char *dnc, const char *until, int today,
	    char *buf, size_t len);
/* "2026-05-02 (211 days ago)", "... (today)", or "never" for NULL. */
void	review_text(const char *reviewed, int today, char *buf, size_t len);

#endif

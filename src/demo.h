/*
 * demo.h - a made-up but realistic returnee pool (roster demo), for
 * training, tutorials, tests and benchmarks.
 *
 * The pool is drawn from the project's own pseudo-random generator, never
 * from rand() or the clock, so the same size, seed and day give the same
 * people, ids included; only the created and updated timestamps differ.
 *
 * Memory: demo_fill allocates for its own duration only and frees it all
 * before returning; the store stays the caller's.
 */
#ifndef ROSTER_DEMO_H
#define ROSTER_DEMO_H

#include <signal.h>

#include "error.h"
#include "store.h"

struct demo_opts {
	long			size;	/* people */
	unsigned long long	seed;
	int			today;	/* day number, date.h */
};

/*
 * Fills an open, empty store with a deterministic pool: the same size, seed
 * and today give the same database content.  Runs its own transaction, so
 * the caller must not be in one; on failure nothing is written.
 */
int	demo_fill(struct store *, const struct demo_opts *, struct error *err);
/*
 * demo_fill that stops, failing "interrupted", once *stop (a flag a signal
 * handler sets) is non-zero.
 */
int	demo_fill_until(struct store *, const struct demo_opts *,
	    const volatile sig_atomic_t *stop, struct error *err);

#endif

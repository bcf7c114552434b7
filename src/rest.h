/*
 * rest.h - the rest after a deployment (avail.h, AVAIL_RESTING_SQL): the
 * pool's rest_days setting, and until when someone rests, for the
 * reasons that say why they are not available ("resting until 12-18").
 *
 * Memory: nothing is allocated; results go into caller-owned buffers.
 */
#ifndef ROSTER_REST_H
#define ROSTER_REST_H

#include "error.h"
#include "store.h"

/* "resting until 12-18", or "resting until 2027-01-04" in another year
 * than today's. */
#define REST_WHY_LEN	40

/* The days of rest after a deployment: the setting, or its default. */
int	rest_days_get(struct store *, int *days, struct error *err);
/* Sets them (0..AVAIL_REST_MAX), audited with the old and new values,
 * in a transaction of its own; RC_INPUT out of range. */
int	rest_days_set(struct store *, int days, struct error *err);

/*
 * Whether person pk rests after a deployment on a day of [from, to]: the
 * last day of that rest into *until and its reason into why (when not
 * NULL), else *until is -1 and why "".
 */
int	rest_until(struct store *, long long pk, int from, int to, int today,
	    int *until, char why[REST_WHY_LEN], struct error *err);

#endif

/*
 * callout_stats.h - how fast and how people answered call-outs
 * (db/004-callout.sql; roster(1), "callout stats").
 *
 * A message's time to reply runs from the message's at to the at of the
 * first reply matched to the same call-out and member, whatever it says;
 * a reply dated before its message counts as 0.  Replies matched to no
 * call-out or no member are no one's answer and count nowhere.  A
 * member's answer is their latest reply's (decided, for an unclear reply
 * a person has read); yes rate is yes answers over messages sent.
 *
 * Memory: callout_stats fills a caller-owned struct callout_stats whose
 * arrays callout_stats_free frees; the histogram fills the caller's
 * array.
 */
#ifndef ROSTER_CALLOUT_STATS_H
#define ROSTER_CALLOUT_STATS_H

#include <stddef.h>

#include "error.h"
#include "store.h"

/*
 * Counts the messages of deployment's call-outs (its pk; 0: every
 * deployment) that were replied to, by time to reply in seconds: counts[i]
 * for i < n holds those answered in less than buckets[i] seconds and at
 * least buckets[i - 1] (0 for i = 0), counts[n] those answered later
 * than buckets[n - 1].  buckets must rise; counts has n + 1 elements.
 * Messages not answered are in no bucket: *unanswered says how many
 * (NULL: not wanted).  For the desk's histogram.
 */
int	callout_stats_histogram(struct store *, long long deployment,
	    const long *buckets, size_t n, long *counts, long *unanswered,
	    struct error *err);

#endif

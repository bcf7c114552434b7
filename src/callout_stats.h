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
 * least buckets[i - 1] (0 for i = 0), counts[n] those answered in
 * buckets[n - 1] seconds or more.  buckets must rise; counts has n + 1
 * elements.
 * Messages not answered are in no bucket: *unanswered says how many
 * (NULL: not wanted).  For the desk's histogram.
 */
int	callout_stats_histogram(struct store *, long long deployment,
	    const long *buckets, size_t n, long *counts, long *unanswered,
	    struct error *err);

/* Replies within these many seconds: 1 h, 6 h, 24 h. */
#define STATS_WITHIN_N	3
extern const long callout_stats_within[STATS_WITHIN_N];

/* The figures of one call-out, one agency or all. */
struct callout_figures {
	char	*name;			/* a code, an agency, or "all" */
	char	*deployment;		/* a call-out's; else "" */
	char	*wave;			/* a call-out's; else "" */
	char	 at[21];		/* a call-out's time; else "" */
	long	 sent;			/* messages delivered (not failed) */
	long	 replies;		/* of them, answered */
	long	 within[STATS_WITHIN_N];
	long	 median, p90;		/* seconds to reply; -1: no reply */
	long	 yes;			/* whose answer is yes */
};

/* Someone who answered none of their last n call-outs. */
struct callout_silent {
	long long	 person;
	char		*name;		/* "Anna de Wit" */
	char		*agency;
};

struct callout_stats {
	struct callout_figures	*callouts;	/* oldest first */
	size_t			 ncallouts;
	struct callout_figures	 all;
	struct callout_figures	*agencies;	/* by name */
	size_t			 nagencies;
	struct callout_silent	*silent;	/* by name */
	size_t			 nsilent;
	int			 last;		/* the n of silent */
};

/*
 * The figures of the call-outs of deployment (its name in any case;
 * NULL: all) made on or after since (YYYY-MM-DD; NULL: all), and who
 * answered none of their last `last` of them.  RC_REFUSED for a
 * deployment that does not exist.
 */
int	callout_stats(struct store *, const char *deployment,
	    const char *since, int last, struct callout_stats *out,
	    struct error *err);
void	callout_stats_free(struct callout_stats *);

#endif

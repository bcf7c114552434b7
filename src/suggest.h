/*
 * suggest.h - proposing a team for a deployment (roster(1), "deploy
 * suggest"): the fewest people who, with those already on the list, meet
 * every need, each with the reason they were picked.  No printing here:
 * the command line and the full-screen interface format the report.
 *
 * Who may be proposed.  A candidate matches the filter
 * "avail:FROM..TO ready:TO" over the deployment's window (deploy_window:
 * [start, end], or start + 90 days when open-ended), compiled by the
 * filter language itself, so a suggestion can never disagree with what a
 * coordinator sees when typing that filter: someone confirmed or deployed
 * on an overlapping deployment, away, inactive or too slow to get there is
 * not available, and papers (passport, medical, HEAT) must last until the
 * end of the window, since nobody can be flown home halfway for a lapsed
 * passport.  People already on the list, in any status, are never proposed
 * again: a declined person should not come back as a "new" suggestion.
 *
 * What is still needed.  Members proposed to deployed who meet a need
 * count towards it (as deploy_coverage counts them); one person counts for
 * every need they meet, so a Dutch-speaking first-aider fills a Dutch need
 * and a first-aid need at once.  The remaining demand of need i is
 * max(0, count - members meeting it).
 *
 * The fewest people.  People who meet the same open needs are
 * interchangeable for covering them, so candidates are grouped by that
 * set and only the best-scored few of a group (as many as its largest
 * remaining demand; with an agency cap, the best of each agency among the
 * group's best 4 x demand + 64) are considered further.  A greedy pass
 * (most open needs met first, ties by score) gives a first team; an exact
 * branch-and-bound over the groups then looks for a smaller one (or, at
 * the same size, one with a higher total score), pruning with the lower
 * bound max(largest remaining demand, remaining demand / most needs one
 * person still meets).  It stops after SUGGEST_NODE_LIMIT steps and keeps
 * the best team found, so it always answers quickly; small instances are
 * solved exactly.  A need that the candidates cannot fill is filled as
 * far as they allow, and short_by says by how many it falls short.
 *
 * Score, for choosing among interchangeable people and for the order of
 * extras: recent service in the deployment's country first (the later the
 * last year served there, the better; a mission still running counts as
 * this year; never served is worst), because knowing the ground matters
 * most in the first days; then the highest CEFR level in the languages
 * the needs they meet ask for (lang: terms, not under a NOT); then shorter
 * notice; then name (family, given, case-insensitive in ASCII as SQLite's
 * NOCASE) and id, so the same database always gives the same answer.
 *
 * Agencies.  With max_per_agency > 0, no agency ends up with more than that
 * many people among the active members already on the list plus the
 * suggestions: the cap is about how many people one home agency must
 * release, and those already on the list are released too.  Agencies are
 * compared case-insensitively (ASCII); people with no agency are not
 * capped.  When the cap makes the needs impossible to fill together as
 * far as each could be alone, the greedy team is kept and what it misses
 * is reported short.
 *
 * Size.  size 0 proposes just enough to cover the needs.  A larger size
 * adds, after the cover, the best-scored other candidates, those meeting
 * any need first, then, only if every need is covered, anyone available
 * and ready.  A smaller size keeps
 * the first size people of the cover, which come in the order that covers
 * the most remaining demand first; short_by then tells what is missing.
 *
 * Elsewhere.  A person proposed or contacted on another deployment (not
 * closed) whose dates overlap the window is still suggested, since they
 * are not booked, but their why says "also proposed for NAME".
 *
 * Left out.  People who meet at least one need's filter and are not on the
 * list but cannot be proposed are counted once each under the first
 * reason that applies: booked (confirmed or deployed on another deployment
 * that overlaps the window), unavailable (fails avail: for any other
 * reason), not ready (papers lapse before the end of the window).  They
 * tell a coordinator whether relaxing the window would help.
 *
 * Cost.  Every set (needs, availability, readiness, bookings) is a search
 * bitmap (search.h); scores come from one index pass each over the
 * country's service records, the named languages and the notice index, so
 * nothing is asked of the database once per person of the pool; only the
 * few people kept for the search are read one by one.
 *
 * Memory: suggest_team fills a caller-owned report whose arrays and
 * strings suggest_report_free releases (also after a failure).
 */
#ifndef ROSTER_SUGGEST_H
#define ROSTER_SUGGEST_H

#include <stddef.h>

#include "deploy.h"
#include "error.h"
#include "store.h"

/* Needs are a bitmask in a suggestion: more are refused (RC_INPUT). */
#define SUGGEST_MAX_NEEDS	64
/* Steps of the exact search before it settles for the best team found. */
#define SUGGEST_NODE_LIMIT	100000

struct suggestion {
	long long		 person;	/* pk */
	unsigned long long	 needs;		/* bit i: meets need i */
	int			 notice;	/* days */
	/* The last year served in the deployment's country, 0 if never. */
	int			 country_year;
	/* The highest CEFR level (1..7, 7 native) in the languages of the
	 * needs met, 0 if none. */
	int			 best_level;
	/* One line, as "meets needs 1 (lang:nl), 3 (skill:first-aid); nl C1;
	 * served in SX until 2018; notice 1 day; also proposed for MH17". */
	char			*why;
};

struct suggest_report {
	struct suggestion	*people;	/* in the order to propose */
	size_t			 n;
	/* Per need: how many are still missing after the members and the
	 * suggestions (0: covered). */
	int			*short_by;
	size_t			 nneeds;
	/* Meeting a need but left out, by the first reason that applies. */
	long long		 left_unavailable, left_not_ready, left_booked;
	/* Of the unavailable, those resting after a deployment (avail.h). */
	long long		 left_resting;
	/* The last day candidates must be free: the end, or the horizon of
	 * an open-ended deployment. */
	int			 until;
};

/* suggest_team's until: the start plus DEPLOY_OPEN_DAYS. */
#define SUGGEST_HORIZON	(-1)

/*
 * Suggests people for d (its needs, country and window) as of today (a
 * day number).  size and max_per_agency as above (0: no limit); until,
 * for an open-ended d, is the last day candidates must be free instead of
 * the start plus 90 days (SUGGEST_HORIZON: that default).
 * RC_INPUT for more than SUGGEST_MAX_NEEDS needs or a need whose filter
 * no longer compiles; RC_DB for database trouble.
 */
int	suggest_team(struct store *, const struct deployment *d, int today,
	    size_t size, size_t max_per_agency, int until,
	    struct suggest_report *out, struct error *err);
void	suggest_report_free(struct suggest_report *);

/* "left out: 1 already booked, 3 unavailable (1 resting), 0 not ready",
 * the resting said only when there are some. */
void	suggest_left_out_text(const struct suggest_report *,
	    struct strbuf *out);

#endif

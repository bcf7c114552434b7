/*
 * desk.h - the call-out desk's view of one deployment (roster(1), "The
 * call-out desk"): each member with the last message sent to them on its
 * call-outs (db/004-callout.sql) and their last reply, those whose reply
 * waits for a person to read it (unclear) first; and each need with how
 * many members are confirmed, asked (proposed or contacted) and how many
 * places are still open, as deploy_coverage and the suggestions count
 * them.  Only reads: replies are written through callout.h.
 *
 * Memory: desk_load fills a caller-owned struct desk that desk_free
 * releases (also after a failure).
 */
#ifndef ROSTER_DESK_H
#define ROSTER_DESK_H

#include <stddef.h>

#include "deploy.h"
#include "error.h"
#include "store.h"

/* A member at the desk: m points into the desk's members; NULL for an
 * unclear reply to one of the deployment's call-outs that could not be
 * matched to a member (its sender says who wrote). */
struct desk_row {
	const struct member	*m;
	char	*sender;
	char	 channel[8];		/* of the last message: "email", "" */
	char	 called[21];		/* its time, "" when never called */
	char	 result[8];		/* "sent", "failed", "printed" */
	/* The last reply: "yes", "no", "maybe", "unclear" (a decided
	 * unclear reply shows what was decided), "" without one. */
	char	 answer[8];
	char	 replied[21];
	long	 seconds;		/* from the message to the first
					 * reply to it; -1 without one */
	int	 unclear;		/* waits for a person to decide */
	char	*text, *note, *outcome;	/* of the last reply */
};

struct desk_need {
	int		 want;
	long long	 confirmed;	/* confirmed or deployed */
	long long	 asked;		/* proposed or contacted */
	long long	 open;		/* want - both, at least 0 */
};

struct desk {
	struct member	*members;
	size_t		 nmembers;
	struct desk_row	*rows;		/* unclear first, then as members */
	size_t		 nrows;
	struct desk_need *needs;	/* one per need of the deployment */
	size_t		 nneeds;
};

int	desk_load(struct store *, const struct deployment *d, int today,
	    struct desk *out, struct error *err);
void	desk_free(struct desk *);

/* A time to reply in at most 6 columns: "45s", "12m", "3h05", "2d04". */
void	desk_duration(long seconds, char buf[8]);

#endif

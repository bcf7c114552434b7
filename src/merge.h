/*
 * merge.h - bringing a stage (exchange.h) into this pool: a whole other
 * pool (`roster merge`) or a changeset (`roster apply`), by one set of
 * rules, in one transaction.
 *
 * The rules.  A staged person whose id (or alias, alias.h) is here is the
 * same person: where the records differ, the one with the later updated
 * wins, field by field (lists, service and unavailability included), and
 * each losing value is written to the audit and listed as a conflict when
 * both sides changed it since this pool last heard from the other; an
 * identical record writes nothing.  A new id is added with its origin.
 * An id erased here is not brought back (counted, not listed by name); an
 * id the stage says was erased is erased here (erase.h), which leaves the
 * tombstone.  Deployments meet by id in the same way, their members by
 * (deployment, person).  A theme, skill or language the pool lacks is
 * reported and the merge refused, unless add_vocabulary adds it.  A known
 * pool that comes under a new name renames the origin of its records.
 * The mark (pool.mark) of the stage's pool becomes its until.
 *
 * A merge is one large transaction: merge_stage keeps the connection's
 * temporary storage in memory from then on (PRAGMA temp_store, which
 * drops its temporary tables) and its page cache large; call it on a
 * connection of a command's own, not the full screen's.
 *
 * Memory: a merge_report owns its arrays and strings and is released with
 * merge_report_free.
 */
#ifndef ROSTER_MERGE_H
#define ROSTER_MERGE_H

#include <stdio.h>

#include <sqlite3.h>

#include "error.h"
#include "exchange.h"
#include "person.h"
#include "store.h"

struct merge_opts {
	int		 dry_run;	/* everything, then roll back */
	int		 add_vocabulary;
	/*
	 * A changeset: refused (RC_REFUSED) when already applied (its until
	 * at or below the mark), RC_INPUT when out of order (its since past
	 * the mark: changes between are missing), from this pool itself, or
	 * from a newer schema.  A whole pool is taken whatever the mark.
	 */
	int		 changeset;
	/* The origin of staged records that carry none (an export
	 * directory from a pool without a name); NULL: refuse them. */
	const char	*origin;
};

/* Per origin: what became of its staged people. */
struct merge_tally {
	char		 origin[POOL_NAME_MAX + 1];
	long long	 added, updated, unchanged, conflicting;
	long long	 erased;	/* erased here as the stage said */
	long long	 refused;	/* erased here before: not brought back */
};

/* One field two pools both changed; kept is what the pool now holds. */
struct merge_conflict {
	char		 id[PERSON_ID_LEN];
	char		*name;		/* "Anna de Wit" (or a deployment's) */
	char		*field;		/* "phone", "languages", "missions" */
	char		*kept, *lost;
	char		*kept_from, *lost_from;	/* the two origins */
};

struct merge_report {
	struct exchange_meta	 meta;	/* the stage's */
	struct merge_tally	*tally;
	size_t			 ntally;
	struct merge_conflict	*conflicts;
	size_t			 nconflicts;
	long long		 deployments_added, deployments_updated;
	/* A deployment whose name this pool gives another: "Irma 2017
	 * (KMar)", the name it has here. */
	char			**deploy_renamed;
	size_t			 ndeploy_renamed;
	char			**missing;	/* "theme:cyber-crime" */
	size_t			 nmissing;
	int			 vocabulary_added;	/* missing were added */
	char			*renamed;	/* "KMar is now called ..." */
};

int	merge_stage(struct store *, sqlite3 *stage, const struct merge_opts *,
	    struct merge_report *, struct error *err);
void	merge_report_free(struct merge_report *);

#endif

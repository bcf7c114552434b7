/*
 * pool.h - this pool's own name and id, its change number, and the other
 * pools it has taken records from (db/005-pools.sql; roster(1), Pools).
 *
 * A pool's short name (setting 'pool_name') is the origin of every
 * record made in it; records made before it had one carry '' and get the
 * name when it is given.  Renaming the pool renames the origin of its own
 * records, and only of those.
 *
 * Memory: a pool_info owns its known pools' strings and is released with
 * pool_info_free.
 */
#ifndef ROSTER_POOL_H
#define ROSTER_POOL_H

#include "error.h"
#include "exchange.h"
#include "person.h"
#include "store.h"

/* A pool this one has taken records from (table pool). */
struct pool_known {
	char		 id[PERSON_ID_LEN];
	char		*name;
	long long	 mark;		/* the last of its changes applied */
	char		*at;		/* when, UTC */
};

struct pool_info {
	char			 name[POOL_NAME_MAX + 1];	/* "": none yet */
	char			 id[PERSON_ID_LEN];
	long long		 change;	/* change_counter.n */
	struct pool_known	*known;
	size_t			 nknown;
};

int	pool_info_get(struct store *, struct pool_info *, struct error *err);
void	pool_info_free(struct pool_info *);

/*
 * Whether name may be a pool's name: 1 to POOL_NAME_MAX bytes of letters
 * (in any script), digits, spaces, '-', '_' and '.'.  RC_INPUT with a
 * message that says what is wrong.
 */
int	pool_name_check(const char *name, struct error *err);

/* What pool_name_set did, or would have had to do. */
struct pool_naming {
	char		 old[POOL_NAME_MAX + 1];	/* "": none before */
	int		 same;		/* the name it had: nothing written */
	/* Records that carry (or were given) the name. */
	long long	 people, deployments;
};

/*
 * Names the pool, in a transaction of its own, audited: the records made
 * before it had a name ('' origin) get the name.  A pool that already has
 * another name is renamed only with rename, which renames the origin of
 * its own records too; without it RC_REFUSED, n's counts saying how many
 * records carry the old name.  A bad name is RC_INPUT; nothing changes.
 */
int	pool_name_set(struct store *, const char *name, int rename,
	    struct pool_naming *n, struct error *err);

#endif

/*
 * alias.h - ids merged into another person's record.  When two records
 * of one person are merged (dupes.h), the record that goes leaves its id
 * behind as an alias of the one kept, so that files, changesets and
 * commands that still name it reach the kept person.  An alias always
 * names a person's current id: merging the kept person in turn moves its
 * aliases along.
 *
 * Memory: nothing here allocates; ids are copied into the caller's
 * buffers.
 */
#ifndef ROSTER_ALIAS_H
#define ROSTER_ALIAS_H

#include "error.h"
#include "person.h"
#include "store.h"

/*
 * The id a file's id stands for: kept is id's kept person when id is an
 * alias (*found 1), else id itself (*found 0).
 */
int	alias_resolve(struct store *, const char *id,
	    char kept[PERSON_ID_LEN], int *found, struct error *err);

/*
 * Records alias (a record being merged away) as kept's, and moves the
 * aliases alias had to kept.  Inside the caller's transaction.
 */
int	alias_add(struct store *, const char *alias, const char *kept,
	    struct error *err);

#endif

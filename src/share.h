/*
 * share.h - roster share: a pool shared by a team on one host, each
 * coordinator a Unix user of one group.  Shared, the database and its
 * -wal and -shm files are of the group and mode 0660; private, 0600.
 * The group is remembered in the setting STORE_SHARE_GROUP, which
 * store_open honours for the -wal and -shm files it finds or makes, and
 * every change is audited (entity "pool", action "share", the group's
 * old and new value).
 *
 * Memory: nothing is kept; results go into caller-owned buffers.
 */
#ifndef ROSTER_SHARE_H
#define ROSTER_SHARE_H

#include <limits.h>
#include <stddef.h>

#include "error.h"
#include "store.h"

/* The group the pool is shared with, "" when private. */
int	share_get(struct store *, char *group, size_t len,
	    struct error *err);

struct share_result {
	char	old[256];		/* the group before, "" private */
	/* The directory is not the group's to write: should the -wal and
	 * -shm go, the others could not make them again. */
	int	dir_closed;
	/* The nearest directory above the pool that the group may not
	 * pass (a home of mode 0700), "" when it may reach the pool. */
	char	unreachable[PATH_MAX];
};

/*
 * Shares the pool with group, or makes it private (group NULL).  Only
 * the file's owner may; a group that does not exist, or that the user
 * is not in, is RC_INPUT, nothing changed.
 */
int	share_set(struct store *, const char *group, struct share_result *,
	    struct error *err);

#endif

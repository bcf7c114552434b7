/*
 * backup.h - roster backup: a copy of the open database, made through
 * SQLite's online backup API, so others may go on reading and writing
 * while it is made.  The copy is written under a new name beside the
 * file asked for (0600, export_file_open) and renamed over it only when
 * complete: a failure never leaves half a backup, nor spoils an older
 * one.
 *
 * Memory: nothing is kept; the caller owns its arguments.
 */
#ifndef ROSTER_BACKUP_H
#define ROSTER_BACKUP_H

#include "error.h"
#include "store.h"

/*
 * Copies the database to path; refuses (RC_INPUT) a path that is the
 * database itself or its -wal or -shm file.  *people is how many people
 * the copy holds.
 */
int	backup_file(struct store *, const char *path, long long *people,
	    struct error *err);

/*
 * Whether path may be written over by a file roster makes (the what: a
 * "backup", a "changeset"): a new file or an older one; not a directory
 * (example is the name to suggest in it), a device or the database
 * itself (RC_INPUT).
 */
int	backup_check_target(const struct store *, const char *path,
	    const char *what, const char *example, struct error *err);

#endif

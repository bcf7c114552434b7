/*
 * export.h - writing the pool (or the people a filter matches) as the
 * roster(5) files people.csv, missions.csv, unavailability.csv,
 * deployments.csv and assignments.csv.
 *
 * Output is canonical (people by id, lists sorted, deployments by start
 * and name), so exporting, importing into an empty database and exporting
 * again gives identical files.  With a filter, the assignments are those
 * of the people it matches and the deployments those they are on; without
 * one, every deployment.  Each file is written beside its final name and
 * renamed into place only when all are written, so a failure never leaves
 * a half-written file; SIGINT, SIGTERM and SIGHUP are held meanwhile, and
 * one that came removes the files before it takes effect.
 *
 * Memory: nothing is kept; the caller owns its arguments.
 */
#ifndef ROSTER_EXPORT_H
#define ROSTER_EXPORT_H

#include <limits.h>
#include <signal.h>
#include <stdio.h>

#include "error.h"
#include "store.h"

/*
 * A file roster writes for the user, 0600 at any umask like the database
 * (it holds phone numbers).  With replace, it is written under a new name
 * beside path (mkstemp: no link or file planted there can be followed or
 * reused) and renamed over path when complete; without, path itself is
 * created and one that exists, even as a link, is refused (RC_REFUSED,
 * "file exists").
 */
struct export_file {
	FILE	*fp;
	char	 path[PATH_MAX];
	char	 tmp[PATH_MAX];		/* "" when path is written itself */
};

int	export_file_open(struct export_file *, const char *path, int replace,
	    struct error *err);
/* Flushes, syncs and closes fp; returns rc or what failed. */
int	export_file_finish(struct export_file *, int rc, struct error *err);
/*
 * After finish: with rc RC_OK renames the file into place; otherwise, or
 * if that fails, removes what was written.  Returns rc or what failed.
 */
int	export_file_commit(struct export_file *, int rc, struct error *err);
/* Finish and commit. */
int	export_file_close(struct export_file *, int rc, struct error *err);

/*
 * While files are written: the signals that would end the program
 * (SIGINT, SIGTERM, SIGHUP...) held, and the file size limit (SIGXFSZ)
 * a failed write, reported as a full disk.  Before release, the caller
 * asks export_stopped whether one came, and if so removes its files:
 * release then lets the signal take effect.
 */
struct export_hold {
	sigset_t		mask;
	struct sigaction	xfsz;
};

void	export_hold_signals(struct export_hold *);
int	export_stopped(void);
void	export_release_signals(struct export_hold *);

/*
 * filter may be NULL or "" for everyone; *n is how many people, and
 * *left_out how many who left the service had their contacts left out
 * (flags: FORMAT_LEFT_CONTACTS of format.h writes them).
 */
int	export_dir(struct store *, const char *dir, const char *filter,
	    int today, int flags, long long *n, long long *left_out,
	    struct error *err);

#endif

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
 * a half-written file.
 *
 * Memory: nothing is kept; the caller owns its arguments.
 */
#ifndef ROSTER_EXPORT_H
#define ROSTER_EXPORT_H

#include <stdio.h>

#include "error.h"
#include "store.h"

/*
 * A file roster writes for the user, created 0600 like the database (it
 * holds phone numbers): one that exists is refused (RC_REFUSED, "file
 * exists") unless replace, which truncates it and makes it 0600.
 */
int	export_file_open(const char *path, int replace, FILE **fp,
	    struct error *err);

/* filter may be NULL or "" for everyone; *n is how many people. */
int	export_dir(struct store *, const char *dir, const char *filter,
	    int today, long long *n, struct error *err);

#endif

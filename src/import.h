/*
 * import.h - reading people, missions, unavailability, deployments and
 * assignments files (roster(5)) into the store, all files in one
 * transaction: one bad row anywhere and nothing is written.
 *
 * Memory: the caller owns the file names, the stats and the report.
 */
#ifndef ROSTER_IMPORT_H
#define ROSTER_IMPORT_H

#include <stddef.h>

#include "error.h"
#include "store.h"
#include "strbuf.h"

/* The kinds of file, in the order an import applies them. */
enum file_kind { FILE_PEOPLE, FILE_MISSIONS, FILE_UNAVAILABILITY,
    FILE_DEPLOYMENTS, FILE_ASSIGNMENTS, FILE_NKINDS };

#define IMPORT_MAX_ERRORS 20

struct import_stats {
	long	rows[FILE_NKINDS];
	long	erased;		/* rows of erased people, left out */
	long	merged;		/* rows of ids merged into another's */
};

enum {
	IMPORT_DRY_RUN = 1 << 0,	/* validate everything, write nothing */
	/* On success, a line a people file in report: what it changes. */
	IMPORT_CHANGES = 1 << 1,
	/* Add an id-less person who is probably someone already met. */
	IMPORT_ALLOW_DUPLICATES = 1 << 2,
};
/* Flags for files with sep between columns; without, a comma. */
#define IMPORT_SEPARATOR(sep)	((int)(unsigned char)(sep) << 8)

/*
 * Imports the files.  On bad input returns RC_INPUT; every problem found
 * (up to IMPORT_MAX_ERRORS) is a line "FILE:LINE: column C (NAME): ..."
 * in report, and err says how many were found.  A good import adds to
 * report a line a likely duplicate it added (IMPORT_ALLOW_DUPLICATES)
 * and, with IMPORT_CHANGES, a line a people file saying what it changes.
 */
int	import_files(struct store *, char *const *files, size_t nfiles,
	    int flags, struct import_stats *, struct strbuf *report,
	    struct error *err);

/* The columns of a kind of file, in the order export writes them. */
const char *const *import_columns(enum file_kind);
const char *import_kind_name(enum file_kind);

#endif

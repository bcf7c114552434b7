/*
 * merge_source.h - filling a merge's stage (exchange.h) from what
 * `roster merge` is given: another pool's database file, which is only
 * read (a private copy of it is upgraded and staged), or an export
 * directory, whose files are imported into a pool in memory and staged
 * from there.
 *
 * Memory: nothing is kept; the private copy is removed before return,
 * on failure too.
 */
#ifndef ROSTER_MERGE_SOURCE_H
#define ROSTER_MERGE_SOURCE_H

#include <sqlite3.h>

#include "error.h"
#include "strbuf.h"

/*
 * Stages the pool in the file path: RC_INPUT when it is the database
 * target (the pool merged into) itself, not a roster database, or from
 * a newer roster.
 */
int	merge_source_db(const char *target, const char *path, sqlite3 *stage,
	    struct error *err);

/*
 * Stages the files (*.csv) of an export directory, as no pool's (its
 * pool id and name empty): the origin of each record is its origin
 * column, or the merge's.  An import's problems are lines in report.
 */
int	merge_source_dir(const char *dir, sqlite3 *stage, struct strbuf *report,
	    struct error *err);

#endif

/*
 * testdb.h - scratch databases for the unit tests.
 *
 * Memory: testdb_open returns a store the test closes with testdb_close,
 * which also deletes its files.
 */
#ifndef ROSTER_TESTDB_H
#define ROSTER_TESTDB_H

#include <stddef.h>

#include "store.h"

/* A new empty database in a temporary file; fails the test on error. */
struct store	*testdb_open(void);
void		 testdb_close(struct store *);
/* The path of the database testdb_open made last. */
const char	*testdb_path(void);

void		 testdb_exec(struct store *, const char *sql);
long long	 testdb_int(struct store *, const char *sql);

/* How many people the filter matches; the filter must compile. */
long long	 testdb_count(struct store *, const char *filter, int today);
/* Whether the filter matches the person with this family name. */
int		 testdb_matches(struct store *, const char *filter, int today,
		    const char *family_name);
/* Compiles a filter that must fail; returns the status, message in msg. */
int		 testdb_error(struct store *, const char *filter, int today,
		    char *msg, size_t len);

/* Writes content to a new file in a temporary directory; returns its path
 * (static storage, valid until the next call with the same slot). */
const char	*testdb_file(int slot, const char *name, const char *content);

#endif

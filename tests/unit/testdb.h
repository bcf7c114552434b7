/*
 * testdb.h - scratch databases for the unit tests, empty or holding the
 * fixture pool of fixture.h, and the cmocka setup and teardown that make
 * and close them.
 *
 * Memory: testdb_open and testdb_fixture return a store the test closes
 * with testdb_close, which also deletes its files; testdb_setup* leave one
 * in *state for testdb_teardown.
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

/* FIXTURE_TODAY as a day number: "today" in every test. */
int		 testdb_today(void);
/* Imports a people file and, unless NULL, a missions file, both given as
 * CSV text, through the real import path; fails the test on error. */
void		 testdb_import(struct store *, const char *people,
		    const char *missions);
/* A new database holding the fixture pool. */
struct store	*testdb_fixture(void);

/* cmocka setup: *state is a new empty database, or one holding the
 * fixture pool; testdb_teardown closes either. */
int		 testdb_setup(void **state);
int		 testdb_setup_fixture(void **state);
int		 testdb_teardown(void **state);
/* A test run on a new empty database, or on one holding the fixture. */
#define testdb_test(f) \
	cmocka_unit_test_setup_teardown(f, testdb_setup, testdb_teardown)
#define testdb_fixture_test(f) \
	cmocka_unit_test_setup_teardown(f, testdb_setup_fixture, \
	    testdb_teardown)

struct deployment;
/*
 * Creates a deployment as roster deploy create does: end NULL is
 * open-ended, needs a NULL-terminated list of "N:FILTER" (or NULL);
 * unless out is NULL, reads it back into out (deploy_clear).
 */
void		 testdb_deploy(struct store *, const char *name,
		    const char *kind, const char *country, const char *start,
		    const char *end, const char *const *needs,
		    struct deployment *out);

void		 testdb_exec(struct store *, const char *sql);
/* Runs sql as roster writes: in a transaction of store_begin and
 * store_commit. */
void		 testdb_write(struct store *, const char *sql);
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

/*
 * changeset.h - the changeset file of `roster changes` and `roster apply`:
 * a stage (exchange.h) as it travels between pools, on a USB stick or as
 * an e-mail attachment.
 *
 * The file is one header line,
 *
 *	roster-changeset 1 schema 5 bytes 5678 sha256 HEX\n
 *
 * (the format, the source's schema version, the length of the body and
 * the SHA-256 of the line before " sha256" and the body), then the body: the changeset an sqlite3session attached
 * to the stage recorded while exchange_fill filled it, in SQLite's own
 * format.  Reading replays the body into a new, empty stage, where it
 * meets no conflict, and checks what it holds with exchange_meta_read: a
 * file cut short, damaged or not a changeset is refused before the pool
 * is touched.
 *
 * Memory: a struct changeset owns its stage and session until
 * changeset_end; changeset_read hands the caller a stage to close with
 * sqlite3_close.
 */
#ifndef ROSTER_CHANGESET_H
#define ROSTER_CHANGESET_H

#include <stddef.h>

#include <sqlite3.h>

#include "error.h"
#include "exchange.h"
#include "store.h"

#define CHANGESET_MAGIC		"roster-changeset"
#define CHANGESET_VERSION	1
/* The largest file read: a whole pool of 100,000 people is far less. */
#define CHANGESET_MAX		((long long)512 << 20)

/* A stage with a session recording what is put in it. */
struct changeset {
	sqlite3		*stage;
	struct sqlite3_session *session;
};

/* What a changeset holds, for the caller to say. */
struct changeset_summary {
	struct exchange_meta	 meta;
	long long		 people, deployments, erased;
};

/* Whether the file at path begins as a changeset does (0 too when it
 * cannot be read): told apart from a database given in its place. */
int	changeset_is(const char *path);

/*
 * The SHA-256, in lower-case hex, of the header's words before "sha256"
 * (head: "roster-changeset 1 schema 5 bytes 5678") and the body, so that
 * a byte changed anywhere shows.
 */
#define CHANGESET_HEX		64
void	changeset_digest(const char *head, const void *body, size_t len,
	    char hex[CHANGESET_HEX + 1]);

/* Opens an empty stage and attaches the session to all its tables. */
int	changeset_begin(struct changeset *, struct error *err);
/*
 * Writes what the session recorded to path, 0600, beside it first and
 * renamed into place; refuses the database s itself, a directory and a
 * device (RC_INPUT).  *sum is what it holds.
 */
int	changeset_save(struct changeset *, struct store *s, const char *path,
	    struct changeset_summary *sum, struct error *err);
void	changeset_end(struct changeset *);

/* The changes of s after its change number since, written to path. */
int	changeset_write(struct store *s, long long since, const char *path,
	    struct changeset_summary *sum, struct error *err);

/*
 * Reads the file at path into a new stage and checks it: too large, cut
 * short, damaged (checksum), not a roster changeset or from a newer
 * schema are RC_INPUT, with the file's name.
 */
int	changeset_read(const char *path, sqlite3 **stage,
	    struct exchange_meta *m, struct error *err);

#endif

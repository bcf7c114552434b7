/*
 * store.h - the SQLite database: opening, migrations, transactions.
 *
 * Every connection has foreign keys on, secure_delete, WAL, a busy timeout
 * and roster's SQL functions (sqlfunc.h); every write transaction starts
 * with BEGIN IMMEDIATE, so a writer waits for the lock up front instead of
 * failing half way.  New database files (and their -wal and -shm files)
 * are created 0600, and an empty file becomes a pool only if it is the
 * user's own, made 0600 first.  A file store_open is not allowed to make
 * a roster database is refused before anything is written to it; a
 * read-only one in a directory the user may not write is read as
 * immutable when its -wal holds nothing.  STORE_MEMORY makes the pool in
 * memory (a dry run's), path naming it in messages only.
 *
 * Memory: store_open returns a struct store the caller frees with
 * store_close.  Statements from store_prepare belong to the caller
 * (sqlite3_finalize); those from store_cached belong to the store.
 */
#ifndef ROSTER_STORE_H
#define ROSTER_STORE_H

#include <sys/types.h>

#include <stddef.h>

#include <sqlite3.h>

#include "error.h"

/* "roster" in ASCII, so file(1) and roster itself can tell the file. */
#define STORE_APPLICATION_ID	0x726f7374
#define STORE_BUSY_MS		5000	/* a lock's wait without store_set_wait */
#define STORE_SCRUB_MS		250	/* store_scrub's wait for readers */
#define STORE_WAIT_STEP_MS	50	/* how often a wait is asked about */

enum {
	STORE_READ_ONLY = 1 << 0,
	STORE_CREATE = 1 << 1,		/* create the file if missing */
	STORE_EXCLUSIVE_NEW = 1 << 2,	/* refuse an existing file */
	STORE_BULK = 1 << 3,		/* bulk load of a new file (below) */
	STORE_MEMORY = 1 << 4,		/* a new pool in memory, not path */
};

#define STORE_CACHE	32

/* The setting (db/003-keeping.sql) naming the group a pool is shared with. */
#define STORE_SHARE_GROUP	"share_group"
#define STORE_SHARED_MODE	0660
#define STORE_PRIVATE_MODE	0600

/*
 * SQL for this pool's short name (db/005-pools.sql, pool.h), '' before
 * it has one: the origin of every record made here.
 */
#define STORE_POOL_NAME_SQL \
    "coalesce((SELECT value FROM setting WHERE key = 'pool_name'), '')"

struct store {
	sqlite3	*db;
	char	*path;			/* as given to store_open */
	int	 flags;
	/* Set when the user may not write the file, which store_open then
	 * opened read-only: "FILE: you cannot write this file (owner ann,
	 * group crisis, mode 0640)". */
	char	*read_only_why;
	char	**bulk_indexes;		/* STORE_BULK: to make at the end */
	size_t	  nbulk_indexes;
	/* Statements of fixed SQL used once per row, kept prepared. */
	struct {
		const char	*sql;
		sqlite3_stmt	*st;
	}	 cache[STORE_CACHE];
	int	(*interrupt)(void *);	/* store_interrupt */
	void	*interrupt_arg;
	int	(*wait)(void *, int);	/* store_set_wait */
	void	*wait_arg;
	int	 wait_limit_ms;		/* a short wait's, or 0 */
	long long commits;		/* store_commit's that succeeded */
	sqlite3_int64 begun;		/* total changes at store_begin */
	int	 scrub;			/* store_scrub: at the next commit */
	int	 erasing;		/* roster_erasing(), sqlfunc.h */
	/* store_generation: the count, and what it was last decided on. */
	long long generation;
	long long seen_version, seen_commits;
};

/* The database path from --db, $ROSTER_DB or the XDG data directory. */
int	store_default_path(char *buf, size_t len, struct error *err);

/*
 * A file the user may read but not write (another coordinator's 0640
 * pool, a read-only copy) is opened read-only, with read_only_why set,
 * rather than refused; a write then fails with that reason and "nothing
 * was changed" (RC_DB).  A pool shared with a group (roster share) keeps
 * its -wal and -shm files, those the user owns made STORE_SHARED_MODE
 * and of that group whoever created them, and its -wal is kept after the
 * last close, so that the next coordinator finds it as it should be.
 */
int	store_open(struct store **out, const char *path, int flags,
	    struct error *err);
void	store_close(struct store *);

/*
 * Gives the database file and its -wal and -shm (made if missing) group
 * gid and mode; the caller must own the database file, and a -wal or
 * -shm another user made is theirs to keep right.
 */
int	store_share_files(struct store *, gid_t gid, mode_t mode,
	    struct error *err);

/*
 * STORE_BULK opens a new file for one big load: no journal, no syncs, a
 * large cache, and no secondary indexes, which are built once at the end
 * by store_bulk_end (sorting beats a million random inserts); WAL is set
 * there too.  A failed bulk load leaves a file only fit for deleting.
 */
int	store_bulk_end(struct store *, struct error *err);

/* mkdir -p for the directory part of path, mode 0700 like XDG asks. */
int	store_make_parent(const char *path, struct error *err);

/* The schema version this binary writes and understands. */
int	store_schema_version(void);

/* BEGIN IMMEDIATE, counted as one step of the change sequence. */
int	store_begin(struct store *, struct error *err);
int	store_commit(struct store *, struct error *err);
void	store_rollback(struct store *);
/*
 * Says the open transaction replaces or deletes personal data: once it
 * commits, the -wal file, which still holds the pages as they were, is
 * checkpointed and truncated (secure_delete, on for every connection,
 * zeroes what is freed in the pages themselves).
 */
void	store_scrub(struct store *);

int	store_prepare(struct store *, sqlite3_stmt **, const char *sql,
	    struct error *err);
int	store_exec(struct store *, const char *sql, struct error *err);
/* Runs sql, which yields one integer. */
int	store_int(struct store *, const char *sql, long long *v,
	    struct error *err);

/*
 * A prepared statement for sql, which must be a string literal (it is
 * remembered by address), kept for the life of the store: the caller
 * binds, steps and calls sqlite3_reset, and never finalizes it.
 */
int	store_cached(struct store *, sqlite3_stmt **, const char *sql,
	    struct error *err);

/*
 * While pending is set, a running statement is abandoned as soon as
 * pending(arg) returns non-zero (it is asked every few thousand steps), and
 * the call fails with RC_INTERRUPTED: the full-screen list gives way to the
 * next key this way.  pending NULL turns this off.
 */
void	store_interrupt(struct store *, int (*pending)(void *), void *arg);

/*
 * While another process holds the lock a write needs (an import), this
 * connection waits for it: every STORE_WAIT_STEP_MS it calls wait(arg,
 * ms waited so far) and gives up when that returns non-zero.  The full
 * screen draws "waiting..." and gives up on Esc, the command line says
 * so after a second and gives up after STORE_BUSY_MS, which is also the
 * wait without one (wait NULL).  A write given up fails with "FILE is
 * locked by another roster; nothing was changed" (RC_DB): every write
 * takes the lock first, in BEGIN IMMEDIATE.  The core draws nothing: it
 * only asks.
 */
void	store_set_wait(struct store *, int (*wait)(void *arg, int waited_ms),
	    void *arg);

/*
 * The one rule for "has the database changed": a number that grows
 * whenever any connection has written since the last call (data_version
 * counts other connections' commits; this one's are counted by
 * store_commit, through which every write goes).  Writes to temporary
 * tables (search's own scratch space) are not changes.  Caches keep the
 * number they were filled at and drop their contents when it differs.
 */
int	store_generation(struct store *, long long *gen, struct error *err);

/* Column i of the current row as a new string ("" for NULL), which the
 * caller frees. */
char	*store_text(sqlite3_stmt *, int i);

/*
 * Turns the last SQLite error into a message and the matching status:
 * RC_DB for trouble with the database itself, RC_INPUT for a violated
 * constraint (bad data that slipped past validation), RC_INTERRUPTED for
 * a statement store_interrupt stopped.  A full disk (or a full
 * max_page_count) is "disk full: FILE", RC_DB.
 */
int	store_error(struct store *, struct error *err, const char *what);

#endif

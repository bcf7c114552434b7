#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "dbfiles.h"
#include "sqlfunc.h"
#include "store.h"
#include "store_int.h"
#include "strbuf.h"
#include "width.h"

/*
 * Migration N brings a database from user_version N-1 to N.  Reference data
 * is part of the migration that introduces it, so a database always holds
 * the vocabulary its schema expects.
 */
static const struct migration {
	const char	*files[8];
} migrations[] = {
	{ { "001-schema.sql", "ref/countries.sql", "ref/languages.sql",
	    "ref/themes.sql", "ref/skills.sql", "ref/missions.sql", NULL } },
	{ { "002-words.sql", "ref/aliases.sql", NULL } },
	{ { "003-keeping.sql", NULL } },
	{ { "004-callout.sql", NULL } },
	{ { "005-pools.sql", NULL } },
	{ { "006-terms.sql", NULL } },
	{ { "007-words.sql", NULL } },
	{ { "008-notice.sql", NULL } },
};
#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

/* Filesystem magic numbers of network filesystems (statfs(2)). */
static const long network_fs[] = {
	0x6969,		/* NFS */
	0xff534d42,	/* CIFS */
	0xfe534d42,	/* SMB2 */
	0x517b,		/* SMB */
	0x65735546,	/* FUSE (sshfs and friends) */
};

int
store_schema_version(void)
{
	return NMIGRATIONS;
}

static const char *
db_file_sql(const char *name)
{
	const struct db_file *f;

	for (f = db_files; f->name != NULL; f++)
		if (strcmp(f->name, name) == 0)
			return f->sql;
	return NULL;
}

int
store_error(struct store *s, struct error *err, const char *what)
{
	int code = sqlite3_errcode(s->db);
	int rc;

	switch (code & 0xff) {
	case SQLITE_CONSTRAINT:
	case SQLITE_MISMATCH:
	case SQLITE_TOOBIG:
		rc = RC_INPUT;
		break;
	default:
		rc = RC_DB;
	}
	/* SQLite says SQLITE_FULL when a write comes up short; an fsync or
	 * a -shm that finds no room says SQLITE_IOERR, with the errno. */
	if (code == SQLITE_FULL || (code == SQLITE_IOERR &&
	    sqlite3_system_errno(s->db) == ENOSPC))
		return error_set(err, RC_DB, "disk full: %s (free some space "
		    "and try again)", s->path);
	if (code == SQLITE_INTERRUPT)
		return error_set(err, RC_INTERRUPTED, "%s: interrupted", what);
	if (code == SQLITE_READONLY && s->read_only_why != NULL)
		return error_set(err, RC_DB, "%s; nothing was changed",
		    s->read_only_why);
	/* Asked for (--read-only): the user's own option, as import says. */
	if (code == SQLITE_READONLY && (s->flags & STORE_READ_ONLY))
		return error_set(err, RC_INPUT, "%s: opened with --read-only; "
		    "nothing was changed", s->path);
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return error_set(err, RC_DB, "%s is locked by another roster; "
		    "nothing was changed", s->path);
	return error_set(err, rc, "%s: %s", what, sqlite3_errmsg(s->db));
}

/* SQLite asks every STORE_INTERRUPT_OPS virtual machine steps. */
#define STORE_INTERRUPT_OPS	4000

static int
interrupt_check(void *arg)
{
	struct store *s = arg;

	return s->interrupt(s->interrupt_arg);
}

void
store_interrupt(struct store *s, int (*pending)(void *), void *arg)
{
	s->interrupt = pending;
	s->interrupt_arg = arg;
	sqlite3_progress_handler(s->db, pending ? STORE_INTERRUPT_OPS : 0,
	    pending ? interrupt_check : NULL, s);
}

/* SQLite's busy handler: count is how many times it was called before. */
static int
busy(void *arg, int count)
{
	struct store *s = arg;
	int waited = count * STORE_WAIT_STEP_MS, give_up;

	if (s->wait_limit_ms > 0)
		give_up = waited >= s->wait_limit_ms;
	else if (s->wait != NULL)
		give_up = s->wait(s->wait_arg, waited);
	else
		give_up = waited >= STORE_BUSY_MS;
	if (give_up)
		return 0;
	sqlite3_sleep(STORE_WAIT_STEP_MS);
	return 1;
}

void
store_set_wait(struct store *s, int (*wait)(void *, int), void *arg)
{
	s->wait = wait;
	s->wait_arg = arg;
}

int
store_prepare(struct store *s, sqlite3_stmt **stmt, const char *sql,
    struct error *err)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, stmt, NULL) != SQLITE_OK)
		return store_error(s, err, "prepare");
	return RC_OK;
}

int
store_cached(struct store *s, sqlite3_stmt **stmt, const char *sql,
    struct error *err)
{
	size_t i;

	for (i = 0; i < STORE_CACHE && s->cache[i].sql != NULL; i++)
		if (s->cache[i].sql == sql) {
			*stmt = s->cache[i].st;
			sqlite3_reset(*stmt);
			sqlite3_clear_bindings(*stmt);
			return RC_OK;
		}
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, stmt,
	    NULL) != SQLITE_OK)
		return store_error(s, err, "prepare");
	if (i < STORE_CACHE) {
		s->cache[i].sql = sql;
		s->cache[i].st = *stmt;
		return RC_OK;
	}
	/* The cache is for a handful of look-ups; more is a programming
	 * error, and leaking the statement would hide it. */
	sqlite3_finalize(*stmt);
	return error_set(err, RC_DB, "prepare: statement cache is full");
}

int
store_exec(struct store *s, const char *sql, struct error *err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_error(s, err, "database");
	return RC_OK;
}

int
store_begin(struct store *s, struct error *err)
{
	int rc;

	if ((rc = store_exec(s, "BEGIN IMMEDIATE", err)) != RC_OK)
		return rc;
	s->begun = sqlite3_total_changes64(s->db);
	return RC_OK;
}

int
store_commit(struct store *s, struct error *err)
{
	int rc;

	/* A transaction that wrote is one step of the change sequence that
	 * changesets are cut from; its rows were noted with the step's
	 * number, n + 1 (db/005-pools.sql).  One that wrote nothing leaves
	 * the file as it was. */
	if (sqlite3_total_changes64(s->db) != s->begun &&
	    ((rc = store_exec(s, "UPDATE change_counter SET n = n + 1",
	    err)) != RC_OK || (rc = terms_fold(s, err)) != RC_OK)) {
		store_rollback(s);
		return rc;
	}
	/* A COMMIT that fails (busy, full) leaves the transaction open and
	 * the write lock held: give both up. */
	if ((rc = store_exec(s, "COMMIT", err)) != RC_OK) {
		store_rollback(s);
		return rc;
	}
	s->commits++;
	/* Best effort, waiting a little: for a reader still on an older
	 * snapshot, SQLite checkpoints what it can and keeps the rest, and
	 * the next scrubbing commit tries again. */
	if (s->scrub) {
		s->wait_limit_ms = STORE_SCRUB_MS;
		sqlite3_exec(s->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL,
		    NULL, NULL);
		s->wait_limit_ms = 0;
	}
	s->scrub = 0;
	return RC_OK;
}

void
store_rollback(struct store *s)
{
	s->scrub = 0;
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

void
store_scrub(struct store *s)
{
	s->scrub = 1;
}

int
store_default_path(char *buf, size_t len, struct error *err)
{
	const char *env, *home;
	int n;

	if ((env = getenv("ROSTER_DB")) != NULL && *env != '\0')
		n = snprintf(buf, len, "%s", env);
	else if ((env = getenv("XDG_DATA_HOME")) != NULL && *env == '/')
		n = snprintf(buf, len, "%s/roster/roster.db", env);
	else if ((home = getenv("HOME")) != NULL && *home != '\0')
		n = snprintf(buf, len, "%s/.local/share/roster/roster.db",
		    home);
	else
		return error_set(err, RC_INPUT, "no database: use --db FILE or "
		    "set ROSTER_DB (HOME is not set)");
	if (n < 0 || (size_t)n >= len)
		return error_set(err, RC_INPUT, "database path too long");
	return RC_OK;
}

int
store_make_parent(const char *path, struct error *err)
{
	char dir[PATH_MAX], *p;

	if (strlen(path) >= sizeof dir)
		return error_set(err, RC_INPUT, "%s: path too long", path);
	strcpy(dir, path);
	if ((p = strrchr(dir, '/')) == NULL || p == dir)
		return RC_OK;
	*p = '\0';
	for (p = dir + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) == -1 && errno != EEXIST)
			return error_set(err, RC_DB, "%s: %s", dir,
			    strerror(errno));
		*p = '/';
	}
	if (mkdir(dir, 0700) == -1 && errno != EEXIST)
		return error_set(err, RC_DB, "%s: %s", dir, strerror(errno));
	return RC_OK;
}

/*
 * SQLite creates files 0644 minus umask; creating the file ourselves first
 * (and the -wal and -shm files inherit the main file's mode in SQLite's unix
 * VFS) keeps the pool readable by its owner only.
 */
static int
create_private(const char *path, int exclusive, struct error *err)
{
	int fd, flags = O_WRONLY | O_CREAT | O_CLOEXEC;

	if (exclusive)
		flags |= O_EXCL;
	if ((fd = open(path, flags, 0600)) == -1) {
		if (errno == EEXIST)
			return error_set(err, RC_INPUT, "%s: file exists (refusing "
			    "to overwrite it)", path);
		return error_set(err, RC_DB, "%s: %s", path, strerror(errno));
	}
	close(fd);
	return RC_OK;
}

static void
warn_network_fs(const char *path)
{
	struct strbuf shown = { 0 };
	struct statfs sf;
	size_t i;

	if (statfs(path, &sf) == -1)
		return;
	for (i = 0; i < sizeof network_fs / sizeof network_fs[0]; i++)
		if ((unsigned long)sf.f_type == (unsigned long)network_fs[i]) {
			width_escape(&shown, path);
			fprintf(stderr, "roster: warning: %s is on a network "
			    "filesystem; SQLite's WAL mode needs local storage "
			    "and the database may be corrupted\n",
			    strbuf_str(&shown));
			strbuf_free(&shown);
			return;
		}
}

int
store_int(struct store *s, const char *sql, long long *v, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, &st, sql, err)) != RC_OK)
		return rc;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*v = sqlite3_column_int64(st, 0);
		rc = RC_OK;
	} else
		rc = store_error(s, err, "database");
	sqlite3_finalize(st);
	return rc;
}

static int
migrate(struct store *s, int from, struct error *err)
{
	char sql[64];
	const char *text;
	int v, i, rc;

	/* Not store_begin and store_commit: the change sequence may not
	 * exist yet. */
	if ((rc = store_exec(s, "BEGIN IMMEDIATE", err)) != RC_OK)
		return rc;
	for (v = from; v < NMIGRATIONS; v++) {
		for (i = 0; migrations[v].files[i] != NULL; i++) {
			text = db_file_sql(migrations[v].files[i]);
			if (text == NULL || sqlite3_exec(s->db, text, NULL,
			    NULL, NULL) != SQLITE_OK) {
				rc = store_error(s, err, "migration");
				error_prefix(err, "db/%s",
				    migrations[v].files[i]);
				store_rollback(s);
				return RC_DB;
			}
		}
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d; "
	    "PRAGMA application_id = %d", NMIGRATIONS, STORE_APPLICATION_ID);
	if ((rc = store_exec(s, sql, err)) != RC_OK) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err);
}

/*
 * An existing empty file about to become a pool: another user's (planted
 * in a shared directory, say) is refused, and one's own is made 0600
 * before SQLite makes the -wal and -shm files, which take its mode.  A
 * pool that is already roster's keeps the mode its owner gave it.
 */
static int
adopt_file(const char *path, struct error *err)
{
	struct stat sb;
	int fd, rc = RC_OK;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1 ||
	    fstat(fd, &sb) == -1)
		rc = error_set(err, RC_DB, "%s: %s", path, strerror(errno));
	else if (sb.st_uid != geteuid())
		rc = error_set(err, RC_DB, "%s: owned by another user; roster "
		    "will not make it a pool", path);
	else if ((sb.st_mode & 077) != 0 && fchmod(fd, 0600) == -1)
		rc = error_set(err, RC_DB, "%s: %s", path, strerror(errno));
	if (fd != -1)
		close(fd);
	return rc;
}

/*
 * Reads what the file holds, writing nothing, so a file that is not
 * roster's is left as it was: *from is the schema version to upgrade
 * from, NMIGRATIONS when there is nothing to do.  Only an empty file (no
 * tables: new, or made by a creation that never committed) becomes a
 * roster database, and only when the command may create one.
 */
static int
check_schema(struct store *s, const char *path, int *from,
    struct error *err)
{
	long long appid, version, objects;
	int rc;

	if ((rc = store_int(s, "PRAGMA application_id", &appid, err)) != RC_OK ||
	    (rc = store_int(s, "PRAGMA user_version", &version, err)) != RC_OK ||
	    (rc = store_int(s, "SELECT count(*) FROM sqlite_schema", &objects,
	    err)) != RC_OK)
		return rc;
	if (appid != STORE_APPLICATION_ID && !(appid == 0 && version == 0))
		return error_set(err, RC_DB, "%s: not a roster database", path);
	if (appid == 0 && objects > 0)
		return error_set(err, RC_DB, "%s: not a roster database (it "
		    "holds other tables)", path);
	if (appid == 0 && !(s->flags & STORE_CREATE))
		return error_set(err, RC_DB, "%s: not a roster database yet "
		    "(it is empty: roster import makes it one)", path);
	if (appid == 0 && !(s->flags & STORE_MEMORY) &&
	    (rc = adopt_file(path, err)) != RC_OK)
		return rc;
	if (version > NMIGRATIONS)
		return error_set(err, RC_DB, "%s: database schema version %lld "
		    "is newer than this roster understands (%d): use a newer "
		    "roster", path, version, NMIGRATIONS);
	*from = (int)version;
	/* An old words index would answer wrongly: say how to upgrade. */
	if (version < NMIGRATIONS && (s->flags & STORE_READ_ONLY))
		return error_set(err, RC_DB, "%s: made by an older roster; open "
		    "it once without --read-only (or ask its owner to) to "
		    "upgrade it", path);
	return RC_OK;
}

/* Saves and drops the secondary indexes for a bulk load. */
static int
drop_indexes(struct store *s, struct error *err)
{
	struct strbuf drop = { 0 };
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, &st, "SELECT name, sql FROM sqlite_schema "
	    "WHERE type = 'index' AND sql IS NOT NULL", err)) != RC_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s->bulk_indexes = xrealloc(s->bulk_indexes,
		    (s->nbulk_indexes + 1) * sizeof *s->bulk_indexes);
		s->bulk_indexes[s->nbulk_indexes++] = xstrdup((const char *)
		    sqlite3_column_text(st, 1));
		/* Names come from our own schema, never from input. */
		strbuf_addf(&drop, "DROP INDEX \"%s\";",
		    (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		rc = store_error(s, err, "database");
	else if (drop.len > 0)
		rc = store_exec(s, drop.s, err);
	else
		rc = RC_OK;
	strbuf_free(&drop);
	return rc;
}

int
store_bulk_end(struct store *s, struct error *err)
{
	size_t i;
	int rc = RC_OK;

	for (i = 0; i < s->nbulk_indexes && rc == RC_OK; i++)
		rc = store_exec(s, s->bulk_indexes[i], err);
	/* Approximate statistics are plenty, and a full ANALYZE of a big
	 * pool takes as long as loading it. */
	if (rc == RC_OK)
		rc = store_exec(s, "PRAGMA analysis_limit = 1000; ANALYZE; "
		    "PRAGMA journal_mode = WAL", err);
	return rc;
}

/*
 * The file store_open opens, made first (0600, in a new directory if
 * need be) when flags allow; *oflags is how SQLite should open it.
 */
static int
open_file(const char *path, int flags, int *oflags, struct error *err)
{
	struct stat sb;
	int rc;

	if (flags & STORE_MEMORY) {
		*oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY;
		return RC_OK;
	}
	if (flags & STORE_READ_ONLY) {
		*oflags = SQLITE_OPEN_READONLY;
		if (stat(path, &sb) == -1 && errno == ENOENT)
			return error_set(err, RC_DB, "%s: no such database",
			    path);
		return RC_OK;
	}
	*oflags = SQLITE_OPEN_READWRITE;
	if (stat(path, &sb) == -1 || (flags & STORE_EXCLUSIVE_NEW)) {
		if (!(flags & STORE_CREATE) && errno == ENOENT)
			return error_set(err, RC_DB, "%s: no such database",
			    path);
		if ((rc = store_make_parent(path, err)) != RC_OK ||
		    (rc = create_private(path, flags & STORE_EXCLUSIVE_NEW,
		    err)) != RC_OK)
			return rc;
	}
	return RC_OK;
}

/*
 * path as a URI filename that opens it immutable: every byte but the
 * unreserved ones percent-encoded, so '?', '#' and '%' in a name stay
 * part of it.
 */
static char *
immutable_uri(const char *path)
{
	struct strbuf uri = { 0 };
	const unsigned char *p;

	/* "file:///a" for "/a": an empty authority, so "//a" is no host. */
	strbuf_adds(&uri, path[0] == '/' ? "file://" : "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++)
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/._~-", *p) != NULL)
			strbuf_add(&uri, (const char *)p, 1);
		else
			strbuf_addf(&uri, "%%%02X", *p);
	strbuf_adds(&uri, "?immutable=1");
	return strbuf_steal(&uri);
}

/*
 * Opens path read-only.  SQLite reads a WAL database through its -shm
 * file, which it makes when missing; in a directory the user may not write
 * it cannot, and the first read fails with "attempt to write a readonly
 * database".  When there is no -wal file, or an empty one (a clean close
 * checkpoints the log away), the main file holds every commit and SQLite
 * can read it as immutable: no locks and no -shm.  A -wal file with
 * commits in it cannot be read without its -shm, and only its owner can
 * fold it in.
 */
static int
open_read_only(struct store *s, const char *path, struct error *err)
{
	char wal[PATH_MAX + 8], *uri;
	struct stat sb;
	int code;

	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK)
		return error_set(err, RC_DB, "%s: %s", path, s->db ?
		    sqlite3_errmsg(s->db) : "cannot open");
	if (sqlite3_exec(s->db, "SELECT count(*) FROM sqlite_schema", NULL,
	    NULL, NULL) == SQLITE_OK)
		return RC_OK;
	code = sqlite3_errcode(s->db) & 0xff;
	if (code != SQLITE_READONLY && code != SQLITE_CANTOPEN)
		return RC_OK;		/* check_schema says what it is */
	snprintf(wal, sizeof wal, "%s-wal", path);
	if (stat(wal, &sb) == 0 && sb.st_size > 0)
		return error_set(err, RC_DB, "%s: cannot be read from this "
		    "directory while %s holds changes: ask the owner to run "
		    "roster on it once (which folds them in), or copy both "
		    "files to a directory you can write", path, wal);
	sqlite3_close(s->db);
	uri = immutable_uri(path);
	code = sqlite3_open_v2(uri, &s->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI, NULL);
	free(uri);
	if (code != SQLITE_OK)
		return error_set(err, RC_DB, "%s: %s", path, s->db ?
		    sqlite3_errmsg(s->db) : "cannot open");
	return RC_OK;
}

int
store_open(struct store **out, const char *path, int flags, struct error *err)
{
	struct store *s;
	char *why = NULL;
	int oflags, from = 0, rc;

	*out = NULL;
	/* Said plainly, not as SQLite's "unable to open database file". */
	if (!(flags & STORE_MEMORY) && (why = store_not_readable(path)) !=
	    NULL) {
		rc = error_set(err, RC_DB, "%s", why);
		free(why);
		return rc;
	}
	/* Another's pool, or a read-only copy: read it rather than fail. */
	if (!(flags & (STORE_READ_ONLY | STORE_MEMORY | STORE_EXCLUSIVE_NEW |
	    STORE_BULK)) && (why = store_not_writable(path)) != NULL)
		flags = (flags & ~STORE_CREATE) | STORE_READ_ONLY;
	if ((rc = open_file(path, flags, &oflags, err)) != RC_OK) {
		free(why);
		return rc;
	}
	if ((s = calloc(1, sizeof *s)) == NULL)
		return error_set(err, RC_DB, "out of memory");
	s->flags = flags;
	s->path = xstrdup(path);
	s->read_only_why = why;
	if (flags & STORE_READ_ONLY)
		rc = open_read_only(s, path, err);
	else if (sqlite3_open_v2(path, &s->db, oflags, NULL) != SQLITE_OK)
		rc = error_set(err, RC_DB, "%s: %s", path,
		    s->db ? sqlite3_errmsg(s->db) : "cannot open");
	if (rc != RC_OK) {
		store_close(s);
		return rc;
	}
	warn_network_fs(path);
	sqlite3_busy_handler(s->db, busy, s);
	if ((rc = sqlfunc_register(s->db, &s->erasing, err)) != RC_OK)
		goto fail;
	sqlite3_extended_result_codes(s->db, 0);
	/* secure_delete: what a write replaces or deletes (a person's old
	 * name, say) is overwritten with zeros, not left in free space. */
	if ((rc = store_exec(s, "PRAGMA foreign_keys = ON; "
	    "PRAGMA secure_delete = ON", err)) != RC_OK ||
	    (rc = check_schema(s, path, &from, err)) != RC_OK)
		goto fail;
	if (flags & STORE_BULK)
		rc = store_exec(s, "PRAGMA journal_mode = OFF; "
		    "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; "
		    "PRAGMA temp_store = MEMORY; PRAGMA threads = 4", err);
	else if (!(flags & STORE_READ_ONLY))
		rc = store_exec(s, "PRAGMA journal_mode = WAL; "
		    "PRAGMA synchronous = NORMAL", err);
	if (rc != RC_OK)
		goto fail;
	if (from < NMIGRATIONS && (rc = migrate(s, from, err)) != RC_OK)
		goto fail;
	/* A bulk load's term bitmaps are built once, by the commit that
	 * ends it, rather than noted row by row (terms_suspend, terms.h). */
	if ((flags & STORE_BULK) && ((rc = drop_indexes(s, err)) != RC_OK ||
	    (rc = store_exec(s, "UPDATE term_state SET live = 0", err)) !=
	    RC_OK))
		goto fail;
	if (!(flags & (STORE_READ_ONLY | STORE_MEMORY | STORE_BULK)))
		store_keep_shared(s);
	*out = s;
	return RC_OK;
fail:
	if (err != NULL && strstr(err->msg, "not a database") != NULL)
		rc = error_set(err, RC_DB, "%s: not a database, or corrupt",
		    path);
	else if (!(flags & STORE_READ_ONLY) &&
	    sqlite3_errcode(s->db) == SQLITE_READONLY)
		rc = error_set(err, RC_DB, "%s: you may not write this "
		    "database or its directory: use --read-only to read it",
		    path);
	store_close(s);
	return rc;
}

void
store_close(struct store *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < STORE_CACHE; i++)
		sqlite3_finalize(s->cache[i].st);
	for (i = 0; i < s->nbulk_indexes; i++)
		free(s->bulk_indexes[i]);
	free(s->bulk_indexes);
	sqlite3_close(s->db);
	free(s->path);
	free(s->read_only_why);
	free(s);
}

int
store_generation(struct store *s, long long *gen, struct error *err)
{
	long long version;
	int rc;

	if ((rc = store_int(s, "PRAGMA data_version", &version, err)) != RC_OK)
		return rc;
	if (s->generation == 0 || version != s->seen_version ||
	    s->commits != s->seen_commits) {
		s->generation++;
		s->seen_version = version;
		s->seen_commits = s->commits;
	}
	*gen = s->generation;
	return RC_OK;
}

char *
store_text(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return xstrdup(t != NULL ? (const char *)t : "");
}

#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "backup.h"
#include "export.h"

/* How long a step may wait for the source's read lock, in all. */
#define BACKUP_BUSY_TRIES	100
#define BACKUP_BUSY_MS		50

/* Whether path is the database or one of its own files. */
static int
is_database(const struct store *s, const char *path)
{
	static const char *const sfx[] = { "", "-wal", "-shm", "-journal" };
	char name[PATH_MAX + 16];
	struct stat a, b;
	size_t i;

	if (stat(path, &a) == -1)
		return 0;
	/* SQLite's name for the database: a link's target, beside which
	 * it keeps the -wal and -shm. */
	for (i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		snprintf(name, sizeof name, "%s%s", sqlite3_db_filename(s->db,
		    "main"), sfx[i]);
		if (stat(name, &b) == 0 && a.st_dev == b.st_dev &&
		    a.st_ino == b.st_ino)
			return 1;
	}
	return 0;
}

int
backup_check_target(const struct store *s, const char *path,
    const char *what, const char *example, struct error *err)
{
	struct stat sb;
	int there;

	if (*path == '\0')
		return error_set(err, RC_INPUT, "%s: the file name is empty",
		    what);
	there = stat(path, &sb) == 0;
	if (there && S_ISDIR(sb.st_mode))
		return error_set(err, RC_INPUT, "%s: is a directory (expected "
		    "the %s's file name, such as %s%s%s)", path, what, path,
		    path[strlen(path) - 1] == '/' ? "" : "/", example);
	/* The rename would put a file in a device's place (/dev/null). */
	if (there && !S_ISREG(sb.st_mode))
		return error_set(err, RC_INPUT, "%s: is not a regular file "
		    "(expected the %s's file name)", path, what);
	if (is_database(s, path))
		return error_set(err, RC_INPUT, "%s: is the database itself "
		    "(refusing to overwrite it)", path);
	return RC_OK;
}

/*
 * In WAL mode a reader never holds a writer up, so the whole copy is
 * made in one step, from one snapshot: a step at a time would start
 * again after every commit of another process, and might never end
 * while an import runs.  Busy is only a moment's (a -wal being
 * recovered): the step is tried again.
 */
static int
copy(struct store *s, sqlite3 *to, const char *path, struct error *err)
{
	sqlite3_backup *b;
	int rc, tries = 0, e;

	if ((b = sqlite3_backup_init(to, "main", s->db, "main")) == NULL)
		return error_set(err, RC_DB, "backup: %s", sqlite3_errmsg(to));
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY ||
	    rc == SQLITE_LOCKED) {
		if (++tries > BACKUP_BUSY_TRIES)
			break;
		sqlite3_sleep(BACKUP_BUSY_MS);
	}
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		return RC_OK;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return error_set(err, RC_DB, "backup: %s is locked by another "
		    "process", s->path);
	/* No room, or the file size limit: as export says it. */
	e = sqlite3_system_errno(to);
	if ((rc & 0xff) == SQLITE_FULL || e == ENOSPC || e == EDQUOT ||
	    e == EFBIG)
		return error_set(err, RC_DB, "disk full: %s (free some space "
		    "and try again)", path);
	return error_set(err, RC_DB, "backup: %s: %s", path,
	    sqlite3_errstr(rc));
}

/* The people in the copy, which others' writes since do not reach. */
static int
count_people(sqlite3 *to, const char *path, long long *people,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc = RC_OK;

	if (sqlite3_prepare_v2(to, "SELECT count(*) FROM person", -1, &st,
	    NULL) != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW)
		rc = error_set(err, RC_DB, "%s: %s", path, sqlite3_errmsg(to));
	else
		*people = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc;
}

int
backup_file(struct store *s, const char *path, long long *people,
    struct error *err)
{
	struct export_file f;
	struct export_hold hold;
	sqlite3 *to = NULL;
	int rc;

	if ((rc = backup_check_target(s, path, "backup", "pool-backup.db",
	    err)) != RC_OK)
		return rc;
	export_hold_signals(&hold);
	if ((rc = export_file_open(&f, path, 1, err)) != RC_OK) {
		export_release_signals(&hold);
		return rc;
	}
	/* SQLite writes the file export_file_open made 0600.  A copy that
	 * fails is removed whole: it needs no journal, which a failed write
	 * (the disk full) would leave behind. */
	rc = export_file_finish(&f, RC_OK, err);
	if (rc == RC_OK && (sqlite3_open_v2(f.tmp, &to, SQLITE_OPEN_READWRITE,
	    NULL) != SQLITE_OK || sqlite3_exec(to, "PRAGMA journal_mode = OFF",
	    NULL, NULL, NULL) != SQLITE_OK))
		rc = error_set(err, RC_DB, "%s: %s", path, to != NULL ?
		    sqlite3_errmsg(to) : "cannot open");
	if (rc == RC_OK)
		rc = copy(s, to, path, err);
	if (rc == RC_OK)
		rc = count_people(to, path, people, err);
	if (to != NULL && sqlite3_close(to) != SQLITE_OK && rc == RC_OK)
		rc = error_set(err, RC_DB, "%s: %s", path, sqlite3_errmsg(to));
	if (rc == RC_OK && export_stopped())
		rc = error_set(err, RC_INPUT, "%s: interrupted", path);
	rc = export_file_commit(&f, rc, err);
	export_release_signals(&hold);
	return rc;
}

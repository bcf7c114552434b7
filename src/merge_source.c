/*
 * merge_source.c - where a merge's stage comes from (merge_source.h).
 */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "changeset.h"
#include "exchange.h"
#include "export.h"
#include "import.h"
#include "merge_source.h"
#include "store.h"

/* Whether path is the file target is (the same inode). */
static int
same_file(const char *target, const char *path)
{
	struct stat a, b;

	return stat(target, &a) == 0 && stat(path, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* Reads one integer PRAGMA of db; -1 if it cannot be read. */
static long long
pragma(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * Whether the database at path is all in its file: no -wal beside it
 * holds changes not yet written into it.
 */
static int
whole_file(const char *path)
{
	struct strbuf wal = { 0 };
	struct stat sb;
	int whole;

	strbuf_addf(&wal, "%s-wal", path);
	whole = stat(strbuf_str(&wal), &sb) == -1 || sb.st_size == 0;
	strbuf_free(&wal);
	return whole;
}

/*
 * A pool on a read-only USB stick or share, in WAL mode, cannot be read
 * as usual (SQLite would make its -shm beside it); with nothing in a
 * -wal it is all in the file, which is read as it is (immutable).
 */
static sqlite3 *
open_immutable(const char *path)
{
	struct strbuf uri = { 0 };
	sqlite3 *db = NULL;
	const char *c;

	strbuf_adds(&uri, path[0] == '/' ? "file://" : "file:");
	for (c = path; *c != '\0'; c++)
		if (isalnum((unsigned char)*c) || strchr("/-_.~", *c) != NULL)
			strbuf_add(&uri, c, 1);
		else
			strbuf_addf(&uri, "%%%02X", (unsigned char)*c);
	strbuf_adds(&uri, "?immutable=1");
	sqlite3_open_v2(strbuf_str(&uri), &db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI, NULL);
	strbuf_free(&uri);
	return db;
}

/* A roster database of a schema this roster reads, copied to copy. */
static int
copy_db(const char *path, const char *copy, struct error *err)
{
	sqlite3 *src = NULL, *dst = NULL;
	sqlite3_backup *b;
	long long appid, version;
	int rc = RC_OK;

	if (sqlite3_open_v2(path, &src, SQLITE_OPEN_READONLY, NULL) !=
	    SQLITE_OK) {
		rc = error_set(err, RC_INPUT, "%s: cannot be read: %s", path,
		    src != NULL ? sqlite3_errmsg(src) : "out of memory");
		goto out;
	}
	if ((appid = pragma(src, "PRAGMA application_id")) == -1 &&
	    whole_file(path)) {
		sqlite3_close(src);
		src = open_immutable(path);
		appid = pragma(src, "PRAGMA application_id");
	}
	version = pragma(src, "PRAGMA user_version");
	if (appid != STORE_APPLICATION_ID)
		rc = error_set(err, RC_INPUT, "%s: not a roster database%s; "
		    "nothing was changed", path, changeset_is(path) ? " but a "
		    "changeset (roster apply reads it)" : "");
	else if (version > store_schema_version())
		rc = error_set(err, RC_INPUT, "%s: made by a newer roster "
		    "(schema %lld; this one knows up to %d): upgrade roster "
		    "first; nothing was changed", path, version,
		    store_schema_version());
	if (rc != RC_OK)
		goto out;
	if (sqlite3_open(copy, &dst) != SQLITE_OK ||
	    (b = sqlite3_backup_init(dst, "main", src, "main")) == NULL) {
		rc = error_set(err, RC_DB, "%s: %s", copy, dst != NULL ?
		    sqlite3_errmsg(dst) : "out of memory");
		goto out;
	}
	sqlite3_backup_step(b, -1);
	if (sqlite3_backup_finish(b) != SQLITE_OK)
		rc = error_set(err, RC_INPUT, "%s: cannot be read: %s", path,
		    sqlite3_errmsg(dst));
out:
	sqlite3_close(dst);
	sqlite3_close(src);
	return rc;
}

static void
remove_copy(const char *copy)
{
	char side[PATH_MAX + 8];

	unlink(copy);
	snprintf(side, sizeof side, "%s-wal", copy);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", copy);
	unlink(side);
}

int
merge_source_db(const char *target, const char *path, sqlite3 *stage,
    struct error *err)
{
	char copy[PATH_MAX];
	const char *tmp = getenv("TMPDIR");
	struct export_hold hold;
	struct store *s = NULL;
	mode_t mask;
	int fd, rc;

	if (same_file(target, path))
		return error_set(err, RC_INPUT, "%s is the pool being merged "
		    "into; nothing was changed", path);
	snprintf(copy, sizeof copy, "%s/roster-merge-XXXXXX",
	    tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
	/*
	 * The copy is another agency's whole pool: a signal to stop is held
	 * until it is removed, and then stops roster as it would have.
	 */
	export_hold_signals(&hold);
	mask = umask(077);
	fd = mkstemp(copy);
	umask(mask);
	if (fd == -1) {
		export_release_signals(&hold);
		return error_set(err, RC_DB, "%s: cannot make a private copy",
		    copy);
	}
	close(fd);
	if ((rc = copy_db(path, copy, err)) == RC_OK && !export_stopped() &&
	    (rc = store_open(&s, copy, 0, err)) == RC_OK)
		rc = exchange_fill(s, stage, 0, err);
	store_close(s);
	remove_copy(copy);
	if (rc == RC_OK && export_stopped())
		rc = error_set(err, RC_INPUT, "%s: interrupted; nothing was "
		    "changed", path);
	export_release_signals(&hold);
	return rc;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.csv files of dir, sorted. */
static int
csv_files(const char *dir, char ***files, size_t *n, struct error *err)
{
	struct strbuf path = { 0 };
	struct dirent *e;
	size_t len;
	DIR *d;

	*files = NULL;
	*n = 0;
	if ((d = opendir(dir)) == NULL)
		return error_set(err, RC_INPUT, "%s: cannot be read", dir);
	while ((e = readdir(d)) != NULL) {
		len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".csv") != 0)
			continue;
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s", dir, e->d_name);
		*files = xrealloc(*files, (*n + 1) * sizeof **files);
		(*files)[(*n)++] = strbuf_steal(&path);
	}
	closedir(d);
	if (*n == 0)
		return error_set(err, RC_INPUT, "%s: no export files (*.csv) "
		    "in it; nothing was changed", dir);
	qsort(*files, *n, sizeof **files, by_name);
	return RC_OK;
}

/*
 * An export has all its files: one left off the USB stick would read as
 * everyone's missions (or windows, or members) removed.
 */
static int
whole_export(const char *dir, struct error *err)
{
	struct strbuf path = { 0 };
	struct stat sb;
	int k, rc = RC_OK;

	for (k = 0; k < FILE_NKINDS && rc == RC_OK; k++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s.csv", dir,
		    import_kind_name((enum file_kind)k));
		if (stat(strbuf_str(&path), &sb) == -1 || !S_ISREG(sb.st_mode))
			rc = error_set(err, RC_INPUT, "%s: %s.csv is missing "
			    "(a merge needs every file export writes: people, "
			    "missions, unavailability, deployments and "
			    "assignments); nothing was changed", dir,
			    import_kind_name((enum file_kind)k));
	}
	strbuf_free(&path);
	return rc;
}

int
merge_source_dir(const char *dir, sqlite3 *stage, struct strbuf *report,
    struct error *err)
{
	struct import_stats stats;
	struct store *s = NULL;
	char **files;
	size_t n;
	int rc;

	memset(&stats, 0, sizeof stats);
	if ((rc = csv_files(dir, &files, &n, err)) != RC_OK)
		return rc;
	if ((rc = whole_export(dir, err)) == RC_OK &&
	    (rc = store_open(&s, dir, STORE_MEMORY | STORE_CREATE, err)) ==
	    RC_OK && (rc = import_files(s, files, n, 0, &stats, report, err))
	    == RC_OK && (rc = exchange_fill(s, stage, 0, err)) == RC_OK &&
	    sqlite3_exec(stage, "UPDATE x_meta SET value = '' WHERE key IN"
	    " ('pool_id', 'pool_name')", NULL, NULL, NULL) != SQLITE_OK)
		rc = error_set(err, RC_DB, "stage: %s", sqlite3_errmsg(stage));
	store_close(s);
	strv_free(files, n);
	return rc;
}

/*
 * The database's files and their owners: a file the user cannot write
 * (read-only instead), and a pool shared with a group (roster share)
 * whose -wal and -shm files, which SQLite makes with the database's mode
 * but the group of whoever makes them, are given the pool's group.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "store.h"
#include "store_int.h"
#include "strbuf.h"

/* "(owner ann, group crisis, mode 0640)" of a file. */
static void
add_owner(struct strbuf *b, const struct stat *sb)
{
	struct passwd *pw = getpwuid(sb->st_uid);
	struct group *gr = getgrgid(sb->st_gid);

	strbuf_adds(b, " (owner ");
	if (pw != NULL)
		strbuf_adds(b, pw->pw_name);
	else
		strbuf_addf(b, "%lu", (unsigned long)sb->st_uid);
	strbuf_adds(b, ", group ");
	if (gr != NULL)
		strbuf_adds(b, gr->gr_name);
	else
		strbuf_addf(b, "%lu", (unsigned long)sb->st_gid);
	strbuf_addf(b, ", mode %04o)", (unsigned)(sb->st_mode & 07777));
}

char *
store_not_writable(const char *path)
{
	struct strbuf why = { 0 };
	struct stat sb;

	if (stat(path, &sb) == -1 || !S_ISREG(sb.st_mode) ||
	    access(path, W_OK) == 0 || access(path, R_OK) == -1)
		return NULL;
	if (errno == EROFS) {
		strbuf_addf(&why, "%s: you cannot write this file (it is on a "
		    "read-only filesystem)", path);
		return strbuf_steal(&why);
	}
	strbuf_addf(&why, "%s: you cannot write this file", path);
	add_owner(&why, &sb);
	return strbuf_steal(&why);
}

char *
store_not_readable(const char *path)
{
	struct strbuf why = { 0 };
	struct stat sb;

	if (stat(path, &sb) == -1 && errno == EACCES)
		strbuf_addf(&why, "%s: you cannot reach this file (a directory "
		    "on its way is closed to you)", path);
	else if (access(path, F_OK) == 0 && access(path, R_OK) == -1 &&
	    errno == EACCES) {
		strbuf_addf(&why, "%s: you cannot read this file", path);
		add_owner(&why, &sb);
	} else
		return NULL;
	return strbuf_steal(&why);
}

/*
 * One file given gid and mode, made if missing.  A -wal or -shm
 * (the_db clear) another coordinator made is left to them: only its
 * owner may change it, and their roster keeps it right.
 */
static int
share_file(const char *name, gid_t gid, mode_t mode, int the_db,
    struct error *err)
{
	struct stat sb;
	int fd, rc = RC_OK;

	if ((fd = open(name, O_RDONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC,
	    mode)) == -1)
		return error_set(err, RC_DB, "%s: %s", name, strerror(errno));
	if (fstat(fd, &sb) == -1)
		rc = error_set(err, RC_DB, "%s: %s", name, strerror(errno));
	else if (sb.st_uid != geteuid() && !the_db)
		rc = RC_OK;
	else if ((sb.st_gid != gid && fchown(fd, (uid_t)-1, gid) == -1) ||
	    ((sb.st_mode & 07777) != mode && fchmod(fd, mode) == -1))
		rc = error_set(err, RC_DB, "%s: %s", name, strerror(errno));
	close(fd);
	return rc;
}

/* The files of the database from the first of sfx on. */
static int
share_files(struct store *s, size_t first, gid_t gid, mode_t mode,
    struct error *err)
{
	static const char *const sfx[] = { "", "-wal", "-shm" };
	/* SQLite's name for it: a link's target, beside which it keeps the
	 * -wal and -shm. */
	const char *db = sqlite3_db_filename(s->db, "main");
	char name[PATH_MAX + 8];
	size_t i;
	int rc;

	for (i = first; i < sizeof sfx / sizeof sfx[0]; i++) {
		if (snprintf(name, sizeof name, "%s%s", db, sfx[i]) >=
		    (int)sizeof name)
			return error_set(err, RC_INPUT, "%s: name too long",
			    s->path);
		if ((rc = share_file(name, gid, mode, i == 0, err)) != RC_OK)
			return rc;
	}
	return RC_OK;
}

int
store_share_files(struct store *s, gid_t gid, mode_t mode,
    struct error *err)
{
	return share_files(s, 0, gid, mode, err);
}

void
store_keep_shared(struct store *s)
{
	sqlite3_stmt *st;
	struct group *gr;
	struct error err;
	char group[256] = "";
	int one = 1;

	if (store_prepare(s, &st, "SELECT value FROM setting WHERE key = '"
	    STORE_SHARE_GROUP "'", &err) != RC_OK)
		return;
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(group, sizeof group, "%s",
		    (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	/* A group gone since is no reason not to open the pool. */
	if (group[0] == '\0' || (gr = getgrnam(group)) == NULL)
		return;
	sqlite3_file_control(s->db, "main", SQLITE_FCNTL_PERSIST_WAL, &one);
	/* Best effort: this user can work whatever happens, and one who
	 * then cannot open the pool is told why by SQLite. */
	share_files(s, 1, gr->gr_gid, STORE_SHARED_MODE, &err);
}

#include <sys/stat.h>

#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit.h"
#include "share.h"

int
share_get(struct store *s, char *group, size_t len, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*group = '\0';
	if ((rc = store_prepare(s, &st, "SELECT value FROM setting WHERE key"
	    " = '" STORE_SHARE_GROUP "'", err)) != RC_OK)
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(group, len, "%s", (const char *)sqlite3_column_text(st,
		    0));
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "share");
	sqlite3_finalize(st);
	return rc;
}

/* Whether the user is in group gid (their own, or one of the others). */
static int
member(gid_t gid)
{
	gid_t groups[NGROUPS_MAX];
	int n, i;

	if (getegid() == gid)
		return 1;
	n = getgroups(NGROUPS_MAX, groups);
	for (i = 0; i < n; i++)
		if (groups[i] == gid)
			return 1;
	return 0;
}

/* The group the pool would be of; gid the file's own when private. */
static int
share_check(struct store *s, const char *group, gid_t *gid,
    struct error *err)
{
	struct passwd *pw;
	struct group *gr;
	struct stat sb;

	if (stat(s->path, &sb) == -1)
		return error_set(err, RC_DB, "%s: %s", s->path,
		    strerror(errno));
	if (sb.st_uid != geteuid()) {
		pw = getpwuid(sb.st_uid);
		return error_set(err, RC_DB, "share: %s: only its owner (%s) "
		    "may share it or make it private", s->path, pw != NULL ?
		    pw->pw_name : "another user");
	}
	*gid = sb.st_gid;
	if (group == NULL)
		return RC_OK;
	if ((gr = getgrnam(group)) == NULL)
		return error_set(err, RC_INPUT, "share: there is no group "
		    "'%s' (getent group lists them)", group);
	if (!member(gr->gr_gid))
		return error_set(err, RC_INPUT, "share: you are not in group "
		    "'%s' (id -Gn lists yours)", group);
	*gid = gr->gr_gid;
	return RC_OK;
}

/* The setting, and the audit line that says who changed it. */
static int
share_record(struct store *s, const char *group, const char *old,
    struct error *err)
{
	struct audit_change change = { "group", *old != '\0' ? old : NULL,
	    group };
	/* The whole path of the file itself: one pool, one name in the
	 * log, whatever name each coordinator opens it by. */
	struct audit_entry e = { NULL, NULL, "pool",
	    sqlite3_db_filename(s->db, "main"), "share", "group", &change, 1 };
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, &st, group != NULL ?
	    "INSERT OR REPLACE INTO setting(key, value) VALUES ('"
	    STORE_SHARE_GROUP "', ?)" :
	    "DELETE FROM setting WHERE key = '" STORE_SHARE_GROUP "'",
	    err)) != RC_OK)
		return rc;
	if (group != NULL)
		sqlite3_bind_text(st, 1, group, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "share");
	sqlite3_finalize(st);
	if (rc != RC_OK)
		return rc;
	return audit_write(s, &e, err);
}

/* Whether the group may make files in the pool's directory. */
static int
dir_closed(const char *path, gid_t gid)
{
	char dir[PATH_MAX], *p;
	struct stat sb;

	snprintf(dir, sizeof dir, "%s", path);
	if ((p = strrchr(dir, '/')) == NULL)
		snprintf(dir, sizeof dir, ".");
	else if (p == dir)
		dir[1] = '\0';
	else
		*p = '\0';
	if (stat(dir, &sb) == -1)
		return 0;
	return !((sb.st_mode & S_IWOTH) || (sb.st_gid == gid &&
	    (sb.st_mode & S_IWGRP)));
}

/* The nearest directory above path that the group may not pass. */
static void
unreachable(const char *path, gid_t gid, char *dir, size_t len)
{
	char up[PATH_MAX], *p;
	struct stat sb;

	*dir = '\0';
	snprintf(up, sizeof up, "%s", path);
	while ((p = strrchr(up, '/')) != NULL && p != up) {
		*p = '\0';
		if (stat(up, &sb) == 0 && !(sb.st_mode & S_IXOTH) &&
		    !(sb.st_gid == gid && (sb.st_mode & S_IXGRP))) {
			snprintf(dir, len, "%s", up);
			return;
		}
	}
}

int
share_set(struct store *s, const char *group, struct share_result *r,
    struct error *err)
{
	int persist = group != NULL, rc;
	gid_t gid = 0;

	memset(r, 0, sizeof *r);
	if ((rc = share_check(s, group, &gid, err)) != RC_OK)
		return rc;
	if ((rc = store_begin(s, err)) != RC_OK)
		return rc;
	/* Shared again with its group, or private again: the files are
	 * put right, but nothing changed for the audit to record. */
	if ((rc = share_get(s, r->old, sizeof r->old, err)) == RC_OK &&
	    strcmp(r->old, group != NULL ? group : "") != 0)
		rc = share_record(s, group, r->old, err);
	/* Inside the transaction: files that could not be changed leave
	 * the setting as it was. */
	if (rc == RC_OK)
		rc = store_share_files(s, gid, group != NULL ?
		    STORE_SHARED_MODE : STORE_PRIVATE_MODE, err);
	if (rc != RC_OK) {
		store_rollback(s);
		return rc;
	}
	if ((rc = store_commit(s, err)) != RC_OK)
		return rc;
	/* Shared, the -wal stays after the last close, with its group. */
	sqlite3_file_control(s->db, "main", SQLITE_FCNTL_PERSIST_WAL,
	    &persist);
	r->dir_closed = group != NULL &&
	    dir_closed(sqlite3_db_filename(s->db, "main"), gid);
	if (group != NULL)
		unreachable(sqlite3_db_filename(s->db, "main"), gid,
		    r->unreachable, sizeof r->unreachable);
	return RC_OK;
}

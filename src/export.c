#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export.h"
#include "filter.h"
#include "format.h"
#include "import.h"
#include "search.h"

int
export_file_open(struct export_file *f, const char *path, int replace,
    struct error *err)
{
	int fd;

	f->fp = NULL;
	f->tmp[0] = '\0';
	if (snprintf(f->path, sizeof f->path, "%s", path) >= (int)sizeof f->path
	    || snprintf(f->tmp, sizeof f->tmp, "%s.XXXXXX", path) >=
	    (int)sizeof f->tmp)
		return error_set(err, RC_INPUT, "%s: name too long", path);
	/*
	 * A name no one can have planted a link or a file at, or the final
	 * name itself when it must be new: never a file that exists.
	 */
	if (replace)
		fd = mkostemp(f->tmp, O_CLOEXEC);
	else {
		f->tmp[0] = '\0';
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0600);
	}
	if (fd == -1 && errno == EEXIST)
		return error_set(err, RC_REFUSED, "%s: file exists", path);
	if (fd == -1)
		return error_set(err, RC_INPUT, "%s: cannot create (%s)", path,
		    strerror(errno));
	/* 0600 whatever the umask, which only ever takes bits away. */
	if (fchmod(fd, 0600) == -1 || (f->fp = fdopen(fd, "w")) == NULL) {
		error_set(err, RC_INPUT, "%s: %s", path, strerror(errno));
		close(fd);
		return export_file_commit(f, RC_INPUT, err);
	}
	return RC_OK;
}

/* The name being written: the temporary one, or the final one. */
static const char *
export_file_written(const struct export_file *f)
{
	return f->tmp[0] != '\0' ? f->tmp : f->path;
}

/*
 * A write that failed, named by the file the user asked for (the
 * temporary name means nothing to them); no room is "disk full", as the
 * store says it.
 */
static int
write_failed(const struct export_file *f, int e, struct error *err)
{
	if (e == ENOSPC || e == EDQUOT || e == EFBIG)
		return error_set(err, RC_DB, "disk full: %s (free some space "
		    "and try again)", f->path);
	return error_set(err, RC_DB, "%s: %s", f->path, strerror(e));
}

int
export_file_finish(struct export_file *f, int rc, struct error *err)
{
	if (f->fp == NULL)
		return rc;
	if ((fflush(f->fp) != 0 || ferror(f->fp) || fsync(fileno(f->fp)) != 0)
	    && rc == RC_OK)
		rc = write_failed(f, errno != 0 ? errno : EIO, err);
	if (fclose(f->fp) != 0 && rc == RC_OK)
		rc = write_failed(f, errno, err);
	f->fp = NULL;
	return rc;
}

int
export_file_commit(struct export_file *f, int rc, struct error *err)
{
	if (rc == RC_OK && f->tmp[0] != '\0' && rename(f->tmp, f->path) != 0)
		rc = error_set(err, RC_DB, "%s: %s", f->path, strerror(errno));
	/* Half a file is worse than none. */
	if (rc != RC_OK)
		unlink(export_file_written(f));
	return rc;
}

int
export_file_close(struct export_file *f, int rc, struct error *err)
{
	return export_file_commit(f, export_file_finish(f, rc, err), err);
}

static int
write_one(struct store *s, enum file_kind kind, int flags,
    const char *dir, struct export_file *f, struct error *err)
{
	char path[PATH_MAX];
	int rc;

	if (snprintf(path, sizeof path, "%s/%s.csv", dir,
	    import_kind_name(kind)) >= (int)sizeof path)
		return error_set(err, RC_INPUT, "%s: name too long", dir);
	if ((rc = export_file_open(f, path, 1, err)) != RC_OK)
		return rc;
	rc = format_csv(s, kind, flags, f->fp, err);
	if ((rc = export_file_finish(f, rc, err)) != RC_OK)
		export_file_commit(f, rc, err);	/* removes it */
	return rc;
}

/* The signals whose default is to end the program, which must not end
 * it between a temporary file and its rename. */
static const int stop_signals[] = { SIGINT, SIGTERM, SIGHUP, SIGPIPE,
    SIGALRM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGPROF };

void
export_hold_signals(struct export_hold *h)
{
	struct sigaction ign;
	sigset_t stop;
	size_t i;

	sigemptyset(&stop);
	for (i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
		sigaddset(&stop, stop_signals[i]);
	sigprocmask(SIG_BLOCK, &stop, &h->mask);
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGXFSZ, &ign, &h->xfsz);
}

int
export_stopped(void)
{
	sigset_t pending;
	size_t i;
	int stopped = 0;

	if (sigpending(&pending) == 0)
		for (i = 0; i < sizeof stop_signals / sizeof stop_signals[0];
		    i++)
			stopped |= sigismember(&pending, stop_signals[i]) == 1;
	return stopped;
}

void
export_release_signals(struct export_hold *h)
{
	sigaction(SIGXFSZ, &h->xfsz, NULL);
	sigprocmask(SIG_SETMASK, &h->mask, NULL);
}

/*
 * Writes the files, then renames them all into place; on any failure, or
 * if a signal to stop came meanwhile, removes them all.
 */
static int
write_all(struct store *s, int flags, const char *dir, struct error *err)
{
	struct export_file f[FILE_NKINDS];
	struct export_hold hold;
	int k, n, rc = RC_OK;

	export_hold_signals(&hold);
	for (n = 0; n < FILE_NKINDS && rc == RC_OK; n++)
		rc = write_one(s, (enum file_kind)n, flags, dir, &f[n], err);
	if (rc != RC_OK)
		n--;	/* the one that failed is removed already */
	if (rc == RC_OK && export_stopped())
		rc = error_set(err, RC_INPUT, "%s: interrupted", dir);
	for (k = 0; k < n; k++)
		rc = export_file_commit(&f[k], rc, err);
	export_release_signals(&hold);
	return rc;
}

int
export_dir(struct store *s, const char *dir, const char *filter, int today,
    int flags, long long *n, long long *left_out, struct error *err)
{
	struct search_result *r;
	struct filter *f;
	int rc;

	if ((rc = filter_compile(s, filter ? filter : "", today, &f, err))
	    != RC_OK) {
		error_prefix(err, "filter");
		return rc;
	}
	/* Only once the filter holds: a refusal leaves nothing behind. */
	if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
		filter_free(f);
		return error_set(err, RC_INPUT, "%s: %s", dir, strerror(errno));
	}
	/*
	 * Without a filter every deployment goes, with one only those that
	 * an exported person is on, so that the assignments can be imported.
	 */
	if (filter == NULL || filter[strspn(filter, " \t\r\n")] == '\0')
		flags |= FORMAT_ALL_DEPLOYMENTS;
	/* One read transaction, so the files agree with each other. */
	if ((rc = store_exec(s, "BEGIN", err)) != RC_OK) {
		filter_free(f);
		return rc;
	}
	if ((rc = search_eval(s, f, NULL, &r, err)) == RC_OK) {
		*n = search_result_count(r);
		rc = search_collect(s, r, SORT_ID, 0, err);
		search_result_free(r);
	}
	filter_free(f);
	*left_out = 0;
	if (rc == RC_OK && !(flags & FORMAT_LEFT_CONTACTS))
		rc = format_left_out(s, left_out, err);
	if (rc == RC_OK)
		rc = write_all(s, flags, dir, err);
	store_exec(s, "COMMIT", NULL);
	return rc;
}

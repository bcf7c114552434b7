#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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
export_file_open(const char *path, int replace, FILE **fp, struct error *err)
{
	int fd;

	fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | (replace ? O_TRUNC :
	    O_EXCL), 0600);
	if (fd == -1 && errno == EEXIST)
		return error_set(err, RC_REFUSED, "%s: file exists", path);
	if (fd == -1)
		return error_set(err, RC_INPUT, "%s: cannot create (%s)", path,
		    strerror(errno));
	/* A file replaced keeps its mode unless told. */
	if ((replace && fchmod(fd, 0600) == -1) ||
	    (*fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		return error_set(err, RC_INPUT, "%s: %s", path,
		    strerror(errno));
	}
	return RC_OK;
}

static int
write_one(struct store *s, enum file_kind kind, int everyone,
    const char *dir, struct error *err)
{
	char tmp[PATH_MAX + 8], path[PATH_MAX];
	FILE *fp;
	int rc;

	snprintf(path, sizeof path, "%s/%s.csv", dir, import_kind_name(kind));
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	if ((rc = export_file_open(tmp, 1, &fp, err)) != RC_OK)
		return rc;
	rc = format_csv_export(s, kind, everyone, fp, err);
	if (fflush(fp) != 0 || ferror(fp) || fsync(fileno(fp)) != 0)
		if (rc == RC_OK)
			rc = error_set(err, RC_DB, "%s: %s", tmp,
			    strerror(errno));
	fclose(fp);
	if (rc != RC_OK) {
		unlink(tmp);
		return rc;
	}
	return RC_OK;
}

int
export_dir(struct store *s, const char *dir, const char *filter, int today,
    long long *n, struct error *err)
{
	char tmp[PATH_MAX + 8], path[PATH_MAX];
	struct search_result *r;
	struct filter *f;
	int k, rc, everyone;

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
	everyone = filter == NULL || filter[strspn(filter, " \t\r\n")] == '\0';
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
	for (k = 0; k < FILE_NKINDS && rc == RC_OK; k++)
		rc = write_one(s, (enum file_kind)k, everyone, dir, err);
	store_exec(s, "COMMIT", NULL);
	for (k = 0; k < FILE_NKINDS; k++) {
		snprintf(path, sizeof path, "%s/%s.csv", dir,
		    import_kind_name((enum file_kind)k));
		snprintf(tmp, sizeof tmp, "%s.tmp", path);
		if (rc != RC_OK)
			unlink(tmp);
		else if (rename(tmp, path) == -1)
			rc = error_set(err, RC_INPUT, "%s: %s", path,
			    strerror(errno));
	}
	return rc;
}

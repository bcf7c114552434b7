/*
 * roster merge: another agency's pool (its database file, only read, or
 * an export directory) brought into this one, in one transaction
 * (merge.h), and what became of whom said per origin.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "exchange.h"
#include "format_merge.h"
#include "merge.h"
#include "merge_source.h"
#include "pool.h"

/* Fills the stage from path, a database file or an export directory. */
static int
stage_from(struct store *s, const char *path, sqlite3 *stage,
    struct error *err)
{
	struct strbuf report = { 0 };
	struct stat sb;
	int rc;

	if (stat(path, &sb) == -1)
		return errno == ENOENT ? error_set(err, RC_INPUT, "%s: no such "
		    "file or directory", path) : error_set(err, RC_INPUT,
		    "%s: cannot be read (%s)", path, strerror(errno));
	if (!S_ISDIR(sb.st_mode))
		return merge_source_db(s->path, path, stage, err);
	rc = merge_source_dir(path, stage, &report, err);
	cli_note("%s", strbuf_str(&report));
	strbuf_free(&report);
	return rc;
}

void
cli_merge_print(const char *cmd, int rc, const struct merge_report *r,
    int dry_run)
{
	size_t i;

	if (rc == RC_OK)
		format_merge_report(stdout, r, dry_run);
	else if (r->nmissing > 0 && !r->vocabulary_added)
		for (i = 0; i < r->nmissing; i++)
			cli_note("roster: %s: missing %s\n", cmd, r->missing[i]);
}

static int
cmd_merge_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	struct merge_opts o = { cli_flag(a, "dry-run"),
	    cli_flag(a, "add-vocabulary"), 0, cli_value(a, "origin", 0) };
	struct merge_report r;
	struct cli_before before;
	struct store *s = NULL;
	sqlite3 *stage = NULL;
	int rc;

	memset(&r, 0, sizeof r);
	if (o.origin != NULL && (rc = pool_name_check(o.origin, err)) !=
	    RC_OK) {
		error_prefix(err, "merge: --origin");
		return rc;
	}
	if (c->read_only)
		return error_set(err, RC_INPUT, "merge: --read-only forbids "
		    "changing the database");
	/*
	 * The pool merged into is made if need be, as import makes it, and
	 * taken away again if the merge fails.  The source's messages name
	 * it; the merge's are about it.
	 */
	if ((rc = cli_open_noted(c, STORE_CREATE, &before, &s, err)) ==
	    RC_OK &&
	    (rc = exchange_stage_open(&stage, err)) == RC_OK &&
	    (rc = stage_from(s, a->words[0], stage, err)) == RC_OK &&
	    (rc = merge_stage(s, stage, &o, &r, err)) != RC_OK)
		error_prefix(err, "%s", a->words[0]);
	cli_merge_print("merge", rc, &r, o.dry_run);
	if (rc != RC_OK && strncmp(err->msg, "merge: ", 7) != 0)
		error_prefix(err, "merge");
	merge_report_free(&r);
	sqlite3_close(stage);
	store_close(s);
	if (rc != RC_OK || o.dry_run)
		cli_before_undo(&before);
	return rc;
}

static const struct cli_opt merge_opts[] = {
	{ "dry-run", 0, NULL, NULL },
	{ "add-vocabulary", 0, NULL, NULL },
	{ "origin", CLI_VALUE, "a pool name", NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_merge_entry = {
	.name = "merge",
	.usage = "OTHER.db|EXPORT-DIR [--dry-run] [--add-vocabulary] "
	    "[--origin NAME]",
	.lower = 1,
	.upper = 1,
	.opts = merge_opts,
	.exec = cmd_merge_exec,
};

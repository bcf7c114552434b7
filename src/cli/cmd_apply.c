/*
 * roster apply: another pool's changeset file (roster changes) read and
 * checked whole, then brought into this pool by the merge rules, in one
 * transaction (merge.h); refused, the pool is as it was.
 */
#include <stdio.h>
#include <string.h>

#include "changeset.h"
#include "cmd.h"
#include "merge.h"

static int
cmd_apply_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	/* Records made there before it had a name came from it too. */
	struct merge_opts o = { cli_flag(a, "dry-run"),
	    cli_flag(a, "add-vocabulary"), 1, NULL };
	struct exchange_meta m;
	struct merge_report r;
	struct cli_before before;
	struct store *s = NULL;
	sqlite3 *stage = NULL;
	int rc;

	memset(&r, 0, sizeof r);
	memset(&before, 0, sizeof before);
	before.existed = 1;	/* nothing to undo before it is looked at */
	if (c->read_only)
		return error_set(err, RC_INPUT, "apply: --read-only forbids "
		    "changing the database");
	/*
	 * A new pool starts from a changeset (changes --since all), so the
	 * pool applied to is made if need be, as merge makes it, and taken
	 * away again if the apply is a dry run or fails.
	 */
	if ((rc = changeset_read(a->words[0], &stage, &m, err)) == RC_OK)
		rc = cli_open_noted(c, STORE_CREATE, &before, &s, err);
	if (rc == RC_OK) {
		o.origin = m.pool_name[0] != '\0' ? m.pool_name : NULL;
		rc = merge_stage(s, stage, &o, &r, err);
	}
	/* A pool that grew from few people by applying keeps the query
	 * planner's old counts, which make each later apply scan. */
	if (rc == RC_OK && !o.dry_run)
		store_exec(s, "PRAGMA analysis_limit = 1000; PRAGMA optimize",
		    NULL);
	cli_merge_print("apply", rc, &r, o.dry_run);
	if (rc != RC_OK)
		error_prefix(err, "apply");
	merge_report_free(&r);
	sqlite3_close(stage);
	store_close(s);
	if (rc != RC_OK || o.dry_run)
		cli_before_undo(&before);
	return rc;
}

static const struct cli_opt apply_opts[] = {
	{ "dry-run", 0, NULL, NULL },
	{ "add-vocabulary", 0, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_apply_entry = {
	.name = "apply",
	.usage = "FILE [--dry-run] [--add-vocabulary]",
	.lower = 1,
	.upper = 1,
	.opts = apply_opts,
	.exec = cmd_apply_exec,
};

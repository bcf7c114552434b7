/* roster backup: a copy of the database, safe while others use it. */
#include "backup.h"
#include "cmd.h"

static int
cmd_backup_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	struct store *s = NULL;
	long long n = 0;
	int rc;

	if ((rc = cli_open(c, 0, &s, err)) == RC_OK)
		rc = backup_file(s, a->words[0], &n, err);
	store_close(s);
	if (rc == RC_OK)
		cli_note("roster: backed up %lld %s to %s\n", n, n == 1 ?
		    "person" : "people", a->words[0]);
	return rc;
}

const struct cmd_entry cmd_backup_entry = {
	.name = "backup",
	.usage = "FILE",
	.lower = 1,
	.upper = 1,
	.opts = NULL,
	.exec = cmd_backup_exec,
};

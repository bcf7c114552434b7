/* roster show: one person's whole record. */
#include <stdio.h>

#include "cmd.h"
#include "format.h"

static int
cmd_show_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	struct store *s = NULL;
	long long pk = 0;
	int rc;

	if ((rc = cli_open(c, 0, &s, err)) == RC_OK &&
	    (rc = cli_person(s, "show", a->words[0], &pk, err)) == RC_OK)
		rc = format_show(s, pk, c->today, stdout, err);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_show_entry = {
	.name = "show",
	.usage = "ID",
	.lower = 1,
	.upper = 1,
	.opts = NULL,
	.exec = cmd_show_exec,
};

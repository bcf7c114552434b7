/* roster callout rest: the days of rest after a deployment, shown or set. */
#include <stdio.h>
#include <stdlib.h>

#include "avail.h"
#include "cmd.h"
#include "rest.h"

static int
cmd_callout_rest_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct store *s = NULL;
	char *end;
	long n = 0;
	int days, rc;

	if (a->nwords == 1) {
		n = strtol(a->words[0], &end, 10);
		if (*a->words[0] == '\0' || *end != '\0' || n < 0 ||
		    n > AVAIL_REST_MAX)
			return error_set(err, RC_INPUT, "callout rest: '%s': "
			    "expected a whole number of days from 0 to %d",
			    a->words[0], AVAIL_REST_MAX);
	}
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if (a->nwords == 1 && (rc = rest_days_set(s, (int)n, err)) == RC_OK)
		cli_note("roster: rest after a deployment: %ld day%s\n", n,
		    n == 1 ? "" : "s");
	else if (a->nwords == 0 && (rc = rest_days_get(s, &days, err)) ==
	    RC_OK)
		printf("%d\n", days);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_callout_rest_entry = {
	.name = "callout rest",
	.usage = "[DAYS]",
	.lower = 0,
	.upper = 1,
	.opts = NULL,
	.exec = cmd_callout_rest_exec,
};

/* roster callout stats: how fast and how people answered call-outs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "callout_stats.h"
#include "cmd.h"
#include "date.h"
#include "format_stats.h"

#define STATS_LAST_DEFAULT	3
#define STATS_LAST_MAX		1000

static int
cmd_callout_stats_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	const char *since = cli_value(a, "since", 0);
	const char *last = cli_value(a, "last", 0);
	const char *format = cli_value(a, "format", 0);
	enum stats_format f = STATS_TABLE;
	struct callout_stats st;
	struct store *s = NULL;
	char *end;
	long n = STATS_LAST_DEFAULT;
	int d, rc;

	/* The day as the log takes it: the times are UTC from then on. */
	if (since != NULL && (!date_parse(since, &d) || strlen(since) != 10))
		return error_set(err, RC_INPUT, "callout stats: --since: '%s' "
		    "is not a day (expected YYYY-MM-DD)", since);
	if (last != NULL) {
		n = strtol(last, &end, 10);
		if (*last == '\0' || *end != '\0' || n < 1 ||
		    n > STATS_LAST_MAX)
			return error_set(err, RC_INPUT, "callout stats: --last "
			    "'%s': expected a whole number from 1 to %d", last,
			    STATS_LAST_MAX);
	}
	if (format != NULL && strcmp(format, "csv") == 0)
		f = STATS_CSV;
	else if (format != NULL && strcmp(format, "json") == 0)
		f = STATS_JSON;
	if ((rc = cli_open(c, STORE_READ_ONLY, &s, err)) != RC_OK)
		return rc;
	if ((rc = callout_stats(s, a->nwords > 0 ? a->words[0] : NULL, since,
	    (int)n, &st, err)) == RC_OK) {
		format_stats(&st, f, stdout);
		callout_stats_free(&st);
	}
	store_close(s);
	return rc;
}

static const struct cli_opt stats_opts[] = {
	{ "since", CLI_VALUE, "a day, YYYY-MM-DD", NULL },
	{ "last", CLI_VALUE, "a number of call-outs", NULL },
	{ "format", CLI_VALUE, "a format", "table|csv|json" },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_callout_stats_entry = {
	.name = "callout stats",
	.usage = "[NAME] [--since DATE] [--last N] [--format table|csv|json]",
	.lower = 0,
	.upper = 1,
	.opts = stats_opts,
	.exec = cmd_callout_stats_exec,
};

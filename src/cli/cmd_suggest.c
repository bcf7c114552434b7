/*
 * roster deploy suggest: a team that covers the deployment's needs, with
 * why each person is on it, what still falls short, and who was left out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "deploy.h"
#include "filter.h"
#include "format_deploy.h"
#include "search.h"
#include "suggest.h"

static int
count_option(const char *name, const char *text, size_t *out,
    struct error *err)
{
	char *end;
	long n;

	*out = 0;
	if (text == NULL)
		return RC_OK;
	n = strtol(text, &end, 10);
	if (*text == '\0' || *end != '\0' || n < 1 || n > 100000)
		return error_set(err, RC_INPUT, "deploy suggest: --%s '%s': "
		    "expected a whole number from 1 to 100000", name, text);
	*out = (size_t)n;
	return RC_OK;
}

/* Not a table: the people in a machine's format. */
static int
machine(struct store *s, const struct suggest_report *r, const char *format,
    int today, struct error *err)
{
	long long *pks;
	size_t i;
	int rc;

	pks = xcalloc(r->n > 0 ? r->n : 1, sizeof *pks);
	for (i = 0; i < r->n; i++)
		pks[i] = r->people[i].person;
	rc = search_collect_pks(s, pks, r->n, err);
	free(pks);
	return rc != RC_OK ? rc : cli_print_people(s, NULL, format, today, 0,
	    err);
}

/* The shortfalls after the table, or on standard error when standard
 * output is for a machine. */
static int
print(struct store *s, const struct deployment *d,
    const struct suggest_report *r, const char *format, int today,
    struct error *err)
{
	char horizon[128];
	int rc;

	/* Like the shortfalls: on stdout only for a reader. */
	if (format_deploy_horizon(d, r, horizon, sizeof horizon))
		fprintf(strcmp(format, "table") != 0 ? stderr : stdout,
		    "%s\n\n", horizon);
	if (strcmp(format, "table") != 0) {
		rc = machine(s, r, format, today, err);
		format_deploy_shortfall(d, r, stderr);
		return rc;
	}
	if ((rc = format_deploy_suggest(s, r, stdout, err)) == RC_OK) {
		if (r->n > 0)
			printf("\n");
		format_deploy_shortfall(d, r, stdout);
	}
	return rc;
}

/* --until: the horizon of an open-ended deployment, not before it. */
static int
until_option(const struct deployment *d, const char *text, int today,
    int *until, struct error *err)
{
	char hint[64];

	*until = SUGGEST_HORIZON;
	if (text == NULL)
		return RC_OK;
	if (d->end != DEPLOY_OPEN)
		return error_set(err, RC_INPUT, "deploy suggest: --until: '%s' "
		    "has an end; --until is for open-ended deployments "
		    "(roster deploy edit --end sets the end)", d->name);
	if (!filter_date(text, today, until)) {
		filter_date_hint(text, hint, sizeof hint);
		return error_set(err, RC_INPUT, "deploy suggest: --until '%s' "
		    "is not a date (%s)", text, hint);
	}
	if (*until < d->start)
		return error_set(err, RC_INPUT, "deploy suggest: --until '%s' "
		    "is before the start", text);
	return RC_OK;
}

static int
cmd_deploy_suggest_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	const char *format = cli_value(a, "format", 0);
	struct suggest_report r;
	struct deployment d;
	struct store *s;
	size_t size, per;
	int rc, until;

	if ((rc = count_option("size", cli_value(a, "size", 0), &size, err))
	    != RC_OK || (rc = count_option("max-per-agency",
	    cli_value(a, "max-per-agency", 0), &per, err)) != RC_OK)
		return rc;
	if (format == NULL)
		format = "table";
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = deploy_get(s, a->words[0], &d, err)) != RC_OK) {
		store_close(s);
		return rc;
	}
	if ((rc = until_option(&d, cli_value(a, "until", 0), c->today, &until,
	    err)) == RC_OK && (rc = suggest_team(s, &d, c->today, size, per,
	    until, &r, err)) == RC_OK) {
		rc = print(s, &d, &r, format, c->today, err);
		/* Like search: nothing to suggest is status 1. */
		if (rc == RC_OK && r.n == 0)
			rc = error_set(err, RC_REFUSED, "deploy suggest: nobody "
			    "to suggest for '%s'", d.name);
		suggest_report_free(&r);
	}
	deploy_clear(&d);
	store_close(s);
	return rc;
}

static const struct cli_opt suggest_opts[] = {
	{ "size", CLI_VALUE, NULL, NULL },
	{ "max-per-agency", CLI_VALUE, NULL, NULL },
	{ "until", CLI_VALUE, NULL, NULL },
	{ "format", CLI_VALUE, NULL, "table|csv|json|ids" },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_deploy_suggest_entry = {
	.name = "deploy suggest",
	.usage = "NAME [--size N] [--max-per-agency N] [--until DATE] "
	    "[--format table|csv|json|ids]",
	.lower = 1,
	.upper = 1,
	.opts = suggest_opts,
	.exec = cmd_deploy_suggest_exec,
};

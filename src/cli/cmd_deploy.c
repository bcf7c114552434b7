/*
 * roster deploy: create a deployment, put people on its list, move them
 * through the statuses, show it, and close it.  (deploy suggest is in
 * cmd_suggest.c.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "date.h"
#include "deploy.h"
#include "filter.h"
#include "format.h"
#include "format_deploy.h"
#include "person.h"
#include "refdata.h"
#include "strbuf.h"
#include "suggest.h"
#include "vocab.h"

/* What --need takes: suggest_team covers at most SUGGEST_MAX_NEEDS. */
#define NEED_EXPECT	"COUNT:FILTER (at most 64 of them)"
_Static_assert(SUGGEST_MAX_NEEDS == 64, "NEED_EXPECT says 64");

/* A date option: YYYY-MM-DD, today, tomorrow, +Nd / +Nw as in filters. */
static int
date_option(const char *cmd, const char *name, const char *text, int today,
    int *day, struct error *err)
{
	char hint[64];

	if (filter_date(text, today, day))
		return RC_OK;
	filter_date_hint(text, hint, sizeof hint);
	return error_set(err, RC_INPUT, "%s: --%s '%s' is not a date (%s)",
	    cmd, name, text, hint);
}

/* --end: a date, or a length such as 4w counted from the start; the
 * window checked unless the start is DEPLOY_KEEP (deploy edit's core
 * checks it against the start as stored). */
static int
end_option(const char *cmd, const char *text, int start, int today,
    int *day, struct error *err)
{
	char hint[64], what[160];

	if (deploy_end_parse(text, start, today, day)) {
		if (start == DEPLOY_KEEP)
			return RC_OK;
		snprintf(what, sizeof what, "%s: --end '%s'", cmd, text);
		return deploy_window_check(what, start, *day, err);
	}
	if (filter_date_hint(text, hint, sizeof hint))
		return error_set(err, RC_INPUT, "%s: --end '%s' is not a date "
		    "(%s)", cmd, text, hint);
	return error_set(err, RC_INPUT, "%s: --end '%s': expected a date as "
	    "YYYY-MM-DD, today, tomorrow, +Nd or +Nw (from today), or a "
	    "length as 28d or 4w (from the start)", cmd, text);
}

/* Says the deployment's window, as created or changed, on stderr. */
static void
echo_window(const struct deployment *d)
{
	char window[128];

	format_deploy_window(d, window, sizeof window);
	cli_note("roster: %s: %s\n", d->name, window);
}

/* Each line of warn as "roster: warning: LINE" on stderr. */
static void
print_warnings(const struct strbuf *warn)
{
	const char *p;
	size_t n;

	for (p = strbuf_str(warn); *p != '\0'; p += n + (p[n] == '\n')) {
		n = strcspn(p, "\n");
		cli_note("roster: warning: %.*s\n", (int)n, p);
	}
}

/* The --need values, parsed into *needs; *n counts what to free. */
static int
needs_option(struct store *s, const struct cli_args *a, int today,
    struct need **needs, size_t *n, struct error *err)
{
	int i, count = cli_count(a, "need"), rc = RC_OK;
	size_t terms = 0, bytes = 0;

	*needs = xcalloc((size_t)count + 1, sizeof **needs);
	for (i = 0; rc == RC_OK && i < count; i++, (*n)++)
		if ((rc = deploy_need_parse(s, cli_value(a, "need", i), today,
		    &(*needs)[i], err)) == RC_OK)
			rc = deploy_needs_add(&(*needs)[i], &terms, &bytes,
			    err);
	return rc;
}

static int
cmd_deploy_create_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	const char *kind = cli_value(a, "kind", 0);
	const char *end = cli_value(a, "end", 0);
	struct cli_before before;
	struct deployment d;
	struct store *s = NULL;
	size_t i;
	int rc;

	if (cli_count(a, "need") > SUGGEST_MAX_NEEDS)
		return error_set(err, RC_INPUT, "deploy create: --need needs a "
		    "value, " NEED_EXPECT);
	memset(&d, 0, sizeof d);
	d.name = a->words[0];
	d.kind = (char *)(kind != NULL ? kind : "other");
	d.end = DEPLOY_OPEN;
	if ((rc = date_option("deploy create", "start", cli_value(a, "start",
	    0), c->today, &d.start, err)) != RC_OK || (end != NULL &&
	    (rc = end_option("deploy create", end, d.start, c->today, &d.end,
	    err)) != RC_OK))
		return rc;
	if ((rc = cli_open_noted(c, STORE_CREATE, &before, &s, err)) != RC_OK)
		return rc;
	if ((rc = refdata_country(s, cli_value(a, "country", 0), d.country,
	    err)) != RC_OK) {
		error_prefix(err, "deploy create: --country");
		/* An unknown country is bad input, not a refusal. */
		if (rc == RC_REFUSED)
			rc = RC_INPUT;
	}
	if (rc == RC_OK)
		rc = needs_option(s, a, c->today, &d.needs, &d.nneeds, err);
	if (rc == RC_OK && (rc = deploy_create(s, &d, err)) == RC_OK) {
		cli_note("roster: created deployment '%s' with %zu "
		    "need%s\n", d.name, d.nneeds, d.nneeds == 1 ? "" : "s");
		echo_window(&d);
	}
	for (i = 0; i < d.nneeds; i++)
		deploy_need_free(&d.needs[i]);
	free(d.needs);
	store_close(s);
	/* Refused with no pool yet: none is made. */
	if (rc != RC_OK)
		cli_before_undo(&before);
	return rc;
}

static const struct cli_opt create_opts[] = {
	{ "country", CLI_VALUE | CLI_REQUIRED, NULL, NULL },
	{ "start", CLI_VALUE | CLI_REQUIRED, NULL, NULL },
	{ "end", CLI_VALUE, NULL, NULL },
	{ "kind", CLI_VALUE, NULL, NULL },
	{ "need", CLI_VALUE | CLI_REPEAT, NEED_EXPECT, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_deploy_create_entry = {
	.name = "deploy create",
	.usage = "NAME --country CC --start DATE [--end END] "
	    "[--kind K] [--need N:FILTER]...",
	.lower = 1,
	.upper = 1,
	.opts = create_opts,
	.exec = cmd_deploy_create_exec,
};

/* The options of deploy edit as a change; a length of --end counts from
 * the start as it is when the change is written. */
static int
edit_change(struct store *s, const struct cli_args *a, int today,
    struct deploy_change *c, struct error *err)
{
	const char *start = cli_value(a, "start", 0);
	const char *end = cli_value(a, "end", 0);
	int rc;

	memset(c, 0, sizeof *c);
	c->start = c->end = DEPLOY_KEEP;
	c->name = cli_value(a, "rename", 0);
	c->kind = cli_value(a, "kind", 0);
	c->status = cli_value(a, "status", 0);
	if (start != NULL && (rc = date_option("deploy edit", "start", start,
	    today, &c->start, err)) != RC_OK)
		return rc;
	if (end != NULL && strcmp(end, "open") == 0)
		c->end = DEPLOY_OPEN;
	else if (end != NULL && deploy_length_parse(end, &c->end_days) &&
	    c->end_days > 0)
		c->end = DEPLOY_KEEP;
	else if (end != NULL && (rc = end_option("deploy edit", end,
	    DEPLOY_KEEP, today, &c->end, err)) != RC_OK)
		return rc;
	c->set_needs = cli_count(a, "need") > 0;
	return needs_option(s, a, today, &c->needs, &c->nneeds, err);
}

static int
cmd_deploy_edit_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct deploy_change ch = { 0 };
	struct deployment d, after;
	struct strbuf warn = { 0 };
	struct store *s;
	size_t i;
	int rc;

	if (cli_count(a, "need") > SUGGEST_MAX_NEEDS)
		return error_set(err, RC_INPUT, "deploy edit: --need needs a "
		    "value, " NEED_EXPECT);
	if (a->nvalues == 0)
		return error_set(err, RC_INPUT, "deploy edit: nothing to change "
		    "(--start, --end, --kind, --need, --status or --rename)");
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = deploy_get(s, a->words[0], &d, err)) == RC_OK) {
		if ((rc = edit_change(s, a, c->today, &ch, err)) == RC_OK &&
		    (rc = deploy_edit(s, d.name, &ch, c->today, &after, &warn,
		    err)) == RC_OK) {
			if (strcmp(after.name, d.name) != 0)
				cli_note("roster: renamed '%s' to '%s'\n",
				    d.name, after.name);
			cli_note("roster: changed '%s'\n", after.name);
			echo_window(&after);
			print_warnings(&warn);
			deploy_clear(&after);
		}
		deploy_clear(&d);
	}
	for (i = 0; i < ch.nneeds; i++)
		deploy_need_free(&ch.needs[i]);
	free(ch.needs);
	strbuf_free(&warn);
	store_close(s);
	return rc;
}

static const struct cli_opt edit_opts[] = {
	{ "start", CLI_VALUE, NULL, NULL },
	{ "end", CLI_VALUE, NULL, NULL },
	{ "kind", CLI_VALUE, NULL, NULL },
	{ "need", CLI_VALUE | CLI_REPEAT, NEED_EXPECT, NULL },
	{ "status", CLI_VALUE, NULL, "planning|active|closed" },
	{ "rename", CLI_VALUE, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_deploy_edit_entry = {
	.name = "deploy edit",
	.usage = "NAME [--start DATE] [--end END] [--kind K] "
	    "[--need N:FILTER]... [--status planning|active|closed] "
	    "[--rename NEW]",
	.lower = 1,
	.upper = 1,
	.opts = edit_opts,
	.exec = cmd_deploy_edit_exec,
};

static int
cmd_deploy_list_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct store *s;
	int rc;

	(void)a;
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	rc = format_deploy_list(s, c->today, stdout, err);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_deploy_list_entry = {
	.name = "deploy list",
	.usage = "",
	.lower = 0,
	.upper = 0,
	.opts = NULL,
	.exec = cmd_deploy_list_exec,
};

/* The ids of the arguments, or of standard input for "-", resolved
 * before anything is written. */
static int
resolve_all(struct store *s, char **ids, int n, long long **pks, size_t *npks,
    struct error *err)
{
	char word[128];
	int i, rc = RC_OK;

	*pks = NULL;
	*npks = 0;
	for (i = 0; i < n && rc == RC_OK; i++) {
		if (strcmp(ids[i], "-") == 0) {
			while (rc == RC_OK && scanf("%127s", word) == 1) {
				*pks = xrealloc(*pks, (*npks + 1) *
				    sizeof **pks);
				rc = cli_person(s, "deploy add", word,
				    &(*pks)[*npks], err);
				(*npks)++;
			}
			continue;
		}
		*pks = xrealloc(*pks, (*npks + 1) * sizeof **pks);
		rc = cli_person(s, "deploy add", ids[i], &(*pks)[(*npks)++],
		    err);
	}
	if (rc != RC_OK) {
		free(*pks);
		*pks = NULL;
		*npks = 0;
	}
	return rc;
}

static int
cmd_deploy_add_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct deployment d;
	struct strbuf warn = { 0 };
	struct store *s;
	long long *pks;
	size_t npks, added;
	int rc;

	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = deploy_get(s, a->words[0], &d, err)) != RC_OK) {
		store_close(s);
		return rc;
	}
	if ((rc = resolve_all(s, a->words + 1, a->nwords - 1, &pks, &npks,
	    err)) == RC_OK) {
		rc = deploy_add(s, &d, pks, npks, cli_value(a, "role", 0),
		    c->today, &warn, &added, err);
		free(pks);
	}
	if (rc == RC_OK) {
		print_warnings(&warn);
		cli_note("roster: %zu added to '%s'%s\n", added, d.name,
		    added < npks ? " (the others were on the list already)" :
		    "");
	}
	strbuf_free(&warn);
	deploy_clear(&d);
	store_close(s);
	return rc;
}

static const struct cli_opt add_opts[] = {
	{ "role", CLI_VALUE, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_deploy_add_entry = {
	.name = "deploy add",
	.usage = "NAME ID... [--role R]",
	.note = "(ID - reads ids from standard input)",
	.lower = 2,
	.upper = -1,
	.opts = add_opts,
	.exec = cmd_deploy_add_exec,
};

/* Papers that lapse before the end: said, but the change stands. */
static int
warn_papers(struct store *s, const struct deployment *d, long long pk,
    int today, struct error *err)
{
	struct strbuf warn = { 0 };
	int rc;

	if ((rc = deploy_papers_warn(s, d, pk, today, &warn, err)) == RC_OK)
		print_warnings(&warn);
	strbuf_free(&warn);
	return rc;
}

static int
cmd_deploy_set_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	enum member_status to;
	struct deployment d;
	struct store *s;
	char expected[VOCAB_EXPECTED_LEN];
	long long pk;
	int rc;

	if (!member_status_parse(a->words[2], &to))
		return error_set(err, RC_INPUT, "deploy set: unknown status "
		    "'%s' (expected %s)", a->words[2],
		    vocab_expected(&vocab_member_statuses, 0, expected,
		    sizeof expected));
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = deploy_get(s, a->words[0], &d, err)) == RC_OK) {
		if ((rc = cli_person(s, "deploy set", a->words[1], &pk, err))
		    == RC_OK)
			rc = deploy_set(s, &d, pk, to, cli_flag(a, "force"),
			    err);
		if (rc == RC_OK && (to == MS_CONFIRMED || to == MS_DEPLOYED))
			rc = warn_papers(s, &d, pk, c->today, err);
		deploy_clear(&d);
	}
	store_close(s);
	return rc;
}

static const struct cli_opt set_opts[] = {
	{ "force", 0, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_deploy_set_entry = {
	.name = "deploy set",
	.usage = "NAME ID STATUS [--force]",
	.lower = 3,
	.upper = 3,
	.opts = set_opts,
	.exec = cmd_deploy_set_exec,
};

static int
cmd_deploy_remove_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct deployment d;
	struct store *s;
	char name[256];
	long long pk;
	int rc;

	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = deploy_get(s, a->words[0], &d, err)) == RC_OK) {
		if ((rc = cli_person(s, "deploy remove", a->words[1], &pk,
		    err)) == RC_OK && (rc = deploy_remove(s, &d, pk, err)) ==
		    RC_OK)
			fprintf(stderr, "roster: %s taken off '%s'\n",
			    person_name(s, pk, name, sizeof name), d.name);
		deploy_clear(&d);
	}
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_deploy_remove_entry = {
	.name = "deploy remove",
	.usage = "NAME ID",
	.lower = 2,
	.upper = 2,
	.opts = NULL,
	.exec = cmd_deploy_remove_exec,
};

/* The sheet says itself whose contacts it left out; CSV and JSON, whose
 * output is data, on stderr. */
static int
show_print(struct store *s, const struct deployment *d, const char *format,
    int today, int flags, struct error *err)
{
	long long left_out = 0;
	int rc;

	if (strcmp(format, "sheet") == 0)
		return format_deploy_sheet(s, d, today, flags, stdout, err);
	if (strcmp(format, "csv") != 0 && strcmp(format, "json") != 0)
		return format_deploy_table(s, d, today, stdout, err);
	if (!(flags & FORMAT_LEFT_CONTACTS) &&
	    (rc = deploy_left_out(s, d, &left_out, err)) != RC_OK)
		return rc;
	if (strcmp(format, "csv") == 0)
		rc = format_deploy_csv(s, d, today, flags, stdout, err);
	else
		rc = format_deploy_json(s, d, today, flags, stdout, err);
	if (rc == RC_OK)
		cli_note_left_out(left_out);
	return rc;
}

static int
cmd_deploy_show_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	const char *format = cli_value(a, "format", 0);
	struct deployment d;
	struct store *s;
	int rc;

	if (format == NULL)
		format = "table";
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = deploy_get(s, a->words[0], &d, err)) == RC_OK) {
		rc = show_print(s, &d, format, c->today,
		    cli_flag(a, "with-left-contacts") ? FORMAT_LEFT_CONTACTS :
		    0, err);
		deploy_clear(&d);
	}
	store_close(s);
	return rc;
}

static const struct cli_opt show_opts[] = {
	{ "format", CLI_VALUE, NULL, "table|csv|json|sheet" },
	{ "with-left-contacts", 0, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_deploy_show_entry = {
	.name = "deploy show",
	.usage = "NAME [--format table|csv|json|sheet] [--with-left-contacts]",
	.lower = 1,
	.upper = 1,
	.opts = show_opts,
	.exec = cmd_deploy_show_exec,
};

static int
cmd_deploy_close_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct store *s;
	int rc;

	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = deploy_close(s, a->words[0], err)) == RC_OK)
		cli_note("roster: closed '%s'\n", a->words[0]);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_deploy_close_entry = {
	.name = "deploy close",
	.usage = "NAME",
	.lower = 1,
	.upper = 1,
	.opts = NULL,
	.exec = cmd_deploy_close_exec,
};

/*
 * roster deploy: create a deployment, put people on its list, move them
 * through the statuses, show it, and close it.  (deploy suggest is in
 * cli_suggest.c.)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "date.h"
#include "deploy.h"
#include "filter.h"
#include "format_deploy.h"
#include "person.h"
#include "refdata.h"
#include "strbuf.h"

#define MAX_ARGS	4096

int
deploy_usage_error(const char *sub, struct error *err)
{
	size_t i;

	for (i = 0; deploy_usage[i].name != NULL; i++)
		if (sub != NULL && strcmp(sub, deploy_usage[i].name) == 0)
			return error_set(err, RC_INPUT, "usage: roster deploy "
			    "%s", deploy_usage[i].usage);
	return error_set(err, RC_INPUT, "usage: roster deploy create|list|add|"
	    "set|remove|show|suggest|close ... (see roster deploy --help)");
}

/* A date option: YYYY-MM-DD, today, or +Nd / +Nw as in filters. */
static int
date_option(const char *name, const char *text, int today, int *day,
    struct error *err)
{
	if (filter_date(text, today, day))
		return RC_OK;
	return error_set(err, RC_INPUT, "deploy create: --%s '%s': expected a "
	    "date as YYYY-MM-DD, today, +Nd or +Nw", name, text);
}

static int
create(struct cli *c, int argc, char **argv, struct error *err)
{
	const char *country = NULL, *start = NULL, *end = NULL, *kind = NULL;
	const char *needs[64];
	size_t nneeds = 0;
	const struct cli_opt opts[] = {
		{ "country", &country, NULL, 0 },
		{ "start", &start, NULL, 0 },
		{ "end", &end, NULL, 0 },
		{ "kind", &kind, NULL, 0 },
		{ NULL, NULL, NULL, 0 },
	};
	struct deployment d;
	struct store *s = NULL;
	char *rest[MAX_ARGS], **args;
	int nrest, rc, i, j;

	if (argc > MAX_ARGS)
		return deploy_usage_error("create", err);
	/* --need repeats: gather every one before the common parser sees
	 * the rest. */
	args = xcalloc((size_t)argc + 1, sizeof *args);
	for (i = j = 0; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				args[j++] = argv[i++];
			break;
		}
		if (strcmp(argv[i], "--need") != 0 &&
		    strncmp(argv[i], "--need=", 7) != 0) {
			args[j++] = argv[i];
			continue;
		}
		if (nneeds == sizeof needs / sizeof needs[0] ||
		    (argv[i][6] == '\0' && i + 1 == argc)) {
			free(args);
			return error_set(err, RC_INPUT, "deploy create: "
			    "--need needs a value, COUNT:FILTER (at most 64 "
			    "of them)");
		}
		needs[nneeds++] = argv[i][6] == '=' ? argv[i] + 7 : argv[++i];
	}
	rc = cli_parse("deploy create", j, args, opts, rest, &nrest, err);
	free(args);
	if (rc != RC_OK)
		return rc;
	if (nrest != 1 || country == NULL || start == NULL)
		return deploy_usage_error("create", err);
	memset(&d, 0, sizeof d);
	d.name = rest[0];
	d.kind = (char *)(kind != NULL ? kind : "other");
	d.end = DEPLOY_OPEN;
	if ((rc = date_option("start", start, c->today, &d.start, err)) != RC_OK ||
	    (end != NULL && (rc = date_option("end", end, c->today, &d.end,
	    err)) != RC_OK))
		return rc;
	if ((rc = cli_open(c, STORE_CREATE, &s, err)) != RC_OK)
		return rc;
	if ((rc = refdata_country(s, country, d.country, err)) != RC_OK) {
		error_prefix(err, "deploy create: --country");
		/* An unknown country is bad input, not a refusal. */
		if (rc == RC_REFUSED)
			rc = RC_INPUT;
	}
	d.needs = xcalloc(nneeds > 0 ? nneeds : 1, sizeof *d.needs);
	for (i = 0; rc == RC_OK && i < (int)nneeds; i++, d.nneeds++)
		rc = deploy_need_parse(s, needs[i], c->today, &d.needs[i], err);
	if (rc == RC_OK && (rc = deploy_create(s, &d, err)) == RC_OK)
		fprintf(stderr, "roster: created deployment '%s' with %zu "
		    "need%s\n", d.name, d.nneeds, d.nneeds == 1 ? "" : "s");
	for (i = 0; i < (int)d.nneeds; i++)
		deploy_need_free(&d.needs[i]);
	free(d.needs);
	store_close(s);
	return rc;
}

static int
list(struct cli *c, int argc, char **argv, struct error *err)
{
	struct store *s;
	int rc;

	(void)argv;
	if (argc != 0)
		return deploy_usage_error("list", err);
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	rc = format_deploy_list(s, c->today, stdout, err);
	store_close(s);
	return rc;
}

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
				rc = person_resolve(s, word, &(*pks)[*npks],
				    err);
				(*npks)++;
			}
			continue;
		}
		*pks = xrealloc(*pks, (*npks + 1) * sizeof **pks);
		rc = person_resolve(s, ids[i], &(*pks)[(*npks)++], err);
	}
	if (rc != RC_OK) {
		free(*pks);
		*pks = NULL;
		*npks = 0;
	}
	return rc;
}

static int
add(struct cli *c, int argc, char **argv, struct error *err)
{
	const char *role = NULL;
	const struct cli_opt opts[] = {
		{ "role", &role, NULL, 0 },
		{ NULL, NULL, NULL, 0 },
	};
	struct deployment d;
	struct strbuf warn = { 0 };
	struct store *s;
	char *rest[MAX_ARGS];
	long long *pks;
	size_t npks, added;
	int nrest, rc;

	if (argc > MAX_ARGS)
		return error_set(err, RC_INPUT, "deploy add: too many ids "
		    "(give them on standard input with -)");
	if ((rc = cli_parse("deploy add", argc, argv, opts, rest, &nrest, err))
	    != RC_OK)
		return rc;
	if (nrest < 2)
		return deploy_usage_error("add", err);
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = deploy_get(s, rest[0], &d, err)) != RC_OK) {
		store_close(s);
		return rc;
	}
	if ((rc = resolve_all(s, rest + 1, nrest - 1, &pks, &npks, err))
	    != RC_OK)
		error_prefix(err, "deploy add");
	else {
		rc = deploy_add(s, &d, pks, npks, role, c->today, &warn,
		    &added, err);
		free(pks);
	}
	if (rc == RC_OK) {
		if (warn.len > 0)
			fprintf(stderr, "roster: warning: %s", strbuf_str(&warn));
		fprintf(stderr, "roster: %zu added to '%s'%s\n", added, d.name,
		    added < npks ? " (the others were on the list already)" :
		    "");
	}
	strbuf_free(&warn);
	deploy_clear(&d);
	store_close(s);
	return rc;
}

static int
set(struct cli *c, int argc, char **argv, struct error *err)
{
	int force = 0;
	const struct cli_opt opts[] = {
		{ "force", NULL, &force, 0 },
		{ NULL, NULL, NULL, 0 },
	};
	enum member_status to;
	struct deployment d;
	struct store *s;
	char *rest[8];
	long long pk;
	int nrest, rc;

	if (argc > 8)
		return deploy_usage_error("set", err);
	if ((rc = cli_parse("deploy set", argc, argv, opts, rest, &nrest, err))
	    != RC_OK)
		return rc;
	if (nrest != 3)
		return deploy_usage_error("set", err);
	if (!member_status_parse(rest[2], &to))
		return error_set(err, RC_INPUT, "deploy set: unknown status "
		    "'%s' (expected proposed, contacted, confirmed, deployed, "
		    "returned, declined or withdrawn)", rest[2]);
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = deploy_get(s, rest[0], &d, err)) == RC_OK) {
		if ((rc = person_resolve(s, rest[1], &pk, err)) != RC_OK)
			error_prefix(err, "deploy set");
		else
			rc = deploy_set(s, &d, pk, to, force, err);
		deploy_clear(&d);
	}
	store_close(s);
	return rc;
}

static int
remove_member(struct cli *c, int argc, char **argv, struct error *err)
{
	struct deployment d;
	struct store *s;
	long long pk;
	int rc;

	if (argc != 2)
		return deploy_usage_error("remove", err);
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = deploy_get(s, argv[0], &d, err)) == RC_OK) {
		if ((rc = person_resolve(s, argv[1], &pk, err)) != RC_OK)
			error_prefix(err, "deploy remove");
		else
			rc = deploy_remove(s, &d, pk, err);
		deploy_clear(&d);
	}
	store_close(s);
	return rc;
}

static int
show(struct cli *c, int argc, char **argv, struct error *err)
{
	const char *format = NULL;
	const struct cli_opt opts[] = {
		{ "format", &format, NULL, 0 },
		{ NULL, NULL, NULL, 0 },
	};
	struct deployment d;
	struct store *s;
	char *rest[8];
	int nrest, rc;

	if (argc > 8)
		return deploy_usage_error("show", err);
	if ((rc = cli_parse("deploy show", argc, argv, opts, rest, &nrest,
	    err)) != RC_OK)
		return rc;
	if (nrest != 1)
		return deploy_usage_error("show", err);
	if (format == NULL)
		format = "table";
	if (strcmp(format, "table") != 0 && strcmp(format, "csv") != 0 &&
	    strcmp(format, "json") != 0 && strcmp(format, "sheet") != 0)
		return error_set(err, RC_INPUT, "deploy show: unknown format "
		    "'%s' (expected table, csv, json or sheet)", format);
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = deploy_get(s, rest[0], &d, err)) == RC_OK) {
		if (strcmp(format, "csv") == 0)
			rc = format_deploy_csv(s, &d, stdout, err);
		else if (strcmp(format, "json") == 0)
			rc = format_deploy_json(s, &d, stdout, err);
		else if (strcmp(format, "sheet") == 0)
			rc = format_deploy_sheet(s, &d, c->today, stdout, err);
		else
			rc = format_deploy_table(s, &d, c->today, stdout, err);
		deploy_clear(&d);
	}
	store_close(s);
	return rc;
}

static int
close_deployment(struct cli *c, int argc, char **argv, struct error *err)
{
	struct store *s;
	int rc;

	if (argc != 1)
		return deploy_usage_error("close", err);
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = deploy_close(s, argv[0], err)) == RC_OK)
		fprintf(stderr, "roster: closed '%s'\n", argv[0]);
	store_close(s);
	return rc;
}

const struct deploy_sub deploy_usage[] = {
	{ "create", "create NAME --country CC --start DATE [--end DATE] "
	    "[--kind K] [--need N:FILTER]..." },
	{ "list", "list" },
	{ "add", "add NAME ID... [--role R]   (ID - reads ids from standard "
	    "input)" },
	{ "set", "set NAME ID STATUS [--force]" },
	{ "remove", "remove NAME ID" },
	{ "show", "show NAME [--format table|csv|json|sheet]" },
	{ "suggest", "suggest NAME [--size N] [--max-per-agency N] "
	    "[--format table|csv|json|ids]" },
	{ "close", "close NAME" },
	{ NULL, NULL },
};

int
cmd_deploy(struct cli *c, int argc, char **argv)
{
	static const struct {
		const char	*name;
		int		(*run)(struct cli *, int, char **,
				    struct error *);
	} subs[] = {
		{ "create", create }, { "list", list }, { "add", add },
		{ "set", set }, { "remove", remove_member }, { "show", show },
		{ "suggest", cli_suggest }, { "close", close_deployment },
	};
	struct error err;
	size_t i;
	int rc;

	if (argc >= 1 && strcmp(argv[0], "--help") == 0) {
		for (i = 0; deploy_usage[i].name != NULL; i++)
			printf("%s roster deploy %s\n", i ? "      " : "usage:",
			    deploy_usage[i].usage);
		return RC_OK;
	}
	for (i = 0; argc >= 1 && i < sizeof subs / sizeof subs[0]; i++)
		if (strcmp(argv[0], subs[i].name) == 0) {
			rc = subs[i].run(c, argc - 1, argv + 1, &err);
			return rc == RC_OK ? RC_OK : cli_fail(rc, &err);
		}
	return cli_fail(deploy_usage_error(NULL, &err), &err);
}

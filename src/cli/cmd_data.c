/* roster demo, import and export: moving whole pools in and out. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "demo.h"
#include "export.h"
#include "import.h"

static int
parse_number(const char *what, const char *text, unsigned long long max,
    unsigned long long *out, struct error *err)
{
	char *end;

	if (!isdigit((unsigned char)text[0]))
		goto bad;
	*out = strtoull(text, &end, 10);
	if (*end != '\0' || *out > max)
		goto bad;
	return RC_OK;
bad:
	return error_set(err, RC_INPUT, "%s: '%s' is not a number (expected a "
	    "whole number up to %llu)", what, text, max);
}

int
cmd_demo(struct cli *c, int argc, char **argv)
{
	const char *size = NULL, *seed = NULL;
	const struct cli_opt opts[] = {
		{ "size", &size, NULL, 0 },
		{ "seed", &seed, NULL, 0 },
		{ NULL, NULL, NULL, 0 },
	};
	char **rest = calloc((size_t)argc + 1, sizeof *rest);
	struct demo_opts d = { 500, 1, c->today };
	unsigned long long v;
	struct store *s = NULL;
	struct error err;
	int nrest, rc;

	rc = cli_parse("demo", argc, argv, opts, rest, &nrest, &err);
	if (rc == RC_OK && size != NULL &&
	    (rc = parse_number("demo: --size", size, 10000000, &v, &err))
	    == RC_OK)
		d.size = (long)v;
	if (rc == RC_OK && seed != NULL &&
	    (rc = parse_number("demo: --seed", seed, ~0ULL, &v, &err)) == RC_OK)
		d.seed = v;
	if (rc == RC_OK && nrest != 1)
		rc = error_set(&err, RC_INPUT, "usage: roster demo [--size N] "
		    "[--seed S] FILE");
	if (rc == RC_OK)
		rc = store_open(&s, rest[0], STORE_CREATE |
		    STORE_EXCLUSIVE_NEW | STORE_BULK, &err);
	if (rc == RC_OK)
		rc = demo_fill(s, &d, &err);
	if (rc == RC_OK)
		rc = store_bulk_end(s, &err);
	store_close(s);
	if (rc != RC_OK && s != NULL)
		remove(rest[0]);
	if (rc != RC_OK) {
		free(rest);
		return cli_fail(rc, &err);
	}
	fprintf(stderr, "roster: created %s with %ld people\n", rest[0],
	    d.size);
	free(rest);
	return RC_OK;
}

int
cmd_import(struct cli *c, int argc, char **argv)
{
	int dry_run = 0;
	const struct cli_opt opts[] = {
		{ "dry-run", NULL, &dry_run, 0 },
		{ NULL, NULL, NULL, 0 },
	};
	char **rest = calloc((size_t)argc + 1, sizeof *rest);
	struct strbuf report = { 0 };
	struct import_stats stats;
	struct store *s = NULL;
	struct error err;
	int nrest, rc;

	rc = cli_parse("import", argc, argv, opts, rest, &nrest, &err);
	if (rc == RC_OK && nrest == 0)
		rc = error_set(&err, RC_INPUT, "usage: roster import "
		    "[--dry-run] FILE...");
	if (rc == RC_OK && c->read_only)
		rc = error_set(&err, RC_INPUT, "import: --read-only forbids "
		    "changing the database");
	if (rc == RC_OK)
		rc = cli_open(c, STORE_CREATE, &s, &err);
	if (rc == RC_OK)
		rc = import_files(s, rest, (size_t)nrest, dry_run ?
		    IMPORT_DRY_RUN : 0, &stats, &report, &err);
	store_close(s);
	free(rest);
	fputs(strbuf_str(&report), stderr);
	strbuf_free(&report);
	if (rc != RC_OK)
		return cli_fail(rc, &err);
	fprintf(stderr, "roster: %s %ld people, %ld missions, %ld "
	    "unavailability windows", dry_run ? "would import" : "imported",
	    stats.rows[FILE_PEOPLE], stats.rows[FILE_MISSIONS],
	    stats.rows[FILE_UNAVAILABILITY]);
	/* Deployments only when there were some: most imports are people. */
	if (stats.rows[FILE_DEPLOYMENTS] + stats.rows[FILE_ASSIGNMENTS] > 0)
		fprintf(stderr, ", %ld deployments, %ld assignments",
		    stats.rows[FILE_DEPLOYMENTS], stats.rows[FILE_ASSIGNMENTS]);
	fputc('\n', stderr);
	return RC_OK;
}

int
cmd_export(struct cli *c, int argc, char **argv)
{
	const char *filter = NULL;
	const struct cli_opt opts[] = {
		{ "filter", &filter, NULL, 0 },
		{ NULL, NULL, NULL, 0 },
	};
	char **rest = calloc((size_t)argc + 1, sizeof *rest);
	struct store *s = NULL;
	struct error err;
	long long n = 0;
	int nrest, rc;

	rc = cli_parse("export", argc, argv, opts, rest, &nrest, &err);
	if (rc == RC_OK && nrest != 1)
		rc = error_set(&err, RC_INPUT, "usage: roster export "
		    "[--filter F] DIR");
	if (rc == RC_OK)
		rc = cli_open(c, 0, &s, &err);
	if (rc == RC_OK)
		rc = export_dir(s, rest[0], filter, c->today, &n, &err);
	store_close(s);
	if (rc != RC_OK) {
		free(rest);
		return cli_fail(rc, &err);
	}
	fprintf(stderr, "roster: exported %lld people to %s\n", n, rest[0]);
	free(rest);
	return RC_OK;
}

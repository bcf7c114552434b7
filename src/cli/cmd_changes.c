/* roster changes: what changed in this pool since a mark, as a file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "changeset.h"
#include "cmd.h"
#include "width.h"

/* MARK: a change number, 0 or more, or "all" (0: everything). */
static int
parse_mark(const char *arg, long long *mark, struct error *err)
{
	if (strcmp(arg, "all") == 0) {
		*mark = 0;
		return RC_OK;
	}
	if (arg[0] == '\0' || strspn(arg, "0123456789") != strlen(arg) ||
	    strlen(arg) > 18)
		return error_set(err, RC_INPUT, "changes: --since %s: expected "
		    "a change number (0 or more) or all", arg);
	*mark = strtoll(arg, NULL, 10);
	return RC_OK;
}

/* "31 people", "1 deployment". */
static void
count(struct strbuf *b, long long n, const char *one, const char *many)
{
	strbuf_thousands(b, n);
	strbuf_addf(b, " %s", n == 1 ? one : many);
}

/* "KMar: changes 12 to 40: 31 people, 2 deployments, 1 erased, written
 * to FILE (next time: --since 40)" */
static void
print_summary(const struct changeset_summary *sum, const char *path)
{
	struct strbuf b = { 0 }, shown = { 0 };

	strbuf_addf(&b, "%s: changes %lld to %lld: ", sum->meta.pool_name,
	    sum->meta.since, sum->meta.until);
	count(&b, sum->people, "person", "people");
	strbuf_adds(&b, ", ");
	count(&b, sum->deployments, "deployment", "deployments");
	strbuf_adds(&b, ", ");
	strbuf_thousands(&b, sum->erased);
	strbuf_addf(&b, " erased, written to %s (next time: --since %lld)",
	    path, sum->meta.until);
	width_escape(&shown, strbuf_str(&b));
	printf("%s\n", strbuf_str(&shown));
	strbuf_free(&b);
	strbuf_free(&shown);
}

static int
cmd_changes_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	const char *path = cli_value(a, "output", 0);
	struct changeset_summary sum;
	struct exchange_meta self;
	struct store *s = NULL;
	long long mark = 0;
	int rc;

	if ((rc = parse_mark(cli_value(a, "since", 0), &mark, err)) != RC_OK ||
	    (rc = cli_open(c, STORE_READ_ONLY, &s, err)) != RC_OK)
		goto out;
	/* The pools that apply it know it by its name. */
	if ((rc = exchange_pool_self(s, &self, err)) == RC_OK &&
	    self.pool_name[0] == '\0')
		rc = error_set(err, RC_REFUSED, "changes: this pool has no "
		    "name yet: give it one first (roster pool name NAME)");
	if (rc == RC_OK && (rc = changeset_write(s, mark, path, &sum, err)) !=
	    RC_OK)
		error_prefix(err, "changes");
	if (rc == RC_OK)
		print_summary(&sum, path);
out:
	store_close(s);
	return rc;
}

static const struct cli_opt changes_opts[] = {
	{ "since", CLI_VALUE | CLI_REQUIRED, "a change number or all", NULL },
	{ "output", CLI_VALUE | CLI_REQUIRED | CLI_SHORT, "the file to write",
	  NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_changes_entry = {
	.name = "changes",
	.usage = "--since MARK --output FILE",
	.note = "(-o FILE for short)",
	.lower = 0,
	.upper = 0,
	.opts = changes_opts,
	.exec = cmd_changes_exec,
};

/* roster check: whether the database is sound, a line per problem. */
#include <limits.h>
#include <stdio.h>

#include "check.h"
#include "cmd.h"
#include "width.h"

/* A problem, its control characters escaped (names come from data). */
static void
print_problem(const char *msg, void *arg)
{
	struct strbuf line = { 0 };

	(void)arg;
	width_escape(&line, msg);
	printf("%s\n", strbuf_str(&line));
	strbuf_free(&line);
}

static int
cmd_check_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	struct check_result r = { 0, 0, NULL };
	struct strbuf verdict = { 0 };
	struct store *s = NULL;
	char path[PATH_MAX];
	int rc;

	if ((rc = cli_db_path(c, path, sizeof path, err)) != RC_OK)
		return rc;
	/* A file too damaged to open says so as any command does. */
	if ((rc = cli_open(c, 0, &s, err)) == RC_OK && cli_flag(a, "repair"))
		rc = check_repair(s, err);
	if (rc == RC_OK)
		rc = check_pool(s, print_problem, NULL, &r, err);
	store_close(s);
	if (rc != RC_OK)
		return rc;
	if (r.index_skipped != NULL)
		cli_note("roster: check: the words index's own check was not "
		    "run: %s\n", r.index_skipped);
	strbuf_addf(&verdict, "roster check: %s ", path);
	if (r.problems == 0) {
		strbuf_adds(&verdict, "is good (");
		strbuf_thousands(&verdict, r.people);
		strbuf_adds(&verdict, r.people == 1 ? " person)" : " people)");
	} else
		strbuf_addf(&verdict, "has %ld problem%s", r.problems,
		    r.problems == 1 ? "" : "s");
	print_problem(strbuf_str(&verdict), NULL);
	strbuf_free(&verdict);
	/* The problems are told: only the exit status is left to give. */
	err->msg[0] = '\0';
	return r.problems == 0 ? RC_OK : RC_DB;
}

static const struct cli_opt check_opts[] = {
	{ "repair", 0, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_check_entry = {
	.name = "check",
	.usage = "[--repair]",
	.lower = 0,
	.upper = 0,
	.opts = check_opts,
	.exec = cmd_check_exec,
};

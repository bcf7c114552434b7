#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "date.h"

static const struct {
	const char	*name;
	int		(*run)(struct cli *, int, char **);
	const char	*usage;
} commands[] = {
	{ "demo", cmd_demo, "demo [--size N] [--seed S] FILE" },
	{ "import", cmd_import, "import [--dry-run] FILE..." },
	{ "export", cmd_export, "export [--filter F] DIR" },
	{ "search", cmd_search, "search [--format table|csv|json|ids] "
	    "[--sort KEY] [FILTER...]" },
	{ "show", cmd_show, "show ID" },
	{ "deploy", cmd_deploy, NULL },
};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void
usage(FILE *fp)
{
	size_t i;

	fprintf(fp, "usage: roster [--db FILE] [--read-only]\n");
	fprintf(fp, "       roster [--db FILE] [--read-only] COMMAND ...\n");
	for (i = 0; i < NCOMMANDS; i++)
		if (commands[i].usage != NULL)
			fprintf(fp, "       roster %s\n", commands[i].usage);
	for (i = 0; deploy_usage[i].name != NULL; i++)
		fprintf(fp, "       roster deploy %s\n", deploy_usage[i].usage);
	fprintf(fp, "See roster(1), and roster(5) for files and filters.\n");
}

int
cli_fail(int rc, const struct error *err)
{
	fprintf(stderr, "roster: %s\n", err->msg);
	return rc;
}

int
cli_parse(const char *cmd, int argc, char **argv, const struct cli_opt *opts,
    char **rest, int *nrest, struct error *err)
{
	const struct cli_opt *o;
	const char *arg, *eq;
	size_t len;
	int i, only_rest = 0;

	*nrest = 0;
	for (i = 0; i < argc; i++) {
		arg = argv[i];
		if (only_rest || strncmp(arg, "--", 2) != 0) {
			rest[(*nrest)++] = argv[i];
			continue;
		}
		if (arg[2] == '\0') {
			only_rest = 1;
			continue;
		}
		eq = strchr(arg, '=');
		len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
		for (o = opts; o->name != NULL; o++)
			if (strlen(o->name) == len &&
			    strncmp(o->name, arg + 2, len) == 0)
				break;
		if (o->name == NULL)
			return error_set(err, RC_INPUT, "%s: unknown option "
			    "'%s' (see roster %s --help)", cmd, arg, cmd);
		if (o->value == NULL) {
			if (eq != NULL)
				return error_set(err, RC_INPUT, "%s: --%s takes "
				    "no value", cmd, o->name);
			*o->flag = 1;
			continue;
		}
		if (*o->value != NULL && !o->repeat)
			return error_set(err, RC_INPUT, "%s: --%s given twice",
			    cmd, o->name);
		if (eq != NULL)
			*o->value = eq + 1;
		else if (i + 1 < argc)
			*o->value = argv[++i];
		else
			return error_set(err, RC_INPUT, "%s: --%s needs a value",
			    cmd, o->name);
	}
	return RC_OK;
}

int
cli_open(const struct cli *c, int flags, struct store **s, struct error *err)
{
	char path[PATH_MAX];
	int rc;

	if (c->read_only)
		flags = (flags & ~STORE_CREATE) | STORE_READ_ONLY;
	if (c->db != NULL)
		snprintf(path, sizeof path, "%s", c->db);
	else if ((rc = store_default_path(path, sizeof path, err)) != RC_OK)
		return rc;
	return store_open(s, path, flags, err);
}

int
cli_main(int argc, char **argv, int (*interactive)(struct store *, int,
    int, struct error *))
{
	struct store *s;
	struct cli c = { NULL, 0, 0 };
	struct error err;
	size_t j;
	int i, rc;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			c.db = argv[++i];
		else if (strncmp(argv[i], "--db=", 5) == 0 && argv[i][5] != '\0')
			c.db = argv[i] + 5;
		else if (strcmp(argv[i], "--read-only") == 0)
			c.read_only = 1;
		else if (strcmp(argv[i], "--help") == 0 ||
		    strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return RC_OK;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("roster %s\n", PACKAGE_VERSION);
			return RC_OK;
		} else if (strcmp(argv[i], "--db") == 0 ||
		    strcmp(argv[i], "--db=") == 0) {
			fprintf(stderr, "roster: --db needs a file\n");
			return RC_INPUT;
		} else if (argv[i][0] == '-') {
			fprintf(stderr, "roster: unknown option '%s'\n",
			    argv[i]);
			usage(stderr);
			return RC_INPUT;
		} else
			break;
	}
	if ((rc = date_today(&c.today, &err)) != RC_OK)
		return cli_fail(rc, &err);
	if (i == argc) {
		/* Before the database is opened (and perhaps created). */
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			fprintf(stderr, "roster: the full-screen interface "
			    "needs a terminal; use a command\n");
			usage(stderr);
			return RC_INPUT;
		}
		if ((rc = cli_open(&c, STORE_CREATE, &s, &err)) != RC_OK)
			return cli_fail(rc, &err);
		rc = interactive(s, c.today, c.read_only, &err);
		store_close(s);
		return rc == RC_OK ? RC_OK : cli_fail(rc, &err);
	}
	for (j = 0; j < NCOMMANDS; j++)
		if (strcmp(argv[i], commands[j].name) == 0) {
			if (i + 1 < argc && strcmp(argv[i + 1], "--help") == 0 &&
			    commands[j].usage != NULL) {
				printf("usage: roster %s\n", commands[j].usage);
				return RC_OK;
			}
			return commands[j].run(&c, argc - i - 1, argv + i + 1);
		}
	fprintf(stderr, "roster: unknown command '%s'\n", argv[i]);
	usage(stderr);
	return RC_INPUT;
}

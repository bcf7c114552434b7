/* roster demo, import and export: moving whole pools in and out. */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "demo.h"
#include "export.h"
#include "format.h"
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

/* The one flag a signal handler may set: the demo stops and cleans up. */
static volatile sig_atomic_t demo_stop;

static void
demo_signal(int sig)
{
	demo_stop = sig;
}

/* The demo's signal handling: on (old saved) or back off (old restored). */
static void
demo_signals(struct sigaction *old, int on)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = demo_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		if (!on)
			sigaction(sigs[i], &old[i], NULL);
		/* One ignored from the start (nohup, &) stays ignored. */
		else if (sigaction(sigs[i], NULL, &old[i]) == 0 &&
		    old[i].sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	}
}

/*
 * The pool is made under a new name beside path and linked into place
 * only when complete, so a demo killed midway leaves no file a new one
 * refuses; link, unlike rename, refuses a file that appeared meanwhile.
 * Interrupted, it removes the file and then dies of the signal.
 */
static int
demo_create(const char *path, const struct demo_opts *d, struct error *err)
{
	char tmp[PATH_MAX];
	struct sigaction old[3];
	struct store *s = NULL;
	struct stat sb;
	int fd, rc;

	if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= (int)sizeof tmp)
		return error_set(err, RC_INPUT, "%s: path too long", path);
	/* Before the work, not only after it. */
	if (lstat(path, &sb) == 0)
		return error_set(err, RC_INPUT, "%s: file exists (refusing to "
		    "overwrite it)", path);
	if ((rc = store_make_parent(path, err)) != RC_OK)
		return rc;
	demo_signals(old, 1);
	if ((fd = mkstemp(tmp)) == -1)
		rc = error_set(err, RC_DB, "%s: %s", path, strerror(errno));
	else {
		close(fd);
		rc = store_open(&s, tmp, STORE_CREATE | STORE_BULK, err);
	}
	if (rc == RC_OK)
		rc = demo_fill_until(s, d, &demo_stop, err);
	if (rc == RC_OK)
		rc = store_bulk_end(s, err);
	store_close(s);
	if (rc == RC_OK && demo_stop)
		rc = error_set(err, RC_INPUT, "demo: interrupted");
	if (rc == RC_OK && link(tmp, path) == -1)
		rc = error_set(err, errno == EEXIST ? RC_INPUT : RC_DB,
		    "%s: %s", path, errno == EEXIST ? "file exists (refusing "
		    "to overwrite it)" : strerror(errno));
	if (fd != -1)
		unlink(tmp);
	demo_signals(old, 0);
	if (demo_stop)
		raise(demo_stop);
	return rc;
}

static int
cmd_demo_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	const char *size = cli_value(a, "size", 0);
	const char *seed = cli_value(a, "seed", 0);
	const char *path = a->words[0];
	struct demo_opts d = { 500, 1, c->today };
	unsigned long long v;
	int rc = RC_OK;

	if (size != NULL &&
	    (rc = parse_number("demo: --size", size, 10000000, &v, err))
	    == RC_OK)
		d.size = (long)v;
	if (rc == RC_OK && seed != NULL &&
	    (rc = parse_number("demo: --seed", seed, ~0ULL, &v, err)) == RC_OK)
		d.seed = v;
	if (rc == RC_OK)
		rc = demo_create(path, &d, err);
	if (rc == RC_OK)
		cli_note("roster: created %s with %ld people\n", path,
		    d.size);
	return rc;
}

static const struct cli_opt demo_opts[] = {
	{ "size", CLI_VALUE, NULL, NULL },
	{ "seed", CLI_VALUE, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_demo_entry = {
	.name = "demo",
	.usage = "[--size N] [--seed S] FILE",
	.lower = 1,
	.upper = 1,
	.opts = demo_opts,
	.exec = cmd_demo_exec,
};

/* The import flags of --separator: ';', ',' or a tab ("tab" or itself). */
static int
parse_separator(const char *v, int *flags, struct error *err)
{
	if (v == NULL)
		return RC_OK;
	if (strcmp(v, "tab") == 0)
		v = "\t";
	if (strlen(v) != 1 || strchr(";,\t", *v) == NULL)
		return error_set(err, RC_INPUT, "import: --separator '%s' is "
		    "not ';', ',' or tab", v);
	*flags |= IMPORT_SEPARATOR(*v);
	return RC_OK;
}

static int
cmd_import_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	int flags = IMPORT_CHANGES, dry_run = cli_flag(a, "dry-run");
	struct strbuf report = { 0 };
	struct cli_before before;
	struct import_stats stats;
	struct store *s = NULL;
	int rc, sflags = STORE_CREATE;

	if (dry_run)
		flags |= IMPORT_DRY_RUN;
	if (cli_flag(a, "allow-duplicates"))
		flags |= IMPORT_ALLOW_DUPLICATES;
	rc = parse_separator(cli_value(a, "separator", 0), &flags, err);
	if (rc == RC_OK && c->read_only)
		rc = error_set(err, RC_INPUT, "import: --read-only forbids "
		    "changing the database");
	if (rc == RC_OK)
		rc = cli_db_path(c, before.path, sizeof before.path, err);
	if (rc != RC_OK)
		return rc;
	cli_before_look(&before);
	/* A dry run makes no pool: it checks against an empty one. */
	if (dry_run && (!before.existed || before.empty))
		sflags |= STORE_MEMORY;
	rc = store_open(&s, before.path, sflags, err);
	if (rc == RC_OK) {
		cli_set_wait(s);
		rc = import_files(s, a->words, (size_t)a->nwords, flags,
		    &stats, &report, err);
	}
	store_close(s);
	if (rc != RC_OK && !(sflags & STORE_MEMORY))
		cli_before_undo(&before);
	cli_note("%s", strbuf_str(&report));
	strbuf_free(&report);
	if (rc != RC_OK)
		return rc;
	cli_note("roster: %s %ld people, %ld missions, %ld "
	    "unavailability windows", dry_run ? "would import" : "imported",
	    stats.rows[FILE_PEOPLE], stats.rows[FILE_MISSIONS],
	    stats.rows[FILE_UNAVAILABILITY]);
	/* Deployments only when there were some: most imports are people. */
	if (stats.rows[FILE_DEPLOYMENTS] + stats.rows[FILE_ASSIGNMENTS] > 0)
		cli_note(", %ld deployments, %ld assignments",
		    stats.rows[FILE_DEPLOYMENTS], stats.rows[FILE_ASSIGNMENTS]);
	if (stats.erased > 0)
		cli_note("; %ld erased (not imported)", stats.erased);
	if (stats.merged > 0)
		cli_note("; %ld of ids merged away (the kept person updated)",
		    stats.merged);
	cli_note("\n");
	return RC_OK;
}

static const struct cli_opt import_opts[] = {
	{ "dry-run", 0, NULL, NULL },
	{ "separator", CLI_VALUE, "';', ',' or tab", NULL },
	{ "allow-duplicates", 0, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_import_entry = {
	.name = "import",
	.usage = "[--dry-run] [--separator C] [--allow-duplicates] FILE...",
	.lower = 1,
	.upper = -1,
	.opts = import_opts,
	.exec = cmd_import_exec,
};

static int
cmd_export_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	struct store *s = NULL;
	long long n = 0, left_out = 0;
	int rc;

	if ((rc = cli_open(c, 0, &s, err)) == RC_OK)
		rc = export_dir(s, a->words[0], cli_value(a, "filter", 0),
		    c->today, cli_flag(a, "with-left-contacts") ?
		    FORMAT_LEFT_CONTACTS : 0, &n, &left_out, err);
	store_close(s);
	if (rc == RC_OK) {
		cli_note("roster: exported %lld people to %s\n", n,
		    a->words[0]);
		cli_note_left_out(left_out);
	}
	return rc;
}

static const struct cli_opt export_opts[] = {
	{ "filter", CLI_VALUE, NULL, NULL },
	{ "with-left-contacts", 0, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_export_entry = {
	.name = "export",
	.usage = "[--filter F] [--with-left-contacts] DIR",
	.lower = 1,
	.upper = 1,
	.opts = export_opts,
	.exec = cmd_export_exec,
};

/*
 * The dispatcher: the global options, the command table, a command's
 * arguments parsed against its entry, the usage text made from the table,
 * and the one place that prints a command's error.
 */
#include <sys/stat.h>

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "date.h"
#include "width.h"

extern const struct cmd_entry cmd_demo_entry;
extern const struct cmd_entry cmd_callout_send_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_export_entry;
extern const struct cmd_entry cmd_search_entry;
extern const struct cmd_entry cmd_show_entry;
extern const struct cmd_entry cmd_log_entry;
extern const struct cmd_entry cmd_erase_entry;
extern const struct cmd_entry cmd_person_review_entry;
extern const struct cmd_entry cmd_deploy_create_entry;
extern const struct cmd_entry cmd_deploy_edit_entry;
extern const struct cmd_entry cmd_deploy_list_entry;
extern const struct cmd_entry cmd_deploy_add_entry;
extern const struct cmd_entry cmd_deploy_set_entry;
extern const struct cmd_entry cmd_deploy_remove_entry;
extern const struct cmd_entry cmd_deploy_show_entry;
extern const struct cmd_entry cmd_deploy_suggest_entry;
extern const struct cmd_entry cmd_deploy_close_entry;
extern const struct cmd_entry cmd_person_add_entry;
extern const struct cmd_entry cmd_person_set_entry;
extern const struct cmd_entry cmd_person_mission_add_entry;
extern const struct cmd_entry cmd_person_mission_remove_entry;
extern const struct cmd_entry cmd_person_away_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_backup_entry;
extern const struct cmd_entry cmd_share_entry;
extern const struct cmd_entry cmd_callout_rest_entry;
extern const struct cmd_entry cmd_callout_stats_entry;
extern const struct cmd_entry cmd_vocab_add_entry;
extern const struct cmd_entry cmd_vocab_list_entry;
extern const struct cmd_entry cmd_callout_reply_entry;
extern const struct cmd_entry cmd_callout_inbox_entry;
extern const struct cmd_entry cmd_pool_name_entry;
extern const struct cmd_entry cmd_pool_entry;
extern const struct cmd_entry cmd_merge_entry;
extern const struct cmd_entry cmd_changes_entry;
extern const struct cmd_entry cmd_apply_entry;
extern const struct cmd_entry cmd_dupes_entry;
extern const struct cmd_entry cmd_dupes_merge_entry;
extern const struct cmd_entry cmd_dupes_not_same_entry;

const struct cmd_entry *const cmd_table[] = {
	&cmd_demo_entry,
	&cmd_import_entry,
	&cmd_export_entry,
	&cmd_search_entry,
	&cmd_show_entry,
	&cmd_log_entry,
	&cmd_erase_entry,
	&cmd_person_add_entry,
	&cmd_person_set_entry,
	&cmd_person_mission_add_entry,
	&cmd_person_mission_remove_entry,
	&cmd_person_away_entry,
	&cmd_person_review_entry,
	&cmd_deploy_create_entry,
	&cmd_deploy_edit_entry,
	&cmd_deploy_list_entry,
	&cmd_deploy_add_entry,
	&cmd_deploy_set_entry,
	&cmd_deploy_remove_entry,
	&cmd_deploy_show_entry,
	&cmd_deploy_suggest_entry,
	&cmd_deploy_close_entry,
	&cmd_callout_send_entry,
	&cmd_callout_reply_entry,
	&cmd_callout_inbox_entry,
	&cmd_callout_rest_entry,
	&cmd_callout_stats_entry,
	&cmd_check_entry,
	&cmd_backup_entry,
	&cmd_share_entry,
	&cmd_vocab_add_entry,
	&cmd_vocab_list_entry,
	/* Before "pool", which would take "pool name" as its own. */
	&cmd_pool_name_entry,
	&cmd_pool_entry,
	&cmd_merge_entry,
	&cmd_changes_entry,
	&cmd_apply_entry,
	/* The subcommands first: "dupes" alone would take their words. */
	&cmd_dupes_merge_entry,
	&cmd_dupes_not_same_entry,
	&cmd_dupes_entry,
	NULL,
};

/*
 * Where roster(1) describes a command: the subsection of its COMMANDS,
 * by the first word of the command's name; the others are in COMMANDS
 * itself.  tests/unit/test_cli.c holds each against the manual.
 */
static const struct {
	const char	*word;
	const char	*subsection;
} cmd_sections[] = {
	{ "deploy", "Deployments" },
	{ "callout", "Call-outs" },
	{ "person", "Person" },
	{ "check", "Care of the file" },
	{ "backup", "Care of the file" },
	{ "share", "Care of the file" },
	{ "vocab", "Care of the file" },
	{ "pool", "Pools" },
	{ "merge", "Pools" },
	{ "changes", "Pools" },
	{ "apply", "Pools" },
	{ "dupes", "Pools" },
};

/* "See man 1 roster, section COMMANDS, subsection Person.", for the
 * command or family name. */
static void
see_manual(FILE *fp, const char *name)
{
	size_t i, len = strcspn(name, " ");

	for (i = 0; i < sizeof cmd_sections / sizeof cmd_sections[0]; i++)
		if (strlen(cmd_sections[i].word) == len &&
		    strncmp(cmd_sections[i].word, name, len) == 0) {
			fprintf(fp, "See man 1 roster, section COMMANDS, "
			    "subsection %s.\n", cmd_sections[i].subsection);
			return;
		}
	fprintf(fp, "See man 1 roster, section COMMANDS.\n");
}

void
cli_usage(const struct cmd_entry *e, struct strbuf *b)
{
	strbuf_addf(b, "roster %s", e->name);
	if (e->usage[0] != '\0')
		strbuf_addf(b, " %s", e->usage);
	if (e->note != NULL)
		strbuf_addf(b, "   %s", e->note);
}

int
cli_usage_error(const struct cmd_entry *e, struct error *err)
{
	struct strbuf b = { 0 };

	cli_usage(e, &b);
	error_set(err, RC_INPUT, "usage: %s", strbuf_str(&b));
	strbuf_free(&b);
	return RC_INPUT;
}

/* Whether e is a subcommand of family: "deploy add" of "deploy". */
static int
in_family(const struct cmd_entry *e, const char *family)
{
	size_t len = strlen(family);

	return strncmp(e->name, family, len) == 0 && e->name[len] == ' ';
}

/* The usage lines of every command, or of one family's. */
static void
usage_lines(FILE *fp, const char *family, const char *first)
{
	const struct cmd_entry *const *t;
	struct strbuf b = { 0 };

	for (t = cmd_table; *t != NULL; t++) {
		if (family != NULL && !in_family(*t, family))
			continue;
		strbuf_reset(&b);
		cli_usage(*t, &b);
		fprintf(fp, "%s%s\n", first, strbuf_str(&b));
		first = "       ";
	}
	strbuf_free(&b);
}

static void
usage(FILE *fp)
{
	fprintf(fp, "usage: roster [--db FILE] [--read-only]\n");
	fprintf(fp, "       roster [--db FILE] [--read-only] COMMAND ...\n");
	usage_lines(fp, NULL, "       ");
	fprintf(fp, "See roster(1) for the commands and the keys, roster(5) "
	    "for files and\nfilters, and roster-tutorial(7) for a course.\n");
}

/* "usage: roster deploy create|list|... ...": sets err, returns RC_INPUT. */
static int
family_error(const char *family, struct error *err)
{
	const struct cmd_entry *const *t;
	struct strbuf b = { 0 };
	const char *sep = "";

	for (t = cmd_table; *t != NULL; t++)
		if (in_family(*t, family)) {
			strbuf_addf(&b, "%s%s", sep, (*t)->name +
			    strlen(family) + 1);
			sep = "|";
		}
	error_set(err, RC_INPUT, "usage: roster %s %s ... (see roster %s "
	    "--help)", family, strbuf_str(&b), family);
	strbuf_free(&b);
	return RC_INPUT;
}

/* Whether word names a command or a family of subcommands. */
static int
known(const char *word)
{
	const struct cmd_entry *const *t;

	if (strchr(word, ' ') != NULL)
		return 0;
	for (t = cmd_table; *t != NULL; t++)
		if (strcmp((*t)->name, word) == 0 || in_family(*t, word))
			return 1;
	return 0;
}

/* How many words of argv spell e's name ("person mission add" takes
 * three), or 0 if they do not. */
static int
name_words(const struct cmd_entry *e, int argc, char **argv)
{
	const char *name = e->name;
	size_t len;
	int i;

	for (i = 0; i < argc; i++) {
		len = strcspn(name, " ");
		if (strlen(argv[i]) != len || strncmp(name, argv[i], len) != 0)
			return 0;
		if (name[len] == '\0')
			return i + 1;
		name += len + 1;
	}
	return 0;
}

/* The entry argv names; *used is how many words its name took. */
static const struct cmd_entry *
find(int argc, char **argv, int *used)
{
	const struct cmd_entry *const *t;

	/* "deploy list" as one word is no command: a family takes two. */
	if (strchr(argv[0], ' ') != NULL)
		return NULL;
	for (t = cmd_table; *t != NULL; t++)
		if ((*used = name_words(*t, argc, argv)) > 0)
			return *t;
	return NULL;
}

/* After this long waiting for another roster's lock, a command says so. */
#define CLI_WAIT_SAY_MS	1000

/* A write waiting for the lock: said once, given up at STORE_BUSY_MS. */
static int
cli_wait(void *arg, int waited)
{
	const struct store *s = arg;

	if (waited >= CLI_WAIT_SAY_MS &&
	    waited - STORE_WAIT_STEP_MS < CLI_WAIT_SAY_MS)
		cli_note("roster: waiting for another roster to finish "
		    "(%s)\u2026\n", s->path);
	return waited >= STORE_BUSY_MS;
}

int
cli_open(struct cli *c, int flags, struct store **s, struct error *err)
{
	char path[PATH_MAX];
	int rc;

	if (c->read_only)
		flags = (flags & ~STORE_CREATE) | STORE_READ_ONLY;
	if ((rc = cli_db_path(c, path, sizeof path, err)) != RC_OK)
		return rc;
	if ((rc = store_open(s, path, flags, err)) != RC_OK)
		return rc;
	cli_set_wait(*s);
	if ((*s)->read_only_why != NULL)
		snprintf(c->opened_read_only, sizeof c->opened_read_only, "%s",
		    (*s)->read_only_why);
	return RC_OK;
}

void
cli_set_wait(struct store *s)
{
	store_set_wait(s, cli_wait, s);
}

int
cli_db_path(const struct cli *c, char *path, size_t len, struct error *err)
{
	if (c->db == NULL)
		return store_default_path(path, len, err);
	if ((size_t)snprintf(path, len, "%s", c->db) >= len)
		return error_set(err, RC_INPUT, "database path too long");
	return RC_OK;
}

void
cli_before_look(struct cli_before *b)
{
	char dir[PATH_MAX], *p;
	struct stat sb;

	b->made[0] = '\0';
	b->existed = lstat(b->path, &sb) == 0;
	b->empty = b->existed && S_ISREG(sb.st_mode) && sb.st_size == 0;
	if (b->existed)
		return;
	snprintf(dir, sizeof dir, "%s", b->path);
	while ((p = strrchr(dir, '/')) != NULL && p != dir) {
		*p = '\0';
		if (lstat(dir, &sb) == 0 || errno != ENOENT)
			break;
		snprintf(b->made, sizeof b->made, "%s", dir);
	}
}

void
cli_before_undo(const struct cli_before *b)
{
	static const char *const sfx[] = { "-wal", "-shm", "-journal", "" };
	char f[PATH_MAX + 16], *p;
	struct stat sb;
	size_t i;

	/* Only one's own: another's was refused before any write. */
	if (b->empty) {
		if (stat(b->path, &sb) == 0 && sb.st_uid == geteuid() &&
		    sb.st_size > 0 && truncate(b->path, 0) == -1)
			cli_note("roster: %s: %s\n", b->path, strerror(errno));
		return;
	}
	if (b->existed)
		return;
	for (i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
		snprintf(f, sizeof f, "%s%s", b->path, sfx[i]);
		unlink(f);
	}
	if (b->made[0] == '\0')
		return;
	/* rmdir takes only empty ones: never what another put there. */
	snprintf(f, sizeof f, "%s", b->path);
	while ((p = strrchr(f, '/')) != NULL && p != f) {
		*p = '\0';
		if (rmdir(f) == -1 || strcmp(f, b->made) == 0)
			break;
	}
}

int
cli_open_noted(struct cli *c, int flags, struct cli_before *b,
    struct store **s, struct error *err)
{
	int rc;

	memset(b, 0, sizeof *b);
	b->existed = 1;
	if ((rc = cli_db_path(c, b->path, sizeof b->path, err)) != RC_OK)
		return rc;
	cli_before_look(b);
	return cli_open(c, flags, s, err);
}

/* A command, or a family's subcommand, with its words after it. */
static int
dispatch(struct cli *c, int argc, char **argv, struct error *err)
{
	const struct cmd_entry *e;
	struct cli_args a;
	struct strbuf b = { 0 };
	int used, rc;

	if ((e = find(argc, argv, &used)) == NULL) {
		if (argc > 1 && strcmp(argv[1], "--help") == 0) {
			usage_lines(stdout, argv[0], "usage: ");
			see_manual(stdout, argv[0]);
			return RC_OK;
		}
		return family_error(argv[0], err);
	}
	if (used < argc && strcmp(argv[used], "--help") == 0) {
		cli_usage(e, &b);
		printf("usage: %s\n", strbuf_str(&b));
		strbuf_free(&b);
		see_manual(stdout, e->name);
		return RC_OK;
	}
	if ((rc = cli_parse(e, argc - used, argv + used, &a, err)) != RC_OK)
		return rc;
	rc = e->exec(c, &a, err);
	cli_args_free(&a);
	return rc;
}

/* The full-screen interface, on the database the global options name. */
static int
interactive_run(struct cli *c, int (*interactive)(struct store *, int, int,
    struct error *), struct error *err)
{
	struct store *s;
	int rc;

	if ((rc = cli_open(c, STORE_CREATE, &s, err)) != RC_OK)
		return rc;
	/* The screen says why it is read-only. */
	c->opened_read_only[0] = '\0';
	rc = interactive(s, c->today, c->read_only ||
	    s->read_only_why != NULL, err);
	store_close(s);
	return rc;
}

/* The global options; *next is the first word after them. */
static int
global_options(int argc, char **argv, struct cli *c, int *next,
    struct error *err)
{
	int i;

	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			c->db = argv[++i];
		else if (strncmp(argv[i], "--db=", 5) == 0 && argv[i][5] != '\0')
			c->db = argv[i] + 5;
		else if (strcmp(argv[i], "--read-only") == 0)
			c->read_only = 1;
		else if (strcmp(argv[i], "--db") == 0 ||
		    strcmp(argv[i], "--db=") == 0)
			return error_set(err, RC_INPUT, "--db needs a file");
		else
			break;
	}
	*next = i;
	return RC_OK;
}

void
cli_note(const char *fmt, ...)
{
	struct strbuf out = { 0 };
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) == -1)
		s = NULL;
	va_end(ap);
	if (s == NULL)
		return;
	width_escape(&out, s);
	fputs(strbuf_str(&out), stderr);
	free(s);
	strbuf_free(&out);
}

/*
 * A result cut short on standard output (a full disk) is no success: a
 * script that keeps it must know.  rc is the command's.
 */
static int
stdout_check(int rc, struct error *err)
{
	if (fflush(stdout) != EOF && !ferror(stdout))
		return rc;
	if (rc != RC_OK)
		return rc;
	if (errno == ENOSPC)
		return error_set(err, RC_DB, "disk full: standard output "
		    "(free some space and try again)");
	return error_set(err, RC_DB, "standard output: %s", strerror(errno));
}

/* The one place a failure is told: "roster: MSG", and perhaps usage. */
static int
report(int rc, const struct error *err, int with_usage)
{
	if (rc != RC_OK && err->msg[0] != '\0')
		cli_note("roster: %s\n", err->msg);
	if (with_usage)
		usage(stderr);
	return rc;
}

int
cli_main(int argc, char **argv, int (*interactive)(struct store *, int,
    int, struct error *))
{
	struct cli c = { NULL, 0, 0, "" };
	struct error err;
	int i = 1, rc;

	err.msg[0] = '\0';
	if ((rc = global_options(argc, argv, &c, &i, &err)) != RC_OK)
		return report(rc, &err, 0);
	if (i < argc && (strcmp(argv[i], "--help") == 0 ||
	    strcmp(argv[i], "-h") == 0)) {
		usage(stdout);
		return RC_OK;
	}
	if (i < argc && strcmp(argv[i], "--version") == 0) {
		printf("roster %s\n", PACKAGE_VERSION);
		return RC_OK;
	}
	if (i < argc && argv[i][0] == '-')
		return report(error_set(&err, RC_INPUT, "unknown option '%s'",
		    argv[i]), &err, 1);
	if ((rc = date_today(&c.today, &err)) != RC_OK)
		return report(rc, &err, 0);
	if (i < argc && !known(argv[i]))
		return report(error_set(&err, RC_INPUT, "unknown command '%s'",
		    argv[i]), &err, 1);
	/* Before the database is opened (and perhaps created). */
	if (i == argc && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
		return report(error_set(&err, RC_INPUT, "the full-screen "
		    "interface needs a terminal; use a command"), &err, 1);
	if (i == argc)
		rc = interactive_run(&c, interactive, &err);
	else
		rc = stdout_check(dispatch(&c, argc - i, argv + i, &err), &err);
	/* A write refused for it said so already. */
	if (c.opened_read_only[0] != '\0' && rc != RC_DB)
		cli_note("roster: %s; opened read-only\n", c.opened_read_only);
	return report(rc, &err, 0);
}

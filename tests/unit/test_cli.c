/*
 * The command table against roster(1) and against itself: every entry's
 * usage, read as a shape ("[--size=V] [--seed=V] file"), must be the shape
 * of its SYNOPSIS lines in the manual and agree with the entry's options
 * and word counts; every command of the SYNOPSIS must have an entry.  And
 * the dispatcher: roster CMD --help prints the table's usage, an unknown
 * command or a wrong number of words is status 2 with the usage line, and
 * the parser reads options the one way every command now shares.  And
 * every command has an item of its own in the COMMANDS section, whose
 * text says what each of its options does: names it (".Fl \-size"), or
 * its value as the head shows it (".Ar n", or ".Cm table" of a choice),
 * or the introduction of its subsection names it.
 *
 * The manual is read from $top_srcdir/man/roster.1 (make check exports
 * top_srcdir).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "cmd.h"

#define MAX_LINES	256
#define MAX_ARGV	16

/* The SYNOPSIS of roster(1), one macro line each. */
static struct {
	char	*lines[MAX_LINES];
	int	 n;
} syn;

#define MAX_ITEMS	64

/* An item of the COMMANDS section: "deploy add", its text, where. */
struct man_item {
	char		*name;
	struct strbuf	 head;		/* its .It line, or up to .Xc */
	struct strbuf	 text;		/* the lines after the head */
	int		 in_head;
	char		 ss[64];	/* its subsection, or "" */
	const char	*intro;		/* that subsection's text before it */
};

static struct {
	struct man_item	 items[MAX_ITEMS];
	int		 n;
	struct man_item	*in;		/* the item being read, or NULL */
	struct strbuf	 intros[16];	/* of each subsection */
	int		 nintros;
} cmds;

static const struct man_item *man_item(const char *);

/*
 * One element of a usage shape: an option ("--size", with "V" or the
 * literal choices as its value) or a word ("file"); optional ones in
 * brackets, repeatable ones followed by "...".
 */
static void
emit(struct strbuf *b, int optional, const char *name, const char *value,
    int repeat)
{
	int is_opt = strncmp(name, "--", 2) == 0;

	if (b->len > 0)
		strbuf_adds(b, " ");
	strbuf_addf(b, "%s%s%s%s%s%s%s", optional ? "[" : "", name,
	    value != NULL ? "=" : "", value != NULL ? value : "",
	    repeat && !is_opt ? "..." : "", optional ? "]" : "",
	    repeat && is_opt ? "..." : "");
}

/* "N]..." -> "N", and whether it closed a bracket or said "...". */
static char *
usage_core(const char *tok, int *closed, int *repeat)
{
	size_t len = strcspn(tok, "]");
	char *core = strndup(tok, len);

	assert_non_null(core);
	*closed = tok[len] == ']';
	*repeat = strstr(tok, "...") != NULL;
	if (strstr(core, "...") != NULL)
		*strstr(core, "...") = '\0';
	return core;
}

/* A value in a usage: literal choices as they are, a metavariable "V". */
static const char *
usage_value(const char *core)
{
	return strchr(core, '|') != NULL ? core : "V";
}

/* The shape of a table usage: "NAME --country CC [--end DATE] ...". */
static void
shape_usage(const char *usage, struct strbuf *b)
{
	char *copy = strdup(usage), *tok[MAX_ARGV], *core, *vcore, *p;
	int n = 0, i, optional, closed, repeat, vclosed, vrepeat;

	assert_non_null(copy);
	for (p = strtok(copy, " "); p != NULL; p = strtok(NULL, " ")) {
		assert_true(n < MAX_ARGV);
		tok[n++] = p;
	}
	for (i = 0; i < n; i++) {
		optional = tok[i][0] == '[';
		core = usage_core(tok[i] + optional, &closed, &repeat);
		if (strncmp(core, "--", 2) != 0) {
			for (p = core; *p != '\0'; p++)
				*p = (char)tolower((unsigned char)*p);
			emit(b, optional, core, NULL, repeat);
		} else if (i + 1 < n && ((optional && !closed) || (!optional &&
		    isupper((unsigned char)tok[i + 1][0])))) {
			vcore = usage_core(tok[++i], &vclosed, &vrepeat);
			emit(b, optional, core, usage_value(vcore), vrepeat);
			free(vcore);
		} else
			emit(b, optional, core, NULL, repeat);
		free(core);
	}
	free(copy);
}

/* ".Op Fl \-format Cm table | csv": the option's shape. */
static void
shape_man_opt(struct strbuf *b, int optional, char **w, int n)
{
	struct strbuf name = { 0 }, choices = { 0 };
	const char *value = NULL;
	int i, repeat = 0, in_cm = 0;
	char *c;

	strbuf_adds(&name, "-");
	for (c = w[0]; *c != '\0'; c++)
		if (*c != '\\')
			strbuf_add(&name, c, 1);
	for (i = 1; i < n; i++) {
		if (strcmp(w[i], "...") == 0)
			repeat = 1;
		else if (strcmp(w[i], "Cm") == 0)
			in_cm = 1;
		else if (strcmp(w[i], "Ar") == 0 && value == NULL)
			value = "V";
		else if (in_cm)
			strbuf_adds(&choices, w[i]);
	}
	if (in_cm)
		value = strbuf_str(&choices);
	emit(b, optional, strbuf_str(&name), value, repeat);
	strbuf_free(&name);
	strbuf_free(&choices);
}

/* One SYNOPSIS line after ".Cm NAME": ".Ar name id ...", ".Op Fl ...". */
static void
shape_man_line(const char *line, struct strbuf *b)
{
	char *copy = strdup(line + 1), *w[MAX_ARGV], *p;
	struct strbuf word = { 0 };
	int n = 0, i, optional;

	assert_non_null(copy);
	for (p = strtok(copy, " "); p != NULL; p = strtok(NULL, " ")) {
		assert_true(n < MAX_ARGV);
		w[n++] = p;
	}
	optional = n > 0 && strcmp(w[0], "Op") == 0;
	i = optional;
	if (i < n && strcmp(w[i], "Fl") == 0 && i + 1 < n)
		shape_man_opt(b, optional, w + i + 1, n - i - 1);
	else if (i < n && strcmp(w[i], "Ar") == 0) {
		for (i++; i < n; i++)
			if (strcmp(w[i], "...") != 0)
				emit(b, optional, w[i], NULL, i + 1 < n &&
				    strcmp(w[i + 1], "...") == 0);
	} else if (i < n && strcmp(w[i], "Cm") == 0) {
		/* A word of literal choices: ".Cm theme | skill". */
		for (i++; i < n; i++)
			strbuf_adds(&word, w[i]);
		emit(b, optional, strbuf_str(&word), NULL, 0);
	}
	strbuf_free(&word);
	free(copy);
}

/* The index of ".Cm NAME" in the SYNOPSIS, or -1. */
static int
man_find(const char *name)
{
	int i;

	for (i = 1; i < syn.n; i++)
		if (strncmp(syn.lines[i], ".Cm ", 4) == 0 &&
		    strcmp(syn.lines[i] + 4, name) == 0 &&
		    strcmp(syn.lines[i - 1], ".Nm roster") == 0)
			return i;
	return -1;
}

static void
shape_man(const char *name, struct strbuf *b)
{
	int i = man_find(name);

	if (i < 0)
		fail_msg("roster.1: the SYNOPSIS lacks 'roster %s'", name);
	for (i++; i < syn.n && strncmp(syn.lines[i], ".Nm", 3) != 0; i++)
		shape_man_line(syn.lines[i], b);
}

static const struct cmd_entry *
entry(const char *name)
{
	const struct cmd_entry *const *t;

	for (t = cmd_table; *t != NULL; t++)
		if (strcmp((*t)->name, name) == 0)
			return *t;
	return NULL;
}

static const struct cli_opt *
entry_opt(const struct cmd_entry *e, const char *name, size_t len)
{
	const struct cli_opt *o;

	for (o = e->opts; o != NULL && o->name != NULL; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	fail_msg("%s: the usage names --%.*s, the entry has no such option",
	    e->name, (int)len, name);
	return NULL;
}

/* An option of the shape against the entry's flags and choices. */
static void
check_opt(const struct cmd_entry *e, const char *tok, int optional,
    int repeat)
{
	const char *name = tok + 2, *eq = strchr(tok, '=');
	const struct cli_opt *o = entry_opt(e, name, strcspn(name, "=]"));
	char value[128] = "";

	if (eq != NULL)
		snprintf(value, sizeof value, "%.*s", (int)strcspn(eq + 1, "]"),
		    eq + 1);
	if (!!(o->flags & CLI_VALUE) != (eq != NULL))
		fail_msg("%s: --%s: usage and flags disagree on a value",
		    e->name, o->name);
	if (eq != NULL && strcmp(value, o->choices != NULL ? o->choices :
	    "V") != 0)
		fail_msg("%s: --%s: the usage shows '%s', the entry takes '%s'",
		    e->name, o->name, value, o->choices != NULL ? o->choices :
		    "any value");
	if (!!(o->flags & CLI_REQUIRED) != !optional)
		fail_msg("%s: --%s: usage and flags disagree on optional",
		    e->name, o->name);
	if (!!(o->flags & CLI_REPEAT) != repeat)
		fail_msg("%s: --%s: usage and flags disagree on repeating",
		    e->name, o->name);
}

/* The shape against the entry: its options, and its word counts. */
static void
check_shape(const struct cmd_entry *e, const char *shape)
{
	const struct cli_opt *o;
	char *copy = strdup(shape), *tok;
	int nopts = 0, seen = 0, lower = 0, words = 0, many = 0, optional;

	assert_non_null(copy);
	for (tok = strtok(copy, " "); tok != NULL; tok = strtok(NULL, " ")) {
		optional = tok[0] == '[';
		if (strncmp(tok + optional, "--", 2) == 0) {
			check_opt(e, tok + optional, optional,
			    strstr(tok, "...") != NULL);
			seen++;
			continue;
		}
		words++;
		lower += !optional;
		many |= strstr(tok, "...") != NULL;
	}
	free(copy);
	for (o = e->opts; o != NULL && o->name != NULL; o++)
		nopts++;
	if (seen != nopts)
		fail_msg("%s: the usage shows %d options, the entry has %d",
		    e->name, seen, nopts);
	if (lower != e->lower || (many ? -1 : words) != e->upper)
		fail_msg("%s: the usage says %d to %d words, the entry %d to %d",
		    e->name, lower, many ? -1 : words, e->lower, e->upper);
}

static void
test_table_and_manual_agree(void **state)
{
	const struct cmd_entry *const *t;
	struct strbuf table = { 0 }, man = { 0 };

	(void)state;
	for (t = cmd_table; *t != NULL; t++) {
		strbuf_reset(&table);
		strbuf_reset(&man);
		shape_usage((*t)->usage, &table);
		shape_man((*t)->name, &man);
		if (strcmp(strbuf_str(&table), strbuf_str(&man)) != 0)
			fail_msg("%s: the table says '%s', roster.1 '%s'",
			    (*t)->name, strbuf_str(&table), strbuf_str(&man));
		check_shape(*t, strbuf_str(&table));
	}
	strbuf_free(&table);
	strbuf_free(&man);
}

/* And the other way: no command in the manual that the table lacks. */
static void
test_manual_has_no_other_command(void **state)
{
	int i;

	(void)state;
	for (i = 1; i < syn.n; i++)
		if (strcmp(syn.lines[i - 1], ".Nm roster") == 0 &&
		    strncmp(syn.lines[i], ".Cm ", 4) == 0 &&
		    entry(syn.lines[i] + 4) == NULL)
			fail_msg("roster.1 shows 'roster %s', the table has no "
			    "such command", syn.lines[i] + 4);
}

static int
no_tui(struct store *s, int today, int read_only, struct error *err)
{
	(void)s;
	(void)today;
	(void)read_only;
	return error_set(err, RC_INPUT, "no full-screen interface here");
}

static void
slurp(FILE *fp, struct strbuf *b)
{
	char buf[4096];
	size_t n;

	rewind(fp);
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		strbuf_add(b, buf, n);
	fclose(fp);
}

/* cli_main on argv (after "roster"), stdout and stderr caught. */
static int
run(struct strbuf *out, struct strbuf *err, int argc, char **argv)
{
	FILE *o = tmpfile(), *e = tmpfile();
	int so, se, rc;

	assert_non_null(o);
	assert_non_null(e);
	fflush(stdout);
	fflush(stderr);
	so = dup(STDOUT_FILENO);
	se = dup(STDERR_FILENO);
	dup2(fileno(o), STDOUT_FILENO);
	dup2(fileno(e), STDERR_FILENO);
	rc = cli_main(argc, argv, no_tui);
	fflush(stdout);
	fflush(stderr);
	dup2(so, STDOUT_FILENO);
	dup2(se, STDERR_FILENO);
	close(so);
	close(se);
	strbuf_reset(out);
	strbuf_reset(err);
	slurp(o, out);
	slurp(e, err);
	return rc;
}

/* The same, on the words given, ending with NULL. */
static int
runv(struct strbuf *out, struct strbuf *err, ...)
{
	char *argv[MAX_ARGV];
	int argc = 0;
	va_list ap;

	va_start(ap, err);
	argv[argc++] = "roster";
	while ((argv[argc] = va_arg(ap, char *)) != NULL)
		assert_true(++argc < MAX_ARGV);
	va_end(ap);
	return run(out, err, argc, argv);
}

/*
 * An entry's command line: its name's words, then "--help" alone, or
 * nwords words "x" and every required option.
 */
static int
run_entry(const struct cmd_entry *e, int help, int nwords,
    struct strbuf *out, struct strbuf *err)
{
	char name[64], opts[MAX_ARGV][64], *argv[MAX_ARGV], *sub;
	const struct cli_opt *o;
	int argc = 0, i;

	snprintf(name, sizeof name, "%s", e->name);
	argv[argc++] = "roster";
	argv[argc++] = name;
	/* "person mission add" is three words. */
	for (sub = name; (sub = strchr(sub, ' ')) != NULL; ) {
		*sub++ = '\0';
		argv[argc++] = sub;
	}
	if (help)
		argv[argc++] = "--help";
	for (i = 0; !help && i < nwords && argc < MAX_ARGV / 2; i++)
		argv[argc++] = "x";
	for (o = e->opts; !help && o != NULL && o->name != NULL; o++)
		if ((o->flags & CLI_REQUIRED) && argc < MAX_ARGV) {
			snprintf(opts[argc], sizeof opts[argc], "--%s=x",
			    o->name);
			argv[argc] = opts[argc];
			argc++;
		}
	return run(out, err, argc, argv);
}

static void
usage_line(const struct cmd_entry *e, const char *before, struct strbuf *b)
{
	strbuf_reset(b);
	strbuf_adds(b, before);
	cli_usage(e, b);
	strbuf_adds(b, "\n");
}

/* "See man 1 roster, section COMMANDS, subsection Person.": where the
 * manual describes the command. */
static void
see_line(const char *name, struct strbuf *b)
{
	const struct man_item *it = man_item(name);

	assert_non_null(it);
	strbuf_adds(b, "See man 1 roster, section COMMANDS");
	if (it->ss[0] != '\0')
		strbuf_addf(b, ", subsection %s", it->ss);
	strbuf_adds(b, ".\n");
}

/* roster CMD --help: the usage, then where roster(1) describes it. */
static void
test_help_prints_the_usage(void **state)
{
	const struct cmd_entry *const *t;
	struct strbuf out = { 0 }, err = { 0 }, want = { 0 }, all = { 0 };

	(void)state;
	assert_int_equal(runv(&all, &err, "--help", NULL), RC_OK);
	for (t = cmd_table; *t != NULL; t++) {
		usage_line(*t, "usage: ", &want);
		see_line((*t)->name, &want);
		assert_int_equal(run_entry(*t, 1, 0, &out, &err), RC_OK);
		assert_string_equal(strbuf_str(&out), strbuf_str(&want));
		assert_string_equal(strbuf_str(&err), "");
		/* roster --help lists the same line. */
		usage_line(*t, "       ", &want);
		assert_non_null(strstr(strbuf_str(&all), strbuf_str(&want)));
	}
	/* It ends by naming the pages, the course among them. */
	assert_non_null(strstr(strbuf_str(&all), "\nSee roster(1) for the "
	    "commands and the keys, roster(5) for files and\nfilters, and "
	    "roster-tutorial(7) for a course.\n"));
	assert_int_equal(all.len, (size_t)(strstr(strbuf_str(&all),
	    "course.\n") + 8 - strbuf_str(&all)));
	strbuf_free(&out);
	strbuf_free(&err);
	strbuf_free(&want);
	strbuf_free(&all);
}

/* roster --version: "roster VERSION", nothing else. */
static void
test_version(void **state)
{
	struct strbuf out = { 0 }, err = { 0 };

	(void)state;
	assert_int_equal(runv(&out, &err, "--version", NULL), RC_OK);
	assert_string_equal(strbuf_str(&out), "roster " PACKAGE_VERSION "\n");
	assert_string_equal(strbuf_str(&err), "");
	strbuf_free(&out);
	strbuf_free(&err);
}

/* Too few words and too many: status 2 and the usage line, nothing run. */
static void
test_word_counts(void **state)
{
	const struct cmd_entry *const *t;
	struct strbuf out = { 0 }, err = { 0 }, want = { 0 };

	(void)state;
	for (t = cmd_table; *t != NULL; t++) {
		usage_line(*t, "roster: usage: ", &want);
		if ((*t)->lower > 0) {
			assert_int_equal(run_entry(*t, 0, (*t)->lower - 1, &out,
			    &err), RC_INPUT);
			assert_string_equal(strbuf_str(&err), strbuf_str(&want));
			assert_string_equal(strbuf_str(&out), "");
		}
		if ((*t)->upper >= 0) {
			assert_int_equal(run_entry(*t, 0, (*t)->upper + 1, &out,
			    &err), RC_INPUT);
			assert_string_equal(strbuf_str(&err), strbuf_str(&want));
			assert_string_equal(strbuf_str(&out), "");
		}
	}
	strbuf_free(&out);
	strbuf_free(&err);
	strbuf_free(&want);
}

static void
test_unknown_command(void **state)
{
	const char *head = "roster: unknown command 'frobnicate'\n"
	    "usage: roster [--db FILE] [--read-only]\n";
	struct strbuf out = { 0 }, err = { 0 };

	(void)state;
	assert_int_equal(runv(&out, &err, "frobnicate", NULL), RC_INPUT);
	assert_string_equal(strbuf_str(&out), "");
	assert_true(strncmp(strbuf_str(&err), head, strlen(head)) == 0);
	assert_non_null(strstr(strbuf_str(&err), "\n       roster deploy "
	    "close NAME\n"));
	assert_int_equal(runv(&out, &err, "deploy", "frobnicate", NULL),
	    RC_INPUT);
	assert_string_equal(strbuf_str(&err), "roster: usage: roster deploy "
	    "create|edit|list|add|set|remove|show|suggest|close ... (see "
	    "roster "
	    "deploy --help)\n");
	assert_int_equal(runv(&out, &err, "deploy", NULL), RC_INPUT);
	assert_non_null(strstr(strbuf_str(&err), "(see roster deploy --help)"));
	/* A family's subcommand is two words, not one with a space. */
	assert_int_equal(runv(&out, &err, "deploy list", NULL), RC_INPUT);
	assert_string_equal(strbuf_str(&out), "");
	assert_true(strncmp(strbuf_str(&err), "roster: unknown command "
	    "'deploy list'\n", 38) == 0);
	strbuf_free(&out);
	strbuf_free(&err);
}

/* roster deploy --help: the family's lines, as roster --help has them. */
static void
test_family_help(void **state)
{
	const char *first = "usage: roster deploy create NAME --country CC ";
	struct strbuf out = { 0 }, err = { 0 };

	(void)state;
	assert_int_equal(runv(&out, &err, "deploy", "--help", NULL), RC_OK);
	assert_true(strncmp(strbuf_str(&out), first, strlen(first)) == 0);
	assert_non_null(strstr(strbuf_str(&out), "\n       roster deploy "
	    "list\n       roster deploy add NAME ID... [--role R]   (ID - "
	    "reads ids from standard input)\n"));
	assert_null(strstr(strbuf_str(&out), "roster search"));
	assert_non_null(strstr(strbuf_str(&out), "\n       roster deploy "
	    "close NAME\nSee man 1 roster, section COMMANDS, subsection "
	    "Deployments.\n"));
	strbuf_free(&out);
	strbuf_free(&err);
}

static int
parse(const char *name, struct cli_args *a, struct error *err, ...)
{
	char *argv[MAX_ARGV];
	int argc = 0;
	va_list ap;

	va_start(ap, err);
	while ((argv[argc] = va_arg(ap, char *)) != NULL)
		assert_true(++argc < MAX_ARGV);
	va_end(ap);
	assert_non_null(entry(name));
	return cli_parse(entry(name), argc, argv, a, err);
}

/* One parser: options anywhere, "--" ends them, "-x" is a word. */
static void
test_parse(void **state)
{
	struct cli_args a;
	struct error err;

	(void)state;
	assert_int_equal(parse("search", &a, &err, "-lang:fr", "--sort=id",
	    "x", "--format", "ids", "--", "--y", NULL), RC_OK);
	assert_int_equal(a.nwords, 3);
	assert_string_equal(a.words[0], "-lang:fr");
	assert_string_equal(a.words[1], "x");
	assert_string_equal(a.words[2], "--y");
	assert_string_equal(cli_value(&a, "sort", 0), "id");
	assert_string_equal(cli_value(&a, "format", 0), "ids");
	assert_null(cli_value(&a, "format", 1));
	cli_args_free(&a);
	assert_int_equal(parse("deploy create", &a, &err, "n", "--need=1:a",
	    "--country", "SX", "--need", "2:b", "--start=today", NULL), RC_OK);
	assert_int_equal(cli_count(&a, "need"), 2);
	assert_string_equal(cli_value(&a, "need", 1), "2:b");
	assert_int_equal(cli_flag(&a, "end"), 0);
	cli_args_free(&a);
	assert_int_equal(parse("deploy set", &a, &err, "a", "--force", "b",
	    "c", NULL), RC_OK);
	assert_true(cli_flag(&a, "force"));
	cli_args_free(&a);
	/* A short form where the entry gives one; "-o" is a word elsewhere. */
	assert_int_equal(parse("changes", &a, &err, "--since", "all", "-o",
	    "f.changes", NULL), RC_OK);
	assert_int_equal(a.nwords, 0);
	assert_string_equal(cli_value(&a, "output", 0), "f.changes");
	cli_args_free(&a);
	assert_int_equal(parse("search", &a, &err, "-o", NULL), RC_OK);
	assert_string_equal(a.words[0], "-o");
	cli_args_free(&a);
}

/* Its refusals, each with the message the commands always gave. */
static void
test_parse_refusals(void **state)
{
	struct cli_args a;
	struct error err;

	(void)state;
	assert_int_equal(parse("search", &a, &err, "--sort", "id", "--sort=x",
	    NULL), RC_INPUT);
	assert_string_equal(err.msg, "search: --sort given twice");
	assert_int_equal(parse("search", &a, &err, "--colour", NULL), RC_INPUT);
	assert_string_equal(err.msg, "search: unknown option '--colour' (see "
	    "roster search --help)");
	assert_int_equal(parse("import", &a, &err, "--dry-run=1", "f", NULL),
	    RC_INPUT);
	assert_string_equal(err.msg, "import: --dry-run takes no value");
	assert_int_equal(parse("demo", &a, &err, "f", "--size", NULL),
	    RC_INPUT);
	assert_string_equal(err.msg, "demo: --size needs a value");
	assert_int_equal(parse("deploy create", &a, &err, "n", "--need", NULL),
	    RC_INPUT);
	assert_string_equal(err.msg, "deploy create: --need needs a value, "
	    "COUNT:FILTER (at most 64 of them)");
	assert_int_equal(parse("deploy create", &a, &err, "n", "--country",
	    "SX", NULL), RC_INPUT);
	assert_string_equal(err.msg, "usage: roster deploy create NAME "
	    "--country CC --start DATE [--end END] [--kind K] "
	    "[--need N:FILTER]...");
	assert_int_equal(parse("deploy list", &a, &err, "--", "x", NULL),
	    RC_INPUT);
	assert_string_equal(err.msg, "usage: roster deploy list");
	assert_int_equal(parse("search", &a, &err, "--format=xml", NULL),
	    RC_INPUT);
	assert_string_equal(err.msg, "search: unknown format 'xml' (expected "
	    "table, csv, json or ids)");
	assert_int_equal(parse("deploy show", &a, &err, "n", "--format", "ids",
	    NULL), RC_INPUT);
	assert_string_equal(err.msg, "deploy show: unknown format 'ids' "
	    "(expected table, csv, json or sheet)");
}

/* The command an item's head names: ".Cm deploy add Ar name" (or its
 * ".It Xo" and ".Cm" lines) is "deploy add". */
static char *
item_name(const char *head)
{
	struct strbuf b = { 0 };
	char *copy = strdup(head), *tok, *name;
	int in = 0;

	assert_non_null(copy);
	for (tok = strtok(copy, " "); tok != NULL; tok = strtok(NULL, " ")) {
		if (strcmp(tok, "Cm") == 0 && b.len == 0)
			in = 1;
		else if (in && isupper((unsigned char)tok[0]) &&
		    islower((unsigned char)tok[1]) && tok[2] == '\0')
			break;	/* the next macro */
		else if (in)
			strbuf_addf(&b, "%s%s", b.len > 0 ? " " : "", tok);
	}
	free(copy);
	name = strdup(strbuf_str(&b));
	strbuf_free(&b);
	return name;
}

/* One line of the COMMANDS section: a new item at the top level of a
 * list, more of the item it is in, or of its subsection's introduction. */
static void
commands_line(const char *line, int *depth, char *ss, size_t sslen)
{
	struct man_item *it = cmds.in;
	struct strbuf *intro = &cmds.intros[cmds.nintros];

	if (strncmp(line, ".Ss ", 4) == 0) {
		snprintf(ss, sslen, "%.*s", (int)sslen - 1, line + 4);
		if (cmds.nintros + 1 < (int)(sizeof cmds.intros /
		    sizeof cmds.intros[0]))
			intro = &cmds.intros[++cmds.nintros];
	}
	if (strncmp(line, ".Bl", 3) == 0)
		(*depth)++;
	if (strncmp(line, ".El", 3) == 0 && --(*depth) == 0)
		it = cmds.in = NULL;
	if (*depth == 1 && strncmp(line, ".It", 3) == 0 && cmds.n < MAX_ITEMS) {
		it = cmds.in = &cmds.items[cmds.n++];
		snprintf(it->ss, sizeof it->ss, "%s", ss);
		it->intro = strbuf_str(intro);
		it->in_head = strcmp(line, ".It Xo") == 0;
		strbuf_addf(&it->head, "%s\n", line);
		/* The name is in the head: its .It line, or up to .Xc. */
		if (!it->in_head)
			it->name = item_name(line + 1);
		return;
	}
	if (it == NULL) {
		if (*depth == 0)
			strbuf_addf(intro, "%s\n", line);
		return;
	}
	if (!it->in_head) {
		strbuf_addf(&it->text, "%s\n", line);
		return;
	}
	strbuf_addf(&it->head, "%s\n", line);
	it->in_head = strcmp(line, ".Xc") != 0;
	if (it->name == NULL && strncmp(line, ".Cm ", 4) == 0)
		it->name = item_name(line + 1);
}

/* Whether text holds a macro line's word: "Fl \-size", then a space,
 * a newline or a comma. */
static int
names(const char *text, const char *what)
{
	const char *p;

	for (p = text; (p = strstr(p, what)) != NULL; p++)
		if (strchr(" \n,", p[strlen(what)]) != NULL && (p == text ||
		    p[-1] == ' ' || p[-1] == '.'))
			return 1;
	return 0;
}

/*
 * The value of an option as the head of its item shows it: "Ar n" of
 * ".Op Fl \-size Ar n", "Cm table" of ".Fl \-format Cm table | csv";
 * "" for a flag.
 */
static void
head_value(const char *head, const char *opt, char *out, size_t len)
{
	const char *p = strstr(head, opt);

	out[0] = '\0';
	if (p == NULL)
		return;
	p += strlen(opt);
	if (strncmp(p, " Ar ", 4) == 0 || strncmp(p, " Cm ", 4) == 0)
		snprintf(out, len, "%.2s %.*s", p + 1,
		    (int)strcspn(p + 4, " \n"), p + 4);
}

/* The items of the COMMANDS section that describe the command name. */
static const struct man_item *
man_item(const char *name)
{
	int i;

	for (i = 0; i < cmds.n; i++)
		if (cmds.items[i].name != NULL &&
		    strcmp(cmds.items[i].name, name) == 0)
			return &cmds.items[i];
	return NULL;
}

/* Every command has its item in COMMANDS, naming each of its options. */
static void
test_manual_describes_each_command(void **state)
{
	const struct cmd_entry *const *t;
	const struct man_item *it;
	const struct cli_opt *o;
	char want[128], value[128];
	const char *text;
	int bad = 0;

	(void)state;
	assert_true(cmds.n > 0);
	for (t = cmd_table; *t != NULL; t++) {
		if ((it = man_item((*t)->name)) == NULL) {
			print_error("roster.1: COMMANDS has no item for "
			    "'roster %s'\n", (*t)->name);
			bad++;
			continue;
		}
		text = strbuf_str(&it->text);
		for (o = (*t)->opts; o != NULL && o->name != NULL; o++) {
			snprintf(want, sizeof want, "Fl \\-%s", o->name);
			head_value(strbuf_str(&it->head), want, value,
			    sizeof value);
			if (!names(strbuf_str(&it->head), want))
				print_error("roster.1: the item of 'roster %s' "
				    "does not show --%s\n", (*t)->name,
				    o->name);
			else if (names(text, want) || names(it->intro, want) ||
			    (value[0] != '\0' && names(text, value)))
				continue;
			else
				print_error("roster.1: the item of 'roster %s' "
				    "does not say what --%s does\n", (*t)->name,
				    o->name);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* Reads the SYNOPSIS of roster(1) into syn, its COMMANDS into cmds. */
static int
setup(void **state)
{
	const char *top = getenv("top_srcdir");
	char path[4096], line[4096], ss[64] = "";
	int in_syn = 0, in_cmds = 0, depth = 0;
	FILE *fp;

	(void)state;
	if (top == NULL || *top == '\0') {
		fprintf(stderr, "test_cli: top_srcdir is not set; run it with "
		    "make check, or set top_srcdir to the source directory\n");
		return -1;
	}
	snprintf(path, sizeof path, "%s/man/roster.1", top);
	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "test_cli: cannot open %s\n", path);
		return -1;
	}
	while (fgets(line, sizeof line, fp) != NULL && syn.n < MAX_LINES) {
		line[strcspn(line, "\r\n")] = '\0';
		if (strncmp(line, ".Sh ", 4) == 0) {
			in_syn = strcmp(line, ".Sh SYNOPSIS") == 0;
			in_cmds = strcmp(line, ".Sh COMMANDS") == 0;
		} else if (in_syn && (syn.lines[syn.n] = strdup(line)) != NULL)
			syn.n++;
		else if (in_cmds)
			commands_line(line, &depth, ss, sizeof ss);
	}
	fclose(fp);
	/* The usage errors and --help need no database, but a date. */
	setenv("ROSTER_TODAY", "2026-11-23", 1);
	return syn.n > 0 ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	while (syn.n > 0)
		free(syn.lines[--syn.n]);
	while (cmds.n > 0) {
		free(cmds.items[--cmds.n].name);
		strbuf_free(&cmds.items[cmds.n].head);
		strbuf_free(&cmds.items[cmds.n].text);
	}
	for (; cmds.nintros >= 0; cmds.nintros--)
		strbuf_free(&cmds.intros[cmds.nintros]);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_and_manual_agree),
		cmocka_unit_test(test_manual_has_no_other_command),
		cmocka_unit_test(test_manual_describes_each_command),
		cmocka_unit_test(test_help_prints_the_usage),
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_word_counts),
		cmocka_unit_test(test_unknown_command),
		cmocka_unit_test(test_family_help),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_parse_refusals),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}

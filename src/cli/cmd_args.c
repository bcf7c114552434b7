/*
 * A command's arguments, parsed once against its entry: options in the
 * order given, and the words; then read by option name.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static const struct cli_opt *
opt_find(const struct cli_opt *o, const char *name, size_t len)
{
	for (; o != NULL && o->name != NULL; o++)
		if (strlen(o->name) == len && strncmp(o->name, name, len) == 0)
			return o;
	return NULL;
}

/* The option arg is the short form of ("-o"), or NULL. */
static const struct cli_opt *
opt_short(const struct cli_opt *o, const char *arg)
{
	if (arg[0] != '-' || arg[1] == '\0' || arg[1] == '-' || arg[2] != '\0')
		return NULL;
	for (; o != NULL && o->name != NULL; o++)
		if ((o->flags & CLI_SHORT) && o->name[0] == arg[1])
			return o;
	return NULL;
}

static int
opt_count(const struct cli_args *a, const struct cli_opt *o)
{
	int i, n = 0;

	for (i = 0; i < a->nvalues; i++)
		n += a->values[i].opt == o;
	return n;
}

/* Whether value is one of choices, "table|csv|json|ids". */
static int
choice_ok(const char *choices, const char *value)
{
	size_t len = strlen(value), n;

	for (;;) {
		n = strcspn(choices, "|");
		if (n == len && strncmp(choices, value, len) == 0)
			return 1;
		if (choices[n] == '\0')
			return 0;
		choices += n + 1;
	}
}

/* "search: unknown format 'xml' (expected table, csv, json or ids)". */
static int
choice_error(const char *cmd, const struct cli_opt *o, const char *value,
    struct error *err)
{
	struct strbuf b = { 0 };
	const char *c = o->choices, *bar;

	while ((bar = strchr(c, '|')) != NULL) {
		strbuf_add(&b, c, (size_t)(bar - c));
		c = bar + 1;
		strbuf_adds(&b, strchr(c, '|') != NULL ? ", " : " or ");
	}
	strbuf_adds(&b, c);
	error_set(err, RC_INPUT, "%s: unknown %s '%s' (expected %s)", cmd,
	    o->name, value, strbuf_str(&b));
	strbuf_free(&b);
	return RC_INPUT;
}

/* One option word (and perhaps its value, the next word) of a command. */
static int
parse_opt(struct cli_args *a, int argc, char **argv, int *i,
    struct error *err)
{
	const char *cmd = a->entry->name, *arg = argv[*i], *eq, *value;
	const struct cli_opt *o;

	eq = NULL;
	if ((o = opt_short(a->entry->opts, arg)) == NULL) {
		eq = strchr(arg, '=');
		o = opt_find(a->entry->opts, arg + 2, eq != NULL ?
		    (size_t)(eq - arg - 2) : strlen(arg + 2));
	}
	if (o == NULL)
		return error_set(err, RC_INPUT, "%s: unknown option '%s' (see "
		    "roster %s --help)", cmd, arg, cmd);
	if (!(o->flags & CLI_VALUE) && eq != NULL)
		return error_set(err, RC_INPUT, "%s: --%s takes no value", cmd,
		    o->name);
	if ((o->flags & CLI_VALUE) && !(o->flags & CLI_REPEAT) &&
	    opt_count(a, o) > 0)
		return error_set(err, RC_INPUT, "%s: --%s given twice", cmd,
		    o->name);
	if (!(o->flags & CLI_VALUE))
		value = "";
	else if (eq != NULL)
		value = eq + 1;
	else if (*i + 1 < argc)
		value = argv[++*i];
	else
		return error_set(err, RC_INPUT, "%s: --%s needs a value%s%s",
		    cmd, o->name, o->expect != NULL ? ", " : "",
		    o->expect != NULL ? o->expect : "");
	if (o->choices != NULL && !choice_ok(o->choices, value))
		return choice_error(cmd, o, value, err);
	a->values[a->nvalues].opt = o;
	a->values[a->nvalues++].value = value;
	return RC_OK;
}

/* The number of words and the required options. */
static int
parse_check(const struct cli_args *a, struct error *err)
{
	const struct cmd_entry *e = a->entry;
	const struct cli_opt *o;

	if (a->nwords < e->lower || (e->upper >= 0 && a->nwords > e->upper))
		return cli_usage_error(e, err);
	for (o = e->opts; o != NULL && o->name != NULL; o++)
		if ((o->flags & CLI_REQUIRED) && opt_count(a, o) == 0)
			return cli_usage_error(e, err);
	return RC_OK;
}

int
cli_parse(const struct cmd_entry *e, int argc, char **argv,
    struct cli_args *a, struct error *err)
{
	int i, only_words = 0, rc = RC_OK;

	a->entry = e;
	a->words = xcalloc((size_t)argc + 1, sizeof *a->words);
	a->values = xcalloc((size_t)argc + 1, sizeof *a->values);
	a->nwords = a->nvalues = 0;
	for (i = 0; i < argc && rc == RC_OK; i++) {
		if (only_words || (strncmp(argv[i], "--", 2) != 0 &&
		    opt_short(e->opts, argv[i]) == NULL))
			a->words[a->nwords++] = argv[i];
		else if (strcmp(argv[i], "--") == 0)
			only_words = 1;
		else
			rc = parse_opt(a, argc, argv, &i, err);
	}
	if (rc == RC_OK)
		rc = parse_check(a, err);
	if (rc != RC_OK)
		cli_args_free(a);
	return rc;
}

void
cli_args_free(struct cli_args *a)
{
	free(a->words);
	free(a->values);
	a->words = NULL;
	a->values = NULL;
	a->nwords = a->nvalues = 0;
}

/* The option a command asks for: one its entry lacks is a bug. */
static const struct cli_opt *
opt_named(const struct cli_args *a, const char *name)
{
	const struct cli_opt *o;

	if ((o = opt_find(a->entry->opts, name, strlen(name))) == NULL)
		abort();
	return o;
}

const char *
cli_value(const struct cli_args *a, const char *name, int n)
{
	const struct cli_opt *o = opt_named(a, name);
	int i;

	for (i = 0; i < a->nvalues; i++)
		if (a->values[i].opt == o && n-- == 0)
			return a->values[i].value;
	return NULL;
}

int
cli_count(const struct cli_args *a, const char *name)
{
	return opt_count(a, opt_named(a, name));
}

int
cli_flag(const struct cli_args *a, const char *name)
{
	return cli_count(a, name) > 0;
}

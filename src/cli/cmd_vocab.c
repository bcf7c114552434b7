/* roster vocab add and list: the themes and skills, and the other lists. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "vocab_db.h"
#include "width.h"

static int
cmd_vocab_add_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	const char *kind = a->words[0], *slug = a->words[1];
	struct store *s = NULL;
	enum vocab v;
	int rc;

	if (strcmp(kind, "theme") == 0)
		v = VOCAB_THEME;
	else if (strcmp(kind, "skill") == 0)
		v = VOCAB_SKILL;
	else
		return error_set(err, RC_INPUT, "vocab add: '%s' is not theme "
		    "or skill", kind);
	if ((rc = cli_open(c, 0, &s, err)) == RC_OK)
		rc = vocab_db_add(s, v, slug, a->words[2], err);
	store_close(s);
	if (rc == RC_OK)
		cli_note("roster: added %s '%s'\n", kind, slug);
	return rc;
}

const struct cmd_entry cmd_vocab_add_entry = {
	.name = "vocab add",
	.usage = "theme|skill SLUG LABEL",
	.lower = 3,
	.upper = 3,
	.opts = NULL,
	.exec = cmd_vocab_add_exec,
};

/* One list's entries, the codes padded to the widest. */
struct listing {
	const char	*kind;		/* a first column, or NULL */
	size_t		 width;
	int		 measure;	/* this pass only measures */
};

static int
print_entry(const char *code, const char *label, void *arg)
{
	struct listing *l = arg;
	struct strbuf line = { 0 };
	size_t w = width_of(code);

	if (l->measure) {
		if (w > l->width)
			l->width = w;
		return 0;
	}
	if (l->kind != NULL)
		strbuf_addf(&line, "%-8s ", l->kind);
	width_fit(&line, code, l->width, 1);
	strbuf_adds(&line, "  ");
	width_fit(&line, label, width_of(label), 0);
	printf("%s\n", strbuf_str(&line));
	strbuf_free(&line);
	return 0;
}

static int
list_one(struct store *s, enum vocab_db_list which, int named,
    struct error *err)
{
	struct listing l = { named ? vocab_db_name(which) : NULL, 0, 1 };
	int rc;

	if ((rc = vocab_db_each(s, which, print_entry, &l, err)) != RC_OK)
		return rc;
	l.measure = 0;
	return vocab_db_each(s, which, print_entry, &l, err);
}

static int
cmd_vocab_list_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct store *s = NULL;
	int which = -1, i, rc;

	if (a->nwords == 1 && (which = vocab_db_find(a->words[0])) < 0)
		return error_set(err, RC_INPUT, "vocab list: '%s' is not theme, "
		    "skill, country, language or mission", a->words[0]);
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if (which >= 0)
		rc = list_one(s, which, 0, err);
	for (i = 0; which < 0 && i < VOCAB_DB_NLISTS && rc == RC_OK; i++)
		rc = list_one(s, i, 1, err);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_vocab_list_entry = {
	.name = "vocab list",
	.usage = "[theme|skill|country|language|mission]",
	.lower = 0,
	.upper = 1,
	.opts = NULL,
	.exec = cmd_vocab_list_exec,
};

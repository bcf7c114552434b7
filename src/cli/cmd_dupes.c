/*
 * roster dupes: the people probably recorded twice, and what a person
 * decides about a pair: merge them (dupes merge) or remember that they
 * are two (dupes not-same).
 */
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "dupes.h"
#include "edit.h"
#include "format_dupes.h"
#include "person.h"
#include "width.h"

static int
cmd_dupes_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	const char *format = cli_value(a, "format", 0);
	enum dupes_format f = DUPES_TABLE;
	struct dupes_list l;
	struct store *s = NULL;
	int rc;

	if (format != NULL && strcmp(format, "csv") == 0)
		f = DUPES_CSV;
	else if (format != NULL && strcmp(format, "json") == 0)
		f = DUPES_JSON;
	if ((rc = cli_open(c, STORE_READ_ONLY, &s, err)) != RC_OK)
		return rc;
	if ((rc = dupes_find(s, &l, err)) == RC_OK) {
		format_dupes(&l, f, stdout);
		/* Like search: nobody found is a quiet 1. */
		if (l.n == 0)
			rc = error_set(err, RC_REFUSED, "%s", "");
		dupes_list_free(&l);
	}
	store_close(s);
	return rc;
}

/* The fields --take may name: every field but the lists, which are
 * united; RC_INPUT naming them for another. */
static int
take_bits(const struct cli_args *a, unsigned *take, struct error *err)
{
	struct strbuf valid = { 0 };
	const char *name;
	int i, f;

	*take = 0;
	for (i = 0; (name = cli_value(a, "take", i)) != NULL; i++) {
		f = edit_field_find(name);
		if (f >= 0 && f != EF_LANGUAGES && f != EF_THEMES &&
		    f != EF_SKILLS) {
			*take |= 1u << f;
			continue;
		}
		for (f = 0; f < EF_N; f++)
			if (f != EF_LANGUAGES && f != EF_THEMES &&
			    f != EF_SKILLS)
				strbuf_addf(&valid, "%s%s", valid.len ? ", " :
				    "", edit_field_names[f]);
		error_set(err, RC_INPUT, "dupes merge: --take: '%s' is not a "
		    "field to take (expected one of %s; languages, themes and "
		    "skills are united)", name, strbuf_str(&valid));
		strbuf_free(&valid);
		return RC_INPUT;
	}
	return RC_OK;
}

/* "Anna de Wit (1b4e28ba)" for a message, shown as the screen shows it. */
static void
named(struct store *s, long long pk, const char *id, struct strbuf *b)
{
	char name[256];

	width_escape(b, person_name(s, pk, name, sizeof name));
	strbuf_addf(b, " (%.8s)", id);
}

static int
cmd_dupes_merge_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct strbuf said = { 0 };
	char keep_id[PERSON_ID_LEN], other_id[PERSON_ID_LEN];
	struct store *s = NULL;
	long long keep, other;
	unsigned take;
	int rc;

	if ((rc = take_bits(a, &take, err)) != RC_OK ||
	    (rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = cli_person(s, "dupes merge", a->words[0], &keep, err)) ==
	    RC_OK && (rc = cli_person(s, "dupes merge", a->words[1], &other,
	    err)) == RC_OK) {
		person_id(s, keep, keep_id);
		person_id(s, other, other_id);
		named(s, other, other_id, &said);
		strbuf_adds(&said, " into ");
		named(s, keep, keep_id, &said);
		if ((rc = dupes_merge(s, keep, 0, other, 0, take, err)) ==
		    RC_OK)
			printf("merged %s\n", strbuf_str(&said));
		else
			error_prefix(err, "dupes merge");
	}
	strbuf_free(&said);
	store_close(s);
	return rc;
}

static int
cmd_dupes_not_same_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct strbuf said = { 0 };
	char id_a[PERSON_ID_LEN], id_b[PERSON_ID_LEN];
	struct store *s = NULL;
	long long pa, pb;
	int rc;

	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if ((rc = cli_person(s, "dupes not-same", a->words[0], &pa, err)) ==
	    RC_OK && (rc = cli_person(s, "dupes not-same", a->words[1], &pb,
	    err)) == RC_OK) {
		person_id(s, pa, id_a);
		person_id(s, pb, id_b);
		named(s, pa, id_a, &said);
		strbuf_adds(&said, " and ");
		named(s, pb, id_b, &said);
		if ((rc = dupes_not_same(s, id_a, id_b, err)) == RC_OK)
			printf("not the same: %s\n", strbuf_str(&said));
		else
			error_prefix(err, "dupes not-same");
	}
	strbuf_free(&said);
	store_close(s);
	return rc;
}

static const struct cli_opt dupes_opts[] = {
	{ "format", CLI_VALUE, "a format", "table|csv|json" },
	{ NULL, 0, NULL, NULL },
};

static const struct cli_opt merge_opts[] = {
	{ "take", CLI_VALUE | CLI_REPEAT, "a field of OTHER to keep", NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_dupes_entry = {
	.name = "dupes",
	.usage = "[--format table|csv|json]",
	.note = "(people probably recorded twice)",
	.lower = 0,
	.upper = 0,
	.opts = dupes_opts,
	.exec = cmd_dupes_exec,
};

const struct cmd_entry cmd_dupes_merge_entry = {
	.name = "dupes merge",
	.usage = "KEEP OTHER [--take FIELD]...",
	.note = NULL,
	.lower = 2,
	.upper = 2,
	.opts = merge_opts,
	.exec = cmd_dupes_merge_exec,
};

const struct cmd_entry cmd_dupes_not_same_entry = {
	.name = "dupes not-same",
	.usage = "A B",
	.note = NULL,
	.lower = 2,
	.upper = 2,
	.opts = NULL,
	.exec = cmd_dupes_not_same_exec,
};

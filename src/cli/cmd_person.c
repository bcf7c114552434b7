/*
 * roster person add, set, mission add|remove and away: changing one
 * person from the shell, through the person editor (edit.h), so that a
 * value is checked and refused in import's words, with the field named,
 * and every change is one audited transaction or nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd.h"
#include "date.h"
#include "edit.h"
#include "person.h"
#include "strbuf.h"

/* The person an argument names, loaded; nobody by that id is bad input. */
static int
person_open(struct store *s, const char *cmd, const char *id,
    struct edit_record **r, struct error *err)
{
	long long pk;
	int rc;

	*r = NULL;
	if ((rc = cli_person(s, cmd, id, &pk, err)) == RC_OK &&
	    (rc = edit_load(s, pk, r, err)) != RC_OK)
		error_prefix(err, "%s", cmd);
	return rc == RC_REFUSED ? RC_INPUT : rc;
}

/* "Anna de Wit", as messages name people. */
static const char *
name_of(const struct edit_record *r, char *buf, size_t len)
{
	snprintf(buf, len, "%s%s%s", r->value[EF_GIVEN_NAME],
	    *r->value[EF_GIVEN_NAME] != '\0' ? " " : "",
	    r->value[EF_FAMILY_NAME]);
	return buf;
}

/*
 * One FIELD=VALUE word: sets the field, or with + or - before it adds or
 * removes one item of a list; a refusal names the field.  given[f] says
 * what came before: a field set whole twice, or whole after its items,
 * would silently lose the earlier value, so it is refused.
 */
static int
apply_word(struct store *s, const char *cmd, struct edit_record *r,
    const char *word, char given[EF_N], struct error *err)
{
	const char *eq = strchr(word, '='), *name = word;
	char field[64];
	int f, op = 0, rc;

	if (*word == '+' || *word == '-')
		op = *name++;
	if (eq == NULL || eq == name)
		return error_set(err, RC_INPUT, "%s: '%s' is not FIELD=VALUE "
		    "(as in email=anna@example.org)", cmd, word);
	snprintf(field, sizeof field, "%.*s", (int)(eq - name), name);
	if ((f = edit_field_find(field)) < 0)
		return error_set(err, RC_INPUT, "%s: unknown field '%s' "
		    "(expected a column of a people file but id, roster(5))",
		    cmd, field);
	if (op != 0 && f != EF_LANGUAGES && f != EF_THEMES && f != EF_SKILLS)
		return error_set(err, RC_INPUT, "%s: %s: %c works on lists "
		    "only (languages, themes, skills)", cmd, field, op);
	if (op == 0 && given[f])
		return error_set(err, RC_INPUT, "%s: %s: given twice (give "
		    "each field once)", cmd, field);
	given[f] = 1;
	if (op == '+')
		rc = edit_add_item(s, r, f, eq + 1, err);
	else if (op == '-')
		rc = edit_remove_item(s, r, f, eq + 1, err);
	else
		rc = edit_set(s, r, f, eq + 1, err);
	if (rc != RC_OK)
		error_prefix(err, "%s: %s", cmd, field);
	return rc;
}

static int
apply_words(struct store *s, const char *cmd, struct edit_record *r,
    char **words, int n, char given[EF_N], struct error *err)
{
	int i, rc = RC_OK;

	for (i = 0; i < n && rc == RC_OK; i++)
		rc = apply_word(s, cmd, r, words[i], given, err);
	return rc;
}

/* Saves r; a refusal (someone else saved meanwhile) says to try again. */
static int
save(struct store *s, const char *cmd, struct edit_record *r,
    struct error *err)
{
	int rc;

	if ((rc = edit_save(s, r, NULL, err)) == RC_REFUSED)
		error_prefix(err, "%s: nothing changed, try again", cmd);
	else if (rc != RC_OK)
		error_prefix(err, "%s", cmd);
	return rc;
}

/* The fields whose values differ between a and b, "email, languages". */
static void
changed_fields(const struct edit_record *a, const struct edit_record *b,
    struct strbuf *out)
{
	int f;

	const char *sep = "";

	for (f = 0; f < EF_N; f++)
		if (strcmp(a->value[f], b->value[f]) != 0) {
			strbuf_addf(out, "%s%s", sep, edit_field_names[f]);
			sep = ", ";
		}
}

/*
 * A do-not-call mark over before it is set, or a review in the future, is
 * taken (imports of old records have them) but told: most likely a slip.
 * Only a value this command set (before NULL: a new person) is told.
 */
static void
warn_dates(const struct edit_record *before, const struct edit_record *r,
    int today)
{
	const char *until = r->value[EF_DNC_UNTIL];
	const char *seen = r->value[EF_REVIEWED];
	char name[512];
	int day;

	name_of(r, name, sizeof name);
	if ((before == NULL || strcmp(before->value[EF_DNC_UNTIL], until) != 0)
	    && date_parse(until, &day) && day < today)
		cli_note("roster: warning: %s: dnc_until %s is before today: "
		    "the mark is over already\n", name, until);
	if ((before == NULL || strcmp(before->value[EF_REVIEWED], seen) != 0) &&
	    date_parse(seen, &day) && day > today)
		cli_note("roster: warning: %s: reviewed %s is after today\n",
		    name, seen);
}

static int
cmd_person_add_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	static const char cmd[] = "person add";
	struct edit_record *r = edit_new();
	struct store *s = NULL;
	struct cli_before before = { .existed = 1 };
	char name[512], dupe[1200], given[EF_N] = { 0 };
	int rc;

	if ((rc = cli_open_noted(c, STORE_CREATE, &before, &s, err)) != RC_OK)
		goto out;
	/* --family and --given are these fields given. */
	given[EF_FAMILY_NAME] = given[EF_GIVEN_NAME] = 1;
	if ((rc = edit_set(s, r, EF_FAMILY_NAME, cli_value(a, "family", 0),
	    err)) != RC_OK)
		error_prefix(err, "%s: family_name", cmd);
	else if ((rc = edit_set(s, r, EF_GIVEN_NAME, cli_value(a, "given", 0),
	    err)) != RC_OK)
		error_prefix(err, "%s: given_name", cmd);
	else if ((rc = apply_words(s, cmd, r, a->words, a->nwords, given, err))
	    == RC_OK && (rc = edit_duplicate(s, r, dupe, sizeof dupe, err))
	    == RC_OK) {
		/* As import refuses them: a second record splits a history. */
		if (dupe[0] != '\0')
			rc = error_set(err, RC_INPUT, "%s: %s: change them with "
			    "roster person set", cmd, dupe);
		else
			rc = save(s, cmd, r, err);
	}
	if (rc == RC_OK) {
		printf("%s %s\n", r->id, name_of(r, name, sizeof name));
		warn_dates(NULL, r, c->today);
	}
out:
	store_close(s);
	/* Refused with no pool yet: none is made. */
	if (rc != RC_OK)
		cli_before_undo(&before);
	edit_free(r);
	return rc;
}

static const struct cli_opt person_add_opts[] = {
	{ "family", CLI_VALUE | CLI_REQUIRED, "the family name", NULL },
	{ "given", CLI_VALUE | CLI_REQUIRED, "the given name", NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_person_add_entry = {
	.name = "person add",
	.usage = "--family NAME --given NAME [FIELD=VALUE...]",
	.lower = 0,
	.upper = -1,
	.opts = person_add_opts,
	.exec = cmd_person_add_exec,
};

/*
 * The frame of every command on one known person: the person words[0]
 * names, loaded twice (as it was and to change), apply's changes, one
 * save; *before and *after are the caller's to free.
 */
static int
person_change(struct cli *c, const struct cli_args *a, const char *cmd,
    int (*apply)(struct store *, const char *, struct edit_record *,
    const struct cli_args *, struct error *), struct edit_record **before,
    struct edit_record **after, struct error *err)
{
	struct store *s = NULL;
	int rc;

	*before = *after = NULL;
	if ((rc = cli_open(c, 0, &s, err)) == RC_OK &&
	    (rc = person_open(s, cmd, a->words[0], before, err)) == RC_OK &&
	    (rc = person_open(s, cmd, a->words[0], after, err)) == RC_OK &&
	    (rc = apply(s, cmd, *after, a, err)) == RC_OK)
		rc = save(s, cmd, *after, err);
	store_close(s);
	return rc;
}

/* Says what a command did to the person, or that it changed nothing. */
static void
done(struct edit_record *before, struct edit_record *r, const char *what)
{
	char name[512];

	if (r->version == before->version)
		cli_note("roster: %s: nothing to change\n", name_of(r, name,
		    sizeof name));
	else
		cli_note("roster: %s: %s\n", name_of(r, name, sizeof name),
		    what);
}

static int
set_apply(struct store *s, const char *cmd, struct edit_record *r,
    const struct cli_args *a, struct error *err)
{
	char given[EF_N] = { 0 };

	return apply_words(s, cmd, r, a->words + 1, a->nwords - 1, given,
	    err);
}

static int
cmd_person_set_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct edit_record *before, *r;
	struct strbuf what = { 0 };
	int rc;

	rc = person_change(c, a, "person set", set_apply, &before, &r, err);
	if (rc == RC_OK) {
		strbuf_adds(&what, "changed ");
		changed_fields(before, r, &what);
		done(before, r, strbuf_str(&what));
		warn_dates(before, r, c->today);
	}
	strbuf_free(&what);
	edit_free(r);
	edit_free(before);
	return rc;
}

const struct cmd_entry cmd_person_set_entry = {
	.name = "person set",
	.usage = "ID FIELD=VALUE...",
	.lower = 2,
	.upper = -1,
	.opts = NULL,
	.exec = cmd_person_set_exec,
};

static const char *
opt_or_empty(const struct cli_args *a, const char *name)
{
	const char *v = cli_value(a, name, 0);

	return v != NULL ? v : "";
}

static int
mission_add_apply(struct store *s, const char *cmd, struct edit_record *r,
    const struct cli_args *a, struct error *err)
{
	struct edit_mission m = { (char *)cli_value(a, "mission", 0),
	    (char *)cli_value(a, "country", 0), (char *)cli_value(a, "start",
	    0), (char *)opt_or_empty(a, "end"), (char *)opt_or_empty(a,
	    "role"), (char *)opt_or_empty(a, "themes") };
	int rc;

	if ((rc = edit_add_mission(s, r, &m, err)) != RC_OK)
		error_prefix(err, "%s", cmd);
	return rc;
}

static int
cmd_person_mission_add_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct edit_record *before, *r;
	char what[1024];
	int rc;

	rc = person_change(c, a, "person mission add", mission_add_apply,
	    &before, &r, err);
	if (rc == RC_OK) {
		snprintf(what, sizeof what, "%s mission %s from %s",
		    r->nmissions > before->nmissions ? "added" : "updated",
		    r->missions[r->nmissions - 1].mission,
		    r->missions[r->nmissions - 1].start);
		done(before, r, what);
	}
	edit_free(r);
	edit_free(before);
	return rc;
}

static const struct cli_opt person_mission_add_opts[] = {
	{ "mission", CLI_VALUE | CLI_REQUIRED, "the mission's name", NULL },
	{ "country", CLI_VALUE | CLI_REQUIRED, "a country code such as ML",
	    NULL },
	{ "start", CLI_VALUE | CLI_REQUIRED, "a date as YYYY-MM-DD", NULL },
	{ "end", CLI_VALUE, "a date as YYYY-MM-DD", NULL },
	{ "role", CLI_VALUE, NULL, NULL },
	{ "themes", CLI_VALUE, "themes separated by ';'", NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_person_mission_add_entry = {
	.name = "person mission add",
	.usage = "ID --mission NAME --country CC --start DATE [--end DATE] "
	    "[--role ROLE] [--themes LIST]",
	.lower = 1,
	.upper = 1,
	.opts = person_mission_add_opts,
	.exec = cmd_person_mission_add_exec,
};

/*
 * The mission of r named name (in this case, or else the one in any
 * case) from start, or -1.
 */
static int
mission_find(const struct edit_record *r, const char *name,
    const char *start)
{
	size_t i;
	int found = -1, n = 0;

	for (i = 0; i < r->nmissions; i++) {
		if (strcmp(r->missions[i].start, start) != 0)
			continue;
		if (strcmp(r->missions[i].mission, name) == 0)
			return (int)i;
		if (strcasecmp(r->missions[i].mission, name) == 0) {
			found = (int)i;
			n++;
		}
	}
	return n == 1 ? found : -1;
}

static int
mission_remove_apply(struct store *s, const char *cmd, struct edit_record *r,
    const struct cli_args *a, struct error *err)
{
	struct strbuf have = { 0 };
	char name[512];
	size_t i;
	int m;

	(void)s;
	if ((m = mission_find(r, a->words[1], a->words[2])) >= 0) {
		edit_remove_mission(r, (size_t)m);
		return RC_OK;
	}
	/* What there is to remove, for the next try. */
	for (i = 0; i < r->nmissions; i++)
		strbuf_addf(&have, "%s%s from %s", i > 0 ? ", " : "",
		    r->missions[i].mission, r->missions[i].start);
	error_set(err, RC_INPUT, "%s: %s has no mission '%s' from %s (%s%s)",
	    cmd, name_of(r, name, sizeof name), a->words[1], a->words[2],
	    r->nmissions > 0 ? "their missions: " : "they have none",
	    strbuf_str(&have));
	strbuf_free(&have);
	return RC_INPUT;
}

static int
cmd_person_mission_remove_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct edit_record *before, *r;
	char what[1024];
	int m, rc;

	rc = person_change(c, a, "person mission remove", mission_remove_apply,
	    &before, &r, err);
	if (rc == RC_OK) {
		/* As it is spelt, whatever the case it was typed in. */
		m = mission_find(before, a->words[1], a->words[2]);
		snprintf(what, sizeof what, "removed mission %s from %s",
		    m >= 0 ? before->missions[m].mission : a->words[1],
		    a->words[2]);
		done(before, r, what);
	}
	edit_free(r);
	edit_free(before);
	return rc;
}

const struct cmd_entry cmd_person_mission_remove_entry = {
	.name = "person mission remove",
	.usage = "ID MISSION START",
	.lower = 3,
	.upper = 3,
	.opts = NULL,
	.exec = cmd_person_mission_remove_exec,
};

static int
away_apply(struct store *s, const char *cmd, struct edit_record *r,
    const struct cli_args *a, struct error *err)
{
	struct edit_window w = { a->words[1], a->nwords > 2 ? a->words[2] :
	    (char *)"", (char *)opt_or_empty(a, "reason") };
	int rc;

	if ((rc = edit_add_window(s, r, &w, err)) != RC_OK)
		error_prefix(err, "%s", cmd);
	return rc;
}

static int
cmd_person_away_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct edit_record *before, *r;
	const char *to = a->nwords > 2 ? a->words[2] : "";
	char what[256];
	int rc;

	rc = person_change(c, a, "person away", away_apply, &before, &r, err);
	if (rc == RC_OK) {
		snprintf(what, sizeof what, "away from %s %s%s", a->words[1],
		    *to != '\0' ? "to " : "until further notice", to);
		done(before, r, what);
	}
	edit_free(r);
	edit_free(before);
	return rc;
}

static const struct cli_opt person_away_opts[] = {
	{ "reason", CLI_VALUE, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_person_away_entry = {
	.name = "person away",
	.usage = "ID FROM [TO] [--reason REASON]",
	.lower = 2,
	.upper = 3,
	.opts = person_away_opts,
	.exec = cmd_person_away_exec,
};

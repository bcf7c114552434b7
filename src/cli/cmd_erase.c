/* roster erase: a person's data removed for good, on request. */
#include <stdio.h>
#include <string.h>

#include "alias.h"
#include "cmd.h"
#include "date.h"
#include "erase.h"
#include "person.h"
#include "width.h"

/*
 * An id merged into another person's record (dupes merge) is that
 * person's, said on stderr: RC_REFUSED when arg is no such id.
 */
static int
merged_person(struct store *s, const char *cmd, const char *arg,
    long long *pk)
{
	char kept[PERSON_ID_LEN], name[256];
	struct error e;
	int found;

	if (alias_resolve(s, arg, kept, &found, &e) != RC_OK || !found ||
	    person_find(s, kept, pk, &e) != RC_OK)
		return RC_REFUSED;
	cli_note("roster: %s: %s was merged into %s (%.8s)\n", cmd, arg,
	    person_name(s, *pk, name, sizeof name), kept);
	return RC_OK;
}

int
cli_person(struct store *s, const char *cmd, const char *arg, long long *pk,
    struct error *err)
{
	char day[DATE_LEN];
	int rc;

	if ((rc = person_resolve(s, arg, pk, err)) == RC_REFUSED &&
	    merged_person(s, cmd, arg, pk) == RC_OK)
		return RC_OK;
	if (rc == RC_REFUSED && erase_day(s, arg, day, err) == RC_OK &&
	    day[0] != '\0')
		return error_set(err, RC_REFUSED, "%s: %s was erased on %s",
		    cmd, arg, day);
	if (rc != RC_OK)
		error_prefix(err, "%s", cmd);
	return rc;
}

/*
 * The person to erase, by their whole id only: a prefix one character
 * off would erase someone else, and there is no undoing it.  A prefix is
 * refused naming who it would have been.
 */
static int
erase_target(struct store *s, const char *arg, long long *pk, char *name,
    size_t len, struct error *err)
{
	char id[PERSON_ID_LEN];
	int rc;

	if ((rc = cli_person(s, "erase", arg, pk, err)) != RC_OK)
		return rc;
	person_name(s, *pk, name, len);
	if (strlen(arg) != PERSON_ID_LEN - 1)
		return error_set(err, RC_INPUT, "erase needs the whole id: "
		    "%s... is %s (%s)", arg, name, person_id(s, *pk, id));
	return RC_OK;
}

static int
cmd_erase_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	struct strbuf shown = { 0 };
	struct store *s = NULL;
	char name[256], id[PERSON_ID_LEN];
	long long pk;
	int rc;

	if ((rc = cli_open(c, 0, &s, err)) == RC_OK &&
	    (rc = erase_target(s, a->words[0], &pk, name, sizeof name, err))
	    == RC_OK) {
		person_id(s, pk, id);
		if ((rc = erase_person(s, pk, err)) != RC_OK)
			error_prefix(err, "erase");
	}
	if (rc == RC_OK) {
		width_escape(&shown, name);
		printf("erased %s (%s)\n", strbuf_str(&shown), id);
		strbuf_free(&shown);
	}
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_erase_entry = {
	.name = "erase",
	.usage = "ID",
	.note = "(the whole id: there is no undo)",
	.lower = 1,
	.upper = 1,
	.opts = NULL,
	.exec = cmd_erase_exec,
};

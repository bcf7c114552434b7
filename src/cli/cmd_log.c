/* roster log: the audit, of everything or of one person or deployment. */
#include <stdio.h>
#include <string.h>

#include "alias.h"
#include "audit.h"
#include "cmd.h"
#include "date.h"
#include "deploy.h"
#include "erase.h"
#include "format_log.h"
#include "person.h"

/*
 * What the audit calls arg: a deployment's name as stored, a person's
 * whole id (from a prefix, as show takes it, or an id merged into
 * theirs), the id of someone erased, whose one line remains, or a name a
 * deployment had before a rename.
 */
static int
log_entity(struct store *s, const char *arg, char *out, size_t len,
    struct error *err)
{
	struct deployment d;
	char day[DATE_LEN], id[PERSON_ID_LEN];
	long long pk;
	int rc, found;

	if ((rc = deploy_get(s, arg, &d, err)) == RC_OK) {
		snprintf(out, len, "%s", d.name);
		deploy_clear(&d);
		return RC_OK;
	}
	if (rc != RC_REFUSED)
		return rc;
	if ((rc = person_resolve(s, arg, &pk, err)) == RC_OK) {
		snprintf(out, len, "%s", person_id(s, pk, id));
		return RC_OK;
	}
	/* An id merged away: the kept person's history holds its lines. */
	if (rc == RC_REFUSED && alias_resolve(s, arg, id, &found, err) ==
	    RC_OK && found) {
		snprintf(out, len, "%s", id);
		return RC_OK;
	}
	if (rc == RC_DB || erase_day(s, arg, day, err) != RC_OK)
		return RC_DB;
	/* A name a deployment had before it was renamed. */
	if (day[0] == '\0' && (rc = audit_deployment_name(s, arg, out, len,
	    err)) != RC_REFUSED)
		return rc;
	/* Not an id at all: a deployment's name was meant. */
	if (day[0] == '\0' && strspn(arg, "0123456789abcdefABCDEF-") !=
	    strlen(arg))
		return error_set(err, RC_REFUSED, "no deployment or person "
		    "'%s'", arg);
	if (day[0] == '\0')
		return rc;
	snprintf(out, len, "%s", arg);
	for (; *out != '\0'; out++)
		if (*out >= 'A' && *out <= 'F')
			*out += 'a' - 'A';
	return RC_OK;
}

static int
cmd_log_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	static const char *const formats[] = { "table", "csv", "json" };
	const char *since = cli_value(a, "since", 0);
	const char *format = cli_value(a, "format", 0);
	struct store *s = NULL;
	char id[256];
	int day, rc, f = LOG_TABLE;

	if (since != NULL && (!date_parse(since, &day) || strlen(since) != 10))
		return error_set(err, RC_INPUT, "log: --since: '%s' is not a "
		    "day (expected YYYY-MM-DD)", since);
	while (format != NULL && strcmp(formats[f], format) != 0)
		f++;
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	if (a->nwords == 1 && (rc = log_entity(s, a->words[0], id, sizeof id,
	    err)) != RC_OK)
		error_prefix(err, "log");
	else
		rc = format_log(s, a->nwords == 1 ? id : NULL, since,
		    (enum log_format)f, stdout, err);
	store_close(s);
	return rc;
}

static const struct cli_opt log_opts[] = {
	{ "since", CLI_VALUE, "a day, YYYY-MM-DD", NULL },
	{ "format", CLI_VALUE, NULL, "table|csv|json" },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_log_entry = {
	.name = "log",
	.usage = "[ID] [--since DATE] [--format table|csv|json]",
	.note = "(ID: a person, or a deployment by name)",
	.lower = 0,
	.upper = 1,
	.opts = log_opts,
	.exec = cmd_log_exec,
};

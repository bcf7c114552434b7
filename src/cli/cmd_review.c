/* roster person review: the six-monthly review, from the command line. */
#include <stdlib.h>

#include "cmd.h"
#include "date.h"
#include "person.h"
#include "review.h"

/* Every id is resolved before anything is written: a bad one changes
 * nothing. */
static int
cmd_person_review_exec(struct cli *c, const struct cli_args *a,
    struct error *err)
{
	struct store *s;
	long long *pks;
	char day[DATE_LEN], name[256];
	int i, rc;

	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		return rc;
	pks = xcalloc((size_t)a->nwords, sizeof *pks);
	for (i = 0; i < a->nwords && rc == RC_OK; i++)
		rc = cli_person(s, "person review", a->words[i], &pks[i], err);
	date_format(c->today, day);
	for (i = 0; i < a->nwords && rc == RC_OK; i++)
		if ((rc = review_mark(s, pks[i], c->today, err)) != RC_OK)
			error_prefix(err, "person review");
		else
			cli_note("roster: %s reviewed on %s\n",
			    person_name(s, pks[i], name, sizeof name), day);
	free(pks);
	store_close(s);
	return rc;
}

const struct cmd_entry cmd_person_review_entry = {
	.name = "person review",
	.usage = "ID...",
	.lower = 1,
	.upper = -1,
	.opts = NULL,
	.exec = cmd_person_review_exec,
};

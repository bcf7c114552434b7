/* roster search: the people a filter matches, in one of four formats. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "filter.h"
#include "format.h"
#include "search.h"
#include "strbuf.h"

/* Filter words from the command line are one filter, joined by spaces, so
 * error columns count in that joined text. */
static char *
join(char **words, int n)
{
	struct strbuf b = { 0 };
	int i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_adds(&b, " ");
		strbuf_adds(&b, words[i]);
	}
	return strbuf_steal(&b);
}

int
cli_print_people(struct store *s, const struct format_from *from,
    const char *format, int today, int flags, struct error *err)
{
	long long left_out = 0;
	int rc;

	if (format == NULL || strcmp(format, "table") == 0)
		return format_table(s, from, stdout, today, err);
	if (strcmp(format, "ids") == 0)
		return format_ids(s, from, stdout, err);
	if (strcmp(format, "csv") == 0)
		rc = format_people_csv(s, from, flags, stdout, &left_out, err);
	else
		rc = format_json(s, from, flags, stdout, &left_out, err);
	if (rc == RC_OK)
		cli_note_left_out(left_out);
	return rc;
}

void
cli_note_left_out(long long n)
{
	if (n > 0)
		cli_note("roster: the contacts (email, phone) of %lld %s who "
		    "left the service were left out (--with-left-contacts "
		    "writes them)\n", n, n == 1 ? "person" : "people");
}

/* Like grep, status 1; and on stderr which term left nobody. */
static int
no_match(struct store *s, const char *text, int today, struct error *err)
{
	struct strbuf why = { 0 };
	int rc;

	if ((rc = search_explain_empty(s, text, today, NULL, &why, err)) ==
	    RC_OK)
		rc = error_set(err, RC_REFUSED, "%s", strbuf_str(&why));
	strbuf_free(&why);
	return rc;
}

static int
cmd_search_exec(struct cli *c, const struct cli_args *a, struct error *err)
{
	const char *format = cli_value(a, "format", 0);
	const char *sortkey = cli_value(a, "sort", 0);
	char *text = NULL;
	struct filter *f = NULL;
	struct search_result *r = NULL;
	struct strbuf from = { 0 };
	struct format_from matches;
	struct store *s = NULL;
	enum search_sort sort = SORT_NAME;
	int reverse = 0, rc = RC_OK;

	if (sortkey != NULL &&
	    (rc = search_sort_parse(sortkey, &sort, &reverse, err)) != RC_OK)
		return rc;
	text = join(a->words, a->nwords);
	if ((rc = cli_open(c, 0, &s, err)) != RC_OK)
		goto out;
	if ((rc = filter_compile(s, text, c->today, &f, err)) != RC_OK) {
		error_prefix(err, "filter");
		goto out;
	}
	if ((rc = search_eval(s, f, NULL, &r, err)) == RC_OK &&
	    (rc = search_from(s, r, sort, reverse, format != NULL &&
	    strcmp(format, "ids") == 0, &from, err)) == RC_OK) {
		matches.sql = strbuf_str(&from);
		matches.r = r;
		rc = cli_print_people(s, &matches, format, c->today,
		    cli_flag(a, "with-left-contacts") ? FORMAT_LEFT_CONTACTS :
		    0, err);
	}
	if (rc == RC_OK && search_result_count(r) == 0)
		rc = no_match(s, text, c->today, err);
out:
	strbuf_free(&from);
	free(text);
	search_result_free(r);
	filter_free(f);
	store_close(s);
	return rc;
}

static const struct cli_opt search_opts[] = {
	{ "format", CLI_VALUE, NULL, "table|csv|json|ids" },
	{ "sort", CLI_VALUE, NULL, NULL },
	{ "with-left-contacts", 0, NULL, NULL },
	{ NULL, 0, NULL, NULL },
};

const struct cmd_entry cmd_search_entry = {
	.name = "search",
	.usage = "[--format table|csv|json|ids] [--sort KEY] "
	    "[--with-left-contacts] [FILTER...]",
	.lower = 0,
	.upper = -1,
	.opts = search_opts,
	.exec = cmd_search_exec,
};

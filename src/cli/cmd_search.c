/* roster search and roster show. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "person.h"
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
cmd_search(struct cli *c, int argc, char **argv)
{
	const char *format = NULL, *sortkey = NULL;
	const struct cli_opt opts[] = {
		{ "format", &format, NULL, 0 },
		{ "sort", &sortkey, NULL, 0 },
		{ NULL, NULL, NULL, 0 },
	};
	char **rest = calloc((size_t)argc + 1, sizeof *rest), *text = NULL;
	struct filter *f = NULL;
	struct search_result *r = NULL;
	struct store *s = NULL;
	enum search_sort sort = SORT_NAME;
	struct error err;
	long long n = 0;
	int nrest, reverse = 0, rc;

	rc = cli_parse("search", argc, argv, opts, rest, &nrest, &err);
	if (rc == RC_OK && sortkey != NULL)
		rc = search_sort_parse(sortkey, &sort, &reverse, &err);
	if (rc == RC_OK && format != NULL && strcmp(format, "table") != 0 &&
	    strcmp(format, "csv") != 0 && strcmp(format, "json") != 0 &&
	    strcmp(format, "ids") != 0)
		rc = error_set(&err, RC_INPUT, "search: unknown format '%s' "
		    "(expected table, csv, json or ids)", format);
	if (rc != RC_OK)
		goto out;
	text = join(rest, nrest);
	if ((rc = cli_open(c, 0, &s, &err)) != RC_OK)
		goto out;
	if ((rc = filter_compile(s, text, c->today, &f, &err)) != RC_OK) {
		error_prefix(&err, "filter");
		goto out;
	}
	if ((rc = search_eval(s, f, NULL, &r, &err)) != RC_OK ||
	    (rc = search_collect(s, r, sort, reverse, &err)) != RC_OK)
		goto out;
	n = search_result_count(r);
	if (format == NULL || strcmp(format, "table") == 0)
		rc = format_table(s, stdout, c->today, &err);
	else if (strcmp(format, "csv") == 0)
		rc = format_csv(s, FILE_PEOPLE, stdout, &err);
	else if (strcmp(format, "json") == 0)
		rc = format_json(s, stdout, &err);
	else
		rc = format_ids(s, stdout, &err);
	if (rc == RC_OK && n == 0)
		rc = RC_REFUSED;
	else if (rc != RC_OK)
		goto out;
	free(rest);
	free(text);
	search_result_free(r);
	filter_free(f);
	store_close(s);
	return rc;
out:
	free(rest);
	free(text);
	search_result_free(r);
	filter_free(f);
	store_close(s);
	return cli_fail(rc, &err);
}

int
cmd_show(struct cli *c, int argc, char **argv)
{
	const struct cli_opt opts[] = { { NULL, NULL, NULL, 0 } };
	char *rest[2];
	struct store *s = NULL;
	struct error err;
	long long pk = 0;
	int nrest, rc;

	if (argc > 1)
		return error_set(&err, RC_INPUT, "usage: roster show ID"),
		    cli_fail(RC_INPUT, &err);
	if ((rc = cli_parse("show", argc, argv, opts, rest, &nrest, &err))
	    != RC_OK)
		return cli_fail(rc, &err);
	if (nrest != 1)
		return error_set(&err, RC_INPUT, "usage: roster show ID"),
		    cli_fail(RC_INPUT, &err);
	if ((rc = cli_open(c, 0, &s, &err)) == RC_OK &&
	    (rc = person_resolve(s, rest[0], &pk, &err)) != RC_OK)
		error_prefix(&err, "show");
	else if (rc == RC_OK)
		rc = format_show(s, pk, c->today, stdout, &err);
	store_close(s);
	return rc == RC_OK ? RC_OK : cli_fail(rc, &err);
}

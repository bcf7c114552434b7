/* roster search and roster show. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
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

/* A person by whole id or an unambiguous prefix of at least four. */
static int
resolve_id(struct store *s, const char *arg, long long *pk, struct error *err)
{
	sqlite3_stmt *st;
	size_t len = strlen(arg), i;
	int rc, n = 0;

	for (i = 0; i < len; i++)
		if (!isxdigit((unsigned char)arg[i]) && arg[i] != '-')
			return error_set(err, RC_INPUT, "show: '%s' is not an "
			    "id (expected a UUID or its first characters)",
			    arg);
	if (len < 4)
		return error_set(err, RC_INPUT, "show: '%s' is too short "
		    "(expected at least 4 characters of an id)", arg);
	if ((rc = store_prepare(s, &st, "SELECT pk FROM person WHERE id >= "
	    "lower(?1) AND id < lower(?1) || 'g' LIMIT 2", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*pk = sqlite3_column_int64(st, 0);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "show");
	if (n == 0)
		return error_set(err, RC_REFUSED, "show: no person with id "
		    "'%s'", arg);
	if (n > 1)
		return error_set(err, RC_INPUT, "show: id '%s' is ambiguous "
		    "(expected more characters)", arg);
	return RC_OK;
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
	    (rc = resolve_id(s, rest[0], &pk, &err)) == RC_OK)
		rc = format_show(s, pk, c->today, stdout, &err);
	store_close(s);
	return rc == RC_OK ? RC_OK : cli_fail(rc, &err);
}

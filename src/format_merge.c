/*
 * format_merge.c - the report of a merge, for reading (format_merge.h):
 * "KMar: 4,812 added, 103 updated, 5,011 unchanged, 3 conflicting".
 */
#include <stdio.h>

#include "format_merge.h"
#include "strbuf.h"
#include "width.h"

/* A value from data, on one line, its control characters shown. */
#define VALUE_COLS	200

static void
count(struct strbuf *b, long long n, const char *what, int always)
{
	if (n == 0 && !always)
		return;
	strbuf_adds(b, ", ");
	strbuf_thousands(b, n);
	strbuf_addf(b, " %s", what);
}

static void
tally(struct strbuf *b, const struct merge_tally *t)
{
	width_fit(b, t->origin[0] ? t->origin : "(no origin)", VALUE_COLS, 0);
	strbuf_adds(b, ": ");
	strbuf_thousands(b, t->added);
	strbuf_adds(b, " added");
	count(b, t->updated, "updated", 1);
	count(b, t->unchanged, "unchanged", 1);
	count(b, t->conflicting, "conflicting", 1);
	count(b, t->erased, "erased", 0);
	count(b, t->refused, "erased here before, not brought back", 0);
	strbuf_adds(b, "\n");
}

static void
conflict(struct strbuf *b, const struct merge_conflict *c)
{
	strbuf_adds(b, "  ");
	width_fit(b, c->name, VALUE_COLS, 0);
	strbuf_adds(b, ": ");
	width_fit(b, c->field, VALUE_COLS, 0);
	strbuf_adds(b, ": kept \"");
	width_fit(b, c->kept, VALUE_COLS, 0);
	strbuf_adds(b, "\" (");
	width_fit(b, c->kept_from, VALUE_COLS, 0);
	strbuf_adds(b, ")\n    lost \"");
	width_fit(b, c->lost, VALUE_COLS, 0);
	strbuf_adds(b, "\" (");
	width_fit(b, c->lost_from, VALUE_COLS, 0);
	strbuf_adds(b, ")\n");
}

/* "label: a, b, c" of a list of strings from data. */
static void
list(struct strbuf *b, const char *label, char *const *v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	strbuf_addf(b, "%s: ", label);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_adds(b, ", ");
		width_fit(b, v[i], VALUE_COLS, 0);
	}
	strbuf_adds(b, "\n");
}

void
format_merge_report(FILE *fp, const struct merge_report *r, int dry_run)
{
	struct strbuf b = { 0 };
	size_t i;

	if (r->renamed != NULL) {
		width_fit(&b, r->renamed, VALUE_COLS, 0);
		strbuf_adds(&b, "\n");
	}
	for (i = 0; i < r->ntally; i++)
		tally(&b, &r->tally[i]);
	if (r->ntally == 0)
		strbuf_adds(&b, "nobody to merge\n");
	if (r->deployments_added + r->deployments_updated > 0) {
		strbuf_adds(&b, "deployments: ");
		strbuf_thousands(&b, r->deployments_added);
		strbuf_adds(&b, " added, ");
		strbuf_thousands(&b, r->deployments_updated);
		strbuf_adds(&b, " updated\n");
	}
	list(&b, "deployments named otherwise here, their name being taken",
	    r->deploy_renamed, r->ndeploy_renamed);
	list(&b, r->vocabulary_added ? "vocabulary added" :
	    "vocabulary missing", r->missing, r->nmissing);
	if (r->nconflicts > 0)
		strbuf_adds(&b, "conflicts (changed in both pools since they "
		    "last met):\n");
	for (i = 0; i < r->nconflicts; i++)
		conflict(&b, &r->conflicts[i]);
	if (dry_run)
		strbuf_adds(&b, "dry run: nothing was changed\n");
	fputs(strbuf_str(&b), fp);
	strbuf_free(&b);
}

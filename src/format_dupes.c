/*
 * The probable duplicates written out (format_dupes.h).  The table gives
 * each pair one line: the two people with their id's first eight
 * characters (what roster dupes merge takes) and origins, then the
 * evidence.
 */
#include <stdint.h>
#include <stdio.h>

#include "csv.h"
#include "format_dupes.h"
#include "format_log.h"
#include "strbuf.h"
#include "width.h"

/* s as the screen shows it: most text is printable ASCII, which shows
 * as it is, and tens of thousands of lines are written at a time. */
static void
shown(struct strbuf *b, const char *s)
{
	const char *c;

	for (c = s; *c >= 0x20 && *c < 0x7f; c++)
		;
	if (*c == '\0')
		strbuf_adds(b, s);
	else
		width_fit(b, s, SIZE_MAX, 0);
}

/* "Anna de Wit (1b4e28ba, KMar)" as the screen shows it. */
static void
who(struct strbuf *b, const char *name, const char *id, const char *origin)
{
	shown(b, name);
	strbuf_addf(b, " (%.8s", id);
	if (*origin != '\0') {
		strbuf_adds(b, ", ");
		shown(b, origin);
	}
	strbuf_adds(b, ")");
}

static void
table(const struct dupes_list *l, FILE *fp)
{
	struct strbuf b = { 0 };
	size_t i;

	for (i = 0; i < l->n; i++) {
		strbuf_reset(&b);
		who(&b, l->pairs[i].name_a, l->pairs[i].a,
		    l->pairs[i].origin_a);
		strbuf_adds(&b, " and ");
		who(&b, l->pairs[i].name_b, l->pairs[i].b,
		    l->pairs[i].origin_b);
		strbuf_adds(&b, ": ");
		shown(&b, l->pairs[i].evidence);
		fprintf(fp, "%s\n", strbuf_str(&b));
	}
	strbuf_free(&b);
}

static void
csv_cell(FILE *fp, struct strbuf *b, const char *s, int last)
{
	strbuf_reset(b);
	shown(b, s);
	csv_write_field(fp, strbuf_str(b), last);
}

static void
csv(const struct dupes_list *l, FILE *fp)
{
	const struct dupes_pair *p;
	struct strbuf b = { 0 };
	size_t i;

	fputs("id_a,name_a,origin_a,id_b,name_b,origin_b,evidence\r\n", fp);
	for (i = 0; i < l->n; i++) {
		p = &l->pairs[i];
		csv_write_field(fp, p->a, 0);
		csv_cell(fp, &b, p->name_a, 0);
		csv_cell(fp, &b, p->origin_a, 0);
		csv_write_field(fp, p->b, 0);
		csv_cell(fp, &b, p->name_b, 0);
		csv_cell(fp, &b, p->origin_b, 0);
		csv_cell(fp, &b, p->evidence, 1);
	}
	strbuf_free(&b);
}

static void
json(const struct dupes_list *l, FILE *fp)
{
	static const char *const whys[] = { "email", "phone", "name_agency",
	    "name_mission" };
	const struct dupes_pair *p;
	const char *sep;
	size_t i, k;

	fputs("[", fp);
	for (i = 0; i < l->n; i++) {
		p = &l->pairs[i];
		fprintf(fp, "%s\n  {\"id_a\": \"%s\", \"name_a\": ",
		    i ? "," : "", p->a);
		format_json_string(fp, p->name_a);
		fputs(", \"origin_a\": ", fp);
		format_json_string(fp, p->origin_a);
		fprintf(fp, ", \"id_b\": \"%s\", \"name_b\": ", p->b);
		format_json_string(fp, p->name_b);
		fputs(", \"origin_b\": ", fp);
		format_json_string(fp, p->origin_b);
		fputs(", \"why\": [", fp);
		for (k = 0, sep = ""; k < sizeof whys / sizeof whys[0]; k++)
			if (p->why & (1u << k)) {
				fprintf(fp, "%s\"%s\"", sep, whys[k]);
				sep = ", ";
			}
		fputs("], \"evidence\": ", fp);
		format_json_string(fp, p->evidence);
		fputs("}", fp);
	}
	fputs(l->n ? "\n]\n" : "]\n", fp);
}

void
format_dupes(const struct dupes_list *l, enum dupes_format f, FILE *fp)
{
	if (f == DUPES_CSV)
		csv(l, fp);
	else if (f == DUPES_JSON)
		json(l, fp);
	else
		table(l, fp);
}

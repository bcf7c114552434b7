#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "format_log.h"
#include "format_stats.h"
#include "strbuf.h"
#include "width.h"

#define DELAY_LEN	24

/* "-" for none, "45m" under an hour, else "26h05m". */
static void
delay_text(long s, char out[DELAY_LEN])
{
	if (s < 0)
		snprintf(out, DELAY_LEN, "-");
	else if (s < 3600)
		snprintf(out, DELAY_LEN, "%ldm", s / 60);
	else
		snprintf(out, DELAY_LEN, "%ldh%02ldm", s / 3600, s % 3600 / 60);
}

/* The yes rate in whole per cent, rounded; "-" when nobody was asked. */
static void
rate_text(const struct callout_figures *f, char out[DELAY_LEN])
{
	if (f->sent == 0)
		snprintf(out, DELAY_LEN, "-");
	else
		snprintf(out, DELAY_LEN, "%ld%%", (f->yes * 200 + f->sent) /
		    (2 * f->sent));
}

/* Appends s shown as the screen shows it, padded to cols (0: not). */
static void
cell(FILE *fp, struct strbuf *b, const char *s, size_t cols)
{
	strbuf_reset(b);
	width_fit(b, s, cols > 0 ? cols : SIZE_MAX, cols > 0);
	fputs(strbuf_str(b), fp);
}

/* The widest of the names (or deployments) of f and w. */
static size_t
widest(const struct callout_figures *f, size_t n, int deployments, size_t w)
{
	size_t i, x;

	for (i = 0; i < n; i++)
		if ((x = width_of(deployments ? f[i].deployment : f[i].name)) >
		    w)
			w = x;
	return w;
}

static void
table_row(FILE *fp, struct strbuf *b, const struct callout_figures *f,
    size_t wname, size_t wdep)
{
	char median[DELAY_LEN], p90[DELAY_LEN], yes[DELAY_LEN];

	delay_text(f->median, median);
	delay_text(f->p90, p90);
	rate_text(f, yes);
	cell(fp, b, f->name, wname + 2);
	if (wdep > 0) {
		cell(fp, b, f->deployment, wdep + 2);
		fprintf(fp, "%-12s", f->wave);
	}
	fprintf(fp, "%5ld  %7ld  %4ld  %4ld  %4ld  %-7s %-7s %s\n", f->sent,
	    f->replies, f->within[0], f->within[1], f->within[2], median,
	    p90, yes);
}

static void
table(const struct callout_stats *st, FILE *fp)
{
	struct strbuf b = { 0 };
	size_t i, wname, wdep;

	wname = widest(st->callouts, st->ncallouts, 0, strlen("CALL-OUT"));
	wdep = widest(st->callouts, st->ncallouts, 1, strlen("DEPLOYMENT"));
	cell(fp, &b, "CALL-OUT", wname + 2);
	cell(fp, &b, "DEPLOYMENT", wdep + 2);
	fprintf(fp, "%-12s%5s  %7s  %4s  %4s  %4s  %-7s %-7s %s\n", "WAVE",
	    "SENT", "REPLIES", "1H", "6H", "24H", "MEDIAN", "P90", "YES");
	for (i = 0; i < st->ncallouts; i++)
		table_row(fp, &b, &st->callouts[i], wname, wdep);
	table_row(fp, &b, &st->all, wname, wdep);
	wname = widest(st->agencies, st->nagencies, 0, strlen("AGENCY"));
	fputc('\n', fp);
	cell(fp, &b, "AGENCY", wname + 2);
	fprintf(fp, "%5s  %7s  %4s  %4s  %4s  %-7s %-7s %s\n", "SENT",
	    "REPLIES", "1H", "6H", "24H", "MEDIAN", "P90", "YES");
	for (i = 0; i < st->nagencies; i++)
		table_row(fp, &b, &st->agencies[i], wname, 0);
	fprintf(fp, "\nNo answer to their last %d call-out%s:%s\n", st->last,
	    st->last == 1 ? "" : "s", st->nsilent == 0 ? " nobody" : "");
	for (i = 0; i < st->nsilent; i++) {
		fputs("  ", fp);
		cell(fp, &b, st->silent[i].name, 0);
		fputs(" (", fp);
		cell(fp, &b, st->silent[i].agency, 0);
		fputs(")\n", fp);
	}
	strbuf_free(&b);
}

static void
csv_cell(FILE *fp, struct strbuf *b, const char *s, int last)
{
	strbuf_reset(b);
	width_fit(b, s, SIZE_MAX, 0);
	csv_write_field(fp, strbuf_str(b), last);
}

static void
csv_row(FILE *fp, struct strbuf *b, const char *kind,
    const struct callout_figures *f)
{
	char n[32];
	long v[] = { f->sent, f->replies, f->within[0], f->within[1],
	    f->within[2], f->median, f->p90, f->yes };
	size_t i;

	csv_cell(fp, b, kind, 0);
	csv_cell(fp, b, f->name, 0);
	csv_cell(fp, b, "", 0);
	csv_cell(fp, b, f->deployment, 0);
	csv_cell(fp, b, f->wave, 0);
	csv_cell(fp, b, f->at, 0);
	for (i = 0; i < sizeof v / sizeof v[0]; i++) {
		if (v[i] < 0)
			n[0] = '\0';
		else
			snprintf(n, sizeof n, "%ld", v[i]);
		csv_write_field(fp, n, 0);
	}
	if (f->sent == 0)
		n[0] = '\0';
	else
		snprintf(n, sizeof n, "%.2f", (double)f->yes / f->sent);
	csv_write_field(fp, n, 1);
}

static void
csv(const struct callout_stats *st, FILE *fp)
{
	struct strbuf b = { 0 };
	size_t i;

	fputs("kind,name,agency,deployment,wave,at,sent,replies,within_1h,"
	    "within_6h,within_24h,median_seconds,p90_seconds,yes,yes_rate\r\n",
	    fp);
	for (i = 0; i < st->ncallouts; i++)
		csv_row(fp, &b, "callout", &st->callouts[i]);
	csv_row(fp, &b, "all", &st->all);
	for (i = 0; i < st->nagencies; i++)
		csv_row(fp, &b, "agency", &st->agencies[i]);
	for (i = 0; i < st->nsilent; i++) {
		csv_cell(fp, &b, "silent", 0);
		csv_cell(fp, &b, st->silent[i].name, 0);
		csv_cell(fp, &b, st->silent[i].agency, 0);
		fputs(",,,,,,,,,,,\r\n", fp);
	}
	strbuf_free(&b);
}

static void
json_number(FILE *fp, const char *key, long v)
{
	if (v < 0)
		fprintf(fp, ", \"%s\": null", key);
	else
		fprintf(fp, ", \"%s\": %ld", key, v);
}

static void
json_figures(FILE *fp, const struct callout_figures *f)
{
	fputs("{\"name\": ", fp);
	format_json_string(fp, f->name);
	if (*f->at != '\0') {
		fputs(", \"deployment\": ", fp);
		format_json_string(fp, f->deployment);
		fputs(", \"wave\": ", fp);
		format_json_string(fp, f->wave);
		fprintf(fp, ", \"at\": \"%s\"", f->at);
	}
	json_number(fp, "sent", f->sent);
	json_number(fp, "replies", f->replies);
	json_number(fp, "within_1h", f->within[0]);
	json_number(fp, "within_6h", f->within[1]);
	json_number(fp, "within_24h", f->within[2]);
	json_number(fp, "median_seconds", f->median);
	json_number(fp, "p90_seconds", f->p90);
	json_number(fp, "yes", f->yes);
	if (f->sent == 0)
		fputs(", \"yes_rate\": null}", fp);
	else
		fprintf(fp, ", \"yes_rate\": %.2f}", (double)f->yes / f->sent);
}

static void
json(const struct callout_stats *st, FILE *fp)
{
	size_t i;

	fputs("{\"callouts\": [", fp);
	for (i = 0; i < st->ncallouts; i++) {
		fputs(i > 0 ? ",\n  " : "\n  ", fp);
		json_figures(fp, &st->callouts[i]);
	}
	fputs("],\n\"all\": ", fp);
	json_figures(fp, &st->all);
	fputs(",\n\"agencies\": [", fp);
	for (i = 0; i < st->nagencies; i++) {
		fputs(i > 0 ? ",\n  " : "\n  ", fp);
		json_figures(fp, &st->agencies[i]);
	}
	fprintf(fp, "],\n\"last\": %d,\n\"silent\": [", st->last);
	for (i = 0; i < st->nsilent; i++) {
		fputs(i > 0 ? ",\n  {\"name\": " : "\n  {\"name\": ", fp);
		format_json_string(fp, st->silent[i].name);
		fputs(", \"agency\": ", fp);
		format_json_string(fp, st->silent[i].agency);
		fputc('}', fp);
	}
	fputs("]}\n", fp);
}

void
format_stats(const struct callout_stats *st, enum stats_format f, FILE *fp)
{
	if (f == STATS_CSV)
		csv(st, fp);
	else if (f == STATS_JSON)
		json(st, fp);
	else
		table(st, fp);
}

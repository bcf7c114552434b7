/*
 * bench_screen: what the full-screen list costs before it can draw, and
 * its facet panel, measured in-process (the drawing itself, and the
 * program's start, are timed by bench.sh in tmux):
 *
 *   first   open the pool, count it, search everyone, the first page of
 *           rows with their summaries (as app_init and app_rows do);
 *           each step's ms on its own line of stderr with -v;
 *   fill    the facet cache read while the screen is idle
 *           (facet_cache_fill), in ms;
 *   facets  the facet panel (every kind, the top FACETS values) for
 *           everyone, then after each filter of the queries in turn, in
 *           one session with one facet cache as the screen keeps it:
 *           p50, p99 and the worst over runs, then p50 and p99 of the
 *           processor time alone (the rest is the machine's other work);
 *   rss     the peak resident memory (VmHWM) at the end, in MB.
 *
 * usage: bench_screen [-v] DB RUNS < queries   (lines "label<TAB>filter...")
 * prints: first-screen ms, fill ms, facet p50, p99, max, cpu p50, cpu p99
 * (ms), rss MB
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench_stats.h"
#include "date.h"
#include "facet.h"
#include "filter.h"
#include "search.h"
#include "store.h"
#include "summary.h"

#define ROWS	50	/* a tall terminal's list */
#define FACETS	50	/* the screen's FACET_MAX */

static int verbose;

/* This thread's processor time: what the panel costs, whatever else
 * the machine runs meanwhile. */
static double
cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One step's time, said with -v. */
static void
step(const char *what, double *t)
{
	double t1 = bench_now_ms();

	if (verbose)
		fprintf(stderr, "%-8s %8.2f ms\n", what, t1 - *t);
	*t = t1;
}

static int
first_screen(const char *path, int today, struct store **out,
    struct search_result **res, double *ms, struct error *err)
{
	struct summary rows[ROWS];
	struct filter *f;
	long long pks[ROWS], total, gen;
	double t0 = bench_now_ms(), t = t0;
	size_t n, i;
	int rc;

	if ((rc = store_open(out, path, STORE_READ_ONLY, err)) != RC_OK)
		return rc;
	step("open", &t);
	/* The pool's size, as the screen takes it (tui/app.c pool_load). */
	if ((rc = search_text(*out, "", today, NULL, res, err)) != RC_OK)
		return rc;
	total = search_result_count(*res);
	search_result_free(*res);
	if (verbose)
		fprintf(stderr, "%lld people\n", total);
	if ((rc = store_generation(*out, &gen, err)) != RC_OK)
		return rc;
	step("count", &t);
	if ((rc = filter_compile(*out, "", today, &f, err)) != RC_OK)
		return rc;
	rc = search_eval(*out, f, NULL, res, err);
	filter_free(f);
	if (rc != RC_OK)
		return rc;
	step("search", &t);
	if ((rc = search_page(*out, *res, SORT_NAME, 0, 0, pks, ROWS, &n,
	    err)) != RC_OK)
		return rc;
	step("page", &t);
	for (i = 0; i < n && rc == RC_OK; i++)
		if ((rc = summary_load(*out, pks[i], today, &rows[i], err)) ==
		    RC_OK)
			summary_free(&rows[i]);
	step("rows", &t);
	*ms = t - t0;
	return rc;
}

/* The whole panel for one result, as app_facets counts it. */
static int
panel(struct store *s, struct facet_cache *c, const struct search_result *r,
    int say, double *ms, double *cpu, struct error *err)
{
	struct facet f;
	double t0 = bench_now_ms(), t = t0, u0 = cpu_ms();
	int k, rc = RC_OK;

	for (k = 0; k < FACET_N && rc == RC_OK; k++) {
		if ((rc = facet_count_cached(s, c, r, (enum facet_kind)k,
		    FACETS, &f, err)) == RC_OK)
			facet_free(&f);
		if (say)
			step(facet_key((enum facet_kind)k), &t);
	}
	*ms = bench_now_ms() - t0;
	*cpu = cpu_ms() - u0;
	return rc;
}

static long long
peak_kb(void)
{
	char line[256];
	long long kb = -1;
	FILE *fp;

	if ((fp = fopen("/proc/self/status", "r")) == NULL)
		return -1;
	while (fgets(line, sizeof line, fp) != NULL)
		if (sscanf(line, "VmHWM: %lld", &kb) == 1)
			break;
	fclose(fp);
	return kb;
}

int
main(int argc, char **argv)
{
	char line[4096], *text, *tab, **filters = NULL;
	struct search_result *all, *r;
	struct facet_cache *c;
	struct filter *f;
	struct store *s;
	struct error err;
	double first, fill, *t = NULL, *u = NULL, ms;
	size_t nf = 0, nt = 0, i;
	int runs, run, today;

	if (argc > 1 && strcmp(argv[1], "-v") == 0) {
		verbose = 1;
		argv++;
		argc--;
	}
	if (argc != 3 || (runs = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: bench_screen [-v] DB RUNS < queries\n");
		return 2;
	}
	if (date_today(&today, &err) != RC_OK ||
	    first_screen(argv[1], today, &s, &all, &first, &err) != RC_OK) {
		fprintf(stderr, "bench_screen: %s\n", err.msg);
		return 3;
	}
	while (fgets(line, sizeof line, stdin) != NULL) {
		if (line[0] == '#' || (text = strchr(line, '\t')) == NULL)
			continue;
		text++;
		if ((tab = strchr(text, '\t')) != NULL)
			*tab = '\0';
		filters = realloc(filters, (nf + 1) * sizeof *filters);
		filters[nf++] = strdup(text);
	}
	c = facet_cache_new();
	t = calloc((size_t)runs * (nf + 1), sizeof *t);
	u = calloc((size_t)runs * (nf + 1), sizeof *u);
	fill = bench_now_ms();
	if (facet_cache_fill(s, c, &err) != RC_OK)
		goto fail;
	fill = bench_now_ms() - fill;
	/* The panel opened on everyone, then each filter in turn. */
	if (panel(s, c, all, verbose, &t[nt], &u[nt], &err) != RC_OK)
		goto fail;
	nt++;
	if (verbose)
		fprintf(stderr, "%-8s %8.2f ms\n", "facets", t[0]);
	for (run = 0; run < runs; run++)
		for (i = 0; i < nf; i++) {
			if (filter_compile(s, filters[i], today, &f, &err) !=
			    RC_OK || search_eval(s, f, NULL, &r, &err) != RC_OK)
				goto fail;
			filter_free(f);
			if (panel(s, c, r, 0, &ms, &u[nt], &err) != RC_OK)
				goto fail;
			search_result_free(r);
			if (verbose && run == 0)
				fprintf(stderr, "facets after %s: %.2f ms\n",
				    filters[i], ms);
			t[nt++] = ms;
		}
	bench_sort(t, (int)nt);
	bench_sort(u, (int)nt);
	printf("%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.1f\n", first,
	    fill, bench_percentile(t, (int)nt, 50),
	    bench_percentile(t, (int)nt, 99), t[nt - 1],
	    bench_percentile(u, (int)nt, 50),
	    bench_percentile(u, (int)nt, 99), peak_kb() / 1024.0);
	facet_cache_free(c);
	search_result_free(all);
	store_close(s);
	for (i = 0; i < nf; i++)
		free(filters[i]);
	free(filters);
	free(t);
	free(u);
	return 0;
fail:
	fprintf(stderr, "bench_screen: %s\n", err.msg);
	return 3;
}

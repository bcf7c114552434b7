/*
 * bench_filter: the latency the full-screen list will see on every
 * keystroke - compile the filter, count the matches, fetch the first 50 -
 * measured in-process, p50 and p99, two ways:
 *
 *   cold    each run from nothing (no cache): the filter pasted at once;
 *   typing  the filter typed a character at a time with a search cache,
 *           as the list does, timing every keystroke whose text compiles.
 *
 * usage: bench_filter DB RUNS < queries   (lines "label<TAB>filter<TAB>sql")
 * prints: label, matches, cold p50, cold p99, typing p50, typing p99,
 * the slowest keystroke (ms) and the text typed up to it
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench_stats.h"
#include "date.h"
#include "filter.h"
#include "search.h"
#include "store.h"

static int
one_run(struct store *s, const char *text, int today,
    struct search_cache *cache, long long *count, struct error *err)
{
	struct search_result *r;
	long long pks[50];
	struct filter *f;
	size_t n;
	int rc;

	if ((rc = filter_compile(s, text, today, &f, err)) != RC_OK)
		return rc;
	if ((rc = search_eval(s, f, cache, &r, err)) == RC_OK) {
		*count = search_result_count(r);
		rc = search_page(s, r, SORT_NAME, 0, 0, pks, 50, &n, err);
		search_result_free(r);
	}
	filter_free(f);
	return rc;
}

struct samples {
	double	*v;
	size_t	 n;
	double	 max;		/* the slowest keystroke */
	char	 at[4096];	/* the text typed up to it */
};

/*
 * Types text a character at a time, runs times, each time with a new
 * cache, and records every keystroke whose text compiles.
 */
static void
typing(struct store *s, const char *text, int today, int runs,
    struct samples *out)
{
	struct search_cache *cache;
	struct error err;
	long long count;
	char prefix[4096];
	size_t len = strlen(text), k;
	double t0, t1;
	int i, rc;

	for (i = 0; i < runs; i++) {
		cache = search_cache_new();
		for (k = 1; k <= len; k++) {
			memcpy(prefix, text, k);
			prefix[k] = '\0';
			t0 = bench_now_ms();
			rc = one_run(s, prefix, today, cache, &count, &err);
			t1 = bench_now_ms();
			if (rc != RC_OK)
				continue;
			out->v = realloc(out->v, (out->n + 1) * sizeof *out->v);
			out->v[out->n++] = t1 - t0;
			if (t1 - t0 > out->max) {
				out->max = t1 - t0;
				memcpy(out->at, prefix, k + 1);
			}
		}
		search_cache_free(cache);
	}
	bench_sort(out->v, (int)out->n);
}

int
main(int argc, char **argv)
{
	char line[4096], *label, *text, *tab;
	struct store *s;
	struct error err;
	struct samples keys = { NULL, 0, 0, "" };
	double *t;
	long long count = 0;
	int runs, i, today;

	if (argc != 3 || (runs = atoi(argv[2])) < 1) {
		fprintf(stderr, "usage: bench_filter DB RUNS < queries\n");
		return 2;
	}
	if (date_today(&today, &err) != RC_OK ||
	    store_open(&s, argv[1], STORE_READ_ONLY, &err) != RC_OK) {
		fprintf(stderr, "bench_filter: %s\n", err.msg);
		return 3;
	}
	t = calloc((size_t)runs, sizeof *t);
	while (fgets(line, sizeof line, stdin) != NULL) {
		if (line[0] == '#' || (tab = strchr(line, '\t')) == NULL)
			continue;
		*tab = '\0';
		label = line;
		text = tab + 1;
		if ((tab = strchr(text, '\t')) != NULL)
			*tab = '\0';
		/* One warm-up, so the pages are in memory as in a session. */
		if (one_run(s, text, today, NULL, &count, &err) != RC_OK) {
			fprintf(stderr, "bench_filter: %s: %s\n", text, err.msg);
			return 2;
		}
		for (i = 0; i < runs; i++) {
			t[i] = bench_now_ms();
			one_run(s, text, today, NULL, &count, &err);
			t[i] = bench_now_ms() - t[i];
		}
		bench_sort(t, runs);
		printf("%s\t%lld\t%.2f\t%.2f", label, count,
		    bench_percentile(t, runs, 50), bench_percentile(t, runs, 99));
		typing(s, text, today, runs, &keys);
		printf("\t%.2f\t%.2f\t%.2f\t%s\n", bench_percentile(keys.v,
		    (int)keys.n, 50), bench_percentile(keys.v, (int)keys.n, 99),
		    keys.max, keys.at);
		keys.n = 0;
		keys.max = 0;
		keys.at[0] = '\0';
	}
	free(keys.v);
	free(t);
	store_close(s);
	return 0;
}

/*
 * bench_filter: the latency the full-screen list will see on every
 * keystroke - compile the filter, count the matches, fetch the first 50 -
 * measured in-process, p50 and p99 over many runs of each filter.
 *
 * usage: bench_filter DB RUNS < queries   (lines "label<TAB>filter<TAB>sql")
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "filter.h"
#include "search.h"
#include "store.h"

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted samples. */
static double
percentile(const double *v, int n, int p)
{
	int i = (p * n + 99) / 100 - 1;

	return v[i < 0 ? 0 : i];
}

static int
one_run(struct store *s, const char *text, int today, long long *count,
    struct error *err)
{
	struct search_result *r;
	long long pks[50];
	struct filter *f;
	size_t n;
	int rc;

	if ((rc = filter_compile(s, text, today, &f, err)) != RC_OK)
		return rc;
	if ((rc = search_eval(s, f, &r, err)) == RC_OK) {
		*count = search_result_count(r);
		rc = search_page(s, r, SORT_NAME, 0, 0, pks, 50, &n, err);
		search_result_free(r);
	}
	filter_free(f);
	return rc;
}

int
main(int argc, char **argv)
{
	char line[4096], *label, *text, *tab;
	struct store *s;
	struct error err;
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
		/* One warm-up, as the list has run the previous keystroke. */
		if (one_run(s, text, today, &count, &err) != RC_OK) {
			fprintf(stderr, "bench_filter: %s: %s\n", text, err.msg);
			return 2;
		}
		for (i = 0; i < runs; i++) {
			t[i] = now_ms();
			one_run(s, text, today, &count, &err);
			t[i] = now_ms() - t[i];
		}
		qsort(t, (size_t)runs, sizeof *t, cmp_double);
		printf("%s\t%lld\t%.2f\t%.2f\n", label, count,
		    percentile(t, runs, 50), percentile(t, runs, 99));
	}
	free(t);
	store_close(s);
	return 0;
}

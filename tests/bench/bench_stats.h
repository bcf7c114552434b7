/*
 * bench_stats.h - the benchmarks' clock and percentiles, shared by
 * bench_filter, bench_run and bench_screen.
 *
 * Memory: nothing is allocated; the caller owns the samples.
 */
#ifndef ROSTER_BENCH_STATS_H
#define ROSTER_BENCH_STATS_H

/* A monotonic clock in milliseconds. */
double	bench_now_ms(void);
/* Sorts n samples in place, smallest first. */
void	bench_sort(double *v, int n);
/* Nearest-rank percentile p of sorted samples. */
double	bench_percentile(const double *v, int n, int p);

#endif

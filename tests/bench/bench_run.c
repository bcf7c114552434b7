/*
 * bench_run: a whole process timed from fork to exit, as a user at a shell
 * sees it, with its output (and notes) sent to /dev/null; a shell's own
 * clock costs more than the fastest runs take.
 *
 * usage: bench_run RUNS COMMAND [ARG...]
 * prints: p50 and p99 of the wall time (ms), and the largest resident set
 * of any run (KB).  Exits non-zero when a run fails.
 */
#include <sys/resource.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bench_stats.h"

/* One run: its wall time, and its peak resident set into *rss. */
static int
run(char **argv, double *ms, long *rss)
{
	struct rusage ru;
	double t0;
	pid_t pid;
	int status, fd;

	t0 = bench_now_ms();
	if ((pid = fork()) < 0)
		return -1;
	if (pid == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) >= 0) {
			dup2(fd, STDOUT_FILENO);
			dup2(fd, STDERR_FILENO);
			close(fd);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) != pid)
		return -1;
	*ms = bench_now_ms() - t0;
	if (ru.ru_maxrss > *rss)
		*rss = ru.ru_maxrss;
	/* grep's 1 (no match) is a result, not a failure. */
	return WIFEXITED(status) && WEXITSTATUS(status) <= 1 ? 0 : -1;
}

int
main(int argc, char **argv)
{
	double *t;
	long rss = 0;
	int runs, i;

	if (argc < 3 || (runs = atoi(argv[1])) <= 0) {
		fprintf(stderr, "usage: bench_run RUNS COMMAND [ARG...]\n");
		return 2;
	}
	t = calloc((size_t)runs, sizeof *t);
	for (i = 0; i < runs; i++)
		if (t == NULL || run(argv + 2, &t[i], &rss) != 0) {
			fprintf(stderr, "bench_run: %s failed\n", argv[2]);
			return 1;
		}
	bench_sort(t, runs);
	printf("%.1f\t%.1f\t%ld\n", bench_percentile(t, runs, 50),
	    bench_percentile(t, runs, 99), rss);
	free(t);
	return 0;
}

/*
 * deliver.c - running the programs that deliver call-outs: fork and
 * exec, the message on the child's standard input, its standard error
 * kept in an unnamed file (a pipe could fill while we write) for the
 * first line of a failure.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "deliver.h"
#include "strbuf.h"

#define DELIVER_MAX_WORDS	32
#define DELIVER_TIMEOUT		60	/* seconds, ROSTER_DELIVER_TIMEOUT */

/* Seconds a delivery program may take: a mail relay that never answers
 * must not hold the whole wave (and the duty officer) forever. */
static long
timeout_secs(void)
{
	const char *s = getenv("ROSTER_DELIVER_TIMEOUT");
	char *end;
	long n;

	if (s == NULL || *s == '\0')
		return DELIVER_TIMEOUT;
	n = strtol(s, &end, 10);
	if (*end != '\0' || n < 1 || n > 86400)
		return DELIVER_TIMEOUT;
	return n;
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* cmd split at blanks into words (the copy in buf), then args; NULL at
 * the end.  0 when cmd has no word or too many. */
static size_t
split(const char *cmd, char *buf, const char *const *args, size_t nargs,
    char **argv)
{
	size_t n = 0, i;
	char *p, *last;

	strcpy(buf, cmd);
	for (p = strtok_r(buf, " \t", &last); p != NULL;
	    p = strtok_r(NULL, " \t", &last)) {
		if (n == DELIVER_MAX_WORDS)
			return 0;
		argv[n++] = p;
	}
	if (n == 0)
		return 0;
	for (i = 0; i < nargs; i++)
		argv[n++] = (char *)args[i];
	argv[n] = NULL;
	return n;
}

/* In the child: stdin from in, stdout to /dev/null, stderr to errfd,
 * nothing else open. */
static void
child(int in, int errfd, char **argv)
{
	sigset_t none;
	int null;

	/* The caller holds Ctrl-C back while it delivers; this program
	 * must not inherit that. */
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	if ((null = open("/dev/null", O_WRONLY)) == -1 ||
	    dup2(in, 0) == -1 || dup2(null, 1) == -1 || dup2(errfd, 2) == -1)
		_exit(127);
	/* The database and the terminal are none of its business. */
	closefrom(3);
	signal(SIGPIPE, SIG_DFL);
	execvp(argv[0], argv);
	dprintf(2, "cannot run %s: %s\n", argv[0], strerror(errno));
	_exit(127);
}

/* Writes s to fd (non-blocking) until done or the deadline; a reader
 * that went away or stopped reading is not an error here (its exit
 * status, or the timeout, says what happened). */
static void
feed(int fd, const char *s, long deadline)
{
	struct pollfd pfd = { .fd = fd, .events = POLLOUT };
	size_t len = strlen(s);
	ssize_t n;
	long left;

	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	while (len > 0 && (left = deadline - now_ms()) > 0) {
		if (poll(&pfd, 1, (int)left) <= 0)
			continue;
		if ((n = write(fd, s, len)) == -1) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return;
		}
		s += n;
		len -= n;
	}
}

/* Waits for pid until the deadline, then kills it: 1 if it had to be
 * killed.  The status is in *status either way. */
static int
reap(pid_t pid, int *status, long deadline)
{
	pid_t r;

	while ((r = waitpid(pid, status, WNOHANG)) == 0 &&
	    now_ms() < deadline)
		usleep(10000);
	if (r == pid || (r == -1 && errno != EINTR))
		return 0;
	kill(pid, SIGKILL);
	while (waitpid(pid, status, 0) == -1 && errno == EINTR)
		;
	return 1;
}

/* The first line the program wrote on errfd, else how it ended. */
static void
reason(FILE *errfp, const char *prog, int status, char why[DELIVER_WHY_LEN])
{
	char *nl;

	why[0] = '\0';
	rewind(errfp);
	if (fgets(why, DELIVER_WHY_LEN, errfp) != NULL &&
	    (nl = strchr(why, '\n')) != NULL)
		*nl = '\0';
	if (why[0] != '\0')
		return;
	if (WIFSIGNALED(status))
		snprintf(why, DELIVER_WHY_LEN, "%s was killed by signal %d",
		    prog, WTERMSIG(status));
	else
		snprintf(why, DELIVER_WHY_LEN, "%s exited with status %d",
		    prog, WEXITSTATUS(status));
}

int
deliver_run(const char *cmd, const char *const *args, size_t nargs,
    const char *input, char why[DELIVER_WHY_LEN])
{
	struct sigaction ign, old;
	char *argv[DELIVER_MAX_WORDS + 8], *buf;
	int fds[2], status, killed = 0;
	long secs = timeout_secs(), deadline = now_ms() + secs * 1000;
	FILE *errfp;
	pid_t pid;

	buf = xmalloc(strlen(cmd) + 1);
	if (nargs > 7 || split(cmd, buf, args, nargs, argv) == 0) {
		snprintf(why, DELIVER_WHY_LEN, "no program to run in '%s'",
		    cmd);
		free(buf);
		return -1;
	}
	if ((errfp = tmpfile()) == NULL || pipe(fds) == -1) {
		snprintf(why, DELIVER_WHY_LEN, "cannot run %s: %s", argv[0],
		    strerror(errno));
		if (errfp != NULL)
			fclose(errfp);
		free(buf);
		return -1;
	}
	/* A program that exits without reading must not kill us. */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	if ((pid = fork()) == 0) {
		close(fds[1]);
		child(fds[0], fileno(errfp), argv);
	}
	close(fds[0]);
	if (pid != -1)
		feed(fds[1], input, deadline);
	close(fds[1]);
	status = -1;
	if (pid != -1)
		killed = reap(pid, &status, deadline);
	sigaction(SIGPIPE, &old, NULL);
	if (pid == -1)
		snprintf(why, DELIVER_WHY_LEN, "cannot run %s: %s", argv[0],
		    strerror(errno));
	else if (killed)
		snprintf(why, DELIVER_WHY_LEN, "%s did not finish in %ld s",
		    argv[0], secs);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		reason(errfp, argv[0], status, why);
	fclose(errfp);
	free(buf);
	if (pid != -1 && !killed && WIFEXITED(status) &&
	    WEXITSTATUS(status) == 0)
		return 0;
	return -1;
}

int
deliver_sms(const char *number, const char *text, char why[DELIVER_WHY_LEN])
{
	const char *cmd = getenv("ROSTER_SMS");
	const char *args[] = { "TEXT", number, "-text", text };

	if (cmd == NULL || *cmd == '\0')
		cmd = "gammu-smsd-inject";
	return deliver_run(cmd, args, 4, "", why);
}

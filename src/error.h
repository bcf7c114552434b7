/*
 * error.h - the one error idiom of roster.
 *
 * Every fallible function returns an int status and, on failure, writes one
 * human-readable message into a caller-owned struct error.  The status
 * values are the program's exit statuses (roster(1)), so the command line
 * can return them unchanged.
 *
 * Memory: struct error is a fixed buffer owned by the caller; nothing here
 * allocates.
 */
#ifndef ROSTER_ERROR_H
#define ROSTER_ERROR_H

enum {
	RC_OK = 0,
	RC_REFUSED = 1,	/* no match, or an action refused (a conflict) */
	RC_INPUT = 2,	/* bad input or usage */
	RC_DB = 3,	/* database trouble: locked, corrupt, full */
	/* Never an exit status: a query gave way to a key (store_interrupt). */
	RC_INTERRUPTED = 4,
};

struct error {
	char msg[1024];
};

/* Formats the message into e (if e is not NULL) and returns code. */
int error_set(struct error *e, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prefixes the existing message with "prefix: ". */
void error_prefix(struct error *e, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif

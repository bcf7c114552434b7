/*
 * audit.h - who the audit log says made a change.
 *
 * Memory: the caller owns the buffer; nothing is allocated.
 */
#ifndef ROSTER_AUDIT_H
#define ROSTER_AUDIT_H

#include <stddef.h>

/* The login name of the OS user (from the password database, else $USER,
 * else "unknown"), for the audit's "who". */
void	audit_user(char *out, size_t len);

#endif

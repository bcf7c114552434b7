/*
 * audit.h - the audit log: who changed what, when (the audit table of
 * db/001-schema.sql).  Every write of the core that changes a person or a
 * deployment records one line here, through audit_write only.
 *
 * Memory: the strings of struct audit_entry are borrowed for the call;
 * the statement belongs to the store (store_cached); nothing is allocated.
 */
#ifndef ROSTER_AUDIT_H
#define ROSTER_AUDIT_H

#include <stddef.h>

#include "error.h"
#include "store.h"

/* One changed field: old NULL for a value that did not exist (a
 * create), new NULL for one that no longer does. */
struct audit_change {
	const char	*field;
	const char	*old;
	const char	*new;
};

struct audit_entry {
	const char	*who;		/* NULL: audit_user() */
	const char	*at;		/* YYYY-MM-DDTHH:MM:SSZ; NULL: now */
	const char	*entity;	/* "person", "deployment", "pool" */
	const char	*id;		/* a person's id, a deployment's name */
	const char	*action;	/* "create", "update", "add", ... */
	const char	*fields;	/* what changed; NULL: "" */
	const struct audit_change *changes;	/* each field's values */
	size_t		 nchanges;
};

/* The login name of the OS user (from the password database, else $USER,
 * else "unknown"), for the audit's "who". */
void	audit_user(char *out, size_t len);

/* Appends one line, and its changes, to the audit, in the caller's
 * transaction. */
int	audit_write(struct store *, const struct audit_entry *,
	    struct error *err);

/*
 * Calls fn for each audit line, oldest first, of entity id (NULL: all;
 * for a deployment, its lines under earlier names too) at or after since (a YYYY-MM-DD day, UTC; NULL: all), with its changes;
 * a non-zero return from fn stops the walk and is returned.  The line and
 * its strings are valid during the call only.
 */
int	audit_each(struct store *, const char *id, const char *since,
	    int (*fn)(const struct audit_entry *, void *), void *arg,
	    struct error *err);

/* The name that the deployment once called name (in any case) has now,
 * following its renames, into out: RC_OK, or RC_REFUSED when no
 * deployment was renamed from name. */
int	audit_deployment_name(struct store *, const char *name, char *out,
	    size_t len, struct error *err);

#endif

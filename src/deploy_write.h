/*
 * deploy_write.h - writing deployments, the people on them and each one's
 * history of statuses: the one place import and deploy write the
 * deployment, assignment and assignment_history tables, every change
 * audited (audit.h) as "deployment" with the deployment's name.
 *
 * Values are validated before they reach this layer (import.c, deploy.c);
 * the schema's constraints are the safety net, not the validation.  The
 * writer runs in the caller's transaction; who and when are taken once,
 * when it is made, so one import or command is one moment.
 *
 * Memory: the strings of struct deploy_row and struct assignment_row are
 * borrowed for the call; the writer owns its prepared statements and is
 * released with deploy_writer_free; deploy_writer_find's *stored is the
 * caller's to free.
 */
#ifndef ROSTER_DEPLOY_WRITE_H
#define ROSTER_DEPLOY_WRITE_H

#include "error.h"
#include "store.h"

/* A deployment's columns as stored: dates YYYY-MM-DD, end "" when open,
 * needs "N:FILTER" lines joined by LF. */
struct deploy_row {
	const char	*name, *kind, *country, *start, *end, *status, *needs;
	/* A new deployment's id and origin (the pool it was first made
	 * in); NULL or "": a new UUID, this pool's name.  An update keeps
	 * both as stored. */
	const char	*id, *origin;
};

/* One person on one deployment. */
struct assignment_row {
	long long	 deployment, person;	/* pks */
	const char	*dname, *person_id;	/* for the audit */
	const char	*role, *status;
	/* STATUS@YYYY-MM-DDTHH:MM:SSZ items joined by ';', oldest first;
	 * NULL: the status, set now. */
	const char	*history;
};

struct deploy_writer;

/*
 * The history of the assignment whose pk is the SQL apk, as an
 * assignments file's history column has it: "status@time" items joined
 * by ';', oldest first.
 */
#define DEPLOY_HISTORY_SQL(apk) \
    "coalesce((SELECT group_concat(status || '@' || at, ';') FROM" \
    " (SELECT status, at FROM assignment_history WHERE assignment = " apk \
    " ORDER BY rowid)), '')"

int	deploy_writer_new(struct store *, struct deploy_writer **,
	    struct error *err);
void	deploy_writer_free(struct deploy_writer *);
/* A write of its own: a transaction and a writer that works in it;
 * deploy_writer_end frees the writer and commits if rc is RC_OK, else
 * rolls back, and returns the outcome. */
int	deploy_writer_begin(struct store *, struct deploy_writer **,
	    struct error *err);
int	deploy_writer_end(struct store *, struct deploy_writer *, int rc,
	    struct error *err);

/*
 * The deployment of that name, ignoring the case of A to Z: RC_OK with
 * its pk and its name as stored, RC_REFUSED when there is none.
 */
int	deploy_writer_find(struct deploy_writer *, const char *name,
	    long long *pk, char **stored, struct error *err);

/*
 * Creates the deployment, audited "create" with note as its fields and
 * each value given, or updates the one of the same name (in any case),
 * audited "update" with the changed columns and their old and new
 * values; a row that changes nothing writes nothing.
 */
int	deploy_writer_put(struct deploy_writer *, const struct deploy_row *,
	    const char *note, struct error *err);
/* Renames the deployment pk from name to to, audited "rename" under the
 * old name with "name=TO" and both names; the caller checks that to is
 * free. */
int	deploy_writer_rename(struct deploy_writer *, long long pk,
	    const char *name, const char *to, struct error *err);
/* Closes the deployment pk (named name), audited "close" with the
 * status it replaced. */
int	deploy_writer_close(struct deploy_writer *, long long pk,
	    const char *name, struct error *err);

enum {
	ASSIGN_NEW_ONLY = 1 << 0,	/* leave someone already on it as is */
};
/*
 * Puts the person on the deployment, audited "add" with "person=ID" and
 * the person, role, status and (when given) history, or updates their
 * role, status and (when it differs) history, audited "update" with
 * "person=ID changed=..." and each changed column's old and new value.
 * *added (may be NULL) says whether they were new.
 */
int	deploy_writer_assign(struct deploy_writer *,
	    const struct assignment_row *, int flags, int *added,
	    struct error *err);
/* Sets the status of the assignment apk and adds it to the history,
 * audited "set" with fields and the status before and after. */
int	deploy_writer_set(struct deploy_writer *, long long apk,
	    const char *dname, const char *status, const char *fields,
	    struct error *err);
/* Takes the person off the deployment (their history goes with them),
 * audited "remove" with the person and their last status; RC_REFUSED
 * when they were not on it. */
int	deploy_writer_remove(struct deploy_writer *, long long deployment,
	    long long person, const char *dname, const char *person_id,
	    struct error *err);

#endif

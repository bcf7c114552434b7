/*
 * merge_int.h - what the parts of merge_stage (merge.h) share: the merge
 * under way, and the report's bookkeeping.  merge_stage.c checks the stage and
 * runs the parts in one transaction; merge_vocab.c, merge_tomb.c (erased
 * ids and aliases), merge_people.c and merge_deploy.c each bring in one
 * kind of record; merge_report.c keeps the tallies and conflicts.
 *
 * Memory: a struct merger borrows the store, the stage, the options and
 * the report; it owns its writers, released by merge_stage.c.
 */
#ifndef ROSTER_MERGE_INT_H
#define ROSTER_MERGE_INT_H

#include "deploy_write.h"
#include "merge.h"
#include "person.h"

struct merger {
	struct store		*s;
	sqlite3			*stage;
	const struct merge_opts	*opts;
	struct merge_report	*r;
	struct person_writer	*pw;
	struct deploy_writer	*dw;
	/* Whose values a conflict names: this pool's and the stage's. */
	char			 self[POOL_NAME_MAX + 1];
	char			 from[POOL_NAME_MAX + 1];
	/*
	 * When this pool last heard from the stage's (pool.at); "" the first
	 * time, when every difference is a conflict.
	 */
	char			 heard[21];
	/* This pool's change number when it last met the stage's pool
	 * (pool.seen); -1 the first time. */
	long long		 seen;
	/* Statements run once a person, on either side (merge_cached). */
	struct {
		const char	*sql;
		sqlite3_stmt	*st;
	}			 cache[16];
};

/* One side's values of a field, for a conflict. */
struct merge_side {
	const char	*value, *from;
};

/*
 * A person's record as text, field by field, the same for a staged one
 * and one here, so that equal text is an equal record: the fields of
 * enum person_field, then the missions and the unavailability windows.
 */
enum { MERGE_MISSIONS = PF_N, MERGE_WINDOWS, MERGE_NVALUES };

struct merge_record {
	char	*v[MERGE_NVALUES];
	char	*updated, *created, *origin;
};

void	merge_record_free(struct merge_record *);
const char *merge_value_name(int);

/*
 * Writes the staged record of id (rec, the stage's values) as person
 * kept: *pk 0 adds them with origin, else replaces theirs, missions and
 * windows included (their origin stays); the record's times are kept.
 */
int	merge_person_put(struct merger *, const char *id, const char *kept,
	    const struct merge_record *rec, const char *origin, long long *pk,
	    struct error *err);

int	merge_vocab(struct merger *, struct error *err);
int	merge_erased(struct merger *, struct error *err);
int	merge_aliases(struct merger *, struct error *err);
int	merge_people(struct merger *, struct error *err);
int	merge_deployments(struct merger *, struct error *err);

/* The stage's statements: prepared on the stage's own connection. */
int	merge_stage_prepare(struct merger *, sqlite3_stmt **, const char *sql,
	    struct error *err);
int	merge_stage_error(struct merger *, struct error *err);
/* Runs one on each row of the stage's sql, in order, until one fails. */
typedef int (*merge_row_fn)(struct merger *, sqlite3_stmt *,
	    struct error *);
int	merge_stage_each(struct merger *, const char *sql, merge_row_fn one,
	    struct error *err);
/* A statement of the stage (db m->stage) or of the pool (m->s->db) kept
 * for the merge: sql is a string literal; the caller resets it. */
int	merge_cached(struct merger *, sqlite3 *db, sqlite3_stmt **,
	    const char *sql, struct error *err);
/* Column i of a row as text, "" for NULL (a stage is not trusted). */
const char *merge_col(sqlite3_stmt *, int i);

/* The tally of origin, made on first use. */
struct merge_tally *merge_tally_of(struct merge_report *, const char *origin);
/*
 * Whether this pool changed record (kind 'p' or 'd', pk) itself since it
 * last met the stage's pool: its change number is past pool.seen (the
 * first meeting: yes).  Told by this pool's own change numbers, not by
 * times, which are two clocks and a second apart at best.
 */
int	merge_here_changed(struct merger *, const char *kind, long long pk,
	    int *here, struct error *err);
/*
 * Which of two records of one thing, changed at ours and theirs, is the
 * later: > 0 the stage's, < 0 this pool's, 0 when that cannot tell (the
 * same second, both changed since the pools last met).  Of the same
 * second, one this pool has not changed since (here 0) is the earlier:
 * theirs is a change it has not seen.
 */
int	merge_later(int here, const char *ours, const char *theirs);
/* Whether a difference is a conflict: both sides changed it since the
 * pools last met (here as above; theirs is the stage's updated). */
int	merge_both_changed(const struct merger *, int here,
	    const char *theirs);
void	merge_conflict_add(struct merge_report *, const char *id,
	    const char *name, const char *field, const struct merge_side *kept,
	    const struct merge_side *lost);
void	merge_note_add(char ***list, size_t *n, const char *line);

#endif

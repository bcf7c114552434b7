/*
 * dupes.h - people recorded twice under different ids: finding the pairs
 * that are probably one person, and merging them or remembering that they
 * are not, always on a person's say.  (dupe.h is the import's look-up of
 * one row against the pool; this is the pool against itself.)
 *
 * A pair is probable on any of: the same e-mail (in any case; an empty
 * e-mail matches nothing); the same phone in international form (+ or
 * 00 and the digits, spaces and punctuation ignored; a number without a
 * country code matches only the same digits from the same origin); the
 * same family and given name folded for case and diacritics (as the
 * words index folds them; ä, ö, ü also as ae, oe, ue, German's way
 * without them) together with the same agency or a mission in
 * common (the same mission name, dates overlapping).  A pair marked not
 * the same is not listed again; nor is a pair already merged (the alias).
 *
 * Memory: a dupes_list owns its pairs and their strings and is released
 * with dupes_list_free.
 */
#ifndef ROSTER_DUPES_H
#define ROSTER_DUPES_H

#include <stddef.h>

#include "error.h"
#include "person.h"
#include "store.h"

enum {
	DUPES_EMAIL = 1 << 0,
	DUPES_PHONE = 1 << 1,
	DUPES_NAME_AGENCY = 1 << 2,
	DUPES_NAME_MISSION = 1 << 3,
};

struct dupes_pair {
	/* a is the one recorded first (created, then id): kept by default. */
	long long	 pk_a, pk_b;
	char		 a[PERSON_ID_LEN], b[PERSON_ID_LEN];
	char		*name_a, *name_b;	/* "Anna de Wit", as stored */
	char		*origin_a, *origin_b;
	unsigned	 why;			/* DUPES_* */
	/* "same e-mail a.dewit@kmar.nl; same name, both on EULEX Kosovo
	 * (2019-03-01..2019-09-30)" */
	char		*evidence;
};

struct dupes_list {
	struct dupes_pair	*pairs;		/* by name_a, then name_b */
	size_t			 n;
};

int	dupes_find(struct store *, struct dupes_list *, struct error *err);
void	dupes_list_free(struct dupes_list *);

/* Remembers (audited) that a and b are two people; either order. */
int	dupes_not_same(struct store *, const char *a, const char *b,
	    struct error *err);

/*
 * Merges person other into person keep, in one transaction: keep takes
 * other's value of every field f (enum edit_field, edit.h) whose bit
 * 1 << f is set in take, and keeps its own elsewhere; languages (the
 * higher level), themes, skills, missions and unavailability windows are
 * united; other's deployments, call-out messages and replies become
 * keep's; other's id becomes an alias of keep (alias.h); the audit says
 * what came from whom.  RC_REFUSED, nothing written, when either was
 * changed since the versions given were read (0: whatever is stored).
 */
int	dupes_merge(struct store *, long long keep, long long keep_version,
	    long long other, long long other_version, unsigned take,
	    struct error *err);

/*
 * The same, inside the caller's transaction, for merge_stage: an alias
 * made in another pool joins two records that are both here.
 */
int	dupes_fold(struct store *, long long keep, long long other,
	    unsigned take, struct error *err);

#endif

/*
 * dupes_int.h - what the files of the duplicates finder share (dupes.c
 * reads the pool and compares people with an equal key, dupes_list.c
 * gathers the pairs and hands them out): not for other modules.
 *
 * Memory: a scan owns everything in it; dupes_scan_free releases it.
 */
#ifndef ROSTER_DUPES_INT_H
#define ROSTER_DUPES_INT_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "dupe.h"
#include "error.h"
#include "person.h"
#include "store.h"
#include "strbuf.h"

struct dupes_list;

struct dupes_mission {
	long long	 pk;		/* the same mission is the same pk */
	const char	*name;
	char	 start[DATE_LEN], end[DATE_LEN];	/* end "" = open */
};

struct dupes_person {
	long long		 pk;
	char			 id[PERSON_ID_LEN];
	const char		*name, *origin, *agency, *email, *phone;
	char			 created[32];
	/* Read only when their name meets another's (met). */
	struct dupes_mission	*missions;
	size_t			 nmissions;
	int			 met;
};

/* A person's e-mail, phone or name, as compared (dupes.c). */
struct dupes_key {
	uint64_t	 hash;		/* of text: sorted by, then text */
	const char	*text;
	size_t		 who;		/* index into the people */
};

/* Where the strings of a scan are kept, freed all at once. */
struct dupes_block {
	struct dupes_block	*next;
	size_t			 used, cap;
	char			 text[];
};

/* A pair found, a recorded before b (created, then id). */
struct dupes_found {
	size_t		 a, b;
	unsigned	 why;
	/* By kind (e-mail, phone, name), told in that order whatever
	 * order the keys were met in. */
	struct strbuf	 evidence[3];
};

struct dupes_scan {
	struct dupe_names	*names;
	struct dupes_block	*blocks;
	struct dupes_person	*people;	/* by pk */
	size_t			 npeople;
	struct dupes_key	*keys;
	size_t			 nkeys, capkeys;
	struct dupes_found	*found;
	size_t			 nfound, capfound;
	size_t			*slots;		/* found + 1 by pair; 0 free */
	size_t			 nslots;
};

/* A copy of len bytes of s and a NUL, kept until the scan is freed. */
char	*dupes_keep(struct dupes_scan *, const char *s, size_t len);
/* Notes that people a and b are probably one, why, and the evidence. */
void	dupes_pair_note(struct dupes_scan *, size_t a, size_t b,
	    unsigned why, const char *fmt, ...)
	    __attribute__((format(printf, 5, 6)));
/* Reads the missions of the people met. */
int	dupes_missions_read(struct store *, struct dupes_scan *,
	    struct error *err);
/* Notes a and b when they share a mission (its name, dates overlapping). */
void	dupes_mission_note(struct dupes_scan *, size_t a, size_t b);
/* The pairs found but those marked not the same, sorted, into out. */
int	dupes_scan_list(struct store *, struct dupes_scan *,
	    struct dupes_list *out, struct error *err);
void	dupes_scan_free(struct dupes_scan *);

#endif

/*
 * summary.h - one person as a line of the full-screen list: the few facts
 * a coordinator scans for, already joined into short text.
 *
 * Memory: summary_load fills a caller-owned struct whose strings it
 * allocates; summary_free releases them (and is safe on a zeroed struct).
 */
#ifndef ROSTER_SUMMARY_H
#define ROSTER_SUMMARY_H

#include "date.h"
#include "error.h"
#include "store.h"

struct summary {
	long long	 pk;
	char		*name;		/* "Family, Given" */
	char		*agency;
	char		*languages;	/* "fr:N en:C1", best first; N native */
	char		*countries;	/* served in: "ML NE", by code */
	char		*themes;	/* own and missions', by slug */
	int		 notice;	/* days */
	int		 free_day;	/* avail_first's, AVAIL_NEVER */
	/* The first of passport, medical and HEAT to expire, or "" when one
	 * is missing (never ready). */
	char		 ready[DATE_LEN];
};

/* today counts the first free day from (avail.h). */
int	summary_load(struct store *, long long pk, int today, struct summary *,
	    struct error *err);
void	summary_free(struct summary *);

#endif

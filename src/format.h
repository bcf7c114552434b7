/*
 * format.h - writing people out: the roster(5) CSV files, JSON, ids, an
 * aligned table and one person's record.  All but format_show write the
 * people in temp.result (search.h) in its order.
 *
 * Memory: output goes to a caller-owned FILE; nothing is kept.
 */
#ifndef ROSTER_FORMAT_H
#define ROSTER_FORMAT_H

#include <stdio.h>

#include "error.h"
#include "import.h"
#include "store.h"

/* Flags of the people's formats. */
/* Every deployment, not only those one of the people is on. */
#define FORMAT_ALL_DEPLOYMENTS	0x1
/* The contacts of people who left the service too (PERSON_CONTACT_SQL). */
#define FORMAT_LEFT_CONTACTS	0x2

/*
 * The file of that kind for the people in temp.result, header first: for
 * deployments, those that one of the people is on.
 */
int	format_csv(struct store *, enum file_kind, int flags, FILE *,
	    struct error *err);
/* A JSON array of people with their languages, missions and windows. */
int	format_json(struct store *, int flags, FILE *, struct error *err);
/* How many of the people in temp.result left the service and have
 * contacts that the formats leave out without FORMAT_LEFT_CONTACTS. */
int	format_left_out(struct store *, long long *n, struct error *err);
int	format_ids(struct store *, FILE *, struct error *err);
/* An aligned table in display columns; today marks who is available. */
int	format_table(struct store *, FILE *, int today, struct error *err);
/* One person's whole record, for `roster show`. */
int	format_show(struct store *, long long pk, int today, FILE *,
	    struct error *err);

/*
 * A person's missions as bars on a line from their first year of service
 * to today, one mission a line, fitted to cols columns (nothing when too
 * narrow): the shape of a career at a glance.
 */
int	format_timeline(struct store *, long long pk, int today, int cols,
	    FILE *, struct error *err);

#endif

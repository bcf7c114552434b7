/*
 * format.h - writing people out: the roster(5) CSV files, JSON, ids, an
 * aligned table and one person's record.  All but format_show write the
 * people in temp.result (search.h) in its order, or those a search_from
 * gives (struct format_from), reading each person's row as it writes it.
 *
 * Memory: output goes to a caller-owned FILE; nothing but the row at hand
 * is kept, whatever the number of people (the table's rows wait in a
 * temporary file until its widths are known).
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

struct search_result;

/* The people a format writes: search_from's FROM clause, and the search
 * whose bitmap it tests.  NULL: the people in temp.result. */
struct format_from {
	const char			*sql;
	const struct search_result	*r;
};

/*
 * The file of that kind for the people in temp.result, header first: for
 * deployments, those that one of the people is on.
 */
int	format_csv(struct store *, enum file_kind, int flags, FILE *,
	    struct error *err);
/* The people's file for those from gives; *left_out as format_left_out
 * would count them. */
int	format_people_csv(struct store *, const struct format_from *,
	    int flags, FILE *, long long *left_out, struct error *err);
/* A JSON array of people with their languages, missions and windows;
 * *left_out as format_people_csv. */
int	format_json(struct store *, const struct format_from *, int flags,
	    FILE *, long long *left_out, struct error *err);
/* How many of the people in temp.result left the service and have
 * contacts that the formats leave out without FORMAT_LEFT_CONTACTS. */
int	format_left_out(struct store *, long long *n, struct error *err);
int	format_ids(struct store *, const struct format_from *, FILE *,
	    struct error *err);
/* An aligned table in display columns; today marks who is available. */
int	format_table(struct store *, const struct format_from *, FILE *,
	    int today, struct error *err);
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

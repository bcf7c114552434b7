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

/*
 * The file of that kind for the people in temp.result, header first: for
 * deployments, those that one of the people is on.
 */
int	format_csv(struct store *, enum file_kind, FILE *, struct error *err);
/* The same, but with all_deployments every deployment (roster export). */
int	format_csv_export(struct store *, enum file_kind, int all_deployments,
	    FILE *, struct error *err);
/* A JSON array of people with their languages, missions and windows. */
int	format_json(struct store *, FILE *, struct error *err);
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

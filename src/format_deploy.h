/*
 * format_deploy.h - writing deployments out: the list of them, one with
 * its needs and members (a table, CSV and JSON for the people who act on
 * it, and a call-out sheet to print), and a team suggested for one.
 *
 * Memory: output goes to a caller-owned FILE; nothing is kept.
 */
#ifndef ROSTER_FORMAT_DEPLOY_H
#define ROSTER_FORMAT_DEPLOY_H

#include <stdio.h>

#include "deploy.h"
#include "error.h"
#include "store.h"
#include "suggest.h"

/* Every deployment: name, kind, country, dates, status, members, needs. */
int	format_deploy_list(struct store *, int today, FILE *,
	    struct error *err);
/* The deployment, each need with its coverage, each member with the
 * history of their status. */
int	format_deploy_table(struct store *, const struct deployment *,
	    int today, FILE *, struct error *err);
/*
 * A row per member: person_id, family_name, given_name, agency, phone,
 * email, role, status, status_at, ready (struct member).  Here and in the
 * JSON and the sheet, the contacts of members who left the service are
 * left out unless flags has FORMAT_LEFT_CONTACTS (format.h).
 */
int	format_deploy_csv(struct store *, const struct deployment *,
	    int today, int flags, FILE *, struct error *err);
int	format_deploy_json(struct store *, const struct deployment *,
	    int today, int flags, FILE *, struct error *err);
/* Plain text to print and ring down: the members still in play; it says
 * how many had their contacts left out. */
int	format_deploy_sheet(struct store *, const struct deployment *,
	    int today, int flags, FILE *, struct error *err);

/* A suggested team: id, name, agency and why each person is on it. */
int	format_deploy_suggest(struct store *, const struct suggest_report *,
	    FILE *, struct error *err);
/* For an open-ended d, "open-ended: candidates must be free until
 * 2027-02-21" into buf, and 1; else "" and 0. */
int	format_deploy_horizon(const struct deployment *,
	    const struct suggest_report *, char *buf, size_t len);
/* What of a suggestion still falls short, and who was left out. */
void	format_deploy_shortfall(const struct deployment *,
	    const struct suggest_report *, FILE *);

/* "2–29 December 2026, 28 days" (an en dash), or "from 2 December 2026,
 * open-ended": what a created or changed deployment echoes. */
void	format_deploy_window(const struct deployment *, char *buf,
	    size_t len);
/* "2026-11-24 to 2026-12-31", or "from 2026-11-24, open-ended". */
void	format_deploy_dates(const struct deployment *, char *buf, size_t len);

#endif

/*
 * avail.h - the first day a person can leave: the day the filter's avail:
 * rule (roster(5)) first holds for them, and how lists write it.
 *
 * A person is free on day D when they are active, D >= today +
 * notice_days, they are not marked do not call up to D or later
 * (AVAIL_DNC_SQL), and no unavailability window, no firm booking
 * (AVAIL_BOOKED_SQL) on a deployment and no rest after one
 * (AVAIL_RESTING_SQL) covers D.  Windows and deployments are
 * inclusive and an empty end is open-ended, so the first free day is the
 * first such D: avail:D matches them there and on no day before it.
 *
 * Memory: avail_busy fills a bitmap the caller frees (bitmap_free); the
 * statements are the store's.
 */
#ifndef ROSTER_AVAIL_H
#define ROSTER_AVAIL_H

#include <stddef.h>

#include "error.h"
#include "store.h"

/*
 * A firm booking, the one rule avail:, FREE, the double-booking check and
 * suggest's "already booked" share: assignment a confirmed or deployed on
 * deployment d that is not closed.  A closed deployment is over: its
 * bookings keep nobody from anything, even when its end was left open.
 */
#define AVAIL_BOOKED_SQL(a, d) \
    " " a ".status IN ('confirmed', 'deployed') AND " d ".status <> 'closed'"

/*
 * Do not call, the one rule avail:, FREE, suggestions and dnc:yes share:
 * person p is marked and the mark lasts to day (an SQL expression) or
 * later, its last day included; no last day is until further notice.
 * dnc > '' rather than <> so that the person_dnc index finds them.
 */
#define AVAIL_DNC_SQL(p, day) \
    " " p ".dnc > '' AND (" p ".dnc_until IS NULL OR " p ".dnc_until >= " \
    day ")"

/*
 * Rest after a deployment, the one rule avail:, FREE, suggestions and the
 * reasons share.  A person is back from deployment d on its end date
 * when their assignment a there is deployed or returned (a returned
 * member of an open-ended deployment on the day they were marked
 * returned), and rests from the next day through rest_days later
 * (AVAIL_REST_UNTIL_SQL, that last day included; the setting rest_days,
 * AVAIL_REST_DEFAULT when not set).  A deployed member of a deployment
 * still running is booked to its end and rests after it the same way.
 */
#define AVAIL_REST_KEY		"rest_days"
#define AVAIL_REST_DEFAULT	14
#define AVAIL_STR_(x)		#x
#define AVAIL_STR(x)		AVAIL_STR_(x)
#define AVAIL_REST_MAX		365
#define AVAIL_REST_DAYS_SQL \
    "coalesce((SELECT CAST(value AS INTEGER) FROM setting WHERE key = '" \
    AVAIL_REST_KEY "'), " AVAIL_STR(AVAIL_REST_DEFAULT) ")"
#define AVAIL_BACK_SQL(a, d) \
    "CASE WHEN " a ".status IN ('deployed', 'returned') THEN coalesce(" d \
    ".end, (SELECT substr(max(h.at), 1, 10) FROM assignment_history h" \
    " WHERE h.assignment = " a ".pk AND h.status = 'returned')) END"
#define AVAIL_REST_UNTIL_SQL(a, d) \
    " date(" AVAIL_BACK_SQL(a, d) ", '+' || " AVAIL_REST_DAYS_SQL \
    " || ' days')"
/* Whether a's rest covers a day of [from, to] (SQL expressions). */
#define AVAIL_RESTING_SQL(a, d, from, to) \
    " " AVAIL_BACK_SQL(a, d) " < " to " AND " AVAIL_REST_UNTIL_SQL(a, d) \
    " >= " from

/* No free day ever: not active, or an open-ended window or deployment. */
#define AVAIL_NEVER	(-1)

/* The person's first free day on or after today, or AVAIL_NEVER. */
int	avail_first(struct store *, long long pk, int today, int *day,
	    struct error *err);
/* The same for an active person who can be there from day from (today +
 * notice_days), for callers that have read those already. */
int	avail_first_from(struct store *, long long pk, int from, int *day,
	    struct error *err);

struct bitmap;
/*
 * Into out (initialised here, freed by the caller): who has a window or a
 * firm booking that has not ended before day.  For anyone else who is
 * active the first free day is day + notice, with no query: a long list
 * asks avail_first_from only about these.
 */
int	avail_busy(struct store *, int day, struct bitmap *out,
	    struct error *err);

/*
 * The day as lists show it: "now" when it is today, "MM-DD" later in the
 * same year, "YYYY-MM-DD" in another year, "-" for AVAIL_NEVER.
 */
#define AVAIL_LEN	11
void	avail_format(int day, int today, char out[AVAIL_LEN]);

#endif

/*
 * deploy.h - deployments: a crisis, its needs, and the people on its list
 * with the status of each (roster(1), "deploy").
 *
 * A member's status moves along proposed, contacted, confirmed, deployed,
 * returned (jumping forward is allowed, going back is not), or ends as
 * declined or withdrawn; every change is kept with its time.  Confirming
 * or deploying someone already confirmed or deployed on a deployment whose
 * dates overlap is refused unless forced.
 *
 * Dates are day numbers (date.h); an open end is DEPLOY_OPEN.  Writes
 * run in one BEGIN IMMEDIATE transaction each and are audited.
 *
 * Memory: deploy_get fills a caller-owned struct deployment whose strings
 * and needs deploy_clear frees.  Lists (deploy_members, deploy_coverage)
 * are arrays the caller frees with their *_free function.
 */
#ifndef ROSTER_DEPLOY_H
#define ROSTER_DEPLOY_H

#include <stddef.h>

#include "error.h"
#include "store.h"
#include "strbuf.h"

#define DEPLOY_OPEN	(-1)
/* An open-ended deployment is planned over its first 90 days. */
#define DEPLOY_OPEN_DAYS	90
/* A deployment lasts at most ten years: a longer one is a slip of the
 * keyboard (36500w for 3650d), not a plan. */
#define DEPLOY_MAX_DAYS	3650

enum member_status { MS_PROPOSED, MS_CONTACTED, MS_CONFIRMED, MS_DEPLOYED,
    MS_RETURNED, MS_DECLINED, MS_WITHDRAWN, MS_N };

struct need {
	int	 count;
	char	*filter;	/* filter language text */
	size_t	 terms;		/* its terms, from deploy_need_parse */
};

struct deployment {
	long long	 pk;
	char		*name;
	char		*kind;
	char		 country[3];
	int		 start;
	int		 end;		/* DEPLOY_OPEN */
	char		*status;	/* planning, active, closed */
	struct need	*needs;
	size_t		 nneeds;
};

struct member {
	long long		 person;	/* pk */
	char			 id[37];
	char			*family_name, *given_name, *agency, *phone,
				*email, *languages;
	char			*role;
	enum member_status	 status;
	char			 since[21];	/* when the status was set */
	char			*history;	/* "proposed 2026-...Z, ..." */
	int			 left;		/* left the service */
	/* "yes", or each paper missing, expired or lapsing before the end
	 * of the window (deploy_window), with its full date: "passport
	 * expired 2026-03-15, HEAT lapses 2026-12-01, no medical"
	 * (DEPLOY_READY_SQL). */
	char			*ready;
};

struct coverage {
	int		 want;		/* the need's count */
	long long	 have;		/* members proposed..deployed meeting it */
	long long	 firm;		/* of them, confirmed or deployed */
};

/*
 * SQL shared by the member list and its JSON: the rows of deployment ?
 * (assignment a, person p) in status order (deployed first), then by
 * name; and when a's status was set.
 */
#define DEPLOY_MEMBER_ROWS \
    " FROM assignment a JOIN person p ON p.pk = a.person" \
    " WHERE a.deployment = ?1 ORDER BY CASE a.status" \
    " WHEN 'deployed' THEN 0 WHEN 'confirmed' THEN 1" \
    " WHEN 'contacted' THEN 2 WHEN 'proposed' THEN 3" \
    " WHEN 'returned' THEN 4 WHEN 'declined' THEN 5 ELSE 6 END," \
    " p.family_name COLLATE NOCASE, p.given_name COLLATE NOCASE, p.id"
/*
 * A member's readiness through the day ?2 (YYYY-MM-DD, the end of the
 * window) seen on the day ?3 (today): "yes", or each of passport, medical
 * and HEAT that is missing ("no medical"), already expired ("passport
 * expired 2026-03-15") or lapses before ?2 ("HEAT lapses 2026-12-01"), as
 * the filter's ready: counts them.  Dates are always whole: a month and
 * day alone would not say which year.
 */
#define DEPLOY_PAPER_SQL(col, name) \
    " CASE WHEN coalesce(" col ", '') = '' THEN ', no " name "'" \
    " WHEN " col " < ?3 THEN ', " name " expired ' || " col \
    " WHEN " col " < ?2 THEN ', " name " lapses ' || " col " ELSE '' END"
#define DEPLOY_READY_SQL \
    "coalesce(nullif(substr(" \
    DEPLOY_PAPER_SQL("p.passport_expiry", "passport") " ||" \
    DEPLOY_PAPER_SQL("p.medical_expiry", "medical") " ||" \
    DEPLOY_PAPER_SQL("p.heat_expiry", "HEAT") ", 3), ''), 'yes')"
#define DEPLOY_STATUS_AT \
    "coalesce((SELECT max(at) FROM assignment_history" \
    " WHERE assignment = a.pk), '')"

/* Binds DEPLOY_MEMBER_ROWS' ?1 and DEPLOY_READY_SQL's ?2 and ?3 for d
 * seen on today. */
void	deploy_member_bind(sqlite3_stmt *, const struct deployment *d,
	    int today);

const char	*member_status_name(enum member_status);
int		 member_status_parse(const char *, enum member_status *);
/* Whether the status counts towards the needs: proposed to deployed. */
int		 member_status_active(enum member_status);

/* A deployment's name: not blank, UTF-8, no control characters; what
 * ("deploy create") begins the message. */
int	deploy_name_check(const char *what, const char *name,
	    struct error *err);
/* "N:FILTER" with N >= 1; the filter must compile. */
int	deploy_need_parse(struct store *, const char *text, int today,
	    struct need *out, struct error *err);
void	deploy_need_free(struct need *);
/*
 * Adds need n to the running totals of one deployment's needs, which are
 * bounded as a whole as one filter is (FILTER_MAX_TERMS terms,
 * FILTER_MAX_BYTES bytes), or every list, summary and suggestion that
 * evaluates them would take seconds.  RC_INPUT past the bound.
 */
int	deploy_needs_add(const struct need *n, size_t *terms, size_t *bytes,
	    struct error *err);

/* The window suggestions plan for: [start, end], or start + 90 days (at
 * most 9999-12-31). */
void	deploy_window(const struct deployment *, int *from, int *to);
/* RC_INPUT, what beginning the message, when [start, end] ends after
 * 9999-12-31 or lasts more than DEPLOY_MAX_DAYS; an open end passes. */
int	deploy_window_check(const char *what, int start, int end,
	    struct error *err);
/*
 * An end date as --end and the screen take it: a length counted from
 * start, "4w" or "28d", the start being the first of its days (so 28d
 * from 2 December ends on 29 December); else a date as filter_date takes
 * it (YYYY-MM-DD, today, +Nd or +Nw from today).  0 when it is neither.
 */
int	deploy_end_parse(const char *text, int start, int today, int *end);
/* Whether text is written as a length ("4w", "28d"): 1 with *days, -1
 * when it is not a length allowed; 0 when it is not written so. */
int	deploy_length_parse(const char *text, int *days);
/* The needs as the deployment's row keeps them: "N:FILTER" lines. */
char	*deploy_needs_text(const struct deployment *);

/* The kind as stored (lower case) when text is one of vocab_deploy_kinds
 * (vocab.h) in any case, as files take it; else NULL. */
const char *deploy_kind(const char *text);
int	deploy_create(struct store *, const struct deployment *,
	    struct error *err);
/* RC_REFUSED when there is no deployment of that name. */
int	deploy_get(struct store *, const char *name, struct deployment *,
	    struct error *err);
void	deploy_clear(struct deployment *);
int	deploy_close(struct store *, const char *name, struct error *err);

/*
 * Proposes people (pks) for d; people already on the list are left as
 * they are.  For each one unavailable over the window a warning line is
 * appended to warn.  *added says how many were new.
 */
int	deploy_add(struct store *, const struct deployment *d,
	    const long long *pks, size_t n, const char *role, int today,
	    struct strbuf *warn, size_t *added, struct error *err);
/* Sets a member's status; RC_REFUSED on a conflict unless force. */
int	deploy_set(struct store *, const struct deployment *d,
	    long long person, enum member_status, int force,
	    struct error *err);
/* deploy_set in w's transaction, d read in it (a reply, callout.h, is
 * kept and applied in one); note is added to the audit's fields. */
struct deploy_writer;
int	deploy_set_in(struct store *, struct deploy_writer *w,
	    const struct deployment *d, long long person, enum member_status,
	    int force, const char *note, struct error *err);
/*
 * The name (*other, the caller frees it) of another deployment on which
 * the person is confirmed or deployed and whose dates overlap d's, or
 * NULL; an open end overlaps everything after its start.
 */
int	deploy_conflict(struct store *, const struct deployment *d,
	    long long person, char **other, struct error *err);
/*
 * Appends to warn a line for each of the person's papers (passport,
 * medical, HEAT) that is missing or lapses before the end of d's window,
 * naming them: "Anna de Wit: passport expires 2026-12-10, before the end
 * 2026-12-31".  For confirming or deploying someone: a warning, not a
 * refusal.
 */
int	deploy_papers_warn(struct store *, const struct deployment *d,
	    long long person, int today, struct strbuf *warn,
	    struct error *err);
/* Takes a person off the list (their history goes with them). */
int	deploy_remove(struct store *, const struct deployment *d,
	    long long person, struct error *err);

/* The members in status order, then by name; their readiness as seen
 * today. */
int	deploy_members(struct store *, const struct deployment *d, int today,
	    struct member **out, size_t *n, struct error *err);
void	deploy_members_free(struct member *, size_t n);
/* How many members of d left the service and have contacts that lists
 * leave out unless asked for (PERSON_LEFT_OUT_SQL). */
int	deploy_left_out(struct store *, const struct deployment *d,
	    long long *n, struct error *err);
/* How many of them count towards the needs (proposed to deployed): the
 * one count of "members" every screen shows. */
size_t	deploy_members_active(const struct member *, size_t n);
/* For each need of d, how many active members meet it. */
int	deploy_coverage(struct store *, const struct deployment *d, int today,
	    struct coverage **out, struct error *err);

/*
 * A change to a deployment (roster(1), "deploy edit"): what is not kept
 * replaces what is stored, and only that: the rest is what is stored when
 * the change is written.  Needs, when given, replace all of them.
 */
#define DEPLOY_KEEP	(-2)
struct deploy_change {
	const char	*name;		/* a new name; NULL: kept */
	int		 start, end;	/* DEPLOY_KEEP; end also DEPLOY_OPEN */
	int		 end_days;	/* > 0: the end is this many days
					 * from the start (its first day
					 * counted), instead of end */
	const char	*kind, *status;	/* NULL: kept */
	struct need	*needs;		/* with set_needs: the new ones */
	size_t		 nneeds;
	int		 set_needs;
};
/*
 * Changes the deployment named name, read and written in one
 * transaction, audited "update" (and "rename", under the old name, when
 * it is renamed: a name another deployment has, in any case, is refused);
 * the status only moves forward (planning, active, closed), and a closed
 * deployment takes no other change (RC_REFUSED, "deployment 'X' is
 * closed").  A warning line is appended to warn for each double booking
 * the change makes (a member's firm booking here overlapping their firm
 * booking elsewhere, avail.h), naming both statuses and the other
 * deployment, and, when the needs change, each need left uncovered.
 * *after (deploy_clear) is the deployment as changed.
 */
/* RC_OK if a deployment may go from status from to to (forward only, as
 * deploy_edit allows), else RC_INPUT (unknown) or RC_REFUSED (back). */
int	deploy_status_check(const char *name, const char *from,
	    const char *to, struct error *err);
int	deploy_edit(struct store *, const char *name,
	    const struct deploy_change *, int today, struct deployment *after,
	    struct strbuf *warn, struct error *err);

/* A deployment at a glance, for lists of them. */
struct deploy_summary {
	struct deployment	 d;
	size_t			 active;	/* members proposed..deployed */
	size_t			 open;		/* needs not yet covered */
};

/* Every deployment, newest start first. */
int	deploy_summaries(struct store *, int today, struct deploy_summary **,
	    size_t *n, struct error *err);
void	deploy_summaries_free(struct deploy_summary *, size_t n);

/* The names of all deployments, newest start first (strv_free). */
int	deploy_names(struct store *, char ***names, size_t *n,
	    struct error *err);

#endif

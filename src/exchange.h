/*
 * exchange.h - the form in which one pool's records travel to another.
 *
 * A stage is an SQLite database of its own, in memory, that holds people,
 * their service and unavailability, deployments and their members, erased
 * ids and aliases by their ids, never by one pool's row numbers, together
 * with what the records are (the x_meta rows: the pool they come from, its
 * schema version, which of its changes they hold).  `roster merge` stages
 * a whole pool; `roster changes` stages what changed since a mark with an
 * sqlite3session attached to the stage and writes the session's changeset;
 * `roster apply` replays a changeset into an empty stage.  merge_stage
 * (merge.h) then brings a stage into a pool, whichever way it was filled.
 *
 * A staged person is their whole record as it is now: a changeset carries
 * the record of everyone changed since the mark, so that a mission or a
 * language removed on one side is removed on the other.
 *
 * The stage's tables (the lists are as in people.csv, sorted; a missing
 * date is NULL):
 *
 *   x_meta(key PRIMARY KEY, value)   "format" EXCHANGE_FORMAT, "pool_id",
 *       "pool_name", "schema", "since", "until", "made", and "count_TABLE"
 *       for each table below: its number of rows, which shows a changeset
 *       cut short at a row's end
 *   x_person(id PRIMARY KEY, origin, family_name, given_name, agency,
 *       rank, gender, email, phone, status, notice_days, passport_expiry,
 *       medical_expiry, heat_expiry, notes, dnc, dnc_until, reviewed,
 *       created, updated, languages, themes, skills)
 *   x_service(person, mission, start, country, end, role, themes,
 *       PRIMARY KEY (person, mission, start))
 *   x_window(person, start, end, reason, PRIMARY KEY (person, start))
 *   x_deployment(id PRIMARY KEY, origin, name, kind, country, start, end,
 *       status, needs, created, updated)
 *   x_assignment(deployment, person, role, status,
 *       PRIMARY KEY (deployment, person))
 *   x_erased(id PRIMARY KEY, at)
 *   x_alias(alias PRIMARY KEY, id, at)
 *
 * Memory: a stage is an sqlite3 handle owned by the caller, opened with
 * exchange_stage_open and closed with sqlite3_close.
 */
#ifndef ROSTER_EXCHANGE_H
#define ROSTER_EXCHANGE_H

#include <sqlite3.h>

#include "error.h"
#include "person.h"
#include "store.h"

#define EXCHANGE_FORMAT		"roster-exchange 1"
#define POOL_NAME_MAX		32	/* bytes of a pool's short name */

struct exchange_meta {
	char		 format[32];
	char		 pool_id[PERSON_ID_LEN];	/* "": not a pool */
	char		 pool_name[POOL_NAME_MAX + 1];
	int		 schema;	/* the source's store_schema_version */
	/* The source's changes after since, up to until; since 0: all. */
	long long	 since, until;
	char		 made[21];	/* UTC, date_now_utc */
};

/* A new, empty stage with the tables above. */
int	exchange_stage_open(sqlite3 **stage, struct error *err);

/*
 * Stages src's people and deployments changed after its change number
 * since (0: all of them), the ids it erased and the aliases it made
 * after since, and x_meta.  A since past src's last change is RC_INPUT.
 * Reads in one transaction of its own; src is not written.
 */
int	exchange_fill(struct store *src, sqlite3 *stage, long long since,
	    struct error *err);

/*
 * Reads x_meta and checks the row counts against the tables, that every
 * id is a UUID and every time one roster writes: a stage from a changeset
 * cut short, or not roster's, is RC_INPUT ("not a roster changeset", "cut
 * short: 12 of 40 people", "damaged: an id of its people is not a UUID").
 */
int	exchange_meta_read(sqlite3 *stage, struct exchange_meta *m,
	    struct error *err);

/* This pool's own id, name ("" before `roster pool name`) and change
 * number, as exchange_fill puts them in x_meta. */
int	exchange_pool_self(struct store *, struct exchange_meta *m,
	    struct error *err);

#endif

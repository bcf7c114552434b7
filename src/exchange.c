/*
 * exchange.c - the stage: one pool's records by id (exchange.h).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "exchange.h"

static const char stage_schema[] =
	"CREATE TABLE x_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE x_person(id TEXT PRIMARY KEY, origin TEXT, family_name"
	" TEXT, given_name TEXT, agency TEXT, rank TEXT, gender TEXT, email"
	" TEXT, phone TEXT, status TEXT, notice_days INTEGER, passport_expiry"
	" TEXT, medical_expiry TEXT, heat_expiry TEXT, notes TEXT, dnc TEXT,"
	" dnc_until TEXT, reviewed TEXT, created TEXT, updated TEXT, languages"
	" TEXT, themes TEXT, skills TEXT);"
	"CREATE TABLE x_service(person TEXT, mission TEXT, start TEXT, country"
	" TEXT, end TEXT, role TEXT, themes TEXT,"
	" PRIMARY KEY (person, mission, start));"
	"CREATE TABLE x_window(person TEXT, start TEXT, end TEXT, reason TEXT,"
	" PRIMARY KEY (person, start));"
	"CREATE TABLE x_deployment(id TEXT PRIMARY KEY, origin TEXT, name TEXT,"
	" kind TEXT, country TEXT, start TEXT, end TEXT, status TEXT, needs"
	" TEXT, created TEXT, updated TEXT);"
	"CREATE TABLE x_assignment(deployment TEXT, person TEXT, role TEXT,"
	" status TEXT, PRIMARY KEY (deployment, person));"
	"CREATE TABLE x_erased(id TEXT PRIMARY KEY, at TEXT);"
	"CREATE TABLE x_alias(alias TEXT PRIMARY KEY, id TEXT, at TEXT);";

/* A list of a person's, as people.csv spells it: sorted, ';' between. */
#define LIST(sel, from)							\
	"coalesce((SELECT group_concat(v, ';') FROM (SELECT " sel " AS v"	\
	" FROM " from " ORDER BY 1)), '')"

#define CHANGED(kind, col)						\
	" WHERE ?1 = 0 OR " col " IN (SELECT ref FROM changed WHERE kind = '"	\
	kind "' AND seq > ?1)"

/* What each stage table holds, read from the pool, and its meta name. */
static const struct {
	const char	*table;
	const char	*what;		/* for "cut short: 12 of 40 people" */
	int		 ncol;
	const char	*select;
} tables[] = {
	{ "x_person", "people", 23,
	  "SELECT p.id, p.origin, p.family_name, p.given_name, p.agency,"
	  " p.rank, p.gender, p.email, p.phone, p.status, p.notice_days,"
	  " p.passport_expiry, p.medical_expiry, p.heat_expiry, p.notes, p.dnc,"
	  " p.dnc_until, p.reviewed, p.created, p.updated, "
	  LIST("l.code || ':' || v.name", "person_language l JOIN level v ON"
	  " v.n = l.level WHERE l.person = p.pk") ", "
	  LIST("slug", "person_theme WHERE person = p.pk") ", "
	  LIST("slug", "person_skill WHERE person = p.pk")
	  " FROM person p" CHANGED("p", "p.pk") },
	{ "x_service", "service records", 7,
	  "SELECT p.id, m.name, s.start, s.country, s.end, s.role, "
	  LIST("slug", "service_theme WHERE service = s.pk")
	  " FROM service s JOIN person p ON p.pk = s.person JOIN mission m"
	  " ON m.pk = s.mission" CHANGED("p", "s.person") },
	{ "x_window", "unavailability windows", 4,
	  "SELECT p.id, u.start, u.end, u.reason FROM unavailability u JOIN"
	  " person p ON p.pk = u.person" CHANGED("p", "u.person") },
	{ "x_deployment", "deployments", 11,
	  "SELECT id, origin, name, kind, country, start, end, status, needs,"
	  " created, updated FROM deployment" CHANGED("d", "pk") },
	{ "x_assignment", "deployment members", 4,
	  "SELECT d.id, p.id, a.role, a.status FROM assignment a JOIN"
	  " deployment d ON d.pk = a.deployment JOIN person p ON"
	  " p.pk = a.person" CHANGED("d", "a.deployment") },
	{ "x_erased", "erased ids", 2,
	  "SELECT id, at FROM erased WHERE seq > ?1 OR ?1 = 0" },
	{ "x_alias", "aliases", 3,
	  "SELECT alias, id, at FROM person_alias WHERE seq > ?1 OR ?1 = 0" },
};
#define NTABLES ((int)(sizeof tables / sizeof tables[0]))

static int
stage_error(sqlite3 *stage, struct error *err, const char *what)
{
	return error_set(err, RC_DB, "%s: %s", what, sqlite3_errmsg(stage));
}

int
exchange_stage_open(sqlite3 **stage, struct error *err)
{
	int rc;

	if (sqlite3_open_v2(":memory:", stage, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		rc = error_set(err, RC_DB, "stage: %s", *stage != NULL ?
		    sqlite3_errmsg(*stage) : "out of memory");
		sqlite3_close(*stage);
		*stage = NULL;
		return rc;
	}
	if (sqlite3_exec(*stage, stage_schema, NULL, NULL, NULL) !=
	    SQLITE_OK) {
		rc = stage_error(*stage, err, "stage");
		sqlite3_close(*stage);
		*stage = NULL;
		return rc;
	}
	return RC_OK;
}

static int
meta_put(sqlite3 *stage, const char *key, const char *value,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(stage, "INSERT OR REPLACE INTO x_meta(key,"
	    " value) VALUES (?, ?)", -1, &st, NULL) != SQLITE_OK)
		return stage_error(stage, err, "stage");
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return stage_error(stage, err, "stage");
	return RC_OK;
}

static int
meta_put_int(sqlite3 *stage, const char *key, long long v,
    struct error *err)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%lld", v);
	return meta_put(stage, key, buf, err);
}

static int
setting_get(struct store *s, const char *key, char *out, size_t len,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	if ((rc = store_prepare(s, &st, "SELECT value FROM setting"
	    " WHERE key = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(out, len, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, err, "setting");
	return RC_OK;
}

int
exchange_pool_self(struct store *s, struct exchange_meta *m,
    struct error *err)
{
	int rc;

	memset(m, 0, sizeof *m);
	snprintf(m->format, sizeof m->format, "%s", EXCHANGE_FORMAT);
	m->schema = store_schema_version();
	date_now_utc(m->made);
	if ((rc = setting_get(s, "pool_id", m->pool_id, sizeof m->pool_id,
	    err)) != RC_OK || (rc = setting_get(s, "pool_name", m->pool_name,
	    sizeof m->pool_name, err)) != RC_OK)
		return rc;
	return store_int(s, "SELECT n FROM change_counter", &m->until, err);
}

/* Copies the rows of table t that src changed after since. */
static int
fill_table(struct store *src, sqlite3 *stage, int t, long long since,
    long long *count, struct error *err)
{
	sqlite3_stmt *get = NULL, *put = NULL;
	char sql[256];
	int rc, i, n;

	*count = 0;
	n = snprintf(sql, sizeof sql, "INSERT INTO %s VALUES (?",
	    tables[t].table);
	for (i = 1; i < tables[t].ncol; i++)
		n += snprintf(sql + n, sizeof sql - n, ", ?");
	snprintf(sql + n, sizeof sql - n, ")");
	if ((rc = store_prepare(src, &get, tables[t].select, err)) != RC_OK)
		return rc;
	if (sqlite3_prepare_v2(stage, sql, -1, &put, NULL) != SQLITE_OK) {
		sqlite3_finalize(get);
		return stage_error(stage, err, "stage");
	}
	sqlite3_bind_int64(get, 1, since);
	while ((rc = sqlite3_step(get)) == SQLITE_ROW) {
		for (i = 0; i < tables[t].ncol; i++)
			sqlite3_bind_value(put, i + 1,
			    sqlite3_column_value(get, i));
		if (sqlite3_step(put) != SQLITE_DONE) {
			rc = stage_error(stage, err, "stage");
			goto out;
		}
		sqlite3_reset(put);
		(*count)++;
	}
	rc = rc == SQLITE_DONE ? RC_OK : store_error(src, err, "read");
out:
	sqlite3_finalize(get);
	sqlite3_finalize(put);
	return rc;
}

static int
fill(struct store *src, sqlite3 *stage, long long since, struct error *err)
{
	struct exchange_meta m;
	char key[64];
	long long count;
	int rc, t;

	if ((rc = exchange_pool_self(src, &m, err)) != RC_OK)
		return rc;
	if (since > m.until)
		return error_set(err, RC_INPUT, "--since %lld: this pool's "
		    "changes go up to %lld", since, m.until);
	if (sqlite3_exec(stage, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return stage_error(stage, err, "stage");
	for (t = 0; t < NTABLES; t++) {
		if ((rc = fill_table(src, stage, t, since, &count, err)) !=
		    RC_OK)
			return rc;
		snprintf(key, sizeof key, "count_%s", tables[t].table);
		if ((rc = meta_put_int(stage, key, count, err)) != RC_OK)
			return rc;
	}
	if ((rc = meta_put(stage, "format", m.format, err)) != RC_OK ||
	    (rc = meta_put(stage, "pool_id", m.pool_id, err)) != RC_OK ||
	    (rc = meta_put(stage, "pool_name", m.pool_name, err)) != RC_OK ||
	    (rc = meta_put_int(stage, "schema", m.schema, err)) != RC_OK ||
	    (rc = meta_put_int(stage, "since", since, err)) != RC_OK ||
	    (rc = meta_put_int(stage, "until", m.until, err)) != RC_OK ||
	    (rc = meta_put(stage, "made", m.made, err)) != RC_OK)
		return rc;
	if (sqlite3_exec(stage, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return stage_error(stage, err, "stage");
	return RC_OK;
}

int
exchange_fill(struct store *src, sqlite3 *stage, long long since,
    struct error *err)
{
	int rc;

	if (since < 0)
		return error_set(err, RC_INPUT, "--since %lld: a change number"
		    " is 0 or more", since);
	/* One snapshot of the pool for every table and the number. */
	if ((rc = store_exec(src, "BEGIN", err)) != RC_OK)
		return rc;
	rc = fill(src, stage, since, err);
	store_exec(src, "COMMIT", NULL);
	if (rc != RC_OK)
		sqlite3_exec(stage, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

/* Value of key in x_meta, or NULL (then *missing is set). */
static int
meta_get(sqlite3 *stage, const char *key, char *out, size_t len,
    int *missing, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	if (sqlite3_prepare_v2(stage, "SELECT value FROM x_meta WHERE key = ?",
	    -1, &st, NULL) != SQLITE_OK)
		return stage_error(stage, err, "stage");
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(out, len, "%s", sqlite3_column_text(st, 0));
	else if (rc == SQLITE_DONE)
		*missing = 1;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return stage_error(stage, err, "stage");
	return RC_OK;
}

static int
count_rows(sqlite3 *stage, const char *table, long long *n,
    struct error *err)
{
	sqlite3_stmt *st;
	char sql[64];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	if (sqlite3_prepare_v2(stage, sql, -1, &st, NULL) != SQLITE_OK)
		return stage_error(stage, err, "stage");
	*n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) :
	    -1;
	sqlite3_finalize(st);
	return RC_OK;
}

static int
number(const char *text, long long *v)
{
	char *end;

	if (text[0] < '0' || text[0] > '9')
		return -1;
	*v = strtoll(text, &end, 10);
	return *end == '\0' ? 0 : -1;
}

/*
 * Runs sql, which yields the table ("people") of the first value of a
 * kind (what, "an id") that is not as it should be (want, "a UUID").
 */
static int
values_check(sqlite3 *stage, const char *sql, const char *what,
    const char *want, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(stage, sql, -1, &st, NULL) != SQLITE_OK)
		return stage_error(stage, err, "stage");
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		rc = error_set(err, RC_INPUT, "damaged: %s of its %s is not %s",
		    what, sqlite3_column_text(st, 0), want);
	else if (rc == SQLITE_DONE)
		rc = RC_OK;
	else
		rc = stage_error(stage, err, "stage");
	sqlite3_finalize(st);
	return rc;
}

#define HEX4	"[0-9a-f][0-9a-f][0-9a-f][0-9a-f]"
#define UUID_GLOB	HEX4 HEX4 "-" HEX4 "-" HEX4 "-" HEX4 "-" HEX4 HEX4 HEX4

/*
 * Every id of the stage is a UUID: one with more after it would be cut
 * to fit PERSON_ID_LEN and taken for another person's, one of any other
 * form would be stored as an id here.
 */
static int
ids_check(sqlite3 *stage, struct error *err)
{
	static const char sql[] = "SELECT what FROM ("
	    " SELECT 'people' AS what, id AS v FROM x_person"
	    " UNION ALL SELECT 'service records', person FROM x_service"
	    " UNION ALL SELECT 'unavailability windows', person FROM x_window"
	    " UNION ALL SELECT 'deployments', id FROM x_deployment"
	    " UNION ALL SELECT 'deployment members', deployment"
	    "  FROM x_assignment"
	    " UNION ALL SELECT 'deployment members', person FROM x_assignment"
	    " UNION ALL SELECT 'erased ids', id FROM x_erased"
	    " UNION ALL SELECT 'aliases', alias FROM x_alias"
	    " UNION ALL SELECT 'aliases', id FROM x_alias)"
	    " WHERE v IS NULL OR lower(v) NOT GLOB '" UUID_GLOB "' LIMIT 1";

	return values_check(stage, sql, "an id", "a UUID", err);
}

#define D2	"[0-9][0-9]"
#define TIME_GLOB	D2 D2 "-" D2 "-" D2 "T" D2 ":" D2 ":" D2 "Z"

/*
 * Every time of the stage is one roster writes (date_now_utc): the later
 * of two decides a merge, compared as text, so that 'zzz' would win
 * every merge after it.
 */
static int
times_check(sqlite3 *stage, struct error *err)
{
	static const char sql[] = "SELECT what FROM ("
	    " SELECT 'people' AS what, created AS v FROM x_person"
	    " UNION ALL SELECT 'people', updated FROM x_person"
	    " UNION ALL SELECT 'deployments', created FROM x_deployment"
	    " UNION ALL SELECT 'deployments', updated FROM x_deployment"
	    " UNION ALL SELECT 'erased ids', at FROM x_erased"
	    " UNION ALL SELECT 'aliases', at FROM x_alias)"
	    " WHERE v IS NULL OR v NOT GLOB '" TIME_GLOB "' LIMIT 1";

	return values_check(stage, sql, "a time", "YYYY-MM-DDTHH:MM:SSZ", err);
}

int
exchange_meta_read(sqlite3 *stage, struct exchange_meta *m,
    struct error *err)
{
	char buf[64], key[64];
	long long want, have = 0, schema = 0;
	int rc, t, missing = 0;

	memset(m, 0, sizeof *m);
	if ((rc = meta_get(stage, "format", m->format, sizeof m->format,
	    &missing, err)) != RC_OK)
		return rc;
	if (missing || strcmp(m->format, EXCHANGE_FORMAT) != 0)
		return error_set(err, RC_INPUT, "not a roster changeset");
	if ((rc = meta_get(stage, "pool_id", m->pool_id, sizeof m->pool_id,
	    &missing, err)) != RC_OK || (rc = meta_get(stage, "pool_name",
	    m->pool_name, sizeof m->pool_name, &missing, err)) != RC_OK ||
	    (rc = meta_get(stage, "made", m->made, sizeof m->made, &missing,
	    err)) != RC_OK)
		return rc;
	if ((rc = meta_get(stage, "schema", buf, sizeof buf, &missing, err))
	    != RC_OK)
		return rc;
	if (number(buf, &schema) == -1)
		missing = 1;
	/* Not cut to an int, where 2^32 + 5 would pass for schema 5. */
	m->schema = schema > INT_MAX ? INT_MAX : (int)schema;
	if ((rc = meta_get(stage, "since", buf, sizeof buf, &missing, err))
	    != RC_OK)
		return rc;
	if (number(buf, &m->since) == -1)
		missing = 1;
	if ((rc = meta_get(stage, "until", buf, sizeof buf, &missing, err))
	    != RC_OK)
		return rc;
	if (number(buf, &m->until) == -1)
		missing = 1;
	if (missing)
		return error_set(err, RC_INPUT, "damaged: its description is "
		    "incomplete");
	for (t = 0; t < NTABLES; t++) {
		snprintf(key, sizeof key, "count_%s", tables[t].table);
		if ((rc = meta_get(stage, key, buf, sizeof buf, &missing,
		    err)) != RC_OK)
			return rc;
		if (missing || number(buf, &want) == -1)
			return error_set(err, RC_INPUT, "damaged: its "
			    "description is incomplete");
		if ((rc = count_rows(stage, tables[t].table, &have, err)) !=
		    RC_OK)
			return rc;
		if (have < want)
			return error_set(err, RC_INPUT, "cut short: %lld of "
			    "%lld %s", have, want, tables[t].what);
		if (have > want)
			return error_set(err, RC_INPUT, "damaged: %lld %s where"
			    " it says %lld", have, tables[t].what, want);
	}
	if ((rc = ids_check(stage, err)) != RC_OK)
		return rc;
	return times_check(stage, err);
}

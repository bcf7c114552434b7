/*
 * Team suggestion: minimal covers on small pools where the optimum is
 * known (including ones where the greedy answer is too big, and random
 * pools checked against a brute force), members reducing demand,
 * shortfalls, who is left out and why, readiness of open-ended
 * deployments, the agency cap, size, the score order, and determinism.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "date.h"
#include "deploy.h"
#include "strbuf.h"
#include "suggest.h"
#include "testdb.h"

/* Today is 2026-11-23; deployments run 2026-12-01..2026-12-31. */
static int today;

#define START	"2026-12-01"
#define END	"2026-12-31"

static int
setup(void **state)
{
	testdb_setup(state);
	testdb_exec(*state, "INSERT INTO mission(name) VALUES ('EU mission')");
	return 0;
}

/* A test on a new database holding the one mission services refer to. */
#define suggest_test(f) \
	cmocka_unit_test_setup_teardown(f, setup, testdb_teardown)

/*
 * A person ready until `ready` (all three papers), with skills "a;b" and
 * languages "fr:7;nl:4" (levels 1..7).  The id follows the name, so that
 * ties are decided by names the test chose.
 */
static long long
person_full(struct store *s, const char *family, const char *given,
    const char *agency, int notice, const char *ready, const char *status,
    const char *skills, const char *langs)
{
	char sql[1024], item[64];
	const char *p, *q;
	long long pk;
	int level;

	snprintf(sql, sizeof sql, "INSERT INTO person(id, family_name, "
	    "given_name, agency, status, notice_days, passport_expiry, "
	    "medical_expiry, heat_expiry, created, updated) VALUES "
	    "('%s-%s', '%s', '%s', '%s', '%s', %d, '%s', '%s', '%s', '', '')",
	    family, given, family, given, agency, status, notice, ready, ready,
	    ready);
	testdb_exec(s, sql);
	pk = testdb_int(s, "SELECT max(pk) FROM person");
	for (p = skills; p != NULL && *p != '\0'; p = *q ? q + 1 : q) {
		q = p + strcspn(p, ";");
		snprintf(item, sizeof item, "%.*s", (int)(q - p), p);
		snprintf(sql, sizeof sql, "INSERT INTO person_skill(person, "
		    "slug) VALUES (%lld, '%s')", pk, item);
		testdb_exec(s, sql);
	}
	for (p = langs; p != NULL && *p != '\0'; p = *q ? q + 1 : q) {
		q = p + strcspn(p, ";");
		snprintf(item, sizeof item, "%.*s", (int)(q - p), p);
		level = atoi(strchr(item, ':') + 1);
		*strchr(item, ':') = '\0';
		snprintf(sql, sizeof sql, "INSERT INTO person_language(person, "
		    "code, level) VALUES (%lld, '%s', %d)", pk, item, level);
		testdb_exec(s, sql);
	}
	return pk;
}

static long long
person(struct store *s, const char *family, const char *skills,
    const char *langs)
{
	return person_full(s, family, "X", "Police", 0, "2030-01-01",
	    "active", skills, langs);
}

static void
service(struct store *s, long long pk, const char *country,
    const char *start, const char *end)
{
	char sql[512];

	snprintf(sql, sizeof sql, "INSERT INTO service(person, mission, "
	    "country, start, end) SELECT %lld, pk, '%s', '%s', %s%s%s FROM "
	    "mission WHERE name = 'EU mission'", pk, country, start,
	    end ? "'" : "", end ? end : "NULL", end ? "'" : "");
	testdb_exec(s, sql);
}

/* A deployment in SX; needs is a NULL-terminated list of "N:FILTER". */
static void
deployment(struct store *s, const char *name, const char *start,
    const char *end, const char *const *needs)
{
	testdb_deploy(s, name, "hurricane", "SX", start, end, needs, NULL);
}

/* Puts pk on the list of name with a status. */
static void
member(struct store *s, const char *name, long long pk,
    enum member_status st)
{
	struct deployment d;
	struct strbuf warn = { 0 };
	struct error err;
	size_t added;

	if (deploy_get(s, name, &d, &err) != RC_OK)
		fail_msg("%s", err.msg);
	if (deploy_add(s, &d, &pk, 1, NULL, today, &warn, &added, &err) !=
	    RC_OK)
		fail_msg("%s", err.msg);
	if (st != MS_PROPOSED && deploy_set(s, &d, pk, st, 1, &err) != RC_OK)
		fail_msg("%s", err.msg);
	strbuf_free(&warn);
	deploy_clear(&d);
}

static void
suggest(struct store *s, const char *name, size_t size, size_t cap,
    struct suggest_report *r)
{
	struct deployment d;
	struct error err;

	if (deploy_get(s, name, &d, &err) != RC_OK)
		fail_msg("%s", err.msg);
	if (suggest_team(s, &d, today, size, cap, SUGGEST_HORIZON, r, &err)
	    != RC_OK)
		fail_msg("suggest_team: %s", err.msg);
	assert_int_equal(r->nneeds, d.nneeds);
	deploy_clear(&d);
}

/* The family names of the suggestions, in order, comma-separated. */
static const char *
who(struct store *s, const struct suggest_report *r)
{
	static char buf[2048];
	char sql[128];
	sqlite3_stmt *st;
	size_t i, len = 0;

	buf[0] = '\0';
	for (i = 0; i < r->n; i++) {
		snprintf(sql, sizeof sql, "SELECT family_name FROM person "
		    "WHERE pk = %lld", r->people[i].person);
		assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL),
		    SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s",
		    i ? "," : "", sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	return buf;
}

/* The same names, sorted, for covers whose order is not the point. */
static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *
who_sorted(struct store *s, const struct suggest_report *r)
{
	static char out[2048];
	char buf[2048], *names[64], *p;
	size_t n = 0, i, len = 0;

	snprintf(buf, sizeof buf, "%s", who(s, r));
	for (p = strtok(buf, ","); p != NULL && n < 64; p = strtok(NULL, ","))
		names[n++] = p;
	qsort(names, n, sizeof *names, cmp_str);
	out[0] = '\0';
	for (i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, sizeof out - len, "%s%s",
		    i ? "," : "", names[i]);
	return out;
}

static void
assert_short(const struct suggest_report *r, const int *want)
{
	size_t i;

	for (i = 0; i < r->nneeds; i++)
		if (r->short_by[i] != want[i])
			fail_msg("need %zu: short by %d, expected %d", i + 1,
			    r->short_by[i], want[i]);
}

/*
 * Set cover where the greedy choice is wrong: X meets three needs, more
 * than anyone, but after X three more people are needed; P, Q and R
 * cover all six needs alone.
 */
static void
test_greedy_trap(void **state)
{
	static const char *const needs[] = { "1:skill:leadership",
	    "1:skill:mentoring", "1:skill:negotiation", "1:skill:liaison",
	    "1:skill:first-aid", "1:skill:interviewing", NULL };
	static const int none[6] = { 0 };
	struct store *s = *state;
	struct suggest_report r;

	person(s, "X", "leadership;negotiation;first-aid", NULL);
	person(s, "P", "leadership;mentoring", NULL);
	person(s, "Q", "negotiation;liaison", NULL);
	person(s, "R", "first-aid;interviewing", NULL);
	deployment(s, "Trap", START, END, needs);
	suggest(s, "Trap", 0, 0, &r);
	assert_string_equal(who_sorted(s, &r), "P,Q,R");
	assert_short(&r, none);
	assert_int_equal(r.people[0].needs, 0x3);	/* P: needs 1, 2 */
	suggest_report_free(&r);
}

/*
 * The same trap with counts of 2: two X's meet three needs each, and
 * greedy takes both, then still needs six more (eight in all); two each
 * of P, Q and R (six) suffice.  X has the better score, so only the
 * search can prefer P, Q and R.
 */
static void
test_multicover_trap(void **state)
{
	static const char *const needs[] = { "2:skill:leadership",
	    "2:skill:mentoring", "2:skill:negotiation", "2:skill:liaison",
	    "2:skill:first-aid", "2:skill:interviewing", NULL };
	static const int none[6] = { 0 };
	struct store *s = *state;
	struct suggest_report r;
	long long pk;

	pk = person(s, "X1", "leadership;negotiation;first-aid", NULL);
	service(s, pk, "SX", "2019-01-01", "2020-01-01");
	pk = person(s, "X2", "leadership;negotiation;first-aid", NULL);
	service(s, pk, "SX", "2019-01-01", "2020-01-01");
	person(s, "P1", "leadership;mentoring", NULL);
	person(s, "P2", "leadership;mentoring", NULL);
	person(s, "P3", "leadership;mentoring", NULL);
	person(s, "Q1", "negotiation;liaison", NULL);
	person(s, "Q2", "negotiation;liaison", NULL);
	person(s, "R1", "first-aid;interviewing", NULL);
	person(s, "R2", "first-aid;interviewing", NULL);
	deployment(s, "Trap2", START, END, needs);
	suggest(s, "Trap2", 0, 0, &r);
	assert_string_equal(who_sorted(s, &r), "P1,P2,Q1,Q2,R1,R2");
	assert_short(&r, none);
	suggest_report_free(&r);
}

/*
 * Three needs of 2 met by pairs AB, BC, CA (two of each): one of each
 * pair covers all six places, and two of the same pair never can; among
 * equals, the first by name.
 */
static void
test_pairs(void **state)
{
	static const char *const needs[] = { "2:skill:leadership",
	    "2:skill:mentoring", "2:skill:negotiation", NULL };
	static const int none[3] = { 0 };
	struct store *s = *state;
	struct suggest_report r;

	person(s, "AB1", "leadership;mentoring", NULL);
	person(s, "BC1", "mentoring;negotiation", NULL);
	person(s, "CA1", "negotiation;leadership", NULL);
	person(s, "AB2", "leadership;mentoring", NULL);
	person(s, "BC2", "mentoring;negotiation", NULL);
	person(s, "CA2", "negotiation;leadership", NULL);
	deployment(s, "Pairs", START, END, needs);
	suggest(s, "Pairs", 0, 0, &r);
	assert_int_equal(r.n, 3);
	assert_short(&r, none);
	/* One of each pair, by name: AB1, BC1, CA1. */
	assert_string_equal(who_sorted(s, &r), "AB1,BC1,CA1");
	suggest_report_free(&r);
}

/* Active members count towards the needs; no member is proposed again. */
static void
test_members(void **state)
{
	static const char *const needs[] = { "2:lang:nl",
	    "1:skill:first-aid", NULL };
	static const int none[2] = { 0 };
	struct store *s = *state;
	struct suggest_report r;
	long long m, dec;

	m = person(s, "Member", NULL, "nl:7");
	/* Declined: does not count, and is the best-scored of all. */
	dec = person(s, "Declined", "first-aid", "nl:7");
	service(s, dec, "SX", "2020-01-01", "2024-01-01");
	person(s, "Dutch", NULL, "nl:5");
	person(s, "Medic", "first-aid", NULL);
	person(s, "Both", "first-aid", "nl:4");
	deployment(s, "Irma", START, END, needs);
	member(s, "Irma", m, MS_CONTACTED);
	member(s, "Irma", dec, MS_DECLINED);
	suggest(s, "Irma", 0, 0, &r);
	/* nl: 2 wanted, 1 member: Both alone covers what is left. */
	assert_string_equal(who(s, &r), "Both");
	assert_short(&r, none);
	suggest_report_free(&r);

	/* size 5: everyone else, but never a member. */
	suggest(s, "Irma", 5, 0, &r);
	assert_int_equal(r.n, 3);
	assert_null(strstr(who(s, &r), "Member"));
	assert_null(strstr(who(s, &r), "Declined"));
	suggest_report_free(&r);
}

/* Short needs say by how many, after members and suggestions. */
static void
test_shortfall(void **state)
{
	static const char *const needs[] = { "3:lang:nl",
	    "2:skill:first-aid", "1:skill:negotiation", "2:lang:fr", NULL };
	static const int want[4] = { 1, 0, 1, 0 };
	struct store *s = *state;
	struct suggest_report r;
	long long pk;

	person(s, "Dutch", NULL, "nl:5");
	person(s, "Medic1", "first-aid", NULL);
	person(s, "Medic2", "first-aid", NULL);
	/* The only negotiator is away. */
	pk = person(s, "Away", "negotiation", NULL);
	testdb_exec(s, "INSERT INTO unavailability(person, start, end) "
	    "SELECT pk, '2026-12-20', '2026-12-22' FROM person "
	    "WHERE family_name = 'Away'");
	(void)pk;
	pk = person(s, "Member", NULL, "nl:7;fr:7");
	person(s, "French", NULL, "fr:4");
	deployment(s, "Short", START, END, needs);
	member(s, "Short", pk, MS_PROPOSED);
	suggest(s, "Short", 0, 0, &r);
	/* nl: 3 - member - Dutch = 1; fr: 2 - member - French = 0. */
	assert_string_equal(who_sorted(s, &r), "Dutch,French,Medic1,Medic2");
	assert_short(&r, want);
	assert_int_equal(r.left_unavailable, 1);
	suggest_report_free(&r);
}

/*
 * Left out: counted once, under the first reason that applies (booked,
 * then unavailable, then not ready); people meeting no need, members and
 * people merely proposed elsewhere are not left out.
 */
static void
test_left_out(void **state)
{
	static const char *const needs[] = { "1:lang:fr", NULL };
	static const int none[1] = { 0 };
	struct store *s = *state;
	struct suggest_report r;
	long long booked, later, resting, proposed, m;

	person(s, "Fine", NULL, "fr:4");
	/* Booked elsewhere over the window, and papers lapse: booked. */
	booked = person_full(s, "Booked", "X", "Police", 0, "2026-12-10",
	    "active", NULL, "fr:7");
	/* Booked on a deployment that ends before: a candidate. */
	later = person_full(s, "Later", "X", "Police", 0, "2030-01-01",
	    "active", NULL, "fr:2");
	/* Deployed on one that ends the day before, resting over the
	 * start: unavailable. */
	resting = person(s, "Resting", NULL, "fr:7");
	/* Proposed on an overlapping deployment: still a candidate. */
	proposed = person(s, "Proposed", NULL, "fr:3");
	/* Away, and papers lapse: unavailable. */
	person_full(s, "Away", "X", "Police", 0, "2026-12-10", "active",
	    NULL, "fr:7");
	testdb_exec(s, "INSERT INTO unavailability(person, start, end) "
	    "SELECT pk, '2026-12-31', NULL FROM person "
	    "WHERE family_name = 'Away'");
	/* Needs 30 days' notice: unavailable. */
	person_full(s, "Slow", "X", "Police", 30, "2030-01-01", "active",
	    NULL, "fr:7");
	person_full(s, "Inactive", "X", "Police", 0, "2030-01-01",
	    "inactive", NULL, "fr:7");
	/* Medical lapses on the last day but one: not ready. */
	person_full(s, "Lapsed", "X", "Police", 0, "2026-12-30", "active",
	    NULL, "fr:7");
	/* Unavailable, but meets no need: not counted. */
	person_full(s, "German", "X", "Police", 30, "2030-01-01", "active",
	    NULL, "de:7");
	/* On the list, unavailable: not counted. */
	m = person_full(s, "Listed", "X", "Police", 30, "2030-01-01",
	    "active", NULL, "fr:1");

	deployment(s, "Other", "2026-12-31", "2027-01-15", NULL);
	deployment(s, "Before", "2026-11-24", "2026-11-30", NULL);
	deployment(s, "Main", START, END, needs);
	member(s, "Other", booked, MS_CONFIRMED);
	member(s, "Other", proposed, MS_PROPOSED);
	member(s, "Before", later, MS_CONFIRMED);
	member(s, "Before", resting, MS_DEPLOYED);
	member(s, "Main", m, MS_DECLINED);
	suggest(s, "Main", 0, 0, &r);
	assert_string_equal(who(s, &r), "Fine");
	assert_short(&r, none);
	assert_int_equal(r.left_booked, 1);
	assert_int_equal(r.left_unavailable, 4);
	assert_int_equal(r.left_resting, 1);
	assert_int_equal(r.left_not_ready, 1);
	suggest_report_free(&r);

	/* All the candidates, best first: Fine B2, Proposed B1, Later A2. */
	suggest(s, "Main", 10, 0, &r);
	assert_string_equal(who(s, &r), "Fine,Proposed,Later");
	suggest_report_free(&r);
}

/*
 * Do not call until a day inside the window, or until further notice,
 * leaves a person out as unavailable; a mark that ends before the window
 * leaves them a candidate.
 */
static void
test_dnc(void **state)
{
	static const char *const needs[] = { "3:lang:fr", NULL };
	static const int short1[1] = { 1 };
	struct store *s = *state;
	struct suggest_report r;

	person(s, "Ill", NULL, "fr:7");
	person(s, "Personal", NULL, "fr:6");
	person(s, "Over", NULL, "fr:5");
	person(s, "Fine", NULL, "fr:4");
	testdb_exec(s, "UPDATE person SET dnc = 'illness', dnc_until = "
	    "'2026-12-01' WHERE family_name = 'Ill'");
	testdb_exec(s, "UPDATE person SET dnc = 'personal' "
	    "WHERE family_name = 'Personal'");
	testdb_exec(s, "UPDATE person SET dnc = 'leave', dnc_until = "
	    "'2026-11-30' WHERE family_name = 'Over'");
	deployment(s, "Main", START, END, needs);
	suggest(s, "Main", 0, 0, &r);
	assert_string_equal(who_sorted(s, &r), "Fine,Over");
	assert_short(&r, short1);
	assert_int_equal(r.left_unavailable, 2);
	suggest_report_free(&r);
}

/* Open-ended: papers must last until start + 90 days. */
static void
test_open_ended(void **state)
{
	static const char *const needs[] = { "1:lang:fr", NULL };
	struct store *s = *state;
	struct suggest_report r;
	char limit[DATE_LEN], before[DATE_LEN];
	int start;
	long long pk;

	assert_true(date_parse(START, &start));
	date_format(start + DEPLOY_OPEN_DAYS, limit);
	date_format(start + DEPLOY_OPEN_DAYS - 1, before);
	assert_string_equal(limit, "2027-03-01");
	/* Better scored (served in SX), but papers lapse a day early. */
	pk = person_full(s, "Early", "X", "Police", 0, before, "active",
	    NULL, "fr:7");
	service(s, pk, "SX", "2017-09-01", "2018-03-01");
	person_full(s, "Exact", "X", "Police", 0, limit, "active", NULL,
	    "fr:2");
	deployment(s, "Open", START, NULL, needs);
	suggest(s, "Open", 0, 0, &r);
	assert_string_equal(who(s, &r), "Exact");
	assert_int_equal(r.left_not_ready, 1);
	suggest_report_free(&r);

	/* The same over a month: Early is ready, and better. */
	deployment(s, "Month", START, END, needs);
	suggest(s, "Month", 0, 0, &r);
	assert_string_equal(who(s, &r), "Early");
	assert_int_equal(r.left_not_ready, 0);
	assert_int_equal(r.people[0].country_year, 2018);
	suggest_report_free(&r);
}

/* An open-ended horizon moved by until; the report says which. */
static void
test_until(void **state)
{
	static const char *const needs[] = { "1:lang:fr", NULL };
	struct store *s = *state;
	struct suggest_report r;
	struct deployment d;
	struct error err;
	int start, until;

	assert_true(date_parse(START, &start));
	assert_true(date_parse("2026-12-20", &until));
	person_full(s, "Short", "X", "Police", 0, "2026-12-20", "active",
	    NULL, "fr:7");
	deployment(s, "Open", START, NULL, needs);
	suggest(s, "Open", 0, 0, &r);
	assert_int_equal(r.n, 0);
	assert_int_equal(r.until, start + DEPLOY_OPEN_DAYS);
	suggest_report_free(&r);
	if (deploy_get(s, "Open", &d, &err) != RC_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(suggest_team(s, &d, today, 0, 0, until, &r, &err),
	    RC_OK);
	assert_string_equal(who(s, &r), "Short");
	assert_int_equal(r.until, until);
	suggest_report_free(&r);
	deploy_clear(&d);
}

/* Proposed on an overlapping deployment: still suggested, but marked. */
static void
test_also_proposed(void **state)
{
	static const char *const needs[] = { "1:lang:fr", NULL };
	struct store *s = *state;
	struct suggest_report r;
	long long pk;

	pk = person(s, "Busy", NULL, "fr:7");
	deployment(s, "Main", START, END, needs);
	deployment(s, "MH17", "2026-12-20", "2027-01-20", needs);
	deployment(s, "Later", "2027-01-01", NULL, needs);
	member(s, "MH17", pk, MS_CONTACTED);
	member(s, "Later", pk, MS_PROPOSED);
	suggest(s, "Main", 0, 0, &r);
	assert_string_equal(who(s, &r), "Busy");
	assert_string_equal(r.people[0].why, "meets need 1 (lang:fr); "
	    "fr native; never served in SX; notice 0 days; also proposed "
	    "for MH17");
	suggest_report_free(&r);
}

/* The agency cap, case-insensitive, counting members already on the list. */
static void
test_agency_cap(void **state)
{
	static const char *const needs[] = { "3:lang:fr", NULL };
	static const char *const mixed[] = { "2:lang:it", "2:lang:es", NULL };
	static const int none[1] = { 0 };
	static const int one[1] = { 1 };
	struct store *s = *state;
	struct suggest_report r;
	long long m;

	person_full(s, "A1", "X", "KMar", 0, "2030-01-01", "active", NULL,
	    "fr:7");
	person_full(s, "A2", "X", "KMar", 0, "2030-01-01", "active", NULL,
	    "fr:6");
	person_full(s, "A3", "X", "KMar", 0, "2030-01-01", "active", NULL,
	    "fr:5");
	person_full(s, "B1", "X", "kmar", 0, "2030-01-01", "active", NULL,
	    "fr:5");
	person_full(s, "C1", "X", "Customs", 0, "2030-01-01", "active", NULL,
	    "fr:1");
	deployment(s, "Free", START, END, needs);
	suggest(s, "Free", 0, 0, &r);
	assert_string_equal(who(s, &r), "A1,A2,A3");
	suggest_report_free(&r);
	suggest(s, "Free", 0, 2, &r);
	assert_string_equal(who(s, &r), "A1,A2,C1");
	assert_short(&r, none);
	suggest_report_free(&r);
	/* size beyond the cover: the cap still holds. */
	suggest(s, "Free", 5, 2, &r);
	assert_string_equal(who(s, &r), "A1,A2,C1");
	suggest_report_free(&r);

	/* The cap holds across kinds of people: two KMar, one of each. */
	person_full(s, "F1", "X", "KMar", 0, "2030-01-01", "active", NULL,
	    "it:7");
	person_full(s, "F2", "X", "KMar", 0, "2030-01-01", "active", NULL,
	    "it:7");
	person_full(s, "F3", "X", "Customs", 0, "2030-01-01", "active", NULL,
	    "it:1");
	person_full(s, "N1", "X", "KMar", 0, "2030-01-01", "active", NULL,
	    "es:7");
	person_full(s, "N2", "X", "KMar", 0, "2030-01-01", "active", NULL,
	    "es:7");
	person_full(s, "N3", "X", "Customs", 0, "2030-01-01", "active", NULL,
	    "es:1");
	deployment(s, "Mixed", START, END, mixed);
	suggest(s, "Mixed", 0, 0, &r);
	assert_string_equal(who_sorted(s, &r), "F1,F2,N1,N2");
	suggest_report_free(&r);
	suggest(s, "Mixed", 0, 2, &r);
	assert_string_equal(who_sorted(s, &r), "F1,F3,N1,N3");
	suggest_report_free(&r);

	/* A KMAR member takes one of the two places. */
	m = person_full(s, "M", "X", "KMAR", 0, "2030-01-01", "active", NULL,
	    "fr:7");
	deployment(s, "Capped", START, END, needs);
	member(s, "Capped", m, MS_CONFIRMED);
	suggest(s, "Capped", 0, 2, &r);
	assert_string_equal(who(s, &r), "A1,C1");
	assert_short(&r, none);
	suggest_report_free(&r);
	/* Cap 1: the member fills KMar; Customs gives one; one short. */
	suggest(s, "Capped", 0, 1, &r);
	assert_string_equal(who(s, &r), "C1");
	assert_short(&r, one);
	suggest_report_free(&r);
}

/* People without an agency are never capped. */
static void
test_no_agency(void **state)
{
	static const char *const needs[] = { "3:lang:pt", NULL };
	struct store *s = *state;
	struct suggest_report r;

	person_full(s, "P1", "X", "", 0, "2030-01-01", "active", NULL,
	    "pt:3");
	person_full(s, "P2", "X", " ", 0, "2030-01-01", "active", NULL,
	    "pt:2");
	person_full(s, "P3", "X", "", 0, "2030-01-01", "active", NULL,
	    "pt:1");
	deployment(s, "Nobody", START, END, needs);
	suggest(s, "Nobody", 5, 1, &r);
	assert_string_equal(who(s, &r), "P1,P2,P3");
	suggest_report_free(&r);
}

/* size: just the cover, more (need-meeting people first), or fewer. */
static void
test_size(void **state)
{
	static const char *const needs[] = { "1:lang:nl",
	    "1:skill:first-aid", NULL };
	static const char *const three[] = { "1:skill:leadership",
	    "1:skill:mentoring", "1:skill:negotiation", NULL };
	static const int none[2] = { 0 };
	static const int last[3] = { 0, 0, 1 };
	static const char *const scarce[] = { "3:skill:first-aid", NULL };
	static const int one[1] = { 1 };
	struct store *s = *state;
	struct suggest_report r;
	long long pk;

	person(s, "Both", "first-aid", "nl:3");
	person(s, "Dutch", NULL, "nl:6");
	pk = person(s, "Medic", "first-aid", NULL);
	service(s, pk, "SX", "2010-01-01", "2011-01-01");
	/* Best scored, but meets no need. */
	pk = person(s, "Zed", NULL, NULL);
	service(s, pk, "SX", "2022-01-01", "2023-01-01");
	person(s, "Yves", NULL, NULL);
	deployment(s, "Size", START, END, needs);
	suggest(s, "Size", 0, 0, &r);
	assert_string_equal(who(s, &r), "Both");
	suggest_report_free(&r);
	suggest(s, "Size", 3, 0, &r);
	assert_string_equal(who(s, &r), "Both,Medic,Dutch");
	assert_short(&r, none);
	suggest_report_free(&r);
	suggest(s, "Size", 4, 0, &r);
	assert_string_equal(who(s, &r), "Both,Medic,Dutch,Zed");
	assert_int_equal(r.people[3].needs, 0);
	assert_non_null(strstr(r.people[3].why, "meets no need"));
	suggest_report_free(&r);
	suggest(s, "Size", 100, 0, &r);
	assert_string_equal(who(s, &r), "Both,Medic,Dutch,Zed,Yves");
	suggest_report_free(&r);

	/* While a need is short, nobody who meets no need is added. */
	deployment(s, "Scarce", START, END, scarce);
	suggest(s, "Scarce", 100, 0, &r);
	assert_string_equal(who(s, &r), "Medic,Both");
	assert_short(&r, one);
	suggest_report_free(&r);

	/* Smaller than the cover: the one covering most comes first. */
	person(s, "Pair", "leadership;mentoring", NULL);
	pk = person(s, "Single", "negotiation", NULL);
	service(s, pk, "SX", "2024-01-01", "2025-01-01");
	deployment(s, "Three", START, END, three);
	suggest(s, "Three", 0, 0, &r);
	assert_string_equal(who(s, &r), "Pair,Single");
	suggest_report_free(&r);
	suggest(s, "Three", 1, 0, &r);
	assert_string_equal(who(s, &r), "Pair");
	assert_short(&r, last);
	suggest_report_free(&r);
}

/*
 * The score: recent service in the country beats language level, which
 * beats notice, which beats the name (case-insensitive).  Service
 * elsewhere does not count; a mission still running counts as this year.
 */
static void
test_score_order(void **state)
{
	static const char *const needs[] = { "1:lang:fr", "1:lang:nl", NULL };
	struct store *s = *state;
	struct suggest_report r;
	long long pk;

	pk = person_full(s, "Old", "X", "Police", 0, "2030-01-01", "active",
	    NULL, "fr:2");
	service(s, pk, "SX", "2009-01-01", "2010-06-30");
	service(s, pk, "XK", "2024-01-01", "2025-01-01");
	pk = person_full(s, "Recent", "X", "Police", 5, "2030-01-01",
	    "active", NULL, "fr:1");
	service(s, pk, "SX", "2012-01-01", "2013-01-01");
	service(s, pk, "SX", "2019-01-01", "2020-03-01");
	pk = person_full(s, "Current", "X", "Police", 7, "2030-01-01",
	    "active", NULL, "fr:1");
	service(s, pk, "SX", "2025-06-01", NULL);
	person_full(s, "Native", "X", "Police", 6, "2030-01-01", "active",
	    NULL, "fr:7;nl:1");
	person_full(s, "Fast", "X", "Police", 0, "2030-01-01", "active",
	    NULL, "fr:3");
	person_full(s, "Slow", "X", "Police", 3, "2030-01-01", "active",
	    NULL, "fr:3");
	/* Names compare ignoring case: alpha before Beta. */
	person_full(s, "Beta", "X", "Police", 4, "2030-01-01", "active",
	    NULL, "fr:3");
	person_full(s, "alpha", "X", "Police", 4, "2030-01-01", "active",
	    NULL, "fr:3");
	/* The level that counts is in the language of a need met (nl), and
	 * it beats a shorter notice. */
	person_full(s, "Dutch", "X", "Police", 2, "2030-01-01", "active",
	    NULL, "nl:6");
	deployment(s, "Order", START, END, needs);
	suggest(s, "Order", 20, 0, &r);
	/* The cover first: Native meets both needs. */
	assert_string_equal(who(s, &r), "Native,Current,Recent,Old,Dutch,"
	    "Fast,Slow,alpha,Beta");
	assert_int_equal(r.people[0].needs, 3);
	assert_int_equal(r.people[0].best_level, 7);
	assert_int_equal(r.people[0].country_year, 0);
	assert_string_equal(r.people[0].why, "meets needs 1 (lang:fr), 2 "
	    "(lang:nl); fr native; never served in SX; notice 6 days");
	assert_int_equal(r.people[1].country_year, 2026);
	assert_int_equal(r.people[2].country_year, 2020);
	assert_int_equal(r.people[2].notice, 5);
	assert_int_equal(r.people[2].best_level, 1);
	assert_string_equal(r.people[2].why, "meets need 1 (lang:fr); fr A1; "
	    "served in SX until 2020; notice 5 days");
	assert_int_equal(r.people[3].country_year, 2010);
	assert_int_equal(r.people[4].best_level, 6);
	assert_string_equal(r.people[5].why, "meets need 1 (lang:fr); fr B1; "
	    "never served in SX; notice 0 days");
	suggest_report_free(&r);

	/* Just the cover: the better of two who cover both is chosen. */
	pk = person_full(s, "Versed", "X", "Police", 8, "2030-01-01",
	    "active", NULL, "fr:1;nl:1");
	service(s, pk, "SX", "2001-01-01", "2002-01-01");
	suggest(s, "Order", 0, 0, &r);
	assert_string_equal(who(s, &r), "Versed");
	assert_string_equal(r.people[0].why, "meets needs 1 (lang:fr), 2 "
	    "(lang:nl); fr A1; served in SX until 2002; notice 8 days");
	suggest_report_free(&r);
}

/*
 * Many interchangeable people: the few kept are the first by name (not by
 * insertion order), and the answer is the same every time.
 */
static void
test_determinism(void **state)
{
	static const char *const needs[] = { "3:lang:fr", "2:skill:first-aid",
	    NULL };
	struct store *s = *state;
	struct suggest_report a, b;
	char name[32];
	size_t i;
	int k;

	for (k = 59; k >= 0; k--) {
		snprintf(name, sizeof name, "Name%02d", k);
		person(s, name, k % 3 == 0 ? "first-aid" : NULL, "fr:4");
	}
	for (k = 0; k < 20; k++) {
		snprintf(name, sizeof name, "Medic%02d", 19 - k);
		person(s, name, "first-aid", NULL);
	}
	deployment(s, "Same", START, END, needs);
	suggest(s, "Same", 0, 0, &a);
	assert_string_equal(who(s, &a), "Name00,Name03,Name01");
	suggest(s, "Same", 0, 0, &b);
	assert_int_equal(a.n, b.n);
	for (i = 0; i < a.n; i++) {
		assert_int_equal(a.people[i].person, b.people[i].person);
		assert_string_equal(a.people[i].why, b.people[i].why);
	}
	suggest_report_free(&a);
	suggest_report_free(&b);
	suggest(s, "Same", 8, 0, &a);
	assert_string_equal(who(s, &a), "Name00,Name03,Name01,Name02,Name04,"
	    "Name05,Name06,Name07");
	suggest_report_free(&a);
}

static void
test_too_many_needs(void **state)
{
	struct store *s = *state;
	struct deployment d;
	struct need n[SUGGEST_MAX_NEEDS + 1];
	struct suggest_report r;
	struct error err;
	size_t i;

	memset(&d, 0, sizeof d);
	d.name = (char *)"Big";
	memcpy(d.country, "SX", 3);
	assert_true(date_parse(START, &d.start));
	d.end = DEPLOY_OPEN;
	for (i = 0; i < SUGGEST_MAX_NEEDS + 1; i++) {
		n[i].count = 1;
		n[i].filter = (char *)"lang:fr";
	}
	d.needs = n;
	d.nneeds = SUGGEST_MAX_NEEDS + 1;
	assert_int_equal(suggest_team(s, &d, today, 0, 0, SUGGEST_HORIZON, &r, &err),
	    RC_INPUT);
	assert_non_null(strstr(err.msg, "64"));
	assert_null(r.people);
	/* 64 are fine. */
	person(s, "Fr", NULL, "fr:4");
	d.nneeds = SUGGEST_MAX_NEEDS;
	deployment(s, "Big", START, NULL, NULL);
	assert_int_equal(deploy_get(s, "Big", &d, &err), RC_OK);
	d.needs = n;
	d.nneeds = SUGGEST_MAX_NEEDS;
	if (suggest_team(s, &d, today, 0, 0, SUGGEST_HORIZON, &r, &err) != RC_OK)
		fail_msg("%s", err.msg);
	assert_string_equal(who(s, &r), "Fr");
	assert_int_equal(r.people[0].needs, ~0ULL);
	suggest_report_free(&r);
	d.needs = NULL;
	d.nneeds = 0;
	deploy_clear(&d);
}

/* ---- random pools against a brute force ---- */

static unsigned long rng = 12345;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33) % n;
}

#define NPEOPLE	13
#define NSKILLS	5

static const char *const skill_names[NSKILLS] = { "leadership",
    "mentoring", "negotiation", "liaison", "interviewing" };

/*
 * The fewest people (subsets of the pool) meeting every need as far as
 * the pool can, within the agency cap; -1 if the pool cannot, with the
 * cap, meet what it could meet without.
 */
static int
brute(const unsigned *skills, const int *agency, const int *count,
    size_t nneeds, const int *need_skill, size_t cap)
{
	int target[8], best = -1, i, k, size, have, per[3];
	unsigned sub;
	size_t j;

	for (j = 0; j < nneeds; j++) {
		int per_ag[3] = { 0, 0, 0 }, total = 0;

		for (i = 0; i < NPEOPLE; i++)
			if (skills[i] >> need_skill[j] & 1)
				per_ag[agency[i]]++;
		for (k = 0; k < 3; k++)
			total += cap > 0 && (size_t)per_ag[k] > cap ?
			    (int)cap : per_ag[k];
		target[j] = count[j] < total ? count[j] : total;
	}
	for (sub = 0; sub < 1u << NPEOPLE; sub++) {
		size = __builtin_popcount(sub);
		if (best >= 0 && size >= best)
			continue;
		per[0] = per[1] = per[2] = 0;
		for (i = 0; i < NPEOPLE; i++)
			if (sub >> i & 1)
				per[agency[i]]++;
		if (cap > 0 && ((size_t)per[0] > cap || (size_t)per[1] > cap ||
		    (size_t)per[2] > cap))
			continue;
		for (j = 0; j < nneeds; j++) {
			have = 0;
			for (i = 0; i < NPEOPLE; i++)
				if ((sub >> i & 1) &&
				    (skills[i] >> need_skill[j] & 1))
					have++;
			if (have < target[j])
				break;
		}
		if (j == nneeds)
			best = size;
	}
	return best;
}

static void
test_random_pools(void **state)
{
	static const char *const agencies[3] = { "KMar", "Customs", "Police" };
	struct store *s = *state;
	struct suggest_report r;
	unsigned skills[NPEOPLE];
	int agency[NPEOPLE], count[8], need_skill[8], best;
	char name[32], list[128], dname[32];
	const char *needs[9];
	char needbuf[8][64];
	size_t round, nneeds, j, cap, i, checked = 0;
	long long pk;
	int k;

	for (i = 0; i < NPEOPLE; i++) {
		skills[i] = 1 + rnd((1u << NSKILLS) - 1);
		agency[i] = (int)rnd(3);
		list[0] = '\0';
		for (k = 0; k < NSKILLS; k++)
			if (skills[i] >> k & 1)
				snprintf(list + strlen(list), sizeof list -
				    strlen(list), "%s%s", list[0] ? ";" : "",
				    skill_names[k]);
		snprintf(name, sizeof name, "P%02zu", i);
		pk = person_full(s, name, "X", agencies[agency[i]],
		    (int)rnd(4), "2030-01-01", "active", list, NULL);
		if (rnd(3) == 0)
			service(s, pk, "SX", "2015-01-01", rnd(2) ?
			    "2016-01-01" : "2021-01-01");
	}
	for (round = 0; round < 40; round++) {
		nneeds = 2 + rnd(4);
		for (j = 0; j < nneeds; j++) {
			need_skill[j] = (int)rnd(NSKILLS);
			count[j] = 1 + (int)rnd(4);
			snprintf(needbuf[j], sizeof needbuf[j], "%d:skill:%s",
			    count[j], skill_names[need_skill[j]]);
			needs[j] = needbuf[j];
		}
		needs[nneeds] = NULL;
		snprintf(dname, sizeof dname, "R%zu", round);
		deployment(s, dname, START, END, needs);
		for (cap = 0; cap <= 2; cap += 2) {
			best = brute(skills, agency, count, nneeds, need_skill,
			    cap);
			suggest(s, dname, 0, cap, &r);
			if (best >= 0) {
				if ((int)r.n != best)
					fail_msg("round %zu cap %zu: %zu "
					    "suggested, the optimum is %d",
					    round, cap, r.n, best);
				checked++;
			}
			/* short_by agrees with what was suggested. */
			for (j = 0; j < nneeds; j++) {
				int have = 0, total = 0;

				for (i = 0; i < r.n; i++)
					have += (int)(r.people[i].needs >> j &
					    1);
				for (i = 0; i < NPEOPLE; i++)
					total += (int)(skills[i] >>
					    need_skill[j] & 1);
				assert_int_equal(r.short_by[j], count[j] >
				    have ? count[j] - have : 0);
				if (cap == 0)
					assert_int_equal(r.short_by[j],
					    count[j] > total ? count[j] -
					    total : 0);
			}
			suggest_report_free(&r);
		}
	}
	assert_true(checked >= 60);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		suggest_test(test_greedy_trap),
		suggest_test(test_multicover_trap),
		suggest_test(test_pairs),
		suggest_test(test_members),
		suggest_test(test_shortfall),
		suggest_test(test_left_out),
		suggest_test(test_dnc),
		suggest_test(test_open_ended),
		suggest_test(test_until),
		suggest_test(test_also_proposed),
		suggest_test(test_agency_cap),
		suggest_test(test_no_agency),
		suggest_test(test_size),
		suggest_test(test_score_order),
		suggest_test(test_determinism),
		suggest_test(test_too_many_needs),
		suggest_test(test_random_pools),
	};

	today = testdb_today();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

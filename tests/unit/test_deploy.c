/*
 * Deployments: the status pipeline, double booking at every date boundary,
 * coverage of needs, and availability honouring bookings.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <sqlite3.h>

#include "avail.h"
#include "date.h"
#include "deploy.h"
#include "testdb.h"

static int today;

static long long
person(struct store *s, const char *name, const char *lang, int level)
{
	char sql[512];
	long long pk;

	snprintf(sql, sizeof sql, "INSERT INTO person(id, family_name, "
	    "given_name, status, notice_days, created, updated) VALUES "
	    "(lower(hex(randomblob(16))), '%s', 'X', 'active', 0, '', '')",
	    name);
	testdb_exec(s, sql);
	pk = testdb_int(s, "SELECT max(pk) FROM person");
	if (lang != NULL) {
		snprintf(sql, sizeof sql, "INSERT INTO person_language(person, "
		    "code, level) VALUES (%lld, '%s', %d)", pk, lang, level);
		testdb_exec(s, sql);
	}
	return pk;
}

/* Creates a deployment over [from, to] (to NULL: open-ended). */
static void
deployment(struct store *s, const char *name, const char *from,
    const char *to, const char *need, struct deployment *out)
{
	const char *const needs[] = { need, NULL };

	testdb_deploy(s, name, "hurricane", "SX", from, to, needs, out);
}

static void
add(struct store *s, const struct deployment *d, long long pk)
{
	struct strbuf warn = { 0 };
	struct error err;
	size_t added;

	if (deploy_add(s, d, &pk, 1, "", today, &warn, &added, &err) != RC_OK)
		fail_msg("%s", err.msg);
	strbuf_free(&warn);
}

static int
set(struct store *s, const struct deployment *d, long long pk,
    enum member_status to, int force)
{
	struct error err;

	return deploy_set(s, d, pk, to, force, &err);
}

static void
test_pipeline(void **state)
{
	struct store *s = *state;
	struct deployment d;
	long long p = person(s, "Bakker", NULL, 0);

	deployment(s, "Irma", "2026-12-01", "2026-12-31", NULL, &d);
	/* Not on the list yet. */
	assert_int_equal(set(s, &d, p, MS_CONTACTED, 0), RC_REFUSED);
	add(s, &d, p);
	/* Forward, jumping a step. */
	assert_int_equal(set(s, &d, p, MS_CONFIRMED, 0), RC_OK);
	/* Never back. */
	assert_int_equal(set(s, &d, p, MS_CONTACTED, 0), RC_REFUSED);
	assert_int_equal(set(s, &d, p, MS_PROPOSED, 1), RC_REFUSED);
	/* Returned only after deployed. */
	assert_int_equal(set(s, &d, p, MS_RETURNED, 0), RC_REFUSED);
	assert_int_equal(set(s, &d, p, MS_DEPLOYED, 0), RC_OK);
	assert_int_equal(set(s, &d, p, MS_DECLINED, 0), RC_REFUSED);
	assert_int_equal(set(s, &d, p, MS_RETURNED, 0), RC_OK);
	assert_int_equal(set(s, &d, p, MS_WITHDRAWN, 0), RC_REFUSED);
	/* Every change is kept, in order. */
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM "
	    "assignment_history"), 4);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM assignment_history"
	    " WHERE rowid = 4 AND status = 'returned'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE "
	    "entity = 'deployment'"), 5);
	/* Each status change has its old and new value. */
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit a JOIN"
	    " audit_change c ON c.audit = a.pk WHERE a.action = 'set' AND"
	    " c.field = 'status' AND c.old = 'confirmed' AND"
	    " c.new = 'deployed'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit a JOIN"
	    " audit_change c ON c.audit = a.pk WHERE a.action = 'set'"), 3);
	deploy_clear(&d);
}

static void
test_declined_comes_back(void **state)
{
	struct store *s = *state;
	struct deployment d;
	long long p = person(s, "Bakker", NULL, 0);

	deployment(s, "Irma", "2026-12-01", "2026-12-31", NULL, &d);
	add(s, &d, p);
	assert_int_equal(set(s, &d, p, MS_DECLINED, 0), RC_OK);
	/* A call back after a "no": they may be proposed again. */
	assert_int_equal(set(s, &d, p, MS_CONTACTED, 0), RC_OK);
	assert_int_equal(set(s, &d, p, MS_WITHDRAWN, 0), RC_OK);
	deploy_clear(&d);
}

/* Booked on [2026-12-01, 2026-12-31]; can they be confirmed on b? */
static int
double_booked(struct store *s, const char *from, const char *to, int force)
{
	struct deployment a, b;
	long long p = person(s, "Visser", NULL, 0);
	int rc;

	deployment(s, "A", "2026-12-01", "2026-12-31", NULL, &a);
	deployment(s, "B", from, to, NULL, &b);
	add(s, &a, p);
	add(s, &b, p);
	assert_int_equal(set(s, &a, p, MS_CONFIRMED, 0), RC_OK);
	rc = set(s, &b, p, MS_CONFIRMED, force);
	deploy_clear(&a);
	deploy_clear(&b);
	return rc;
}

static void
test_conflict_boundaries(void **state)
{
	struct store *s = *state;

	/* Windows are inclusive: sharing one day is an overlap. */
	assert_int_equal(double_booked(s, "2026-12-31", "2027-01-10", 0),
	    RC_REFUSED);
	testdb_exec(s, "DELETE FROM deployment");
	assert_int_equal(double_booked(s, "2027-01-01", "2027-01-10", 0),
	    RC_OK);
	testdb_exec(s, "DELETE FROM deployment");
	assert_int_equal(double_booked(s, "2026-11-20", "2026-12-01", 0),
	    RC_REFUSED);
	testdb_exec(s, "DELETE FROM deployment");
	assert_int_equal(double_booked(s, "2026-11-20", "2026-11-30", 0),
	    RC_OK);
	testdb_exec(s, "DELETE FROM deployment");
	/* Open-ended: everything after its start overlaps. */
	assert_int_equal(double_booked(s, "2026-12-15", NULL, 0), RC_REFUSED);
	testdb_exec(s, "DELETE FROM deployment");
	assert_int_equal(double_booked(s, "2027-06-01", NULL, 0), RC_OK);
	testdb_exec(s, "DELETE FROM deployment");
	/* Forced, it is allowed and the audit says so. */
	assert_int_equal(double_booked(s, "2026-12-10", "2026-12-20", 1),
	    RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE "
	    "fields LIKE '%forced%'"), 1);
}

static void
test_proposed_is_no_booking(void **state)
{
	struct store *s = *state;
	struct deployment a, b;
	long long p = person(s, "Visser", NULL, 0);

	deployment(s, "A", "2026-12-01", "2026-12-31", NULL, &a);
	deployment(s, "B", "2026-12-10", "2026-12-20", NULL, &b);
	add(s, &a, p);
	add(s, &b, p);
	/* Contacted elsewhere is not booked: confirming here is fine. */
	assert_int_equal(set(s, &a, p, MS_CONTACTED, 0), RC_OK);
	assert_int_equal(set(s, &b, p, MS_CONFIRMED, 0), RC_OK);
	/* And now the other one would double-book. */
	assert_int_equal(set(s, &a, p, MS_DEPLOYED, 0), RC_REFUSED);
	deploy_clear(&a);
	deploy_clear(&b);
}

static void
test_coverage(void **state)
{
	struct store *s = *state;
	struct deployment d;
	struct coverage *cov;
	struct error err;
	long long nl1 = person(s, "Jansen", "nl", 7);
	long long nl2 = person(s, "de Boer", "nl", 3);
	long long fr = person(s, "Dubois", "fr", 7);

	deployment(s, "Irma", "2026-12-01", NULL, "2:lang:nl", &d);
	assert_int_equal(deploy_coverage(s, &d, today, &cov, &err), RC_OK);
	assert_int_equal(cov[0].want, 2);
	assert_int_equal(cov[0].have, 0);
	free(cov);
	add(s, &d, nl1);
	add(s, &d, fr);
	add(s, &d, nl2);
	assert_int_equal(deploy_coverage(s, &d, today, &cov, &err), RC_OK);
	assert_int_equal(cov[0].have, 2);
	free(cov);
	/* Declined and withdrawn people no longer count. */
	assert_int_equal(set(s, &d, nl2, MS_DECLINED, 0), RC_OK);
	assert_int_equal(deploy_coverage(s, &d, today, &cov, &err), RC_OK);
	assert_int_equal(cov[0].have, 1);
	free(cov);
	deploy_clear(&d);
}

static void
test_avail_honours_bookings(void **state)
{
	struct store *s = *state;
	struct deployment d;
	long long p = person(s, "Visser", NULL, 0);

	deployment(s, "Irma", "2026-12-01", "2026-12-31", NULL, &d);
	add(s, &d, p);
	assert_true(testdb_matches(s, "avail:2026-12-15", today, "Visser"));
	assert_int_equal(set(s, &d, p, MS_CONFIRMED, 0), RC_OK);
	assert_false(testdb_matches(s, "avail:2026-12-15", today, "Visser"));
	assert_false(testdb_matches(s, "avail:2026-12-31", today, "Visser"));
	assert_true(testdb_matches(s, "avail:2027-01-01", today, "Visser"));
	assert_true(testdb_matches(s, "avail:2026-11-30", today, "Visser"));
	deploy_clear(&d);
}

static void
test_create_refusals(void **state)
{
	struct store *s = *state;
	struct deployment d, got;
	struct need n;
	struct error err;

	memset(&d, 0, sizeof d);
	d.name = (char *)"Irma";
	d.kind = (char *)"volcano";
	memcpy(d.country, "SX", 3);
	assert_true(date_parse("2026-12-01", &d.start));
	d.end = DEPLOY_OPEN;
	assert_int_equal(deploy_create(s, &d, &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "unknown kind 'volcano'"));
	d.kind = (char *)"hurricane";
	assert_true(date_parse("2026-11-30", &d.end));
	assert_int_equal(deploy_create(s, &d, &err), RC_INPUT);
	d.end = DEPLOY_OPEN;
	assert_int_equal(deploy_create(s, &d, &err), RC_OK);
	d.name = (char *)"IRMA";
	assert_int_equal(deploy_create(s, &d, &err), RC_REFUSED);
	assert_int_equal(deploy_get(s, "nope", &got, &err), RC_REFUSED);
	assert_int_equal(deploy_need_parse(s, "0:lang:nl", today, &n, &err),
	    RC_INPUT);
	assert_int_equal(deploy_need_parse(s, "2:lang:xx", today, &n, &err),
	    RC_INPUT);
	assert_non_null(strstr(err.msg, "need '2:lang:xx'"));
	assert_int_equal(deploy_need_parse(s, "lang:nl", today, &n, &err),
	    RC_INPUT);
	assert_int_equal(deploy_need_parse(s, "3:skill:first", today, &n,
	    &err), RC_OK);
	assert_int_equal(n.count, 3);
	assert_string_equal(n.filter, "skill:first");
	deploy_need_free(&n);
	assert_int_equal(deploy_need_parse(s, "1:lang:nl\nx", today, &n,
	    &err), RC_INPUT);
	d.name = (char *)"Bad\x1b[2J";
	assert_int_equal(deploy_create(s, &d, &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "control characters"));
	/* The same characters import refuses: C1 and bidi controls too. */
	d.name = (char *)"Bad\xc2\x9b";
	assert_int_equal(deploy_create(s, &d, &err), RC_INPUT);
	d.name = (char *)"Bad\xe2\x80\xae" "x";
	assert_int_equal(deploy_create(s, &d, &err), RC_INPUT);
	d.name = (char *)"Bad\xff";
	assert_int_equal(deploy_create(s, &d, &err), RC_INPUT);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM deployment"), 1);
}

/* "1:lang:nl OR lang:nl ...", terms terms, in buf. */
static void
need_of(char *buf, size_t len, int terms)
{
	size_t at;
	int i;

	at = (size_t)snprintf(buf, len, "1:lang:nl");
	for (i = 1; i < terms && at < len; i++)
		at += (size_t)snprintf(buf + at, len - at, " OR lang:nl");
}

/* A deployment's needs are bounded as a whole as one filter is. */
static void
test_needs_bound(void **state)
{
	struct store *s = *state;
	static char text[16384];
	struct need a, b;
	struct error err;
	size_t terms = 0, bytes = 0;

	need_of(text, sizeof text, 600);
	assert_int_equal(deploy_need_parse(s, text, today, &a, &err), RC_OK);
	assert_int_equal(a.terms, 600);
	assert_int_equal(deploy_need_parse(s, text, today, &b, &err), RC_OK);
	assert_int_equal(deploy_needs_add(&a, &terms, &bytes, &err), RC_OK);
	assert_int_equal(deploy_needs_add(&b, &terms, &bytes, &err),
	    RC_INPUT);
	assert_non_null(strstr(err.msg, "the needs have more than 1000 "
	    "terms in all"));
	deploy_need_free(&a);
	deploy_need_free(&b);
	terms = bytes = 0;
	need_of(text, sizeof text, 500);
	assert_int_equal(deploy_need_parse(s, text, today, &a, &err), RC_OK);
	assert_int_equal(deploy_need_parse(s, text, today, &b, &err), RC_OK);
	assert_int_equal(deploy_needs_add(&a, &terms, &bytes, &err), RC_OK);
	assert_int_equal(deploy_needs_add(&b, &terms, &bytes, &err), RC_OK);
	assert_int_equal(terms, 1000);
	deploy_need_free(&a);
	deploy_need_free(&b);
}

/* A length counts from the start, its first day included; +N from today. */
static void
test_end_parse(void **state)
{
	int start, end;

	(void)state;
	assert_true(date_parse("2026-12-02", &start));
	assert_true(deploy_end_parse("28d", start, today, &end));
	assert_int_equal(end, start + 27);
	assert_true(deploy_end_parse("4w", start, today, &end));
	assert_int_equal(end, start + 27);
	assert_true(deploy_end_parse("1d", start, today, &end));
	assert_int_equal(end, start);
	assert_true(deploy_end_parse("+4w", start, today, &end));
	assert_int_equal(end, today + 28);
	assert_true(deploy_end_parse("2026-12-29", start, today, &end));
	assert_int_equal(end, start + 27);
	assert_false(deploy_end_parse("0d", start, today, &end));
	assert_false(deploy_end_parse("4x", start, today, &end));
	assert_false(deploy_end_parse("4", start, today, &end));
	assert_false(deploy_end_parse("4wk", start, today, &end));
}

/* No window ends after 9999-12-31 or lasts more than ten years. */
static void
test_window_check(void **state)
{
	struct deployment d = { .end = DEPLOY_OPEN };
	struct error err;
	int start, end, from, to;

	(void)state;
	assert_true(date_parse("9999-12-30", &start));
	assert_true(deploy_end_parse("4w", start, today, &end));
	assert_int_equal(deploy_window_check("X: --end", start, end, &err),
	    RC_INPUT);
	assert_string_equal(err.msg, "X: --end: the end would be after "
	    "9999-12-31");
	assert_int_equal(deploy_window_check("X", start, start + 1, &err),
	    RC_OK);
	assert_int_equal(deploy_window_check("X", start, DEPLOY_OPEN, &err),
	    RC_OK);
	assert_true(deploy_end_parse("36500w", today, today, &end));
	assert_int_equal(deploy_window_check("X: --end", today, end, &err),
	    RC_INPUT);
	assert_string_equal(err.msg, "X: --end: a deployment lasts at most "
	    "3650 days (ten years)");
	assert_true(deploy_end_parse("3650d", today, today, &end));
	assert_int_equal(deploy_window_check("X", today, end, &err), RC_OK);
	assert_true(deploy_end_parse("99999999999999999999d", today, today,
	    &end));
	assert_int_equal(deploy_window_check("X", today, end, &err), RC_INPUT);
	/* An open end near the last day: the horizon stops there. */
	d.start = start;
	deploy_window(&d, &from, &to);
	assert_int_equal(to, DATE_LAST);
}

static void
set_papers(struct store *s, long long pk, const char *passport,
    const char *medical, const char *heat)
{
	char sql[256];

	snprintf(sql, sizeof sql, "UPDATE person SET passport_expiry = %s%s%s,"
	    " medical_expiry = '%s', heat_expiry = '%s' WHERE pk = %lld",
	    passport ? "'" : "", passport ? passport : "NULL",
	    passport ? "'" : "", medical, heat, pk);
	testdb_exec(s, sql);
}

/* Papers lapsing before the end: warned about, and shown per member. */
static void
test_papers(void **state)
{
	struct store *s = *state;
	struct strbuf warn = { 0 };
	struct deployment d, open;
	struct member *m;
	struct error err;
	size_t n;
	long long pk;

	pk = person(s, "Wit", NULL, 0);
	testdb_exec(s, "UPDATE person SET given_name = 'Anna', family_name ="
	    " 'de Wit'");
	set_papers(s, pk, "2026-12-10", "2030-01-01", "2027-02-01");
	deployment(s, "Irma", "2026-12-01", "2026-12-31", NULL, &d);
	add(s, &d, pk);
	assert_int_equal(deploy_papers_warn(s, &d, pk, today, &warn, &err),
	    RC_OK);
	assert_string_equal(strbuf_str(&warn), "Anna de Wit: passport expires "
	    "2026-12-10, before the end 2026-12-31\n");
	assert_int_equal(deploy_members(s, &d, today, &m, &n, &err), RC_OK);
	assert_int_equal(n, 1);
	assert_string_equal(m[0].ready, "passport lapses 2026-12-10");
	deploy_members_free(m, n);

	/* Open-ended: through the horizon suggest uses; one missing, one
	 * already expired. */
	strbuf_reset(&warn);
	set_papers(s, pk, NULL, "2000-01-01", "2027-02-01");
	deployment(s, "Open", "2026-12-01", NULL, NULL, &open);
	add(s, &open, pk);
	assert_int_equal(deploy_papers_warn(s, &open, pk, today, &warn, &err),
	    RC_OK);
	assert_string_equal(strbuf_str(&warn), "Anna de Wit: no passport "
	    "expiry on record\nAnna de Wit: medical expired 2000-01-01\n"
	    "Anna de Wit: HEAT expires 2027-02-01, before the horizon of this "
	    "open-ended deployment, 2027-03-01\n");
	assert_int_equal(deploy_members(s, &open, today, &m, &n, &err), RC_OK);
	/* Expired and lapsing said apart, each date whole: "HEAT 02-01"
	 * would not say which year. */
	assert_string_equal(m[0].ready, "no passport, medical expired "
	    "2000-01-01, HEAT lapses 2027-02-01");
	deploy_members_free(m, n);
	/* Expired this year, before today: not "passport 03-15". */
	set_papers(s, pk, "2026-03-15", "2030-01-01", "2026-12-20");
	assert_int_equal(deploy_members(s, &d, today, &m, &n, &err), RC_OK);
	assert_string_equal(m[0].ready, "passport expired 2026-03-15, HEAT "
	    "lapses 2026-12-20");
	deploy_members_free(m, n);

	/* Ready through the end: no warning, "yes". */
	strbuf_reset(&warn);
	set_papers(s, pk, "2030-01-01", "2030-01-01", "2030-01-01");
	assert_int_equal(deploy_papers_warn(s, &d, pk, today, &warn, &err),
	    RC_OK);
	assert_string_equal(strbuf_str(&warn), "");
	assert_int_equal(deploy_members(s, &d, today, &m, &n, &err), RC_OK);
	assert_string_equal(m[0].ready, "yes");
	deploy_members_free(m, n);
	strbuf_free(&warn);
	deploy_clear(&d);
	deploy_clear(&open);
}

static struct deploy_change
no_change(void)
{
	struct deploy_change c;

	memset(&c, 0, sizeof c);
	c.start = c.end = DEPLOY_KEEP;
	return c;
}

/* deploy edit: what changes, what is refused, what is warned about. */
static void
test_edit(void **state)
{
	struct store *s = *state;
	struct strbuf warn = { 0 };
	struct deploy_change c = no_change();
	struct deployment d, other, after;
	struct need need;
	struct error err;
	long long pk;

	pk = person(s, "Dekker", "nl", 7);
	deployment(s, "Irma", "2026-12-01", "2026-12-10", NULL, &other);
	deployment(s, "Winter", "2027-01-10", "2027-01-20", "1:lang:nl", &d);
	add(s, &other, pk);
	add(s, &d, pk);
	assert_int_equal(set(s, &other, pk, MS_CONFIRMED, 0), RC_OK);
	assert_int_equal(set(s, &d, pk, MS_CONFIRMED, 0), RC_OK);

	/* Moved onto Irma's dates: a double booking, said by name. */
	assert_true(date_parse("2026-12-05", &c.start));
	c.kind = "flood";
	c.status = "active";
	assert_int_equal(deploy_edit(s, "winter", &c, today, &after, &warn,
	    &err), RC_OK);
	assert_string_equal(after.kind, "flood");
	assert_string_equal(after.status, "active");
	assert_int_equal(after.start, c.start);
	assert_string_equal(strbuf_str(&warn), "X Dekker is now double-booked:"
	    " confirmed here and confirmed on 'Irma', whose dates overlap\n");
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE "
	    "entity_id = 'Winter' AND action = 'update'"), 1);
	deploy_clear(&after);

	/* Needs replaced: one left uncovered. */
	strbuf_reset(&warn);
	c = no_change();
	assert_int_equal(deploy_need_parse(s, "2:lang:nl", today, &need, &err),
	    RC_OK);
	c.needs = &need;
	c.nneeds = 1;
	c.set_needs = 1;
	assert_int_equal(deploy_edit(s, "Winter", &c, today, &after, &warn,
	    &err), RC_OK);
	assert_int_equal(after.nneeds, 1);
	assert_int_equal(after.needs[0].count, 2);
	/* The double booking was there before: not news again. */
	assert_string_equal(strbuf_str(&warn), "need 1 (2:lang:nl) is not "
	    "covered: 1 of 2\n");
	deploy_need_free(&need);
	deploy_clear(&after);

	/* Refused, and nothing written: back in status, end before start,
	 * an unknown kind. */
	c = no_change();
	c.status = "planning";
	assert_int_equal(deploy_edit(s, "Winter", &c, today, &after, &warn,
	    &err), RC_REFUSED);
	c = no_change();
	assert_true(date_parse("2026-12-01", &c.end));
	assert_int_equal(deploy_edit(s, "Winter", &c, today, &after, &warn,
	    &err), RC_INPUT);
	c = no_change();
	c.kind = "volcano";
	assert_int_equal(deploy_edit(s, "Winter", &c, today, &after, &warn,
	    &err), RC_INPUT);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE "
	    "entity_id = 'Winter' AND action = 'update'"), 2);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM deployment WHERE "
	    "name = 'Winter' AND status = 'active' AND kind = 'flood'"), 1);

	/* Renamed: not onto another's name (in any case); audited. */
	c = no_change();
	c.name = "IRMA";
	assert_int_equal(deploy_edit(s, "Winter", &c, today, &after, &warn,
	    &err), RC_REFUSED);
	c.name = "Summer";
	assert_int_equal(deploy_edit(s, "Winter", &c, today, &after, &warn,
	    &err), RC_OK);
	assert_string_equal(after.name, "Summer");
	assert_int_equal(after.nneeds, 1);
	deploy_clear(&after);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE "
	    "entity_id = 'Winter' AND action = 'rename' AND fields = "
	    "'name=Summer'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit a JOIN "
	    "audit_change c ON c.audit = a.pk WHERE a.action = 'rename' AND "
	    "c.field = 'name' AND c.old = 'Winter' AND c.new = 'Summer'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM deployment WHERE "
	    "name = 'Winter'"), 0);
	strbuf_free(&warn);
	deploy_clear(&d);
	deploy_clear(&other);
}

/*
 * The deployment the caller holds was read before the write began, and
 * another process may have changed it since (tests/race.sh races two):
 * the checks are made on the row as the write finds it.
 */
static void
test_stale_copy(void **state)
{
	struct store *s = *state;
	struct strbuf warn = { 0 };
	struct deployment d, e;
	struct error err;
	long long p = person(s, "Bakker", NULL, 0);
	long long q = person(s, "Visser", NULL, 0);
	size_t added;

	deployment(s, "Irma", "2026-12-01", "2026-12-31", NULL, &d);
	deployment(s, "Maria", "2027-02-01", "2027-02-28", NULL, &e);
	add(s, &d, p);
	add(s, &e, p);
	assert_int_equal(set(s, &d, p, MS_CONFIRMED, 0), RC_OK);
	/* Maria moves onto Irma's dates: booking p there is double. */
	testdb_write(s, "UPDATE deployment SET start = '2026-12-10', end = "
	    "'2026-12-20' WHERE name = 'Maria'");
	assert_int_equal(set(s, &e, p, MS_CONFIRMED, 0), RC_REFUSED);
	/* Maria is closed: she takes no one, whatever e says. */
	testdb_write(s, "UPDATE deployment SET status = 'closed' WHERE "
	    "name = 'Maria'");
	assert_string_equal(e.status, "planning");
	assert_int_equal(deploy_add(s, &e, &q, 1, "", today, &warn, &added,
	    &err), RC_REFUSED);
	assert_string_equal(err.msg, "deployment 'Maria' is closed");
	assert_int_equal(added, 0);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM assignment WHERE "
	    "person = (SELECT max(pk) FROM person)"), 0);
	strbuf_free(&warn);
	deploy_clear(&d);
	deploy_clear(&e);
}

/* Changing the status only, or the kind, makes no double booking: no
 * warning; one the change makes names the other deployment's status. */
static void
test_edit_warns_news_only(void **state)
{
	struct store *s = *state;
	struct strbuf warn = { 0 };
	struct deploy_change c = no_change();
	struct deployment d, other, after;
	struct error err;
	long long pk;

	pk = person(s, "Dekker", "nl", 7);
	deployment(s, "Irma", "2026-12-01", "2026-12-20", NULL, &other);
	deployment(s, "Winter", "2026-12-10", "2026-12-31", NULL, &d);
	add(s, &other, pk);
	add(s, &d, pk);
	assert_int_equal(set(s, &other, pk, MS_DEPLOYED, 0), RC_OK);
	assert_int_equal(set(s, &d, pk, MS_CONFIRMED, 1), RC_OK);
	c.status = "active";
	assert_int_equal(deploy_edit(s, "Winter", &c, today, &after, &warn,
	    &err), RC_OK);
	deploy_clear(&after);
	c = no_change();
	c.kind = "flood";
	assert_int_equal(deploy_edit(s, "Winter", &c, today, &after, &warn,
	    &err), RC_OK);
	deploy_clear(&after);
	assert_string_equal(strbuf_str(&warn), "");
	/* Moved off Irma and back onto it: news again. */
	c = no_change();
	assert_true(date_parse("2026-12-21", &c.start));
	assert_int_equal(deploy_edit(s, "Winter", &c, today, &after, &warn,
	    &err), RC_OK);
	deploy_clear(&after);
	assert_string_equal(strbuf_str(&warn), "");
	assert_true(date_parse("2026-12-15", &c.start));
	assert_int_equal(deploy_edit(s, "Winter", &c, today, &after, &warn,
	    &err), RC_OK);
	deploy_clear(&after);
	assert_string_equal(strbuf_str(&warn), "X Dekker is now double-booked:"
	    " confirmed here and deployed on 'Irma', whose dates overlap\n");
	strbuf_free(&warn);
	deploy_clear(&d);
	deploy_clear(&other);
}

/* Closed is over: its bookings keep nobody, and it takes no change but
 * its status. */
static void
test_closed(void **state)
{
	struct store *s = *state;
	struct strbuf warn = { 0 };
	struct deploy_change c = no_change();
	struct deployment d, next, after;
	struct error err;
	char *other;
	long long pk;
	int day;

	pk = person(s, "Visser", NULL, 0);
	deployment(s, "Quake", "2026-11-24", NULL, NULL, &d);
	deployment(s, "Next", "2026-12-10", "2026-12-20", NULL, &next);
	add(s, &d, pk);
	add(s, &next, pk);
	assert_int_equal(set(s, &d, pk, MS_DEPLOYED, 0), RC_OK);
	assert_int_equal(avail_first(s, pk, d.start, &day, &err), RC_OK);
	assert_int_equal(day, AVAIL_NEVER);
	assert_int_equal(set(s, &next, pk, MS_CONFIRMED, 0), RC_REFUSED);

	c.status = "closed";
	assert_int_equal(deploy_edit(s, "Quake", &c, today, &after, &warn,
	    &err), RC_OK);
	deploy_clear(&after);
	/* Free the day after closing. */
	assert_int_equal(avail_first(s, pk, d.start, &day, &err), RC_OK);
	assert_int_equal(day, d.start);
	assert_true(testdb_matches(s, "avail:2026-12-15", today, "Visser"));
	assert_int_equal(deploy_conflict(s, &next, pk, &other, &err), RC_OK);
	assert_null(other);
	assert_int_equal(set(s, &next, pk, MS_CONFIRMED, 0), RC_OK);

	/* Dates, kind, needs, name: refused; the status again: fine. */
	assert_true(date_parse("2026-12-01", &c.end));
	assert_int_equal(deploy_edit(s, "Quake", &c, today, &after, &warn,
	    &err), RC_REFUSED);
	assert_string_equal(err.msg, "deployment 'Quake' is closed");
	c = no_change();
	c.kind = "flood";
	assert_int_equal(deploy_edit(s, "Quake", &c, today, &after, &warn,
	    &err), RC_REFUSED);
	c = no_change();
	c.name = "Done";
	assert_int_equal(deploy_edit(s, "Quake", &c, today, &after, &warn,
	    &err), RC_REFUSED);
	c = no_change();
	c.end_days = 28;
	assert_int_equal(deploy_edit(s, "Quake", &c, today, &after, &warn,
	    &err), RC_REFUSED);
	c = no_change();
	c.status = "closed";
	assert_int_equal(deploy_edit(s, "Quake", &c, today, &after, &warn,
	    &err), RC_OK);
	deploy_clear(&after);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM deployment WHERE"
	    " name = 'Quake' AND kind <> 'flood' AND end IS NULL"), 1);
	strbuf_free(&warn);
	deploy_clear(&d);
	deploy_clear(&next);
}

/*
 * Another process changes the end after this one read the deployment
 * (to offer its values, as the screen's e does) and before it changes
 * the kind: the end it wrote survives; a length counts from the start as
 * the other left it.
 */
static void
test_edit_keeps_others(void **state)
{
	struct store *s = *state;
	struct strbuf warn = { 0 };
	struct deploy_change c = no_change();
	struct deployment read, after;
	struct error err;
	sqlite3 *other;
	int end;

	deployment(s, "Winter", "2027-01-10", "2027-01-20", NULL, &read);
	assert_int_equal(sqlite3_open(testdb_path(), &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "UPDATE deployment SET end ="
	    " '2027-01-31' WHERE name = 'Winter'", NULL, NULL, NULL),
	    SQLITE_OK);
	c.kind = "flood";
	assert_int_equal(deploy_edit(s, read.name, &c, today, &after, &warn,
	    &err), RC_OK);
	assert_true(date_parse("2027-01-31", &end));
	assert_int_equal(after.end, end);
	deploy_clear(&after);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM deployment WHERE"
	    " kind = 'flood' AND end = '2027-01-31'"), 1);

	assert_int_equal(sqlite3_exec(other, "UPDATE deployment SET start ="
	    " '2027-01-12' WHERE name = 'Winter'", NULL, NULL, NULL),
	    SQLITE_OK);
	c = no_change();
	c.end_days = 7;
	assert_int_equal(deploy_edit(s, read.name, &c, today, &after, &warn,
	    &err), RC_OK);
	deploy_clear(&after);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM deployment WHERE"
	    " start = '2027-01-12' AND end = '2027-01-18'"), 1);
	sqlite3_close(other);
	strbuf_free(&warn);
	deploy_clear(&read);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_test(test_pipeline),
		testdb_test(test_declined_comes_back),
		testdb_test(test_conflict_boundaries),
		testdb_test(test_proposed_is_no_booking),
		testdb_test(test_coverage),
		testdb_test(test_avail_honours_bookings),
		testdb_test(test_create_refusals),
		testdb_test(test_needs_bound),
		testdb_test(test_end_parse),
		testdb_test(test_window_check),
		testdb_test(test_papers),
		testdb_test(test_edit),
		testdb_test(test_edit_warns_news_only),
		testdb_test(test_closed),
		testdb_test(test_edit_keeps_others),
		testdb_test(test_stale_copy),
	};

	today = testdb_today();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

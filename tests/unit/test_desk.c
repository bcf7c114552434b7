/*
 * The call-out desk's model (desk.h): each member's last message and
 * reply, the time to reply, unclear replies first, and the needs counted
 * as confirmed, asked and still open.
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

#include "deploy.h"
#include "desk.h"
#include "testdb.h"

static long long
person(struct store *s, const char *name)
{
	char sql[512];

	snprintf(sql, sizeof sql, "INSERT INTO person(id, family_name, "
	    "given_name, status, notice_days, created, updated) VALUES "
	    "(lower(hex(randomblob(16))), '%s', 'X', 'active', 0, '', '');"
	    "INSERT INTO person_language(person, code, level) VALUES "
	    "(last_insert_rowid(), 'nl', 5)", name);
	testdb_exec(s, sql);
	return testdb_int(s, "SELECT max(pk) FROM person");
}

static void
member(struct store *s, const struct deployment *d, long long pk,
    enum member_status to)
{
	struct strbuf warn = { 0 };
	struct error err;
	size_t added;

	assert_int_equal(deploy_add(s, d, &pk, 1, "", testdb_today(), &warn,
	    &added, &err), RC_OK);
	strbuf_free(&warn);
	if (to != MS_PROPOSED)
		assert_int_equal(deploy_set(s, d, pk, to, 0, &err), RC_OK);
}

static void
test_desk_rows_and_needs(void **state)
{
	struct store *s = *state;
	const char *const needs[] = { "4:lang:nl", NULL };
	struct deployment d;
	struct desk k;
	struct error err;
	char sql[1024];
	long long ann, bob, cas;

	testdb_deploy(s, "Irma", "hurricane", "SX", "2026-12-01", NULL, needs,
	    &d);
	ann = person(s, "Aalders");
	bob = person(s, "Bakker");
	cas = person(s, "Claes");
	member(s, &d, ann, MS_CONFIRMED);
	member(s, &d, bob, MS_CONTACTED);
	member(s, &d, cas, MS_PROPOSED);
	snprintf(sql, sizeof sql, "INSERT INTO callout(deployment, code, wave,"
	    " channel, who, at) VALUES (%lld, 'IRMA1', 'alert', 'email', 'me',"
	    " '2026-11-29T10:00:00Z');"
	    "INSERT INTO callout_message(callout, person, at, result) VALUES"
	    " (1, %lld, '2026-11-29T10:00:00Z', 'sent'),"
	    " (1, %lld, '2026-11-29T10:00:00Z', 'failed');"
	    "INSERT INTO reply(callout, person, at, received, channel, answer,"
	    " text) VALUES (1, %lld, '2026-11-29T10:12:00Z', '', 'email',"
	    " 'yes', 'ja'), (1, %lld, '2026-11-29T12:00:00Z', '', 'sms',"
	    " 'unclear', 'A 3?')", d.pk, ann, bob, ann, bob);
	testdb_exec(s, sql);
	assert_int_equal(desk_load(s, &d, testdb_today(), &k, &err), RC_OK);
	assert_int_equal(k.nmembers, 3);
	assert_int_equal(k.nrows, 3);
	/* Bakker's unclear reply comes first, then the members' order. */
	assert_string_equal(k.rows[0].m->family_name, "Bakker");
	assert_true(k.rows[0].unclear);
	assert_string_equal(k.rows[0].text, "A 3?");
	assert_string_equal(k.rows[0].result, "failed");
	assert_int_equal(k.rows[0].seconds, 2 * 3600);
	assert_string_equal(k.rows[1].m->family_name, "Aalders");
	assert_string_equal(k.rows[1].answer, "yes");
	assert_string_equal(k.rows[1].channel, "email");
	assert_string_equal(k.rows[1].called, "2026-11-29T10:00:00Z");
	assert_int_equal(k.rows[1].seconds, 12 * 60);
	assert_false(k.rows[1].unclear);
	/* Never called: no message, no reply. */
	assert_string_equal(k.rows[2].m->family_name, "Claes");
	assert_string_equal(k.rows[2].called, "");
	assert_int_equal(k.rows[2].seconds, -1);
	assert_int_equal(k.nneeds, 1);
	assert_int_equal(k.needs[0].want, 4);
	assert_int_equal(k.needs[0].confirmed, 1);
	assert_int_equal(k.needs[0].asked, 2);
	assert_int_equal(k.needs[0].open, 1);
	desk_free(&k);
	/* An unclear reply no member was matched to comes first too, after
	 * the members' unclear ones, by its sender. */
	testdb_exec(s, "INSERT INTO reply(callout, at, received, channel,"
	    " answer, note, sender, text) VALUES (1, '2026-11-29T11:00:00Z',"
	    " '', 'email', 'unclear', 'not called', 'x@example.org', 'me?')");
	assert_int_equal(desk_load(s, &d, testdb_today(), &k, &err), RC_OK);
	assert_int_equal(k.nrows, 4);
	assert_string_equal(k.rows[0].m->family_name, "Bakker");
	assert_null(k.rows[1].m);
	assert_true(k.rows[1].unclear);
	assert_string_equal(k.rows[1].sender, "x@example.org");
	assert_string_equal(k.rows[1].text, "me?");
	assert_string_equal(k.rows[1].replied, "2026-11-29T11:00:00Z");
	desk_free(&k);
	testdb_exec(s, "DELETE FROM reply WHERE person IS NULL");
	/* A person's decision stands for the unclear reply. */
	testdb_exec(s, "UPDATE reply SET decided = 'no' WHERE answer = "
	    "'unclear'");
	assert_int_equal(desk_load(s, &d, testdb_today(), &k, &err), RC_OK);
	assert_string_equal(k.rows[0].m->family_name, "Aalders");
	assert_string_equal(k.rows[1].answer, "no");
	assert_false(k.rows[1].unclear);
	desk_free(&k);
	deploy_clear(&d);
}

static void
test_desk_duration(void **state)
{
	char buf[8];

	(void)state;
	desk_duration(45, buf);
	assert_string_equal(buf, "45s");
	desk_duration(12 * 60 + 5, buf);
	assert_string_equal(buf, "12m");
	desk_duration(3 * 3600 + 5 * 60, buf);
	assert_string_equal(buf, "3h05");
	desk_duration(2 * 86400 + 4 * 3600, buf);
	assert_string_equal(buf, "2d04");
	desk_duration(400L * 86400, buf);
	assert_string_equal(buf, "400d");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_test(test_desk_rows_and_needs),
		cmocka_unit_test(test_desk_duration),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

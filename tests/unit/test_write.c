/* The writers of deployments and assignments, and the audit they keep. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "audit.h"
#include "deploy_write.h"
#include "testdb.h"

static void
test_audit_write(void **state)
{
	struct store *s = *state;
	static const struct audit_change email[] = {
		{ "email", "a@old.example", "a@new.example" },
	};
	struct audit_entry given = { "ann", "2026-11-23T09:30:00Z", "person",
	    "0f8fad5b-d9cb-469f-a165-70867728950e", "update", "email", email,
	    1 };
	struct audit_entry defaults = { NULL, NULL, "deployment", "Ida",
	    "close", NULL, NULL, 0 };
	struct error err;
	char who[64], sql[256];

	assert_int_equal(audit_write(s, &given, &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE "
	    "who = 'ann' AND at = '2026-11-23T09:30:00Z' AND entity = 'person'"
	    " AND entity_id = '0f8fad5b-d9cb-469f-a165-70867728950e' AND "
	    "action = 'update' AND fields = 'email'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change c "
	    "JOIN audit a ON a.pk = c.audit WHERE a.who = 'ann' AND c.field = "
	    "'email' AND c.old = 'a@old.example' AND c.new = 'a@new.example'"),
	    1);
	/* Written, never rewritten: only an erase may remove lines. */
	assert_int_not_equal(sqlite3_exec(s->db, "UPDATE audit SET who = 'eve'",
	    NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(s->db, "DELETE FROM audit", NULL,
	    NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(s->db, "UPDATE audit_change SET "
	    "old = ''", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(s->db, "DELETE FROM audit_change",
	    NULL, NULL, NULL), SQLITE_OK);
	s->erasing = 1;
	assert_int_equal(sqlite3_exec(s->db, "DELETE FROM audit WHERE who = "
	    "'ann'", NULL, NULL, NULL), SQLITE_OK);
	s->erasing = 0;
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change"), 0);
	/* Unsaid, who is the OS user, at is now and fields are empty. */
	assert_int_equal(audit_write(s, &defaults, &err), RC_OK);
	audit_user(who, sizeof who);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE who = '%s'"
	    " AND at LIKE '20__-__-__T__:__:__Z' AND entity_id = 'Ida' AND "
	    "action = 'close' AND fields = ''", who);
	assert_int_equal(testdb_int(s, sql), 1);
}

static long long
person(struct store *s)
{
	testdb_exec(s, "INSERT INTO person(id, family_name, given_name, status,"
	    " notice_days, created, updated) VALUES ('0f8fad5b-d9cb-469f-a165-"
	    "70867728950e', 'Ba', 'X', 'active', 0, '', '')");
	return testdb_int(s, "SELECT max(pk) FROM person");
}

static long long
audits(struct store *s, const char *action, const char *fields)
{
	char sql[256];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE entity ="
	    " 'deployment' AND entity_id = 'Ida' AND action = '%s' AND"
	    " fields = '%s'", action, fields);
	return testdb_int(s, sql);
}

/*
 * The values of the newest audit line, by field, as "field:old>new"
 * joined by spaces, "-" for a value that did not exist or no longer
 * does.
 */
static void
values(struct store *s, char *out, size_t len)
{
	sqlite3_stmt *st;

	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT coalesce("
	    "group_concat(v, ' '), '') FROM (SELECT field || ':' ||"
	    " coalesce(old, '-') || '>' || coalesce(new, '-') AS v FROM"
	    " audit_change WHERE audit = (SELECT max(pk) FROM audit)"
	    " ORDER BY field)", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(out, len, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static void
test_deploy_put(void **state)
{
	struct store *s = *state;
	struct deploy_row r = { "Ida", "flood", "ML", "2026-11-23", "",
	    "planning", "2:lang:fr", NULL, NULL };
	struct deploy_writer *w;
	struct error err;
	long long pk;
	char *stored, v[512];

	assert_int_equal(deploy_writer_new(s, &w, &err), RC_OK);
	assert_int_equal(deploy_writer_find(w, "ida", &pk, &stored, &err),
	    RC_REFUSED);
	assert_int_equal(deploy_writer_put(w, &r, "2:lang:fr", &err), RC_OK);
	assert_int_equal(audits(s, "create", "2:lang:fr"), 1);
	/* Created: the values given (an open end is none). */
	values(s, v, sizeof v);
	assert_string_equal(v, "country:->ML kind:->flood name:->Ida "
	    "needs:->2:lang:fr start:->2026-11-23 status:->planning");
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM deployment WHERE"
	    " end IS NULL AND created LIKE '20%Z'"), 1);
	/* The same row again changes nothing and says nothing. */
	assert_int_equal(deploy_writer_put(w, &r, "", &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit"), 1);
	r.name = "IDA";
	r.kind = "hurricane";
	r.end = "2026-12-01";
	assert_int_equal(deploy_writer_put(w, &r, "", &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE"
	    " action = 'update' AND fields = 'name,kind,end'"), 1);
	values(s, v, sizeof v);
	assert_string_equal(v, "end:>2026-12-01 kind:flood>hurricane "
	    "name:Ida>IDA");
	assert_int_equal(deploy_writer_find(w, "ida", &pk, &stored, &err),
	    RC_OK);
	assert_string_equal(stored, "IDA");
	free(stored);
	assert_int_equal(deploy_writer_close(w, pk, "Ida", &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM deployment WHERE"
	    " status = 'closed'"), 1);
	assert_int_equal(audits(s, "close", ""), 1);
	values(s, v, sizeof v);
	assert_string_equal(v, "status:planning>closed");
	assert_int_equal(deploy_writer_rename(w, pk, "IDA", "Ida 2", &err),
	    RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE"
	    " entity_id = 'IDA' AND action = 'rename' AND fields ="
	    " 'name=Ida 2'"), 1);
	values(s, v, sizeof v);
	assert_string_equal(v, "name:IDA>Ida 2");
	deploy_writer_free(w);
}

static void
test_deploy_assign(void **state)
{
	struct store *s = *state;
	struct deploy_row r = { "Ida", "flood", "ML", "2026-11-23", "",
	    "planning", "", NULL, NULL };
	struct assignment_row a = { 0, 0, "Ida",
	    "0f8fad5b-d9cb-469f-a165-70867728950e", "", "proposed", NULL };
	struct deploy_writer *w;
	struct error err;
	char *stored, v[512];
	int added;

	assert_int_equal(deploy_writer_new(s, &w, &err), RC_OK);
	assert_int_equal(deploy_writer_put(w, &r, "", &err), RC_OK);
	assert_int_equal(deploy_writer_find(w, "Ida", &a.deployment, &stored,
	    &err), RC_OK);
	free(stored);
	a.person = person(s);
	assert_int_equal(deploy_writer_assign(w, &a, 0, &added, &err), RC_OK);
	assert_true(added);
	assert_int_equal(audits(s, "add", "person=0f8fad5b-d9cb-469f-a165-"
	    "70867728950e"), 1);
	/* Added: who, and their status (no role, no history given). */
	values(s, v, sizeof v);
	assert_string_equal(v, "person:->0f8fad5b-d9cb-469f-a165-"
	    "70867728950e status:->proposed");
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM "
	    "assignment_history WHERE status = 'proposed' AND at LIKE '20%Z'"),
	    1);
	/* Someone already on it is left as they are when asked. */
	a.role = "lead";
	assert_int_equal(deploy_writer_assign(w, &a, ASSIGN_NEW_ONLY, &added,
	    &err), RC_OK);
	assert_false(added);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM assignment WHERE"
	    " role = ''"), 1);
	/* A history given replaces the one kept. */
	a.status = "confirmed";
	a.history = "proposed@2026-11-20T09:00:00Z;"
	    "confirmed@2026-11-21T08:30:00Z";
	assert_int_equal(deploy_writer_assign(w, &a, 0, &added, &err), RC_OK);
	assert_int_equal(audits(s, "update", "person=0f8fad5b-d9cb-469f-a165-"
	    "70867728950e changed=role,status,history"), 1);
	/* Updated: each changed column, the history kept by the add (set
	 * when it was written) as the old one. */
	values(s, v, sizeof v);
	assert_non_null(strstr(v, " role:>lead status:proposed>confirmed"));
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change"
	    " WHERE field = 'history' AND old LIKE 'proposed@20%Z' AND new ="
	    " 'proposed@2026-11-20T09:00:00Z;confirmed@2026-11-21T08:30:00Z'"),
	    1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM "
	    "assignment_history"), 2);
	assert_int_equal(deploy_writer_set(w, testdb_int(s, "SELECT pk FROM "
	    "assignment"), "Ida", "deployed", "person=x status=deployed", &err),
	    RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM assignment WHERE"
	    " status = 'deployed'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM "
	    "assignment_history"), 3);
	assert_int_equal(audits(s, "set", "person=x status=deployed"), 1);
	/* Set: the status it had, read in the write, and the new one. */
	values(s, v, sizeof v);
	assert_string_equal(v, "status:confirmed>deployed");
	assert_int_equal(deploy_writer_remove(w, a.deployment, a.person, "Ida",
	    a.person_id, &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM "
	    "assignment_history"), 0);
	/* Removed: who, and the last status they had there. */
	assert_int_equal(audits(s, "remove", "person=0f8fad5b-d9cb-469f-a165-"
	    "70867728950e"), 1);
	values(s, v, sizeof v);
	assert_string_equal(v, "person:0f8fad5b-d9cb-469f-a165-70867728950e>- "
	    "status:deployed>-");
	assert_int_equal(deploy_writer_remove(w, a.deployment, a.person, "Ida",
	    a.person_id, &err), RC_REFUSED);
	assert_string_equal(err.msg, "0f8fad5b-d9cb-469f-a165-70867728950e is "
	    "not on the list of 'Ida'");
	deploy_writer_free(w);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_test(test_audit_write),
		testdb_test(test_deploy_put),
		testdb_test(test_deploy_assign),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

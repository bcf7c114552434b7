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
#include "testdb.h"

static int
setup(void **state)
{
	*state = testdb_open();
	return 0;
}

static int
teardown(void **state)
{
	testdb_close(*state);
	return 0;
}

static void
test_audit_write(void **state)
{
	struct store *s = *state;
	struct audit_entry given = { "ann", "2026-11-23T09:30:00Z", "person",
	    "0f8fad5b-d9cb-469f-a165-70867728950e", "update", "email" };
	struct audit_entry defaults = { NULL, NULL, "deployment", "Ida",
	    "close", NULL };
	struct error err;
	char who[64], sql[256];

	assert_int_equal(audit_write(s, &given, &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE "
	    "who = 'ann' AND at = '2026-11-23T09:30:00Z' AND entity = 'person'"
	    " AND entity_id = '0f8fad5b-d9cb-469f-a165-70867728950e' AND "
	    "action = 'update' AND fields = 'email'"), 1);
	/* Unsaid, who is the OS user, at is now and fields are empty. */
	assert_int_equal(audit_write(s, &defaults, &err), RC_OK);
	audit_user(who, sizeof who);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE who = '%s'"
	    " AND at LIKE '20__-__-__T__:__:__Z' AND entity_id = 'Ida' AND "
	    "action = 'close' AND fields = ''", who);
	assert_int_equal(testdb_int(s, sql), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_audit_write, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

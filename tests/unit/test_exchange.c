/*
 * The stage (exchange.h): a pool's records by id, all of them or those
 * changed after a mark, and the description that shows a stage cut short.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "exchange.h"
#include "testdb.h"

#define ANNA	"0f8fad5b-d9cb-469f-a165-70867728950e"
#define BERT	"9e1f0c3a-5b7d-4e2a-8c6f-1a2b3c4d5e6f"

static const char people[] = "id,family_name,given_name,languages,themes\n"
    ANNA ",de Wit,Anna,fr:B2;en:C1,drugs\n"
    BERT ",Jansen,Bert,,\n";

static long long
stage_int(sqlite3 *stage, const char *sql)
{
	sqlite3_stmt *st;
	long long v;

	assert_int_equal(sqlite3_prepare_v2(stage, sql, -1, &st, NULL),
	    SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void
test_fill_all(void **state)
{
	struct store *s = *state;
	struct exchange_meta m;
	struct error err;
	sqlite3 *stage;

	testdb_import(s, people, NULL);
	assert_int_equal(exchange_stage_open(&stage, &err), RC_OK);
	assert_int_equal(exchange_fill(s, stage, 0, &err), RC_OK);
	assert_int_equal(stage_int(stage, "SELECT count(*) FROM x_person"), 2);
	assert_int_equal(stage_int(stage, "SELECT languages = 'en:C1;fr:B2'"
	    " AND themes = 'drugs' FROM x_person WHERE id = '" ANNA "'"), 1);
	assert_int_equal(exchange_meta_read(stage, &m, &err), RC_OK);
	assert_string_equal(m.format, EXCHANGE_FORMAT);
	assert_int_equal(m.schema, store_schema_version());
	assert_int_equal(m.since, 0);
	assert_int_equal(m.until, testdb_int(s, "SELECT n FROM change_counter"));
	assert_int_equal(strlen(m.pool_id), 36);
	sqlite3_close(stage);
}

/* Only what changed after the mark, whichever table the change was in. */
static void
test_fill_since(void **state)
{
	struct store *s = *state;
	struct error err;
	sqlite3 *stage;
	long long mark;

	testdb_import(s, people, NULL);
	mark = testdb_int(s, "SELECT n FROM change_counter");
	testdb_import(s, "id,family_name,given_name\n" BERT ",Jansen,Bert\n",
	    "person_id,mission,country,start,end,role,"
	    "themes\n" BERT ",EULEX Kosovo,XK,2019-03-01,2019-09-30,,\n");
	assert_int_equal(exchange_stage_open(&stage, &err), RC_OK);
	assert_int_equal(exchange_fill(s, stage, mark, &err), RC_OK);
	assert_int_equal(stage_int(stage, "SELECT count(*) FROM x_person"), 1);
	assert_int_equal(stage_int(stage, "SELECT count(*) FROM x_person"
	    " WHERE id = '" BERT "'"), 1);
	assert_int_equal(stage_int(stage, "SELECT count(*) FROM x_service"), 1);
	sqlite3_close(stage);
	/* Nothing after the last change; past it is a mistake. */
	assert_int_equal(exchange_stage_open(&stage, &err), RC_OK);
	assert_int_equal(exchange_fill(s, stage, mark + 1, &err), RC_OK);
	assert_int_equal(stage_int(stage, "SELECT count(*) FROM x_person"), 0);
	sqlite3_close(stage);
	assert_int_equal(exchange_stage_open(&stage, &err), RC_OK);
	assert_int_equal(exchange_fill(s, stage, mark + 2, &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "changes go up to"));
	sqlite3_close(stage);
}

/* A transaction that wrote nothing is not a change. */
static void
test_counter_quiet(void **state)
{
	struct store *s = *state;
	struct error err;
	long long before;

	before = testdb_int(s, "SELECT n FROM change_counter");
	assert_int_equal(store_begin(s, &err), RC_OK);
	assert_int_equal(store_commit(s, &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT n FROM change_counter"), before);
	testdb_import(s, people, NULL);
	assert_int_equal(testdb_int(s, "SELECT n FROM change_counter"),
	    before + 1);
}

static void
test_meta_damaged(void **state)
{
	struct store *s = *state;
	struct exchange_meta m;
	struct error err;
	sqlite3 *stage;

	testdb_import(s, people, NULL);
	assert_int_equal(exchange_stage_open(&stage, &err), RC_OK);
	assert_int_equal(exchange_meta_read(stage, &m, &err), RC_INPUT);
	assert_string_equal(err.msg, "not a roster changeset");
	assert_int_equal(exchange_fill(s, stage, 0, &err), RC_OK);
	sqlite3_exec(stage, "DELETE FROM x_person WHERE id = '" BERT "'",
	    NULL, NULL, NULL);
	assert_int_equal(exchange_meta_read(stage, &m, &err), RC_INPUT);
	assert_string_equal(err.msg, "cut short: 1 of 2 people");
	sqlite3_exec(stage, "DELETE FROM x_meta WHERE key = 'until'",
	    NULL, NULL, NULL);
	assert_int_equal(exchange_meta_read(stage, &m, &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "incomplete"));
	sqlite3_close(stage);
}

/* A time no roster writes would win every later merge: refused. */
static void
test_meta_times(void **state)
{
	struct store *s = *state;
	struct exchange_meta m;
	struct error err;
	sqlite3 *stage;

	testdb_import(s, people, NULL);
	assert_int_equal(exchange_stage_open(&stage, &err), RC_OK);
	assert_int_equal(exchange_fill(s, stage, 0, &err), RC_OK);
	assert_int_equal(exchange_meta_read(stage, &m, &err), RC_OK);
	sqlite3_exec(stage, "UPDATE x_person SET updated = 'zzz' WHERE id = '"
	    BERT "'", NULL, NULL, NULL);
	assert_int_equal(exchange_meta_read(stage, &m, &err), RC_INPUT);
	assert_string_equal(err.msg, "damaged: a time of its people is not "
	    "YYYY-MM-DDTHH:MM:SSZ");
	sqlite3_close(stage);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fill_all, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_fill_since, testdb_setup,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_counter_quiet,
		    testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_meta_damaged,
		    testdb_setup, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_meta_times,
		    testdb_setup, testdb_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

/* The database file: private modes, pragmas, schema versions. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "store.h"
#include "testdb.h"

static int
mode_of(const char *path)
{
	struct stat sb;

	if (stat(path, &sb) == -1)
		fail_msg("%s does not exist", path);
	return (int)(sb.st_mode & 0777);
}

static void
test_private_files(void **state)
{
	struct store *s;
	char path[256];

	(void)state;
	umask(022);
	s = testdb_open();
	/* A write, so the -wal file has content while the connection lives. */
	testdb_exec(s, "INSERT INTO audit(who, at, entity, entity_id, action) "
	    "VALUES ('t', 't', 't', 't', 't')");
	assert_int_equal(mode_of(testdb_path()), 0600);
	snprintf(path, sizeof path, "%s-wal", testdb_path());
	assert_int_equal(mode_of(path), 0600);
	snprintf(path, sizeof path, "%s-shm", testdb_path());
	assert_int_equal(mode_of(path), 0600);
	testdb_close(s);
}

static void
test_pragmas(void **state)
{
	struct store *s;

	(void)state;
	s = testdb_open();
	assert_int_equal(testdb_int(s, "PRAGMA foreign_keys"), 1);
	assert_int_equal(testdb_int(s, "PRAGMA application_id"),
	    STORE_APPLICATION_ID);
	assert_int_equal(testdb_int(s, "PRAGMA user_version"),
	    store_schema_version());
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM pragma_journal_mode "
	    "WHERE journal_mode = 'wal'"), 1);
	assert_true(testdb_int(s, "SELECT count(*) FROM country") > 240);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM country "
	    "WHERE code = 'XK' AND name = 'Kosovo'"), 1);
	assert_true(testdb_int(s, "SELECT count(*) FROM language") > 180);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM theme WHERE slug "
	    "IN ('organised-crime', 'disaster-victim-identification', "
	    "'gender-and-protection', 'border-management')"), 4);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM skill WHERE slug "
	    "IN ('4x4-driving', 'first-aid', 'interviewing')"), 3);
	assert_true(testdb_int(s, "SELECT count(*) FROM mission_catalogue") >=
	    40);
	/* Foreign keys are enforced, not just declared. */
	assert_int_not_equal(sqlite3_exec(s->db, "INSERT INTO person_language"
	    "(person, code, level) VALUES (12345, 'fr', 1)", NULL, NULL, NULL),
	    SQLITE_OK);
	testdb_close(s);
}

static void
test_versions(void **state)
{
	struct store *s, *again = NULL;
	struct error err;
	char path[256];
	sqlite3 *db;

	(void)state;
	s = testdb_open();
	snprintf(path, sizeof path, "%s", testdb_path());
	testdb_exec(s, "PRAGMA user_version = 99");
	store_close(s);
	assert_int_equal(store_open(&again, path, 0, &err), RC_DB);
	assert_null(again);
	assert_non_null(strstr(err.msg, "database schema version 99 is newer "
	    "than this roster understands"));
	/* Someone else's SQLite file is not taken over. */
	assert_int_equal(store_open(&again, path, STORE_READ_ONLY, &err),
	    RC_DB);
	assert_int_equal(store_open(&s, path, STORE_CREATE |
	    STORE_EXCLUSIVE_NEW, &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "file exists"));
	assert_null(s);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	sqlite3_exec(db, "PRAGMA application_id = 42; PRAGMA user_version "
	    "= 1", NULL, NULL, NULL);
	sqlite3_close(db);
	assert_int_equal(store_open(&again, path, 0, &err), RC_DB);
	assert_non_null(strstr(err.msg, "not a roster database"));
	remove(path);
}

static void
test_missing(void **state)
{
	struct store *s = NULL;
	struct error err;

	(void)state;
	assert_int_equal(store_open(&s, "/nonexistent/dir/x.db", 0, &err),
	    RC_DB);
	assert_null(s);
	assert_non_null(strstr(err.msg, "no such database"));
}

static long long
generation(struct store *s)
{
	struct error err;
	long long gen = -1;

	if (store_generation(s, &gen, &err) != RC_OK)
		fail_msg("store_generation: %s", err.msg);
	return gen;
}

/* Caches trust this number: any write, ours or another's, must move it. */
static void
test_generation(void **state)
{
	struct store *s, *other;
	struct error err;
	long long g;

	(void)state;
	s = testdb_open();
	g = generation(s);
	assert_int_equal(generation(s), g);
	testdb_exec(s, "INSERT INTO audit(who, at, entity, entity_id, action) "
	    "VALUES ('t', 't', 't', 't', 't')");
	assert_true(generation(s) > g);
	g = generation(s);
	assert_int_equal(generation(s), g);
	assert_int_equal(store_open(&other, testdb_path(), 0, &err), RC_OK);
	assert_int_equal(store_exec(other, "INSERT INTO audit(who, at, entity, "
	    "entity_id, action) VALUES ('u', 'u', 'u', 'u', 'u')", &err),
	    RC_OK);
	store_close(other);
	assert_true(generation(s) > g);
	testdb_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_private_files),
		cmocka_unit_test(test_pragmas),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_generation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

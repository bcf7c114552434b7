/* The database file: private modes, pragmas, schema versions, and the SQL
 * functions every connection has. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>

#include "bitmap.h"
#include "date.h"
#include "deploy.h"
#include "sqlfunc.h"
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

/* An empty file one made oneself (at umask 022) becomes a private pool:
 * SQLite gives the -wal and -shm files the main file's mode. */
static void
test_adopt_empty(void **state)
{
	struct store *s = NULL;
	struct error err;
	const char *db;
	char path[512];

	(void)state;
	umask(022);
	db = testdb_file(0, "adopt.db", "");
	assert_int_equal(mode_of(db), 0644);
	if (store_open(&s, db, STORE_CREATE, &err) != RC_OK)
		fail_msg("store_open: %s", err.msg);
	testdb_exec(s, "INSERT INTO audit(who, at, entity, entity_id, action) "
	    "VALUES ('t', 't', 't', 't', 't')");
	assert_int_equal(mode_of(db), 0600);
	snprintf(path, sizeof path, "%s-wal", db);
	assert_int_equal(mode_of(path), 0600);
	snprintf(path, sizeof path, "%s-shm", db);
	assert_int_equal(mode_of(path), 0600);
	store_close(s);
	remove(db);
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

/*
 * A database of schema version 1 is upgraded on opening: the theme and
 * skill abbreviations appear and the words index is rebuilt with names
 * transliterated (version 1 indexed them as written).
 */
static void
test_upgrade(void **state)
{
	struct store *s;
	struct error err;
	char path[256];
	int today = testdb_today();

	(void)state;
	s = testdb_open();
	snprintf(path, sizeof path, "%s", testdb_path());
	testdb_import(s, "family_name,given_name,themes\n"
	    "Weiß,Anna,disaster-victim-identification\n", NULL);
	testdb_exec(s, "DROP TRIGGER term_person_insert; DROP TRIGGER "
	    "term_person_update; DROP TRIGGER term_person_delete; DROP "
	    "TRIGGER term_language_insert; DROP TRIGGER "
	    "term_language_update; DROP TRIGGER term_language_delete; "
	    "DROP TRIGGER term_theme_insert; DROP TRIGGER "
	    "term_theme_update; DROP TRIGGER term_theme_delete; DROP "
	    "TRIGGER term_service_theme_insert; DROP TRIGGER "
	    "term_service_theme_update; DROP TRIGGER "
	    "term_service_theme_delete; DROP TRIGGER term_skill_insert; "
	    "DROP TRIGGER term_skill_update; DROP TRIGGER "
	    "term_skill_delete; DROP TRIGGER term_service_insert; DROP "
	    "TRIGGER term_service_update; DROP TRIGGER "
	    "term_service_delete; DROP TRIGGER term_dates_insert; DROP "
	    "TRIGGER term_dates_update; DROP TRIGGER term_dates_delete; "
	    "DROP TRIGGER term_window_insert; DROP TRIGGER "
	    "term_window_update; DROP TRIGGER term_window_delete; "
	    "DROP TABLE term; DROP TABLE "
	    "term_dirty; DROP TABLE term_state");
	testdb_exec(s, "DROP TRIGGER deployment_made; DROP TRIGGER "
	    "deployment_touched; DROP TRIGGER erased_seq; DROP TRIGGER "
	    "person_alias_seq; DROP TRIGGER person_changed_insert; DROP "
	    "TRIGGER person_changed_update; DROP TRIGGER "
	    "person_language_changed_insert; DROP TRIGGER "
	    "person_language_changed_update; DROP TRIGGER "
	    "person_language_changed_delete; DROP TRIGGER "
	    "person_theme_changed_insert; DROP TRIGGER "
	    "person_theme_changed_update; DROP TRIGGER "
	    "person_theme_changed_delete; DROP TRIGGER "
	    "person_skill_changed_insert; DROP TRIGGER "
	    "person_skill_changed_update; DROP TRIGGER "
	    "person_skill_changed_delete; DROP TRIGGER "
	    "service_changed_insert; DROP TRIGGER service_changed_update;"
	    " DROP TRIGGER service_changed_delete; DROP TRIGGER "
	    "unavailability_changed_insert; DROP TRIGGER "
	    "unavailability_changed_update; DROP TRIGGER "
	    "unavailability_changed_delete; DROP TRIGGER "
	    "deployment_changed_insert; DROP TRIGGER "
	    "deployment_changed_update; DROP TRIGGER "
	    "assignment_changed_insert; DROP TRIGGER "
	    "assignment_changed_update; DROP TRIGGER "
	    "assignment_changed_delete; DROP TRIGGER "
	    "assignment_touched_insert; DROP TRIGGER "
	    "assignment_touched_update; DROP TRIGGER "
	    "assignment_touched_delete; DROP TABLE person_alias; DROP "
	    "TABLE not_same; DROP TABLE pool; DROP TABLE change_counter; "
	    "DROP TABLE changed; DROP INDEX person_origin; DROP INDEX "
	    "deployment_id; ALTER TABLE person DROP COLUMN origin; ALTER "
	    "TABLE deployment DROP COLUMN origin; ALTER TABLE deployment "
	    "DROP COLUMN id; ALTER TABLE deployment DROP COLUMN updated");
	testdb_exec(s, "DROP TABLE reply; DROP TABLE callout_message; "
	    "DROP TABLE callout");
	testdb_exec(s, "DROP TABLE audit_change; DROP TABLE erased; "
	    "DROP TABLE setting; DROP INDEX audit_at; DROP TRIGGER "
	    "audit_no_update; DROP TRIGGER audit_no_delete; DROP INDEX "
	    "person_dnc; DROP INDEX person_reviewed; ALTER TABLE person DROP "
	    "COLUMN dnc; ALTER TABLE person DROP COLUMN dnc_until; ALTER TABLE "
	    "person DROP COLUMN reviewed");
	testdb_exec(s, "DROP TABLE theme_alias; DROP TABLE skill_alias; "
	    "DELETE FROM person_fts; INSERT INTO person_fts(rowid, names) "
	    "SELECT pk, given_name || ' ' || family_name FROM person; "
	    "PRAGMA user_version = 1");
	assert_int_equal(testdb_count(s, "weiss", today), 0);
	store_close(s);
	/* Read-only cannot upgrade, and says what to do instead. */
	assert_int_equal(store_open(&s, path, STORE_READ_ONLY, &err), RC_DB);
	assert_null(s);
	assert_true(strncmp(err.msg, path, strlen(path)) == 0);
	assert_string_equal(err.msg + strlen(path), ": made by an older "
	    "roster; open it once without --read-only (or ask its owner to) "
	    "to upgrade it");
	assert_int_equal(store_open(&s, path, 0, &err), RC_OK);
	assert_int_equal(testdb_int(s, "PRAGMA user_version"),
	    store_schema_version());
	assert_int_equal(testdb_count(s, "weiss", today), 1);
	assert_int_equal(testdb_count(s, "weiß", today), 1);
	assert_int_equal(testdb_count(s, "theme:DVI", today), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM "
	    "pragma_table_info('person') WHERE name IN ('dnc', 'dnc_until', "
	    "'reviewed')"), 3);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person WHERE "
	    "dnc = '' AND dnc_until IS NULL AND reviewed IS NULL"), 1);
	store_close(s);
	assert_int_equal(store_open(&s, path, STORE_READ_ONLY, &err), RC_OK);
	testdb_close(s);
}

/* The bytes of a file, which must exist and be under 64 KB. */
static size_t
slurp(const char *path, char *buf, size_t size)
{
	FILE *f;
	size_t n;

	if ((f = fopen(path, "rb")) == NULL)
		fail_msg("%s does not exist", path);
	n = fread(buf, 1, size, f);
	fclose(f);
	assert_true(n < size);
	return n;
}

static int
exists(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0;
}

/*
 * Another program's SQLite file (default application_id and user_version)
 * is refused by every kind of command and left byte for byte as it was;
 * an empty file becomes a roster database only for a command that may
 * create one.
 */
static void
test_foreign(void **state)
{
	static const int flags[] = { 0, STORE_CREATE, STORE_READ_ONLY };
	static char before[65536], after[65536];
	struct store *s = NULL;
	struct error err;
	char path[256], wal[272];
	size_t i, n;
	sqlite3 *db;

	(void)state;
	snprintf(path, sizeof path, "%s", testdb_file(0, "places.sqlite", ""));
	snprintf(wal, sizeof wal, "%s-wal", path);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE moz(x); INSERT INTO moz "
	    "VALUES (1)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	n = slurp(path, before, sizeof before);
	for (i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		assert_int_equal(store_open(&s, path, flags[i], &err), RC_DB);
		assert_null(s);
		assert_non_null(strstr(err.msg, "places.sqlite: not a roster "
		    "database (it holds other tables)"));
		assert_int_equal(slurp(path, after, sizeof after), n);
		assert_memory_equal(before, after, n);
		assert_false(exists(wal));
	}

	snprintf(path, sizeof path, "%s", testdb_file(1, "empty.sqlite", ""));
	assert_int_equal(store_open(&s, path, 0, &err), RC_DB);
	assert_non_null(strstr(err.msg, "not a roster database yet"));
	assert_int_equal(store_open(&s, path, STORE_READ_ONLY, &err), RC_DB);
	assert_int_equal(slurp(path, after, sizeof after), 0);
	assert_int_equal(store_open(&s, path, STORE_CREATE, &err), RC_OK);
	assert_int_equal(testdb_int(s, "PRAGMA application_id"),
	    STORE_APPLICATION_ID);
	store_close(s);
}

/*
 * A full disk, made by max_page_count: "disk full" and the file, not "disk
 * I/O error", status 3, and the deployment that did not fit is not there.
 */
static void
test_disk_full(void **state)
{
	struct store *s;
	struct deployment d;
	struct error err;
	char name[32], want[320];
	long long before;
	int i, rc = RC_OK;

	(void)state;
	s = testdb_open();
	/* It cannot go below the pages in use: the file may not grow. */
	testdb_exec(s, "PRAGMA max_page_count = 1");
	memset(&d, 0, sizeof d);
	d.name = name;
	d.kind = (char *)"flood";
	snprintf(d.country, sizeof d.country, "NE");
	assert_true(date_parse("2026-12-01", &d.start));
	d.end = DEPLOY_OPEN;
	for (i = 0; i < 10000 && rc == RC_OK; i++) {
		before = testdb_int(s, "SELECT count(*) FROM deployment");
		snprintf(name, sizeof name, "Deployment %d", i);
		rc = deploy_create(s, &d, &err);
	}
	assert_int_equal(rc, RC_DB);
	snprintf(want, sizeof want, "disk full: %s (free some space and try "
	    "again)", testdb_path());
	assert_string_equal(err.msg, want);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM deployment"),
	    before);
	testdb_close(s);
}

/* How many times the file holds needle; a missing file holds nothing. */
static int
file_count(const char *path, const char *needle)
{
	struct stat sb;
	char *buf, *p;
	FILE *f;
	int found = 0;

	if ((f = fopen(path, "rb")) == NULL)
		return 0;
	assert_int_equal(fstat(fileno(f), &sb), 0);
	buf = test_malloc((size_t)sb.st_size + 1);
	assert_int_equal(fread(buf, 1, (size_t)sb.st_size, f),
	    (size_t)sb.st_size);
	fclose(f);
	for (p = buf; (p = memmem(p, (size_t)(buf + sb.st_size - p), needle,
	    strlen(needle))) != NULL; p++)
		found++;
	test_free(buf);
	return found;
}

static int
file_holds(const char *path, const char *needle)
{
	return file_count(path, needle) > 0;
}

static void
assert_forgotten(const char *path, const char *name)
{
	char wal[272];

	snprintf(wal, sizeof wal, "%s-wal", path);
	if (file_holds(path, name) || file_holds(wal, name))
		fail_msg("'%s' is still in %s or its -wal", name, path);
}

/*
 * The audit keeps each changed field's old and new value until the
 * person is erased: the only copies of name left are the audit's.
 */
static void
assert_only_audited(struct store *s, const char *path, const char *name)
{
	char wal[272], sql[256];
	long long kept;

	snprintf(wal, sizeof wal, "%s-wal", path);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit_change WHERE "
	    "old = '%s' OR new = '%s'", name, name);
	kept = testdb_int(s, sql);
	assert_true(kept > 0);
	if (file_count(path, name) + file_count(wal, name) > kept)
		fail_msg("'%s' is still in %s or its -wal outside the audit",
		    name, path);
}

/*
 * A name replaced by import leaves no trace in the file or its -wal, in
 * the table, its indexes or the words index (which holds it folded),
 * while another connection keeps the -wal from being removed.
 */
static void
test_scrub(void **state)
{
	struct store *s, *other;
	struct error err;
	char path[256], wal[272];

	(void)state;
	s = testdb_fixture();
	snprintf(path, sizeof path, "%s", testdb_path());
	assert_int_equal(store_open(&other, path, 0, &err), RC_OK);
	assert_int_equal(testdb_int(other, "SELECT count(*) FROM person"), 5);
	testdb_import(s, "id,family_name,given_name,notes\n"
	    "99999999-9999-4999-8999-999999999999,Zyxwvutsrq,Qponmlkj,"
	    "Xwvutsrqpo\n", NULL);
	assert_int_equal(testdb_count(s, "zyxwvutsrq", testdb_today()), 1);
	/* The check can see it: it is there before. */
	snprintf(wal, sizeof wal, "%s-wal", path);
	assert_true(file_holds(path, "Zyxwvutsrq") ||
	    file_holds(wal, "Zyxwvutsrq"));
	testdb_import(s, "id,family_name,given_name,notes\n"
	    "99999999-9999-4999-8999-999999999999,Visser,Els,\n", NULL);
	assert_int_equal(testdb_count(s, "zyxwvutsrq", testdb_today()), 0);
	assert_int_equal(testdb_count(s, "visser", testdb_today()), 1);
	store_close(s);
	assert_only_audited(other, path, "Zyxwvutsrq");
	assert_forgotten(path, "zyxwvutsrq");
	assert_only_audited(other, path, "Qponmlkj");
	assert_forgotten(path, "qponmlkj");
	assert_only_audited(other, path, "Xwvutsrqpo");
	assert_forgotten(path, "xwvutsrqpo");
	testdb_close(other);
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
	testdb_write(s, "INSERT INTO audit(who, at, entity, entity_id, action) "
	    "VALUES ('t', 't', 't', 't', 't')");
	assert_true(generation(s) > g);
	g = generation(s);
	assert_int_equal(generation(s), g);
	assert_int_equal(store_open(&other, testdb_path(), 0, &err), RC_OK);
	testdb_write(other, "INSERT INTO audit(who, at, entity, entity_id, "
	    "action) VALUES ('u', 'u', 'u', 'u', 'u')");
	store_close(other);
	assert_true(generation(s) > g);
	/*
	 * Search keeps its scratch rows in temporary tables: writing them is
	 * no change, or the screen would reload itself for ever.
	 */
	g = generation(s);
	testdb_exec(s, "CREATE TEMP TABLE scratch(x); "
	    "INSERT INTO temp.scratch VALUES (1); DELETE FROM temp.scratch");
	assert_int_equal(generation(s), g);
	testdb_close(s);
}

/* Steps st to the end; its first column of the last row, or -1. */
static long long
run(sqlite3_stmt *st)
{
	long long v = -1;
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		v = sqlite3_column_type(st, 0) == SQLITE_NULL ? -1 :
		    sqlite3_column_int64(st, 0);
	assert_int_equal(rc, SQLITE_DONE);
	sqlite3_reset(st);
	return v;
}

/* Registered once by store_open, each with its own bound target. */
static void
test_sql_functions(void **state)
{
	struct store *s;
	struct bitmap a, b;
	struct pkmax k;
	uint16_t v[4] = { 0, 0, 0, 0 };
	sqlite3_stmt *st;
	const unsigned char *t;

	(void)state;
	s = testdb_open();
	bitmap_init(&a, 10);
	bitmap_init(&b, 10);
	assert_int_equal(sqlite3_prepare_v2(s->db, "WITH RECURSIVE n(x) AS "
	    "(SELECT ?2 UNION ALL SELECT x + 1 FROM n WHERE x < ?3) "
	    "SELECT bitmap_add(?1, x) FROM n", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_pointer(st, 1, &a, SQLFUNC_BITMAP, NULL);
	sqlite3_bind_int(st, 2, 2);
	sqlite3_bind_int(st, 3, 4);
	run(st);
	sqlite3_bind_pointer(st, 1, &b, SQLFUNC_BITMAP, NULL);
	sqlite3_bind_int(st, 2, 7);
	sqlite3_bind_int(st, 3, 7);
	run(st);
	/* A pointer of another type is no bitmap. */
	sqlite3_bind_pointer(st, 1, &a, SQLFUNC_PKMAX, NULL);
	sqlite3_bind_int(st, 2, 9);
	sqlite3_bind_int(st, 3, 9);
	run(st);
	sqlite3_finalize(st);
	assert_int_equal(bitmap_popcount(&a), 3);
	assert_true(bitmap_get(&a, 2) && bitmap_get(&a, 4));
	assert_int_equal(bitmap_popcount(&b), 1);
	assert_true(bitmap_get(&b, 7));

	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT bitmap_has(?, ?)",
	    -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_pointer(st, 1, &a, SQLFUNC_BITMAP, NULL);
	sqlite3_bind_int(st, 2, 3);
	assert_int_equal(run(st), 1);
	sqlite3_bind_int(st, 2, 7);
	assert_int_equal(run(st), 0);
	sqlite3_bind_null(st, 1);
	sqlite3_bind_int(st, 2, 3);
	assert_int_equal(run(st), 0);
	sqlite3_finalize(st);

	k.v = v;
	k.n = 3;
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT pkmax_put(?, "
	    "column1, column2) FROM (VALUES (0, 5), (0, 3), (1, -4), "
	    "(2, 70000), (3, 9), (-1, 9))", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_pointer(st, 1, &k, SQLFUNC_PKMAX, NULL);
	assert_int_equal(run(st), -1);
	sqlite3_finalize(st);
	assert_int_equal(v[0], 5);
	assert_int_equal(v[1], 0);
	assert_int_equal(v[2], UINT16_MAX);
	assert_int_equal(v[3], 0);	/* past n */

	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT fold(?)", -1, &st,
	    NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, "Παπαδόπουλος Ϊ", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	t = sqlite3_column_text(st, 0);
	assert_string_equal((const char *)t, "Papadopoulos I");
	sqlite3_finalize(st);

	/* The index holds the other spellings after the text. */
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT fold_index(?)", -1,
	    &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, "Сергій Шевченко, Weiß", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	t = sqlite3_column_text(st, 0);
	assert_string_equal((const char *)t, "Sergij Sevcenko, Weiss Serhiy "
	    "Sergiy Shevchenko,");
	sqlite3_finalize(st);

	/* Not for the schema: a view may not call them. */
	assert_int_not_equal(sqlite3_exec(s->db, "CREATE VIEW v AS SELECT "
	    "bitmap_has(NULL, pk) FROM person; SELECT * FROM v", NULL, NULL,
	    NULL), SQLITE_OK);
	bitmap_free(&a);
	bitmap_free(&b);
	testdb_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_private_files),
		cmocka_unit_test(test_adopt_empty),
		cmocka_unit_test(test_pragmas),
		cmocka_unit_test(test_versions),
		cmocka_unit_test(test_upgrade),
		cmocka_unit_test(test_foreign),
		cmocka_unit_test(test_disk_full),
		cmocka_unit_test(test_scrub),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_generation),
		cmocka_unit_test(test_sql_functions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

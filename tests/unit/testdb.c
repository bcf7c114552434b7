#include <sys/stat.h>

#include <ftw.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "date.h"
#include "deploy.h"
#include "filter.h"
#include "import.h"
#include "search.h"
#include "fixture.h"
#include "testdb.h"

static char dir[64];
static char db_path[128];
static char files[8][192];

static int
remove_entry(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

/* The test's files hold nothing worth keeping once it has run. */
static void
remove_dir(void)
{
	nftw(dir, remove_entry, 8, FTW_DEPTH | FTW_PHYS);
}

static void
make_dir(void)
{
	if (dir[0] != '\0')
		return;
	snprintf(dir, sizeof dir, "/tmp/roster-test-XXXXXX");
	assert_non_null(mkdtemp(dir));
	atexit(remove_dir);
}

struct store *
testdb_open(void)
{
	static int n;
	struct store *s;
	struct error err;
	int rc;

	make_dir();
	snprintf(db_path, sizeof db_path, "%s/db%d.sqlite", dir, n++);
	rc = store_open(&s, db_path, STORE_CREATE | STORE_EXCLUSIVE_NEW, &err);
	if (rc != RC_OK)
		fail_msg("store_open: %s", err.msg);
	return s;
}

const char *
testdb_path(void)
{
	return db_path;
}

void
testdb_close(struct store *s)
{
	char db[160], path[176];

	/* Its own files: another database may have been opened since. */
	snprintf(db, sizeof db, "%s", sqlite3_db_filename(s->db, "main"));
	store_close(s);
	unlink(db);
	snprintf(path, sizeof path, "%s-wal", db);
	unlink(path);
	snprintf(path, sizeof path, "%s-shm", db);
	unlink(path);
}

int
testdb_today(void)
{
	int day;

	assert_true(date_parse(FIXTURE_TODAY, &day));
	return day;
}

void
testdb_import(struct store *s, const char *people, const char *missions)
{
	struct import_stats stats;
	struct strbuf report = { 0 };
	struct error err;
	char *files[2];
	size_t n = 0;

	files[n++] = (char *)testdb_file(0, "people.csv", people);
	if (missions != NULL)
		files[n++] = (char *)testdb_file(1, "missions.csv", missions);
	if (import_files(s, files, n, 0, &stats, &report, &err) != RC_OK)
		fail_msg("%s\n%s", err.msg, strbuf_str(&report));
	strbuf_free(&report);
}

struct store *
testdb_fixture(void)
{
	struct store *s = testdb_open();

	testdb_import(s, fixture_people, fixture_missions);
	return s;
}

int
testdb_setup(void **state)
{
	*state = testdb_open();
	return 0;
}

int
testdb_setup_fixture(void **state)
{
	*state = testdb_fixture();
	return 0;
}

int
testdb_teardown(void **state)
{
	testdb_close(*state);
	return 0;
}

void
testdb_exec(struct store *s, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s\nin: %s", msg, sql);
}

void
testdb_write(struct store *s, const char *sql)
{
	struct error err;

	if (store_begin(s, &err) != RC_OK)
		fail_msg("begin: %s", err.msg);
	testdb_exec(s, sql);
	if (store_commit(s, &err) != RC_OK)
		fail_msg("commit: %s", err.msg);
}

long long
testdb_int(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	long long v;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("%s\nin: %s", sqlite3_errmsg(s->db), sql);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

long long
testdb_count(struct store *s, const char *text, int today)
{
	struct filter *f;
	struct error err;
	long long n = -1;

	if (filter_compile(s, text, today, &f, &err) != RC_OK)
		fail_msg("filter '%s': %s", text, err.msg);
	if (search_count(s, f, &n, &err) != RC_OK)
		fail_msg("search '%s': %s", text, err.msg);
	filter_free(f);
	return n;
}

int
testdb_matches(struct store *s, const char *text, int today,
    const char *family_name)
{
	struct search_result *r;
	struct filter *f;
	struct error err;
	sqlite3_stmt *st;
	int n = 0;

	if (filter_compile(s, text, today, &f, &err) != RC_OK)
		fail_msg("filter '%s': %s", text, err.msg);
	if (search_eval(s, f, NULL, &r, &err) != RC_OK)
		fail_msg("search '%s': %s", text, err.msg);
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT pk FROM person "
	    "WHERE family_name = ?", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, family_name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW)
		fail_msg("no person named '%s'", family_name);
	n = search_result_has(r, sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	search_result_free(r);
	filter_free(f);
	return n;
}

int
testdb_error(struct store *s, const char *text, int today, char *msg,
    size_t len)
{
	struct filter *f = NULL;
	struct error err;
	int rc;

	rc = filter_compile(s, text, today, &f, &err);
	if (rc == RC_OK) {
		filter_free(f);
		fail_msg("filter '%s' compiled, but should not", text);
	}
	snprintf(msg, len, "%s", err.msg);
	return rc;
}

const char *
testdb_file(int slot, const char *name, const char *content)
{
	FILE *fp;

	make_dir();
	snprintf(files[slot], sizeof files[slot], "%s/%s", dir, name);
	assert_non_null(fp = fopen(files[slot], "w"));
	fputs(content, fp);
	fclose(fp);
	return files[slot];
}

void
testdb_deploy(struct store *s, const char *name, const char *kind,
    const char *country, const char *start, const char *end,
    const char *const *needs, struct deployment *out)
{
	struct deployment d;
	struct need n[64];
	struct error err;
	size_t i;

	memset(&d, 0, sizeof d);
	d.name = (char *)name;
	d.kind = (char *)kind;
	snprintf(d.country, sizeof d.country, "%s", country);
	assert_true(date_parse(start, &d.start));
	d.end = DEPLOY_OPEN;
	if (end != NULL)
		assert_true(date_parse(end, &d.end));
	for (i = 0; needs != NULL && needs[i] != NULL; i++) {
		assert_true(i < sizeof n / sizeof n[0]);
		if (deploy_need_parse(s, needs[i], testdb_today(), &n[i], &err)
		    != RC_OK)
			fail_msg("%s: %s", needs[i], err.msg);
	}
	d.needs = n;
	d.nneeds = i;
	if (deploy_create(s, &d, &err) != RC_OK)
		fail_msg("%s", err.msg);
	while (i-- > 0)
		deploy_need_free(&n[i]);
	if (out != NULL && deploy_get(s, name, out, &err) != RC_OK)
		fail_msg("%s", err.msg);
}

/*
 * Export, import into an empty database, export again: the files must be
 * byte-identical - on the demo pool with deployments and their members,
 * and on hand-made awkward values.  A filtered export is self-contained.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "date.h"
#include "demo.h"
#include "deploy.h"
#include "export.h"
#include "import.h"
#include "testdb.h"

static int today;

/* The files of an export, in the order import applies them. */
static const char *const names[FILE_NKINDS] = { "people", "missions",
    "unavailability", "deployments", "assignments" };

static char *
slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long len;

	if (fp == NULL)
		fail_msg("%s: cannot open", path);
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)len + 1);
	assert_int_equal(fread(buf, 1, (size_t)len, fp), (size_t)len);
	buf[len] = '\0';
	fclose(fp);
	return buf;
}

static void
export_to(struct store *s, const char *dir, const char *filter,
    long long want)
{
	struct error err;
	long long n, left_out;

	if (export_dir(s, dir, filter, today, 0, &n, &left_out, &err) !=
	    RC_OK)
		fail_msg("export: %s", err.msg);
	assert_int_equal(n, want);
}

/* Imports the files of an export, in the reverse of the usual order. */
static void
import_from(struct store *s, const char *dir, struct import_stats *stats)
{
	struct strbuf report = { 0 };
	struct error err;
	char *files[FILE_NKINDS], path[FILE_NKINDS][200];
	int i;

	for (i = 0; i < FILE_NKINDS; i++) {
		snprintf(path[i], sizeof path[i], "%s/%s.csv", dir,
		    names[FILE_NKINDS - 1 - i]);
		files[i] = path[i];
	}
	if (import_files(s, files, FILE_NKINDS, 0, stats, &report, &err) !=
	    RC_OK)
		fail_msg("import: %s\n%s", err.msg, strbuf_str(&report));
	strbuf_free(&report);
}

/* How many records the file holds (lines that start a record). */
static long
records(const char *text)
{
	long n = 0;
	const char *p;
	int quoted = 0;

	for (p = text; *p != '\0'; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == '\n' && !quoted)
			n++;
	}
	return n - 1;	/* the header */
}

/* The two exports agree byte for byte; want[k] rows in each file. */
static void
assert_same_files(const char *a, const char *b, const long *want)
{
	char pa[200], pb[200], *x, *y;
	int i;

	for (i = 0; i < FILE_NKINDS; i++) {
		snprintf(pa, sizeof pa, "%s/%s.csv", a, names[i]);
		snprintf(pb, sizeof pb, "%s/%s.csv", b, names[i]);
		x = slurp(pa);
		y = slurp(pb);
		assert_string_equal(x, y);
		if (want != NULL && want[i] >= 0 && records(x) != want[i])
			fail_msg("%s: %ld records, expected %ld", pa,
			    records(x), want[i]);
		free(x);
		free(y);
	}
}

/*
 * Export, import into an empty database, export again; stats says what
 * the import read.
 */
static void
round_trip(struct store *first, long long people,
    struct import_stats *stats)
{
	struct store *second;
	char a[160], b[160];

	snprintf(a, sizeof a, "%s.a", testdb_path());
	export_to(first, a, NULL, people);
	second = testdb_open();
	snprintf(b, sizeof b, "%s.b", testdb_path());
	import_from(second, a, stats);
	export_to(second, b, NULL, people);
	assert_same_files(a, b, stats->rows);
	testdb_close(second);
}

/* The pk of the n-th person in id order. */
static long long
nth(struct store *s, int n)
{
	char sql[128];

	snprintf(sql, sizeof sql, "SELECT pk FROM person ORDER BY id LIMIT 1 "
	    "OFFSET %d", n);
	return testdb_int(s, sql);
}

static void
add(struct store *s, const struct deployment *d, long long pk,
    const char *role)
{
	struct strbuf warn = { 0 };
	struct error err;
	size_t added;

	if (deploy_add(s, d, &pk, 1, role, today, &warn, &added, &err) !=
	    RC_OK)
		fail_msg("%s", err.msg);
	assert_int_equal(added, 1);
	strbuf_free(&warn);
}

/* Moves a member through the statuses given, one change each. */
static void
set(struct store *s, const struct deployment *d, long long pk, ...)
{
	struct error err;
	va_list ap;
	int st;

	va_start(ap, pk);
	while ((st = va_arg(ap, int)) >= 0)
		if (deploy_set(s, d, pk, (enum member_status)st, 1, &err) !=
		    RC_OK)
			fail_msg("%s", err.msg);
	va_end(ap);
}

/*
 * Deployments with needs (quotes, several lines), one open-ended and one
 * closed, and members in every status, some with a long history.
 */
static void
deployments(struct store *s)
{
	static const char *const irma_needs[] = { "2:lang:nl",
	    "1:country:\"Sint Maarten\" OR lang:en>=B2",
	    "3:theme:public-order -status:left", NULL };
	static const char *const mh17_needs[] = { "4:theme:disaster",
	    NULL };
	struct deployment irma, mh17, flood, quiet;

	testdb_deploy(s, "Irma, \"Sint Maarten\" 2026", "hurricane", "SX",
	    "2026-12-01", "2026-12-31", irma_needs, &irma);
	testdb_deploy(s, "MH17", "air-disaster", "UA", "2026-11-25", NULL,
	    mh17_needs, &mh17);
	testdb_deploy(s, "Überschwemmung", "flood", "DE", "2025-07-01",
	    "2025-08-15", NULL, &flood);
	/* Nobody on it: still exported, with no filter. */
	testdb_deploy(s, "Quiet", "other", "XK", "2027-01-01", NULL, NULL,
	    &quiet);
	add(s, &irma, nth(s, 0), "Team leader, \"north\"");
	add(s, &irma, nth(s, 1), "");
	add(s, &irma, nth(s, 2), "Liaison");
	add(s, &irma, nth(s, 3), "");
	set(s, &irma, nth(s, 0), MS_CONTACTED, MS_CONFIRMED, MS_DEPLOYED, -1);
	set(s, &irma, nth(s, 1), MS_DECLINED, -1);
	set(s, &irma, nth(s, 2), MS_WITHDRAWN, MS_PROPOSED, MS_CONTACTED, -1);
	add(s, &mh17, nth(s, 4), "DVI");
	add(s, &mh17, nth(s, 0), "");
	set(s, &mh17, nth(s, 4), MS_CONFIRMED, -1);
	add(s, &mh17, nth(s, 6), "");
	set(s, &mh17, nth(s, 6), MS_CONTACTED, MS_WITHDRAWN, -1);
	add(s, &flood, nth(s, 5), "");
	set(s, &flood, nth(s, 5), MS_DEPLOYED, MS_RETURNED, -1);
	assert_int_equal(testdb_int(s, "SELECT count(DISTINCT status) FROM "
	    "assignment"), 7);
	deploy_clear(&irma);
	deploy_clear(&mh17);
	deploy_clear(&flood);
	deploy_clear(&quiet);
	assert_int_equal(deploy_close(s, "Überschwemmung", &(struct error){
	    0 }), RC_OK);
}

static void
test_demo_pool(void **state)
{
	struct demo_opts opts = { 400, 42, 0 };
	struct import_stats stats;
	struct store *s;
	struct error err;

	(void)state;
	opts.today = today;
	s = testdb_open();
	if (demo_fill(s, &opts, &err) != RC_OK)
		fail_msg("demo: %s", err.msg);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person"), 400);
	/* The demo pool exercises what the round trip must carry. */
	assert_true(testdb_int(s, "SELECT count(*) FROM service") > 100);
	assert_true(testdb_int(s, "SELECT count(*) FROM unavailability") > 10);
	assert_true(testdb_int(s, "SELECT count(*) FROM person "
	    "WHERE family_name GLOB '*[^ -~]*'") > 10);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM "
	    "pragma_integrity_check WHERE integrity_check <> 'ok'"), 0);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM "
	    "pragma_foreign_key_check"), 0);
	deployments(s);
	round_trip(s, 400, &stats);
	assert_int_equal(stats.rows[FILE_PEOPLE], 400);
	assert_int_equal(stats.rows[FILE_DEPLOYMENTS], 4);
	assert_int_equal(stats.rows[FILE_ASSIGNMENTS], 8);
	testdb_close(s);
}

static void
test_awkward_values(void **state)
{
	static const char people[] =
	    "family_name,id,given_name,notes,languages,themes,skills\n"
	    "\"O'Brien, \"\"Jr\"\"\",aaaaaaaa-0000-4000-8000-000000000001,"
	    "Seán,\"line one\nline two, with comma\",ga:native;EN:c2,"
	    "drugs;border-management,first-aid\n"
	    "Ωμέγα,AAAAAAAA-0000-4000-8000-000000000002,Ζωή,,,,\n"
	    "李,aaaaaaaa-0000-4000-8000-000000000003,小龙,\"\"\"\",,,\n";
	struct import_stats stats;
	struct strbuf report = { 0 };
	struct store *s;
	struct error err;
	char *files[1];

	(void)state;
	s = testdb_open();
	files[0] = (char *)testdb_file(2, "awkward.csv", people);
	if (import_files(s, files, 1, 0, &stats, &report, &err) != RC_OK)
		fail_msg("import: %s\n%s", err.msg, strbuf_str(&report));
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person WHERE "
	    "notes = 'line one' || char(10) || 'line two, with comma'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person WHERE "
	    "id = 'aaaaaaaa-0000-4000-8000-000000000002'"), 1);
	strbuf_free(&report);
	round_trip(s, 3, &stats);
	assert_int_equal(stats.rows[FILE_DEPLOYMENTS], 0);
	testdb_close(s);
}

/*
 * Origins (this pool's name, another pool's) and deployments' ids go out
 * and come back into a pool that has no name, or another.
 */
static void
test_origins(void **state)
{
	static const char people[] =
	    "id,family_name,given_name,origin\n"
	    "aaaaaaaa-0000-4000-8000-000000000001,Wit,Anna,\n"
	    "aaaaaaaa-0000-4000-8000-000000000002,Berg,Jan,Douane\n";
	struct import_stats stats;
	struct deployment mh17;
	struct store *s;

	(void)state;
	s = testdb_open();
	assert_int_equal(store_exec(s, "INSERT INTO setting(key, value) VALUES"
	    " ('pool_name', 'KMar')", NULL), RC_OK);
	testdb_import(s, people, NULL);
	testdb_deploy(s, "MH17", "air-disaster", "UA", "2026-11-25", NULL,
	    NULL, &mh17);
	deploy_clear(&mh17);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person WHERE "
	    "origin = 'KMar'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM deployment WHERE "
	    "origin = 'KMar' AND length(id) = 36"), 1);
	round_trip(s, 2, &stats);
	assert_int_equal(stats.rows[FILE_DEPLOYMENTS], 1);
	testdb_close(s);
}

/* The do-not-call mark and the review day go out and come back. */
static void
test_keeping_columns(void **state)
{
	static const char people[] =
	    "id,family_name,given_name,dnc,dnc_until,reviewed\n"
	    "aaaaaaaa-0000-4000-8000-000000000001,Wit,Anna,Leave,2027-01-31,"
	    "2026-11-01\n"
	    "aaaaaaaa-0000-4000-8000-000000000002,Berg,Jan,illness,,\n"
	    "aaaaaaaa-0000-4000-8000-000000000003,Smit,Els,,,2026-05-01\n";
	struct import_stats stats;
	struct store *s;

	(void)state;
	s = testdb_open();
	testdb_import(s, people, NULL);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person WHERE "
	    "(family_name = 'Wit' AND dnc = 'leave' AND "
	    "dnc_until = '2027-01-31' AND reviewed = '2026-11-01') OR "
	    "(family_name = 'Berg' AND dnc = 'illness' AND dnc_until IS NULL "
	    "AND reviewed IS NULL) OR (family_name = 'Smit' AND dnc = '' AND "
	    "reviewed = '2026-05-01')"), 3);
	round_trip(s, 3, &stats);
	testdb_close(s);
}

/*
 * Cells a spreadsheet would run as formulas are written after a single
 * quote, quoted, and read back without it; a value that itself starts
 * with a quote gets one more.  The file given holds what a spreadsheet
 * saves, marked or not.
 */
static void
test_formula_cells(void **state)
{
	static const char people[] =
	    "id,family_name,given_name,phone,notes,agency\n"
	    "aaaaaaaa-0000-4000-8000-000000000001,-Smith,@home,"
	    "'+31 6 1234,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'Connor\n"
	    "aaaaaaaa-0000-4000-8000-000000000002,''-Jones,'@work,"
	    "+44 20 7946,\"'\t1\",''\n";
	static const char *const want[] = {
	    "SELECT count(*) FROM person WHERE family_name = '-Smith' AND "
	    "given_name = '@home' AND phone = '+31 6 1234' AND "
	    "notes = '=HYPERLINK(\"http://x\",\"y\")' AND agency = '''Connor'",
	    "SELECT count(*) FROM person WHERE family_name = '''-Jones' AND "
	    "given_name = '@work' AND phone = '+44 20 7946' AND "
	    "notes = char(9) || '1' AND agency = ''''",
	};
	struct import_stats stats;
	struct strbuf report = { 0 };
	struct store *s;
	struct error err;
	char *files[1], path[200], *text;
	size_t i;

	(void)state;
	s = testdb_open();
	files[0] = (char *)testdb_file(2, "formula.csv", people);
	if (import_files(s, files, 1, 0, &stats, &report, &err) != RC_OK)
		fail_msg("import: %s\n%s", err.msg, strbuf_str(&report));
	strbuf_free(&report);
	for (i = 0; i < sizeof want / sizeof want[0]; i++)
		if (testdb_int(s, want[i]) != 1)
			fail_msg("not read back: %s", want[i]);
	snprintf(path, sizeof path, "%s.a/people.csv", testdb_path());
	round_trip(s, 2, &stats);
	text = slurp(path);
	if (strstr(text, ",\"'-Smith\",\"'@home\",\"''Connor\",") == NULL ||
	    strstr(text, ",\"''-Jones\",\"'@work\",\"''\",") == NULL ||
	    strstr(text, ",\"'+31 6 1234\",") == NULL ||
	    strstr(text, ",\"'=HYPERLINK(\"\"http") == NULL ||
	    strstr(text, ",\"'\t1\",,,,\r\n") == NULL)
		fail_msg("formulas not marked:\n%s", text);
	free(text);
	testdb_close(s);
}

/*
 * A signal that comes while export writes is held until the files are
 * removed again: none is left, under its final or a temporary name.
 */
static void
test_export_interrupted(void **state)
{
	/* Every signal whose default ends the program, not only ^C. */
	static const int sigs[] = { SIGHUP, SIGINT, SIGTERM, SIGPIPE, SIGALRM,
	    SIGUSR1, SIGUSR2 };
	struct store *s;
	struct error err;
	sigset_t one, old;
	char dir[160];
	long long n, left_out;
	size_t i;
	int sig;

	(void)state;
	s = testdb_fixture();
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		snprintf(dir, sizeof dir, "%s.int%zu", testdb_path(), i);
		sigemptyset(&one);
		sigaddset(&one, sigs[i]);
		sigprocmask(SIG_BLOCK, &one, &old);
		raise(sigs[i]);
		assert_int_equal(export_dir(s, dir, NULL, today, 0, &n,
		    &left_out, &err), RC_INPUT);
		assert_non_null(strstr(err.msg, "interrupted"));
		assert_int_equal(sigwait(&one, &sig), 0);
		sigprocmask(SIG_SETMASK, &old, NULL);
		assert_int_equal(rmdir(dir), 0);	/* fails unless empty */
	}
	testdb_close(s);
}

/*
 * A filtered export holds the deployments its people are on, so that it
 * imports into an empty database; exported whole from there, it is the
 * same files again.
 */
static void
test_filtered(void **state)
{
	struct demo_opts opts = { 60, 7, 0 };
	const long want[FILE_NKINDS] = { 4, -1, -1, 2, 4 };
	struct import_stats stats;
	struct store *s, *second;
	struct deployment d;
	struct error err;
	char a[160], b[160], sql[256], *text;

	(void)state;
	opts.today = today;
	s = testdb_open();
	if (demo_fill(s, &opts, &err) != RC_OK)
		fail_msg("demo: %s", err.msg);
	deployments(s);
	testdb_deploy(s, "Other", "pandemic", "FR", "2026-12-10", NULL, NULL,
	    &d);
	add(s, &d, nth(s, 10), "");
	deploy_clear(&d);
	/* Two on Irma, one on MH17, one on both, one on none. */
	snprintf(sql, sizeof sql, "UPDATE person SET agency = 'Export Test' "
	    "WHERE pk IN (%lld, %lld, %lld, %lld)", nth(s, 0), nth(s, 1),
	    nth(s, 4), nth(s, 20));
	testdb_exec(s, sql);
	snprintf(a, sizeof a, "%s.f", testdb_path());
	export_to(s, a, "agency:\"export test\"", 4);
	second = testdb_open();
	import_from(second, a, &stats);
	assert_int_equal(stats.rows[FILE_DEPLOYMENTS], 2);
	assert_int_equal(stats.rows[FILE_ASSIGNMENTS], 4);
	snprintf(b, sizeof b, "%s.g", testdb_path());
	export_to(second, b, NULL, 4);
	assert_same_files(a, b, want);
	/* Only the deployments the people exported are on. */
	snprintf(sql, sizeof sql, "%s/deployments.csv", a);
	text = slurp(sql);
	assert_non_null(strstr(text, "\r\nMH17,"));
	assert_non_null(strstr(text, "\r\n\"Irma, "));
	assert_null(strstr(text, "Quiet"));
	assert_null(strstr(text, "Other"));
	assert_null(strstr(text, "Überschwemmung"));
	free(text);
	testdb_close(second);
	testdb_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_pool),
		cmocka_unit_test(test_awkward_values),
		cmocka_unit_test(test_origins),
		cmocka_unit_test(test_keeping_columns),
		cmocka_unit_test(test_formula_cells),
		cmocka_unit_test(test_export_interrupted),
		cmocka_unit_test(test_filtered),
	};

	today = testdb_today();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

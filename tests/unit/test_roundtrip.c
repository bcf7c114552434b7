/*
 * Export, import into an empty database, export again: the files must be
 * byte-identical - on the demo pool and on hand-made awkward values.
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
#include "demo.h"
#include "export.h"
#include "import.h"
#include "testdb.h"

static int today;

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
export_to(struct store *s, const char *dir, long long want)
{
	struct error err;
	long long n;

	if (export_dir(s, dir, NULL, today, &n, &err) != RC_OK)
		fail_msg("export: %s", err.msg);
	assert_int_equal(n, want);
}

static void
import_from(struct store *s, const char *dir)
{
	static const char *const names[] = { "people", "missions",
	    "unavailability" };
	struct import_stats stats;
	struct strbuf report = { 0 };
	struct error err;
	char *files[3], path[3][200];
	int i;

	for (i = 0; i < 3; i++) {
		snprintf(path[i], sizeof path[i], "%s/%s.csv", dir, names[i]);
		files[i] = path[i];
	}
	if (import_files(s, files, 3, 0, &stats, &report, &err) != RC_OK)
		fail_msg("import: %s\n%s", err.msg, strbuf_str(&report));
	strbuf_free(&report);
}

static void
assert_same_files(const char *a, const char *b)
{
	static const char *const names[] = { "people", "missions",
	    "unavailability" };
	char pa[200], pb[200], *x, *y;
	int i;

	for (i = 0; i < 3; i++) {
		snprintf(pa, sizeof pa, "%s/%s.csv", a, names[i]);
		snprintf(pb, sizeof pb, "%s/%s.csv", b, names[i]);
		x = slurp(pa);
		y = slurp(pb);
		/* Something was exported, and the two agree byte for byte. */
		assert_true(strchr(x, '\n') != NULL);
		assert_string_equal(x, y);
		free(x);
		free(y);
	}
}

static void
round_trip(struct store *first, long long people)
{
	struct store *second;
	char a[160], b[160];

	snprintf(a, sizeof a, "%s.a", testdb_path());
	export_to(first, a, people);
	second = testdb_open();
	snprintf(b, sizeof b, "%s.b", testdb_path());
	import_from(second, a);
	export_to(second, b, people);
	assert_same_files(a, b);
	testdb_close(second);
}

static void
test_demo_pool(void **state)
{
	struct demo_opts opts = { 400, 42, 0 };
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
	round_trip(s, 400);
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
	round_trip(s, 3);
	testdb_close(s);
}

static int
setup(void **state)
{
	(void)state;
	assert_true(date_parse("2026-11-23", &today));
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_demo_pool),
		cmocka_unit_test(test_awkward_values),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}

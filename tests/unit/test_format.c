/*
 * The people's formats: what they write reading the matches in one walk
 * (search_from) is byte for byte what they write for the same people
 * collected into temp.result, in every order; and they hold the row at
 * hand, not all of them, so the memory in use while the output is written
 * does not grow with the number of people.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "demo.h"
#include "filter.h"
#include "format.h"
#include "search.h"
#include "testdb.h"

static int today;

enum { F_IDS, F_TABLE, F_CSV, F_JSON, F_N };

static struct store *
demo_pool(long size)
{
	struct store *s = testdb_open();
	struct demo_opts o = { size, 1, 0 };
	struct error err;

	o.today = today;
	if (demo_fill(s, &o, &err) != RC_OK)
		fail_msg("demo: %s", err.msg);
	return s;
}

static struct search_result *
search(struct store *s, const char *text)
{
	struct search_result *r;
	struct filter *f;
	struct error err;

	if (filter_compile(s, text, today, &f, &err) != RC_OK ||
	    search_eval(s, f, NULL, &r, &err) != RC_OK)
		fail_msg("filter '%s': %s", text, err.msg);
	filter_free(f);
	return r;
}

/* Writes format to fp; *left_out for csv and json. */
static void
write_people(struct store *s, const struct format_from *from, int format,
    int flags, FILE *fp, long long *left_out)
{
	struct error err;
	int rc;

	*left_out = -1;
	switch (format) {
	case F_IDS:
		rc = format_ids(s, from, fp, &err);
		break;
	case F_TABLE:
		rc = format_table(s, from, fp, today, &err);
		break;
	case F_CSV:
		rc = format_people_csv(s, from, flags, fp, left_out, &err);
		break;
	default:
		rc = format_json(s, from, flags, fp, left_out, &err);
		break;
	}
	if (rc != RC_OK)
		fail_msg("format %d: %s", format, err.msg);
	fflush(fp);
}

/* The output of one format, as text the caller frees. */
static char *
output(struct store *s, const struct format_from *from, int format,
    int flags, long long *left_out)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	write_people(s, from, format, flags, fp, left_out);
	fclose(fp);
	return buf;
}

static void
same_output(struct store *s, const char *text)
{
	struct search_result *r = search(s, text);
	struct strbuf sql = { 0 };
	struct format_from from;
	struct error err;
	char *want, *got;
	long long want_left, got_left, n;
	int sort, rev, format, flags;

	for (sort = SORT_NAME; sort <= SORT_ID; sort++)
		for (rev = 0; rev < 2; rev++)
			for (format = 0; format < F_N; format++)
				for (flags = 0; flags <= FORMAT_LEFT_CONTACTS;
				    flags += FORMAT_LEFT_CONTACTS) {
			assert_int_equal(search_collect(s, r, sort, rev, &err),
			    RC_OK);
			want = output(s, NULL, format, flags, &want_left);
			assert_int_equal(format_left_out(s, &n, &err), RC_OK);
			strbuf_reset(&sql);
			assert_int_equal(search_from(s, r, sort, rev,
			    format == F_IDS, &sql, &err), RC_OK);
			from.sql = strbuf_str(&sql);
			from.r = r;
			got = output(s, &from, format, flags, &got_left);
			assert_string_equal(got, want);
			if (format == F_CSV || format == F_JSON) {
				assert_int_equal(got_left, flags ? 0 : n);
				assert_int_equal(want_left, got_left);
			}
			free(want);
			free(got);
		}
	strbuf_free(&sql);
	search_result_free(r);
}

/* Everyone and many (the index walked), few and none (sorted). */
static void
test_same_output(void **state)
{
	struct store *s = demo_pool(120);

	(void)state;
	same_output(s, "");
	same_output(s, "-lang:en");
	same_output(s, "lang:fr");
	same_output(s, "country:ML");
	same_output(s, "status:left");
	same_output(s, "zzqqx");
	testdb_close(s);
}

/* The most heap in use that a write to the sink has seen. */
static ssize_t
sink_write(void *cookie, const char *buf, size_t len)
{
	size_t *peak = cookie, now = mallinfo2().uordblks;

	(void)buf;
	if (now > *peak)
		*peak = now;
	return (ssize_t)len;
}

/*
 * The heap in use while format writes the matches of text, above what was
 * in use before: SQLite's page cache is kept to a few pages, so that what
 * it holds is the same for any pool (and its sorter spills beyond that).
 */
static size_t
held(struct store *s, const char *text, int format)
{
	cookie_io_functions_t io = { NULL, sink_write, NULL, NULL };
	struct search_result *r = search(s, text);
	struct strbuf sql = { 0 };
	struct format_from from;
	struct error err;
	long long left_out;
	size_t before, peak = 0;
	FILE *fp;

	assert_int_equal(store_exec(s, "PRAGMA cache_size = 16", &err), RC_OK);
	assert_int_equal(search_from(s, r, SORT_NAME, 0, format == F_IDS, &sql,
	    &err), RC_OK);
	from.sql = strbuf_str(&sql);
	from.r = r;
	fp = fopencookie(&peak, "w", io);
	assert_non_null(fp);
	/* A run first, so that what is made once (the statement's plan, the
	 * stream's buffer) is there before. */
	write_people(s, &from, format, 0, fp, &left_out);
	before = mallinfo2().uordblks;
	peak = 0;
	write_people(s, &from, format, 0, fp, &left_out);
	fclose(fp);
	strbuf_free(&sql);
	search_result_free(r);
	return peak > before ? peak - before : 0;
}

/* Everyone (the index walked) and a few (sorted). */
static void
test_constant_memory(void **state)
{
	static const char *const texts[] = { "", "country:ML" };
	struct store *small = demo_pool(100), *large = demo_pool(1000);
	size_t a, b, i;
	int format;

	(void)state;
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
		for (format = 0; format < F_N; format++) {
			a = held(small, texts[i], format);
			b = held(large, texts[i], format);
			/* Ten times the people: the old JSON held ~1 MB
			 * more, the old table ~0.3 MB. */
			if (b > a + 64 * 1024)
				fail_msg("format %d holds %zu bytes for 100 "
				    "people, %zu for 1000 ('%s')", format, a,
				    b, texts[i]);
		}
	testdb_close(small);
	testdb_close(large);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_output),
		cmocka_unit_test(test_constant_memory),
	};

	today = testdb_today();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

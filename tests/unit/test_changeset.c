/*
 * The changeset file (changeset.h): written and read back whole; refused
 * when cut short anywhere, when a byte is changed, when it is not a
 * changeset, is empty, or comes from a newer schema; and never written
 * over the database, a directory or a device.
 */
#include <sys/stat.h>

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "changeset.h"
#include "strbuf.h"
#include "testdb.h"

#define ANNA	"0f8fad5b-d9cb-469f-a165-70867728950e"
#define BERT	"9e1f0c3a-5b7d-4e2a-8c6f-1a2b3c4d5e6f"

static const char people[] = "id,family_name,given_name,languages,themes\n"
    ANNA ",de Wit,Anna,fr:B2;en:C1,drugs\n"
    BERT ",Jansen,Bert,,\n";
static const char missions[] = "person_id,mission,country,start,end,role,"
    "themes\n" ANNA ",EULEX Kosovo,XK,2019-03-01,2019-09-30,,\n"
    ANNA ",UNMISS,SS,2016-11-14,2017-10-20,,\n"
    BERT ",EULEX Kosovo,XK,2020-03-01,2020-09-30,,\n";

/* Every row of every stage table, as text, in order. */
static void
stage_text(sqlite3 *stage, struct strbuf *out)
{
	static const char *const t[] = { "x_meta", "x_person", "x_service",
	    "x_window", "x_deployment", "x_assignment", "x_erased",
	    "x_alias" };
	sqlite3_stmt *st;
	char sql[64];
	size_t i;
	int c;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY 1, 2",
		    t[i]);
		assert_int_equal(sqlite3_prepare_v2(stage, sql, -1, &st,
		    NULL), SQLITE_OK);
		while (sqlite3_step(st) == SQLITE_ROW) {
			strbuf_addf(out, "%s:", t[i]);
			for (c = 0; c < sqlite3_column_count(st); c++)
				strbuf_addf(out, " %s", sqlite3_column_type(st,
				    c) == SQLITE_NULL ? "NULL" :
				    (const char *)sqlite3_column_text(st, c));
			strbuf_adds(out, "\n");
		}
		sqlite3_finalize(st);
	}
}

static char *
slurp(const char *path, size_t *len)
{
	FILE *fp;
	char *buf;
	long n;

	assert_non_null(fp = fopen(path, "rb"));
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = malloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return buf;
}

static void
spill(const char *path, const void *a, size_t alen, const void *b,
    size_t blen)
{
	FILE *fp;

	assert_non_null(fp = fopen(path, "wb"));
	fwrite(a, 1, alen, fp);
	fwrite(b, 1, blen, fp);
	fclose(fp);
}

/* The pool of two people, their missions, and one erased. */
static const char *
small_file(struct store *s, struct changeset_summary *sum)
{
	const char *path = testdb_file(2, "pool.changes",
	    CHANGESET_MAGIC " (an older one)");
	struct error err;

	testdb_import(s, people, missions);
	testdb_write(s, "INSERT INTO erased(id, at) VALUES ('"
	    "11111111-2222-4333-8444-555555555555', '2026-01-01T00:00:00Z')");
	if (changeset_write(s, 0, path, sum, &err) != RC_OK)
		fail_msg("%s", err.msg);
	return path;
}

/* Read back, the stage is what exchange_fill made of the pool. */
static void
test_round_trip(void **state)
{
	struct store *s = *state;
	struct strbuf want = { 0 }, got = { 0 };
	struct changeset_summary sum;
	struct exchange_meta m;
	struct error err;
	struct stat sb;
	sqlite3 *stage;
	const char *path;
	size_t len;
	char *buf;

	path = small_file(s, &sum);
	assert_int_equal(sum.people, 2);
	assert_int_equal(sum.erased, 1);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	buf = slurp(path, &len);
	assert_memory_equal(buf, "roster-changeset 1 schema ", 26);
	free(buf);
	assert_int_equal(exchange_stage_open(&stage, &err), RC_OK);
	assert_int_equal(exchange_fill(s, stage, 0, &err), RC_OK);
	stage_text(stage, &want);
	sqlite3_close(stage);
	assert_int_equal(changeset_read(path, &stage, &m, &err), RC_OK);
	stage_text(stage, &got);
	sqlite3_close(stage);
	/* Only the time it was made may differ. */
	assert_int_equal(sum.meta.until, m.until);
	assert_string_equal(m.pool_id, sum.meta.pool_id);
	assert_int_equal(got.len, want.len);
	assert_non_null(strstr(strbuf_str(&got), "x_person: " ANNA));
	assert_non_null(strstr(strbuf_str(&got), "x_service: " BERT));
	strbuf_free(&want);
	strbuf_free(&got);
}

/* Cut short after any byte: refused, saying so once the header is in. */
static void
test_truncated(void **state)
{
	struct changeset_summary sum;
	struct exchange_meta m;
	struct error err;
	const char *path;
	char cut[512];
	size_t len, n, head;
	sqlite3 *stage;
	char *buf;

	path = small_file(*state, &sum);
	buf = slurp(path, &len);
	head = (size_t)((char *)memchr(buf, '\n', len) - buf) + 1;
	snprintf(cut, sizeof cut, "%s.cut", path);
	for (n = 0; n < len; n++) {
		spill(cut, buf, n, "", 0);
		assert_int_equal(changeset_read(cut, &stage, &m, &err),
		    RC_INPUT);
		assert_null(stage);
		if (n == 0)
			assert_non_null(strstr(err.msg, "empty"));
		else if (n > head)
			assert_non_null(strstr(err.msg, ": cut short: "));
		if (n == len - 1)
			assert_non_null(strstr(err.msg, "of"));
	}
	free(buf);
}

/*
 * A body cut short with a header made to match (a file cut and its
 * header forged, or a writer that stopped between rows): the replay or
 * the row counts refuse it, and at a row's end it is the counts.
 */
static void
test_truncated_rows(void **state)
{
	struct changeset_summary sum;
	struct exchange_meta m;
	struct error err;
	char cut[512], line[256], head[128], hex[CHANGESET_HEX + 1];
	const char *path, *body;
	size_t len, n, blen;
	int counts = 0;
	sqlite3 *stage;
	char *buf;

	path = small_file(*state, &sum);
	buf = slurp(path, &len);
	body = memchr(buf, '\n', len) + 1;
	blen = len - (size_t)(body - buf);
	snprintf(cut, sizeof cut, "%s.cut", path);
	for (n = 0; n < blen; n++) {
		snprintf(head, sizeof head, "roster-changeset 1 schema %d "
		    "bytes %zu", store_schema_version(), n);
		changeset_digest(head, body, n, hex);
		snprintf(line, sizeof line, "%s sha256 %s\n", head, hex);
		spill(cut, line, strlen(line), body, n);
		assert_int_equal(changeset_read(cut, &stage, &m, &err),
		    RC_INPUT);
		if (strstr(err.msg, ": cut short: ") != NULL)
			counts++;
		else if (strstr(err.msg, "not a roster changeset") == NULL)
			assert_non_null(strstr(err.msg, "damaged"));
	}
	assert_true(counts > 0);
	free(buf);
}

/* A byte changed anywhere, header or body: refused. */
static void
test_flipped(void **state)
{
	struct changeset_summary sum;
	struct exchange_meta m;
	struct error err;
	char bad[512];
	const char *path;
	size_t len, i, head;
	sqlite3 *stage;
	char *buf;

	path = small_file(*state, &sum);
	buf = slurp(path, &len);
	head = (size_t)((char *)memchr(buf, '\n', len) - buf) + 1;
	snprintf(bad, sizeof bad, "%s.bad", path);
	for (i = 0; i < len; i++) {
		buf[i] ^= 0x01;
		spill(bad, buf, len, "", 0);
		assert_int_equal(changeset_read(bad, &stage, &m, &err),
		    RC_INPUT);
		if (i >= head)
			assert_non_null(strstr(err.msg, "damaged (checksum)"));
		buf[i] ^= 0x01;
	}
	free(buf);
}

static void
test_garbage(void **state)
{
	static const char *const files[] = { "hello\n", "roster-changeset",
	    "roster-changeset 1 schema 5 bytes 0 sha256 zz\n",
	    "roster-changeset 1 schema 5 bytes 99999999999999 sha256 "
	    "0000000000000000000000000000000000000000000000000000000000000000\n",
	    "SQLite format 3" };
	struct exchange_meta m;
	struct error err;
	sqlite3 *stage;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		assert_int_equal(changeset_read(testdb_file(2, "x.changes",
		    files[i]), &stage, &m, &err), RC_INPUT);
		assert_null(stage);
	}
	assert_int_equal(changeset_read(testdb_file(2, "x.changes", ""),
	    &stage, &m, &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "x.changes: empty"));
	assert_int_equal(changeset_read(testdb_file(2, "x.changes", "hello\n"),
	    &stage, &m, &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "x.changes: not a roster changeset"));
	/* A database is not a changeset. */
	assert_int_equal(changeset_read(testdb_path(), &stage, &m, &err),
	    RC_INPUT);
	assert_int_equal(changeset_read("/nonexistent/x.changes", &stage, &m,
	    &err), RC_INPUT);
	assert_int_equal(changeset_read("/", &stage, &m, &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "is a directory"));
}

/* The pool's changeset with x_meta's schema set to schema, in path. */
static void
schema_file(struct store *s, const char *path, const char *schema,
    struct changeset_summary *sum)
{
	struct changeset cs;
	struct error err;
	sqlite3_stmt *st;

	testdb_import(s, people, NULL);
	assert_int_equal(changeset_begin(&cs, &err), RC_OK);
	assert_int_equal(exchange_fill(s, cs.stage, 0, &err), RC_OK);
	assert_int_equal(sqlite3_prepare_v2(cs.stage, "UPDATE x_meta SET "
	    "value = ? WHERE key = 'schema'", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_text(st, 1, schema, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	assert_int_equal(changeset_save(&cs, s, path, sum, &err), RC_OK);
	changeset_end(&cs);
}

/* From a roster whose schema is newer: refused before it is replayed. */
static void
test_newer_schema(void **state)
{
	struct changeset_summary sum;
	struct exchange_meta m;
	struct error err;
	const char *path = testdb_file(2, "new.changes", "");
	sqlite3 *stage;

	schema_file(*state, path, "99", &sum);
	assert_int_equal(sum.meta.schema, 99);
	assert_int_equal(changeset_read(path, &stage, &m, &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "newer roster (schema 99;"));
}

/* A schema too large for an int is newer still, not schema 5 again. */
static void
test_huge_schema(void **state)
{
	struct changeset_summary sum;
	struct exchange_meta m;
	struct error err;
	const char *path = testdb_file(2, "huge.changes", "");
	sqlite3 *stage = NULL;

	schema_file(*state, path, "4294967301", &sum);
	assert_int_equal(changeset_read(path, &stage, &m, &err), RC_INPUT);
	assert_null(stage);
	assert_non_null(strstr(err.msg, "newer roster"));
}

/* Never over the database, a directory or a device. */
static void
test_targets(void **state)
{
	struct store *s = *state;
	struct changeset_summary sum;
	struct error err;

	assert_int_equal(changeset_write(s, 0, testdb_path(), &sum, &err),
	    RC_INPUT);
	assert_non_null(strstr(err.msg, "is the database itself"));
	assert_int_equal(changeset_write(s, 0, "/tmp", &sum, &err), RC_INPUT);
	assert_non_null(strstr(err.msg, "is a directory"));
	assert_int_equal(changeset_write(s, 0, "/dev/null", &sum, &err),
	    RC_INPUT);
	assert_non_null(strstr(err.msg, "not a regular file"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_test(test_round_trip),
		testdb_test(test_truncated),
		testdb_test(test_truncated_rows),
		testdb_test(test_flipped),
		testdb_test(test_garbage),
		testdb_test(test_newer_schema),
		testdb_test(test_huge_schema),
		testdb_test(test_targets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "csv.h"
#include "error.h"

/* An input with its length, so inputs may hold NUL bytes. */
#define IN(s)	s, sizeof(s) - 1

struct collect {
	FILE	*out;
	int	 nrecords;
	int	 stop_at;	/* the record whose callback returns 42 */
};

/*
 * Records are serialised one a line as "LINE|field|field", with \, |, CR
 * and LF escaped, so one string comparison checks fields, their bounds
 * and the line numbers.
 */
static int
collect_cb(const struct csv_record *rec, void *arg, struct error *err)
{
	struct collect	*c = arg;
	const char	*p;
	size_t		 i;

	fprintf(c->out, "%lu", rec->line);
	for (i = 0; i < rec->nfields; i++) {
		assert_int_equal(strlen(rec->fields[i]), rec->lengths[i]);
		putc('|', c->out);
		for (p = rec->fields[i]; *p != '\0'; p++) {
			if (*p == '\n')
				fputs("\\n", c->out);
			else if (*p == '\r')
				fputs("\\r", c->out);
			else if (*p == '\\' || *p == '|')
				fprintf(c->out, "\\%c", *p);
			else
				putc(*p, c->out);
		}
	}
	putc('\n', c->out);
	if (++c->nrecords == c->stop_at)
		return error_set(err, 42, "stopped at record %d", c->nrecords);
	return 0;
}

/*
 * Parses in[0..len) fed in pieces of chunk bytes and returns the records
 * followed by the error, if any, as one string to free().
 */
static char	*parse_sep(const char *, size_t, size_t, int, char);

static char *
parse_chunked(const char *in, size_t len, size_t chunk, int stop_at)
{
	return parse_sep(in, len, chunk, stop_at, ',');
}

/* As parse_chunked, with sep between fields. */
static char *
parse_sep(const char *in, size_t len, size_t chunk, int stop_at, char sep)
{
	struct csv_reader	*r = csv_reader_new("t.csv");
	struct collect		 c = { NULL, 0, stop_at };
	struct error		 err;
	char			*s;
	size_t			 size, off, n;
	int			 rc = RC_OK;

	csv_reader_separator(r, sep);
	assert_non_null(c.out = open_memstream(&s, &size));
	for (off = 0; rc == RC_OK && off < len; off += n) {
		n = len - off < chunk ? len - off : chunk;
		rc = csv_feed(r, in + off, n, collect_cb, &c, &err);
	}
	if (rc == RC_OK)
		rc = csv_finish(r, collect_cb, &c, &err);
	if (rc != RC_OK)
		fprintf(c.out, "error %d: %s\n", rc, err.msg);
	fclose(c.out);
	csv_reader_free(r);
	return s;
}

/* Parses in whole and also one byte at a time, and expects want both ways. */
static void
check(const char *in, size_t len, const char *want)
{
	char	*got;

	got = parse_chunked(in, len, len, 0);
	assert_string_equal(got, want);
	free(got);
	got = parse_chunked(in, len, 1, 0);
	assert_string_equal(got, want);
	free(got);
}

static void
test_plain(void **state)
{
	(void)state;
	check(IN("a,b,c\nd,e,f\n"), "1|a|b|c\n2|d|e|f\n");
	check(IN("one\n"), "1|one\n");
	check(IN(",,\n"), "1|||\n");
	check(IN("a, b ,c \n"), "1|a| b |c \n");
	check(IN("Am\xc3\xa9lie,\xe6\x97\xa5\xe6\x9c\xac\n"),
	    "1|Am\xc3\xa9lie|\xe6\x97\xa5\xe6\x9c\xac\n");
	check(IN(""), "");
}

/* A spreadsheet's ';' between fields, whole and a byte at a time. */
static void
test_separator(void **state)
{
	static const char in[] = "a;\"b;c\";d,e\n\"x\"y;z\n";
	size_t chunk;
	char *got;

	(void)state;
	for (chunk = 1; chunk <= sizeof in; chunk += sizeof in - 1) {
		got = parse_sep(in, sizeof in - 1, chunk, 0, ';');
		assert_string_equal(got, "1|a|b;c|d,e\nerror 2: t.csv:2: "
		    "column 4: text after the closing quote of a field "
		    "(expected a semicolon or a line end)\n");
		free(got);
	}
	/* Named, not quoted: a quoted tab would be a raw tab in a message. */
	got = parse_sep("a\t\"b\"c\n", 7, 7, 0, '\t');
	assert_string_equal(got, "error 2: t.csv:1: column 6: text after the "
	    "closing quote of a field (expected a tab or a line end)\n");
	free(got);
}

static void
test_quoted(void **state)
{
	(void)state;
	check(IN("\"a,b\",c\n"), "1|a,b|c\n");
	check(IN("\"\",x,\"\"\n"), "1||x|\n");
	check(IN("\"say \"\"hi\"\"\",x\n"), "1|say \"hi\"|x\n");
	check(IN("\"\"\"\"\n"), "1|\"\n");
	check(IN("\"\"\"a\"\"\"\n"), "1|\"a\"\n");
	check(IN("\"a\"\"\",\",\"\n"), "1|a\"|,\n");
}

static void
test_quoted_newlines(void **state)
{
	(void)state;
	check(IN("\"l1\nl2\",x\n"), "1|l1\\nl2|x\n");
	check(IN("\"l1\r\nl2\",x\r\n"), "1|l1\\r\\nl2|x\n");
	/* A blank line inside quotes is data, not a skipped line. */
	check(IN("\"a\n\nb\"\n"), "1|a\\n\\nb\n");
	check(IN("\"a\r\n\r\n\",b\r\n"), "1|a\\r\\n\\r\\n|b\n");
	check(IN("\"\n\",\"\r\"\n"), "1|\\n|\\r\n");
}

static void
test_line_ends(void **state)
{
	(void)state;
	check(IN("a,b\r\nc,d\r\n"), "1|a|b\n2|c|d\n");
	check(IN("a,b\nc,d\r\ne\n"), "1|a|b\n2|c|d\n3|e\n");
	check(IN("\"a\"\r\n\"b\"\n"), "1|a\n2|b\n");
	check(IN("a,\r\n"), "1|a|\n");
}

static void
test_no_final_line_end(void **state)
{
	(void)state;
	check(IN("a,b\nc,d"), "1|a|b\n2|c|d\n");
	check(IN("a,"), "1|a|\n");
	check(IN("\"x\""), "1|x\n");
	check(IN("\"x\",\"\""), "1|x|\n");
	check(IN("x"), "1|x\n");
}

static void
test_bom(void **state)
{
	(void)state;
	check(IN("\xef\xbb\xbf" "a,b\n"), "1|a|b\n");
	check(IN("\xef\xbb\xbf" "\"q\"\n"), "1|q\n");
	check(IN("\xef\xbb\xbf"), "");
	/* Only at the very start: later it is data (U+FEFF). */
	check(IN("a\n\xef\xbb\xbf\n"), "1|a\n2|\xef\xbb\xbf\n");
	check(IN("\xef\xbb\xbf\xef\xbb\xbf" "a\n"), "1|\xef\xbb\xbf" "a\n");
	/* The start of a BOM that is not one is read as data after all. */
	check(IN("\xef\xbb\x80,x\n"), "1|\xef\xbb\x80|x\n");
	check(IN("\xef\xbb"),
	    "error 2: t.csv:1: column 1: invalid UTF-8 "
	    "(save the file as UTF-8)\n");
	check(IN("\xef" "a"),
	    "error 2: t.csv:1: column 1: invalid UTF-8 "
	    "(save the file as UTF-8)\n");
	/* The BOM is not counted as a column. */
	check(IN("\xef\xbb\xbf" "ab\"\n"), "error 2: t.csv:1: column 3: "
	    "'\"' inside an unquoted field (quote the whole field)\n");
}

static void
test_blank_lines(void **state)
{
	(void)state;
	check(IN("\n\na,b\n\n\r\nc\n\n"), "3|a|b\n6|c\n");
	check(IN("\n"), "");
	check(IN("\r\n\r\n"), "");
	/* A line holding only spaces or an empty quoted field is a record. */
	check(IN(" \n\"\"\n"), "1| \n2|\n");
}

static void
test_line_numbers(void **state)
{
	(void)state;
	check(IN("\"multi\nline\nfield\",x\nnext,y\n"),
	    "1|multi\\nline\\nfield|x\n4|next|y\n");
	check(IN("a\r\n\"b\r\nc\"\r\n\r\nd\r\n"), "1|a\n2|b\\r\\nc\n5|d\n");
	check(IN("\"a\nb\",x\nc\"d\n"), "1|a\\nb|x\n"
	    "error 2: t.csv:3: column 2: '\"' inside an unquoted field "
	    "(quote the whole field)\n");
	/* Columns count characters, not bytes. */
	check(IN("\"Am\xc3\xa9lie\nJos\xc3\xa9\"x\n"), "error 2: t.csv:2: "
	    "column 6: text after the closing quote of a field (expected a "
	    "comma or a line end)\n");
}

static void
test_error_quote_in_unquoted(void **state)
{
	(void)state;
	check(IN("name,age\nab\"c,1\n"), "1|name|age\nerror 2: t.csv:2: "
	    "column 3: '\"' inside an unquoted field "
	    "(quote the whole field)\n");
	check(IN("a,b\"\n"), "error 2: t.csv:1: column 4: "
	    "'\"' inside an unquoted field (quote the whole field)\n");
}

static void
test_error_after_closing_quote(void **state)
{
	(void)state;
	check(IN("\"ab\"x,1\n"), "error 2: t.csv:1: column 5: text after "
	    "the closing quote of a field (expected a comma or a line "
	    "end)\n");
	check(IN("x,\"ab\" \n"), "error 2: t.csv:1: column 7: text after "
	    "the closing quote of a field (expected a comma or a line "
	    "end)\n");
	check(IN("\"a\"\xc3\xa9\n"), "error 2: t.csv:1: column 4: text after "
	    "the closing quote of a field (expected a comma or a line "
	    "end)\n");
}

static void
test_error_unterminated(void **state)
{
	(void)state;
	check(IN("a,b\nc,\"open\nmore\n"), "1|a|b\nerror 2: t.csv:2: "
	    "column 3: unterminated quoted field (the quote opened here is "
	    "never closed)\n");
	check(IN("\""), "error 2: t.csv:1: column 1: unterminated quoted "
	    "field (the quote opened here is never closed)\n");
	/* A doubled quote does not close the field. */
	check(IN("\xc3\xa9,\"x\"\"\n"), "error 2: t.csv:1: column 3: "
	    "unterminated quoted field (the quote opened here is never "
	    "closed)\n");
}

static void
test_error_utf8(void **state)
{
	(void)state;
	check(IN("ok\nAm\xc3\xa9lie,\xff\n"), "1|ok\nerror 2: t.csv:2: "
	    "column 8: invalid UTF-8 (save the file as UTF-8)\n");
	/* Truncated at the end of the input. */
	check(IN("ab\xc3"), "error 2: t.csv:1: column 3: invalid UTF-8 "
	    "(save the file as UTF-8)\n");
	check(IN("a\xc0\x80\n"), "error 2: t.csv:1: column 2: invalid UTF-8 "
	    "(save the file as UTF-8)\n");
	check(IN("\xed\xa0\x80\n"), "error 2: t.csv:1: column 1: invalid "
	    "UTF-8 (save the file as UTF-8)\n");
	check(IN("x\xf4\x90\x80\x80\n"), "error 2: t.csv:1: column 2: "
	    "invalid UTF-8 (save the file as UTF-8)\n");
	check(IN("x,\x80y\n"), "error 2: t.csv:1: column 3: invalid UTF-8 "
	    "(save the file as UTF-8)\n");
	check(IN("\xe2\x82,\n"), "error 2: t.csv:1: column 1: invalid UTF-8 "
	    "(save the file as UTF-8)\n");
	/* Inside a quoted field, on its second line. */
	check(IN("\"x\ny\xff\"\n"), "error 2: t.csv:2: column 2: invalid "
	    "UTF-8 (save the file as UTF-8)\n");
	/* Latin-1, the usual culprit. */
	check(IN("a\nAm\xe9lie\n"), "1|a\nerror 2: t.csv:2: column 3: "
	    "invalid UTF-8 (save the file as UTF-8)\n");
}

static void
test_error_cr_nul(void **state)
{
	(void)state;
	check(IN("a\rb\n"), "error 2: t.csv:1: column 2: carriage return "
	    "without a line feed (lines must end in LF or CRLF)\n");
	check(IN("a,b\r"), "error 2: t.csv:1: column 4: carriage return "
	    "without a line feed (lines must end in LF or CRLF)\n");
	check(IN("\r\r\n"), "error 2: t.csv:1: column 1: carriage return "
	    "without a line feed (lines must end in LF or CRLF)\n");
	check(IN("a\0b\n"), "error 2: t.csv:1: column 2: NUL byte (this does "
	    "not look like a text file)\n");
	check(IN("\"\0\"\n"), "error 2: t.csv:1: column 2: NUL byte (this "
	    "does not look like a text file)\n");
}

/* n copies of c, then the string tail. */
static char *
repeat(char c, size_t n, const char *head, const char *tail)
{
	size_t	 hl = strlen(head), tl = strlen(tail);
	char	*s;

	assert_non_null(s = malloc(hl + n + tl + 1));
	memcpy(s, head, hl);
	memset(s + hl, c, n);
	memcpy(s + hl + n, tail, tl + 1);
	return s;
}

static void
test_limits(void **state)
{
	const size_t	 mib = 1024 * 1024;
	char		*in, *got, *want;
	size_t		 i;

	(void)state;
	/* Exactly 1 MiB is allowed. */
	in = repeat('x', mib, "", "\n");
	got = parse_chunked(in, strlen(in), 4096, 0);
	assert_int_equal(strlen(got), mib + 3);
	free(got);
	free(in);

	/* One byte more is not, and the error names where the field began. */
	in = repeat('x', mib + 1, "a\nb,\"", "\"\n");
	got = parse_chunked(in, strlen(in), 65536, 0);
	assert_string_equal(got, "1|a\nerror 2: t.csv:2: column 3: field "
	    "longer than 1 MiB (is a closing quote missing?)\n");
	free(got);
	free(in);

	/* 65536 fields are allowed, one more is not. */
	in = repeat(',', 65535, "", "\n");
	want = repeat('|', 65536, "1", "\n");
	got = parse_chunked(in, strlen(in), 4096, 0);
	assert_string_equal(got, want);
	free(want);
	free(got);
	free(in);
	in = repeat(',', 65536, "", "\n");
	got = parse_chunked(in, strlen(in), 4096, 0);
	assert_string_equal(got, "error 2: t.csv:1: column 65537: more than "
	    "65536 fields in one record\n");
	free(got);
	free(in);

	/* Sixteen fields of 1 MiB and their NULs pass 16 MiB. */
	in = repeat('x', 16 * (mib + 1) - 1, "z\n", "\n");
	for (i = 1; i < 16; i++)
		in[2 + i * (mib + 1) - 1] = ',';
	got = parse_chunked(in, strlen(in), 65536, 0);
	assert_string_equal(got, "1|z\nerror 2: t.csv:2: column 1: record "
	    "longer than 16 MiB\n");
	free(got);
	free(in);
}

static void
test_callback_stop(void **state)
{
	const char	 in[] = "a\nb\nc\nd\n";
	char		*got;
	size_t		 chunk;

	(void)state;
	for (chunk = 1; chunk <= sizeof in - 1; chunk++) {
		got = parse_chunked(in, sizeof in - 1, chunk, 2);
		assert_string_equal(got, "1|a\n2|b\n"
		    "error 42: stopped at record 2\n");
		free(got);
	}
	/* From csv_finish too, for a last record without a line end. */
	got = parse_chunked(IN("a\nb"), 10, 2);
	assert_string_equal(got, "1|a\n2|b\nerror 42: stopped at record 2\n");
	free(got);
}

/* The feed returns the callback's status as it is. */
static int
stop_cb(const struct csv_record *rec, void *arg, struct error *err)
{
	(void)rec;
	(void)err;
	return *(int *)arg;
}

static void
test_callback_status(void **state)
{
	struct csv_reader	*r = csv_reader_new("t.csv");
	struct error		 err;
	int			 status = 7;

	(void)state;
	assert_int_equal(csv_feed(r, IN("a\nb\n"), stop_cb, &status, &err), 7);
	csv_reader_free(r);
	r = csv_reader_new("t.csv");
	status = RC_OK;
	assert_int_equal(csv_feed(r, IN("a\nb"), stop_cb, &status, &err), 0);
	status = -1;
	assert_int_equal(csv_finish(r, stop_cb, &status, &err), -1);
	csv_reader_free(r);
	csv_reader_free(NULL);
}

/* Every input above, good and bad. */
static const struct {
	const char	*in;
	size_t		 len;
} inputs[] = {
	{ IN("a,b,c\nd,e,f\n") },
	{ IN("\"a,b\",c\r\n\"say \"\"hi\"\"\",\"\"\"\"\n") },
	{ IN("\"l1\r\nl2\",x\r\n\"a\n\nb\",\"\r\"\n") },
	{ IN("a,b\nc,d\r\ne,\r\n\"x\",\"\"") },
	{ IN("\xef\xbb\xbf" "a,b\n\xef\xbb\xbf\n") },
	{ IN("\xef\xbb\x80,x\n") },
	{ IN("\xef\xbb") },
	{ IN("\n\na,b\n\n\r\nc\n\n") },
	{ IN("\"multi\nline\nfield\",x\nnext,y\n") },
	{ IN("\"a\nb\",x\nc\"d\n") },
	{ IN("\"ab\"x,1\n") },
	{ IN("a,b\nc,\"open\nmore\n") },
	{ IN("ok\nAm\xc3\xa9lie,\xff\n") },
	{ IN("\"x\ny\xe6\x97\xa5\xf0\x9f\x98\x80\xff\"\n") },
	{ IN("ab\xc3") },
	{ IN("a\rb\n") },
	{ IN("a,b\r") },
	{ IN("a\0b\n") },
	{ IN("id,family_name,given_name,notes\r\n"
	    ",\"O'Brien\",\"Am\xc3\xa9lie\",\"Speaks \"\"fluent\"\" Arabic,\r\n"
	    "served EULEX \xf0\x9f\x98\x80\"\r\n"
	    "\r\n"
	    "x,\xe6\x97\xa5\xe6\x9c\xac,,\r\n") },
};

static void
test_every_chunk_size(void **state)
{
	char	*whole, *got;
	size_t	 i, chunk;

	(void)state;
	for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		whole = parse_chunked(inputs[i].in, inputs[i].len,
		    inputs[i].len, 0);
		for (chunk = 1; chunk <= inputs[i].len; chunk++) {
			got = parse_chunked(inputs[i].in, inputs[i].len, chunk,
			    0);
			assert_string_equal(got, whole);
			free(got);
		}
		free(whole);
	}
}

static char *
write_fields(const char **fields, size_t n)
{
	FILE	*f;
	char	*s;
	size_t	 size, i;

	assert_non_null(f = open_memstream(&s, &size));
	for (i = 0; i < n; i++)
		csv_write_field(f, fields[i], i == n - 1);
	fclose(f);
	return s;
}

static void
test_write_field(void **state)
{
	const char	*plain[] = { "plain", " spaced ", "", "Am\xc3\xa9lie" };
	const char	*comma[] = { "a,b" };
	const char	*quote[] = { "say \"hi\"", "\"" };
	const char	*nl[] = { "l1\nl2", "cr\r", "x" };
	const char	*null[] = { NULL, "x", NULL };
	char		*s;

	(void)state;
	s = write_fields(plain, 4);
	assert_string_equal(s, "plain, spaced ,,Am\xc3\xa9lie\r\n");
	free(s);
	s = write_fields(comma, 1);
	assert_string_equal(s, "\"a,b\"\r\n");
	free(s);
	s = write_fields(quote, 2);
	assert_string_equal(s, "\"say \"\"hi\"\"\",\"\"\"\"\r\n");
	free(s);
	s = write_fields(nl, 3);
	assert_string_equal(s, "\"l1\nl2\",\"cr\r\",x\r\n");
	free(s);
	s = write_fields(null, 3);
	assert_string_equal(s, ",x,\r\n");
	free(s);
}

static void
test_write_read_back(void **state)
{
	const char	*records[][5] = {
		{ "id", "name", "notes", "empty", "last" },
		{ "", "O'Brien, Pat", "says \"ok\"", "", "" },
		{ "\"", "\"\"", ",", "a\nb", "c\r\nd" },
		{ "\r", "\n", " lead", "trail ",
		    "Am\xc3\xa9lie \xf0\x9f\x98\x80" },
		{ "", "", "", "", "" },
	};
	const char	*want = "1|id|name|notes|empty|last\n"
	    "2||O'Brien, Pat|says \"ok\"||\n"
	    "3|\"|\"\"|,|a\\nb|c\\r\\nd\n"
	    "6|\\r|\\n| lead|trail |Am\xc3\xa9lie \xf0\x9f\x98\x80\n"
	    "8|||||\n";
	FILE		*f;
	char		*s, *got;
	size_t		 size, i, j, chunk;

	(void)state;
	assert_non_null(f = open_memstream(&s, &size));
	for (i = 0; i < 5; i++) {
		for (j = 0; j < 5; j++)
			csv_write_field(f, records[i][j], j == 4);
	}
	fclose(f);
	for (chunk = 1; chunk <= size; chunk++) {
		got = parse_chunked(s, size, chunk, 0);
		assert_string_equal(got, want);
		free(got);
	}
	free(s);
}

static int
count_cb(const struct csv_record *rec, void *arg, struct error *err)
{
	unsigned long	*n = arg;

	(void)err;
	assert_int_equal(rec->nfields, 3);
	assert_int_equal(rec->line, *n + 2);
	assert_string_equal(rec->fields[1], "Am\xc3\xa9lie, \"x\"");
	(*n)++;
	return 0;
}

static void
test_read_file(void **state)
{
	char		 path[] = "/tmp/test_csvXXXXXX";
	unsigned long	 i, n = 0;
	struct error	 err;
	FILE		*f;
	int		 fd;

	(void)state;
	/* Over 64 KiB, so records straddle the reads. */
	assert_true((fd = mkstemp(path)) != -1);
	assert_non_null(f = fdopen(fd, "w"));
	fputs("\xef\xbb\xbf\n", f);
	for (i = 0; i < 5000; i++)
		fprintf(f, "%lu,\"Am\xc3\xa9lie, \"\"x\"\"\",z\r\n", i);
	fclose(f);
	assert_int_equal(csv_read_file(path, ',', count_cb, &n, &err), RC_OK);
	assert_int_equal(n, 5000);

	f = fopen(path, "a");
	fputs("1,\"open", f);
	fclose(f);
	n = 0;
	assert_int_equal(csv_read_file(path, ',', count_cb, &n, &err), RC_INPUT);
	assert_int_equal(n, 5000);
	assert_true(strncmp(err.msg, path, strlen(path)) == 0);
	assert_string_equal(err.msg + strlen(path), ":5002: column 3: "
	    "unterminated quoted field (the quote opened here is never "
	    "closed)");
	remove(path);

	assert_int_equal(csv_read_file(path, ',', count_cb, &n, &err), RC_INPUT);
	assert_true(strncmp(err.msg, path, strlen(path)) == 0);
	assert_string_equal(err.msg + strlen(path),
	    ": No such file or directory");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_quoted),
		cmocka_unit_test(test_quoted_newlines),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_no_final_line_end),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_blank_lines),
		cmocka_unit_test(test_line_numbers),
		cmocka_unit_test(test_error_quote_in_unquoted),
		cmocka_unit_test(test_error_after_closing_quote),
		cmocka_unit_test(test_error_unterminated),
		cmocka_unit_test(test_error_utf8),
		cmocka_unit_test(test_error_cr_nul),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_callback_stop),
		cmocka_unit_test(test_callback_status),
		cmocka_unit_test(test_every_chunk_size),
		cmocka_unit_test(test_write_field),
		cmocka_unit_test(test_write_read_back),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_separator),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

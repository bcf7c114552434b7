#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "error.h"
#include "strbuf.h"
#include "utf8.h"

/*
 * Limits that bound the memory a hostile or broken file can take; a real
 * roster file is far below all of them.
 */
#define CSV_MAX_FIELD	(1024 * 1024)
#define CSV_MAX_RECORD	(16 * 1024 * 1024)
#define CSV_MAX_FIELDS	65536
#define CSV_CHUNK	(64 * 1024)

static const unsigned char csv_bom[] = { 0xef, 0xbb, 0xbf };

enum csv_state {
	CSV_FIELD,	/* a field (or, unless started, the record) begins */
	CSV_UNQUOTED,
	CSV_QUOTED,
	CSV_QUOTE,	/* a quote inside a quoted field: "" or the end */
	CSV_CR,		/* a CR outside quotes: only LF may follow */
};

struct csv_reader {
	char		 *name;
	char		  sep;		/* between fields: ',' unless told */
	enum csv_state	  state;
	int		  started;	/* the record has begun */
	size_t		  bom;		/* BOM bytes matched; all once past */
	unsigned char	  seq[4];	/* an incomplete UTF-8 sequence */
	size_t		  seqlen;

	unsigned long	  line;		/* line of the next character */
	unsigned long	  col;		/* characters before it on its line */
	unsigned long	  recline;	/* where the record starts */
	unsigned long	  fline;	/* where the current field starts */
	unsigned long	  fcol;

	char		 *buf;		/* the fields, each NUL-terminated */
	size_t		  len;
	size_t		  size;
	size_t		  fstart;	/* offset of the current field */
	size_t		 *lens;
	const char	**fields;
	size_t		  nfields;
	size_t		  fsize;
};

/* As everywhere in roster, there is no sensible way on without memory. */
static void *
csv_realloc(void *p, size_t n, size_t size)
{
	if ((p = realloc(p, n * size)) == NULL) {
		fputs("roster: out of memory\n", stderr);
		abort();
	}
	return p;
}

struct csv_reader *
csv_reader_new(const char *name)
{
	struct csv_reader	*r;
	size_t			 n = strlen(name) + 1;

	r = csv_realloc(NULL, 1, sizeof *r);
	memset(r, 0, sizeof *r);
	r->name = csv_realloc(NULL, n, 1);
	memcpy(r->name, name, n);
	r->state = CSV_FIELD;
	r->line = 1;
	r->sep = ',';
	return r;
}

void
csv_reader_separator(struct csv_reader *r, char sep)
{
	r->sep = sep;
}

const char *
csv_separator_name(char sep)
{
	switch (sep) {
	case ',':
		return "comma";
	case ';':
		return "semicolon";
	case '\t':
		return "tab";
	default:
		return "separator";
	}
}

void
csv_reader_free(struct csv_reader *r)
{
	if (r == NULL)
		return;
	free(r->name);
	free(r->buf);
	free(r->lens);
	free(r->fields);
	free(r);
}

static int
csv_error(const struct csv_reader *r, unsigned long line, unsigned long col,
    struct error *err, const char *what)
{
	return error_set(err, RC_INPUT, "%s:%lu: column %lu: %s", r->name, line,
	    col, what);
}

/* Adds bytes to the record, each field's closing NUL included. */
static int
csv_put(struct csv_reader *r, const char *s, size_t n, struct error *err)
{
	if (r->len + n > CSV_MAX_RECORD) {
		/* Records start after a line end, so always in column 1. */
		return csv_error(r, r->recline, 1, err,
		    "record longer than 16 MiB");
	}
	if (r->len + n > r->size) {
		while (r->len + n > r->size)
			r->size = r->size ? r->size * 2 : 256;
		r->buf = csv_realloc(r->buf, r->size, 1);
	}
	memcpy(r->buf + r->len, s, n);
	r->len += n;
	return RC_OK;
}

/* Adds a character to the current field. */
static int
csv_append(struct csv_reader *r, const char *s, size_t n, struct error *err)
{
	if (r->len - r->fstart + n > CSV_MAX_FIELD) {
		return csv_error(r, r->fline, r->fcol, err,
		    "field longer than 1 MiB (is a closing quote missing?)");
	}
	return csv_put(r, s, n, err);
}

static int
csv_end_field(struct csv_reader *r, struct error *err)
{
	int	rc;

	if (r->nfields == CSV_MAX_FIELDS) {
		return csv_error(r, r->line, r->col + 1, err,
		    "more than 65536 fields in one record");
	}
	if ((rc = csv_put(r, "", 1, err)) != RC_OK)
		return rc;
	if (r->nfields == r->fsize) {
		r->fsize = r->fsize ? r->fsize * 2 : 16;
		r->lens = csv_realloc(r->lens, r->fsize, sizeof *r->lens);
		r->fields = csv_realloc(r->fields, r->fsize, sizeof *r->fields);
	}
	r->lens[r->nfields++] = r->len - r->fstart - 1;
	r->fstart = r->len;
	r->state = CSV_FIELD;
	return RC_OK;
}

/*
 * Whether a cell starting with c is one that spreadsheets run as a formula
 * (or strip, tab and CR), or the quote that marks such a cell as text.
 */
static int
csv_formula_start(char c)
{
	return c != '\0' && strchr("=+-@\t\r'", c) != NULL;
}

static int
csv_end_record(struct csv_reader *r, csv_record_cb cb, void *arg,
    struct error *err)
{
	struct csv_record	 rec;
	size_t			 i;
	int			 rc;

	if ((rc = csv_end_field(r, err)) != RC_OK)
		return rc;
	/* The buffer may have moved while growing, so point into it now. */
	r->fields[0] = r->buf;
	for (i = 1; i < r->nfields; i++)
		r->fields[i] = r->fields[i - 1] + r->lens[i - 1] + 1;
	for (i = 0; i < r->nfields; i++)
		if (r->fields[i][0] == '\'' &&
		    csv_formula_start(r->fields[i][1])) {
			r->fields[i]++;
			r->lens[i]--;
		}
	rec.nfields = r->nfields;
	rec.fields = r->fields;
	rec.lengths = r->lens;
	rec.line = r->recline;
	r->len = r->fstart = r->nfields = 0;
	r->started = 0;
	return cb(&rec, arg, err);
}

/* Whether c ends a field outside quotes. */
static int
csv_is_delimiter(const struct csv_reader *r, char c)
{
	return c == r->sep || c == '\r' || c == '\n';
}

/* A separator, CR or LF that ends a field outside quotes. */
static int
csv_delimiter(struct csv_reader *r, char c, csv_record_cb cb, void *arg,
    struct error *err)
{
	if (c == r->sep)
		return csv_end_field(r, err);
	if (c == '\r') {
		r->state = CSV_CR;
		return RC_OK;
	}
	return csv_end_record(r, cb, arg, err);
}

static int
csv_unquoted(struct csv_reader *r, const char *s, size_t n, csv_record_cb cb,
    void *arg, struct error *err)
{
	if (csv_is_delimiter(r, *s))
		return csv_delimiter(r, *s, cb, arg, err);
	if (*s == '"') {
		return csv_error(r, r->line, r->col + 1, err,
		    "'\"' inside an unquoted field (quote the whole field)");
	}
	return csv_append(r, s, n, err);
}

static int
csv_field_start(struct csv_reader *r, const char *s, size_t n,
    csv_record_cb cb, void *arg, struct error *err)
{
	if (!r->started) {
		if (*s == '\n')
			return RC_OK;	/* a blank line */
		if (*s == '\r') {
			r->state = CSV_CR;
			return RC_OK;
		}
		r->started = 1;
		r->recline = r->line;
	}
	r->fline = r->line;
	r->fcol = r->col + 1;
	if (*s == '"') {
		r->state = CSV_QUOTED;
		return RC_OK;
	}
	r->state = CSV_UNQUOTED;
	return csv_unquoted(r, s, n, cb, arg, err);
}

/* Called on the character after the CR, or at the end of the input. */
static int
csv_bare_cr(const struct csv_reader *r, struct error *err)
{
	return csv_error(r, r->line, r->col, err, "carriage return without "
	    "a line feed (lines must end in LF or CRLF)");
}

static int
csv_quote_end(const struct csv_reader *r, struct error *err)
{
	char what[96];

	snprintf(what, sizeof what, "text after the closing quote of a field "
	    "(expected a %s or a line end)", csv_separator_name(r->sep));
	return csv_error(r, r->line, r->col + 1, err, what);
}

/* One whole character, s[0..n), that has passed the UTF-8 check. */
static int
csv_step(struct csv_reader *r, const char *s, size_t n, csv_record_cb cb,
    void *arg, struct error *err)
{
	switch (r->state) {
	case CSV_FIELD:
		return csv_field_start(r, s, n, cb, arg, err);
	case CSV_UNQUOTED:
		return csv_unquoted(r, s, n, cb, arg, err);
	case CSV_QUOTED:
		if (*s == '"') {
			r->state = CSV_QUOTE;
			return RC_OK;
		}
		return csv_append(r, s, n, err);
	case CSV_QUOTE:
		if (*s == '"') {
			r->state = CSV_QUOTED;
			return csv_append(r, s, n, err);
		}
		if (csv_is_delimiter(r, *s))
			return csv_delimiter(r, *s, cb, arg, err);
		return csv_quote_end(r, err);
	case CSV_CR:
		break;
	}
	if (*s != '\n')
		return csv_bare_cr(r, err);
	if (!r->started) {
		r->state = CSV_FIELD;	/* a blank line */
		return RC_OK;
	}
	return csv_end_record(r, cb, arg, err);
}

static int
csv_char(struct csv_reader *r, const char *s, size_t n, csv_record_cb cb,
    void *arg, struct error *err)
{
	int	rc;

	/* Fields are handed on as C strings, so a NUL would cut one short. */
	if (*s == '\0') {
		return csv_error(r, r->line, r->col + 1, err,
		    "NUL byte (this does not look like a text file)");
	}
	rc = csv_step(r, s, n, cb, arg, err);
	if (*s == '\n') {
		r->line++;
		r->col = 0;
	} else
		r->col++;
	return rc;
}

static int
csv_bad_utf8(const struct csv_reader *r, struct error *err)
{
	return csv_error(r, r->line, r->col + 1, err,
	    "invalid UTF-8 (save the file as UTF-8)");
}

/*
 * Bytes are gathered until utf8_decode accepts them as one character, so a
 * character split across chunks reads like any other.  No sequence is
 * longer than four bytes, and none goes on after a byte that is not a
 * continuation byte, so either of those means it will never be accepted.
 */
static int
csv_byte(struct csv_reader *r, unsigned char c, csv_record_cb cb, void *arg,
    struct error *err)
{
	uint32_t	cp;
	size_t		n;
	char		ch = (char)c;

	if (r->seqlen == 0 && c < 0x80)
		return csv_char(r, &ch, 1, cb, arg, err);
	if (r->seqlen > 0 && (c & 0xc0) != 0x80)
		return csv_bad_utf8(r, err);
	r->seq[r->seqlen++] = c;
	n = utf8_decode((const char *)r->seq, r->seqlen, &cp);
	if (n == 0) {
		if (r->seqlen == sizeof r->seq)
			return csv_bad_utf8(r, err);
		return RC_OK;
	}
	r->seqlen = 0;
	return csv_char(r, (const char *)r->seq, n, cb, arg, err);
}

/* What looked like the start of a BOM turned out to be data. */
static int
csv_no_bom(struct csv_reader *r, csv_record_cb cb, void *arg,
    struct error *err)
{
	size_t	i, n = r->bom;
	int	rc;

	r->bom = sizeof csv_bom;
	for (i = 0; i < n; i++) {
		if ((rc = csv_byte(r, csv_bom[i], cb, arg, err)) != RC_OK)
			return rc;
	}
	return RC_OK;
}

/*
 * The length of the run of printable ASCII at u that goes straight into the
 * current field: most of any file, and much faster taken a run at a time.
 */
static size_t
csv_run(const struct csv_reader *r, const unsigned char *u, size_t len)
{
	size_t	i;

	if (r->seqlen > 0 ||
	    (r->state != CSV_UNQUOTED && r->state != CSV_QUOTED))
		return 0;
	for (i = 0; i < len; i++) {
		if (u[i] < 0x20 || u[i] > 0x7e || u[i] == '"')
			break;
		if (u[i] == (unsigned char)r->sep && r->state == CSV_UNQUOTED)
			break;
	}
	return i;
}

int
csv_feed(struct csv_reader *r, const char *buf, size_t len, csv_record_cb cb,
    void *arg, struct error *err)
{
	const unsigned char	*u = (const unsigned char *)buf;
	size_t			 i, n;
	int			 rc;

	for (i = 0; i < len; i++) {
		if ((n = csv_run(r, u + i, len - i)) > 0) {
			if ((rc = csv_append(r, buf + i, n, err)) != RC_OK)
				return rc;
			r->col += n;
			i += n - 1;
			continue;
		}
		if (r->bom < sizeof csv_bom) {
			if (u[i] == csv_bom[r->bom]) {
				r->bom++;
				continue;
			}
			if ((rc = csv_no_bom(r, cb, arg, err)) != RC_OK)
				return rc;
		}
		if ((rc = csv_byte(r, u[i], cb, arg, err)) != RC_OK)
			return rc;
	}
	return RC_OK;
}

int
csv_finish(struct csv_reader *r, csv_record_cb cb, void *arg,
    struct error *err)
{
	int	rc;

	if (r->bom < sizeof csv_bom) {
		if ((rc = csv_no_bom(r, cb, arg, err)) != RC_OK)
			return rc;
	}
	if (r->seqlen > 0)
		return csv_bad_utf8(r, err);
	switch (r->state) {
	case CSV_QUOTED:
		return csv_error(r, r->fline, r->fcol, err, "unterminated "
		    "quoted field (the quote opened here is never closed)");
	case CSV_CR:
		return csv_bare_cr(r, err);
	case CSV_FIELD:
		if (!r->started)
			return RC_OK;
		break;
	case CSV_UNQUOTED:
	case CSV_QUOTE:
		break;
	}
	return csv_end_record(r, cb, arg, err);
}

int
csv_feed_file(struct csv_reader *r, FILE *f, struct strbuf *keep,
    csv_record_cb cb, void *arg, struct error *err)
{
	char	buf[CSV_CHUNK];
	size_t	n;
	int	rc = RC_OK;

	while (rc == RC_OK && (n = fread(buf, 1, sizeof buf, f)) > 0) {
		if (keep != NULL)
			strbuf_add(keep, buf, n);
		rc = csv_feed(r, buf, n, cb, arg, err);
	}
	if (rc == RC_OK && ferror(f))
		rc = error_set(err, RC_INPUT, "%s: %s", r->name,
		    strerror(errno));
	if (rc == RC_OK)
		rc = csv_finish(r, cb, arg, err);
	return rc;
}

int
csv_read_file(const char *path, char sep, csv_record_cb cb, void *arg,
    struct error *err)
{
	struct csv_reader	*r;
	FILE			*f;
	int			 rc;

	if ((f = fopen(path, "rb")) == NULL) {
		return error_set(err, RC_INPUT, "%s: %s", path,
		    strerror(errno));
	}
	r = csv_reader_new(path);
	csv_reader_separator(r, sep);
	rc = csv_feed_file(r, f, NULL, cb, arg, err);
	csv_reader_free(r);
	fclose(f);
	return rc;
}

void
csv_write_field(FILE *f, const char *s, int last)
{
	int formula;

	/* NULL is an empty field, so SQL NULLs can be written as they come. */
	if (s == NULL)
		s = "";
	/* Text to a spreadsheet, quoted as OWASP advises; read back without. */
	formula = csv_formula_start(*s);
	if (!formula && strpbrk(s, ",\"\r\n") == NULL)
		fputs(s, f);
	else {
		fputs(formula ? "\"'" : "\"", f);
		for (; *s != '\0'; s++) {
			if (*s == '"')
				putc('"', f);
			putc(*s, f);
		}
		putc('"', f);
	}
	fputs(last ? "\r\n" : ",", f);
}

/*
 * Reading the changeset file: the header, the body's length and
 * checksum, then the body replayed into an empty stage and checked
 * there.  Nothing of the pool is touched: a file refused here leaves it
 * as it was.
 */
#define SQLITE_ENABLE_SESSION		1
#define SQLITE_ENABLE_PREUPDATE_HOOK	1
#include <sqlite3.h>

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "changeset.h"
#include "strbuf.h"

/* The longest header line: the words and numbers above, with room. */
#define HEADER_MAX	160

struct header {
	long long	 version, schema, bytes;
	char		 sum[CHANGESET_HEX + 1];
	char		 head[HEADER_MAX];	/* the line before " sha256" */
	size_t		 len;		/* of the line, with its '\n' */
};

/* The whole file, if a regular one no larger than CHANGESET_MAX. */
static int
slurp(const char *path, char **buf, size_t *len, struct error *err)
{
	struct stat sb;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return error_set(err, RC_INPUT, "%s: cannot open (%s)", path,
		    strerror(errno));
	if (fstat(fd, &sb) == -1) {
		error_set(err, RC_INPUT, "%s: %s", path, strerror(errno));
		close(fd);
		return RC_INPUT;
	}
	if (!S_ISREG(sb.st_mode)) {
		close(fd);
		return error_set(err, RC_INPUT, "%s: is %s (expected a "
		    "changeset file)", path, S_ISDIR(sb.st_mode) ?
		    "a directory" : "not a regular file");
	}
	if (sb.st_size > CHANGESET_MAX) {
		close(fd);
		return error_set(err, RC_INPUT, "%s: too large for a changeset "
		    "(%lld MiB; at most %lld)", path,
		    (long long)sb.st_size >> 20, CHANGESET_MAX >> 20);
	}
	*buf = xmalloc((size_t)sb.st_size + 1);
	*len = 0;
	while ((n = read(fd, *buf + *len, (size_t)sb.st_size - *len)) > 0)
		*len += (size_t)n;
	close(fd);
	if (n == -1) {
		free(*buf);
		return error_set(err, RC_INPUT, "%s: %s", path,
		    strerror(errno));
	}
	return RC_OK;
}

/* A number of the header: digits only, and not too many of them. */
static int
number(const char *word, long long *v)
{
	if (strspn(word, "0123456789") != strlen(word) ||
	    strlen(word) == 0 || strlen(word) > 12)
		return 0;
	*v = strtoll(word, NULL, 10);
	return 1;
}

/* The first bytes of every SQLite database file, its NUL included. */
#define SQLITE_MAGIC	"SQLite format 3"

/* "roster-changeset 1 schema 5 bytes 5678 sha256 HEX": 1 if it is. */
static int
parse_line(char *line, struct header *h)
{
	char *w[8], *word, *save = NULL;
	int n = 0;

	for (word = strtok_r(line, " ", &save); word != NULL;
	    word = strtok_r(NULL, " ", &save)) {
		if (n == 8)
			return 0;
		w[n++] = word;
	}
	return n == 8 && strcmp(w[0], CHANGESET_MAGIC) == 0 &&
	    number(w[1], &h->version) && strcmp(w[2], "schema") == 0 &&
	    number(w[3], &h->schema) && strcmp(w[4], "bytes") == 0 &&
	    number(w[5], &h->bytes) && strcmp(w[6], "sha256") == 0 &&
	    strlen(w[7]) == CHANGESET_HEX && strspn(w[7],
	    "0123456789abcdef") == CHANGESET_HEX &&
	    snprintf(h->sum, sizeof h->sum, "%s", w[7]) == CHANGESET_HEX;
}

static int
read_header(const char *path, const char *buf, size_t len, struct header *h,
    struct error *err)
{
	size_t magic = strlen(CHANGESET_MAGIC " ");
	char line[HEADER_MAX + 1];
	const char *nl;

	if (len == 0)
		return error_set(err, RC_INPUT, "%s: empty (not a roster "
		    "changeset)", path);
	/* A database given for a changeset: say which command takes it. */
	if (len >= sizeof SQLITE_MAGIC && memcmp(buf, SQLITE_MAGIC,
	    sizeof SQLITE_MAGIC) == 0)
		return error_set(err, RC_INPUT, "%s: not a roster changeset "
		    "but a database (roster merge reads a pool's database)",
		    path);
	if (memcmp(buf, CHANGESET_MAGIC " ", len < magic ? len : magic) != 0)
		return error_set(err, RC_INPUT, "%s: not a roster changeset",
		    path);
	nl = memchr(buf, '\n', len < HEADER_MAX ? len : HEADER_MAX);
	if (nl == NULL && len < HEADER_MAX)
		return error_set(err, RC_INPUT, "%s: cut short: %zu bytes, "
		    "within its first line", path, len);
	h->len = nl != NULL ? (size_t)(nl - buf) + 1 : 0;
	if (nl == NULL || memchr(buf, '\0', h->len) != NULL)
		return error_set(err, RC_INPUT, "%s: not a roster changeset",
		    path);
	memcpy(line, buf, h->len - 1);
	line[h->len - 1] = '\0';
	snprintf(h->head, sizeof h->head, "%.*s", (int)(strstr(line,
	    " sha256") != NULL ? strstr(line, " sha256") - line : 0), line);
	if (!parse_line(line, h))
		return error_set(err, RC_INPUT, "%s: not a roster changeset",
		    path);
	if (h->version != CHANGESET_VERSION)
		return error_set(err, RC_INPUT, "%s: a changeset of format %lld,"
		    " which this roster does not read (it reads format %d)",
		    path, h->version, CHANGESET_VERSION);
	return RC_OK;
}

/* The body is all there, as it was written, and of a schema known here. */
static int
check_body(const char *path, const char *body, size_t len,
    const struct header *h, struct error *err)
{
	struct strbuf a = { 0 }, b = { 0 };
	char hex[CHANGESET_HEX + 1];

	if ((long long)len < h->bytes) {
		strbuf_thousands(&a, (long long)(h->len + len));
		strbuf_thousands(&b, (long long)h->len + h->bytes);
		error_set(err, RC_INPUT, "%s: cut short: %s of %s bytes", path,
		    strbuf_str(&a), strbuf_str(&b));
		strbuf_free(&a);
		strbuf_free(&b);
		return RC_INPUT;
	}
	if ((long long)len > h->bytes)
		return error_set(err, RC_INPUT, "%s: damaged (%lld bytes more "
		    "than its header says)", path, (long long)len - h->bytes);
	changeset_digest(h->head, body, len, hex);
	if (strcmp(hex, h->sum) != 0)
		return error_set(err, RC_INPUT, "%s: damaged (checksum)", path);
	/* Its tables may differ from this roster's stage. */
	if (h->schema > store_schema_version())
		return error_set(err, RC_INPUT, "%s: made by a newer roster "
		    "(schema %lld; this one knows schema %d at most): upgrade "
		    "roster to apply it", path, h->schema,
		    store_schema_version());
	return RC_OK;
}

/* SQLite's variable-length integer at b[*pos], or -1 past end or when
 * too large to be a length (shifted unsigned: a signed overflow is
 * undefined). */
static long long
varint(const unsigned char *b, size_t len, size_t *pos)
{
	unsigned long long v = 0;
	int i;

	for (i = 0; i < 9; i++) {
		if (*pos >= len)
			return -1;
		if (i == 8) {
			v = (v << 8) | b[(*pos)++];
			break;
		}
		v = (v << 7) | (b[*pos] & 0x7f);
		if ((b[(*pos)++] & 0x80) == 0)
			break;
	}
	return v > LLONG_MAX ? -1 : (long long)v;
}

/* One record's ncol values: a type byte, then what the type says. */
static int
values_end(const unsigned char *b, size_t len, size_t *pos, long long ncol)
{
	long long n;

	for (; ncol > 0; ncol--) {
		if (*pos >= len)
			return 0;
		switch (b[(*pos)++]) {
		case 0:			/* not there (an update's) */
		case SQLITE_NULL:
			break;
		case SQLITE_INTEGER:
		case SQLITE_FLOAT:
			if ((*pos += 8) > len)
				return 0;
			break;
		case SQLITE_TEXT:
		case SQLITE_BLOB:
			if ((n = varint(b, len, pos)) < 0 || (long long)(len -
			    *pos) < n)
				return 0;
			*pos += (size_t)n;
			break;
		default:
			return 0;
		}
	}
	return 1;
}

/*
 * Whether the body holds whole tables and records of SQLite's changeset
 * format (sqlite3session.h): SQLite 3.40 reads a table's header cut
 * short, or its name unended, for ever, so what is not whole is refused
 * before it is replayed.
 */
static int
well_formed(const unsigned char *b, size_t len)
{
	long long ncol = -1, n;
	size_t pos = 0;
	int op;

	while (pos < len) {
		if ((op = b[pos++]) == 'T') {
			if ((ncol = varint(b, len, &pos)) <= 0 ||
			    ncol > 65536 || (long long)(len - pos) < ncol)
				return 0;
			pos += (size_t)ncol;
			if ((n = (long long)strnlen((const char *)b + pos,
			    len - pos)) == (long long)(len - pos))
				return 0;
			pos += (size_t)n + 1;
			continue;
		}
		if (ncol < 0 || (op != SQLITE_INSERT && op != SQLITE_DELETE &&
		    op != SQLITE_UPDATE) || pos++ >= len ||
		    !values_end(b, len, &pos, ncol) ||
		    (op == SQLITE_UPDATE && !values_end(b, len, &pos, ncol)))
			return 0;
	}
	return 1;
}

/* An empty stage has nothing to conflict with: a conflict is damage. */
static int
conflict_abort(void *arg, int why, sqlite3_changeset_iter *it)
{
	(void)arg;
	(void)why;
	(void)it;
	return SQLITE_CHANGESET_ABORT;
}

static int
replay(const char *path, const void *body, size_t len, sqlite3 **stage,
    struct error *err)
{
	int rc;

	if (!well_formed(body, len))
		return error_set(err, RC_INPUT, "%s: damaged (not whole)",
		    path);
	if ((rc = exchange_stage_open(stage, err)) != RC_OK)
		return rc;
	if (sqlite3changeset_apply(*stage, (int)len, (void *)body, NULL,
	    conflict_abort, NULL) != SQLITE_OK) {
		sqlite3_close(*stage);
		*stage = NULL;
		return error_set(err, RC_INPUT, "%s: damaged (its changes do "
		    "not replay)", path);
	}
	return RC_OK;
}

int
changeset_read(const char *path, sqlite3 **stage, struct exchange_meta *m,
    struct error *err)
{
	struct header h;
	size_t len = 0;
	char *buf = NULL;
	int rc;

	*stage = NULL;
	if ((rc = slurp(path, &buf, &len, err)) != RC_OK)
		return rc;
	if ((rc = read_header(path, buf, len, &h, err)) == RC_OK &&
	    (rc = check_body(path, buf + h.len, len - h.len, &h, err)) ==
	    RC_OK)
		rc = replay(path, buf + h.len, len - h.len, stage, err);
	free(buf);
	if (rc == RC_OK && (rc = exchange_meta_read(*stage, m, err)) !=
	    RC_OK) {
		error_prefix(err, "%s", path);
		sqlite3_close(*stage);
		*stage = NULL;
	}
	return rc;
}

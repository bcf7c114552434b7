/*
 * Import: each file's kind is told by its header; people go first so that
 * missions and unavailability in the same import can refer to them.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "fts.h"
#include "import.h"
#include "person.h"
#include "refdata.h"
#include "utf8.h"

static const char *const people_columns[] = { "id", "family_name",
    "given_name", "agency", "rank", "gender", "email", "phone", "status",
    "notice_days", "passport_expiry", "medical_expiry", "heat_expiry",
    "languages", "themes", "skills", "notes", NULL };
static const char *const missions_columns[] = { "person_id", "mission",
    "country", "start", "end", "role", "themes", NULL };
static const char *const unavailability_columns[] = { "person_id", "from",
    "to", "reason", NULL };

static const struct kind {
	const char		*name;
	const char *const	*columns;
	const char		*required[5];
} kinds[FILE_NKINDS] = {
	[FILE_PEOPLE] = { "people", people_columns,
	    { "family_name", NULL } },
	[FILE_MISSIONS] = { "missions", missions_columns,
	    { "person_id", "mission", "country", "start", NULL } },
	[FILE_UNAVAILABILITY] = { "unavailability", unavailability_columns,
	    { "person_id", "from", NULL } },
};

#define MAX_COLUMNS 17
/* Room for a ';'-list cell: PERSON_MAX_LIST of the longest slug is 2 KiB. */
#define LIST_MAX 4096

struct input {
	const char	*path;
	enum file_kind	 kind;	/* FILE_NKINDS: unreadable, not imported */
};

struct importer {
	struct store		*store;
	struct person_writer	*writer;
	struct import_stats	*stats;
	struct strbuf		*report;
	struct error		*err;
	int			 nerrors;
	sqlite3_stmt		*seen_get, *seen_put; /* ids met so far */
	/* The file being read. */
	const char		*path;
	enum file_kind		 kind;
	int			 header_done;
	size_t			 nfields;	/* of the header */
	int			 column[MAX_COLUMNS];	/* kind column -> field */
	unsigned long		 line;
	const struct csv_record	*rec;
	int			 row_bad;
};

const char *const *
import_columns(enum file_kind k)
{
	return kinds[k].columns;
}

const char *
import_kind_name(enum file_kind k)
{
	return kinds[k].name;
}

/*
 * Records a problem and goes on, so one run reports many (up to a limit);
 * kc is the column of the kind (people_columns...), or -1 for the row.
 */
static int
problem(struct importer *im, int kc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int
problem(struct importer *im, int kc, const char *fmt, ...)
{
	char what[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	im->row_bad = 1;
	if (im->nerrors++ >= IMPORT_MAX_ERRORS)
		return RC_INPUT;
	strbuf_addf(im->report, "%s:%lu: ", im->path, im->line);
	if (kc >= 0)
		strbuf_addf(im->report, "column %d (%s): ", im->column[kc] + 1,
		    kinds[im->kind].columns[kc]);
	strbuf_addf(im->report, "%s\n", what);
	return RC_INPUT;
}

/* The cell of kind column kc in the current row; "" when absent. */
static const char *
cell(struct importer *im, int kc)
{
	int f = im->column[kc];

	if (f < 0 || (size_t)f >= im->rec->nfields)
		return "";
	return im->rec->fields[f];
}

/* Single-line text: no control characters, which would reach terminals. */
static int
check_text(struct importer *im, int kc, int multiline)
{
	const unsigned char *s = (const unsigned char *)cell(im, kc);

	for (; *s != '\0'; s++)
		if ((*s < 0x20 && !(multiline && (*s == '\n' || *s == '\t' ||
		    *s == '\r'))) || *s == 0x7f)
			return problem(im, kc, "control character 0x%02x "
			    "(expected plain text)", *s);
	return RC_OK;
}

static int
check_date(struct importer *im, int kc, int required, char out[DATE_LEN])
{
	const char *v = cell(im, kc);
	int day;

	out[0] = '\0';
	if (*v == '\0') {
		if (required)
			return problem(im, kc, "missing date (expected "
			    "YYYY-MM-DD)");
		return RC_OK;
	}
	if (!date_parse(v, &day))
		return problem(im, kc, "'%s' is not a date (expected a real "
		    "date as YYYY-MM-DD)", v);
	snprintf(out, DATE_LEN, "%s", v);
	return RC_OK;
}

static int
check_uuid(struct importer *im, int kc, char out[PERSON_ID_LEN])
{
	const char *v = cell(im, kc);
	size_t i;

	out[0] = '\0';
	if (strlen(v) != 36)
		goto bad;
	for (i = 0; i < 36; i++) {
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (v[i] != '-')
				goto bad;
		} else if (!isxdigit((unsigned char)v[i]))
			goto bad;
		out[i] = (char)tolower((unsigned char)v[i]);
	}
	out[36] = '\0';
	return RC_OK;
bad:
	out[0] = '\0';
	return problem(im, kc, "'%s' is not an id (expected a UUID such as "
	    "0f8fad5b-d9cb-469f-a165-70867728950e)", v);
}

/*
 * Splits a ';'-list cell into at most PERSON_MAX_LIST trimmed items, which
 * live in buf (LIST_MAX bytes).
 */
static size_t
split_list(struct importer *im, int kc, char *buf, char **items)
{
	const char *v = cell(im, kc);
	size_t n = 0, len = strlen(v);
	char *p, *end;

	/* Any list of real items fits; cutting a longer one would lose some. */
	if (len >= LIST_MAX) {
		problem(im, kc, "a list of %zu bytes (expected at most %d)", len,
		    LIST_MAX - 1);
		return 0;
	}
	memcpy(buf, v, len + 1);
	for (p = strtok(buf, ";"); p != NULL; p = strtok(NULL, ";")) {
		while (*p == ' ')
			p++;
		end = p + strlen(p);
		while (end > p && end[-1] == ' ')
			*--end = '\0';
		if (*p == '\0')
			continue;
		if (n == PERSON_MAX_LIST) {
			problem(im, kc, "more than %d items", PERSON_MAX_LIST);
			break;
		}
		items[n++] = p;
	}
	return n;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
cmp_lang(const void *a, const void *b)
{
	return strcmp(((const struct person_lang *)a)->code,
	    ((const struct person_lang *)b)->code);
}

/*
 * A vocabulary list (themes, skills) into out[], sorted, each slug
 * checked; buf (LIST_MAX bytes) keeps the strings alive.
 */
static size_t
check_vocab(struct importer *im, int kc, enum vocab v, char *buf,
    const char **out)
{
	char *items[PERSON_MAX_LIST];
	size_t n, i, j, kept = 0;
	struct error e;
	int rc;

	n = split_list(im, kc, buf, items);
	/*
	 * Lower case before sorting, so that "Drugs;drugs" is seen twice and
	 * the list is in the order person_put compares and stores it.
	 */
	for (i = 0; i < n; i++)
		for (j = 0; items[i][j] != '\0'; j++)
			items[i][j] = (char)tolower((unsigned char)items[i][j]);
	qsort(items, n, sizeof *items, cmp_str);
	for (i = 0; i < n; i++) {
		if (kept > 0 && strcmp(out[kept - 1], items[i]) == 0)
			continue;
		rc = refdata_vocab(im->store, v, items[i], &e);
		if (rc == RC_REFUSED)
			problem(im, kc, "%s", e.msg);
		else if (rc != RC_OK)
			return problem(im, kc, "%s", e.msg), kept;
		out[kept++] = items[i];
	}
	return kept;
}

static void
check_languages(struct importer *im, int kc, struct person *p)
{
	char buf[LIST_MAX], *items[PERSON_MAX_LIST], *colon;
	size_t n, i;
	struct error e;
	int level;

	n = split_list(im, kc, buf, items);
	p->nlangs = 0;
	for (i = 0; i < n; i++) {
		if ((colon = strchr(items[i], ':')) == NULL) {
			problem(im, kc, "'%s' has no level (expected code:level "
			    "as in fr:B2)", items[i]);
			continue;
		}
		*colon = '\0';
		if ((level = refdata_level(colon + 1)) == 0) {
			problem(im, kc, "'%s' is not a level (expected A1 A2 "
			    "B1 B2 C1 C2 or native)", colon + 1);
			continue;
		}
		if (strlen(items[i]) != 2 || refdata_language(im->store,
		    items[i], p->langs[p->nlangs].code, &e) != RC_OK) {
			problem(im, kc, "unknown language code '%s' (expected "
			    "an ISO 639-1 code such as fr)", items[i]);
			continue;
		}
		p->langs[p->nlangs++].level = level;
	}
	qsort(p->langs, p->nlangs, sizeof *p->langs, cmp_lang);
	for (i = 1; i < p->nlangs; i++)
		if (strcmp(p->langs[i].code, p->langs[i - 1].code) == 0)
			problem(im, kc, "language '%s' given twice",
			    p->langs[i].code);
}

/* Lower-cases a choice cell into out, or reports what was expected. */
static void
check_choice(struct importer *im, int kc, const char *const *choices,
    const char *expected, const char *dflt, const char **out)
{
	const char *v = cell(im, kc);
	size_t i;

	*out = dflt;
	if (*v == '\0')
		return;
	for (i = 0; choices[i] != NULL; i++)
		if (strcasecmp(v, choices[i]) == 0) {
			*out = choices[i];
			return;
		}
	problem(im, kc, "'%s' is not allowed (expected %s)", v, expected);
}

/* Marks an id as met in this import; the same id twice is refused. */
static int
first_sighting(struct importer *im, const char *id)
{
	char where[256];
	int rc;

	sqlite3_bind_text(im->seen_get, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(im->seen_get)) == SQLITE_ROW)
		problem(im, 0, "id %s appears twice (also at %s)", id,
		    (const char *)sqlite3_column_text(im->seen_get, 0));
	sqlite3_reset(im->seen_get);
	if (rc == SQLITE_ROW)
		return 0;
	snprintf(where, sizeof where, "%s:%lu", im->path, im->line);
	sqlite3_bind_text(im->seen_put, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(im->seen_put, 2, where, -1, SQLITE_STATIC);
	sqlite3_step(im->seen_put);
	sqlite3_reset(im->seen_put);
	return 1;
}

static int
row_people(struct importer *im)
{
	static const char *const genders[] = { "f", "m", "x", NULL };
	static const char *const statuses[] = { "active", "inactive", "left",
	    NULL };
	char themes_buf[LIST_MAX], skills_buf[LIST_MAX], *end;
	struct person p;
	long long pk;
	const char *v;
	long notice;
	int rc, kc;

	memset(&p, 0, sizeof p);
	for (kc = 1; kc <= 7; kc++)
		check_text(im, kc, 0);
	check_text(im, 16, 1);
	/* An empty id (or no id column) asks for a new one. */
	if (*cell(im, 0) != '\0')
		check_uuid(im, 0, p.id);
	p.family_name = cell(im, 1);
	if (*p.family_name == '\0')
		problem(im, 1, "missing family name");
	p.given_name = cell(im, 2);
	p.agency = cell(im, 3);
	p.rank = cell(im, 4);
	check_choice(im, 5, genders, "f, m, x or empty", "", &p.gender);
	p.email = cell(im, 6);
	if (*p.email != '\0' && (strchr(p.email, '@') == NULL ||
	    strchr(p.email, ' ') != NULL))
		problem(im, 6, "'%s' is not an e-mail address", p.email);
	p.phone = cell(im, 7);
	if (strspn(p.phone, "0123456789+-() .") != strlen(p.phone))
		problem(im, 7, "'%s' is not a phone number (expected digits, "
		    "spaces and + - ( ) .)", p.phone);
	check_choice(im, 8, statuses, "active, inactive, left or empty",
	    "active", &p.status);
	v = cell(im, 9);
	notice = 0;
	if (*v != '\0') {
		notice = strtol(v, &end, 10);
		if (!isdigit((unsigned char)*v) || *end != '\0' ||
		    notice > 3650)
			problem(im, 9, "'%s' is not a number of days (expected "
			    "a whole number from 0 to 3650)", v);
	}
	p.notice_days = (int)notice;
	check_date(im, 10, 0, p.passport_expiry);
	check_date(im, 11, 0, p.medical_expiry);
	check_date(im, 12, 0, p.heat_expiry);
	check_languages(im, 13, &p);
	p.nthemes = check_vocab(im, 14, VOCAB_THEME, themes_buf, p.themes);
	p.nskills = check_vocab(im, 15, VOCAB_SKILL, skills_buf, p.skills);
	p.notes = cell(im, 16);
	if (p.id[0] != '\0' && !first_sighting(im, p.id))
		return RC_OK;
	if (im->row_bad)
		return RC_OK;
	rc = person_put(im->writer, &p, &pk, im->err);
	if (rc == RC_INPUT)
		return problem(im, -1, "%s", im->err->msg), RC_OK;
	return rc;
}

/* The person a row refers to, which must exist (or come in this import). */
static int
row_person(struct importer *im, long long *pk)
{
	char id[PERSON_ID_LEN];
	struct error e;
	int rc;

	if (*cell(im, 0) == '\0')
		return problem(im, 0, "missing person id");
	if (check_uuid(im, 0, id) != RC_OK)
		return RC_INPUT;
	rc = person_find(im->store, id, pk, &e);
	if (rc == RC_REFUSED)
		return problem(im, 0, "unknown person %s (expected the id of "
		    "a person in the database or in a people file of this "
		    "import)", id);
	if (rc != RC_OK)
		return error_set(im->err, RC_DB, "%s", e.msg);
	return RC_OK;
}

static int
check_window(struct importer *im, int kend, const char *start,
    const char *end)
{
	if (*end != '\0' && *start != '\0' && strcmp(end, start) < 0)
		return problem(im, kend, "%s is before the start %s (expected "
		    "an end on or after the start, or empty)", end, start);
	return RC_OK;
}

static int
row_missions(struct importer *im)
{
	char themes_buf[LIST_MAX];
	struct service sv;
	struct error e;
	long long pk = 0;
	int rc;

	memset(&sv, 0, sizeof sv);
	if (row_person(im, &pk) == RC_DB)
		return RC_DB;
	check_text(im, 1, 0);
	check_text(im, 5, 0);
	sv.mission = cell(im, 1);
	if (*sv.mission == '\0')
		problem(im, 1, "missing mission name");
	if (strlen(cell(im, 2)) != 2 ||
	    refdata_country(im->store, cell(im, 2), sv.country, &e) != RC_OK)
		problem(im, 2, "unknown country code '%s' (expected an ISO "
		    "3166-1 alpha-2 code such as ML; XK is Kosovo)",
		    cell(im, 2));
	check_date(im, 3, 1, sv.start);
	check_date(im, 4, 0, sv.end);
	check_window(im, 4, sv.start, sv.end);
	sv.role = cell(im, 5);
	sv.nthemes = check_vocab(im, 6, VOCAB_THEME, themes_buf, sv.themes);
	if (im->row_bad)
		return RC_OK;
	rc = service_put(im->writer, pk, &sv, im->err);
	if (rc == RC_INPUT)
		return problem(im, -1, "%s", im->err->msg), RC_OK;
	return rc;
}

static int
row_unavailability(struct importer *im)
{
	struct unavail u;
	long long pk = 0;
	int rc;

	memset(&u, 0, sizeof u);
	if (row_person(im, &pk) == RC_DB)
		return RC_DB;
	check_date(im, 1, 1, u.start);
	check_date(im, 2, 0, u.end);
	check_window(im, 2, u.start, u.end);
	check_text(im, 3, 0);
	u.reason = cell(im, 3);
	if (im->row_bad)
		return RC_OK;
	rc = unavail_put(im->writer, pk, &u, im->err);
	if (rc == RC_INPUT)
		return problem(im, -1, "%s", im->err->msg), RC_OK;
	return rc;
}

static int
column_index(enum file_kind k, const char *name)
{
	int i;

	for (i = 0; kinds[k].columns[i] != NULL; i++)
		if (strcmp(kinds[k].columns[i], name) == 0)
			return i;
	return -1;
}

/* The kind whose columns include every header column, if one does. */
static int
kind_of(const struct csv_record *rec)
{
	int k;
	size_t i;

	for (k = 0; k < FILE_NKINDS; k++) {
		for (i = 0; i < rec->nfields; i++)
			if (column_index(k, rec->fields[i]) < 0)
				break;
		if (i == rec->nfields)
			return k;
	}
	return -1;
}

/* Reports which header column no kind knows, against the likeliest kind. */
static int
bad_header(struct importer *im, const struct csv_record *rec)
{
	int k, best = 0, score, best_score = -1;
	size_t i;

	for (k = 0; k < FILE_NKINDS; k++) {
		score = 0;
		for (i = 0; i < rec->nfields; i++)
			score += column_index(k, rec->fields[i]) >= 0;
		if (score > best_score) {
			best_score = score;
			best = k;
		}
	}
	for (i = 0; i < rec->nfields; i++)
		if (column_index(best, rec->fields[i]) < 0)
			break;
	if (best_score == 0)
		return problem(im, -1, "not a roster file: column %zu is '%s' "
		    "(expected the header of a people, missions or "
		    "unavailability file, roster(5))", i + 1, rec->fields[i]);
	return problem(im, -1, "column %zu: unknown column '%s' in a %s file "
	    "(roster(5) lists its columns)", i + 1, rec->fields[i],
	    kinds[best].name);
}

static int
header(struct importer *im, const struct csv_record *rec)
{
	const struct kind *k;
	size_t i, j;
	int kc, k_id;

	if ((k_id = kind_of(rec)) < 0)
		return bad_header(im, rec);
	if ((enum file_kind)k_id != im->kind)
		return problem(im, -1, "file changed kind since it was first "
		    "read");
	k = &kinds[im->kind];
	im->nfields = rec->nfields;
	for (kc = 0; kc < MAX_COLUMNS; kc++)
		im->column[kc] = -1;
	for (i = 0; i < rec->nfields; i++) {
		kc = column_index(im->kind, rec->fields[i]);
		if (im->column[kc] >= 0)
			return problem(im, -1, "column %zu: '%s' given twice "
			    "(also column %d)", i + 1, rec->fields[i],
			    im->column[kc] + 1);
		im->column[kc] = (int)i;
	}
	for (j = 0; k->required[j] != NULL; j++)
		if (im->column[column_index(im->kind, k->required[j])] < 0)
			return problem(im, -1, "a %s file needs a '%s' column",
			    k->name, k->required[j]);
	return RC_OK;
}

static int
on_record(const struct csv_record *rec, void *arg, struct error *err)
{
	struct importer *im = arg;
	int rc;

	(void)err;
	im->line = rec->line;
	im->rec = rec;
	im->row_bad = 0;
	if (!im->header_done) {
		im->header_done = 1;
		if ((rc = header(im, rec)) != RC_OK)
			return rc;	/* nothing else of this file makes sense */
		return RC_OK;
	}
	if (rec->nfields != im->nfields)
		return problem(im, -1, "%zu fields, but the header has %zu "
		    "(a missing or extra comma, or an unquoted field)",
		    rec->nfields, im->nfields), RC_OK;
	im->err->msg[0] = '\0';
	switch (im->kind) {
	case FILE_PEOPLE:
		rc = row_people(im);
		break;
	case FILE_MISSIONS:
		rc = row_missions(im);
		break;
	default:
		rc = row_unavailability(im);
		break;
	}
	if (rc == RC_OK && !im->row_bad)
		im->stats->rows[im->kind]++;
	/* Bad input is collected; only database trouble stops at once. */
	return rc == RC_INPUT ? RC_OK : rc;
}

/* Reads just the header to learn the kind of each file. */
static int
on_header(const struct csv_record *rec, void *arg, struct error *err)
{
	int *kind = arg;

	(void)err;
	*kind = kind_of(rec);
	return RC_REFUSED;	/* stop after the first record */
}

static void
classify(struct importer *im, char *const *files, size_t n,
    struct input *in)
{
	struct error e;
	size_t i;
	int kind, rc;

	for (i = 0; i < n; i++) {
		kind = -2;
		in[i].path = files[i];
		/* A file that cannot be read is reported here, and only here. */
		in[i].kind = FILE_NKINDS;
		rc = csv_read_file(files[i], on_header, &kind, &e);
		if (rc == RC_INPUT) {
			im->nerrors++;
			strbuf_addf(im->report, "%s\n", e.msg);
			continue;
		}
		if (kind == -2) {
			im->nerrors++;
			strbuf_addf(im->report, "%s:1: empty file (expected a "
			    "header line, roster(5))\n", files[i]);
			continue;
		}
		/* An unknown header is reported when the file is read. */
		in[i].kind = kind < 0 ? FILE_PEOPLE : (enum file_kind)kind;
	}
}

static int
import_one(struct importer *im, const struct input *in)
{
	struct error e;
	int rc;

	im->path = in->path;
	im->kind = in->kind;
	im->header_done = 0;
	im->line = 0;
	/* Only the reader writes e; on_record reports its own problems. */
	e.msg[0] = '\0';
	rc = csv_read_file(in->path, on_record, im, &e);
	if (rc == RC_INPUT && e.msg[0] != '\0') {
		/* The CSV itself is malformed: the reader says where. */
		im->nerrors++;
		strbuf_addf(im->report, "%s\n", e.msg);
	}
	/* Bad input is counted in nerrors; only database trouble stops. */
	return rc == RC_DB ? RC_DB : RC_OK;
}

int
import_files(struct store *s, char *const *files, size_t nfiles, int flags,
    struct import_stats *stats, struct strbuf *report, struct error *err)
{
	struct importer im;
	struct input *in;
	size_t i;
	int k, rc;

	memset(stats, 0, sizeof *stats);
	memset(&im, 0, sizeof im);
	im.store = s;
	im.stats = stats;
	im.report = report;
	im.err = err;
	in = xcalloc(nfiles, sizeof *in);
	classify(&im, files, nfiles, in);
	if ((rc = store_begin(s, err)) != RC_OK)
		goto out;
	if ((rc = store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS seen(id TEXT "
	    "PRIMARY KEY, at TEXT); DELETE FROM temp.seen", err)) != RC_OK ||
	    (rc = store_prepare(s, &im.seen_get, "SELECT at FROM temp.seen "
	    "WHERE id = ?", err)) != RC_OK ||
	    (rc = store_prepare(s, &im.seen_put, "INSERT INTO temp.seen(id, "
	    "at) VALUES (?, ?)", err)) != RC_OK ||
	    (rc = person_writer_new(s, WRITER_AUDIT, &im.writer, err)) != RC_OK)
		goto rollback;
	for (k = 0; k < FILE_NKINDS && rc == RC_OK; k++)
		for (i = 0; i < nfiles && rc == RC_OK; i++)
			if (in[i].kind == (enum file_kind)k)
				rc = import_one(&im, &in[i]);
	if (rc == RC_OK && im.nerrors == 0)
		rc = fts_refresh(s, 0, err);
	if (rc != RC_OK || im.nerrors > 0 || (flags & IMPORT_DRY_RUN))
		goto rollback;
	rc = store_commit(s, err);
	goto out;
rollback:
	store_rollback(s);
	if (rc == RC_OK && im.nerrors > 0) {
		rc = RC_INPUT;
		if (im.nerrors > IMPORT_MAX_ERRORS)
			strbuf_addf(report, "(%d more problem%s not shown)\n",
			    im.nerrors - IMPORT_MAX_ERRORS, im.nerrors ==
			    IMPORT_MAX_ERRORS + 1 ? "" : "s");
		error_set(err, RC_INPUT, "%d problem%s found; nothing was "
		    "imported", im.nerrors, im.nerrors == 1 ? "" : "s");
	}
out:
	sqlite3_finalize(im.seen_get);
	sqlite3_finalize(im.seen_put);
	person_writer_free(im.writer);
	free(in);
	return rc;
}

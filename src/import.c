/*
 * Import: each file's kind is told by its header; the kinds are applied in
 * the order of enum file_kind, so that missions, unavailability and
 * assignments can refer to people, and assignments to deployments, that
 * come in the same import.  This file reads and checks; person.h and
 * deploy_write.h write, in the one transaction of the import.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alias.h"
#include "bulk.h"
#include "cell.h"
#include "csv.h"
#include "date.h"
#include "deploy.h"
#include "deploy_write.h"
#include "dupe.h"
#include "erase.h"
#include "filter.h"
#include "fts.h"
#include "import.h"
#include "person.h"
#include "pool.h"
#include "refdata.h"
#include "utf8.h"
#include "vocab.h"

static const char *const people_columns[] = { "id", "family_name",
    "given_name", "agency", "rank", "gender", "email", "phone", "status",
    "notice_days", "passport_expiry", "medical_expiry", "heat_expiry",
    "languages", "themes", "skills", "notes", "dnc", "dnc_until", "reviewed",
    "origin", NULL };
static const char *const missions_columns[] = { "person_id", "mission",
    "country", "start", "end", "role", "themes", NULL };
static const char *const unavailability_columns[] = { "person_id", "from",
    "to", "reason", NULL };
static const char *const deployments_columns[] = { "name", "kind",
    "country", "start", "end", "status", "needs", "id", "origin", NULL };
static const char *const assignments_columns[] = { "deployment",
    "person_id", "role", "status", "history", NULL };

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
	[FILE_DEPLOYMENTS] = { "deployments", deployments_columns,
	    { "name", "country", "start", NULL } },
	[FILE_ASSIGNMENTS] = { "assignments", assignments_columns,
	    { "deployment", "person_id", NULL } },
};

/* Statements for the ids met so far. */
enum { Q_SEEN_GET, Q_SEEN_PUT, Q_N };

static const char *const queries[Q_N] = {
	[Q_SEEN_GET] = "SELECT at FROM temp.seen WHERE id = ?",
	[Q_SEEN_PUT] = "INSERT INTO temp.seen(id, at) VALUES (?, ?)",
};

#define MAX_COLUMNS 21

/*
 * A file is read once, as a pipe allows: its kind is told from the bytes
 * up to its header, kept in head, and the import reads them again from
 * there and the rest from fp.
 */
struct input {
	const char	*path;	/* for messages: "stdin" for "-" */
	FILE		*fp;	/* NULL when it could not be opened */
	struct strbuf	 head;
	enum file_kind	 kind;	/* FILE_NKINDS: unreadable, not imported */
};

struct importer {
	struct store		*store;
	struct person_writer	*writer;
	struct deploy_writer	*deploys;
	struct dupe_finder	*dupes;
	struct import_stats	*stats;
	struct strbuf		*report;
	struct error		*err;
	int			 nerrors;
	sqlite3_stmt		*q[Q_N];
	/* Into a pool without people: bulk.h's load, every person new. */
	struct bulk		*bulk;
	/* Whether the pool has erased people, or merged ids, to look for:
	 * an import adds neither. */
	int			 any_erased, any_alias;
	int			 today;		/* for relative dates in needs */
	/* The file being read. */
	const char		*path;
	enum file_kind		 kind;
	int			 header_done;
	size_t			 nfields;	/* of the header */
	int			 column[MAX_COLUMNS];	/* kind column -> field */
	unsigned long		 line;
	const struct csv_record	*rec;
	int			 row_bad;
	struct cell_check	 check;		/* reports at column kc */
	int			 kc;
	/* A people file: the fields it lacks, and what it does. */
	unsigned		 keep;
	struct tally {
		long	 added, updated, unchanged;
		long	 changed[PF_N], cleared[PF_N];
	}			 tally;
	struct strbuf		 changes;	/* IMPORT_CHANGES lines */
	int			 flags;
	char			 sep;		/* between columns */
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

static int
column_index(enum file_kind k, const char *name)
{
	int i;

	for (i = 0; kinds[k].columns[i] != NULL; i++)
		if (strcmp(kinds[k].columns[i], name) == 0)
			return i;
	return -1;
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

static void
cell_problem(void *arg, const char *msg)
{
	struct importer *im = arg;

	problem(im, im->kc, "%s", msg);
}

/* The checks of cell.h, reporting at kind column kc. */
static struct cell_check *
at(struct importer *im, int kc)
{
	im->kc = kc;
	return &im->check;
}

static int
check_text(struct importer *im, int kc, int multiline)
{
	return cell_text(at(im, kc), cell(im, kc), multiline);
}

static int
check_date(struct importer *im, int kc, int required, char out[DATE_LEN])
{
	return cell_date(at(im, kc), cell(im, kc), required, out);
}

static void
check_choice(struct importer *im, int kc, const struct vocab_list *v,
    const char *dflt, const char **out)
{
	cell_choice(at(im, kc), cell(im, kc), v, dflt, out);
}

/*
 * Marks key as met in this import (keys compare ignoring the case of A to
 * Z); the same key twice is refused at kc as "WHAT appears twice".
 */
static int
first_sighting(struct importer *im, int kc, const char *key,
    const char *what)
{
	sqlite3_stmt *get = im->q[Q_SEEN_GET], *put = im->q[Q_SEEN_PUT];
	char where[256];
	int rc;

	sqlite3_bind_text(get, 1, key, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(get)) == SQLITE_ROW)
		problem(im, kc, "%s appears twice (also at %s)", what,
		    (const char *)sqlite3_column_text(get, 0));
	sqlite3_reset(get);
	if (rc == SQLITE_ROW)
		return 0;
	snprintf(where, sizeof where, "%s:%lu", im->path, im->line);
	sqlite3_bind_text(put, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(put, 2, where, -1, SQLITE_STATIC);
	sqlite3_step(put);
	sqlite3_reset(put);
	return 1;
}

/*
 * A row of a person who was erased is left out, with a warning, so that
 * an old file does not bring them back; the rest of the import goes on.
 */
static int
skip_erased(struct importer *im, const char *id, int *gone)
{
	char day[DATE_LEN];
	int rc;

	*gone = 0;
	if (!im->any_erased)
		return RC_OK;
	if ((rc = erase_day(im->store, id, day, im->err)) != RC_OK ||
	    day[0] == '\0')
		return rc;
	*gone = 1;
	strbuf_addf(im->report, "%s:%lu: %s was erased on %s; not imported "
	    "again\n", im->path, im->line, id, day);
	im->stats->erased++;
	im->row_bad = 1;
	return RC_OK;
}

/*
 * A row naming an id merged into another person's record (alias.h) is
 * about the person kept: id becomes theirs, said in the report.
 */
static int
follow_alias(struct importer *im, char id[PERSON_ID_LEN])
{
	char kept[PERSON_ID_LEN], name[256];
	long long pk;
	int found, rc;

	if (!im->any_alias)
		return RC_OK;
	if ((rc = alias_resolve(im->store, id, kept, &found, im->err)) !=
	    RC_OK || !found)
		return rc;
	if (person_find(im->store, kept, &pk, im->err) == RC_OK)
		person_name(im->store, pk, name, sizeof name);
	else
		snprintf(name, sizeof name, "a person of this import");
	strbuf_addf(im->report, "%s:%lu: %s was merged into %s (%.8s); "
	    "that record is updated\n", im->path, im->line, id, name, kept);
	im->stats->merged++;
	snprintf(id, PERSON_ID_LEN, "%s", kept);
	return RC_OK;
}

/*
 * What the import asks of the pool as it is before it writes: whether
 * there are erased people or merged ids to look for, and whether it can
 * load in bulk (bulk.h), which a pool with merged ids, whose rows can
 * name a person twice, cannot.
 */
static int
pool_facts(struct importer *im, struct error *err)
{
	long long v;
	int rc;

	if ((rc = store_int(im->store, "SELECT EXISTS (SELECT 1 FROM erased)",
	    &v, err)) != RC_OK)
		return rc;
	im->any_erased = v != 0;
	if ((rc = store_int(im->store, "SELECT EXISTS (SELECT 1 FROM"
	    " person_alias)", &v, err)) != RC_OK)
		return rc;
	im->any_alias = v != 0;
	if (im->any_alias)
		return RC_OK;
	return bulk_begin(im->store, &im->bulk, err);
}

/* "people.csv:12", where the current row is. */
static void
where(const struct importer *im, char *out, size_t len)
{
	snprintf(out, len, "%s:%lu", im->path, im->line);
}

/*
 * An id-less person who is probably someone already in the pool or in
 * this import is refused, or with IMPORT_ALLOW_DUPLICATES added with a
 * warning: a second record splits a person's history and availability.
 */
static int
check_duplicate(struct importer *im, const struct person *p)
{
	struct dupe_match m;
	struct strbuf what = { 0 };
	char at[512];
	int found, rc;

	if ((rc = dupe_find(im->dupes, p, &found, &m, im->err)) != RC_OK ||
	    !found)
		return rc;
	strbuf_addf(&what, "%s%s%s is probably ", p->given_name, *p->given_name
	    != '\0' ? " " : "", p->family_name);
	if (m.at[0] != '\0')
		strbuf_addf(&what, "the same person as %s", m.at);
	else
		strbuf_addf(&what, "%s (%.8s), already in the pool", m.name,
		    m.id);
	strbuf_addf(&what, " (same name and %s)", m.by);
	if (im->flags & IMPORT_ALLOW_DUPLICATES) {
		where(im, at, sizeof at);
		strbuf_addf(&im->changes, "%s: %s: added all the same "
		    "(--allow-duplicates)\n", at, strbuf_str(&what));
	} else
		problem(im, -1, "%s: give %s id to update %s, or use "
		    "--allow-duplicates to add a second person",
		    strbuf_str(&what), m.at[0] != '\0' ? "an" : "their",
		    m.at[0] != '\0' ? "one person" : "them");
	strbuf_free(&what);
	return RC_OK;
}

static int
note_person(struct importer *im, long long pk)
{
	char at[512];

	where(im, at, sizeof at);
	return dupe_note(im->dupes, pk, at, im->err);
}

static void
count_change(struct tally *t, const struct person_change *c)
{
	int f;

	if (c->outcome == PERSON_ADDED)
		t->added++;
	else if (c->outcome == PERSON_UNCHANGED)
		t->unchanged++;
	else
		t->updated++;
	for (f = 0; f < PF_N; f++) {
		t->changed[f] += (c->changed >> f) & 1;
		t->cleared[f] += (c->cleared >> f) & 1;
	}
}

/* The person fields (bits) whose cells are empty or absent in this row. */
static unsigned
blank_fields(struct importer *im)
{
	unsigned blank = 0;
	int f;

	for (f = 0; f < PF_N; f++)
		if (*cell(im, column_index(FILE_PEOPLE,
		    person_field_name(f))) == '\0')
			blank |= 1u << f;
	return blank;
}

/*
 * Exports leave out the contacts of people who left the service
 * (roster(1)), so an empty email or phone cell of someone stored as left
 * keeps what is stored instead of clearing it: importing such an export
 * back loses nothing.
 */
static int
keep_left_contacts(struct importer *im, struct person *p)
{
	unsigned empty = p->blank & (1u << PF_EMAIL | 1u << PF_PHONE);
	sqlite3_stmt *st;
	int rc, left = 0;

	/* In a bulk load nobody is stored yet. */
	if (empty == 0 || p->id[0] == '\0' || im->bulk != NULL)
		return RC_OK;
	if ((rc = store_cached(im->store, &st, "SELECT 1 FROM person"
	    " WHERE id = ? AND status = 'left'", im->err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, p->id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	left = rc == SQLITE_ROW;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(im->store, im->err, "import");
	if (left) {
		p->keep |= empty;
		p->blank &= ~empty;
	}
	return RC_OK;
}

/*
 * The origin cell kc: a pool's name (pool.h), or empty for this pool's;
 * a stored record keeps the origin it has.
 */
static const char *
check_origin(struct importer *im, int kc)
{
	const char *v = cell(im, kc);
	struct error e;

	if (*v != '\0' && pool_name_check(v, &e) != RC_OK)
		problem(im, kc, "%s", e.msg);
	return v;
}

static int
row_people(struct importer *im)
{
	char themes_buf[CELL_LIST_MAX], skills_buf[CELL_LIST_MAX];
	struct person_change change;
	struct person p;
	long long pk;
	int rc, kc, gone;

	memset(&p, 0, sizeof p);
	for (kc = 1; kc <= 7; kc++)
		check_text(im, kc, 0);
	check_text(im, 16, 1);
	/* An empty id (or no id column) asks for a new one. */
	if (*cell(im, 0) != '\0')
		cell_uuid(at(im, 0), cell(im, 0), p.id);
	p.family_name = cell(im, 1);
	cell_present(at(im, 1), p.family_name, "family name");
	p.given_name = cell(im, 2);
	p.agency = cell(im, 3);
	p.rank = cell(im, 4);
	check_choice(im, 5, &vocab_genders, "", &p.gender);
	p.email = cell(im, 6);
	cell_email(at(im, 6), p.email);
	p.phone = cell(im, 7);
	cell_phone(at(im, 7), p.phone);
	check_choice(im, 8, &vocab_person_statuses, "active", &p.status);
	cell_notice(at(im, 9), cell(im, 9), &p.notice_days);
	check_date(im, 10, 0, p.passport_expiry);
	check_date(im, 11, 0, p.medical_expiry);
	check_date(im, 12, 0, p.heat_expiry);
	cell_languages(at(im, 13), cell(im, 13), &p);
	cell_vocab(at(im, 14), cell(im, 14), VOCAB_THEME, themes_buf,
	    p.themes, &p.nthemes);
	cell_vocab(at(im, 15), cell(im, 15), VOCAB_SKILL, skills_buf,
	    p.skills, &p.nskills);
	p.notes = cell(im, 16);
	check_choice(im, 17, &vocab_dnc_reasons, "", &p.dnc);
	check_date(im, 18, 0, p.dnc_until);
	cell_dnc(at(im, 18), p.dnc, p.dnc_until);
	check_date(im, 19, 0, p.reviewed);
	p.origin = check_origin(im, 20);
	if (p.id[0] != '\0') {
		char what[PERSON_ID_LEN + 8];

		snprintf(what, sizeof what, "id %s", p.id);
		if (!first_sighting(im, 0, p.id, what))
			return RC_OK;
		if ((rc = skip_erased(im, p.id, &gone)) != RC_OK ||
		    (!gone && (rc = follow_alias(im, p.id)) != RC_OK))
			return rc;
	}
	if (im->row_bad)
		return RC_OK;
	if (p.id[0] == '\0' && (rc = check_duplicate(im, &p)) != RC_OK)
		return rc;
	if (im->row_bad)	/* a likely duplicate */
		return RC_OK;
	p.keep = im->keep;
	p.blank = blank_fields(im);
	if ((rc = keep_left_contacts(im, &p)) != RC_OK)
		return rc;
	rc = person_put(im->writer, &p, &pk, &change, im->err);
	if (rc == RC_INPUT)
		return problem(im, -1, "%s", im->err->msg), RC_OK;
	if (rc == RC_OK)
		count_change(&im->tally, &change);
	if (rc == RC_OK)
		rc = note_person(im, pk);
	return rc;
}

/*
 * The person a row refers to in column kc, who must exist (or come in this
 * import); id is their id as stored.
 */
static int
row_person(struct importer *im, int kc, long long *pk,
    char id[PERSON_ID_LEN])
{
	struct error e;
	int rc, gone;

	id[0] = '\0';
	if (*cell(im, kc) == '\0')
		return problem(im, kc, "missing person id");
	if (cell_uuid(at(im, kc), cell(im, kc), id) != RC_OK)
		return RC_INPUT;
	if ((rc = skip_erased(im, id, &gone)) != RC_OK || gone ||
	    (rc = follow_alias(im, id)) != RC_OK)
		return rc;
	rc = person_find(im->store, id, pk, &e);
	if (rc == RC_REFUSED)
		return problem(im, kc, "unknown person %s (expected the id of "
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
	return cell_window(at(im, kend), start, end);
}

static void
check_country(struct importer *im, int kc, char out[3])
{
	cell_country(at(im, kc), cell(im, kc), out);
}

static int
row_missions(struct importer *im)
{
	char themes_buf[CELL_LIST_MAX], id[PERSON_ID_LEN];
	struct service sv;
	long long pk = 0;
	int rc;

	memset(&sv, 0, sizeof sv);
	if (row_person(im, 0, &pk, id) == RC_DB)
		return RC_DB;
	check_text(im, 1, 0);
	check_text(im, 5, 0);
	sv.mission = cell(im, 1);
	cell_present(at(im, 1), sv.mission, "mission name");
	check_country(im, 2, sv.country);
	check_date(im, 3, 1, sv.start);
	check_date(im, 4, 0, sv.end);
	check_window(im, 4, sv.start, sv.end);
	sv.role = cell(im, 5);
	cell_vocab(at(im, 6), cell(im, 6), VOCAB_THEME, themes_buf, sv.themes,
	    &sv.nthemes);
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
	char id[PERSON_ID_LEN];
	struct unavail u;
	long long pk = 0;
	int rc;

	memset(&u, 0, sizeof u);
	if (row_person(im, 0, &pk, id) == RC_DB)
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

/*
 * The needs cell: one "N:FILTER" a line (a CR before the LF is part of the
 * line end, and blank lines are skipped), each checked as deploy create
 * checks --need, into out as the database keeps them: "N:FILTER" lines
 * joined by LF, N without leading zeros.
 */
static int
check_needs(struct importer *im, int kc, struct strbuf *out)
{
	const char *p = cell(im, kc), *nl;
	struct error e;
	struct need n;
	size_t len, i, terms = 0, bytes = 0;
	char *line;
	int rc = RC_OK, over = 0;

	strbuf_adds(out, "");
	for (; *p != '\0' && rc != RC_DB; p = *nl != '\0' ? nl + 1 : nl) {
		nl = p + strcspn(p, "\n");
		len = (size_t)(nl - p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		line = xmalloc(len + 1);
		memcpy(line, p, len);
		line[len] = '\0';
		for (i = 0; i < len; i++)
			if (((unsigned char)line[i] < 0x20 && line[i] != '\t') ||
			    line[i] == 0x7f)
				break;
		if (i < len)
			problem(im, kc, "control character 0x%02x in a need "
			    "(expected plain text, one need a line)",
			    (unsigned char)line[i]);
		else if (line[strspn(line, " \t")] == '\0')
			;	/* a blank line */
		else if ((rc = deploy_need_parse(im->store, line, im->today,
		    &n, &e)) == RC_OK) {
			if (!over && deploy_needs_add(&n, &terms, &bytes, &e)
			    != RC_OK) {
				problem(im, kc, "%s", e.msg);
				over = 1;
			}
			strbuf_addf(out, "%s%d:%s", out->len > 0 ? "\n" : "",
			    n.count, n.filter);
			deploy_need_free(&n);
		} else if (rc == RC_DB)
			error_set(im->err, RC_DB, "%s", e.msg);
		else
			problem(im, kc, "%s", e.msg);
		free(line);
	}
	return rc == RC_DB ? RC_DB : RC_OK;
}

/*
 * A deployment's id in column kc, which no other deployment (stored, or
 * met earlier in this import) may have: the same id is the same
 * deployment, which has one name.
 */
static int
check_deployment_id(struct importer *im, int kc, const char *id,
    const char *name)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_cached(im->store, &st, "SELECT name FROM deployment"
	    " WHERE id = ?1 AND name <> ?2 COLLATE NOCASE", im->err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		problem(im, kc, "%s is the id of the deployment '%s' (expected "
		    "that name, or another id)", id,
		    (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(im->store, im->err, "import");
	return RC_OK;
}

static int
row_deployments(struct importer *im)
{
	struct strbuf needs = { 0 }, key = { 0 }, what = { 0 };
	char country[3] = "", start[DATE_LEN], end[DATE_LEN];
	char id[PERSON_ID_LEN] = "";
	struct deploy_row r;
	int rc, name_ok;

	name_ok = check_text(im, 0, 0) == RC_OK;
	r.name = cell(im, 0);
	if (r.name[strspn(r.name, " ")] == '\0') {
		problem(im, 0, "missing deployment name");
		name_ok = 0;
	}
	check_choice(im, 1, &vocab_deploy_kinds, "other", &r.kind);
	check_country(im, 2, country);
	r.country = country;
	check_date(im, 3, 1, start);
	r.start = start;
	check_date(im, 4, 0, end);
	r.end = end;
	check_window(im, 4, start, end);
	check_choice(im, 5, &vocab_deploy_statuses, "planning", &r.status);
	if ((rc = check_needs(im, 6, &needs)) != RC_OK)
		goto out;
	r.needs = strbuf_str(&needs);
	/* Without an id (or the column) a new deployment gets a new one. */
	if (*cell(im, 7) != '\0' && cell_uuid(at(im, 7), cell(im, 7), id) ==
	    RC_OK && name_ok && (rc = check_deployment_id(im, 7, id, r.name))
	    != RC_OK)
		goto out;
	r.id = id;
	r.origin = check_origin(im, 8);
	if (name_ok) {
		strbuf_addf(&key, "deployment %s", r.name);
		strbuf_addf(&what, "deployment '%s'", r.name);
		if (!first_sighting(im, 0, strbuf_str(&key),
		    strbuf_str(&what)))
			goto out;
	}
	if (!im->row_bad)
		rc = deploy_writer_put(im->deploys, &r, "", im->err);
	if (rc == RC_INPUT && !im->row_bad)
		problem(im, -1, "%s", im->err->msg);
out:
	strbuf_free(&needs);
	strbuf_free(&key);
	strbuf_free(&what);
	return rc;
}

/* Whether s is a UTC time as YYYY-MM-DDTHH:MM:SSZ. */
static int
is_timestamp(const char *s, size_t len)
{
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	char date[DATE_LEN];
	size_t i;
	int day;

	if (len != sizeof shape - 1)
		return 0;
	for (i = 0; i < len; i++)
		if (shape[i] == 'd' ? !isdigit((unsigned char)s[i]) :
		    s[i] != shape[i])
			return 0;
	memcpy(date, s, 10);
	date[10] = '\0';
	return date_parse(date, &day) && (s[11] - '0') * 10 + s[12] - '0' < 24 &&
	    s[14] < '6' && s[17] < '6';
}

/*
 * For a time refused whose date is written otherwise but whose time of day
 * is right (03/12/2026T09:30:00Z), the time with the ISO date, as the
 * date columns offer it; else 0.  Offered, never taken.
 */
static int
time_hint(const char *s, size_t len, char *buf, size_t buflen)
{
	char date[16], iso[DATE_LEN], fixed[32];
	const char *t = memchr(s, 'T', len);
	int day;

	if (t == NULL || (size_t)(t - s) >= sizeof date)
		return 0;
	snprintf(date, sizeof date, "%.*s", (int)(t - s), s);
	if (!date_guess(date, &day))
		return 0;
	date_format(day, iso);
	snprintf(fixed, sizeof fixed, "%s%.*s", iso, (int)(len -
	    (size_t)(t - s)), t);
	if (!is_timestamp(fixed, strlen(fixed)))
		return 0;
	snprintf(buf, buflen, "did you mean %s?", fixed);
	return 1;
}

/*
 * The history cell: STATUS@TIME items separated by ';', oldest first, into
 * out as export writes it; *last is the last status and *n the number of
 * items.
 */
static void
check_history(struct importer *im, int kc, struct strbuf *out,
    enum member_status *last, size_t *n)
{
	const char *p = cell(im, kc), *end, *at;
	char status[16], expected[VOCAB_EXPECTED_LEN], hint[64];
	enum member_status st;
	size_t len, tlen;

	*n = 0;
	strbuf_adds(out, "");
	for (; *p != '\0'; p = *end != '\0' ? end + 1 : end) {
		end = p + strcspn(p, ";");
		while (p < end && *p == ' ')
			p++;
		len = (size_t)(end - p);
		while (len > 0 && p[len - 1] == ' ')
			len--;
		if (len == 0)
			continue;
		if ((at = memchr(p, '@', len)) == NULL) {
			problem(im, kc, "'%.*s' has no time (expected "
			    "STATUS@YYYY-MM-DDTHH:MM:SSZ as in "
			    "proposed@2026-11-23T09:30:00Z)", (int)len, p);
			continue;
		}
		snprintf(status, sizeof status, "%.*s", (int)(at - p), p);
		if ((size_t)(at - p) >= sizeof status ||
		    !member_status_parse(status, &st)) {
			problem(im, kc, "'%.*s' is not a status (expected %s)",
			    (int)(at - p), p, vocab_expected(
			    &vocab_member_statuses, 0, expected,
			    sizeof expected));
			continue;
		}
		tlen = len - (size_t)(at - p) - 1;
		if (!is_timestamp(at + 1, tlen)) {
			problem(im, kc, "'%.*s' is not a time (%s)", (int)tlen,
			    at + 1, time_hint(at + 1, tlen, hint, sizeof hint) ?
			    hint : "expected UTC as YYYY-MM-DDTHH:MM:SSZ");
			continue;
		}
		strbuf_addf(out, "%s%s@%.20s", *n > 0 ? ";" : "",
		    member_status_name(st), at + 1);
		*last = st;
		(*n)++;
	}
}

/*
 * The status and history cells (kc 3 and 4) of an assignment, which must
 * agree: an empty status is the history's last.  *nhistory is 0 when
 * there is no history, which the writer then starts with the status.
 */
static void
check_status(struct importer *im, enum member_status *status,
    struct strbuf *history, size_t *nhistory)
{
	enum member_status last = MS_PROPOSED;
	char expected[VOCAB_EXPECTED_LEN];
	const char *v = cell(im, 3);
	int before, status_ok;

	status_ok = *v == '\0' || member_status_parse(v, status);
	if (!status_ok)
		problem(im, 3, "'%s' is not allowed (expected %s)", v,
		    vocab_expected(&vocab_member_statuses, VOCAB_OR_EMPTY,
		    expected, sizeof expected));
	before = im->nerrors;
	if (check_text(im, 4, 0) == RC_OK)
		check_history(im, 4, history, &last, nhistory);
	if (im->nerrors != before || *nhistory == 0)
		return;
	if (*v == '\0')
		*status = last;
	else if (status_ok && *status != last)
		problem(im, 3, "'%s' is not the last status in the history, %s "
		    "(expected the two to agree)", v, member_status_name(last));
}

static int
row_assignments(struct importer *im)
{
	struct strbuf history = { 0 }, key = { 0 }, what = { 0 };
	enum member_status status = MS_PROPOSED;
	char id[PERSON_ID_LEN], *dname = NULL;
	const char *name = cell(im, 0);
	long long dpk = 0, ppk = 0;
	size_t nhistory = 0;
	int rc = RC_OK;

	if (*name == '\0')
		problem(im, 0, "missing deployment name");
	else if (check_text(im, 0, 0) != RC_OK)
		;	/* not echoed */
	else if ((rc = deploy_writer_find(im->deploys, name, &dpk, &dname,
	    im->err)) == RC_REFUSED)
		problem(im, 0, "unknown deployment '%s' (expected the name of "
		    "a deployment in the database or in a deployments file of "
		    "this import)", name);
	else if (rc != RC_OK)
		goto out;
	if ((rc = row_person(im, 1, &ppk, id)) == RC_DB)
		goto out;
	rc = RC_OK;
	check_text(im, 2, 0);
	check_status(im, &status, &history, &nhistory);
	if (dname != NULL && id[0] != '\0' && ppk != 0) {
		strbuf_addf(&key, "assignment %lld %lld", dpk, ppk);
		strbuf_addf(&what, "person %s on deployment '%s'", id, dname);
		if (!first_sighting(im, 1, strbuf_str(&key),
		    strbuf_str(&what)))
			goto out;
	}
	if (!im->row_bad) {
		struct assignment_row a = { dpk, ppk, dname, id, cell(im, 2),
		    member_status_name(status), nhistory > 0 ?
		    strbuf_str(&history) : NULL };

		rc = deploy_writer_assign(im->deploys, &a, 0, NULL, im->err);
	}
out:
	free(dname);
	strbuf_free(&history);
	strbuf_free(&key);
	strbuf_free(&what);
	return rc;
}

/*
 * The kind whose columns include every header column, if one does.  No
 * header that has the required columns of one kind fits another.
 */
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

/* "a people file", "an assignments file". */
static const char *
article(enum file_kind k)
{
	return strchr("aeiou", kinds[k].name[0]) != NULL ? "an" : "a";
}

/* Reports which header column no kind knows, against the likeliest kind. */
static int
bad_header(struct importer *im, const struct csv_record *rec)
{
	int k, best = 0, score, best_score = -1;
	size_t i;

	/* Spreadsheets set to some languages save CSV with ';'. */
	for (i = 0; i < rec->nfields; i++) {
		if (im->sep != ';' && strchr(rec->fields[i], ';') != NULL)
			return problem(im, -1, "this file uses ';' between "
			    "columns: save it as CSV with commas (or use "
			    "--separator ';')");
		if (im->sep != ',' && strchr(rec->fields[i], ',') != NULL)
			return problem(im, -1, "this file uses commas between "
			    "columns, not %ss (leave out --separator)",
			    csv_separator_name(im->sep));
	}

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
		    "(expected the header of a people, missions, "
		    "unavailability, deployments or assignments file, "
		    "roster(5))", i + 1, rec->fields[i]);
	return problem(im, -1, "column %zu: unknown column '%s' in %s %s file "
	    "(roster(5) lists its columns)", i + 1, rec->fields[i],
	    article(best), kinds[best].name);
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
			return problem(im, -1, "%s %s file needs a '%s' column",
			    article(im->kind), k->name, k->required[j]);
	/* What a people file does not say, it does not change. */
	im->keep = 0;
	if (im->kind == FILE_PEOPLE)
		for (kc = 0; kc < PF_N; kc++)
			if (im->column[column_index(FILE_PEOPLE,
			    person_field_name(kc))] < 0)
				im->keep |= 1u << kc;
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
		    "(a missing or extra %s, or an unquoted field)",
		    rec->nfields, im->nfields, csv_separator_name(im->sep)),
		    RC_OK;
	im->err->msg[0] = '\0';
	switch (im->kind) {
	case FILE_PEOPLE:
		rc = row_people(im);
		break;
	case FILE_MISSIONS:
		rc = row_missions(im);
		break;
	case FILE_UNAVAILABILITY:
		rc = row_unavailability(im);
		break;
	case FILE_DEPLOYMENTS:
		rc = row_deployments(im);
		break;
	default:
		rc = row_assignments(im);
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

/* Opens a file to import ("-" is standard input), or says why not. */
static FILE *
input_open(struct importer *im, const char *path)
{
	FILE *fp;

	if (strcmp(path, "-") == 0)
		return stdin;
	if ((fp = fopen(path, "rb")) == NULL) {
		im->nerrors++;
		strbuf_addf(im->report, "%s: %s\n", path, strerror(errno));
	}
	return fp;
}

static struct csv_reader *
input_reader(const struct importer *im, const struct input *in)
{
	struct csv_reader *r;

	r = csv_reader_new(in->path);
	csv_reader_separator(r, im->sep);
	return r;
}

static void
classify(struct importer *im, char *const *files, size_t n,
    struct input *in)
{
	struct csv_reader *r;
	struct error e;
	size_t i;
	int kind, rc;

	for (i = 0; i < n; i++) {
		kind = -2;
		in[i].path = strcmp(files[i], "-") == 0 ? "stdin" : files[i];
		/* A file that cannot be read is reported here, and only here. */
		in[i].kind = FILE_NKINDS;
		if ((in[i].fp = input_open(im, files[i])) == NULL)
			continue;
		r = input_reader(im, &in[i]);
		rc = csv_feed_file(r, in[i].fp, &in[i].head, on_header, &kind,
		    &e);
		csv_reader_free(r);
		if (rc == RC_INPUT) {
			im->nerrors++;
			strbuf_addf(im->report, "%s\n", e.msg);
			continue;
		}
		if (kind == -2) {
			im->nerrors++;
			strbuf_addf(im->report, "%s:1: empty file (expected a "
			    "header line, roster(5))\n", in[i].path);
			continue;
		}
		/* An unknown header is reported when the file is read. */
		in[i].kind = kind < 0 ? FILE_PEOPLE : (enum file_kind)kind;
	}
}

static void
inputs_free(struct input *in, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (in[i].fp != NULL && in[i].fp != stdin)
			fclose(in[i].fp);
		strbuf_free(&in[i].head);
	}
	free(in);
}

/* ", NAME N" for each field counted, in the order of enum person_field. */
static void
add_counts(struct strbuf *out, const long *counts)
{
	const char *sep = "";
	int f;

	for (f = 0; f < PF_N; f++)
		if (counts[f] > 0) {
			strbuf_addf(out, "%s%s %ld", sep, person_field_name(f),
			    counts[f]);
			sep = ", ";
		}
}

/*
 * "people.csv: added 1, updated 9 (languages 9, passport_expiry 9),
 * unchanged 3; cleared: passport_expiry 2", the words of roster(1).
 */
static void
tally_report(const struct importer *im, struct strbuf *out)
{
	const struct tally *t = &im->tally;
	int f, cleared = 0;

	strbuf_addf(out, "%s%s: added %ld, updated %ld", im->path,
	    (im->flags & IMPORT_DRY_RUN) ? " (dry run)" : "", t->added,
	    t->updated);
	if (t->updated > 0) {
		strbuf_adds(out, " (");
		add_counts(out, t->changed);
		strbuf_adds(out, ")");
	}
	strbuf_addf(out, ", unchanged %ld", t->unchanged);
	for (f = 0; f < PF_N; f++)
		cleared += t->cleared[f] > 0;
	if (cleared) {
		strbuf_adds(out, "; cleared: ");
		add_counts(out, t->cleared);
	}
	strbuf_adds(out, "\n");
}

static long
rows_total(const struct import_stats *stats)
{
	long n = 0;
	int k;

	for (k = 0; k < FILE_NKINDS; k++)
		n += stats->rows[k];
	return n;
}

static int
import_one(struct importer *im, const struct input *in)
{
	struct csv_reader *r;
	struct error e;
	int rc;

	im->path = in->path;
	im->kind = in->kind;
	im->header_done = 0;
	im->line = 0;
	memset(&im->tally, 0, sizeof im->tally);
	/* Only the reader writes e; on_record reports its own problems. */
	e.msg[0] = '\0';
	r = input_reader(im, in);
	rc = csv_feed(r, in->head.s, in->head.len, on_record, im, &e);
	if (rc == RC_OK)
		rc = csv_feed_file(r, in->fp, NULL, on_record, im, &e);
	csv_reader_free(r);
	if (rc == RC_INPUT && e.msg[0] != '\0') {
		/* The CSV itself is malformed: the reader says where. */
		im->nerrors++;
		strbuf_addf(im->report, "%s\n", e.msg);
	}
	if (im->kind == FILE_PEOPLE && (im->flags & IMPORT_CHANGES))
		tally_report(im, &im->changes);
	/* Bad input is counted in nerrors; only database trouble stops. */
	return rc == RC_DB ? RC_DB : RC_OK;
}

int
import_files(struct store *s, char *const *files, size_t nfiles, int flags,
    struct import_stats *stats, struct strbuf *report, struct error *err)
{
	struct importer im;
	struct input *in;
	struct error e;
	size_t i;
	int k, rc;

	memset(stats, 0, sizeof *stats);
	memset(&im, 0, sizeof im);
	im.store = s;
	im.stats = stats;
	im.report = report;
	im.err = err;
	im.flags = flags;
	im.sep = (char)(flags >> 8 & 0xff);
	im.check.store = s;
	im.check.problem = cell_problem;
	im.check.arg = &im;
	if (im.sep == '\0')
		im.sep = ',';
	/* Today only gives relative dates in needs something to count from. */
	if (date_today(&im.today, &e) != RC_OK)
		im.today = date_from_ymd(2000, 1, 1);
	in = xcalloc(nfiles, sizeof *in);
	classify(&im, files, nfiles, in);
	if ((rc = store_begin(s, err)) != RC_OK)
		goto out;
	/* Ids, and deployment names in any case, met so far. */
	if ((rc = store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS seen(id TEXT "
	    "PRIMARY KEY COLLATE NOCASE, at TEXT); DELETE FROM temp.seen",
	    err)) != RC_OK)
		goto rollback;
	for (k = 0; k < Q_N; k++)
		if ((rc = store_prepare(s, &im.q[k], queries[k], err)) != RC_OK)
			goto rollback;
	if ((rc = pool_facts(&im, err)) != RC_OK)
		goto rollback;
	if ((rc = person_writer_new(s, WRITER_AUDIT | (im.bulk != NULL ?
	    WRITER_NEW : 0), &im.writer, err))
	    != RC_OK || (rc = deploy_writer_new(s, &im.deploys, err)) != RC_OK ||
	    (rc = dupe_finder_new(s, &im.dupes, err)) != RC_OK)
		goto rollback;
	for (k = 0; k < FILE_NKINDS && rc == RC_OK; k++)
		for (i = 0; i < nfiles && rc == RC_OK; i++)
			if (in[i].kind == (enum file_kind)k)
				rc = import_one(&im, &in[i]);
	if (rc == RC_OK && im.nerrors == 0)
		rc = fts_refresh(s, im.bulk != NULL, err);
	/* What the files change is worth saying only if it can happen. */
	if (rc == RC_OK && im.nerrors == 0)
		strbuf_adds(report, strbuf_str(&im.changes));
	if (rc != RC_OK || im.nerrors > 0 || (flags & IMPORT_DRY_RUN))
		goto rollback;
	/* A bulk load that wrote nothing holds only its suspension. */
	if (im.bulk != NULL && rows_total(stats) == 0)
		store_rollback(s);
	else if (im.bulk == NULL || (rc = bulk_end(im.bulk, err)) == RC_OK)
		rc = store_commit(s, err);
	else
		store_rollback(s);
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
	for (k = 0; k < Q_N; k++)
		sqlite3_finalize(im.q[k]);
	person_writer_free(im.writer);
	deploy_writer_free(im.deploys);
	dupe_finder_free(im.dupes);
	bulk_free(im.bulk);
	strbuf_free(&im.changes);
	inputs_free(in, nfiles);
	return rc;
}

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "avail.h"
#include "bitmap.h"
#include "csv.h"
#include "date.h"
#include "deploy.h"
#include "deploy_write.h"
#include "filter.h"
#include "person.h"
#include "rest.h"
#include "review.h"
#include "search.h"
#include "format.h"
#include "strbuf.h"
#include "width.h"

/* Whether a row's contacts are left out (format_left_out): the people's
 * formats count them as they write, in their last column. */
#define LEFT_OUT_COLUMN \
    "(NOT :left_contacts AND" PERSON_LEFT_OUT_SQL("p") ")"

static const char *const csv_sql[FILE_NKINDS] = {
	[FILE_PEOPLE] = "SELECT p.id, p.family_name, p.given_name, p.agency,"
	    " p.rank, p.gender, " PERSON_CONTACT_SQL("p", "email",
	    ":left_contacts") ", " PERSON_CONTACT_SQL("p", "phone",
	    ":left_contacts") ", p.status, p.notice_days,"
	    " coalesce(p.passport_expiry, ''), coalesce(p.medical_expiry, ''),"
	    " coalesce(p.heat_expiry, ''), " PERSON_LANGS_SQL("p.pk") ", "
	    PERSON_SLUGS_SQL("person_theme", "person", "p.pk") ", "
	    PERSON_SLUGS_SQL("person_skill", "person", "p.pk") ","
	    " p.notes, p.dnc, coalesce(p.dnc_until, ''),"
	    " coalesce(p.reviewed, ''), p.origin, " LEFT_OUT_COLUMN
	    " FROM " SEARCH_FROM_RESULT,
	[FILE_MISSIONS] = "SELECT p.id, m.name, s.country, s.start,"
	    " coalesce(s.end, ''), s.role, "
	    PERSON_SLUGS_SQL("service_theme", "service", "s.pk")
	    " FROM temp.result r JOIN person p ON p.pk = r.pk"
	    " JOIN service s ON s.person = p.pk JOIN mission m"
	    " ON m.pk = s.mission ORDER BY r.seq, s.start, m.name",
	[FILE_UNAVAILABILITY] = "SELECT p.id, u.start, coalesce(u.end, ''),"
	    " u.reason FROM temp.result r JOIN person p ON p.pk = r.pk"
	    " JOIN unavailability u ON u.person = p.pk"
	    " ORDER BY r.seq, u.start",
	/*
	 * Deployments are not people's: :all asks for all of them, else those
	 * that a person in temp.result is on.  Needs are kept one a line,
	 * which a quoted field carries as they are.
	 */
	[FILE_DEPLOYMENTS] = "SELECT d.name, d.kind, d.country, d.start,"
	    " coalesce(d.end, ''), d.status, d.needs, d.id, d.origin"
	    " FROM deployment d"
	    " WHERE :all OR EXISTS (SELECT 1 FROM assignment a JOIN temp.result r"
	    " ON r.pk = a.person WHERE a.deployment = d.pk)"
	    " ORDER BY d.start, d.name",
	[FILE_ASSIGNMENTS] = "SELECT d.name, p.id, a.role, a.status, "
	    DEPLOY_HISTORY_SQL("a.pk")
	    " FROM temp.result r JOIN person p ON p.pk = r.pk"
	    " JOIN assignment a ON a.person = p.pk"
	    " JOIN deployment d ON d.pk = a.deployment"
	    " ORDER BY d.start, d.name, p.id",
};

/* Binds the flag to the named parameter, where the statement has it. */
static void
bind_flag(sqlite3_stmt *st, const char *name, int flags, int flag)
{
	int i = sqlite3_bind_parameter_index(st, name);

	if (i > 0)
		sqlite3_bind_int(st, i, (flags & flag) != 0);
}

/*
 * Prepares sql, which reads people from SEARCH_FROM_RESULT, to read them
 * from what search_from gave instead (from NULL: as it is).
 */
static int
people_prepare(struct store *s, const char *sql,
    const struct format_from *from, int flags, sqlite3_stmt **st,
    struct error *err)
{
	struct strbuf b = { 0 };
	const char *tail;
	int rc;

	if (from == NULL)
		rc = store_prepare(s, st, sql, err);
	else {
		tail = strstr(sql, " FROM " SEARCH_FROM_RESULT);
		strbuf_add(&b, sql, (size_t)(tail - sql));
		strbuf_addf(&b, " FROM %s", from->sql);
		rc = store_prepare(s, st, strbuf_str(&b), err);
		strbuf_free(&b);
	}
	if (rc != RC_OK)
		return rc;
	if (from != NULL)
		search_from_bind(from->r, *st);
	bind_flag(*st, ":all", flags, FORMAT_ALL_DEPLOYMENTS);
	bind_flag(*st, ":left_contacts", flags, FORMAT_LEFT_CONTACTS);
	return RC_OK;
}

static int
csv_rows(struct store *s, enum file_kind kind, const struct format_from *from,
    int flags, FILE *fp, long long *left_out, struct error *err)
{
	const char *const *cols = import_columns(kind);
	sqlite3_stmt *st;
	int i, n, rc;

	for (n = 0; cols[n] != NULL; n++)
		csv_write_field(fp, cols[n], cols[n + 1] == NULL);
	if ((rc = people_prepare(s, csv_sql[kind], from, flags, &st, err)) !=
	    RC_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			csv_write_field(fp, (const char *)
			    sqlite3_column_text(st, i), i == n - 1);
		if (kind == FILE_PEOPLE)
			*left_out += sqlite3_column_int(st, n);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "export");
	return RC_OK;
}

int
format_csv(struct store *s, enum file_kind kind, int flags, FILE *fp,
    struct error *err)
{
	long long left_out = 0;

	return csv_rows(s, kind, NULL, flags, fp, &left_out, err);
}

int
format_people_csv(struct store *s, const struct format_from *from, int flags,
    FILE *fp, long long *left_out, struct error *err)
{
	*left_out = 0;
	return csv_rows(s, FILE_PEOPLE, from, flags, fp, left_out, err);
}

int
format_left_out(struct store *s, long long *n, struct error *err)
{
	return store_int(s, "SELECT count(*) FROM temp.result r JOIN person p"
	    " ON p.pk = r.pk WHERE" PERSON_LEFT_OUT_SQL("p"), n, err);
}

/* One person an object, written as it is read. */
static const char json_sql[] =
    "SELECT json_object("
    "'id', p.id, 'family_name', p.family_name, 'given_name', p.given_name,"
    " 'agency', p.agency, 'rank', p.rank, 'gender', p.gender,"
    " 'email', " PERSON_CONTACT_SQL("p", "email", ":left_contacts") ","
    " 'phone', " PERSON_CONTACT_SQL("p", "phone", ":left_contacts") ","
    " 'status', p.status,"
    " 'notice_days', p.notice_days, 'passport_expiry', p.passport_expiry,"
    " 'medical_expiry', p.medical_expiry, 'heat_expiry', p.heat_expiry,"
    " 'languages', json((SELECT json_group_array(json_object('code', code,"
    "   'level', name)) FROM (SELECT pl.code, l.name FROM person_language pl"
    "   JOIN level l ON l.n = pl.level WHERE pl.person = p.pk"
    "   ORDER BY pl.code))),"
    " 'themes', json((SELECT json_group_array(slug) FROM (SELECT slug FROM"
    "   person_theme WHERE person = p.pk ORDER BY slug))),"
    " 'skills', json((SELECT json_group_array(slug) FROM (SELECT slug FROM"
    "   person_skill WHERE person = p.pk ORDER BY slug))),"
    " 'missions', json((SELECT json_group_array(json_object('mission', m.name,"
    "   'country', s.country, 'start', s.start, 'end', s.end,"
    "   'role', s.role, 'themes', json((SELECT json_group_array(slug) FROM"
    "   (SELECT slug FROM service_theme WHERE service = s.pk"
    "   ORDER BY slug))))) FROM (SELECT * FROM service WHERE person = p.pk"
    "   ORDER BY start) s JOIN mission m ON m.pk = s.mission)),"
    " 'unavailability', json((SELECT json_group_array(json_object("
    "   'from', start, 'to', end, 'reason', reason)) FROM (SELECT * FROM"
    "   unavailability WHERE person = p.pk ORDER BY start))),"
    " 'notes', p.notes, 'origin', p.origin), " LEFT_OUT_COLUMN
    " FROM " SEARCH_FROM_RESULT;

/* The array is written an object at a time, as json_group_array would
 * have joined them: nothing but the row at hand is held. */
int
format_json(struct store *s, const struct format_from *from, int flags,
    FILE *fp, long long *left_out, struct error *err)
{
	sqlite3_stmt *st;
	int rc, n = 0;

	*left_out = 0;
	if ((rc = people_prepare(s, json_sql, from, flags, &st, err)) != RC_OK)
		return rc;
	putc('[', fp);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n++ > 0)
			putc(',', fp);
		fputs((const char *)sqlite3_column_text(st, 0), fp);
		*left_out += sqlite3_column_int(st, 1);
	}
	fputs("]\n", fp);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? RC_OK : store_error(s, err, "search");
}

int
format_ids(struct store *s, const struct format_from *from, FILE *fp,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = people_prepare(s, "SELECT p.id FROM " SEARCH_FROM_RESULT,
	    from, 0, &st, err)) != RC_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fprintf(fp, "%s\n", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? RC_OK : store_error(s, err, "search");
}

/* The table's columns; widths are capped so one long value cannot push the
 * others off a terminal. */
enum { TC_ID, TC_NAME, TC_AGENCY, TC_NOTICE, TC_FREE, TC_LANGS,
    TC_COUNTRIES, TC_N };
static const struct {
	const char	*title;
	size_t		 max;
} table_cols[TC_N] = {
	{ "ID", 8 }, { "NAME", 30 }, { "AGENCY", 20 }, { "NOTICE", 6 },
	{ "FREE", 10 }, { "LANGUAGES", 30 }, { "COUNTRIES", 24 },
};

/*
 * The first free day of the table's row st (status and notice after the
 * columns): only those busy from today on need a query of their own.
 */
static int
free_day(struct store *s, sqlite3_stmt *st, const struct bitmap *busy,
    int today, int *day, struct error *err)
{
	long long pk = sqlite3_column_int64(st, TC_FREE);

	*day = AVAIL_NEVER;
	if (!sqlite3_column_int(st, TC_N))
		return RC_OK;
	*day = today + sqlite3_column_int(st, TC_N + 1);
	if (!bitmap_get(busy, pk))
		return RC_OK;
	return avail_first_from(s, pk, *day, day, err);
}

/*
 * The rows as cells into spool, each ended by a NUL, widening w to fit them
 * (within each column's maximum): the widths are known only at the end, and
 * the rows wait on disk, not in memory.  *nrows says how many.
 */
static int
table_rows(struct store *s, const struct format_from *from, int today,
    FILE *spool, long long *nrows, size_t *w, struct error *err)
{
	struct bitmap busy;
	sqlite3_stmt *st;
	const char *cell;
	char day[AVAIL_LEN];
	size_t c, cw;
	int rc, frc = RC_OK, free_from;

	if ((rc = avail_busy(s, today, &busy, err)) != RC_OK)
		return rc;
	rc = people_prepare(s, "SELECT substr(p.id, 1, 8),"
	    " p.family_name || ', ' || p.given_name, p.agency,"
	    " p.notice_days || 'd', p.pk,"
	    " " PERSON_LANGUAGES("p.pk", "l.name") ","
	    " coalesce((SELECT group_concat(country, ' ') FROM (SELECT DISTINCT"
	    "  country FROM service WHERE person = p.pk ORDER BY country)), ''),"
	    " p.status = 'active', p.notice_days FROM " SEARCH_FROM_RESULT,
	    from, 0, &st, err);
	if (rc != RC_OK) {
		bitmap_free(&busy);
		return rc;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((frc = free_day(s, st, &busy, today, &free_from, err)) !=
		    RC_OK)
			break;
		avail_format(free_from, today, day);
		for (c = 0; c < TC_N; c++) {
			if (c == TC_FREE)
				cell = day;
			else
				cell = (const char *)sqlite3_column_text(st,
				    (int)c);
			fputs(cell, spool);
			putc('\0', spool);
			/* A column at its maximum needs no more measuring. */
			if (w[c] < table_cols[c].max &&
			    (cw = width_of(cell)) > w[c])
				w[c] = cw > table_cols[c].max ?
				    table_cols[c].max : cw;
		}
		(*nrows)++;
	}
	sqlite3_finalize(st);
	bitmap_free(&busy);
	if (frc != RC_OK)
		return frc;
	return rc == SQLITE_DONE ? RC_OK : store_error(s, err, "search");
}

/* A line of the table: its cells from spool, or the titles. */
static int
table_line(FILE *spool, struct strbuf *line, const size_t *w, char **cell,
    size_t *cap)
{
	size_t c;

	strbuf_reset(line);
	for (c = 0; c < TC_N; c++) {
		if (spool != NULL && getdelim(cell, cap, '\0', spool) < 0)
			return -1;
		width_fit(line, spool == NULL ? table_cols[c].title : *cell,
		    w[c], c + 1 < TC_N);
		if (c + 1 < TC_N)
			strbuf_adds(line, "  ");
	}
	return 0;
}

/*
 * The table's rows wait in a file of TMPDIR (as merge's copy does), mode
 * 0600 and removed at once: nothing but this process can read it, and it
 * is gone when the process is.
 */
static int
spool_open(FILE **out, struct error *err)
{
	const char *tmp = getenv("TMPDIR");
	char path[PATH_MAX];
	int fd;

	snprintf(path, sizeof path, "%s/roster-table-XXXXXX",
	    tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
	if ((fd = mkstemp(path)) == -1)
		return error_set(err, RC_DB, "%s: %s", path, strerror(errno));
	unlink(path);
	if ((*out = fdopen(fd, "w+")) == NULL) {
		close(fd);
		return error_set(err, RC_DB, "%s: %s", path, strerror(errno));
	}
	return RC_OK;
}

int
format_table(struct store *s, const struct format_from *from, FILE *fp,
    int today, struct error *err)
{
	struct strbuf line = { 0 };
	FILE *spool;
	char *cell = NULL;
	size_t w[TC_N], c, cap = 0;
	long long nrows = 0, i;
	int rc;

	if ((rc = spool_open(&spool, err)) != RC_OK)
		return rc;
	for (c = 0; c < TC_N; c++)
		w[c] = width_of(table_cols[c].title);
	rc = table_rows(s, from, today, spool, &nrows, w, err);
	if (rc == RC_OK && (fflush(spool) != 0 || ferror(spool) ||
	    fseeko(spool, 0, SEEK_SET) != 0))
		rc = error_set(err, RC_DB, "temporary file: %s",
		    strerror(errno));
	/* No matches, no header: like grep, silence says "nothing". */
	for (i = 0; nrows > 0 && i <= nrows && rc == RC_OK; i++) {
		if (table_line(i == 0 ? NULL : spool, &line, w, &cell, &cap) <
		    0) {
			rc = error_set(err, RC_DB, "temporary file: %s",
			    ferror(spool) ? strerror(errno) : "cut short");
			break;
		}
		fprintf(fp, "%s\n", strbuf_str(&line));
	}
	fclose(spool);
	free(cell);
	strbuf_free(&line);
	return rc;
}

/* Prints "label  value" with the value made safe for the terminal. */
static void
show_line(FILE *fp, const char *label, const char *value)
{
	struct strbuf b = { 0 };

	width_fit(&b, value, (size_t)-1 / 2, 0);
	fprintf(fp, "%-12s %s\n", label, strbuf_str(&b));
	strbuf_free(&b);
}

/* Runs sql (?1 = pk) and prints each row's columns joined as a line; "-"
 * when there are none, unless the part is optional. */
static int
show_rows(struct store *s, FILE *fp, const char *title, const char *sql,
    long long pk, int optional, struct error *err)
{
	struct strbuf b = { 0 };
	sqlite3_stmt *st;
	int rc, i, n, first = 1;

	if ((rc = store_prepare(s, &st, sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	n = sqlite3_column_count(st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		strbuf_reset(&b);
		for (i = 0; i < n; i++)
			width_fit(&b, (const char *)sqlite3_column_text(st, i),
			    (size_t)-1 / 2, 0);
		fprintf(fp, "%-12s %s\n", first ? title : "",
		    strbuf_str(&b));
		first = 0;
	}
	sqlite3_finalize(st);
	strbuf_free(&b);
	if (first && rc == SQLITE_DONE && !optional)
		fprintf(fp, "%-12s -\n", title);
	return rc == SQLITE_DONE ? RC_OK : store_error(s, err, "show");
}

static void
show_expiry(FILE *fp, const char *label, const char *date, const char *day)
{
	char buf[64];

	if (date == NULL || *date == '\0')
		show_line(fp, label, "none");
	else {
		snprintf(buf, sizeof buf, "%s%s", date,
		    strcmp(date, day) < 0 ? " (expired)" : "");
		show_line(fp, label, buf);
	}
}

/* The name and the person's own fields: st is format_show's row. */
static void
show_fields(FILE *fp, sqlite3_stmt *st, int free_day, const char *rest,
    int today)
{
	static const char *const labels[] = { "Id", "Agency", "Rank",
	    "Gender", "Email", "Phone", "Status" };
	struct strbuf b = { 0 };
	char day[DATE_LEN], buf[96], from[AVAIL_LEN];
	size_t i;

	date_format(today, day);
	width_fit(&b, (const char *)sqlite3_column_text(st, 0), 200, 0);
	fprintf(fp, "%s\n\n", strbuf_str(&b));
	strbuf_free(&b);
	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		show_line(fp, labels[i],
		    (const char *)sqlite3_column_text(st, (int)i + 1));
	snprintf(buf, sizeof buf, "%d day%s", sqlite3_column_int(st, 8),
	    sqlite3_column_int(st, 8) == 1 ? "" : "s");
	show_line(fp, "Notice", buf);
	avail_format(free_day, today, from);
	if (free_day == AVAIL_NEVER)
		snprintf(buf, sizeof buf, "never (not active, away or "
		    "deployed with no end, or not to be called)");
	else
		snprintf(buf, sizeof buf, "%s%s%s%s%s", free_day > today ?
		    "from " : "", from, *rest != '\0' ? " (" : "", rest,
		    *rest != '\0' ? ")" : "");
	show_line(fp, "Available", buf);
	show_expiry(fp, "Passport", (const char *)sqlite3_column_text(st, 9),
	    day);
	show_expiry(fp, "Medical", (const char *)sqlite3_column_text(st, 10),
	    day);
	show_expiry(fp, "HEAT", (const char *)sqlite3_column_text(st, 11),
	    day);
	if (review_dnc_text((const char *)sqlite3_column_text(st, 13),
	    (const char *)sqlite3_column_text(st, 14), today, buf, sizeof buf))
		show_line(fp, "Do not call", buf);
	review_text((const char *)sqlite3_column_text(st, 15), today, buf,
	    sizeof buf);
	show_line(fp, "Reviewed", buf);
	/* The pool the record was first made in; '' before it had a name. */
	show_line(fp, "Origin", *sqlite3_column_text(st, 16) != '\0' ?
	    (const char *)sqlite3_column_text(st, 16) :
	    "this pool (not named yet)");
}

/* Notes, a line at a time under their heading; nothing when empty. */
static void
show_notes(FILE *fp, const char *notes)
{
	struct strbuf b = { 0 };

	if (notes == NULL || *notes == '\0')
		return;
	fprintf(fp, "Notes\n");
	for (; *notes != '\0'; notes++) {
		/* A CRLF inside a CSV field is one line break. */
		if (notes[0] == '\r' && notes[1] == '\n')
			continue;
		if (*notes != '\n') {
			strbuf_add(&b, notes, 1);
			continue;
		}
		show_line(fp, "", strbuf_str(&b));
		strbuf_reset(&b);
	}
	show_line(fp, "", strbuf_str(&b));
	strbuf_free(&b);
}

int
format_show(struct store *s, long long pk, int today, FILE *fp,
    struct error *err)
{
	static const struct {
		const char *label, *sql;
	} parts[] = {
		{ "Languages", "SELECT group_concat(code || ' ' || name, ', ')"
		    " FROM (SELECT pl.code, l.name FROM person_language pl"
		    " JOIN level l ON l.n = pl.level WHERE pl.person = ?1"
		    " ORDER BY pl.level DESC, pl.code) HAVING count(*) > 0" },
		{ "Themes", "SELECT group_concat(slug, ', ') FROM (SELECT slug"
		    " FROM person_theme WHERE person = ?1 ORDER BY slug)"
		    " HAVING count(*) > 0" },
		{ "Skills", "SELECT group_concat(slug, ', ') FROM (SELECT slug"
		    " FROM person_skill WHERE person = ?1 ORDER BY slug)"
		    " HAVING count(*) > 0" },
		{ "Missions", "SELECT s.start || ' to ' ||"
		    " coalesce(s.end, 'now       ') || '  ' || m.name || ' (' ||"
		    " s.country || ')' || CASE WHEN s.role <> '' THEN ', ' ||"
		    " s.role ELSE '' END || coalesce(' [' || (SELECT"
		    " group_concat(slug, ', ') FROM (SELECT slug FROM"
		    " service_theme WHERE service = s.pk ORDER BY slug)) || ']',"
		    " '') FROM service s JOIN mission m ON m.pk = s.mission"
		    " WHERE s.person = ?1 ORDER BY s.start" },
		{ "Unavailable", "SELECT start || ' to ' ||"
		    " coalesce(end, 'open-ended') || CASE WHEN reason <> ''"
		    " THEN '  ' || reason ELSE '' END FROM unavailability"
		    " WHERE person = ?1 ORDER BY start" },
	};
	sqlite3_stmt *st;
	char rest[REST_WHY_LEN] = "";
	size_t i;
	int free_day, until, rc;

	if ((rc = avail_first(s, pk, today, &free_day, err)) != RC_OK)
		return rc;
	/* Resting the day before: that is why it is not sooner. */
	if (free_day > today && (rc = rest_until(s, pk, free_day - 1,
	    free_day - 1, today, &until, rest, err)) != RC_OK)
		return rc;
	rc = store_prepare(s, &st, "SELECT p.given_name || ' ' ||"
	    " p.family_name, p.id, p.agency, p.rank, p.gender, p.email,"
	    " p.phone, p.status, p.notice_days, p.passport_expiry,"
	    " p.medical_expiry, p.heat_expiry, p.notes, p.dnc, p.dnc_until,"
	    " p.reviewed, p.origin FROM person p"
	    " WHERE p.pk = ?", err);
	if (rc != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return store_error(s, err, "show");
	}
	show_fields(fp, st, free_day, rest, today);
	for (i = 0; rc == RC_OK && i < sizeof parts / sizeof parts[0]; i++)
		rc = show_rows(s, fp, parts[i].label, parts[i].sql, pk, 0, err);
	/* Only people who were ever on a deployment's list have this. */
	if (rc == RC_OK)
		rc = show_rows(s, fp, "Deployments", "SELECT d.name || ' (' ||"
		    " d.country || ', ' || d.start || ' to ' || coalesce(d.end,"
		    " 'open-ended') || '): ' || a.status || ' since ' || (SELECT"
		    " max(at) FROM assignment_history WHERE assignment = a.pk)"
		    " FROM assignment a JOIN deployment d ON d.pk = a.deployment"
		    " WHERE a.person = ?1 ORDER BY d.start DESC, d.name", pk, 1,
		    err);
	if (rc == RC_OK)
		show_notes(fp, (const char *)sqlite3_column_text(st, 12));
	sqlite3_finalize(st);
	return rc;
}

/* Columns of the bar at cols: the rest of the line names the mission. */
static int
timeline_bar_width(int cols)
{
	int w = cols - 13 - 24;

	return w > 48 ? 48 : w;
}

int
format_timeline(struct store *s, long long pk, int today, int cols, FILE *fp,
    struct error *err)
{
	sqlite3_stmt *st;
	struct strbuf b = { 0 };
	int rc, first = -1, from, to, bar, a, z, i, y, m, d;
	char label[16];

	if ((bar = timeline_bar_width(cols)) < 10)
		return RC_OK;
	rc = store_prepare(s, &st, "SELECT s.start, coalesce(s.end, ''),"
	    " m.name || ' (' || s.country || ')' FROM service s JOIN mission m"
	    " ON m.pk = s.mission WHERE s.person = ? ORDER BY s.start, m.name",
	    err);
	if (rc != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!date_parse((const char *)sqlite3_column_text(st, 0), &from))
			continue;
		if (!date_parse((const char *)sqlite3_column_text(st, 1), &to))
			to = today;
		if (first < 0) {
			/* From the first year of service to today. */
			date_to_ymd(from, &y, &m, &d);
			first = date_from_ymd(y, 1, 1);
			date_to_ymd(first, &y, &m, &d);
			date_to_ymd(today, &a, &m, &d);
			snprintf(label, sizeof label, "%d", y);
			strbuf_reset(&b);
			strbuf_addf(&b, "%-12s %-*s%d", "Timeline", bar - 4, label,
			    a);
			fprintf(fp, "%s\n", strbuf_str(&b));
		}
		if (today <= first)
			continue;
		a = (int)((long long)(from - first) * bar / (today - first + 1));
		z = (int)((long long)(to - first) * bar / (today - first + 1));
		if (z >= bar)
			z = bar - 1;
		if (a > z)
			a = z;
		strbuf_reset(&b);
		strbuf_addf(&b, "%-12s ", "");
		for (i = 0; i < bar; i++)
			strbuf_adds(&b, i >= a && i <= z ? "\xe2\x96\x88" :
			    "\xc2\xb7");
		strbuf_adds(&b, "  ");
		width_fit(&b, (const char *)sqlite3_column_text(st, 2),
		    (size_t)(cols - 13 - bar - 2 > 0 ? cols - 13 - bar - 2 : 0),
		    0);
		fprintf(fp, "%s\n", strbuf_str(&b));
	}
	sqlite3_finalize(st);
	strbuf_free(&b);
	return rc == SQLITE_DONE ? RC_OK : store_error(s, err, "timeline");
}

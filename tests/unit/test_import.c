/*
 * The importer: what a good import writes, RFC 4180 content, every refusal
 * (with its exact report line, and the database left exactly as it was),
 * all or nothing across files, --dry-run, re-import and audit; for people,
 * missions, unavailability, deployments and assignments.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "import.h"
#include "person.h"
#include "fixture.h"
#include "testdb.h"

static const char fixture_unavail[] =
    "person_id,from,to,reason\n"
    "11111111-1111-4111-8111-111111111111,2026-12-01,2026-12-24,Leave\n"
    "22222222-2222-4222-8222-222222222222,2027-01-10,,Course\n"
    "44444444-4444-4444-8444-444444444444,2026-11-20,2026-11-30,Sick\n";

static const char people_header[] =
    "id,family_name,given_name,agency,rank,gender,email,phone,status,"
    "notice_days,passport_expiry,medical_expiry,heat_expiry,languages,"
    "themes,skills,notes,dnc,dnc_until,reviewed,origin\n";

/* A valid person; the error tests spoil one column of it. */
static const char *const person_base[] = {
	"aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "Jansen", "Pieter", "KMar",
	"Sergeant", "m", "p.jansen@kmar.example", "+31 6 1234 5678", "active",
	"3", "2030-01-01", "2028-01-01", "2027-06-30", "nl:native;en:C1",
	"border-management", "leadership", "", "", "", "", "",
};
/* A good new person, written before the spoilt row in every bad file. */
static const char person_good[] =
    "99999999-9999-4999-8999-999999999999,Good,Greta,Customs,,f,,,active,"
    "1,,,,en:B2,drugs,,,,,,\n";

static const char missions_header[] =
    "person_id,mission,country,start,end,role,themes\n";
static const char *const mission_base[] = {
	"44444444-4444-4444-8444-444444444444", "EUBAM Libya", "LY",
	"2014-01-01", "2015-06-30", "Adviser", "border-management",
};
static const char mission_good[] =
    "11111111-1111-4111-8111-111111111111,EUPOL Afghanistan,AF,2010-01-01,"
    "2011-01-01,Trainer,community-policing\n";

static const char unavail_header[] = "person_id,from,to,reason\n";
static const char *const unavail_base[] = {
	"55555555-5555-4555-8555-555555555555", "2027-03-01", "2027-03-15",
	"Course",
};
static const char unavail_good[] =
    "33333333-3333-4333-8333-333333333333,2027-02-01,,Leave\n";

/* Deployments: with needs over several lines, an open end, every status. */
static const char fixture_deployments[] =
    "name,kind,country,start,end,status,needs\n"
    "Irma,hurricane,SX,2026-12-01,2026-12-31,active,\"2:lang:nl\n"
    "1:theme:border \"\"sint maarten\"\"\"\n"
    "MH17,air-disaster,UA,2026-11-25,,planning,3:theme:disaster\n"
    "\"Old flood, 2020\",flood,NL,2020-01-01,2020-02-01,closed,\n";
static const char fixture_assignments[] =
    "deployment,person_id,role,status,history\n"
    "Irma,11111111-1111-4111-8111-111111111111,Team leader,confirmed,"
    "proposed@2026-11-20T09:00:00Z;contacted@2026-11-20T10:00:00Z;"
    "confirmed@2026-11-21T08:30:00Z\n"
    "Irma,22222222-2222-4222-8222-222222222222,,declined,"
    "proposed@2026-11-20T09:00:00Z;declined@2026-11-22T12:00:00Z\n"
    "MH17,33333333-3333-4333-8333-333333333333,DVI expert,proposed,"
    "proposed@2026-11-23T07:00:00Z\n"
    "\"Old flood, 2020\",44444444-4444-4444-8444-444444444444,,returned,"
    "proposed@2020-01-01T00:00:00Z;deployed@2020-01-02T00:00:00Z;"
    "returned@2020-02-01T18:00:00Z\n";

static const char deployments_header[] =
    "name,kind,country,start,end,status,needs,id,origin\n";
static const char *const deployment_base[] = {
	"Katrina", "hurricane", "US", "2027-01-01", "2027-02-01", "planning",
	"2:lang:en", "", "",
};
static const char deployment_good[] =
    "Andrew,hurricane,US,2027-03-01,,planning,1:lang:en,,\n";

static const char assignments_header[] =
    "deployment,person_id,role,status,history\n";
static const char *const assignment_base[] = {
	"MH17", "44444444-4444-4444-8444-444444444444", "Adviser",
	"contacted", "proposed@2026-11-23T07:00:00Z;contacted@2026-11-23T"
	"08:00:00Z",
};
static const char assignment_good[] =
    "MH17,55555555-5555-4555-8555-555555555555,,proposed,"
    "proposed@2026-11-23T07:00:00Z\n";

/* What the last import() said. */
static struct import_stats stats;
static char report[16384];
static struct error err;
/* The paths of the files written by file(), by slot. */
static const char *paths[8];

#define NROWS(k, people, missions, unavail, deployments, assignments) do { \
	assert_int_equal(stats.rows[FILE_PEOPLE], people); \
	assert_int_equal(stats.rows[FILE_MISSIONS], missions); \
	assert_int_equal(stats.rows[FILE_UNAVAILABILITY], unavail); \
	assert_int_equal(stats.rows[FILE_DEPLOYMENTS], deployments); \
	assert_int_equal(stats.rows[FILE_ASSIGNMENTS], assignments); \
} while (0)

static char *
file(int slot, const char *name, const char *content)
{
	paths[slot] = testdb_file(slot, name, content);
	return (char *)paths[slot];
}

/* Imports the files (a NULL-terminated list) into s. */
static int
vimport(struct store *s, int flags, va_list ap)
{
	struct strbuf b = { 0 };
	char *files[8];
	size_t n = 0;
	int rc;

	while ((files[n] = va_arg(ap, char *)) != NULL)
		n++;
	memset(&stats, 0xff, sizeof stats);
	strcpy(err.msg, "untouched");
	rc = import_files(s, files, n, flags, &stats, &b, &err);
	snprintf(report, sizeof report, "%s", strbuf_str(&b));
	strbuf_free(&b);
	return rc;
}

static int
import(struct store *s, int flags, ...)
{
	va_list ap;
	int rc;

	va_start(ap, flags);
	rc = vimport(s, flags, ap);
	va_end(ap);
	return rc;
}

static void
import_ok(struct store *s, int flags, char *f1, char *f2, char *f3)
{
	if (import(s, flags, f1, f2, f3, (char *)NULL) != RC_OK)
		fail_msg("%s\n%s", err.msg, report);
	assert_string_equal(report, "");
}

/* Imports the fixture's people, missions and unavailability into s. */
static void
import_fixture(struct store *s, int flags)
{
	import_ok(s, flags, file(0, "people.csv", fixture_people),
	    file(1, "missions.csv", fixture_missions),
	    file(2, "unavailability.csv", fixture_unavail));
}

static long long
count(struct store *s, const char *table)
{
	struct strbuf sql = { 0 };
	long long n;

	strbuf_addf(&sql, "SELECT count(*) FROM %s", table);
	n = testdb_int(s, strbuf_str(&sql));
	strbuf_free(&sql);
	return n;
}

/* The rows of a query, as text. */
static void
dump_query(struct store *s, const char *sql, struct strbuf *out)
{
	sqlite3_stmt *st;
	const char *v;
	int c;

	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL),
	    SQLITE_OK);
	strbuf_addf(out, "%s\n", sql);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (c = 0; c < sqlite3_column_count(st); c++) {
			v = (const char *)sqlite3_column_text(st, c);
			strbuf_addf(out, "%s|", v ? v : "NULL");
		}
		strbuf_adds(out, "\n");
	}
	sqlite3_finalize(st);
}

/* Everything an import may write, as text, to tell "unchanged". */
static void
dump(struct store *s, struct strbuf *out)
{
	static const char *const queries[] = {
		"SELECT * FROM person ORDER BY pk",
		"SELECT * FROM person_language ORDER BY 1, 2",
		"SELECT * FROM person_theme ORDER BY 1, 2",
		"SELECT * FROM person_skill ORDER BY 1, 2",
		"SELECT * FROM mission ORDER BY pk",
		"SELECT * FROM service ORDER BY pk",
		"SELECT * FROM service_theme ORDER BY 1, 2",
		"SELECT * FROM unavailability ORDER BY pk",
		"SELECT * FROM deployment ORDER BY pk",
		"SELECT * FROM assignment ORDER BY pk",
		"SELECT rowid, * FROM assignment_history ORDER BY rowid",
		"SELECT * FROM audit ORDER BY pk",
		"SELECT rowid, * FROM person_fts ORDER BY rowid",
	};
	size_t i;

	for (i = 0; i < sizeof queries / sizeof queries[0]; i++)
		dump_query(s, queries[i], out);
}

/* want with $0..$7 replaced by the paths of those slots. */
static void
expand(const char *want, struct strbuf *out)
{
	for (; *want != '\0'; want++) {
		if (want[0] == '$' && want[1] >= '0' && want[1] <= '7') {
			strbuf_adds(out, paths[want[1] - '0']);
			want++;
		} else
			strbuf_add(out, want, 1);
	}
}

/*
 * Imports the files, which must be refused with exactly the report want
 * (one line a problem) and leave the database exactly as it was.
 */
static void
refused(struct store *s, const char *want, ...)
{
	struct strbuf before = { 0 }, after = { 0 }, w = { 0 };
	size_t lines = 0;
	const char *p;
	char msg[128];
	va_list ap;
	int rc;

	for (p = want; *p != '\0'; p++)
		lines += *p == '\n';
	dump(s, &before);
	va_start(ap, want);
	rc = vimport(s, 0, ap);
	va_end(ap);
	if (rc != RC_INPUT)
		fail_msg("status %d, not RC_INPUT, for:\n%s", rc, want);
	expand(want, &w);
	assert_string_equal(report, strbuf_str(&w));
	snprintf(msg, sizeof msg, "%zu problem%s found; nothing was imported",
	    lines, lines == 1 ? "" : "s");
	assert_string_equal(err.msg, msg);
	dump(s, &after);
	assert_string_equal(strbuf_str(&after), strbuf_str(&before));
	strbuf_free(&before);
	strbuf_free(&after);
	strbuf_free(&w);
}

/* One CSV field, quoted as RFC 4180 needs. */
static void
add_field(struct strbuf *b, const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n") == NULL)
		strbuf_adds(b, s);
	else {
		strbuf_adds(b, "\"");
		for (; *s != '\0'; s++) {
			if (*s == '"')
				strbuf_adds(b, "\"");
			strbuf_add(b, s, 1);
		}
		strbuf_adds(b, "\"");
	}
	strbuf_adds(b, last ? "\n" : ",");
}

/*
 * A file of this kind: its header, a good row, then the base row with
 * column set to value.
 */
static char *
spoilt(int slot, enum file_kind k, const char *column, const char *value)
{
	static const char *const *bases[] = { person_base, mission_base,
	    unavail_base, deployment_base, assignment_base };
	static const char *const headers[] = { people_header,
	    missions_header, unavail_header, deployments_header,
	    assignments_header };
	static const char *const goods[] = { person_good, mission_good,
	    unavail_good, deployment_good, assignment_good };
	const char *const *cols = import_columns(k);
	struct strbuf b = { 0 };
	char name[32], *path;
	int i, found = 0;

	strbuf_adds(&b, headers[k]);
	strbuf_adds(&b, goods[k]);
	for (i = 0; cols[i] != NULL; i++) {
		if (strcmp(cols[i], column) == 0)
			found = 1;
		add_field(&b, strcmp(cols[i], column) == 0 ? value :
		    bases[k][i], cols[i + 1] == NULL);
	}
	assert_true(found);
	snprintf(name, sizeof name, "%s.csv", import_kind_name(k));
	path = file(slot, name, strbuf_str(&b));
	strbuf_free(&b);
	return path;
}

static struct store *
fixture_db(void)
{
	struct store *s = testdb_open();

	import_fixture(s, 0);
	return s;
}

/* The fixture with its deployments and their members. */
static struct store *
fixture_deploy_db(void)
{
	struct store *s = fixture_db();

	import_ok(s, 0, file(3, "deployments.csv", fixture_deployments),
	    file(4, "assignments.csv", fixture_assignments), NULL);
	return s;
}

static void
assert_counts(struct store *s, long long people, long long langs,
    long long themes, long long skills, long long services,
    long long sthemes, long long unavail, long long missions)
{
	assert_int_equal(count(s, "person"), people);
	assert_int_equal(count(s, "person_language"), langs);
	assert_int_equal(count(s, "person_theme"), themes);
	assert_int_equal(count(s, "person_skill"), skills);
	assert_int_equal(count(s, "service"), services);
	assert_int_equal(count(s, "service_theme"), sthemes);
	assert_int_equal(count(s, "unavailability"), unavail);
	assert_int_equal(count(s, "mission"), missions);
	/* Everyone is in the words index, once. */
	assert_int_equal(count(s, "person_fts"), people);
}

static void
assert_fixture_counts(struct store *s)
{
	assert_counts(s, 5, 12, 4, 5, 3, 4, 3, 3);
}

static void
test_good(void **state)
{
	struct store *s = testdb_open();

	(void)state;
	import_fixture(s, 0);
	assert_int_equal(stats.rows[FILE_PEOPLE], 5);
	assert_int_equal(stats.rows[FILE_MISSIONS], 3);
	assert_int_equal(stats.rows[FILE_UNAVAILABILITY], 3);
	assert_fixture_counts(s);
	assert_int_equal(count(s, "audit WHERE entity = 'person' AND "
	    "action = 'create' AND fields = ''"), 5);
	/* Each mission and window too, under its person, with its values. */
	assert_int_equal(count(s, "audit WHERE entity = 'person' AND "
	    "action = 'mission add' AND fields = 'mission,country,start,end,"
	    "role,themes'"), 3);
	assert_int_equal(count(s, "audit WHERE entity = 'person' AND "
	    "action = 'away add'"), 3);
	assert_int_equal(count(s, "audit_change c JOIN audit a ON "
	    "a.pk = c.audit WHERE a.action = 'away add' AND c.field = 'reason' "
	    "AND c.old IS NULL AND c.new = 'Course' AND a.entity_id = "
	    "'22222222-2222-4222-8222-222222222222'"), 1);
	assert_int_equal(count(s, "audit"), 11);
	/* The values, as given. */
	assert_int_equal(count(s, "person WHERE "
	    "id = '11111111-1111-4111-8111-111111111111' AND "
	    "family_name = 'Dubois' AND given_name = 'Amélie' AND "
	    "agency = 'National Police' AND rank = 'Inspector' AND "
	    "gender = 'f' AND email = 'amelie.dubois@police.example' AND "
	    "phone = '+33 6 12 34 56 78' AND status = 'active' AND "
	    "notice_days = 2 AND passport_expiry = '2030-01-01' AND "
	    "medical_expiry = '2027-06-30' AND heat_expiry = '2027-01-01' AND "
	    "notes = 'Speaks Bambara basics, \"fast\".' AND version = 1"), 1);
	assert_int_equal(count(s, "person WHERE family_name = 'Kowalska' AND "
	    "status = 'left' AND passport_expiry IS NULL AND "
	    "medical_expiry IS NULL AND heat_expiry IS NULL AND notes = ''"),
	    1);
	assert_int_equal(count(s, "person_language JOIN person p ON "
	    "p.pk = person WHERE family_name = 'Dubois' AND ((code = 'fr' AND "
	    "level = 7) OR (code = 'en' AND level = 5) OR (code = 'ar' AND "
	    "level = 3))"), 3);
	assert_int_equal(count(s, "person_skill JOIN person p ON p.pk = person "
	    "WHERE family_name = 'de Vries' AND slug IN ('leadership', "
	    "'negotiation')"), 2);
	assert_int_equal(count(s, "service JOIN mission m ON m.pk = "
	    "service.mission WHERE m.name = 'EULEX Kosovo' AND country = 'XK' "
	    "AND start = '2015-01-15' AND end = '2017-01-14' AND "
	    "role = 'Investigator'"), 1);
	assert_int_equal(count(s, "service_theme WHERE slug = 'rule-of-law'"),
	    1);
	assert_int_equal(count(s, "unavailability JOIN person p ON "
	    "p.pk = person WHERE family_name = 'de Vries' AND "
	    "start = '2027-01-10' AND end IS NULL AND reason = 'Course'"), 1);
	/* The words index knows notes and mission names. */
	assert_int_equal(count(s, "person_fts JOIN person ON pk = "
	    "person_fts.rowid WHERE person_fts MATCH 'bambara' AND "
	    "family_name = 'Dubois'"), 1);
	assert_int_equal(count(s, "person_fts JOIN person ON pk = "
	    "person_fts.rowid WHERE person_fts MATCH 'kosovo' AND "
	    "family_name = 'de Vries'"), 1);
	testdb_close(s);
}

/* N is native, as the screen shows it, in either case. */
static void
test_level_n(void **state)
{
	struct store *s = testdb_open();

	(void)state;
	import_ok(s, 0, file(0, "people.csv", "family_name,languages\n"
	    "Visser,nl:N;fr:n;en:C1\n"), NULL, NULL);
	assert_int_equal(count(s, "person_language WHERE level = 7 AND "
	    "code IN ('nl', 'fr')"), 2);
	testdb_close(s);
}

/* The report of the last import, with $0..$7 expanded in want. */
static void
assert_report(const char *want)
{
	struct strbuf w = { 0 };

	expand(want, &w);
	assert_string_equal(report, strbuf_str(&w));
	strbuf_free(&w);
}

/*
 * A column left out of a people file leaves that field of people who
 * exist as it is; a new person gets its default.
 */
static void
test_absent_column(void **state)
{
	struct store *s = fixture_db();
	struct strbuf before = { 0 }, after = { 0 };
	static const char lists[] = "SELECT p.id, code, level, "
	    "(SELECT group_concat(slug) FROM person_theme WHERE person = p.pk),"
	    " (SELECT group_concat(slug) FROM person_skill WHERE person = p.pk),"
	    " passport_expiry, agency, email, status, notes FROM person p "
	    "LEFT JOIN person_language ON person = p.pk "
	    "WHERE family_name <> 'Bakker' ORDER BY 1, 2";
	char *f;

	(void)state;
	dump_query(s, lists, &before);
	f = file(3, "cut.csv", "id,family_name,given_name,notice_days\n"
	    "11111111-1111-4111-8111-111111111111,Dubois,Amélie,2\n"
	    "22222222-2222-4222-8222-222222222222,de Vries,Jan,9\n"
	    ",Bakker,Piet,\n");
	/* The dry run says what the import does, and does nothing. */
	assert_int_equal(import(s, IMPORT_DRY_RUN | IMPORT_CHANGES, f,
	    (char *)NULL), RC_OK);
	assert_report("$3 (dry run): added 1, updated 1 (notice_days 1), "
	    "unchanged 1\n");
	assert_int_equal(count(s, "person"), 5);
	assert_int_equal(import(s, IMPORT_CHANGES, f, (char *)NULL), RC_OK);
	assert_report("$3: added 1, updated 1 (notice_days 1), unchanged 1\n");
	assert_int_equal(count(s, "person WHERE family_name = 'de Vries' AND "
	    "notice_days = 9 AND version = 2"), 1);
	assert_int_equal(count(s, "audit WHERE action = 'update' AND "
	    "fields = 'notice_days'"), 1);
	/* The languages, themes, skills, dates and words of all are kept. */
	dump_query(s, lists, &after);
	assert_string_equal(strbuf_str(&after), strbuf_str(&before));
	assert_int_equal(count(s, "person WHERE family_name = 'Bakker' AND "
	    "status = 'active' AND notice_days = 0 AND agency = '' AND "
	    "passport_expiry IS NULL"), 1);
	strbuf_free(&before);
	strbuf_free(&after);
	testdb_close(s);
}

/* An empty cell in a column the file has clears the field. */
static void
test_empty_cell_clears(void **state)
{
	struct store *s = fixture_db();
	char *f;

	(void)state;
	f = file(3, "some.csv", "id,family_name,passport_expiry,languages\n"
	    "11111111-1111-4111-8111-111111111111,Dubois,,\n"
	    "22222222-2222-4222-8222-222222222222,de Vries,,nl:N\n"
	    "33333333-3333-4333-8333-333333333333,Παπαδόπουλος,2025-01-01,"
	    "el:native;en:C2\n");
	assert_int_equal(import(s, IMPORT_CHANGES, f, (char *)NULL), RC_OK);
	assert_report("$3: added 0, updated 2 (passport_expiry 2, "
	    "languages 2), unchanged 1; cleared: passport_expiry 2, "
	    "languages 1\n");
	assert_int_equal(count(s, "person WHERE passport_expiry IS NULL"), 3);
	assert_int_equal(count(s, "person_language JOIN person p ON p.pk = "
	    "person WHERE family_name = 'Dubois'"), 0);
	assert_int_equal(count(s, "person_language JOIN person p ON p.pk = "
	    "person WHERE family_name = 'de Vries'"), 1);
	/* What the file does not have stays. */
	assert_int_equal(count(s, "person WHERE family_name = 'Dubois' AND "
	    "given_name = 'Amélie' AND agency = 'National Police'"), 1);
	assert_int_equal(count(s, "person_theme JOIN person p ON p.pk = "
	    "person WHERE family_name = 'Dubois'"), 1);
	assert_int_equal(count(s, "audit WHERE action = 'update' AND "
	    "fields = 'passport_expiry,languages'"), 2);
	/* Only a good import says what it would change. */
	assert_int_equal(import(s, IMPORT_CHANGES, f, spoilt(4, FILE_PEOPLE,
	    "gender", "q"), (char *)NULL), RC_INPUT);
	assert_null(strstr(report, "added"));
	testdb_close(s);
}

/*
 * Exports leave out the contacts of people who left the service: an
 * empty email or phone of someone stored as left keeps them, even when
 * the row brings them back as active; anyone else's is cleared.
 */
static void
test_left_contacts_kept(void **state)
{
	struct store *s = fixture_db();
	char *f;

	(void)state;
	testdb_exec(s, "UPDATE person SET email = 'anna@customs.example', "
	    "phone = '+48 600 100 200' WHERE family_name = 'Kowalska'");
	f = file(3, "back.csv", "id,family_name,email,phone,status\n"
	    "55555555-5555-4555-8555-555555555555,Kowalska,,,left\n"
	    "11111111-1111-4111-8111-111111111111,Dubois,,,active\n");
	assert_int_equal(import(s, IMPORT_CHANGES, f, (char *)NULL), RC_OK);
	assert_report("$3: added 0, updated 1 (email 1, phone 1), unchanged "
	    "1; cleared: email 1, phone 1\n");
	assert_int_equal(count(s, "person WHERE family_name = 'Kowalska' AND "
	    "email = 'anna@customs.example' AND phone = '+48 600 100 200' "
	    "AND version = 1"), 1);
	assert_int_equal(count(s, "person WHERE family_name = 'Dubois' AND "
	    "email = '' AND phone = ''"), 1);
	/* Back in service from an export: the contacts stay. */
	f = file(3, "back.csv", "id,family_name,email,phone,status\n"
	    "55555555-5555-4555-8555-555555555555,Kowalska,,,active\n");
	assert_int_equal(import(s, IMPORT_CHANGES, f, (char *)NULL), RC_OK);
	assert_report("$3: added 0, updated 1 (status 1), unchanged 0\n");
	assert_int_equal(count(s, "person WHERE family_name = 'Kowalska' AND "
	    "email = 'anna@customs.example' AND status = 'active'"), 1);
	/* Now active, an empty cell clears. */
	assert_int_equal(import(s, IMPORT_CHANGES, f, (char *)NULL), RC_OK);
	assert_int_equal(count(s, "person WHERE family_name = 'Kowalska' AND "
	    "email = '' AND phone = ''"), 1);
	testdb_close(s);
}

/*
 * An empty cell that puts back a default (status active, notice_days 0)
 * clears the field as much as one that leaves it empty; a default
 * written out is a change, not a clear.
 */
static void
test_empty_cell_default(void **state)
{
	struct store *s = fixture_db();

	(void)state;
	assert_int_equal(import(s, IMPORT_CHANGES | IMPORT_DRY_RUN, file(3,
	    "d.csv", "id,family_name,gender,status,notice_days\n"
	    "11111111-1111-4111-8111-111111111111,Dubois,,,\n"
	    "33333333-3333-4333-8333-333333333333,Παπαδόπουλος,m,,0\n"
	    "55555555-5555-4555-8555-555555555555,Kowalska,f,left,0\n"),
	    (char *)NULL), RC_OK);
	assert_report("$3 (dry run): added 0, updated 3 (gender 1, status 1, "
	    "notice_days 2), unchanged 0; cleared: gender 1, status 1, "
	    "notice_days 1\n");
	testdb_close(s);
}

/* A spreadsheet's ';' between columns: refused, or read when told. */
static void
test_separator(void **state)
{
	struct store *s = testdb_open();
	static const char semi[] = "family_name;given_name;languages\n"
	    "Visser;Els;\"nl:N;en:C1\"\n";

	(void)state;
	refused(s, "$0:1: this file uses ';' between columns: save it as CSV "
	    "with commas (or use --separator ';')\n",
	    file(0, "semi.csv", semi), (char *)NULL);
	refused(s, "$0:1: this file uses ';' between columns: save it as CSV "
	    "with commas (or use --separator ';')\n",
	    file(0, "semi.csv", "person_id;mission;country;start\n"),
	    (char *)NULL);
	assert_int_equal(import(s, IMPORT_SEPARATOR(';'), file(0, "semi.csv",
	    semi), (char *)NULL), RC_OK);
	assert_string_equal(report, "");
	assert_int_equal(count(s, "person_language JOIN person p ON p.pk = "
	    "person WHERE given_name = 'Els'"), 2);
	/* And the other way round. */
	assert_int_equal(import(s, IMPORT_SEPARATOR(';'), file(0, "comma.csv",
	    "family_name,given_name\nVisser,Els\n"), (char *)NULL), RC_INPUT);
	assert_report("$0:1: this file uses commas between columns, not "
	    "semicolons (leave out --separator)\n");
	/* Messages name the separator in use, never a raw tab. */
	assert_int_equal(import(s, IMPORT_SEPARATOR('\t'), file(0, "comma.csv",
	    "family_name,given_name\nVisser,Els\n"), (char *)NULL), RC_INPUT);
	assert_report("$0:1: this file uses commas between columns, not tabs "
	    "(leave out --separator)\n");
	assert_int_equal(import(s, IMPORT_SEPARATOR(';'), file(0, "semi.csv",
	    "family_name;given_name\nA;B;C\n"), (char *)NULL), RC_INPUT);
	assert_report("$0:2: 3 fields, but the header has 2 (a missing or "
	    "extra semicolon, or an unquoted field)\n");
	assert_int_equal(import(s, IMPORT_SEPARATOR('\t'), file(0, "tab.csv",
	    "family_name\tgiven_name\n\"A\"x\tB\n"), (char *)NULL),
	    RC_INPUT);
	assert_report("$0:2: column 4: text after the closing quote of a field "
	    "(expected a tab or a line end)\n");
	testdb_close(s);
}

/*
 * An id-less person with the name (in any case and accents) and the
 * e-mail or phone of someone in the pool or on an earlier row is refused,
 * unless duplicates are allowed.
 */
static void
test_duplicates(void **state)
{
	struct store *s = fixture_db();
	char *f;

	(void)state;
	f = file(3, "new.csv", "family_name,given_name,email,phone\n"
	    "DUBOIS,amelie,AMELIE.DUBOIS@police.example,\n"
	    "Visser,Els,,+31 6 1\n"
	    "visser,Éls,,(+31) 61\n"
	    "Dubois,Marie,amelie.dubois@police.example,+33 6 12 34 56 78\n"
	    "Kowalska,Anna,,\n");
	refused(s, "$3:2: amelie DUBOIS is probably Amélie Dubois (11111111), "
	    "already in the pool (same name and e-mail): give their id to "
	    "update them, or use --allow-duplicates to add a second person\n"
	    "$3:4: Éls visser is probably the same person as $3:3 (same name "
	    "and phone): give an id to update one person, or use "
	    "--allow-duplicates to add a second person\n", f, (char *)NULL);
	assert_int_equal(import(s, IMPORT_ALLOW_DUPLICATES, f, (char *)NULL),
	    RC_OK);
	assert_report("$3:2: amelie DUBOIS is probably Amélie Dubois "
	    "(11111111), already in the pool (same name and e-mail): added all "
	    "the same (--allow-duplicates)\n"
	    "$3:4: Éls visser is probably the same person as $3:3 (same name "
	    "and phone): added all the same (--allow-duplicates)\n");
	assert_int_equal(count(s, "person"), 10);
	/* A row with an id, written before anyone was looked up. */
	refused(s, "$4:3: Piet Bakker is probably the same person as $4:2 "
	    "(same name and e-mail): give an id to update one person, or use "
	    "--allow-duplicates to add a second person\n", file(4, "id.csv",
	    "id,family_name,given_name,email\n"
	    "77777777-7777-4777-8777-777777777777,Bakker,Piet,p@x.example\n"
	    ",Bakker,Piet,P@X.example\n"), (char *)NULL);
	testdb_close(s);
}

static void
test_header_only(void **state)
{
	struct store *s = testdb_open();

	(void)state;
	import_ok(s, 0, file(0, "people.csv", people_header),
	    file(1, "missions.csv", "\r\n\n" "person_id,mission,country,"
	    "start,end,role,themes\r\n\r\n"), NULL);
	assert_int_equal(stats.rows[FILE_PEOPLE], 0);
	assert_int_equal(stats.rows[FILE_MISSIONS], 0);
	assert_int_equal(stats.rows[FILE_UNAVAILABILITY], 0);
	assert_counts(s, 0, 0, 0, 0, 0, 0, 0, 0);
	testdb_close(s);
}

/* Whether id is a lower-case UUID v4, as libuuid makes them. */
static int
is_uuid_v4(const char *id)
{
	size_t i;

	if (strlen(id) != 36 || id[14] != '4' || strchr("89ab", id[19]) ==
	    NULL)
		return 0;
	for (i = 0; i < 36; i++)
		if (i == 8 || i == 13 || i == 18 || i == 23) {
			if (id[i] != '-')
				return 0;
		} else if (strchr("0123456789abcdef", id[i]) == NULL)
			return 0;
	return 1;
}

static void
assert_new_ids(struct store *s, const char *where, int n)
{
	sqlite3_stmt *st;
	struct strbuf sql = { 0 };
	int seen = 0;

	strbuf_addf(&sql, "SELECT id FROM person WHERE %s", where);
	assert_int_equal(sqlite3_prepare_v2(s->db, strbuf_str(&sql), -1, &st,
	    NULL), SQLITE_OK);
	strbuf_free(&sql);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (!is_uuid_v4((const char *)sqlite3_column_text(st, 0)))
			fail_msg("'%s' is no lower-case UUID v4",
			    sqlite3_column_text(st, 0));
		seen++;
	}
	sqlite3_finalize(st);
	assert_int_equal(seen, n);
}

static void
test_rfc4180(void **state)
{
	struct store *s = testdb_open();

	(void)state;
	/* CRLF records, a BOM, quoted commas, quotes and both newlines. */
	import_ok(s, 0, file(0, "people.csv", "\xef\xbb\xbf"
	    "skills,notes,family_name,languages,id,themes,given_name\r\n"
	    "first-aid,\"a, b \"\"c\"\"\r\nline two\nline three\",Quote,"
	    "\" EN:c1 ; fr:B2 ;\",ABCDEF01-2345-4678-89AB-CDEF01234567,"
	    "Drugs;cybercrime;drugs,Q\r\n"
	    ",,Plain,,,,\r\n"), NULL, NULL);
	assert_int_equal(stats.rows[FILE_PEOPLE], 2);
	assert_int_equal(count(s, "person WHERE family_name = 'Quote' AND "
	    "given_name = 'Q' AND notes = 'a, b \"c\"' || char(13, 10) || "
	    "'line two' || char(10) || 'line three' AND "
	    "id = 'abcdef01-2345-4678-89ab-cdef01234567' AND status = 'active' "
	    "AND notice_days = 0 AND gender = '' AND agency = ''"), 1);
	assert_int_equal(count(s, "person_language WHERE (code = 'en' AND "
	    "level = 5) OR (code = 'fr' AND level = 4)"), 2);
	/* Themes in any case, given twice: stored once, lower case. */
	assert_int_equal(count(s, "person_theme"), 2);
	assert_int_equal(count(s, "person_theme WHERE slug IN ('drugs', "
	    "'cybercrime')"), 2);
	assert_int_equal(count(s, "person_skill WHERE slug = 'first-aid'"), 1);
	/* An empty id makes a new one. */
	assert_new_ids(s, "family_name = 'Plain'", 1);
	/*
	 * Importing the same again changes nothing: the lists compare equal
	 * however they were spelt, and the id is matched in any case.
	 */
	{
		struct strbuf before = { 0 }, after = { 0 };

		dump(s, &before);
		import_ok(s, 0, file(1, "again.csv", "family_name,id,themes,"
		    "languages,notes,skills,given_name\n"
		    "Quote,abcdef01-2345-4678-89ab-cdef01234567,"
		    "cybercrime;DRUGS,fr:b2;en:C1,"
		    "\"a, b \"\"c\"\"\r\nline two\nline three\",first-aid,Q\n"),
		    NULL, NULL);
		dump(s, &after);
		assert_string_equal(strbuf_str(&after), strbuf_str(&before));
		strbuf_free(&before);
		strbuf_free(&after);
	}

	/* Only the required column: every person is new. */
	import_ok(s, 0, file(2, "names.csv", "family_name\nAlpha\nBeta\n"
	    "\"Gamma, Jr.\"\n"), NULL, NULL);
	assert_int_equal(stats.rows[FILE_PEOPLE], 3);
	assert_new_ids(s, "family_name IN ('Alpha', 'Beta', 'Gamma, Jr.')",
	    3);
	assert_int_equal(count(s, "person"), 5);
	assert_int_equal(count(s, "person_fts"), 5);
	assert_int_equal(count(s, "(SELECT DISTINCT id FROM person)"), 5);

	/* Choices in any case; the largest notice. */
	import_ok(s, 0, file(2, "case.csv", "family_name,gender,status,"
	    "notice_days\nDelta,F,INACTIVE,3650\n"), NULL, NULL);
	assert_int_equal(count(s, "person WHERE family_name = 'Delta' AND "
	    "gender = 'f' AND status = 'inactive' AND notice_days = 3650"), 1);

	/* Missions and unavailability columns in any order, too. */
	import_ok(s, 0, file(3, "m.csv", "themes,start,country,role,mission,"
	    "person_id\r\n"
	    "\"drugs; cybercrime\",2001-02-03,ml,\"Adviser, \"\"senior\"\"\","
	    "EUCAP Sahel Mali,abcdef01-2345-4678-89ab-cdef01234567\r\n"),
	    file(4, "u.csv", "reason,from,person_id\n"
	    "\"Leave, \"\"annual\"\"\",2030-01-01,"
	    "ABCDEF01-2345-4678-89AB-CDEF01234567\n"), NULL);
	assert_int_equal(stats.rows[FILE_MISSIONS], 1);
	assert_int_equal(stats.rows[FILE_UNAVAILABILITY], 1);
	assert_int_equal(count(s, "service WHERE country = 'ML' AND "
	    "start = '2001-02-03' AND end IS NULL AND "
	    "role = 'Adviser, \"senior\"'"), 1);
	assert_int_equal(count(s, "service_theme"), 2);
	assert_int_equal(count(s, "unavailability WHERE start = '2030-01-01' "
	    "AND end IS NULL AND reason = 'Leave, \"annual\"'"),
	    1);
	testdb_close(s);
}

static void
test_bad_people(void **state)
{
	struct store *s = fixture_db();

	(void)state;
#define BAD(col, value, want) \
	refused(s, want, spoilt(0, FILE_PEOPLE, col, value), (char *)NULL)
	BAD("passport_expiry", "2025-02-30", "$0:3: column 11 "
	    "(passport_expiry): '2025-02-30' is not a date (expected a real "
	    "date as YYYY-MM-DD)\n");
	BAD("heat_expiry", "2027-6-30", "$0:3: column 13 (heat_expiry): "
	    "'2027-6-30' is not a date (did you mean 2027-06-30?)\n");
	BAD("heat_expiry", "June 2027", "$0:3: column 13 (heat_expiry): "
	    "'June 2027' is not a date (expected a real date as YYYY-MM-DD)\n");
	BAD("origin", "K/Mar", "$0:3: column 21 (origin): pool name: "
	    "character 2 (U+002F) is not a letter, a digit, a space, '-', '_' "
	    "or '.'\n");
	/* The ISO form is offered, not taken: files take ISO dates only. */
	BAD("passport_expiry", "03/12/2026", "$0:3: column 11 "
	    "(passport_expiry): '03/12/2026' is not a date (did you mean "
	    "2026-12-03?)\n");
	BAD("medical_expiry", "3.12.2026", "$0:3: column 12 "
	    "(medical_expiry): '3.12.2026' is not a date (did you mean "
	    "2026-12-03?)\n");
	BAD("languages", "nl:native;xx:B2", "$0:3: column 14 (languages): "
	    "unknown language code 'xx' (expected an ISO 639-1 code such as "
	    "fr)\n");
	BAD("languages", "french:B2", "$0:3: column 14 (languages): "
	    "unknown language code 'french' (expected an ISO 639-1 code such "
	    "as fr)\n");
	BAD("languages", "fr:B7", "$0:3: column 14 (languages): 'B7' is not "
	    "a level (expected A1 A2 B1 B2 C1 C2 or native)\n");
	BAD("languages", "en:C1;fr", "$0:3: column 14 (languages): 'fr' has "
	    "no level (expected code:level as in fr:B2)\n");
	BAD("languages", "fr:B2;en:C1;FR:C1", "$0:3: column 14 (languages): "
	    "language 'fr' given twice\n");
	BAD("themes", "drugs;bordr-management", "$0:3: column 15 (themes): "
	    "unknown theme 'bordr-management' (did you mean "
	    "'border-management'?)\n");
	BAD("themes", "astrology", "$0:3: column 15 (themes): unknown theme "
	    "'astrology' (expected a theme such as border-management "
	    "(roster(5) lists them))\n");
	BAD("skills", "flying", "$0:3: column 16 (skills): unknown skill "
	    "'flying' (expected a skill such as first-aid (roster(5) lists "
	    "them))\n");
	BAD("notice_days", "-3", "$0:3: column 10 (notice_days): '-3' is not "
	    "a number of days (expected a whole number from 0 to 3650)\n");
	BAD("notice_days", "3d", "$0:3: column 10 (notice_days): '3d' is not "
	    "a number of days (expected a whole number from 0 to 3650)\n");
	BAD("notice_days", "99999999999999999999", "$0:3: column 10 "
	    "(notice_days): '99999999999999999999' is not a number of days "
	    "(expected a whole number from 0 to 3650)\n");
	BAD("notice_days", "3651", "$0:3: column 10 (notice_days): '3651' is "
	    "not a number of days (expected a whole number from 0 to 3650)\n");
	BAD("gender", "q", "$0:3: column 6 (gender): 'q' is not allowed "
	    "(expected f, m, x or empty)\n");
	BAD("status", "retired", "$0:3: column 9 (status): 'retired' is not "
	    "allowed (expected active, inactive, left or empty)\n");
	BAD("email", "p.jansen.example", "$0:3: column 7 (email): "
	    "'p.jansen.example' is not an e-mail address\n");
	BAD("phone", "call me", "$0:3: column 8 (phone): 'call me' is not a "
	    "phone number (expected digits, spaces and + - ( ) .)\n");
	BAD("id", "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa", "$0:3: column 1 (id): "
	    "'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa' is not an id (expected a "
	    "UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e)\n");
	BAD("id", "aaaaaaaa_aaaa-4aaa-8aaa-aaaaaaaaaaaa", "$0:3: column 1 "
	    "(id): 'aaaaaaaa_aaaa-4aaa-8aaa-aaaaaaaaaaaa' is not an id "
	    "(expected a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e)\n");
	BAD("family_name", "", "$0:3: column 2 (family_name): missing family "
	    "name\n");
	BAD("given_name", "Pie\x07ter", "$0:3: column 3 (given_name): control "
	    "character 0x07 (expected plain text)\n");
	BAD("family_name", "Jan\nsen", "$0:3: column 2 (family_name): "
	    "control character 0x0a (expected plain text)\n");
	BAD("agency", "K\x7f" "Mar", "$0:3: column 4 (agency): control "
	    "character 0x7f (expected plain text)\n");
	BAD("notes", "tab\tok, but not \x1b[31m", "$0:3: column 17 (notes): "
	    "control character 0x1b (expected plain text)\n");
	BAD("family_name", "Jan\xc2\x9b" "sen", "$0:3: column 2 (family_name): "
	    "control character U+009B (expected plain text)\n");
	BAD("notes", "abc\xe2\x80\xae" "fed", "$0:3: column 17 (notes): "
	    "bidirectional control U+202E (expected plain text)\n");
	BAD("rank", "\xe2\x81\xa6" "x", "$0:3: column 5 (rank): "
	    "bidirectional control U+2066 (expected plain text)\n");
	/* Invisible, they would make a name look like another. */
	BAD("family_name", "Jan\xe2\x80\x8b" "sen", "$0:3: column 2 "
	    "(family_name): invisible character U+200B (expected plain "
	    "text)\n");
	BAD("given_name", "\xe2\x80\x8f" "Anna", "$0:3: column 3 "
	    "(given_name): bidirectional control U+200F (expected plain "
	    "text)\n");
	BAD("notes", "a\xe2\x80\x8e" "b", "$0:3: column 17 (notes): "
	    "bidirectional control U+200E (expected plain text)\n");
	BAD("agency", "K\xef\xbb\xbf" "Mar", "$0:3: column 4 (agency): "
	    "invisible character U+FEFF (expected plain text)\n");
	BAD("rank", "x\xe2\x81\xa0", "$0:3: column 5 (rank): invisible "
	    "character U+2060 (expected plain text)\n");
	BAD("dnc", "holiday", "$0:3: column 18 (dnc): 'holiday' is not "
	    "allowed (expected leave, illness, personal, other or empty)\n");
	BAD("dnc_until", "2027-1-31", "$0:3: column 19 (dnc_until): "
	    "'2027-1-31' is not a date (did you mean 2027-01-31?)\n");
	BAD("dnc_until", "2027-01-31", "$0:3: column 19 (dnc_until): "
	    "2027-01-31 without a reason in dnc (expected dnc to be leave, "
	    "illness, personal or other)\n");
	BAD("reviewed", "last week", "$0:3: column 20 (reviewed): 'last week' "
	    "is not a date (expected a real date as YYYY-MM-DD)\n");
	/* A list too long to be one is refused, not cut short. */
	{
		char themes[5000];

		snprintf(themes, sizeof themes, "drugs;%4200s;cybercrime", "");
		BAD("themes", themes, "$0:3: column 15 (themes): a list of "
		    "4217 bytes (expected at most 4095)\n");
	}
	/* Items given twice count: a row is not a place for 65 items. */
	{
		struct strbuf many = { 0 };
		int i;

		for (i = 0; i < PERSON_MAX_LIST; i++)
			strbuf_adds(&many, "liaison;");
		strbuf_adds(&many, "leadership");
		BAD("skills", strbuf_str(&many), "$0:3: column 16 (skills): "
		    "more than 64 items\n");
		strbuf_free(&many);
	}
	/* Every problem of a row is reported, in column order. */
	BAD("languages", "fr:B7;xx:C1;de", "$0:3: column 14 (languages): "
	    "'B7' is not a level (expected A1 A2 B1 B2 C1 C2 or native)\n"
	    "$0:3: column 14 (languages): unknown language code 'xx' (expected "
	    "an ISO 639-1 code such as fr)\n"
	    "$0:3: column 14 (languages): 'de' has no level (expected "
	    "code:level as in fr:B2)\n");
#undef BAD
	/* The same id twice, in one file or two, and in any case. */
	refused(s, "$0:3: column 1 (id): id 99999999-9999-4999-8999-"
	    "999999999999 appears twice (also at $0:2)\n",
	    file(0, "twice.csv", "id,family_name\n"
	    "99999999-9999-4999-8999-999999999999,One\n"
	    "99999999-9999-4999-8999-999999999999,Two\n"), (char *)NULL);
	refused(s, "$1:2: column 2 (id): id 11111111-1111-4111-8111-"
	    "111111111111 appears twice (also at $0:2)\n",
	    file(0, "a.csv", fixture_people),
	    file(1, "b.csv", "family_name,id\n"
	    "Other,11111111-1111-4111-8111-111111111111\n"), (char *)NULL);
	/* Several problems in several rows and columns. */
	refused(s, "$0:2: column 1 (id): 'x' is not an id (expected a UUID "
	    "such as 0f8fad5b-d9cb-469f-a165-70867728950e)\n"
	    "$0:2: column 3 (gender): 'y' is not allowed (expected f, m, x or "
	    "empty)\n"
	    "$0:4: column 2 (family_name): missing family name\n",
	    file(0, "many.csv", "id,family_name,gender\n"
	    "x,A,y\n,B,\n,,f\n"), (char *)NULL);
	assert_fixture_counts(s);
	testdb_close(s);
}

static void
test_bad_missions(void **state)
{
	struct store *s = fixture_db();

	(void)state;
#define BAD(col, value, want) \
	refused(s, want, spoilt(0, FILE_MISSIONS, col, value), (char *)NULL)
	BAD("country", "QQ", "$0:3: column 3 (country): unknown country code "
	    "'QQ' (expected an ISO 3166-1 alpha-2 code such as ML; XK is "
	    "Kosovo)\n");
	BAD("country", "Libya", "$0:3: column 3 (country): unknown country "
	    "code 'Libya' (expected an ISO 3166-1 alpha-2 code such as ML; XK "
	    "is Kosovo)\n");
	BAD("end", "2013-12-31", "$0:3: column 5 (end): 2013-12-31 is before "
	    "the start 2014-01-01 (expected an end on or after the start, or "
	    "empty)\n");
	BAD("start", "", "$0:3: column 4 (start): missing date (expected "
	    "YYYY-MM-DD)\n");
	BAD("start", "2014-13-01", "$0:3: column 4 (start): '2014-13-01' is "
	    "not a date (expected a real date as YYYY-MM-DD)\n");
	BAD("end", "30-06-2015", "$0:3: column 5 (end): '30-06-2015' is not "
	    "a date (did you mean 2015-06-30?)\n");
	BAD("mission", "", "$0:3: column 2 (mission): missing mission name\n");
	BAD("role", "Ad\rviser", "$0:3: column 6 (role): control character "
	    "0x0d (expected plain text)\n");
	BAD("themes", "border-managment", "$0:3: column 7 (themes): unknown "
	    "theme 'border-managment' (did you mean 'border-management'?)\n");
	BAD("person_id", "12345678-1234-4234-8234-123456789abc", "$0:3: "
	    "column 1 (person_id): unknown person 12345678-1234-4234-8234-"
	    "123456789abc (expected the id of a person in the database or in "
	    "a people file of this import)\n");
	BAD("person_id", "", "$0:3: column 1 (person_id): missing person "
	    "id\n");
	BAD("person_id", "Dubois", "$0:3: column 1 (person_id): 'Dubois' is "
	    "not an id (expected a UUID such as "
	    "0f8fad5b-d9cb-469f-a165-70867728950e)\n");
#undef BAD
	assert_fixture_counts(s);
	testdb_close(s);
}

static void
test_bad_unavailability(void **state)
{
	struct store *s = fixture_db();

	(void)state;
#define BAD(col, value, want) \
	refused(s, want, spoilt(0, FILE_UNAVAILABILITY, col, value), \
	    (char *)NULL)
	BAD("to", "2027-02-28", "$0:3: column 3 (to): 2027-02-28 is before "
	    "the start 2027-03-01 (expected an end on or after the start, or "
	    "empty)\n");
	BAD("from", "", "$0:3: column 2 (from): missing date (expected "
	    "YYYY-MM-DD)\n");
	BAD("from", "2027-02-29", "$0:3: column 2 (from): '2027-02-29' is "
	    "not a date (expected a real date as YYYY-MM-DD)\n");
	BAD("from", "01/03/2027", "$0:3: column 2 (from): '01/03/2027' is "
	    "not a date (did you mean 2027-03-01?)\n");
	BAD("person_id", "12345678-1234-4234-8234-123456789abc", "$0:3: "
	    "column 1 (person_id): unknown person 12345678-1234-4234-8234-"
	    "123456789abc (expected the id of a person in the database or in "
	    "a people file of this import)\n");
	BAD("reason", "bell\a", "$0:3: column 4 (reason): control character "
	    "0x07 (expected plain text)\n");
#undef BAD
	assert_fixture_counts(s);
	testdb_close(s);
}

/* Problems with a file as a whole: its header, its shape, its bytes. */
static void
test_bad_files(void **state)
{
	struct store *s = fixture_db();

	(void)state;
	refused(s, "$0:1: column 3: unknown column 'colour' in a people file "
	    "(roster(5) lists its columns)\n",
	    file(0, "p.csv", "id,family_name,colour\n,A,red\n"), (char *)NULL);
	refused(s, "$0:1: column 7: unknown column 'theme' in a missions file "
	    "(roster(5) lists its columns)\n",
	    file(0, "m.csv", "person_id,mission,country,start,end,role,"
	    "theme\n"), (char *)NULL);
	refused(s, "$0:1: not a roster file: column 1 is 'surname' (expected "
	    "the header of a people, missions, unavailability, deployments or "
	    "assignments file, roster(5))\n",
	    file(0, "x.csv", "surname,age\nBob,42\n"), (char *)NULL);
	refused(s, "$0:1: column 2: unknown column 'age' in a deployments file "
	    "(roster(5) lists its columns)\n",
	    file(0, "x.csv", "name,age\nBob,42\n"), (char *)NULL);
	refused(s, "$0:1: column 5: unknown column 'changes' in an "
	    "assignments file (roster(5) lists its columns)\n",
	    file(0, "a.csv", "deployment,person_id,role,status,changes\n"),
	    (char *)NULL);
	refused(s, "$0:1: a deployments file needs a 'start' column\n",
	    file(0, "d.csv", "name,country\nIrma,SX\n"), (char *)NULL);
	refused(s, "$0:1: an assignments file needs a 'deployment' column\n",
	    file(0, "a.csv", "person_id,status\n"), (char *)NULL);
	refused(s, "$0:1: column 2: 'family_name' given twice (also column "
	    "1)\n", file(0, "p.csv", "family_name,family_name\nA,B\n"),
	    (char *)NULL);
	refused(s, "$0:1: a missions file needs a 'start' column\n",
	    file(0, "m.csv", "person_id,mission,country,end\n"), (char *)NULL);
	refused(s, "$0:1: a people file needs a 'family_name' column\n",
	    file(0, "p.csv", "id,given_name\n,Jan\n"), (char *)NULL);
	refused(s, "$0:3: 18 fields, but the header has 17 (a missing or "
	    "extra comma, or an unquoted field)\n"
	    "$0:4: 16 fields, but the header has 17 (a missing or extra comma, "
	    "or an unquoted field)\n",
	    file(0, "p.csv", "id,family_name,given_name,agency,rank,gender,"
	    "email,phone,status,notice_days,passport_expiry,medical_expiry,"
	    "heat_expiry,languages,themes,skills,notes\n"
	    ",Good,,,,,,,,,,,,,,,\n"
	    ",Extra,,,,,,,,,,,,,,,,\n"
	    ",Fewer,,,,,,,,,,,,,,\n"), (char *)NULL);
	refused(s, "$0:1: empty file (expected a header line, roster(5))\n",
	    file(0, "empty.csv", ""), (char *)NULL);
	refused(s, "$0:1: empty file (expected a header line, roster(5))\n",
	    file(0, "blank.csv", "\xef\xbb\xbf\r\n\n"), (char *)NULL);
	refused(s, "$0:3: column 4: invalid UTF-8 (save the file as UTF-8)\n",
	    file(0, "p.csv", "id,family_name\n,Good\n,Mo\xfcller\n"),
	    (char *)NULL);
	/* The reader's own problem, after one of a row. */
	refused(s, "$0:2: column 1 (id): 'x' is not an id (expected a UUID "
	    "such as 0f8fad5b-d9cb-469f-a165-70867728950e)\n"
	    "$0:3: column 4: invalid UTF-8 (save the file as UTF-8)\n",
	    file(0, "p.csv", "id,family_name\nx,Good\n,Mo\xfcller\n"),
	    (char *)NULL);
	/* In the header, the one line that tells the kind of file. */
	refused(s, "$0:1: column 5: invalid UTF-8 (save the file as UTF-8)\n",
	    file(0, "p.csv", "id,f\xe9mily_name\n,A\n"), (char *)NULL);
	refused(s, "$0:2: column 8: text after the closing quote of a field "
	    "(expected a comma or a line end)\n",
	    file(0, "p.csv", "id,family_name\n,\"Good\"x\n"), (char *)NULL);
	refused(s, "/nonexistent/people.csv: No such file or directory\n",
	    "/nonexistent/people.csv", (char *)NULL);
	/* Each bad file is reported; a good one beside them is not written. */
	refused(s, "/nonexistent/people.csv: No such file or directory\n"
	    "$1:1: empty file (expected a header line, roster(5))\n",
	    file(0, "good.csv", "family_name\nGood\n"),
	    "/nonexistent/people.csv", file(1, "empty.csv", ""),
	    (char *)NULL);
	assert_fixture_counts(s);
	testdb_close(s);
}

/* One bad row anywhere, and nothing of any file is written. */
static void
test_all_or_nothing(void **state)
{
	struct store *s = testdb_open();
	struct strbuf b = { 0 };

	(void)state;
	strbuf_adds(&b, fixture_missions);
	strbuf_adds(&b, "55555555-5555-4555-8555-555555555555,EUBAM Libya,"
	    "LY,2014-01-01,2013-01-01,,\n");
	refused(s, "$1:5: column 5 (end): 2013-01-01 is before the start "
	    "2014-01-01 (expected an end on or after the start, or empty)\n",
	    file(0, "people.csv", fixture_people),
	    file(1, "missions.csv", strbuf_str(&b)),
	    file(2, "unavailability.csv", fixture_unavail), (char *)NULL);
	strbuf_free(&b);
	assert_counts(s, 0, 0, 0, 0, 0, 0, 0, 0);
	assert_int_equal(count(s, "audit"), 0);
	assert_int_equal(stats.rows[FILE_PEOPLE], 5);
	assert_int_equal(stats.rows[FILE_MISSIONS], 3);
	assert_int_equal(stats.rows[FILE_UNAVAILABILITY], 3);

	/* A mission of a person whose row was refused is refused too. */
	refused(s, "$0:3: column 14 (languages): unknown language code 'xx' "
	    "(expected an ISO 639-1 code such as fr)\n"
	    "$1:2: column 1 (person_id): unknown person aaaaaaaa-aaaa-4aaa-"
	    "8aaa-aaaaaaaaaaaa (expected the id of a person in the database or "
	    "in a people file of this import)\n",
	    spoilt(0, FILE_PEOPLE, "languages", "xx:B1"),
	    file(1, "m.csv", "person_id,mission,country,start\n"
	    "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa,EULEX Kosovo,XK,2010-01-01\n"
	    "99999999-9999-4999-8999-999999999999,EULEX Kosovo,XK,"
	    "2010-01-01\n"), (char *)NULL);
	assert_counts(s, 0, 0, 0, 0, 0, 0, 0, 0);

	/* A bad member, and no person, deployment or member is written. */
	strbuf_adds(&b, fixture_assignments);
	strbuf_adds(&b, "MH17,55555555-5555-4555-8555-555555555555,,proposed,"
	    "proposed@2026-11-23T07:00:00\n");
	refused(s, "$4:6: column 5 (history): '2026-11-23T07:00:00' is not a "
	    "time (expected UTC as YYYY-MM-DDTHH:MM:SSZ)\n",
	    file(0, "people.csv", fixture_people),
	    file(1, "missions.csv", fixture_missions),
	    file(2, "unavailability.csv", fixture_unavail),
	    file(3, "deployments.csv", fixture_deployments),
	    file(4, "assignments.csv", strbuf_str(&b)), (char *)NULL);
	strbuf_free(&b);
	NROWS(stats, 5, 3, 3, 3, 4);
	assert_counts(s, 0, 0, 0, 0, 0, 0, 0, 0);
	assert_int_equal(count(s, "deployment"), 0);
	assert_int_equal(count(s, "assignment"), 0);
	assert_int_equal(count(s, "assignment_history"), 0);
	assert_int_equal(count(s, "audit"), 0);
	testdb_close(s);
}

static void
test_dry_run(void **state)
{
	struct store *s = testdb_open();
	struct strbuf before = { 0 }, after = { 0 };

	(void)state;
	dump(s, &before);
	import_fixture(s, IMPORT_DRY_RUN);
	assert_int_equal(stats.rows[FILE_PEOPLE], 5);
	assert_int_equal(stats.rows[FILE_MISSIONS], 3);
	assert_int_equal(stats.rows[FILE_UNAVAILABILITY], 3);
	dump(s, &after);
	assert_string_equal(strbuf_str(&after), strbuf_str(&before));
	assert_counts(s, 0, 0, 0, 0, 0, 0, 0, 0);

	/* A dry run finds the problems a real one would. */
	assert_int_equal(import(s, IMPORT_DRY_RUN,
	    spoilt(0, FILE_PEOPLE, "gender", "q"), (char *)NULL), RC_INPUT);
	assert_string_equal(err.msg, "1 problem found; nothing was imported");
	strbuf_reset(&after);
	dump(s, &after);
	assert_string_equal(strbuf_str(&after), strbuf_str(&before));

	/* And after one, the real import still works. */
	import_fixture(s, 0);
	assert_fixture_counts(s);

	/* Deployments and members too are checked and not written. */
	strbuf_reset(&before);
	dump(s, &before);
	import_ok(s, IMPORT_DRY_RUN, file(3, "deployments.csv",
	    fixture_deployments), file(4, "assignments.csv",
	    fixture_assignments), NULL);
	NROWS(stats, 0, 0, 0, 3, 4);
	strbuf_reset(&after);
	dump(s, &after);
	assert_string_equal(strbuf_str(&after), strbuf_str(&before));
	assert_int_equal(count(s, "deployment"), 0);
	strbuf_free(&before);
	strbuf_free(&after);
	testdb_close(s);
}

/* The fixture with one person's cells replaced. */
static char *
fixture_edit(int slot, const char *from, const char *to)
{
	char buf[sizeof fixture_people + 256];
	const char *at = strstr(fixture_people, from);

	assert_non_null(at);
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)(at - fixture_people),
	    fixture_people, to, at + strlen(from));
	return file(slot, "people2.csv", buf);
}

static void
test_reimport(void **state)
{
	struct store *s = testdb_open();
	struct strbuf before = { 0 }, after = { 0 };

	(void)state;
	import_fixture(s, 0);
	dump(s, &before);
	/* The same files again: no new rows, no version, no audit. */
	import_fixture(s, 0);
	assert_int_equal(stats.rows[FILE_PEOPLE], 5);
	assert_int_equal(stats.rows[FILE_MISSIONS], 3);
	assert_int_equal(stats.rows[FILE_UNAVAILABILITY], 3);
	dump(s, &after);
	assert_string_equal(strbuf_str(&after), strbuf_str(&before));

	/* One field of one person. */
	import_ok(s, 0, fixture_edit(3, "Officer,f,,,left,1,",
	    "Officer,f,,,left,5,"), NULL, NULL);
	assert_fixture_counts(s);
	assert_int_equal(count(s, "person WHERE version = 1"), 4);
	assert_int_equal(count(s, "person WHERE family_name = 'Kowalska' AND "
	    "version = 2 AND notice_days = 5 AND updated >= created"), 1);
	assert_int_equal(count(s, "audit"), 12);
	assert_int_equal(count(s, "audit WHERE pk = (SELECT max(pk) FROM audit)"
	    " AND entity = 'person' AND action = 'update' AND "
	    "fields = 'notice_days' AND "
	    "entity_id = '55555555-5555-4555-8555-555555555555'"), 1);

	/* Two fields, one a list, of another: named in a fixed order. */
	import_ok(s, 0, fixture_edit(3, "active,7,2029-05-01,2027-01-01,"
	    "2026-12-31,nl:native;en:B2;fr:B1,",
	    "inactive,7,2029-05-01,2027-01-01,2026-12-31,"
	    "fr:B1;nl:native;en:C1,"), NULL, NULL);
	assert_int_equal(count(s, "person WHERE version = 1"), 3);
	assert_int_equal(count(s, "person WHERE family_name = 'de Vries' AND "
	    "version = 2 AND status = 'inactive'"), 1);
	/* Kowalska is 1 again in this file: that is her change. */
	assert_int_equal(count(s, "person WHERE family_name = 'Kowalska' AND "
	    "version = 3 AND notice_days = 1"), 1);
	assert_int_equal(count(s, "audit"), 14);
	assert_int_equal(count(s, "audit WHERE action = 'update' AND "
	    "fields = 'status,languages' AND "
	    "entity_id = '22222222-2222-4222-8222-222222222222'"), 1);
	assert_int_equal(count(s, "person_language JOIN person p ON "
	    "p.pk = person WHERE family_name = 'de Vries' AND code = 'en' AND "
	    "level = 5"), 1);
	assert_fixture_counts(s);
	assert_int_equal(count(s, "audit WHERE action = 'create'"), 5);
	strbuf_free(&before);
	strbuf_free(&after);
	testdb_close(s);
}

static void
test_many_errors(void **state)
{
	struct store *s = testdb_open();
	struct strbuf csv = { 0 }, want = { 0 };
	int i;

	(void)state;
	strbuf_adds(&csv, "id,family_name,notice_days\n");
	for (i = 0; i < 25; i++) {
		strbuf_addf(&csv, "%08d-0000-4000-8000-000000000000,N%d,-%d\n",
		    i, i, i + 1);
		if (i < IMPORT_MAX_ERRORS)
			strbuf_addf(&want, "$0:%d: column 3 (notice_days): "
			    "'-%d' is not a number of days (expected a whole "
			    "number from 0 to 3650)\n", i + 2, i + 1);
	}
	file(0, "many.csv", strbuf_str(&csv));
	assert_int_equal(import(s, 0, paths[0], (char *)NULL), RC_INPUT);
	strbuf_adds(&want, "(5 more problems not shown)\n");
	{
		struct strbuf w = { 0 };

		expand(strbuf_str(&want), &w);
		assert_string_equal(report, strbuf_str(&w));
		strbuf_free(&w);
	}
	assert_string_equal(err.msg, "25 problems found; nothing was imported");
	assert_int_equal(count(s, "person"), 0);

	/* One over the limit. */
	strbuf_reset(&csv);
	strbuf_adds(&csv, "family_name,gender\n");
	for (i = 0; i < IMPORT_MAX_ERRORS + 1; i++)
		strbuf_adds(&csv, "A,q\n");
	assert_int_equal(import(s, 0, file(0, "m.csv", strbuf_str(&csv)),
	    (char *)NULL), RC_INPUT);
	assert_non_null(strstr(report, ":21: column 2 (gender)"));
	assert_null(strstr(report, ":22:"));
	assert_non_null(strstr(report, "\n(1 more problem not shown)\n"));
	assert_string_equal(err.msg, "21 problems found; nothing was imported");
	strbuf_free(&csv);
	strbuf_free(&want);
	testdb_close(s);
}

/*
 * People are applied first, deployments before assignments, whatever the
 * order of the files.
 */
static void
test_any_order(void **state)
{
	struct store *s = testdb_open();

	(void)state;
	import_ok(s, 0, file(2, "unavailability.csv", fixture_unavail),
	    file(1, "missions.csv", fixture_missions),
	    file(0, "people.csv", fixture_people));
	assert_int_equal(stats.rows[FILE_PEOPLE], 5);
	assert_int_equal(stats.rows[FILE_MISSIONS], 3);
	assert_int_equal(stats.rows[FILE_UNAVAILABILITY], 3);
	assert_fixture_counts(s);
	testdb_close(s);

	s = testdb_open();
	assert_int_equal(import(s, 0,
	    file(4, "assignments.csv", fixture_assignments),
	    file(3, "deployments.csv", fixture_deployments),
	    file(2, "unavailability.csv", fixture_unavail),
	    file(1, "missions.csv", fixture_missions),
	    file(0, "people.csv", fixture_people), (char *)NULL), RC_OK);
	assert_string_equal(report, "");
	NROWS(stats, 5, 3, 3, 3, 4);
	assert_fixture_counts(s);
	assert_int_equal(count(s, "assignment"), 4);
	assert_int_equal(count(s, "assignment_history"), 9);
	testdb_close(s);
}

static void
test_deployments(void **state)
{
	struct store *s = fixture_db();
	long long audit0 = count(s, "audit");

	(void)state;
	import_ok(s, 0, file(3, "deployments.csv", fixture_deployments),
	    file(4, "assignments.csv", fixture_assignments), NULL);
	NROWS(stats, 0, 0, 0, 3, 4);
	assert_int_equal(count(s, "deployment"), 3);
	/* Needs as deploy create keeps them: one a line. */
	assert_int_equal(count(s, "deployment WHERE name = 'Irma' AND "
	    "kind = 'hurricane' AND country = 'SX' AND start = '2026-12-01' "
	    "AND end = '2026-12-31' AND status = 'active' AND needs = "
	    "'2:lang:nl' || char(10) || '1:theme:border \"sint maarten\"' AND "
	    "created <> ''"), 1);
	assert_int_equal(count(s, "deployment WHERE name = 'MH17' AND "
	    "kind = 'air-disaster' AND end IS NULL AND status = 'planning' AND "
	    "needs = '3:theme:disaster'"), 1);
	assert_int_equal(count(s, "deployment WHERE name = 'Old flood, 2020' "
	    "AND status = 'closed' AND needs = ''"), 1);
	assert_int_equal(count(s, "assignment"), 4);
	assert_int_equal(count(s, "assignment a JOIN person p ON p.pk = "
	    "a.person JOIN deployment d ON d.pk = a.deployment WHERE "
	    "d.name = 'Irma' AND p.family_name = 'Dubois' AND "
	    "a.role = 'Team leader' AND a.status = 'confirmed'"), 1);
	/* Every change, in the order given. */
	assert_int_equal(count(s, "assignment_history"), 9);
	assert_int_equal(count(s, "(SELECT group_concat(h.status || ' ' || "
	    "h.at, ',') AS g FROM (SELECT * FROM assignment_history ORDER BY "
	    "rowid) h JOIN assignment a ON a.pk = h.assignment JOIN person p "
	    "ON p.pk = a.person WHERE p.family_name = 'Müller') WHERE g = "
	    "'proposed 2020-01-01T00:00:00Z,deployed 2020-01-02T00:00:00Z,"
	    "returned 2020-02-01T18:00:00Z'"), 1);
	/* Audited as the deploy commands are. */
	assert_int_equal(count(s, "audit") - audit0, 7);
	assert_int_equal(count(s, "audit WHERE entity = 'deployment' AND "
	    "entity_id = 'Irma' AND action = 'create' AND fields = ''"), 1);
	assert_int_equal(count(s, "audit WHERE entity = 'deployment' AND "
	    "entity_id = 'Old flood, 2020' AND action = 'add' AND fields = "
	    "'person=44444444-4444-4444-8444-444444444444'"), 1);

	/* Lax spelling: choices in any case, an empty kind and status, no
	 * history, blank and CRLF lines among the needs. */
	import_ok(s, 0, file(3, "d.csv", "needs,start,country,name,kind,"
	    "status\n\"\r\n2:LANG:EN\r\n\r\n  \n1:skill:first\",2027-01-05,"
	    "us,Katrina,,\n"), file(4, "a.csv", "person_id,deployment,status\n"
	    "55555555-5555-4555-8555-555555555555,KATRINA,Contacted\n"
	    "44444444-4444-4444-8444-444444444444,katrina,\n"), NULL);
	NROWS(stats, 0, 0, 0, 1, 2);
	assert_int_equal(count(s, "deployment WHERE name = 'Katrina' AND "
	    "kind = 'other' AND country = 'US' AND status = 'planning' AND "
	    "needs = '2:LANG:EN' || char(10) || '1:skill:first'"), 1);
	/* A member without history gets one change, made now. */
	assert_int_equal(count(s, "assignment a JOIN assignment_history h ON "
	    "h.assignment = a.pk JOIN person p ON p.pk = a.person WHERE "
	    "p.family_name = 'Kowalska' AND a.status = 'contacted' AND "
	    "h.status = 'contacted' AND h.at LIKE '____-__-__T__:__:__Z'"), 1);
	assert_int_equal(count(s, "assignment a JOIN assignment_history h ON "
	    "h.assignment = a.pk JOIN person p ON p.pk = a.person JOIN "
	    "deployment d ON d.pk = a.deployment WHERE d.name = 'Katrina' AND "
	    "p.family_name = 'Müller' AND a.status = 'proposed' AND "
	    "h.status = 'proposed'"), 1);
	/* An empty status is the last of the history. */
	import_ok(s, 0, file(4, "a.csv", "person_id,deployment,history\n"
	    "11111111-1111-4111-8111-111111111111,Katrina,"
	    " proposed@2026-11-20T09:00:00Z ; ;withdrawn@2026-11-21T09:00:00Z ;"
	    "\n"), NULL, NULL);
	assert_int_equal(count(s, "assignment a JOIN deployment d ON d.pk = "
	    "a.deployment JOIN person p ON p.pk = a.person WHERE "
	    "d.name = 'Katrina' AND p.family_name = 'Dubois' AND "
	    "a.status = 'withdrawn' AND (SELECT count(*) FROM "
	    "assignment_history WHERE assignment = a.pk) = 2"), 1);
	testdb_close(s);
}

static void
test_bad_deployments(void **state)
{
	struct store *s = fixture_deploy_db();

	(void)state;
#define BAD(col, value, want) \
	refused(s, want, spoilt(0, FILE_DEPLOYMENTS, col, value), (char *)NULL)
	BAD("name", "", "$0:3: column 1 (name): missing deployment name\n");
	BAD("origin", "KMar\tNL", "$0:3: column 9 (origin): pool name: "
	    "character 5 (U+0009) is not a letter, a digit, a space, '-', '_' "
	    "or '.'\n");
	BAD("name", "   ", "$0:3: column 1 (name): missing deployment name\n");
	BAD("name", "Kat\nrina", "$0:3: column 1 (name): control character "
	    "0x0a (expected plain text)\n");
	BAD("kind", "storm", "$0:3: column 2 (kind): 'storm' is not allowed "
	    "(expected hurricane, earthquake, flood, air-disaster, "
	    "civil-unrest, pandemic, other or empty)\n");
	BAD("country", "QQ", "$0:3: column 3 (country): unknown country code "
	    "'QQ' (expected an ISO 3166-1 alpha-2 code such as ML; XK is "
	    "Kosovo)\n");
	BAD("country", "", "$0:3: column 3 (country): unknown country code "
	    "'' (expected an ISO 3166-1 alpha-2 code such as ML; XK is "
	    "Kosovo)\n");
	BAD("start", "", "$0:3: column 4 (start): missing date (expected "
	    "YYYY-MM-DD)\n");
	BAD("start", "2027-02-29", "$0:3: column 4 (start): '2027-02-29' is "
	    "not a date (expected a real date as YYYY-MM-DD)\n");
	BAD("end", "1/2/2027", "$0:3: column 5 (end): '1/2/2027' is not a "
	    "date (did you mean 2027-02-01?)\n");
	BAD("end", "31/2/2027", "$0:3: column 5 (end): '31/2/2027' is not a "
	    "date (expected a real date as YYYY-MM-DD)\n");
	BAD("end", "2026-12-31", "$0:3: column 5 (end): 2026-12-31 is before "
	    "the start 2027-01-01 (expected an end on or after the start, or "
	    "empty)\n");
	BAD("status", "open", "$0:3: column 6 (status): 'open' is not allowed "
	    "(expected planning, active, closed or empty)\n");
	BAD("needs", "0:lang:en", "$0:3: column 7 (needs): need '0:lang:en': "
	    "expected COUNT:FILTER with a count from 1 to 1000, as "
	    "2:lang:nl\n");
	BAD("needs", "1001:lang:en", "$0:3: column 7 (needs): need "
	    "'1001:lang:en': expected COUNT:FILTER with a count from 1 to "
	    "1000, as 2:lang:nl\n");
	BAD("needs", "lang:en", "$0:3: column 7 (needs): need 'lang:en': "
	    "expected COUNT:FILTER with a count from 1 to 1000, as "
	    "2:lang:nl\n");
	BAD("needs", "2:", "$0:3: column 7 (needs): need '2:': the filter "
	    "after the count is empty\n");
	/* Each need on its own, the filter's column counted in the filter. */
	BAD("needs", "2:lang:en\n1:contry:ML\n1:(skill:first", "$0:3: column "
	    "7 (needs): need '1:contry:ML': column 1: unknown key 'contry' "
	    "(did you mean 'country'?)\n"
	    "$0:3: column 7 (needs): need '1:(skill:first': column 1: '(' is "
	    "never closed (expected ')')\n");
	BAD("needs", "2:lang:en\x1b[31m", "$0:3: column 7 (needs): control "
	    "character 0x1b in a need (expected plain text, one need a "
	    "line)\n");
#undef BAD
	/* One name twice, in any case; in one file or two. */
	refused(s, "$0:3: column 1 (name): deployment 'ANDREW' appears twice "
	    "(also at $0:2)\n",
	    file(0, "d.csv", "name,country,start\nAndrew,US,2027-03-01\n"
	    "ANDREW,US,2027-03-02\n"), (char *)NULL);
	refused(s, "$1:2: column 3 (name): deployment 'andrew' appears twice "
	    "(also at $0:2)\n",
	    file(0, "d.csv", "name,country,start\nAndrew,US,2027-03-01\n"),
	    file(1, "e.csv", "country,start,name\nUS,2027-03-01,andrew\n"),
	    (char *)NULL);
	testdb_close(s);
}

static void
test_bad_assignments(void **state)
{
	struct store *s = fixture_deploy_db();

	(void)state;
#define BAD(col, value, want) \
	refused(s, want, spoilt(0, FILE_ASSIGNMENTS, col, value), (char *)NULL)
	BAD("deployment", "Katrina", "$0:3: column 1 (deployment): unknown "
	    "deployment 'Katrina' (expected the name of a deployment in the "
	    "database or in a deployments file of this import)\n");
	BAD("deployment", "", "$0:3: column 1 (deployment): missing "
	    "deployment name\n");
	BAD("person_id", "12345678-1234-4234-8234-123456789abc", "$0:3: "
	    "column 2 (person_id): unknown person 12345678-1234-4234-8234-"
	    "123456789abc (expected the id of a person in the database or in "
	    "a people file of this import)\n");
	BAD("person_id", "", "$0:3: column 2 (person_id): missing person "
	    "id\n");
	BAD("person_id", "Müller", "$0:3: column 2 (person_id): 'Müller' is "
	    "not an id (expected a UUID such as "
	    "0f8fad5b-d9cb-469f-a165-70867728950e)\n");
	BAD("role", "Ad\tviser", "$0:3: column 3 (role): control character "
	    "0x09 (expected plain text)\n");
	/* Control characters are reported, never echoed. */
	BAD("deployment", "MH\x1b[2J17", "$0:3: column 1 (deployment): "
	    "control character 0x1b (expected plain text)\n");
	BAD("history", "proposed\x1b[2J@2026-11-23T07:00:00Z", "$0:3: column "
	    "5 (history): control character 0x1b (expected plain text)\n");
	BAD("status", "booked", "$0:3: column 4 (status): 'booked' is not "
	    "allowed (expected proposed, contacted, confirmed, deployed, "
	    "returned, declined, withdrawn or empty)\n");
	BAD("status", "confirmed", "$0:3: column 4 (status): 'confirmed' is "
	    "not the last status in the history, contacted (expected the two "
	    "to agree)\n");
	BAD("history", "proposed", "$0:3: column 5 (history): 'proposed' has "
	    "no time (expected STATUS@YYYY-MM-DDTHH:MM:SSZ as in "
	    "proposed@2026-11-23T09:30:00Z)\n");
	BAD("history", "proposed@2026-11-23T07:00:00Z;called@2026-11-23T"
	    "08:00:00Z", "$0:3: column 5 (history): 'called' is not a status "
	    "(expected proposed, contacted, confirmed, deployed, returned, "
	    "declined or withdrawn)\n");
	BAD("history", "proposed@2026-11-23 07:00:00;contacted@2026-11-23T"
	    "24:00:00Z;contacted@2026-11-23T08:00:00+01:00", "$0:3: column 5 "
	    "(history): '2026-11-23 07:00:00' is not a time (expected UTC as "
	    "YYYY-MM-DDTHH:MM:SSZ)\n"
	    "$0:3: column 5 (history): '2026-11-23T24:00:00Z' is not a time "
	    "(expected UTC as YYYY-MM-DDTHH:MM:SSZ)\n"
	    "$0:3: column 5 (history): '2026-11-23T08:00:00+01:00' is not a "
	    "time (expected UTC as YYYY-MM-DDTHH:MM:SSZ)\n");
	BAD("history", "proposed@2026-02-29T07:00:00Z;contacted@2026-11-23T"
	    "07:60:00Z", "$0:3: column 5 (history): '2026-02-29T07:00:00Z' is "
	    "not a time (expected UTC as YYYY-MM-DDTHH:MM:SSZ)\n"
	    "$0:3: column 5 (history): '2026-11-23T07:60:00Z' is not a time "
	    "(expected UTC as YYYY-MM-DDTHH:MM:SSZ)\n");
	/* A date written otherwise gets its ISO form, if all else is right. */
	BAD("history", "proposed@23/11/2026T07:00:00Z;contacted@23/11/2026 "
	    "08:00", "$0:3: column 5 (history): '23/11/2026T07:00:00Z' is not "
	    "a time (did you mean 2026-11-23T07:00:00Z?)\n"
	    "$0:3: column 5 (history): '23/11/2026 08:00' is not a time "
	    "(expected UTC as YYYY-MM-DDTHH:MM:SSZ)\n");
#undef BAD
	/* One person twice on one deployment, its name in any case. */
	refused(s, "$0:3: column 2 (person_id): person 44444444-4444-4444-"
	    "8444-444444444444 on deployment 'MH17' appears twice (also at "
	    "$0:2)\n",
	    file(0, "a.csv", "deployment,person_id\n"
	    "MH17,44444444-4444-4444-8444-444444444444\n"
	    "mh17,44444444-4444-4444-8444-444444444444\n"), (char *)NULL);
	/* A member of a deployment whose row was refused is refused too. */
	refused(s, "$0:3: column 3 (country): unknown country code 'QQ' "
	    "(expected an ISO 3166-1 alpha-2 code such as ML; XK is Kosovo)\n"
	    "$1:2: column 1 (deployment): unknown deployment 'Katrina' "
	    "(expected the name of a deployment in the database or in a "
	    "deployments file of this import)\n",
	    spoilt(0, FILE_DEPLOYMENTS, "country", "QQ"),
	    file(1, "a.csv", "deployment,person_id\n"
	    "Katrina,44444444-4444-4444-8444-444444444444\n"
	    "Andrew,44444444-4444-4444-8444-444444444444\n"), (char *)NULL);
	assert_int_equal(count(s, "deployment"), 3);
	assert_int_equal(count(s, "assignment"), 4);
	testdb_close(s);
}

/* Deployments and members are updated by name and by person, as people
 * are by id; the same files again change nothing. */
static void
test_deploy_reimport(void **state)
{
	struct store *s = fixture_deploy_db();
	struct strbuf before = { 0 }, after = { 0 };
	long long audit0;

	(void)state;
	dump(s, &before);
	import_ok(s, 0, file(4, "assignments.csv", fixture_assignments),
	    file(3, "deployments.csv", fixture_deployments), NULL);
	NROWS(stats, 0, 0, 0, 3, 4);
	dump(s, &after);
	assert_string_equal(strbuf_str(&after), strbuf_str(&before));

	audit0 = count(s, "audit");
	import_ok(s, 0, file(3, "d.csv", "name,country,start,end,status,kind,"
	    "needs\nmh17,UA,2026-11-25,2026-12-25,active,air-disaster,"
	    "3:theme:disaster\n"), file(4, "a.csv", "deployment,person_id,"
	    "role,status,history\nMH17,33333333-3333-4333-8333-333333333333,"
	    "DVI team leader,proposed,proposed@2026-11-23T07:00:00Z\n"
	    "Irma,11111111-1111-4111-8111-111111111111,Team leader,deployed,"
	    "proposed@2026-11-20T09:00:00Z;deployed@2026-11-30T06:00:00Z\n"),
	    NULL);
	assert_int_equal(count(s, "deployment"), 3);
	assert_int_equal(count(s, "deployment WHERE name = 'mh17' AND "
	    "end = '2026-12-25' AND status = 'active'"), 1);
	assert_int_equal(count(s, "assignment"), 4);
	assert_int_equal(count(s, "assignment WHERE role = 'DVI team leader' "
	    "AND status = 'proposed'"), 1);
	assert_int_equal(count(s, "assignment_history"), 8);
	assert_int_equal(count(s, "assignment_history WHERE status = "
	    "'deployed' AND at = '2026-11-30T06:00:00Z'"), 1);
	assert_int_equal(count(s, "audit") - audit0, 3);
	assert_int_equal(count(s, "audit WHERE action = 'update' AND "
	    "entity_id = 'mh17' AND fields = 'name,end,status'"), 1);
	assert_int_equal(count(s, "audit WHERE action = 'update' AND "
	    "entity_id = 'mh17' AND fields = 'person=33333333-3333-4333-8333-"
	    "333333333333 changed=role'"), 1);
	assert_int_equal(count(s, "audit WHERE action = 'update' AND "
	    "entity_id = 'Irma' AND fields = 'person=11111111-1111-4111-8111-"
	    "111111111111 changed=status,history'"), 1);
	strbuf_free(&before);
	strbuf_free(&after);
	testdb_close(s);
}

/*
 * The origin of a new person or deployment is the file's, or this pool's
 * name where the file has none; a stored record keeps the one it has.
 */
static void
test_origin(void **state)
{
	struct store *s = fixture_deploy_db();

	(void)state;
	assert_int_equal(store_exec(s, "INSERT INTO setting(key, value) VALUES"
	    " ('pool_name', 'KMar')", NULL), RC_OK);
	import_ok(s, 0, file(0, "people.csv", "id,family_name,origin\n"
	    "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa,Jansen,Douane\n"
	    "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb,Visser,\n"
	    "11111111-1111-4111-8111-111111111111,Dubois,Politie\n"), NULL,
	    NULL);
	assert_int_equal(count(s, "person WHERE family_name = 'Jansen' AND "
	    "origin = 'Douane'"), 1);
	assert_int_equal(count(s, "person WHERE family_name = 'Visser' AND "
	    "origin = 'KMar'"), 1);
	assert_int_equal(count(s, "person WHERE origin = 'Politie'"), 0);
	import_ok(s, 0, file(3, "deployments.csv", "name,country,start,id,"
	    "origin\nAndrew,US,2027-03-01,cccccccc-cccc-4ccc-8ccc-cccccccccccc,"
	    "Douane\nBetsy,US,2027-04-01,,\nIrma,SX,2026-12-01,"
	    "dddddddd-dddd-4ddd-8ddd-dddddddddddd,Politie\n"), NULL, NULL);
	assert_int_equal(count(s, "deployment WHERE name = 'Andrew' AND id = "
	    "'cccccccc-cccc-4ccc-8ccc-cccccccccccc' AND origin = 'Douane'"), 1);
	assert_int_equal(count(s, "deployment WHERE name = 'Betsy' AND "
	    "origin = 'KMar' AND length(id) = 36"), 1);
	assert_int_equal(count(s, "deployment WHERE id = "
	    "'dddddddd-dddd-4ddd-8ddd-dddddddddddd' OR origin = 'Politie'"), 0);
	/* One id, one deployment: another name with it is refused. */
	refused(s, "$0:2: column 2 (id): cccccccc-cccc-4ccc-8ccc-cccccccccccc "
	    "is the id of the deployment 'Andrew' (expected that name, or "
	    "another id)\n", file(0, "deployments.csv", "name,id,country,"
	    "start\nAndy,cccccccc-cccc-4ccc-8ccc-cccccccccccc,US,2027-03-01\n"),
	    (char *)NULL);
	refused(s, "$0:3: column 2 (id): eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee "
	    "is the id of the deployment 'Carol' (expected that name, or "
	    "another id)\n", file(0, "deployments.csv", "name,id,country,"
	    "start\nCarol,eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee,US,2027-03-01\n"
	    "Dora,eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee,US,2027-03-01\n"),
	    (char *)NULL);
	testdb_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_level_n),
		cmocka_unit_test(test_absent_column),
		cmocka_unit_test(test_empty_cell_clears),
		cmocka_unit_test(test_empty_cell_default),
		cmocka_unit_test(test_left_contacts_kept),
		cmocka_unit_test(test_separator),
		cmocka_unit_test(test_duplicates),
		cmocka_unit_test(test_header_only),
		cmocka_unit_test(test_rfc4180),
		cmocka_unit_test(test_bad_people),
		cmocka_unit_test(test_bad_missions),
		cmocka_unit_test(test_bad_unavailability),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_all_or_nothing),
		cmocka_unit_test(test_dry_run),
		cmocka_unit_test(test_reimport),
		cmocka_unit_test(test_many_errors),
		cmocka_unit_test(test_any_order),
		cmocka_unit_test(test_deployments),
		cmocka_unit_test(test_bad_deployments),
		cmocka_unit_test(test_bad_assignments),
		cmocka_unit_test(test_deploy_reimport),
		cmocka_unit_test(test_origin),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

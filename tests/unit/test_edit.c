/*
 * The person editor (edit.h): each field's check with import's message,
 * the normal spelling of what is allowed, list items added and removed,
 * missions and windows, a versioned save and the conflict of two editors,
 * the audit's old and new values, and completion.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "edit.h"
#include "erase.h"
#include "strbuf.h"
#include "fixture.h"
#include "testdb.h"

#define DUBOIS "11111111-1111-4111-8111-111111111111"

static struct edit_record *
load(struct store *s, const char *id)
{
	struct edit_record *r;
	struct error err;
	long long pk;

	assert_int_equal(person_find(s, id, &pk, &err), RC_OK);
	if (edit_load(s, pk, &r, &err) != RC_OK)
		fail_msg("edit_load: %s", err.msg);
	return r;
}

/* Sets f to text, which must be refused with want, leaving r as it was. */
static void
refused(struct store *s, struct edit_record *r, enum edit_field f,
    const char *text, const char *want)
{
	struct error err;
	char *before = strdup(r->value[f]);

	if (edit_set(s, r, f, text, &err) != RC_INPUT)
		fail_msg("%s='%s' was allowed", edit_field_names[f], text);
	assert_string_equal(err.msg, want);
	assert_string_equal(r->value[f], before);
	free(before);
}

/* Sets f to text, which must be allowed and spelt as want. */
static void
allowed(struct store *s, struct edit_record *r, enum edit_field f,
    const char *text, const char *want)
{
	struct error err;

	if (edit_set(s, r, f, text, &err) != RC_OK)
		fail_msg("%s='%s': %s", edit_field_names[f], text, err.msg);
	assert_string_equal(r->value[f], want);
}

static void
test_fields(void **state)
{
	struct store *s = *state;
	struct edit_record *r = edit_new();
	int f;

	for (f = 0; f < EF_N; f++)
		assert_int_equal(edit_field_find(edit_field_names[f]), f);
	assert_int_equal(edit_field_find("shoe_size"), -1);
	assert_string_equal(r->value[EF_STATUS], "active");
	assert_string_equal(r->value[EF_NOTICE_DAYS], "0");
	assert_string_equal(r->value[EF_FAMILY_NAME], "");
	/* import's messages, word for word (test_import's test_bad_people) */
	refused(s, r, EF_PASSPORT_EXPIRY, "2025-02-30", "'2025-02-30' is not "
	    "a date (expected a real date as YYYY-MM-DD)");
	refused(s, r, EF_HEAT_EXPIRY, "2027-6-30", "'2027-6-30' is not a "
	    "date (did you mean 2027-06-30?)");
	refused(s, r, EF_LANGUAGES, "nl:native;xx:B2", "unknown language code "
	    "'xx' (expected an ISO 639-1 code such as fr)");
	refused(s, r, EF_LANGUAGES, "fr:B7", "'B7' is not a level (expected "
	    "A1 A2 B1 B2 C1 C2 or native)");
	refused(s, r, EF_LANGUAGES, "en:C1;fr", "'fr' has no level (expected "
	    "code:level as in fr:B2)");
	refused(s, r, EF_LANGUAGES, "fr:B2;en:C1;FR:C1", "language 'fr' given "
	    "twice");
	refused(s, r, EF_THEMES, "drugs;bordr-management", "unknown theme "
	    "'bordr-management' (did you mean 'border-management'?)");
	refused(s, r, EF_SKILLS, "flying", "unknown skill 'flying' (expected "
	    "a skill such as first-aid (roster(5) lists them))");
	refused(s, r, EF_NOTICE_DAYS, "3d", "'3d' is not a number of days "
	    "(expected a whole number from 0 to 3650)");
	refused(s, r, EF_NOTICE_DAYS, "3651", "'3651' is not a number of days "
	    "(expected a whole number from 0 to 3650)");
	refused(s, r, EF_GENDER, "q", "'q' is not allowed (expected f, m, x "
	    "or empty)");
	refused(s, r, EF_STATUS, "retired", "'retired' is not allowed "
	    "(expected active, inactive, left or empty)");
	refused(s, r, EF_EMAIL, "p.jansen.example", "'p.jansen.example' is "
	    "not an e-mail address");
	refused(s, r, EF_PHONE, "call me", "'call me' is not a phone number "
	    "(expected digits, spaces and + - ( ) .)");
	refused(s, r, EF_FAMILY_NAME, "", "missing family name");
	refused(s, r, EF_GIVEN_NAME, "Pie\x07ter", "control character 0x07 "
	    "(expected plain text)");
	refused(s, r, EF_AGENCY, "K\nMar", "control character 0x0a (expected "
	    "plain text)");
	refused(s, r, EF_NOTES, "abc\xe2\x80\xae" "fed", "bidirectional "
	    "control U+202E (expected plain text)");
	refused(s, r, EF_DNC, "holiday", "'holiday' is not allowed (expected "
	    "leave, illness, personal, other or empty)");
	refused(s, r, EF_DNC_UNTIL, "1/2/2027", "'1/2/2027' is not a date "
	    "(did you mean 2027-02-01?)");
	refused(s, r, EF_REVIEWED, "yesterday", "'yesterday' is not a date "
	    "(expected a real date as YYYY-MM-DD)");
	/* What is allowed, in its normal spelling. */
	allowed(s, r, EF_LANGUAGES, "fr:b2;EN:c1; nl:N", "en:C1;fr:B2;"
	    "nl:native");
	allowed(s, r, EF_THEMES, "Drugs;border-management;drugs",
	    "border-management;drugs");
	allowed(s, r, EF_SKILLS, "", "");
	allowed(s, r, EF_GENDER, "F", "f");
	allowed(s, r, EF_STATUS, "", "active");
	allowed(s, r, EF_STATUS, "Left", "left");
	allowed(s, r, EF_NOTICE_DAYS, "007", "7");
	allowed(s, r, EF_NOTICE_DAYS, "", "0");
	allowed(s, r, EF_DNC, "Illness", "illness");
	allowed(s, r, EF_DNC_UNTIL, "2027-02-01", "2027-02-01");
	allowed(s, r, EF_NOTES, "two\nlines\tand a tab", "two\nlines\tand a "
	    "tab");
	allowed(s, r, EF_FAMILY_NAME, "de Wit", "de Wit");
	edit_free(r);
}

static void
test_items(void **state)
{
	struct store *s = *state;
	struct edit_record *r = edit_new();
	struct error err;

	assert_int_equal(edit_add_item(s, r, EF_LANGUAGES, "fr:B2", &err),
	    RC_OK);
	assert_int_equal(edit_add_item(s, r, EF_LANGUAGES, "AR:a2", &err),
	    RC_OK);
	assert_string_equal(r->value[EF_LANGUAGES], "ar:A2;fr:B2");
	/* A language already there takes the new level. */
	assert_int_equal(edit_add_item(s, r, EF_LANGUAGES, "fr:C1", &err),
	    RC_OK);
	assert_string_equal(r->value[EF_LANGUAGES], "ar:A2;fr:C1");
	assert_int_equal(edit_add_item(s, r, EF_LANGUAGES, "xx:C1", &err),
	    RC_INPUT);
	assert_string_equal(err.msg, "unknown language code 'xx' (expected "
	    "an ISO 639-1 code such as fr)");
	assert_int_equal(edit_remove_item(s, r, EF_LANGUAGES, "ar", &err),
	    RC_OK);
	assert_string_equal(r->value[EF_LANGUAGES], "fr:C1");
	assert_int_equal(edit_remove_item(s, r, EF_LANGUAGES, "de", &err),
	    RC_INPUT);
	assert_string_equal(err.msg, "'de' is not in the list (fr:C1)");
	assert_int_equal(edit_add_item(s, r, EF_THEMES, "drugs", &err),
	    RC_OK);
	assert_int_equal(edit_add_item(s, r, EF_THEMES, "cybercrime", &err),
	    RC_OK);
	assert_int_equal(edit_add_item(s, r, EF_THEMES, "Drugs", &err),
	    RC_OK);
	assert_string_equal(r->value[EF_THEMES], "cybercrime;drugs");
	assert_int_equal(edit_remove_item(s, r, EF_THEMES, "drugs", &err),
	    RC_OK);
	assert_string_equal(r->value[EF_THEMES], "cybercrime");
	assert_int_equal(edit_remove_item(s, r, EF_SKILLS, "liaison", &err),
	    RC_INPUT);
	assert_string_equal(err.msg, "'liaison' is not in the list (it is "
	    "empty)");
	assert_int_equal(edit_add_item(s, r, EF_NOTES, "x", &err), RC_INPUT);
	edit_free(r);
}

static void
test_missions(void **state)
{
	struct store *s = *state;
	struct edit_record *r = edit_new();
	struct edit_mission m = { (char *)"EULEX Kosovo", (char *)"xk",
	    (char *)"2020-01-01", (char *)"", (char *)"Adviser",
	    (char *)"Drugs;rule-of-law" };
	struct edit_window w = { (char *)"2027-01-01", (char *)"2026-12-01",
	    (char *)"Course" };
	struct error err;

	assert_int_equal(edit_add_mission(s, r, &m, &err), RC_OK);
	assert_int_equal(r->nmissions, 1);
	assert_string_equal(r->missions[0].country, "XK");
	assert_string_equal(r->missions[0].themes, "drugs;rule-of-law");
	/* The same mission from the same day replaces it. */
	m.end = (char *)"2021-06-30";
	assert_int_equal(edit_add_mission(s, r, &m, &err), RC_OK);
	assert_int_equal(r->nmissions, 1);
	assert_string_equal(r->missions[0].end, "2021-06-30");
	m.country = (char *)"QQ";
	assert_int_equal(edit_add_mission(s, r, &m, &err), RC_INPUT);
	assert_string_equal(err.msg, "country: unknown country code 'QQ' "
	    "(expected an ISO 3166-1 alpha-2 code such as ML; XK is Kosovo)");
	m.country = (char *)"XK";
	m.end = (char *)"2019-01-01";
	assert_int_equal(edit_add_mission(s, r, &m, &err), RC_INPUT);
	assert_string_equal(err.msg, "end: 2019-01-01 is before the start "
	    "2020-01-01 (expected an end on or after the start, or empty)");
	m.mission = (char *)"";
	assert_int_equal(edit_add_mission(s, r, &m, &err), RC_INPUT);
	assert_string_equal(err.msg, "mission: missing mission name");
	assert_int_equal(r->nmissions, 1);
	assert_int_equal(edit_add_window(s, r, &w, &err), RC_INPUT);
	assert_string_equal(err.msg, "to: 2026-12-01 is before the start "
	    "2027-01-01 (expected an end on or after the start, or empty)");
	w.to = (char *)"";
	assert_int_equal(edit_add_window(s, r, &w, &err), RC_OK);
	w.from = (char *)"";
	assert_int_equal(edit_add_window(s, r, &w, &err), RC_INPUT);
	assert_string_equal(err.msg, "from: missing date (expected "
	    "YYYY-MM-DD)");
	assert_int_equal(r->nwindows, 1);
	edit_remove_mission(r, 0);
	edit_remove_window(r, 0);
	assert_int_equal(r->nmissions, 0);
	assert_int_equal(r->nwindows, 0);
	edit_free(r);
}

static void
test_add(void **state)
{
	struct store *s = *state;
	struct edit_record *r = edit_new(), *again;
	struct edit_mission m = { (char *)"EULEX Kosovo", (char *)"XK",
	    (char *)"2020-01-01", (char *)"", (char *)"", (char *)"" };
	struct error err;

	/* Names are needed, as a people row needs them. */
	assert_int_equal(edit_save(s, r, NULL, &err), RC_INPUT);
	assert_string_equal(err.msg, "family_name: missing family name");
	allowed(s, r, EF_FAMILY_NAME, "de Wit", "de Wit");
	assert_int_equal(edit_save(s, r, NULL, &err), RC_INPUT);
	assert_string_equal(err.msg, "given_name: missing given name");
	allowed(s, r, EF_GIVEN_NAME, "Anna", "Anna");
	allowed(s, r, EF_DNC_UNTIL, "2027-01-01", "2027-01-01");
	assert_int_equal(edit_save(s, r, NULL, &err), RC_INPUT);
	assert_string_equal(err.msg, "dnc_until: 2027-01-01 without a reason "
	    "in dnc (expected dnc to be leave, illness, personal or other)");
	allowed(s, r, EF_DNC, "leave", "leave");
	allowed(s, r, EF_LANGUAGES, "fr:B2", "fr:B2");
	assert_int_equal(edit_add_mission(s, r, &m, &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person"), 0);
	if (edit_save(s, r, NULL, &err) != RC_OK)
		fail_msg("edit_save: %s", err.msg);
	assert_int_equal(strlen(r->id), 36);
	assert_true(r->pk > 0);
	assert_int_equal(r->version, 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person WHERE "
	    "family_name = 'de Wit' AND dnc = 'leave' AND "
	    "dnc_until = '2027-01-01' AND reviewed IS NULL"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM service"), 1);
	/* Found by name at once: the words index is kept. */
	assert_int_equal(testdb_count(s, "wit", testdb_today()), 1);
	/* Audited: the create with each value given, the mission added. */
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit a JOIN "
	    "audit_change c ON c.audit = a.pk WHERE a.action = 'create' AND "
	    "c.field = 'family_name' AND c.old IS NULL AND "
	    "c.new = 'de Wit'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit a JOIN "
	    "audit_change c ON c.audit = a.pk WHERE a.action = 'mission add' "
	    "AND c.field = 'country' AND c.old IS NULL AND c.new = 'XK'"), 1);
	again = load(s, r->id);
	assert_string_equal(again->value[EF_LANGUAGES], "fr:B2");
	assert_string_equal(again->value[EF_DNC_UNTIL], "2027-01-01");
	assert_int_equal(again->nmissions, 1);
	assert_string_equal(again->missions[0].mission, "EULEX Kosovo");
	edit_free(again);
	edit_free(r);
}

/* A new person who is probably someone in the pool, as import says. */
static void
test_duplicate(void **state)
{
	struct store *s = *state;
	struct edit_record *r = edit_new(), *known = load(s, DUBOIS);
	struct error err;
	char msg[512];

	allowed(s, r, EF_FAMILY_NAME, "DUBOIS", "DUBOIS");
	allowed(s, r, EF_GIVEN_NAME, "Amelie", "Amelie");
	assert_int_equal(edit_duplicate(s, r, msg, sizeof msg, &err), RC_OK);
	assert_string_equal(msg, "");
	allowed(s, r, EF_PHONE, "+33612345678", "+33612345678");
	assert_int_equal(edit_duplicate(s, r, msg, sizeof msg, &err), RC_OK);
	assert_string_equal(msg, "Amelie DUBOIS is probably Amélie Dubois "
	    "(11111111), already in the pool (same name and phone)");
	/* Someone already in the pool is not a duplicate of themselves. */
	assert_int_equal(edit_duplicate(s, known, msg, sizeof msg, &err),
	    RC_OK);
	assert_string_equal(msg, "");
	edit_free(known);
	edit_free(r);
}

/* Two editors load Dubois; the first saves, the second is refused. */
static void
test_conflict(void **state)
{
	struct store *s = *state;
	struct edit_record *a = load(s, DUBOIS), *b = load(s, DUBOIS);
	struct edit_record *theirs = NULL;
	struct error err;
	long long audits;

	assert_int_equal(a->version, 1);
	allowed(s, a, EF_EMAIL, "a.dubois@police.example",
	    "a.dubois@police.example");
	assert_int_equal(edit_save(s, a, NULL, &err), RC_OK);
	assert_int_equal(a->version, 2);
	audits = testdb_int(s, "SELECT count(*) FROM audit");
	allowed(s, b, EF_PHONE, "+33 1 00 00 00 00", "+33 1 00 00 00 00");
	assert_int_equal(edit_save(s, b, &theirs, &err), RC_REFUSED);
	assert_string_equal(err.msg, "Amélie Dubois was changed by someone "
	    "else meanwhile");
	/* Nothing written; theirs is the person as the first saved her. */
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person WHERE "
	    "phone = '+33 6 12 34 56 78' AND version = 2"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit"), audits);
	assert_non_null(theirs);
	assert_int_equal(theirs->version, 2);
	assert_string_equal(theirs->value[EF_EMAIL], "a.dubois@police.example");
	/* Merged onto theirs, the save goes through and keeps both. */
	b->version = theirs->version;
	allowed(s, b, EF_EMAIL, theirs->value[EF_EMAIL],
	    "a.dubois@police.example");
	assert_int_equal(edit_save(s, b, NULL, &err), RC_OK);
	assert_int_equal(b->version, 3);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person WHERE "
	    "phone = '+33 1 00 00 00 00' AND "
	    "email = 'a.dubois@police.example' AND version = 3"), 1);
	edit_free(theirs);
	edit_free(a);
	edit_free(b);
}

/*
 * The person a form loaded is erased meanwhile, and someone new is
 * added (who does not get their row: erase.h): the save is refused,
 * neither bringing the erased person back nor writing over the new one.
 */
static void
test_erased_meanwhile(void **state)
{
	struct store *s = *state;
	struct edit_record *a = edit_new(), *b = edit_new(), *form;
	struct error err;

	allowed(s, a, EF_FAMILY_NAME, "de Wit", "de Wit");
	allowed(s, a, EF_GIVEN_NAME, "Anna", "Anna");
	assert_int_equal(edit_save(s, a, NULL, &err), RC_OK);
	form = load(s, a->id);
	assert_int_equal(erase_person(s, a->pk, &err), RC_OK);
	allowed(s, b, EF_FAMILY_NAME, "Bakker", "Bakker");
	allowed(s, b, EF_GIVEN_NAME, "Bram", "Bram");
	assert_int_equal(edit_save(s, b, NULL, &err), RC_OK);
	assert_true(b->pk > form->pk);
	allowed(s, form, EF_RANK, "Inspector", "Inspector");
	assert_int_equal(edit_save(s, form, NULL, &err), RC_REFUSED);
	assert_string_equal(err.msg, "Anna de Wit is no longer in the pool");
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person WHERE "
	    "family_name = 'de Wit'"), 0);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM person WHERE "
	    "family_name = 'Bakker' AND rank = ''"), 1);
	edit_free(form);
	edit_free(a);
	edit_free(b);
}

/* Every changed field is audited with its old and new value. */
static void
test_audit(void **state)
{
	struct store *s = *state;
	struct edit_record *r = load(s, DUBOIS);
	struct edit_window w = { (char *)"2027-03-01", (char *)"",
	    (char *)"Course" };
	struct error err;
	long long audits = testdb_int(s, "SELECT count(*) FROM audit");
	size_t i;

	/* Saving what is stored changes nothing, not even the version. */
	assert_int_equal(edit_save(s, r, NULL, &err), RC_OK);
	assert_int_equal(r->version, 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit"), audits);
	allowed(s, r, EF_LANGUAGES, "fr:native;en:C2", "en:C2;fr:native");
	allowed(s, r, EF_NOTICE_DAYS, "5", "5");
	assert_int_equal(edit_add_window(s, r, &w, &err), RC_OK);
	edit_remove_mission(r, 0);
	assert_int_equal(edit_save(s, r, NULL, &err), RC_OK);
	assert_int_equal(r->version, 2);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit a JOIN "
	    "audit_change c ON c.audit = a.pk WHERE a.action = 'update' AND "
	    "a.fields = 'notice_days,languages' AND a.entity_id = '" DUBOIS
	    "' AND ((c.field = 'notice_days' AND c.old = '2' AND c.new = '5')"
	    " OR (c.field = 'languages' AND c.old = 'ar:B1;en:C1;fr:native' "
	    "AND c.new = 'en:C2;fr:native'))"), 2);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit a JOIN "
	    "audit_change c ON c.audit = a.pk WHERE a.action = "
	    "'mission remove' AND c.field = 'mission' AND "
	    "c.old = 'EUCAP Sahel Mali' AND c.new IS NULL"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit a JOIN "
	    "audit_change c ON c.audit = a.pk WHERE a.action = 'away add' AND "
	    "c.field = 'reason' AND c.new = 'Course'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM service s JOIN "
	    "person p ON p.pk = s.person WHERE p.id = '" DUBOIS "'"), 0);
	/* A window alone is a change of the person too: a new version. */
	w.reason = (char *)"Course, extended";
	assert_int_equal(edit_add_window(s, r, &w, &err), RC_OK);
	assert_int_equal(edit_save(s, r, NULL, &err), RC_OK);
	assert_int_equal(r->version, 3);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit a JOIN "
	    "audit_change c ON c.audit = a.pk WHERE a.action = 'away update' "
	    "AND a.fields = 'reason' AND c.old = 'Course' AND "
	    "c.new = 'Course, extended'"), 1);
	/* A window removed leaves the values it had, and no row. */
	for (i = 0; i < r->nwindows; i++)
		if (strcmp(r->windows[i].from, "2027-03-01") == 0)
			break;
	assert_true(i < r->nwindows);
	edit_remove_window(r, i);
	assert_int_equal(edit_save(s, r, NULL, &err), RC_OK);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit a JOIN "
	    "audit_change c ON c.audit = a.pk WHERE a.action = 'away remove' "
	    "AND a.entity_id = '" DUBOIS "' AND ((c.field = 'from' AND "
	    "c.old = '2027-03-01') OR (c.field = 'reason' AND "
	    "c.old = 'Course, extended')) AND c.new IS NULL"), 2);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM unavailability "
	    "WHERE start = '2027-03-01'"), 0);
	edit_free(r);
}

/* An import that changes an e-mail leaves its old and new value. */
static void
test_import_audit(void **state)
{
	struct store *s = *state;

	testdb_import(s, "id,family_name,email\n" DUBOIS ",Dubois,"
	    "amelie@new.example\n", NULL);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit a JOIN "
	    "audit_change c ON c.audit = a.pk WHERE a.action = 'update' AND "
	    "a.entity_id = '" DUBOIS "' AND c.field = 'email' AND "
	    "c.old = 'amelie.dubois@police.example' AND "
	    "c.new = 'amelie@new.example'"), 1);
	/* Only what changed: the family name was given as it was. */
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit_change c "
	    "JOIN audit a ON a.pk = c.audit WHERE a.action = 'update'"), 1);
	/* A mission given again with another end: its update, and only it. */
	testdb_import(s, "id,family_name\n" DUBOIS ",Dubois\n",
	    "person_id,mission,country,start,end,role,themes\n" DUBOIS
	    ",EUCAP Sahel Mali,ML,2018-03-01,2020-08-31,"
	    "Border Management Expert,border-management\n");
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit a JOIN "
	    "audit_change c ON c.audit = a.pk WHERE a.action = "
	    "'mission update' AND a.fields = 'end' AND c.old = '2020-02-28' "
	    "AND c.new = '2020-08-31' AND a.entity_id = '" DUBOIS "'"), 1);
	assert_int_equal(testdb_int(s, "SELECT count(*) FROM audit WHERE "
	    "action = 'mission update'"), 1);
}

static int
collect(const char *value, const char *label, void *arg)
{
	struct strbuf *b = arg;

	strbuf_addf(b, "%s=%s;", value, label);
	return 0;
}

static void
test_complete(void **state)
{
	struct store *s = *state;
	struct strbuf b = { 0 };
	struct error err;

	assert_int_equal(edit_complete(s, EDIT_COUNTRIES, "xk", collect, &b,
	    &err), RC_OK);
	assert_string_equal(strbuf_str(&b), "XK=Kosovo;");
	strbuf_reset(&b);
	assert_int_equal(edit_complete(s, EDIT_COUNTRIES, "nether", collect,
	    &b, &err), RC_OK);
	assert_non_null(strstr(strbuf_str(&b), "NL=Netherlands"));
	strbuf_reset(&b);
	assert_int_equal(edit_complete(s, EF_LANGUAGES, "fr", collect, &b,
	    &err), RC_OK);
	assert_int_equal(strncmp(strbuf_str(&b), "fr=French;", 10), 0);
	strbuf_reset(&b);
	assert_int_equal(edit_complete(s, EF_THEMES, "drug", collect, &b,
	    &err), RC_OK);
	assert_int_equal(strncmp(strbuf_str(&b), "drugs=", 6), 0);
	/* Themes added to the table are offered too. */
	testdb_write(s, "INSERT INTO theme VALUES ('drones', 'Drones')");
	strbuf_reset(&b);
	assert_int_equal(edit_complete(s, EF_THEMES, "dr", collect, &b,
	    &err), RC_OK);
	assert_int_equal(strncmp(strbuf_str(&b), "drones=Drones;drugs=", 20),
	    0);
	strbuf_reset(&b);
	assert_int_equal(edit_complete(s, EDIT_MISSIONS, "eulex", collect,
	    &b, &err), RC_OK);
	assert_non_null(strstr(strbuf_str(&b), "EULEX Kosovo="));
	strbuf_reset(&b);
	assert_int_equal(edit_complete(s, EF_DNC, "i", collect, &b, &err),
	    RC_OK);
	assert_string_equal(strbuf_str(&b), "illness=;");
	strbuf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_test(test_fields),
		testdb_test(test_items),
		testdb_test(test_missions),
		testdb_test(test_add),
		testdb_fixture_test(test_duplicate),
		testdb_fixture_test(test_conflict),
		testdb_test(test_erased_meanwhile),
		testdb_fixture_test(test_audit),
		testdb_fixture_test(test_import_audit),
		testdb_test(test_complete),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}

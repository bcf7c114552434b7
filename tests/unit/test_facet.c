/*
 * Facets: the counts by country, language, theme and agency of a search's
 * matches.  Every plan (scan, scan through a cache, one person at a time,
 * and the automatic choice) must give the same answer, which is checked
 * against hand counts of the fixture pool, against plain GROUP BY queries
 * on a demo pool, and against the filter itself: picking a value must
 * find exactly as many people as the facet promised.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "demo.h"
#include "facet.h"
#include "filter.h"
#include "search.h"
#include "testdb.h"

static int today;

/* The fixture, and people whose agency is KMar written other ways. */
static int
setup_spellings(void **state)
{
	static const char more[] =
	    "id,family_name,given_name,agency,status,languages\n"
	    ",Jansen,Piet,kmar,active,nl:native\n"
	    ",Bakker,Sanne,kmar,active,nl:native\n"
	    ",Visser,Daan,,active,nl:native\n";

	testdb_setup_fixture(state);
	testdb_import(*state, more, NULL);
	return 0;
}

static int
setup_demo(void **state)
{
	struct demo_opts opts = { 3000, 7, 0 };
	struct store *s = testdb_open();
	struct error err;

	opts.today = today;
	if (demo_fill(s, &opts, &err) != RC_OK)
		fail_msg("demo: %s", err.msg);
	/* Pools merged into one, and people made before it had a name
	 * (test_origins has spellings, which the reference cannot tell). */
	testdb_write(s, "UPDATE person SET origin = CASE pk % 5 WHEN 0 THEN"
	    " 'KMar' WHEN 1 THEN 'Douane' WHEN 2 THEN 'Politie' WHEN 3 THEN"
	    " 'Guardia Civil' ELSE '' END");
	*state = s;
	return 0;
}

static struct search_result *
eval(struct store *s, const char *text)
{
	struct search_result *r;
	struct filter *f;
	struct error err;

	if (filter_compile(s, text, today, &f, &err) != RC_OK)
		fail_msg("filter '%s': %s", text, err.msg);
	if (search_eval(s, f, NULL, &r, &err) != RC_OK)
		fail_msg("search '%s': %s", text, err.msg);
	filter_free(f);
	return r;
}

/* "value/label count, ..." (labels left out when !labels). */
static void
describe(const struct facet *f, int labels, struct strbuf *b)
{
	size_t i;

	strbuf_reset(b);
	strbuf_adds(b, "");
	for (i = 0; i < f->n; i++) {
		assert_non_null(f->v[i].value);
		assert_non_null(f->v[i].label);
		strbuf_addf(b, "%s%s", i ? ", " : "", f->v[i].value);
		if (labels)
			strbuf_addf(b, "/%s", f->v[i].label);
		strbuf_addf(b, " %lld", f->v[i].count);
	}
}

static const enum facet_plan plans[] = { FACET_SCAN, FACET_ITERATE,
    FACET_AUTO };
#define NPLANS (sizeof plans / sizeof plans[0])

/*
 * The facet of one kind for a filter, by every plan, with and without a
 * cache (a cache is asked twice: once to build, once to reuse); all must
 * say want.
 */
static void
assert_facet(struct store *s, const char *text, enum facet_kind kind,
    size_t max, int labels, const char *want)
{
	struct search_result *r = eval(s, text);
	struct facet_cache *c = facet_cache_new();
	struct strbuf b = { 0 };
	struct facet f;
	struct error err;
	size_t p;
	int pass;

	for (pass = 0; pass < 3; pass++)
		for (p = 0; p < NPLANS; p++) {
			if (facet_count_plan(s, pass ? c : NULL, r, kind,
			    plans[p], max, &f, &err) != RC_OK)
				fail_msg("'%s' %s: %s", text, facet_key(kind),
				    err.msg);
			describe(&f, labels, &b);
			if (strcmp(strbuf_str(&b), want) != 0)
				fail_msg("'%s' %s, plan %d, pass %d:\n"
				    "  got  '%s'\n  want '%s'", text,
				    facet_key(kind), (int)plans[p], pass,
				    strbuf_str(&b), want);
			facet_free(&f);
			assert_null(f.v);
			assert_int_equal(f.n, 0);
		}
	/* The plain entry point agrees too. */
	assert_int_equal(facet_count(s, r, kind, max, &f, &err), RC_OK);
	describe(&f, labels, &b);
	assert_string_equal(strbuf_str(&b), want);
	facet_free(&f);
	strbuf_free(&b);
	facet_cache_free(c);
	search_result_free(r);
}

static void
test_everyone(void **state)
{
	struct store *s = *state;

	assert_facet(s, "", FACET_COUNTRY, 0, 1,
	    "ML/Mali 1, NE/Niger 1, XK/Kosovo 1");
	assert_facet(s, "", FACET_LANG, 0, 1,
	    "en/English 3, fr/French 3, ar/Arabic 1, de/German 1, el/Greek 1, "
	    "nl/Dutch 1, pl/Polish 1, ru/Russian 1");
	/* Dubois has border-management twice and de Vries organised-crime
	 * twice (their own and a mission's): each counts once. */
	assert_facet(s, "", FACET_THEME, 0, 1,
	    "border-management/border-management 2, "
	    "disaster-victim-identification/disaster-victim-identification 1, "
	    "drugs/drugs 1, organised-crime/organised-crime 1, "
	    "rule-of-law/rule-of-law 1");
	assert_facet(s, "", FACET_AGENCY, 0, 1,
	    "Bundespolizei/Bundespolizei 1, Customs/Customs 1, "
	    "Hellenic Police/Hellenic Police 1, KMar/KMar 1, "
	    "National Police/National Police 1");
}

static void
test_language(void **state)
{
	struct store *s = *state;

	/* Dubois, de Vries and Müller. */
	assert_facet(s, "lang:fr", FACET_COUNTRY, 0, 0, "ML 1, NE 1, XK 1");
	assert_facet(s, "lang:fr", FACET_LANG, 0, 0,
	    "fr 3, en 2, ar 1, de 1, nl 1");
	assert_facet(s, "lang:fr", FACET_THEME, 0, 0,
	    "border-management 2, organised-crime 1, rule-of-law 1");
	assert_facet(s, "lang:fr", FACET_AGENCY, 0, 0,
	    "Bundespolizei 1, KMar 1, National Police 1");
	/* Dubois and de Vries. */
	assert_facet(s, "lang:en lang:fr", FACET_LANG, 0, 0,
	    "en 2, fr 2, ar 1, nl 1");
}

/* A complement: the result's bitmap holds who does not match. */
static void
test_negation(void **state)
{
	struct store *s = *state;
	struct search_result *r = eval(s, "-lang:fr");

	/* Make sure the complement path is what is under test. */
	assert_true(search_result_bitmap(r)->neg);
	assert_int_equal(search_result_count(r), 2);
	search_result_free(r);
	/* Παπαδόπουλος and Kowalska, who never served on a mission. */
	assert_facet(s, "-lang:fr", FACET_COUNTRY, 0, 0, "");
	assert_facet(s, "-lang:fr", FACET_LANG, 0, 1,
	    "el/Greek 1, en/English 1, pl/Polish 1, ru/Russian 1");
	assert_facet(s, "-lang:fr", FACET_THEME, 0, 0,
	    "disaster-victim-identification 1, drugs 1");
	assert_facet(s, "-lang:fr", FACET_AGENCY, 0, 0,
	    "Customs 1, Hellenic Police 1");
	/* Nobody. */
	assert_facet(s, "lang:el country:ML", FACET_LANG, 0, 0, "");
	assert_facet(s, "lang:el country:ML", FACET_AGENCY, 0, 0, "");
}

/* Own theme and a mission's theme: one person, counted once. */
static void
test_theme_once(void **state)
{
	struct store *s = *state;

	assert_facet(s, "dubois", FACET_THEME, 0, 0, "border-management 1");
	assert_facet(s, "vries", FACET_THEME, 0, 0,
	    "organised-crime 1, rule-of-law 1");
	/* Müller has it from a mission only, Dubois both ways. */
	assert_facet(s, "country:ML OR country:NE", FACET_THEME, 0, 0,
	    "border-management 2");
	/* Two missions in one country: served there once. */
	testdb_exec(s, "INSERT INTO mission(name) VALUES ('EUMPM Mali'); "
	    "INSERT INTO service(person, mission, country, start, end) "
	    "SELECT pk, (SELECT pk FROM mission WHERE name = 'EUMPM Mali'), "
	    "'ML', '2021-01-01', '2021-06-30' FROM person "
	    "WHERE family_name = 'Dubois'");
	assert_facet(s, "", FACET_COUNTRY, 0, 0, "ML 1, NE 1, XK 1");
}

static void
test_order_and_max(void **state)
{
	struct store *s = *state;

	/* Ties by value: en before fr, then ar before de. */
	assert_facet(s, "", FACET_LANG, 3, 0, "en 3, fr 3, ar 1");
	assert_facet(s, "", FACET_LANG, 1, 0, "en 3");
	assert_facet(s, "", FACET_THEME, 2, 0,
	    "border-management 2, disaster-victim-identification 1");
	/* More room than values. */
	assert_facet(s, "", FACET_COUNTRY, 50, 0, "ML 1, NE 1, XK 1");
}

/* Agencies group ignoring case, shown as most of the matches write it. */
static void
test_agency_spellings(void **state)
{
	struct store *s = *state;

	/* KMar once, kmar twice; Visser has no agency and is left out. */
	assert_facet(s, "", FACET_AGENCY, 0, 1,
	    "kmar/kmar 3, Bundespolizei/Bundespolizei 1, Customs/Customs 1, "
	    "Hellenic Police/Hellenic Police 1, "
	    "National Police/National Police 1");
	/* A tie between spellings goes to the first in byte order. */
	assert_facet(s, "-jansen lang:nl", FACET_AGENCY, 0, 0, "KMar 2");
	assert_facet(s, "lang:nl", FACET_AGENCY, 0, 0, "kmar 3");
	assert_facet(s, "visser", FACET_AGENCY, 0, 0, "");
}

static void
assert_term(enum facet_kind kind, const char *value, const char *want)
{
	struct strbuf b = { 0 };

	strbuf_adds(&b, "x ");
	facet_term(kind, value, &b);
	assert_string_equal(strbuf_str(&b), want);
	strbuf_free(&b);
}

static void
test_term(void **state)
{
	struct error err;
	struct filter_node *n;

	assert_term(FACET_AGENCY, "National Police", "x agency:\"National Police\"");
	assert_term(FACET_AGENCY, "KMar", "x agency:KMar");
	assert_term(FACET_AGENCY, "Police (Nord)", "x agency:\"Police (Nord)\"");
	assert_term(FACET_AGENCY, "A\tB", "x agency:\"A\tB\"");
	assert_term(FACET_AGENCY, "Unit:7", "x agency:Unit:7");
	assert_term(FACET_AGENCY, "Unit \"7\"", "x agency:\"Unit 7\"");
	assert_term(FACET_ORIGIN, "Douane Nord", "x origin:\"Douane Nord\"");
	assert_term(FACET_LANG, "ar", "x lang:ar");
	assert_term(FACET_COUNTRY, "ML", "x country:ML");
	assert_term(FACET_THEME, "border-management",
	    "x theme:border-management");
	assert_string_equal(facet_key(FACET_COUNTRY), "country");
	assert_string_equal(facet_key(FACET_LANG), "lang");
	assert_string_equal(facet_key(FACET_THEME), "theme");
	assert_string_equal(facet_key(FACET_AGENCY), "agency");
	assert_string_equal(facet_title(FACET_COUNTRY), "Countries");
	assert_string_equal(facet_title(FACET_LANG), "Languages");
	assert_string_equal(facet_title(FACET_THEME), "Themes");
	assert_string_equal(facet_title(FACET_AGENCY), "Agencies");
	assert_string_equal(facet_key(FACET_ORIGIN), "origin");
	assert_string_equal(facet_title(FACET_ORIGIN), "Origins");
	/* The quoted term is one term of the filter language. */
	if (filter_parse("agency:\"Police (Nord)\" lang:ar", &n, &err) != RC_OK)
		fail_msg("%s", err.msg);
	assert_non_null(n);
	assert_int_equal(n->op, OP_AND);
	assert_int_equal(n->left->op, OP_TERM);
	assert_string_equal(n->left->value, "Police (Nord)");
	filter_node_free(n);
	(void)state;
}

/*
 * Picking a value narrows the search to exactly its count: for each
 * filter and kind, filter plus facet_term(value) finds count people.
 */
static void
assert_terms_find_counts(struct store *s, const char *text)
{
	struct search_result *r = eval(s, text), *r2;
	struct strbuf b = { 0 };
	struct facet f;
	struct error err;
	size_t i;
	int k;

	for (k = 0; k < FACET_N; k++) {
		if (facet_count(s, r, (enum facet_kind)k, 0, &f, &err) != RC_OK)
			fail_msg("%s", err.msg);
		for (i = 0; i < f.n; i++) {
			strbuf_reset(&b);
			if (*text != '\0')
				strbuf_addf(&b, "(%s) ", text);
			facet_term((enum facet_kind)k, f.v[i].value, &b);
			r2 = eval(s, strbuf_str(&b));
			if (search_result_count(r2) != f.v[i].count)
				fail_msg("'%s' finds %lld, facet said %lld",
				    strbuf_str(&b), search_result_count(r2),
				    f.v[i].count);
			search_result_free(r2);
		}
		facet_free(&f);
	}
	strbuf_free(&b);
	search_result_free(r);
}

/*
 * Origins count like agencies, grouped ignoring case; people made before
 * the pool had a name ('') are left out.
 */
static void
test_origins(void **state)
{
	struct store *s = *state;

	testdb_exec(s, "UPDATE person SET origin = 'KMar' WHERE family_name"
	    " IN ('Dubois', 'de Vries', 'Jansen')");
	testdb_exec(s, "UPDATE person SET origin = 'kmar'"
	    " WHERE family_name = 'Bakker'");
	testdb_exec(s, "UPDATE person SET origin = 'Douane Nord'"
	    " WHERE family_name = 'Müller'");
	assert_facet(s, "", FACET_ORIGIN, 0, 1,
	    "KMar/KMar 4, Douane Nord/Douane Nord 1");
	assert_facet(s, "lang:nl", FACET_ORIGIN, 0, 0, "KMar 3");
	assert_facet(s, "visser", FACET_ORIGIN, 0, 0, "");
	assert_terms_find_counts(s, "");
	assert_terms_find_counts(s, "lang:fr");
}

static void
test_terms_find_counts(void **state)
{
	assert_terms_find_counts(*state, "");
	assert_terms_find_counts(*state, "lang:fr");
	assert_terms_find_counts(*state, "-lang:fr");
	assert_terms_find_counts(*state, "status:active OR lang:nl");
}

/* A write, here or on another connection, is seen through the cache. */
static void
test_cache_sees_writes(void **state)
{
	struct store *s = *state, *other;
	struct search_result *r = eval(s, "");
	struct facet_cache *c = facet_cache_new();
	struct strbuf b = { 0 };
	struct facet f;
	struct error err;

	assert_int_equal(facet_count_cached(s, c, r, FACET_LANG, 2, &f, &err),
	    RC_OK);
	describe(&f, 0, &b);
	assert_string_equal(strbuf_str(&b), "en 3, fr 3");
	facet_free(&f);
	testdb_exec(s, "DELETE FROM person_language WHERE code = 'fr' AND "
	    "person = (SELECT pk FROM person WHERE family_name = 'Müller')");
	assert_int_equal(facet_count_plan(s, c, r, FACET_LANG, FACET_SCAN, 2,
	    &f, &err), RC_OK);
	describe(&f, 0, &b);
	assert_string_equal(strbuf_str(&b), "en 3, fr 2");
	facet_free(&f);

	if (store_open(&other, testdb_path(), 0, &err) != RC_OK)
		fail_msg("store_open: %s", err.msg);
	testdb_exec(other, "UPDATE service SET country = 'ML' "
	    "WHERE country = 'NE'");
	store_close(other);
	assert_int_equal(facet_count_plan(s, c, r, FACET_COUNTRY, FACET_SCAN,
	    0, &f, &err), RC_OK);
	describe(&f, 0, &b);
	assert_string_equal(strbuf_str(&b), "ML 2, XK 1");
	facet_free(&f);
	strbuf_free(&b);
	facet_cache_free(c);
	search_result_free(r);
}

static int stop_after;

static int
progress(void *arg)
{
	(void)arg;
	return --stop_after < 0;
}

/*
 * A progress handler that stops the count after n steps, for every n
 * until the count gets through: each stop fails cleanly with out empty
 * (ASan or valgrind check that nothing leaks), and the cache it used
 * still gives the right answer afterwards.
 */
static void
test_interrupt(void **state)
{
	struct store *s = *state;
	struct search_result *r[2] = { eval(s, ""), eval(s, "vries") };
	struct facet_cache *c;
	struct strbuf b = { 0 }, want = { 0 };
	struct facet f;
	struct error err;
	size_t p, stops;
	int k, n, i, rc;

	for (i = 0; i < 2; i++)
		for (k = 0; k < FACET_N; k++)
			for (p = 0; p < NPLANS; p++) {
				c = facet_cache_new();
				stops = 0;
				for (n = 0;; n++) {
					stop_after = n;
					sqlite3_progress_handler(s->db, 1,
					    progress, NULL);
					f.v = (void *)&f;	/* must be reset */
					f.n = 99;
					rc = facet_count_plan(s, c, r[i],
					    (enum facet_kind)k, plans[p], 0, &f,
					    &err);
					sqlite3_progress_handler(s->db, 0, NULL,
					    NULL);
					if (rc == RC_OK)
						break;
					assert_null(f.v);
					assert_int_equal(f.n, 0);
					assert_non_null(strstr(err.msg,
					    "interrupt"));
					stops++;
				}
				/* The handler did stop it, more than once. */
				assert_true(stops > 1);
				describe(&f, 1, &b);
				facet_free(&f);
				assert_int_equal(facet_count_plan(s, NULL, r[i],
				    (enum facet_kind)k, FACET_ITERATE, 0, &f,
				    &err), RC_OK);
				describe(&f, 1, &want);
				facet_free(&f);
				assert_string_equal(strbuf_str(&b),
				    strbuf_str(&want));
				/* And the cache, stopped part way, is whole. */
				assert_int_equal(facet_count_plan(s, c, r[i],
				    (enum facet_kind)k, plans[p], 0, &f, &err),
				    RC_OK);
				describe(&f, 1, &b);
				facet_free(&f);
				assert_string_equal(strbuf_str(&b),
				    strbuf_str(&want));
				facet_cache_free(c);
			}
	strbuf_free(&b);
	strbuf_free(&want);
	search_result_free(r[0]);
	search_result_free(r[1]);
}

/* The same counts as plain GROUP BY queries over the matches. */
static const char *const reference[FACET_N] = {
	"SELECT country, count(DISTINCT person) FROM service "
	    "WHERE person IN (SELECT pk FROM temp.m) "
	    "GROUP BY country ORDER BY 2 DESC, 1",
	"SELECT code, count(*) FROM person_language "
	    "WHERE person IN (SELECT pk FROM temp.m) "
	    "GROUP BY code ORDER BY 2 DESC, 1",
	"SELECT slug, count(DISTINCT person) FROM (SELECT slug, person "
	    "FROM person_theme UNION ALL SELECT slug, person FROM service_theme) "
	    "WHERE person IN (SELECT pk FROM temp.m) "
	    "GROUP BY slug ORDER BY 2 DESC, 1",
	"SELECT agency, count(*) FROM person "
	    "WHERE pk IN (SELECT pk FROM temp.m) AND agency <> '' "
	    "GROUP BY agency COLLATE NOCASE ORDER BY 2 DESC, 1",
	"SELECT origin, count(*) FROM person "
	    "WHERE pk IN (SELECT pk FROM temp.m) AND origin <> '' "
	    "GROUP BY origin COLLATE NOCASE ORDER BY 2 DESC, 1",
};

static void
assert_reference(struct store *s, const char *text)
{
	struct search_result *r = eval(s, text);
	struct strbuf want = { 0 };
	sqlite3_stmt *st;
	long long pk, max = testdb_int(s, "SELECT max(pk) FROM person"), n;
	int k;

	testdb_exec(s, "CREATE TEMP TABLE IF NOT EXISTS m(pk INTEGER "
	    "PRIMARY KEY); DELETE FROM temp.m");
	assert_int_equal(sqlite3_prepare_v2(s->db, "INSERT INTO temp.m "
	    "VALUES (?)", -1, &st, NULL), SQLITE_OK);
	for (pk = 1; pk <= max; pk++)
		if (search_result_has(r, pk)) {
			sqlite3_bind_int64(st, 1, pk);
			assert_int_equal(sqlite3_step(st), SQLITE_DONE);
			sqlite3_reset(st);
		}
	sqlite3_finalize(st);
	search_result_free(r);
	for (k = 0; k < FACET_N; k++) {
		strbuf_reset(&want);
		strbuf_adds(&want, "");
		assert_int_equal(sqlite3_prepare_v2(s->db, reference[k], -1,
		    &st, NULL), SQLITE_OK);
		for (n = 0; sqlite3_step(st) == SQLITE_ROW; n++)
			strbuf_addf(&want, "%s%s %lld", n ? ", " : "",
			    (const char *)sqlite3_column_text(st, 0),
			    (long long)sqlite3_column_int64(st, 1));
		sqlite3_finalize(st);
		/* Not a vacuous comparison: the demo pool has values. */
		if (strcmp(text, "") == 0)
			assert_true(n > 3);
		assert_facet(s, text, (enum facet_kind)k, 0, 0,
		    strbuf_str(&want));
	}
	strbuf_free(&want);
}

static long long steps;

static int
count_steps(void *arg)
{
	(void)arg;
	steps++;
	return 0;
}

/* SQLite's VM steps for a count of kind by the scan plan, cache-less. */
static long long
scan_steps(struct store *s, const struct search_result *r,
    enum facet_kind kind, struct strbuf *got)
{
	struct facet f;
	struct error err;

	steps = 0;
	sqlite3_progress_handler(s->db, 1, count_steps, NULL);
	if (facet_count_plan(s, NULL, r, kind, FACET_SCAN, 0, &f, &err) !=
	    RC_OK)
		fail_msg("%s: %s", facet_key(kind), err.msg);
	sqlite3_progress_handler(s->db, 0, NULL, NULL);
	describe(&f, 1, got);
	facet_free(&f);
	return steps;
}

/*
 * The scan reads a value's people from its term bitmap, a few steps a
 * value, not from its index range, a few steps a row; and where the
 * pool keeps no bitmaps it reads the rows, to the same counts.
 */
static void
test_scan_bitmaps(void **state)
{
	struct store *s = *state;
	struct search_result *r = eval(s, "lang:fr");
	struct strbuf kept = { 0 }, rows = { 0 };
	long long with, without;
	int k;

	assert_int_equal(testdb_int(s, "SELECT live FROM term_state"), 1);
	for (k = 0; k < FACET_N; k++) {
		with = scan_steps(s, r, (enum facet_kind)k, &kept);
		testdb_exec(s, "UPDATE term_state SET live = 0");
		without = scan_steps(s, r, (enum facet_kind)k, &rows);
		testdb_exec(s, "UPDATE term_state SET live = 1");
		assert_string_equal(strbuf_str(&kept), strbuf_str(&rows));
		/* Agencies still look at their index for other spellings. */
		if (k == FACET_COUNTRY || k == FACET_LANG || k == FACET_THEME)
			if (with * 5 > without)
				fail_msg("%s: %lld steps with bitmaps, %lld "
				    "without", facet_key((enum facet_kind)k),
				    with, without);
	}
	strbuf_free(&kept);
	strbuf_free(&rows);
	search_result_free(r);
}

/*
 * Another program's write, noted but not yet folded into the bitmaps
 * (terms.h): the counts are the rows' all the same.
 */
static void
test_pending_write(void **state)
{
	struct store *s = *state, *other;
	struct error err;

	if (store_open(&other, testdb_path(), 0, &err) != RC_OK)
		fail_msg("store_open: %s", err.msg);
	testdb_exec(other, "UPDATE OR IGNORE person_language SET code = 'fr'"
	    " WHERE code = 'en' AND person % 7 = 0;"
	    " UPDATE service SET country = 'ML' WHERE pk % 5 = 0;"
	    " UPDATE OR IGNORE person_theme SET slug = 'drugs'"
	    " WHERE person % 3 = 0;"
	    " UPDATE person SET agency = 'Customs' WHERE pk % 11 = 0");
	store_close(other);
	assert_true(testdb_int(s, "SELECT count(*) FROM term_dirty") > 100);
	assert_reference(s, "");
	assert_reference(s, "lang:fr");
	assert_reference(s, "-country:ML");
}

/*
 * facet_cache_fill, as the screen runs it while idle: after it, a count
 * of any kind for any result reads no value's people (a few dozen steps
 * for the labels, where a scan takes thousands) and says what the rows
 * say; stopped part way, it keeps what it built whole and goes on from
 * there; a write elsewhere makes it read again.
 */
static void
test_fill(void **state)
{
	static const char *const texts[] = { "", "lang:fr", "-country:ML",
	    "theme:border country:ML OR lang:ar>=C1" };
	struct store *s = *state, *other;
	struct facet_cache *c = facet_cache_new();
	struct search_result *r;
	struct strbuf want = { 0 }, got = { 0 };
	struct facet f;
	struct error err;
	size_t i;
	int k, n, rc, stops = 0;

	for (n = 0;; n++) {
		stop_after = n * 200;
		sqlite3_progress_handler(s->db, 1, progress, NULL);
		rc = facet_cache_fill(s, c, &err);
		sqlite3_progress_handler(s->db, 0, NULL, NULL);
		if (rc == RC_OK)
			break;
		assert_int_equal(rc, RC_INTERRUPTED);
		stops++;
	}
	assert_true(stops > 1);
	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		r = eval(s, texts[i]);
		for (k = 0; k < FACET_N; k++) {
			steps = 0;
			sqlite3_progress_handler(s->db, 1, count_steps, NULL);
			if (facet_count_cached(s, c, r, (enum facet_kind)k, 0,
			    &f, &err) != RC_OK)
				fail_msg("%s", err.msg);
			sqlite3_progress_handler(s->db, 0, NULL, NULL);
			describe(&f, 1, &got);
			facet_free(&f);
			if (steps > 2000)
				fail_msg("'%s' %s: %lld steps after the fill",
				    texts[i], facet_key((enum facet_kind)k),
				    steps);
			if (facet_count_plan(s, NULL, r, (enum facet_kind)k,
			    FACET_ITERATE, 0, &f, &err) != RC_OK)
				fail_msg("%s", err.msg);
			describe(&f, 1, &want);
			facet_free(&f);
			assert_string_equal(strbuf_str(&got), strbuf_str(&want));
		}
		search_result_free(r);
	}

	if (store_open(&other, testdb_path(), 0, &err) != RC_OK)
		fail_msg("store_open: %s", err.msg);
	testdb_exec(other, "UPDATE service SET country = 'ML' WHERE pk % 3 = 0");
	store_close(other);
	r = eval(s, "");
	assert_int_equal(facet_cache_fill(s, c, &err), RC_OK);
	assert_int_equal(facet_count_cached(s, c, r, FACET_COUNTRY, 0, &f,
	    &err), RC_OK);
	describe(&f, 1, &got);
	facet_free(&f);
	assert_int_equal(facet_count_plan(s, NULL, r, FACET_COUNTRY,
	    FACET_ITERATE, 0, &f, &err), RC_OK);
	describe(&f, 1, &want);
	facet_free(&f);
	assert_string_equal(strbuf_str(&got), strbuf_str(&want));
	search_result_free(r);
	strbuf_free(&got);
	strbuf_free(&want);
	facet_cache_free(c);
}

static void
test_demo_pool(void **state)
{
	assert_reference(*state, "");
	assert_reference(*state, "lang:fr");
	assert_reference(*state, "-lang:fr");
	assert_reference(*state, "theme:border country:ML OR lang:ar>=C1");
	assert_reference(*state, "-(status:active notice:7)");
	assert_reference(*state, "country:XK -theme:organised");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		testdb_fixture_test(test_everyone),
		testdb_fixture_test(test_language),
		testdb_fixture_test(test_negation),
		testdb_fixture_test(test_theme_once),
		testdb_fixture_test(test_order_and_max),
		cmocka_unit_test_setup_teardown(test_agency_spellings,
		    setup_spellings, testdb_teardown),
		cmocka_unit_test_setup_teardown(test_origins,
		    setup_spellings, testdb_teardown),
		cmocka_unit_test(test_term),
		cmocka_unit_test_setup_teardown(test_terms_find_counts,
		    setup_spellings, testdb_teardown),
		testdb_fixture_test(test_cache_sees_writes),
		testdb_fixture_test(test_interrupt),
		cmocka_unit_test_setup_teardown(test_demo_pool, setup_demo,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_scan_bitmaps, setup_demo,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_pending_write, setup_demo,
		    testdb_teardown),
		cmocka_unit_test_setup_teardown(test_fill, setup_demo,
		    testdb_teardown),
	};

	today = testdb_today();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

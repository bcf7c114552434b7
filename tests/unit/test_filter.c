/* The filter language: syntax, every error, and what each term matches. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "demo.h"

#include "filter.h"
#include "search.h"
#include "strbuf.h"
#include "testdb.h"

static int today;

/* The tree as an S-expression, to test precedence and grouping. */
static void
tree(const struct filter_node *n, struct strbuf *b)
{
	switch (n->op) {
	case OP_TERM:
		strbuf_addf(b, "%s%s%s", n->key == KEY_WORD ? "" :
		    filter_key_name(n->key), n->key == KEY_WORD ? "" : ":",
		    n->value);
		return;
	case OP_NOT:
		strbuf_adds(b, "(NOT ");
		tree(n->left, b);
		strbuf_adds(b, ")");
		return;
	default:
		strbuf_adds(b, n->op == OP_AND ? "(AND " : "(OR ");
		tree(n->left, b);
		strbuf_adds(b, " ");
		tree(n->right, b);
		strbuf_adds(b, ")");
	}
}

static void
assert_tree(const char *text, const char *want)
{
	struct filter_node *n;
	struct strbuf b = { 0 };
	struct error err;

	if (filter_parse(text, &n, &err) != RC_OK)
		fail_msg("'%s': %s", text, err.msg);
	if (n == NULL)
		strbuf_adds(&b, "()");
	else
		tree(n, &b);
	assert_string_equal(strbuf_str(&b), want);
	strbuf_free(&b);
	filter_node_free(n);
}

static void
assert_parse_error(const char *text, const char *want)
{
	struct filter_node *n = NULL;
	struct error err;

	assert_int_equal(filter_parse(text, &n, &err), RC_INPUT);
	assert_null(n);
	assert_string_equal(err.msg, want);
}

static void
test_precedence(void **state)
{
	(void)state;
	assert_tree("", "()");
	assert_tree("   ", "()");
	assert_tree("lang:fr", "lang:fr");
	assert_tree("a b c", "(AND (AND a b) c)");
	assert_tree("a b OR c", "(OR (AND a b) c)");
	assert_tree("a OR b c", "(OR a (AND b c))");
	assert_tree("a (b OR c)", "(AND a (OR b c))");
	assert_tree("a AND b", "(AND a b)");
	assert_tree("-a b", "(AND (NOT a) b)");
	assert_tree("NOT a OR b", "(OR (NOT a) b)");
	assert_tree("-(a OR b)", "(NOT (OR a b))");
	assert_tree("NOT -a", "(NOT (NOT a))");
	assert_tree("a \"or\" b", "(AND (AND a or) b)");
	assert_tree("((a))", "a");
}

static void
test_keys_and_quotes(void **state)
{
	(void)state;
	assert_tree("LANG:FR>=b2", "lang:FR>=b2");
	assert_tree("agency:\"National Police\" x",
	    "(AND agency:National Police x)");
	assert_tree("\"van der\"", "van der");
	assert_tree("\"OR\"", "OR");
	assert_tree("\"a:b\"", "a:b");
	assert_tree("theme:border(x)", "(AND theme:border x)");
	assert_tree("avail:+3d..+2w", "avail:+3d..+2w");
}

static void
test_parse_errors(void **state)
{
	(void)state;
	assert_parse_error("contry:ML",
	    "column 1: unknown key 'contry' (did you mean 'country'?)");
	assert_parse_error("lang:fr contry:ML",
	    "column 9: unknown key 'contry' (did you mean 'country'?)");
	assert_parse_error("amélie colour:red", "column 8: unknown key "
	    "'colour' (expected one of country lang theme skill agency "
	    "origin mission status gender notice avail ready passport medical "
	    "heat dnc reviewed)");
	assert_parse_error("country:", "column 9: 'country:' needs a value "
	    "(expected a country code or English name)");
	assert_parse_error(":fr", "column 1: expected a key before ':' (such "
	    "as country: or lang:)");
	assert_parse_error("(lang:fr", "column 1: '(' is never closed "
	    "(expected ')')");
	assert_parse_error("lang:fr)", "column 8: unexpected ')' (no '(' to "
	    "close)");
	assert_parse_error("()", "column 2: empty parentheses (expected a "
	    "term)");
	assert_parse_error("lang:fr OR", "column 11: expected a term after "
	    "'OR'");
	assert_parse_error("OR lang:fr", "column 1: expected a term before "
	    "'OR'");
	assert_parse_error("a AND", "column 6: expected a term after 'AND'");
	assert_parse_error("a AND OR b", "column 7: expected a term after "
	    "'AND'");
	assert_parse_error("-", "column 2: expected a term after '-'");
	assert_parse_error("a NOT", "column 6: expected a term after 'NOT'");
	assert_parse_error("a (-)", "column 5: expected a term after '-'");
	assert_parse_error("\"van der", "column 1: unterminated quote "
	    "(expected a closing '\"')");
	assert_parse_error("agency:\"KMar", "column 8: unterminated quote "
	    "(expected a closing '\"')");
	assert_parse_error("a \xff", "column 3: invalid UTF-8");
}

/* Lower-case operators between terms are refused, with what to write. */
/* n copies of unit, then tail, in a new string. */
static char *
repeat(const char *unit, size_t n, const char *tail)
{
	struct strbuf b = { 0 };
	size_t i;

	for (i = 0; i < n; i++)
		strbuf_adds(&b, unit);
	strbuf_adds(&b, tail);
	return strbuf_steal(&b);
}

static void
assert_parses(char *text)
{
	struct filter_node *n;
	struct error err;

	if (filter_parse(text, &n, &err) != RC_OK)
		fail_msg("%.40s...: %s", text, err.msg);
	filter_node_free(n);
	free(text);
}

static void
assert_refused(char *text, const char *want)
{
	assert_parse_error(text, want);
	free(text);
}

/* At each bound a filter parses; one beyond, it is refused where. */
static void
test_limits(void **state)
{
	char tail[80];

	(void)state;
	memset(tail, ')', sizeof tail);
	tail[0] = 'a';
	tail[65] = '\0';
	assert_parses(repeat("(", 64, tail));
	assert_refused(repeat("(", 65, "a"), "column 65: '(' nested deeper "
	    "than 64 parentheses and NOTs");
	assert_parses(repeat("-", 64, "a"));
	assert_refused(repeat("NOT ", 65, "a"), "column 257: 'NOT' nested "
	    "deeper than 64 parentheses and NOTs");
	assert_refused(repeat("(-", 40, "a"), "column 65: '(' nested deeper "
	    "than 64 parentheses and NOTs");
	assert_parses(repeat("a ", 999, "b"));
	assert_parses(repeat("a OR ", 999, "(b)"));
	assert_refused(repeat("a ", 1000, "b"), "column 2001: more than 1000 "
	    "terms");
	/* A long word is one term; bytes, not characters, are counted. */
	assert_parses(repeat("é", FILTER_MAX_BYTES / 2, ""));
	assert_refused(repeat("é", FILTER_MAX_BYTES / 2, "a"), "column 16385: "
	    "longer than 32768 bytes");
	assert_refused(repeat("(", 40000, ""), "column 32769: longer than "
	    "32768 bytes");
	assert_refused(repeat("((", 10000, ""), "column 65: '(' nested "
	    "deeper than 64 parentheses and NOTs");
}

static double
seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Terms of one letter, the costliest words, joined by sep. */
static char *
letters(size_t n, const char *sep)
{
	struct strbuf b = { 0 };
	size_t i;

	for (i = 0; i < n; i++)
		strbuf_addf(&b, "%s%c", i > 0 ? sep : "",
		    "etaoinshrdlucmfwypvbgkjqxz"[(i * 7 + i / 26) % 26]);
	return strbuf_steal(&b);
}

/* A filter at the bounds takes well under a second; beyond, nothing. */
static void
test_limit_speed(void **state)
{
	const char *seps[] = { " ", " OR ", " AND NOT " };
	struct demo_opts o = { 5000, 1, 0 };
	struct store *s = testdb_open();
	struct search_result *r;
	struct filter *f;
	struct error err;
	char *text;
	double t0;
	size_t i;

	(void)state;
	o.today = today;
	assert_int_equal(demo_fill(s, &o, &err), RC_OK);
	for (i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		text = letters(FILTER_MAX_TERMS, seps[i]);
		t0 = seconds();
		assert_int_equal(filter_compile(s, text, today, &f, &err),
		    RC_OK);
		assert_int_equal(search_eval(s, f, NULL, &r, &err), RC_OK);
		/* Generous for a slow machine under ASan. */
		if (seconds() - t0 > 3)
			fail_msg("%zu terms joined by '%s': %.1f s",
			    (size_t)FILTER_MAX_TERMS, seps[i], seconds() - t0);
		search_result_free(r);
		filter_free(f);
		free(text);
	}
	text = letters(50000, " ");
	t0 = seconds();
	assert_int_equal(filter_compile(s, text, today, &f, &err), RC_INPUT);
	assert_true(seconds() - t0 < 1);
	free(text);
	testdb_close(s);
}

static void
test_lower_operators(void **state)
{
	(void)state;
	assert_parse_error("lang:fr or lang:en", "column 9: 'or' would be "
	    "searched as a word; write OR, or \"or\" to search the word");
	assert_parse_error("lang:fr Or (lang:en)", "column 9: 'Or' would be "
	    "searched as a word; write OR, or \"Or\" to search the word");
	assert_parse_error("lang:fr and lang:en", "column 9: 'and' would be "
	    "searched as a word; terms side by side must all hold already, "
	    "so leave it out, or write \"and\" to search the word");
	assert_parse_error("not lang:fr", "column 1: 'not' would be searched "
	    "as a word; write NOT or -, or \"not\" to search the word");
	assert_parse_error("a (b) nOt -c", "column 7: 'nOt' would be "
	    "searched as a word; write NOT or -, or \"nOt\" to search the "
	    "word");
	/* At an edge too: first, last, after '(' or before ')'. */
	assert_parse_error("or lang:fr", "column 1: 'or' would be searched "
	    "as a word; write OR, or \"or\" to search the word");
	assert_parse_error("and lang:fr", "column 1: 'and' would be searched "
	    "as a word; terms side by side must all hold already, so leave "
	    "it out, or write \"and\" to search the word");
	assert_parse_error("lang:fr or", "column 9: 'or' would be searched "
	    "as a word; write OR, or \"or\" to search the word");
	assert_parse_error("lang:fr not", "column 9: 'not' would be searched "
	    "as a word; write NOT or -, or \"not\" to search the word");
	assert_parse_error("lang:fr (or lang:en)", "column 10: 'or' would be "
	    "searched as a word; write OR, or \"or\" to search the word");
	assert_parse_error("(lang:fr not) a", "column 10: 'not' would be "
	    "searched as a word; write NOT or -, or \"not\" to search the "
	    "word");
	assert_parse_error("and", "column 1: 'and' would be searched as a "
	    "word; terms side by side must all hold already, so leave it out, "
	    "or write \"and\" to search the word");
	/* Quoted, or after '-', they are words. */
	assert_tree("lang:fr \"or\" lang:en", "(AND (AND lang:fr or) lang:en)");
	assert_tree("a \"and\" b", "(AND (AND a and) b)");
	assert_tree("\"or\" lang:fr", "(AND or lang:fr)");
	assert_tree("dana \"not\"", "(AND dana not)");
	assert_tree("a OR -or", "(OR a (NOT or))");
	assert_tree("-not a", "(AND (NOT not) a)");
	assert_tree("a OR b", "(OR a b)");
}

#define COUNT(f)	testdb_count(s, (f), today)
#define MATCH(f, who)	testdb_matches(s, (f), today, (who))

static void
test_terms(void **state)
{
	struct store *s = *state;

	assert_int_equal(COUNT(""), 5);
	assert_int_equal(COUNT("country:ML"), 1);
	assert_true(MATCH("country:ml", "Dubois"));
	assert_true(MATCH("country:mali", "Dubois"));
	assert_true(MATCH("country:Niger", "Müller"));
	assert_true(MATCH("country:kosovo", "de Vries"));
	assert_int_equal(COUNT("country:ML OR country:NE"), 2);
	assert_int_equal(COUNT("lang:fr"), 3);
	assert_int_equal(COUNT("lang:French"), 3);
	assert_int_equal(COUNT("lang:fr>=B2"), 2);
	assert_int_equal(COUNT("lang:fr>=c2"), 2);
	assert_int_equal(COUNT("lang:fr>=native"), 1);
	assert_true(MATCH("lang:fr>=native", "Dubois"));
	/* N, as the screen shows native, in either case. */
	assert_int_equal(COUNT("lang:fr>=N"), 1);
	assert_true(MATCH("lang:fr>=n", "Dubois"));
	assert_int_equal(COUNT("lang:en>=B2"), 3);
	/* A theme of one's own or of a mission served on. */
	assert_int_equal(COUNT("theme:border"), 2);
	assert_true(MATCH("theme:border", "Müller"));
	assert_true(MATCH("theme:rule", "de Vries"));
	assert_true(MATCH("theme:org", "de Vries"));
	assert_int_equal(COUNT("theme:d"), 2);
	/* Labels and abbreviations (roster(5) lists them) as well. */
	assert_true(MATCH("theme:dvi", "Παπαδόπουλος"));
	assert_int_equal(COUNT("theme:DVI"), 1);
	assert_true(MATCH("theme:OC", "de Vries"));
	assert_int_equal(COUNT("theme:\"border management\""), 2);
	assert_int_equal(COUNT("theme:\"disaster victim\""), 1);
	assert_true(MATCH("skill:\"First aid\"", "Dubois"));
	assert_int_equal(COUNT("theme:CT OR theme:THB OR theme:SSR"), 0);
	assert_true(MATCH("skill:first", "Dubois"));
	assert_true(MATCH("skill:4x4", "Müller"));
	assert_int_equal(COUNT("skill:l"), 1);
	assert_true(MATCH("agency:kmar", "de Vries"));
	assert_int_equal(COUNT("agency:police"), 0);
	assert_true(MATCH("agency:\"national police\"", "Dubois"));
	assert_true(MATCH("mission:eulex", "de Vries"));
	assert_int_equal(COUNT("mission:sahel"), 2);
	assert_int_equal(COUNT("mission:nowhere"), 0);
	assert_true(MATCH("status:inactive", "Παπαδόπουλος"));
	assert_int_equal(COUNT("status:active"), 3);
	assert_int_equal(COUNT("gender:F"), 2);
	assert_int_equal(COUNT("notice:2"), 3);
	assert_int_equal(COUNT("notice:0"), 1);
	/* As the screen shows it. */
	assert_int_equal(COUNT("notice:2d"), 3);
	assert_int_equal(COUNT("notice:0D"), 1);
	/* tomorrow is today + 1 wherever a date is read. */
	assert_int_equal(COUNT("avail:tomorrow"), COUNT("avail:+1d"));
	assert_int_equal(COUNT("ready:2026-11-24"), COUNT("ready:Tomorrow"));
}

static void
test_words(void **state)
{
	struct store *s = *state;

	assert_true(MATCH("amelie", "Dubois"));
	assert_true(MATCH("AMÉLIE", "Dubois"));
	assert_true(MATCH("ame", "Dubois"));
	assert_true(MATCH("mull", "Müller"));
	assert_true(MATCH("jurgen muller", "Müller"));
	assert_true(MATCH("παπαδ", "Παπαδόπουλος"));
	assert_true(MATCH("παπαδοπουλος", "Παπαδόπουλος"));
	assert_true(MATCH("kosovo", "de Vries"));
	assert_true(MATCH("bambara", "Dubois"));
	assert_true(MATCH("inspector", "Dubois"));
	assert_true(MATCH("bundespol", "Müller"));
	assert_true(MATCH("\"de vr\"", "de Vries"));
	assert_int_equal(COUNT("\"vries de\""), 0);
	assert_int_equal(COUNT("amelie muller"), 0);
	assert_int_equal(COUNT("\"fast\""), 1);
}

/* Names from other keyboards: each found by its Latin and its own spelling. */
static void
test_keyboards(void **state)
{
	static const char people[] =
	    "family_name,given_name\n"
	    "Weiß,Anna\n"
	    "Jensen,Søren\n"
	    "Wójcik,Łukasz\n"
	    "Παπαδόπουλος,Ελένη\n"
	    "Шевченко,Сергій\n"
	    "Đorđević,Þóra Æsa\n";
	static const struct {
		const char	*who, *typed[5];
	} cases[] = {
		{ "Weiß", { "weiss", "weiß", "WEISS", "wei", NULL } },
		{ "Jensen", { "soren", "søren", "Søren jensen", NULL } },
		{ "Wójcik", { "lukasz", "łukasz", "wojcik", "\"lukasz woj\"",
		    NULL } },
		{ "Παπαδόπουλος", { "papadopoulos", "Παπαδόπουλος", "παπαδ",
		    "eleni", "παπαδοπουλοσ" } },
		{ "Шевченко", { "shevchenko", "Шевченко", "шевч", "serhiy",
		    "sevcenko" } },
		{ "Đorđević", { "dordevic", "thora", "aesa", "Đorđević",
		    NULL } },
	};
	struct store *s = *state;
	size_t i, k;

	testdb_import(s, people, NULL);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (k = 0; k < 5 && cases[i].typed[k] != NULL; k++) {
			if (!MATCH(cases[i].typed[k], cases[i].who))
				fail_msg("'%s' does not find %s",
				    cases[i].typed[k], cases[i].who);
			assert_int_equal(COUNT(cases[i].typed[k]), 1);
		}
}

static void
test_boolean(void **state)
{
	struct store *s = *state;

	assert_int_equal(COUNT("-lang:fr"), 2);
	assert_int_equal(COUNT("NOT lang:fr"), 2);
	assert_int_equal(COUNT("lang:fr theme:border OR status:left"), 3);
	assert_int_equal(COUNT("lang:fr (theme:border OR status:left)"), 2);
	assert_int_equal(COUNT("-(lang:fr OR lang:pl)"), 1);
	/* The scenario, on the fixture. */
	assert_int_equal(COUNT("lang:fr theme:border "
	    "(country:mali OR country:niger) notice:3"), 1);
	assert_true(MATCH("lang:fr theme:border "
	    "(country:mali OR country:niger) notice:3", "Dubois"));
	/* A missing readiness date is not valid, and -ready: says so. */
	assert_int_equal(COUNT("ready:today"), 2);
	assert_true(MATCH("-ready:today", "Kowalska"));
	assert_true(MATCH("-ready:today", "Παπαδόπουλος"));
	assert_true(MATCH("ready:2026-12-31", "de Vries"));
	assert_false(MATCH("ready:2027-01-01", "de Vries"));
}

/* One document at a time: passport:, medical:, heat: beside ready:. */
static void
test_documents(void **state)
{
	struct store *s = *state;

	assert_int_equal(COUNT("passport:today"), 3);
	assert_false(MATCH("passport:today", "Παπαδόπουλος"));
	assert_int_equal(COUNT("passport:2029-05-01"), 3);
	assert_int_equal(COUNT("passport:2029-05-02"), 2);
	assert_int_equal(COUNT("medical:2027-07-01"), 2);
	assert_true(MATCH("medical:2027-07-01", "Müller"));
	assert_true(MATCH("medical:2027-07-01", "Παπαδόπουλος"));
	assert_int_equal(COUNT("heat:2027-01-01"), 2);
	assert_true(MATCH("heat:2027-01-01", "Dubois"));
	/* A missing date is not valid. */
	assert_true(MATCH("-heat:today", "Müller"));
	assert_true(MATCH("-passport:today", "Kowalska"));
	/* ready: is the three together. */
	assert_int_equal(COUNT("passport:+5w medical:+5w heat:+5w"),
	    COUNT("ready:+5w"));
}

/*
 * dnc: by the rule avail: keeps: marked today, not, for a reason, on a
 * day; a mark that has run out is no mark.
 */
static void
test_dnc(void **state)
{
	struct store *s = *state;

	testdb_exec(s, "UPDATE person SET dnc = 'illness', dnc_until = "
	    "'2026-12-01' WHERE family_name = 'Dubois'");
	testdb_exec(s, "UPDATE person SET dnc = 'personal' "
	    "WHERE family_name = 'Müller'");
	testdb_exec(s, "UPDATE person SET dnc = 'leave', dnc_until = "
	    "'2026-11-22' WHERE family_name = 'de Vries'");
	assert_int_equal(COUNT("dnc:yes"), 2);
	assert_true(MATCH("dnc:yes", "Dubois"));
	assert_true(MATCH("dnc:yes", "Müller"));
	assert_int_equal(COUNT("dnc:no"), 3);
	assert_true(MATCH("dnc:no", "de Vries"));
	assert_int_equal(COUNT("-dnc:yes"), 3);
	assert_int_equal(COUNT("dnc:illness"), 1);
	assert_true(MATCH("dnc:Illness", "Dubois"));
	assert_int_equal(COUNT("dnc:leave"), 0);
	assert_int_equal(COUNT("dnc:other"), 0);
	assert_int_equal(COUNT("dnc:today"), 2);
	assert_int_equal(COUNT("dnc:2026-11-22"), 3);
	assert_int_equal(COUNT("dnc:2026-12-01"), 2);
	assert_int_equal(COUNT("dnc:+9d"), 1);
	assert_true(MATCH("dnc:+2w", "Müller"));
	assert_int_equal(COUNT("dnc:yes avail:+1w"), 0);
	assert_true(MATCH("dnc:yes avail:+5w", "Dubois"));
}

/*
 * origin: the pool a person came from, the whole value in any case; ''
 * (made before the pool had a name) is no origin to find.
 */
static void
test_origin(void **state)
{
	struct store *s = *state;

	testdb_exec(s, "UPDATE person SET origin = 'KMar' WHERE family_name"
	    " IN ('Dubois', 'de Vries')");
	testdb_exec(s, "UPDATE person SET origin = 'Douane Nord'"
	    " WHERE family_name = 'Müller'");
	assert_int_equal(COUNT("origin:kmar"), 2);
	assert_true(MATCH("origin:KMAR", "Dubois"));
	assert_int_equal(COUNT("origin:km"), 0);
	assert_true(MATCH("origin:\"douane nord\"", "Müller"));
	assert_int_equal(COUNT("-origin:kmar"), 3);
	assert_int_equal(COUNT("origin:kmar OR origin:\"Douane Nord\""), 3);
}

/* reviewed: older than an age or a day (or never), and the reverse. */
static void
test_reviewed(void **state)
{
	struct store *s = *state;

	testdb_exec(s, "UPDATE person SET reviewed = '2026-05-26' "
	    "WHERE family_name = 'Dubois'");	/* today - 181 */
	testdb_exec(s, "UPDATE person SET reviewed = '2026-05-27' "
	    "WHERE family_name = 'de Vries'");	/* today - 180 */
	testdb_exec(s, "UPDATE person SET reviewed = '2026-11-23' "
	    "WHERE family_name = 'Müller'");
	assert_int_equal(COUNT("reviewed:<180d"), 3);
	assert_true(MATCH("reviewed:<180d", "Dubois"));
	assert_true(MATCH("reviewed:<180d", "Kowalska"));	/* never */
	assert_false(MATCH("reviewed:<180d", "de Vries"));
	assert_int_equal(COUNT("reviewed:>=180d"), 2);
	assert_true(MATCH("reviewed:>=180d", "de Vries"));
	assert_int_equal(COUNT("reviewed:<26w"), 2);	/* today - 182 */
	assert_int_equal(COUNT("reviewed:<2026-05-27"), 3);
	assert_int_equal(COUNT("reviewed:>=2026-05-27"), 2);
	assert_int_equal(COUNT("reviewed:>=today"), 1);
	assert_int_equal(COUNT("reviewed:<0d"), 4);
}

/* The plan of the filter's one set query (under a NOT, for dnc:no). */
static void
plan(struct store *s, const char *text, struct strbuf *out)
{
	const struct filter_set *set;
	struct strbuf sql = { 0 };
	struct filter *f;
	struct error err;
	sqlite3_stmt *st;

	if (filter_compile(s, text, today, &f, &err) != RC_OK)
		fail_msg("%s: %s", text, err.msg);
	set = filter_root(f);
	if (set->op == SET_NOT)
		set = set->a;
	assert_int_equal(set->op, SET_QUERY);
	strbuf_addf(&sql, "EXPLAIN QUERY PLAN %s", set->sql);
	assert_int_equal(sqlite3_prepare_v2(s->db, strbuf_str(&sql), -1, &st,
	    NULL), SQLITE_OK);
	filter_bind_set(f, set, st, 1);
	strbuf_reset(out);
	while (sqlite3_step(st) == SQLITE_ROW)
		strbuf_addf(out, "%s\n", sqlite3_column_text(st, 3));
	sqlite3_finalize(st);
	strbuf_free(&sql);
	filter_free(f);
}

/* dnc: and reviewed: read their index only, never the whole table. */
static void
test_plans(void **state)
{
	static const struct {
		const char *filter, *index;
	} t[] = {
		{ "dnc:yes", "person_dnc" }, { "dnc:no", "person_dnc" },
		{ "dnc:illness", "person_dnc" }, { "dnc:+2w", "person_dnc" },
		{ "reviewed:<180d", "person_reviewed" },
		{ "reviewed:>=2026-01-01", "person_reviewed" },
	};
	struct store *s = *state;
	struct strbuf b = { 0 };
	size_t i;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		plan(s, t[i].filter, &b);
		if (strstr(strbuf_str(&b), t[i].index) == NULL ||
		    strstr(strbuf_str(&b), "SCAN") != NULL)
			fail_msg("%s: %s", t[i].filter, strbuf_str(&b));
	}
	strbuf_free(&b);
}

static void
assert_compile_error(struct store *s, const char *text, const char *want)
{
	char msg[1024];

	assert_int_equal(testdb_error(s, text, today, msg, sizeof msg),
	    RC_INPUT);
	assert_string_equal(msg, want);
}

static void
test_compile_errors(void **state)
{
	struct store *s = *state;

	assert_compile_error(s, "country:atlantis", "column 9: unknown "
	    "country 'atlantis' (expected an ISO 3166 code such as ML or an "
	    "English name such as Mali)");
	assert_compile_error(s, "lang:fr country:malli", "column 17: unknown "
	    "country 'malli' (did you mean 'Mali'?)");
	assert_compile_error(s, "lang:xx", "column 6: unknown language 'xx' "
	    "(expected an ISO 639-1 code such as fr or an English name such "
	    "as French)");
	assert_compile_error(s, "lang:frenck", "column 6: unknown language "
	    "'frenck' (did you mean 'French'?)");
	assert_compile_error(s, "lang:fr>=B7", "column 6: '>=B7' is not a "
	    "level condition (expected >= and a level: A1 A2 B1 B2 C1 C2 "
	    "native, as in lang:fr>=B2)");
	assert_compile_error(s, "lang:fr>B2", "column 6: '>B2' is not a "
	    "level condition (expected >= and a level: A1 A2 B1 B2 C1 C2 "
	    "native, as in lang:fr>=B2)");
	assert_compile_error(s, "theme:bordr", "column 7: unknown theme "
	    "'bordr' (expected the start of a theme such as border "
	    "(roster(5) lists them))");
	assert_compile_error(s, "theme:div", "column 7: unknown theme 'div' "
	    "(did you mean 'DVI'?)");
	assert_compile_error(s, "skill:flying", "column 7: unknown skill "
	    "'flying' (expected the start of a skill such as first-aid "
	    "(roster(5) lists them))");
	assert_compile_error(s, "status:retired", "column 8: unknown status "
	    "'retired' (expected active, inactive or left)");
	assert_compile_error(s, "gender:q", "column 8: unknown gender 'q' "
	    "(expected f, m or x)");
	assert_compile_error(s, "notice:-1", "column 8: '-1' is not a number "
	    "of days (expected a whole number from 0, as in notice:3 or "
	    "notice:3d)");
	assert_compile_error(s, "notice:3w", "column 8: '3w' is not a number "
	    "of days (expected a whole number from 0, as in notice:3 or "
	    "notice:3d)");
	assert_compile_error(s, "avail:2026-02-30", "column 7: '2026-02-30' "
	    "is not a date (expected YYYY-MM-DD, today, tomorrow, +Nd or "
	    "+Nw)");
	assert_compile_error(s, "avail:2026-12-10..2026-12-01", "column 7: "
	    "window '2026-12-10..2026-12-01' ends before it starts (expected "
	    "D1..D2 with D1 <= D2)");
	assert_compile_error(s, "avail:today..", "column 7: '' is not a date "
	    "(expected YYYY-MM-DD, today, tomorrow, +Nd or +Nw)");
	assert_compile_error(s, "ready:soon", "column 7: 'soon' is not a date "
	    "(expected YYYY-MM-DD, today, tomorrow, +Nd or +Nw)");
	/* Dates as people write them get their ISO form, day first. */
	assert_compile_error(s, "avail:03/12/2026", "column 7: '03/12/2026' "
	    "is not a date (did you mean 2026-12-03?)");
	assert_compile_error(s, "passport:3.12.2026", "column 10: "
	    "'3.12.2026' is not a date (did you mean 2026-12-03?)");
	assert_compile_error(s, "ready:2026/12/03", "column 7: '2026/12/03' "
	    "is not a date (did you mean 2026-12-03?)");
	assert_compile_error(s, "avail:today..31-12-2026", "column 7: "
	    "'31-12-2026' is not a date (did you mean 2026-12-31?)");
	assert_compile_error(s, "avail:12/31/2026", "column 7: '12/31/2026' "
	    "is not a date (expected YYYY-MM-DD, today, tomorrow, +Nd or "
	    "+Nw)");
	assert_compile_error(s, "dnc:maybe", "column 5: 'maybe' is not a "
	    "do-not-call condition (expected yes, no, leave, illness, "
	    "personal, other, or a date: expected YYYY-MM-DD, today, "
	    "tomorrow, +Nd or +Nw)");
	assert_compile_error(s, "dnc:1.12.2026", "column 5: '1.12.2026' is "
	    "not a do-not-call condition (expected yes, no, leave, illness, "
	    "personal, other, or a date: did you mean 2026-12-01?)");
	assert_compile_error(s, "reviewed:180d", "column 10: '180d' is not a "
	    "review condition (expected < or >= and an age or a date, as in "
	    "reviewed:<180d or reviewed:>=2026-01-01)");
	assert_compile_error(s, "reviewed:>180d", "column 10: '>180d' is not "
	    "a review condition (expected < or >= and an age or a date, as in "
	    "reviewed:<180d or reviewed:>=2026-01-01)");
	assert_compile_error(s, "reviewed:<soon", "column 10: '<soon' is not "
	    "a review condition (expected < or >= and an age or a date, as in "
	    "reviewed:<180d or reviewed:>=2026-01-01)");
	assert_compile_error(s, "a ...", "column 3: '...' has no letters or "
	    "digits (expected a word)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_precedence),
		cmocka_unit_test(test_keys_and_quotes),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_lower_operators),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_limit_speed),
		testdb_fixture_test(test_terms),
		testdb_fixture_test(test_words),
		testdb_fixture_test(test_boolean),
		testdb_test(test_keyboards),
		testdb_fixture_test(test_documents),
		testdb_fixture_test(test_dnc),
		testdb_fixture_test(test_origin),
		testdb_fixture_test(test_reviewed),
		testdb_fixture_test(test_plans),
		testdb_fixture_test(test_compile_errors),
	};

	today = testdb_today();
	return cmocka_run_group_tests(tests, NULL, NULL);
}

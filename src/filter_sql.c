/*
 * Compiling a filter tree.  Every term becomes one or more "sets": a
 * parameterised SELECT that yields the pks of the people it matches.  The
 * sets, joined by AND, OR and NOT, are evaluated as bitmaps by search.c.
 * Every value the user typed is a bound parameter; the SQL text holds
 * only fixed fragments and placeholders.  Each key's compile function is
 * named by its row of filter_keys[], at the end.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "avail.h"
#include "date.h"
#include "filter.h"
#include "fts.h"
#include "refdata.h"
#include "strbuf.h"
#include "vocab.h"

struct param {
	int		 is_int;
	long long	 i;
	char		*s;
};

struct filter {
	struct filter_set	*root;		/* NULL: everyone */
	struct param		*params;
	size_t			 nparams;
	size_t			 nterms;
};

struct filter_compiler {
	struct store	*store;
	struct filter	*f;
	int		 today;
	struct error	*err;
	size_t		 first;		/* the current term's first parameter */
};

/* The missions whose names hold a mission: term's value: the keys of its
 * term bitmaps. */
#define MISSION_KEYS_SQL \
    "SELECT pk FROM mission WHERE instr(lower(name), lower(?)) > 0"
static const char mission_keys_sql[] = MISSION_KEYS_SQL;

/*
 * Availability over [D1, D2]: the active people who can be there in time
 * (D1 >= today + notice_days: status and notice, two sets that the term
 * bitmaps hold), minus those with an
 * unavailability window, marked do not call up to D1 or later or resting
 * after a deployment on a day of the window (avail.h), minus
 * those with a firm booking (avail.h) on a deployment that starts on or
 * before D2 and has not ended before D1 (inclusive, open-ended).
 */
/* Two ranges of one index, not an OR, which SQLite would de-duplicate;
 * the term bitmaps hold these windows too (terms_window.h). */
static const char avail_windows_sql[] =
    "SELECT person AS pk FROM unavailability WHERE end IS NULL"
    " AND start <= ? UNION ALL SELECT person FROM unavailability"
    " WHERE end >= ? AND start <= ?";
static const char avail_away_sql[] =
    "SELECT pk FROM person WHERE" AVAIL_DNC_SQL("person", "?")
    " UNION ALL SELECT a.person FROM"
    " assignment a JOIN deployment d ON d.pk = a.deployment WHERE"
    AVAIL_RESTING_SQL("a", "d", "?", "?");
static const char avail_booked_sql[] =
    "SELECT a.person AS pk FROM assignment a JOIN deployment d"
    " ON d.pk = a.deployment WHERE" AVAIL_BOOKED_SQL("a", "d")
    " AND (d.end IS NULL OR d.end >= ?) AND d.start <= ?";

static void
add_text(struct filter_compiler *c, const char *s)
{
	struct filter *f = c->f;

	f->params = xrealloc(f->params, (f->nparams + 1) * sizeof *f->params);
	f->params[f->nparams].is_int = 0;
	f->params[f->nparams++].s = xstrdup(s);
}

static void
add_int(struct filter_compiler *c, long long v)
{
	struct filter *f = c->f;

	f->params = xrealloc(f->params, (f->nparams + 1) * sizeof *f->params);
	f->params[f->nparams].is_int = 1;
	f->params[f->nparams].s = NULL;
	f->params[f->nparams++].i = v;
}

static void
add_date(struct filter_compiler *c, int day)
{
	char buf[DATE_LEN];

	date_format(day, buf);
	add_text(c, buf);
}

static int
bad_value(struct filter_compiler *c, const struct filter_node *n,
    const char *what)
{
	return error_set(c->err, RC_INPUT, "column %d: %s", n->vcolumn, what);
}

/* Reports a look-up failure (RC_REFUSED from refdata) at the value. */
static int
lookup_failed(struct filter_compiler *c, const struct filter_node *n, int rc)
{
	char what[sizeof c->err->msg];

	if (rc != RC_REFUSED)
		return rc;
	memcpy(what, c->err->msg, sizeof what);
	return bad_value(c, n, what);
}

int
filter_date(const char *text, int today, int *day)
{
	char *end;
	long n;

	if (strcasecmp(text, "today") == 0 || strcasecmp(text, "now") == 0) {
		*day = today;
		return 1;
	}
	if (strcasecmp(text, "tomorrow") == 0) {
		*day = today + 1;
		return 1;
	}
	if (text[0] == '+' && isdigit((unsigned char)text[1])) {
		n = strtol(text + 1, &end, 10);
		if (n > 36500 || *end == '\0' || end[1] != '\0')
			return 0;
		if (*end == 'd' || *end == 'D')
			*day = today + (int)n;
		else if (*end == 'w' || *end == 'W')
			*day = today + 7 * (int)n;
		else
			return 0;
		/* Past 9999-12-31 no date can be written, nor compared. */
		return *day <= DATE_LAST;
	}
	return date_parse(text, day);
}

int
filter_date_hint(const char *text, char *buf, size_t len)
{
	char iso[DATE_LEN];
	int day;

	if (date_guess(text, &day)) {
		date_format(day, iso);
		snprintf(buf, len, "did you mean %s?", iso);
		return 1;
	}
	snprintf(buf, len, "expected YYYY-MM-DD, today, tomorrow, +Nd or +Nw");
	return 0;
}

static int
value_date(struct filter_compiler *c, const struct filter_node *n,
    const char *text, int *day)
{
	char what[300], hint[64];

	if (filter_date(text, c->today, day))
		return RC_OK;
	filter_date_hint(text, hint, sizeof hint);
	snprintf(what, sizeof what, "'%s' is not a date (%s)", text, hint);
	return bad_value(c, n, what);
}

static struct filter_set *
set_new(enum filter_set_op op, struct filter_set *a, struct filter_set *b)
{
	struct filter_set *n = xcalloc(1, sizeof *n);

	n->op = op;
	n->a = a;
	n->b = b;
	return n;
}

/* A set query over the parameters added since the last one. */
static struct filter_set *
query(struct filter_compiler *c, const char *sql)
{
	struct filter_set *n = set_new(SET_QUERY, NULL, NULL);

	n->sql = xstrdup(sql);
	n->first = c->first;
	n->nparams = c->f->nparams - c->first;
	c->first = c->f->nparams;
	return n;
}

/* The set is also the people of family's keys lo..hi (filter.h; hi NULL:
 * every key from lo). */
static struct filter_set *
with_range(struct filter_set *n, const char *family, const char *lo,
    const char *hi)
{
	n->family = family;
	n->ranges = xrealloc(n->ranges, (n->nranges + 1) * sizeof *n->ranges);
	n->ranges[n->nranges].lo = xstrdup(lo);
	n->ranges[n->nranges++].hi = hi != NULL ? xstrdup(hi) : NULL;
	return n;
}

static struct filter_set *
with_key(struct filter_set *n, const char *family, const char *key)
{
	return with_range(n, family, key, key);
}

static void
set_free(struct filter_set *n)
{
	size_t i;

	if (n == NULL)
		return;
	set_free(n->a);
	set_free(n->b);
	free(n->sql);
	for (i = 0; i < n->nranges; i++) {
		free(n->ranges[i].lo);
		free(n->ranges[i].hi);
	}
	free(n->ranges);
	free(n);
}

static int
term_country(struct filter_compiler *c, const struct filter_keydef *k,
    const struct filter_node *n, struct filter_set **out)
{
	char code[3];
	int rc;

	(void)k;
	if ((rc = refdata_country(c->store, n->value, code, c->err)) != RC_OK)
		return lookup_failed(c, n, rc);
	add_text(c, code);
	*out = with_key(query(c, "SELECT person AS pk FROM service"
	    " WHERE country = ?"), "country", code);
	return RC_OK;
}

static int
term_lang(struct filter_compiler *c, const struct filter_keydef *k,
    const struct filter_node *n, struct filter_set **out)
{
	char *name = xstrdup(n->value), *op, code[3], what[300];
	char levels[VOCAB_EXPECTED_LEN], lo[16], hi[16];
	int level = 1, rc;

	(void)k;
	if ((op = strpbrk(name, "<>=")) != NULL) {
		if (strncmp(op, ">=", 2) != 0 ||
		    (level = refdata_level(op + 2)) == 0) {
			snprintf(what, sizeof what, "'%s' is not a level "
			    "condition (expected >= and a level: %s, as in "
			    "lang:fr>=B2)", op, vocab_expected(&vocab_levels,
			    VOCAB_SPACED | VOCAB_NO_OR, levels,
			    sizeof levels));
			free(name);
			return bad_value(c, n, what);
		}
		*op = '\0';
	}
	rc = refdata_language(c->store, name, code, c->err);
	free(name);
	if (rc != RC_OK)
		return lookup_failed(c, n, rc);
	add_text(c, code);
	add_int(c, level);
	/* Levels are one digit (table level), so code:L..code:9 are the
	 * keys of the levels from L up. */
	snprintf(lo, sizeof lo, "%s:%d", code, level);
	snprintf(hi, sizeof hi, "%s:9", code);
	*out = with_range(query(c, "SELECT person AS pk FROM person_language "
	    "WHERE code = ? AND level >= ?"), "lang", lo, hi);
	return RC_OK;
}

/* theme: also matches the themes of a person's missions. */
static int
term_vocab(struct filter_compiler *c, const struct filter_keydef *k,
    const struct filter_node *n, struct filter_set **out)
{
	enum vocab v = k->key == KEY_THEME ? VOCAB_THEME : VOCAB_SKILL;
	struct strbuf in = { 0 }, sql = { 0 };
	char **slugs;
	size_t nslugs, i, pass, npass = v == VOCAB_THEME ? 2 : 1;
	int rc;

	rc = refdata_prefix(c->store, v, n->value, &slugs, &nslugs, c->err);
	if (rc != RC_OK)
		return lookup_failed(c, n, rc);
	strbuf_adds(&in, "(");
	for (i = 0; i < nslugs; i++)
		strbuf_adds(&in, i ? ", ?" : "?");
	strbuf_adds(&in, ")");
	strbuf_addf(&sql, "SELECT person AS pk FROM person_%s WHERE slug IN %s",
	    refdata_vocab_name(v), strbuf_str(&in));
	if (v == VOCAB_THEME)
		strbuf_addf(&sql, " UNION ALL SELECT person FROM service_theme "
		    "WHERE slug IN %s", strbuf_str(&in));
	for (pass = 0; pass < npass; pass++)
		for (i = 0; i < nslugs; i++)
			add_text(c, slugs[i]);
	*out = query(c, strbuf_str(&sql));
	for (i = 0; i < nslugs; i++)
		with_key(*out, refdata_vocab_name(v), slugs[i]);
	strbuf_free(&in);
	strbuf_free(&sql);
	strv_free(slugs, nslugs);
	return RC_OK;
}

/* A key whose values are its choices, each the person column of its name. */
static int
term_choice(struct filter_compiler *c, const struct filter_keydef *k,
    const struct filter_node *n, struct filter_set **out)
{
	char what[300], sql[128];
	char expected[VOCAB_EXPECTED_LEN];
	int i;

	if ((i = vocab_find(k->choices, n->value)) >= 0) {
		add_text(c, k->choices->words[i]);
		snprintf(sql, sizeof sql, "SELECT pk FROM person WHERE %s = ?",
		    k->name);
		*out = with_key(query(c, sql), k->name, k->choices->words[i]);
		return RC_OK;
	}
	snprintf(what, sizeof what, "unknown %s '%s' (expected %s)", k->name,
	    n->value, filter_key_expected(k, expected, sizeof expected));
	return bad_value(c, n, what);
}

/* A key whose value is not checked: the key's SQL binds it as it is. */
static int
term_text(struct filter_compiler *c, const struct filter_keydef *k,
    const struct filter_node *n, struct filter_set **out)
{
	char *key;
	size_t i;

	add_text(c, n->value);
	*out = query(c, k->sql);
	if (k->key == KEY_MISSION) {
		(*out)->family = "mission";
		(*out)->keys_sql = mission_keys_sql;
	}
	/* COLLATE NOCASE folds ASCII letters only, as the keys are. */
	if (k->key == KEY_AGENCY || k->key == KEY_ORIGIN) {
		key = xstrdup(n->value);
		for (i = 0; key[i] != '\0'; i++)
			if (key[i] >= 'A' && key[i] <= 'Z')
				key[i] += 'a' - 'A';
		with_key(*out, k->name, key);
		free(key);
	}
	return RC_OK;
}

/* notice_days <= days: also the keys up to days of family notice. */
static struct filter_set *
notice_set(struct filter_compiler *c, long long days)
{
	struct filter_set *n;
	char hi[24];

	n = query(c, "SELECT pk FROM person WHERE notice_days <= ?");
	if (days < 0)
		return n;
	snprintf(hi, sizeof hi, "%010lld", days);
	return with_range(n, "notice", "0000000000", hi);
}

static int
term_notice(struct filter_compiler *c, const struct filter_keydef *k,
    const struct filter_node *n, struct filter_set **out)
{
	char *end, what[300];
	long days;

	(void)k;
	/* 3d as the screen shows it, or 3. */
	days = strtol(n->value, &end, 10);
	if (*end == 'd' || *end == 'D')
		end++;
	if (!isdigit((unsigned char)n->value[0]) || *end != '\0' ||
	    days > 36500) {
		snprintf(what, sizeof what, "'%s' is not a number of days "
		    "(expected a whole number from 0, as in notice:3 or "
		    "notice:3d)", n->value);
		return bad_value(c, n, what);
	}
	add_int(c, days);
	*out = notice_set(c, days);
	return RC_OK;
}

static int
term_avail(struct filter_compiler *c, const struct filter_keydef *k,
    const struct filter_node *n, struct filter_set **out)
{
	struct filter_set *ready, *windows, *away, *booked;
	char *text = xstrdup(n->value), *dots, what[300];
	char from[DATE_LEN], to[DATE_LEN];
	int d1, d2, rc;

	(void)k;
	if ((dots = strstr(text, "..")) != NULL)
		*dots = '\0';
	if ((rc = value_date(c, n, text, &d1)) != RC_OK)
		goto out;
	d2 = d1;
	if (dots != NULL && (rc = value_date(c, n, dots + 2, &d2)) != RC_OK)
		goto out;
	if (d2 < d1) {
		snprintf(what, sizeof what, "window '%s' ends before it starts "
		    "(expected D1..D2 with D1 <= D2)", n->value);
		rc = bad_value(c, n, what);
		goto out;
	}
	add_text(c, "active");
	ready = with_key(query(c, "SELECT pk FROM person WHERE status = ?"),
	    "status", "active");
	add_int(c, (long long)d1 - c->today);
	ready = set_new(SET_AND, ready, notice_set(c, (long long)d1 -
	    c->today));
	add_date(c, d2);
	add_date(c, d1);
	add_date(c, d2);
	date_format(d1, from);
	date_format(d2, to);
	windows = with_range(query(c, avail_windows_sql), "window", from, to);
	add_date(c, d1);
	add_date(c, d2);
	add_date(c, d1);
	away = set_new(SET_OR, windows, query(c, avail_away_sql));
	add_date(c, d1);
	add_date(c, d2);
	booked = query(c, avail_booked_sql);
	*out = set_new(SET_AND, set_new(SET_AND, ready,
	    set_new(SET_NOT, away, NULL)), set_new(SET_NOT, booked, NULL));
out:
	free(text);
	return rc;
}

/*
 * A key whose value is a date, bound as YYYY-MM-DD to the key's SQL: the
 * date on that day or later.  The term bitmaps hold people by the month
 * of the date ("2027-01"), so the months after the day's are read from
 * them: the key's SQL with that month's key is exactly those, since any
 * text at or after a 7-character key has a 7-character prefix at or
 * after it.  The rest of the day's month is a short range of the rows.
 */
static int
term_date(struct filter_compiler *c, const struct filter_keydef *k,
    const struct filter_node *n, struct filter_set **out)
{
	struct filter_set *later;
	char next[16], sql[160];
	int day, y, m, d, rc;

	if ((rc = value_date(c, n, n->value, &day)) != RC_OK)
		return rc;
	date_to_ymd(day, &y, &m, &d);
	if (y == 9999 && m == 12) {
		add_date(c, day);
		*out = query(c, k->sql);
		return RC_OK;
	}
	snprintf(next, sizeof next, "%04d-%02d", m == 12 ? y + 1 : y,
	    m == 12 ? 1 : m % 12 + 1);
	add_text(c, next);
	later = with_range(query(c, k->sql), k->name, next, NULL);
	add_date(c, day);
	add_text(c, next);
	snprintf(sql, sizeof sql, "%s AND %s%s < ?", k->sql,
	    k->key == KEY_READY ? "ready_until" : k->name,
	    k->key == KEY_READY ? "" : "_expiry");
	*out = set_new(SET_OR, later, query(c, sql));
	return RC_OK;
}

/*
 * dnc:yes, dnc:no, dnc:REASON and dnc:DATE: marked do not call today, not
 * marked today, marked today for that reason, marked on that day; by the
 * rule of avail.h, from the person_dnc index.
 */
static int
term_dnc(struct filter_compiler *c, const struct filter_keydef *k,
    const struct filter_node *n, struct filter_set **out)
{
	char what[300], hint[64], reasons[VOCAB_EXPECTED_LEN];
	int day = c->today, i;

	(void)k;
	if ((i = vocab_find(&vocab_dnc_reasons, n->value)) >= 0) {
		add_text(c, vocab_dnc_reasons.words[i]);
		add_date(c, day);
		*out = query(c, "SELECT pk FROM person WHERE dnc = ? AND"
		    AVAIL_DNC_SQL("person", "?"));
		return RC_OK;
	}
	if (strcasecmp(n->value, "yes") != 0 &&
	    strcasecmp(n->value, "no") != 0 &&
	    !filter_date(n->value, c->today, &day)) {
		filter_date_hint(n->value, hint, sizeof hint);
		snprintf(what, sizeof what, "'%s' is not a do-not-call "
		    "condition (expected yes, no, %s, or a date: %s)",
		    n->value, vocab_expected(&vocab_dnc_reasons, VOCAB_NO_OR,
		    reasons, sizeof reasons), hint);
		return bad_value(c, n, what);
	}
	add_date(c, day);
	*out = query(c, "SELECT pk FROM person WHERE" AVAIL_DNC_SQL("person",
	    "?"));
	if (strcasecmp(n->value, "no") == 0)
		*out = set_new(SET_NOT, *out, NULL);
	return RC_OK;
}

/*
 * reviewed:<AGE or <DATE, and >= either: last confirmed before the day
 * (or never), or on it or later.  An age is days or weeks before today
 * (180d, 26w).
 */
static int
term_reviewed(struct filter_compiler *c, const struct filter_keydef *k,
    const struct filter_node *n, struct filter_set **out)
{
	const char *v = n->value;
	char *end, what[300];
	long age;
	int before, day = 0, ok;

	(void)k;
	before = v[0] == '<';
	if (before || strncmp(v, ">=", 2) == 0) {
		v += before ? 1 : 2;
		age = strtol(v, &end, 10);
		if (isdigit((unsigned char)v[0]) && age <= 36500 &&
		    (*end == 'd' || *end == 'w') && end[1] == '\0') {
			day = c->today - (int)(*end == 'w' ? 7 * age : age);
			ok = 1;
		} else
			ok = filter_date(v, c->today, &day);
		if (ok && day >= 0) {
			add_date(c, day);
			*out = query(c, before ? "SELECT pk FROM person WHERE "
			    "reviewed IS NULL UNION ALL SELECT pk FROM person "
			    "WHERE reviewed < ?" : "SELECT pk FROM person "
			    "WHERE reviewed >= ?");
			return RC_OK;
		}
	}
	snprintf(what, sizeof what, "'%s' is not a review condition "
	    "(expected < or >= and an age or a date, as in reviewed:<180d "
	    "or reviewed:>=2026-01-01)", n->value);
	return bad_value(c, n, what);
}

/*
 * A word matches names, agency, rank, notes and missions by prefix,
 * transliterated (fold.h) and folded for case by the FTS5 tokenizer; a
 * quoted value with spaces is a phrase whose last word is a prefix.
 */
static int
term_word(struct filter_compiler *c, const struct filter_node *n,
    struct filter_set **out)
{
	struct strbuf q = { 0 }, folded = { 0 };
	const unsigned char *s;
	int has_word = 0, rc;

	for (s = (const unsigned char *)n->value; *s != '\0'; s++)
		if (isalnum(*s) || *s >= 0x80)
			has_word = 1;
	if (!has_word)
		return error_set(c->err, RC_INPUT, "column %d: '%s' has no "
		    "letters or digits (expected a word)", n->column, n->value);
	if ((rc = fts_fold(c->store, n->value, &folded, c->err)) != RC_OK) {
		strbuf_free(&folded);
		return rc;
	}
	strbuf_adds(&q, "\"");
	for (s = (const unsigned char *)strbuf_str(&folded); *s != '\0'; s++) {
		if (*s == '"')
			strbuf_adds(&q, "\"");
		strbuf_add(&q, (const char *)s, 1);
	}
	strbuf_adds(&q, "\"*");
	add_text(c, strbuf_str(&q));
	*out = query(c, "SELECT rowid AS pk FROM person_fts "
	    "WHERE person_fts MATCH ?");
	strbuf_free(&q);
	strbuf_free(&folded);
	return RC_OK;
}

/*
 * The keys of the filter language.  Adding one here is enough for the
 * parser, the messages and "did you mean"; roster(5) must document it
 * (test_filter checks).
 */
const struct filter_keydef filter_keys[] = {
	{ "country", KEY_COUNTRY, NULL, "a country code or English name",
	    term_country, NULL },
	{ "lang", KEY_LANG, NULL, "a language code or English name, as in "
	    "lang:fr or lang:fr>=B2", term_lang, NULL },
	{ "theme", KEY_THEME, NULL, "the start of a theme, as in theme:border",
	    term_vocab, NULL },
	{ "skill", KEY_SKILL, NULL, "the start of a skill, as in "
	    "skill:first-aid", term_vocab, NULL },
	{ "agency", KEY_AGENCY, NULL, "an agency, as in agency:KMar",
	    term_text, "SELECT pk FROM person"
	    " WHERE agency = ? COLLATE NOCASE" },
	{ "origin", KEY_ORIGIN, NULL, "a pool's name, as in origin:KMar",
	    term_text, "SELECT pk FROM person"
	    " WHERE origin = ? COLLATE NOCASE" },
	{ "mission", KEY_MISSION, NULL, "part of a mission name, as in "
	    "mission:eulex", term_text, "SELECT person AS pk FROM service"
	    " WHERE mission IN (" MISSION_KEYS_SQL ")" },
	{ "status", KEY_STATUS, &vocab_person_statuses, NULL, term_choice,
	    NULL },
	{ "gender", KEY_GENDER, &vocab_genders, NULL, term_choice, NULL },
	{ "notice", KEY_NOTICE, NULL, "a number of days", term_notice, NULL },
	{ "avail", KEY_AVAIL, NULL, "a date or a window D1..D2", term_avail,
	    NULL },
	/* ready_until is the earliest of the three dates, '' if one is
	 * missing: a missing date is not valid. */
	{ "ready", KEY_READY, NULL, "a date", term_date, "SELECT pk FROM person"
	    " INDEXED BY person_ready WHERE ready_until >= ?" },
	{ "passport", KEY_PASSPORT, NULL, "a date", term_date,
	    "SELECT pk FROM person WHERE passport_expiry >= ?" },
	{ "medical", KEY_MEDICAL, NULL, "a date", term_date,
	    "SELECT pk FROM person WHERE medical_expiry >= ?" },
	{ "heat", KEY_HEAT, NULL, "a date", term_date,
	    "SELECT pk FROM person WHERE heat_expiry >= ?" },
	{ "dnc", KEY_DNC, NULL, "yes, no, a reason or a date", term_dnc,
	    NULL },
	{ "reviewed", KEY_REVIEWED, NULL, "< or >= and an age or a date, as "
	    "in reviewed:<180d", term_reviewed, NULL },
};
const size_t filter_nkeys = sizeof filter_keys / sizeof filter_keys[0];

static int
compile_term(struct filter_compiler *c, const struct filter_node *n,
    struct filter_set **out)
{
	const struct filter_keydef *k;

	if (n->key == KEY_WORD)
		return term_word(c, n, out);
	for (k = filter_keys; k < filter_keys + filter_nkeys; k++)
		if (k->key == n->key)
			return k->compile(c, k, n, out);
	return error_set(c->err, RC_INPUT, "column %d: unknown key", n->column);
}

static int
compile_node(struct filter_compiler *c, const struct filter_node *n,
    struct filter_set **out)
{
	struct filter_set *a = NULL, *b = NULL;
	int rc;

	*out = NULL;
	if (n->op == OP_TERM) {
		c->f->nterms++;
		return compile_term(c, n, out);
	}
	if ((rc = compile_node(c, n->left, &a)) != RC_OK)
		return rc;
	if (n->op != OP_NOT && (rc = compile_node(c, n->right, &b)) != RC_OK) {
		set_free(a);
		return rc;
	}
	*out = set_new(n->op == OP_NOT ? SET_NOT : n->op == OP_AND ? SET_AND :
	    SET_OR, a, b);
	return RC_OK;
}

int
filter_compile(struct store *s, const char *text, int today,
    struct filter **out, struct error *err)
{
	struct filter_node *root;
	struct filter_compiler c;
	int rc;

	*out = NULL;
	if ((rc = filter_parse(text, &root, err)) != RC_OK)
		return rc;
	memset(&c, 0, sizeof c);
	c.store = s;
	c.f = xcalloc(1, sizeof *c.f);
	c.today = today;
	c.err = err;
	if (root != NULL && (rc = compile_node(&c, root, &c.f->root))
	    != RC_OK) {
		filter_node_free(root);
		filter_free(c.f);
		return rc;
	}
	filter_node_free(root);
	*out = c.f;
	return RC_OK;
}

size_t
filter_terms(const struct filter *f)
{
	return f->nterms;
}

void
filter_free(struct filter *f)
{
	size_t i;

	if (f == NULL)
		return;
	set_free(f->root);
	for (i = 0; i < f->nparams; i++)
		free(f->params[i].s);
	free(f->params);
	free(f);
}

const struct filter_set *
filter_root(const struct filter *f)
{
	return f->root;
}

static void
bind_one(const struct param *p, sqlite3_stmt *st, int i)
{
	if (p->is_int)
		sqlite3_bind_int64(st, i, p->i);
	else
		sqlite3_bind_text(st, i, p->s, -1, SQLITE_STATIC);
}

void
filter_bind_set(const struct filter *f, const struct filter_set *set,
    sqlite3_stmt *st, int first)
{
	size_t i;

	for (i = 0; i < set->nparams; i++)
		bind_one(&f->params[set->first + i], st, first + (int)i);
}

void
filter_set_key(const struct filter *f, const struct filter_set *set,
    struct strbuf *key)
{
	const struct param *p;
	size_t i;

	strbuf_adds(key, set->sql);
	for (i = 0; i < set->nparams; i++) {
		p = &f->params[set->first + i];
		/* \x1f cannot appear in SQL text or in a checked UTF-8 value. */
		if (p->is_int)
			strbuf_addf(key, "\x1fi%lld", p->i);
		else
			strbuf_addf(key, "\x1fs%s", p->s);
	}
}

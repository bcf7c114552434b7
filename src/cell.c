#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cell.h"
#include "filter.h"
#include "utf8.h"

static int
say(struct cell_check *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Tells one problem; always RC_INPUT. */
static int
say(struct cell_check *c, const char *fmt, ...)
{
	char what[700];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	c->problem(c->arg, what);
	return RC_INPUT;
}

int
cell_text(struct cell_check *c, const char *v, int multiline)
{
	uint32_t cp;

	/* A file is checked as a whole (csv.c); typed text is not. */
	if (!utf8_valid(v, strlen(v), NULL))
		return say(c, "invalid UTF-8 (expected plain text)");
	if (utf8_control(v, multiline, &cp) == (size_t)-1)
		return RC_OK;
	if (cp < 0x80)
		return say(c, "control character 0x%02x (expected plain text)",
		    (unsigned)cp);
	return say(c, "%s U+%04X (expected plain text)",
	    utf8_control_name(cp), (unsigned)cp);
}

int
cell_present(struct cell_check *c, const char *v, const char *what)
{
	if (*v == '\0')
		return say(c, "missing %s", what);
	return RC_OK;
}

int
cell_date(struct cell_check *c, const char *v, int required,
    char out[DATE_LEN])
{
	char hint[64];
	int day;

	out[0] = '\0';
	if (*v == '\0') {
		if (required)
			return say(c, "missing date (expected YYYY-MM-DD)");
		return RC_OK;
	}
	/* Files take ISO dates only: a guess is offered, never taken. */
	if (!date_parse(v, &day))
		return say(c, "'%s' is not a date (%s)", v,
		    filter_date_hint(v, hint, sizeof hint) ? hint :
		    "expected a real date as YYYY-MM-DD");
	snprintf(out, DATE_LEN, "%s", v);
	return RC_OK;
}

int
cell_uuid(struct cell_check *c, const char *v, char out[PERSON_ID_LEN])
{
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
	return say(c, "'%s' is not an id (expected a UUID such as "
	    "0f8fad5b-d9cb-469f-a165-70867728950e)", v);
}

int
cell_choice(struct cell_check *c, const char *v, const struct vocab_list *l,
    const char *dflt, const char **out)
{
	char expected[VOCAB_EXPECTED_LEN];
	int i;

	*out = dflt;
	if (*v == '\0')
		return RC_OK;
	if ((i = vocab_find(l, v)) >= 0) {
		*out = l->words[i];
		return RC_OK;
	}
	return say(c, "'%s' is not allowed (expected %s)", v,
	    vocab_expected(l, VOCAB_OR_EMPTY, expected, sizeof expected));
}

int
cell_email(struct cell_check *c, const char *v)
{
	if (*v != '\0' && (strchr(v, '@') == NULL || strchr(v, ' ') != NULL))
		return say(c, "'%s' is not an e-mail address", v);
	return RC_OK;
}

int
cell_phone(struct cell_check *c, const char *v)
{
	if (strspn(v, "0123456789+-() .") != strlen(v))
		return say(c, "'%s' is not a phone number (expected digits, "
		    "spaces and + - ( ) .)", v);
	return RC_OK;
}

int
cell_notice(struct cell_check *c, const char *v, int *out)
{
	char *end;
	long n;

	*out = 0;
	if (*v == '\0')
		return RC_OK;
	n = strtol(v, &end, 10);
	if (!isdigit((unsigned char)*v) || *end != '\0' || n > 3650)
		return say(c, "'%s' is not a number of days (expected a whole "
		    "number from 0 to 3650)", v);
	*out = (int)n;
	return RC_OK;
}

int
cell_country(struct cell_check *c, const char *v, char out[3])
{
	struct error e;

	out[0] = '\0';
	if (strlen(v) != 2 || refdata_country(c->store, v, out, &e) != RC_OK)
		return say(c, "unknown country code '%s' (expected an ISO "
		    "3166-1 alpha-2 code such as ML; XK is Kosovo)", v);
	return RC_OK;
}

int
cell_window(struct cell_check *c, const char *start, const char *end)
{
	if (*end != '\0' && *start != '\0' && strcmp(end, start) < 0)
		return say(c, "%s is before the start %s (expected an end on "
		    "or after the start, or empty)", end, start);
	return RC_OK;
}

int
cell_dnc(struct cell_check *c, const char *dnc, const char *until)
{
	char expected[VOCAB_EXPECTED_LEN];

	if (*until != '\0' && *dnc == '\0')
		return say(c, "%s without a reason in dnc (expected dnc to be "
		    "%s)", until, vocab_expected(&vocab_dnc_reasons, 0,
		    expected, sizeof expected));
	return RC_OK;
}

/*
 * Splits a ';'-list into at most PERSON_MAX_LIST trimmed items, which
 * live in buf (CELL_LIST_MAX bytes).
 */
static int
split_list(struct cell_check *c, const char *v, char *buf, char **items,
    size_t *n)
{
	size_t len = strlen(v);
	char *p, *end;

	*n = 0;
	/* Any list of real items fits; cutting a longer one would lose some. */
	if (len >= CELL_LIST_MAX)
		return say(c, "a list of %zu bytes (expected at most %d)", len,
		    CELL_LIST_MAX - 1);
	memcpy(buf, v, len + 1);
	for (p = strtok(buf, ";"); p != NULL; p = strtok(NULL, ";")) {
		while (*p == ' ')
			p++;
		end = p + strlen(p);
		while (end > p && end[-1] == ' ')
			*--end = '\0';
		if (*p == '\0')
			continue;
		if (*n == PERSON_MAX_LIST)
			return say(c, "more than %d items", PERSON_MAX_LIST);
		items[(*n)++] = p;
	}
	return RC_OK;
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

int
cell_vocab(struct cell_check *c, const char *v, enum vocab kind, char *buf,
    const char **out, size_t *kept)
{
	char *items[PERSON_MAX_LIST];
	size_t n, i, j;
	struct error e;
	int rc, bad;

	*kept = 0;
	bad = split_list(c, v, buf, items, &n);
	/*
	 * Lower case before sorting, so that "Drugs;drugs" is seen twice and
	 * the list is in the order person_put compares and stores it.
	 */
	for (i = 0; i < n; i++)
		for (j = 0; items[i][j] != '\0'; j++)
			items[i][j] = (char)tolower((unsigned char)items[i][j]);
	if (n > 0)
		qsort(items, n, sizeof *items, cmp_str);
	for (i = 0; i < n; i++) {
		if (*kept > 0 && strcmp(out[*kept - 1], items[i]) == 0)
			continue;
		rc = refdata_vocab(c->store, kind, items[i], &e);
		if (rc == RC_REFUSED)
			bad = say(c, "%s", e.msg);
		else if (rc != RC_OK)
			return say(c, "%s", e.msg);
		out[(*kept)++] = items[i];
	}
	return bad;
}

int
cell_languages(struct cell_check *c, const char *v, struct person *p)
{
	char buf[CELL_LIST_MAX], *items[PERSON_MAX_LIST], *colon;
	char expected[VOCAB_EXPECTED_LEN];
	size_t n, i;
	struct error e;
	int level, bad;

	bad = split_list(c, v, buf, items, &n);
	p->nlangs = 0;
	for (i = 0; i < n; i++) {
		if ((colon = strchr(items[i], ':')) == NULL) {
			bad = say(c, "'%s' has no level (expected code:level "
			    "as in fr:B2)", items[i]);
			continue;
		}
		*colon = '\0';
		if ((level = refdata_level(colon + 1)) == 0) {
			bad = say(c, "'%s' is not a level (expected %s)",
			    colon + 1, vocab_expected(&vocab_levels,
			    VOCAB_SPACED, expected, sizeof expected));
			continue;
		}
		if (strlen(items[i]) != 2 || refdata_language(c->store,
		    items[i], p->langs[p->nlangs].code, &e) != RC_OK) {
			bad = say(c, "unknown language code '%s' (expected an "
			    "ISO 639-1 code such as fr)", items[i]);
			continue;
		}
		p->langs[p->nlangs++].level = level;
	}
	if (p->nlangs > 0)
		qsort(p->langs, p->nlangs, sizeof *p->langs, cmp_lang);
	for (i = 1; i < p->nlangs; i++)
		if (strcmp(p->langs[i].code, p->langs[i - 1].code) == 0)
			bad = say(c, "language '%s' given twice",
			    p->langs[i].code);
	return bad;
}

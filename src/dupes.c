/*
 * Finding the people recorded twice (dupes.h).  The pool is read once,
 * each name folded once (fold() in the query, then the words index's
 * tokenizer, dupe.h); every person
 * gives a key for each thing that can make a pair (their e-mail, their
 * phone, their name), the keys are sorted, and only people with an equal
 * key are compared: no pair of the pool is looked at that shares
 * nothing, so 100,000 people take a sort (by a hash of the key, which
 * reads no string but on a tie), not five billion comparisons.
 * Missions are read only for people whose names meet across agencies.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dupe.h"
#include "dupes.h"
#include "dupes_int.h"

/* The kinds of key: each key's first byte. */
enum { KEY_EMAIL = '1', KEY_PHONE = '2', KEY_NAME = '3' };

/*
 * German writes a, o, u with an e for the umlauts where a keyboard lacks
 * them, and the words index folds them to a, o, u: a name with one is
 * also keyed with the e (Mueller and Muller both meet Müller).
 */
#define UMLAUTS(x) "CASE WHEN " x " GLOB '*[äöüÄÖÜ]*' THEN fold(" \
    "replace(replace(replace(replace(replace(replace(" x ", 'ä', 'ae')," \
    " 'ö', 'oe'), 'ü', 'ue'), 'Ä', 'Ae'), 'Ö', 'Oe'), 'Ü', 'Ue')) END"

static const char pool_sql[] = "SELECT pk, id, given_name || ' ' ||"
    " family_name, origin, agency, email, phone, fold(family_name), "
    UMLAUTS("family_name") ", fold(given_name), " UMLAUTS("given_name")
    ", created FROM person WHERE id NOT IN (SELECT alias FROM"
    " person_alias) ORDER BY pk";

static int
key_cmp(const void *a, const void *b)
{
	const struct dupes_key *x = a, *y = b;
	int c;

	if (x->hash != y->hash)
		return x->hash < y->hash ? -1 : 1;
	if ((c = strcmp(x->text, y->text)) != 0)
		return c;
	return x->who < y->who ? -1 : x->who > y->who;
}

/* Adds text as a key of person who, and empties it for the next. */
static void
key_add(struct dupes_scan *sc, size_t who, struct strbuf *text)
{
	uint64_t h = 14695981039346656037u;
	size_t i;

	if (sc->nkeys == sc->capkeys) {
		sc->capkeys = sc->capkeys ? sc->capkeys * 2 : 1024;
		sc->keys = xrealloc(sc->keys, sc->capkeys * sizeof *sc->keys);
	}
	/* FNV-1a */
	for (i = 0; i < text->len; i++)
		h = (h ^ (unsigned char)text->s[i]) * 1099511628211u;
	sc->keys[sc->nkeys].hash = h;
	sc->keys[sc->nkeys].text = dupes_keep(sc, text->s, text->len);
	sc->keys[sc->nkeys++].who = who;
	strbuf_reset(text);
}

/*
 * A phone as a key: "+" and its digits when it has a country code (+ or
 * 00), else the digits after the origin, which alone says which country
 * a national number is in.  Nothing for none, nor for zeros alone ("0",
 * "000"), which stand for none as an empty field does.
 */
static void
phone_key(const char *phone, const char *origin, struct strbuf *k)
{
	char d[64];
	size_t n = 0, i;

	for (; *phone != '\0' && n + 3 < sizeof d; phone++)
		if (isdigit((unsigned char)*phone))
			d[n++] = *phone;
		else if (*phone == '+' && n == 0) {
			d[n++] = '0';
			d[n++] = '0';
		}
	d[n] = '\0';
	if (strspn(d, "0") == n)
		return;
	if (n > 2 && d[0] == '0' && d[1] == '0')
		strbuf_addf(k, "%c+%s", KEY_PHONE, d + 2);
	else if (n > 0 && strncmp(d, "00", 2) != 0) {
		strbuf_addf(k, "%c%s %s", KEY_PHONE, origin, d);
		for (i = 1; i < k->len - n - 1; i++)
			k->s[i] = (char)tolower((unsigned char)k->s[i]);
	}
}

/* One person's keys: their e-mail, phone and name. */
static void
person_keys(struct dupes_scan *sc, size_t who, sqlite3_stmt *st)
{
	const struct dupes_person *p = &sc->people[who];
	struct strbuf k = { 0 };
	const char *family, *given;
	char *c;
	int f, g;

	if (*p->email != '\0') {
		strbuf_addf(&k, "%c%s", KEY_EMAIL, p->email);
		for (c = k.s; *c != '\0'; c++)
			*c = (char)tolower((unsigned char)*c);
		key_add(sc, who, &k);
	}
	phone_key(p->phone, p->origin, &k);
	if (k.len > 0)
		key_add(sc, who, &k);
	/* Each spelling of the family name with each of the given name. */
	for (f = 7; f <= 8; f++)
		for (g = 9; g <= 10; g++) {
			family = (const char *)sqlite3_column_text(st, f);
			given = (const char *)sqlite3_column_text(st, g);
			if (family == NULL || given == NULL)
				continue;
			strbuf_addf(&k, "%c", KEY_NAME);
			dupe_names_key(sc->names, family, strlen(family), &k);
			/* A name of no words is no one's name. */
			if (k.len == 1) {
				strbuf_reset(&k);
				continue;
			}
			strbuf_adds(&k, " /");
			dupe_names_key(sc->names, given, strlen(given), &k);
			key_add(sc, who, &k);
		}
	strbuf_free(&k);
}

static const char *
keep_column(struct dupes_scan *sc, sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);

	return v == NULL ? "" : dupes_keep(sc, v,
	    (size_t)sqlite3_column_bytes(st, i));
}

/* Everyone but the ids merged away, with their keys. */
static int
scan_read(struct store *s, struct dupes_scan *sc, struct error *err)
{
	struct dupes_person *p;
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	if ((rc = store_prepare(s, &st, pool_sql, err)) != RC_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (sc->npeople == cap) {
			cap = cap ? cap * 2 : 1024;
			sc->people = xrealloc(sc->people, cap *
			    sizeof *sc->people);
		}
		p = &sc->people[sc->npeople];
		memset(p, 0, sizeof *p);
		p->pk = sqlite3_column_int64(st, 0);
		snprintf(p->id, sizeof p->id, "%s", sqlite3_column_text(st,
		    1));
		p->name = keep_column(sc, st, 2);
		p->origin = keep_column(sc, st, 3);
		p->agency = keep_column(sc, st, 4);
		p->email = keep_column(sc, st, 5);
		p->phone = keep_column(sc, st, 6);
		snprintf(p->created, sizeof p->created, "%s",
		    sqlite3_column_text(st, 11));
		person_keys(sc, sc->npeople++, st);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "duplicates");
	return RC_OK;
}

/* Each pair of a run of equal keys, as far as its kind makes it one. */
static void
scan_run(struct dupes_scan *sc, size_t from, size_t to)
{
	const struct dupes_person *a, *b;
	size_t i, j;

	for (i = from; i < to; i++)
		for (j = i + 1; j < to; j++) {
			a = &sc->people[sc->keys[i].who];
			b = &sc->people[sc->keys[j].who];
			switch (sc->keys[i].text[0]) {
			case KEY_EMAIL:
				dupes_pair_note(sc, sc->keys[i].who,
				    sc->keys[j].who, DUPES_EMAIL,
				    "same e-mail %s", a->email);
				break;
			case KEY_PHONE:
				dupes_pair_note(sc, sc->keys[i].who,
				    sc->keys[j].who, DUPES_PHONE,
				    "same phone %s", a->phone);
				break;
			default:
				if (*a->agency != '\0' &&
				    strcasecmp(a->agency, b->agency) == 0) {
					dupes_pair_note(sc, sc->keys[i].who,
					    sc->keys[j].who, DUPES_NAME_AGENCY,
					    "same name and agency %s",
					    a->agency);
				} else
					dupes_mission_note(sc, sc->keys[i].who,
					    sc->keys[j].who);
			}
		}
}

/* The end of the run of keys equal to key i. */
static size_t
run_end(const struct dupes_scan *sc, size_t i)
{
	size_t j;

	for (j = i + 1; j < sc->nkeys && sc->keys[j].hash == sc->keys[i].hash
	    && strcmp(sc->keys[i].text, sc->keys[j].text) == 0; j++)
		;
	return j;
}

/* The people whose names meet another's: their missions are read. */
static void
scan_mark(struct dupes_scan *sc)
{
	size_t i, j, k;

	for (i = 0; i < sc->nkeys; i = j) {
		j = run_end(sc, i);
		for (k = i; j - i > 1 && sc->keys[i].text[0] == KEY_NAME &&
		    k < j; k++)
			sc->people[sc->keys[k].who].met = 1;
	}
}

static int
scan_pairs(struct store *s, struct dupes_scan *sc, struct error *err)
{
	size_t i, j;
	int rc;

	if (sc->nkeys > 1)	/* none: a NULL array, not for qsort */
		qsort(sc->keys, sc->nkeys, sizeof *sc->keys, key_cmp);
	scan_mark(sc);
	if ((rc = dupes_missions_read(s, sc, err)) != RC_OK)
		return rc;
	for (i = 0; i < sc->nkeys; i = j) {
		j = run_end(sc, i);
		if (j - i > 1)
			scan_run(sc, i, j);
	}
	return RC_OK;
}

int
dupes_find(struct store *s, struct dupes_list *out, struct error *err)
{
	struct dupes_scan sc;
	int rc;

	memset(out, 0, sizeof *out);
	memset(&sc, 0, sizeof sc);
	if ((rc = dupe_names_new(s, &sc.names, err)) == RC_OK &&
	    (rc = scan_read(s, &sc, err)) == RC_OK &&
	    (rc = scan_pairs(s, &sc, err)) == RC_OK)
		rc = dupes_scan_list(s, &sc, out, err);
	dupes_scan_free(&sc);
	return rc;
}

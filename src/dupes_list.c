/*
 * The pairs of the duplicates finder (dupes.h): gathered by pair in a
 * hash table, so that two people who share an e-mail and a phone are one
 * pair with both in its evidence; the missions of a pair whose names
 * meet across agencies; then those marked not the same left out and the
 * rest handed out sorted.  Also where "not the same" is remembered.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "dupes.h"
#include "dupes_int.h"

#define DUPES_BLOCK	(1 << 20)

char *
dupes_keep(struct dupes_scan *sc, const char *s, size_t len)
{
	struct dupes_block *b = sc->blocks;
	char *out;

	if (b == NULL || b->cap - b->used < len + 1) {
		b = xmalloc(sizeof *b + (len + 1 > DUPES_BLOCK ? len + 1 :
		    DUPES_BLOCK));
		b->cap = len + 1 > DUPES_BLOCK ? len + 1 : DUPES_BLOCK;
		b->used = 0;
		b->next = sc->blocks;
		sc->blocks = b;
	}
	out = b->text + b->used;
	memcpy(out, s, len);
	out[len] = '\0';
	b->used += len + 1;
	return out;
}

static size_t
slot_of(const struct dupes_scan *sc, size_t a, size_t b)
{
	size_t h = (a * 2654435761u) ^ (b * 40503u + 0x9e3779b9u);

	return h & (sc->nslots - 1);
}

/* The found pair a, b; a new one when there is none. */
static struct dupes_found *
pair_get(struct dupes_scan *sc, size_t a, size_t b)
{
	struct dupes_found *f;
	size_t i, j, *old = sc->slots, nold = sc->nslots;

	if (2 * (sc->nfound + 1) > sc->nslots) {
		sc->nslots = nold ? nold * 2 : 1024;
		sc->slots = xcalloc(sc->nslots, sizeof *sc->slots);
		for (i = 0; i < sc->nfound; i++) {
			f = &sc->found[i];
			for (j = slot_of(sc, f->a, f->b); sc->slots[j] != 0;
			    j = (j + 1) & (sc->nslots - 1))
				;
			sc->slots[j] = i + 1;
		}
		free(old);
	}
	for (i = slot_of(sc, a, b); sc->slots[i] != 0;
	    i = (i + 1) & (sc->nslots - 1)) {
		f = &sc->found[sc->slots[i] - 1];
		if (f->a == a && f->b == b)
			return f;
	}
	if (sc->nfound == sc->capfound) {
		sc->capfound = sc->capfound ? sc->capfound * 2 : 256;
		sc->found = xrealloc(sc->found, sc->capfound *
		    sizeof *sc->found);
	}
	f = &sc->found[sc->nfound++];
	memset(f, 0, sizeof *f);
	f->a = a;
	f->b = b;
	sc->slots[i] = sc->nfound;
	return f;
}

/* Whether a was recorded before b: created, then id. */
static int
recorded_first(const struct dupes_scan *sc, size_t a, size_t b)
{
	int c = strcmp(sc->people[a].created, sc->people[b].created);

	return c < 0 || (c == 0 && strcmp(sc->people[a].id,
	    sc->people[b].id) < 0);
}

void
dupes_pair_note(struct dupes_scan *sc, size_t a, size_t b, unsigned why,
    const char *fmt, ...)
{
	struct dupes_found *f;
	struct strbuf *e;
	char text[1024];
	va_list ap;

	if (a == b)
		return;
	f = recorded_first(sc, a, b) ? pair_get(sc, a, b) :
	    pair_get(sc, b, a);
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	e = &f->evidence[why == DUPES_EMAIL ? 0 : why == DUPES_PHONE ? 1 : 2];
	/* A name spelt two ways meets the other by both. */
	if (e->len > 0 && strstr(e->s, text) != NULL)
		return;
	f->why |= why;
	strbuf_addf(e, "%s%s", e->len ? "; " : "", text);
}

static int
pk_cmp(const void *key, const void *p)
{
	long long pk = *(const long long *)key;
	const struct dupes_person *q = p;

	return pk < q->pk ? -1 : pk > q->pk;
}

/* One pass over the service records, not a query a person. */
int
dupes_missions_read(struct store *s, struct dupes_scan *sc,
    struct error *err)
{
	struct dupes_person *p;
	struct dupes_mission *m;
	sqlite3_stmt *st;
	long long pk;
	int rc;

	/* CROSS: service in the order of its table, not mission by mission
	 * through an index, which costs a look-up a row. */
	if ((rc = store_prepare(s, &st, "SELECT s.person, m.name, s.start,"
	    " coalesce(s.end, ''), m.pk FROM service s CROSS JOIN mission m"
	    " ON m.pk = s.mission", err)) != RC_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		pk = sqlite3_column_int64(st, 0);
		/* Not bsearch on an empty array: its base may be NULL. */
		if (sc->npeople == 0 || (p = bsearch(&pk, sc->people,
		    sc->npeople, sizeof *sc->people, pk_cmp)) == NULL ||
		    !p->met)
			continue;
		p->missions = xrealloc(p->missions, (p->nmissions + 1) *
		    sizeof *p->missions);
		m = &p->missions[p->nmissions++];
		m->pk = sqlite3_column_int64(st, 4);
		m->name = dupes_keep(sc, (const char *)sqlite3_column_text(st,
		    1), (size_t)sqlite3_column_bytes(st, 1));
		snprintf(m->start, sizeof m->start, "%s",
		    sqlite3_column_text(st, 2));
		snprintf(m->end, sizeof m->end, "%s",
		    sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? RC_OK : store_error(s, err, "duplicates");
}

/* Whether x ends before y starts; an open end never does. */
static int
ends_before(const struct dupes_mission *x, const struct dupes_mission *y)
{
	return x->end[0] != '\0' && strcmp(x->end, y->start) < 0;
}

void
dupes_mission_note(struct dupes_scan *sc, size_t a, size_t b)
{
	const struct dupes_mission *x, *y;
	const char *end;
	size_t i, j;

	for (i = 0; i < sc->people[a].nmissions; i++)
		for (j = 0; j < sc->people[b].nmissions; j++) {
			x = &sc->people[a].missions[i];
			y = &sc->people[b].missions[j];
			if (x->pk != y->pk ||
			    ends_before(x, y) || ends_before(y, x))
				continue;
			/* The time both were there. */
			end = x->end[0] == '\0' ? y->end : y->end[0] == '\0' ?
			    x->end : strcmp(x->end, y->end) < 0 ? x->end :
			    y->end;
			dupes_pair_note(sc, a, b, DUPES_NAME_MISSION,
			    "same name, both on %s (%s..%s)", x->name,
			    strcmp(x->start, y->start) > 0 ? x->start :
			    y->start, end);
			return;
		}
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The pairs marked not the same, as "A B" (a < b), sorted. */
static int
not_same_read(struct store *s, char ***out, size_t *n, struct error *err)
{
	struct strbuf b = { 0 };
	sqlite3_stmt *st;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_prepare(s, &st, "SELECT a, b FROM not_same", err)) !=
	    RC_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		strbuf_addf(&b, "%s %s", sqlite3_column_text(st, 0),
		    sqlite3_column_text(st, 1));
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = strbuf_steal(&b);
	}
	sqlite3_finalize(st);
	/* Not qsort on none: the array is NULL then (UBSan). */
	if (*n > 1)
		qsort(*out, *n, sizeof **out, str_cmp);
	return rc == SQLITE_DONE ? RC_OK : store_error(s, err, "not same");
}

static int
pair_cmp(const void *a, const void *b)
{
	const struct dupes_pair *x = a, *y = b;
	int c;

	if ((c = strcmp(x->name_a, y->name_a)) != 0 ||
	    (c = strcmp(x->name_b, y->name_b)) != 0)
		return c;
	return strcmp(x->a, y->a);
}

/* Found pair f as handed out. */
static void
pair_fill(const struct dupes_scan *sc, struct dupes_found *f,
    struct dupes_pair *p)
{
	const struct dupes_person *a = &sc->people[f->a];
	const struct dupes_person *b = &sc->people[f->b];
	struct strbuf all = { 0 };
	size_t i;

	p->pk_a = a->pk;
	p->pk_b = b->pk;
	memcpy(p->a, a->id, sizeof p->a);
	memcpy(p->b, b->id, sizeof p->b);
	p->name_a = xstrdup(a->name);
	p->name_b = xstrdup(b->name);
	p->origin_a = xstrdup(a->origin);
	p->origin_b = xstrdup(b->origin);
	p->why = f->why;
	for (i = 0; i < 3; i++)
		if (f->evidence[i].len > 0)
			strbuf_addf(&all, "%s%s", all.len ? "; " : "",
			    f->evidence[i].s);
	p->evidence = strbuf_steal(&all);
}

int
dupes_scan_list(struct store *s, struct dupes_scan *sc,
    struct dupes_list *out, struct error *err)
{
	const struct dupes_person *a, *b;
	char **ns, key[2 * PERSON_ID_LEN], *k = key;
	size_t nns, i;
	int rc;

	if ((rc = not_same_read(s, &ns, &nns, err)) != RC_OK)
		return rc;
	out->pairs = xcalloc(sc->nfound + 1, sizeof *out->pairs);
	for (i = 0; i < sc->nfound; i++) {
		a = &sc->people[sc->found[i].a];
		b = &sc->people[sc->found[i].b];
		snprintf(key, sizeof key, "%s %s", strcmp(a->id, b->id) < 0 ?
		    a->id : b->id, strcmp(a->id, b->id) < 0 ? b->id : a->id);
		if (nns > 0 && bsearch(&k, ns, nns, sizeof *ns, str_cmp) !=
		    NULL)
			continue;
		pair_fill(sc, &sc->found[i], &out->pairs[out->n++]);
	}
	strv_free(ns, nns);
	if (out->n > 1)
		qsort(out->pairs, out->n, sizeof *out->pairs, pair_cmp);
	return RC_OK;
}

void
dupes_scan_free(struct dupes_scan *sc)
{
	struct dupes_block *b;
	size_t i, k;

	for (i = 0; i < sc->npeople; i++)
		free(sc->people[i].missions);
	free(sc->people);
	free(sc->keys);
	while ((b = sc->blocks) != NULL) {
		sc->blocks = b->next;
		free(b);
	}
	for (i = 0; i < sc->nfound; i++)
		for (k = 0; k < 3; k++)
			strbuf_free(&sc->found[i].evidence[k]);
	free(sc->found);
	free(sc->slots);
	dupe_names_free(sc->names);
}

void
dupes_list_free(struct dupes_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->pairs[i].name_a);
		free(l->pairs[i].name_b);
		free(l->pairs[i].origin_a);
		free(l->pairs[i].origin_b);
		free(l->pairs[i].evidence);
	}
	free(l->pairs);
	l->pairs = NULL;
	l->n = 0;
}

/* One audit line on a's id: marked not the same as b. */
static int
not_same_log(struct store *s, const char *a, const char *b,
    struct error *err)
{
	char with[64];
	struct audit_entry e = { NULL, NULL, "person", a, "not-same", with,
	    NULL, 0 };

	snprintf(with, sizeof with, "with=%s", b);
	return audit_write(s, &e, err);
}

int
dupes_not_same(struct store *s, const char *a, const char *b,
    struct error *err)
{
	sqlite3_stmt *st;
	char who[64], now[21];
	long long pk;
	int rc;

	if (strcasecmp(a, b) == 0)
		return error_set(err, RC_INPUT, "a person is always the same "
		    "as themselves");
	if ((rc = store_begin(s, err)) != RC_OK)
		return rc;
	audit_user(who, sizeof who);
	date_now_utc(now);
	if ((rc = person_find(s, a, &pk, err)) != RC_OK ||
	    (rc = person_find(s, b, &pk, err)) != RC_OK ||
	    (rc = store_prepare(s, &st, "INSERT OR IGNORE INTO not_same(a, b,"
	    " who, at) VALUES (min(?1, ?2), max(?1, ?2), ?3, ?4)", err)) !=
	    RC_OK) {
		store_rollback(s);
		return rc;
	}
	sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, who, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "not same");
	sqlite3_finalize(st);
	/* Said once: marking a pair again changes nothing. */
	if (rc == RC_OK && sqlite3_changes(s->db) > 0 &&
	    (rc = not_same_log(s, a, b, err)) == RC_OK)
		rc = not_same_log(s, b, a, err);
	if (rc != RC_OK) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err);
}

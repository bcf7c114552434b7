#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "avail.h"
#include "date.h"
#include "deploy.h"
#include "deploy_write.h"
#include "filter.h"
#include "person.h"
#include "rest.h"
#include "search.h"
#include "utf8.h"
#include "vocab.h"

const char *
member_status_name(enum member_status s)
{
	return s < MS_N ? vocab_member_statuses.words[s] : "?";
}

int
member_status_parse(const char *text, enum member_status *out)
{
	int i;

	if ((i = vocab_find(&vocab_member_statuses, text)) < 0)
		return 0;
	*out = (enum member_status)i;
	return 1;
}

int
member_status_active(enum member_status s)
{
	return s <= MS_DEPLOYED;
}

/*
 * Text typed on the command line must be what an import would accept, or
 * an export of it would not import again: UTF-8, no control characters.
 */
static int
check_text(const char *what, const char *text, struct error *err)
{
	uint32_t cp;

	if (!utf8_valid(text, strlen(text), NULL))
		return error_set(err, RC_INPUT, "%s: invalid UTF-8", what);
	if (utf8_control(text, 0, &cp) != (size_t)-1)
		return error_set(err, RC_INPUT, "%s: control characters are "
		    "not allowed (U+%04X)", what, (unsigned)cp);
	return RC_OK;
}

int
deploy_name_check(const char *what, const char *name, struct error *err)
{
	char label[64];

	if (name == NULL || name[strspn(name, " ")] == '\0')
		return error_set(err, RC_INPUT, "%s: the name is empty", what);
	snprintf(label, sizeof label, "%s: the name", what);
	return check_text(label, name, err);
}

int
deploy_need_parse(struct store *s, const char *text, int today,
    struct need *out, struct error *err)
{
	struct filter *f;
	const char *colon = strchr(text, ':');
	char *end;
	long n;
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = check_text("need", text, err)) != RC_OK)
		return rc;
	n = strtol(text, &end, 10);
	if (colon == NULL || end != colon || !isdigit((unsigned char)*text) ||
	    n < 1 || n > 1000)
		return error_set(err, RC_INPUT, "need '%s': expected "
		    "COUNT:FILTER with a count from 1 to 1000, as "
		    "2:lang:nl", text);
	if (colon[1] == '\0')
		return error_set(err, RC_INPUT, "need '%s': the filter after "
		    "the count is empty", text);
	if ((rc = filter_compile(s, colon + 1, today, &f, err)) != RC_OK) {
		error_prefix(err, "need '%s'", text);
		return rc;
	}
	out->terms = filter_terms(f);
	filter_free(f);
	out->count = (int)n;
	out->filter = xstrdup(colon + 1);
	return RC_OK;
}

int
deploy_needs_add(const struct need *n, size_t *terms, size_t *bytes,
    struct error *err)
{
	*terms += n->terms;
	*bytes += strlen(n->filter);
	if (*terms > FILTER_MAX_TERMS)
		return error_set(err, RC_INPUT, "the needs have more than %d "
		    "terms in all (at most %d for one deployment)",
		    FILTER_MAX_TERMS, FILTER_MAX_TERMS);
	if (*bytes > FILTER_MAX_BYTES)
		return error_set(err, RC_INPUT, "the needs' filters are longer "
		    "than %d bytes in all (at most %d for one deployment)",
		    FILTER_MAX_BYTES, FILTER_MAX_BYTES);
	return RC_OK;
}

void
deploy_need_free(struct need *n)
{
	free(n->filter);
	n->filter = NULL;
}

void
deploy_window(const struct deployment *d, int *from, int *to)
{
	*from = d->start;
	*to = d->end != DEPLOY_OPEN ? d->end : d->start + DEPLOY_OPEN_DAYS;
	if (*to > DATE_LAST)
		*to = DATE_LAST;
}

int
deploy_window_check(const char *what, int start, int end, struct error *err)
{
	if (end == DEPLOY_OPEN)
		return RC_OK;
	if (end > DATE_LAST)
		return error_set(err, RC_INPUT, "%s: the end would be after "
		    "9999-12-31", what);
	if (end >= start && end - start + 1 > DEPLOY_MAX_DAYS)
		return error_set(err, RC_INPUT, "%s: a deployment lasts at "
		    "most %d days (ten years)", what, DEPLOY_MAX_DAYS);
	return RC_OK;
}

int
deploy_length_parse(const char *text, int *days)
{
	char *unit;
	long n;

	if (!isdigit((unsigned char)text[0]))
		return 0;
	n = strtol(text, &unit, 10);
	if (*unit == '\0' || unit[1] != '\0')
		return 0;
	/* Too long is said by deploy_window_check, whatever the number. */
	if (n > DEPLOY_MAX_DAYS)
		n = DEPLOY_MAX_DAYS + 1;
	if (n < 1 || strchr("dDwW", *unit) == NULL)
		*days = -1;
	else
		*days = (int)n * (*unit == 'w' || *unit == 'W' ? 7 : 1);
	return 1;
}

int
deploy_end_parse(const char *text, int start, int today, int *end)
{
	int days;

	if (!deploy_length_parse(text, &days))
		return filter_date(text, today, end);
	if (days < 1)
		return 0;
	*end = start + days - 1;
	return 1;
}

/* Needs are kept one a line, "N:FILTER", in the deployment's row. */
char *
deploy_needs_text(const struct deployment *d)
{
	struct strbuf b = { 0 };
	size_t i;

	strbuf_adds(&b, "");
	for (i = 0; i < d->nneeds; i++)
		strbuf_addf(&b, "%s%d:%s", i ? "\n" : "", d->needs[i].count,
		    d->needs[i].filter);
	return strbuf_steal(&b);
}

static void
needs_load(struct deployment *d, const char *text)
{
	const char *p = text, *nl;
	struct need *n;

	while (*p != '\0') {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p);
		/* Written by deploy_create or import, so never without a count;
		 * a row edited by hand is skipped rather than misread. */
		if (memchr(p, ':', (size_t)(nl - p)) == NULL) {
			p = *nl != '\0' ? nl + 1 : nl;
			continue;
		}
		d->needs = xrealloc(d->needs, (d->nneeds + 1) *
		    sizeof *d->needs);
		n = &d->needs[d->nneeds++];
		n->count = atoi(p);
		n->filter = xmalloc((size_t)(nl - p) + 1);
		memcpy(n->filter, p, (size_t)(nl - p));
		n->filter[nl - p] = '\0';
		memmove(n->filter, strchr(n->filter, ':') + 1,
		    strlen(strchr(n->filter, ':') + 1) + 1);
		p = *nl != '\0' ? nl + 1 : nl;
	}
}

const char *
deploy_kind(const char *text)
{
	int i = vocab_find(&vocab_deploy_kinds, text);

	return i >= 0 ? vocab_deploy_kinds.words[i] : NULL;
}

int
deploy_create(struct store *s, const struct deployment *d, struct error *err)
{
	char start[DATE_LEN], end[DATE_LEN] = "", *needs, *stored;
	char expected[VOCAB_EXPECTED_LEN];
	struct deploy_row r = { d->name, deploy_kind(d->kind), d->country,
	    start, end, "planning", NULL, NULL, NULL };
	struct deploy_writer *w;
	long long pk;
	int rc;

	if ((rc = deploy_name_check("deploy create", d->name, err)) != RC_OK)
		return rc;
	if (r.kind == NULL)
		return error_set(err, RC_INPUT, "deploy create: unknown kind "
		    "'%s' (expected %s)", d->kind, vocab_expected(
		    &vocab_deploy_kinds, 0, expected, sizeof expected));
	if (d->end != DEPLOY_OPEN && d->end < d->start)
		return error_set(err, RC_INPUT, "deploy create: --end is "
		    "before --start");
	if ((rc = deploy_window_check("deploy create: --end", d->start,
	    d->end, err)) != RC_OK)
		return rc;
	date_format(d->start, start);
	if (d->end != DEPLOY_OPEN)
		date_format(d->end, end);
	if ((rc = deploy_writer_begin(s, &w, err)) != RC_OK)
		return rc;
	rc = deploy_writer_find(w, d->name, &pk, &stored, err);
	if (rc == RC_OK) {
		free(stored);
		rc = error_set(err, RC_REFUSED, "deploy create: a deployment "
		    "named '%s' exists", d->name);
	} else if (rc == RC_REFUSED)
		rc = RC_OK;
	r.needs = needs = deploy_needs_text(d);
	if (rc == RC_OK)
		rc = deploy_writer_put(w, &r, needs, err);
	free(needs);
	return deploy_writer_end(s, w, rc, err);
}

/* The deployment st (bound, not yet stepped) finds, into d; named name
 * when there is none. */
static int
get_row(struct store *s, sqlite3_stmt *st, const char *name,
    struct deployment *d, struct error *err)
{
	const char *end;
	int rc;

	memset(d, 0, sizeof *d);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		if (rc == SQLITE_DONE)
			return error_set(err, RC_REFUSED, "no deployment named "
			    "'%s' (roster deploy list shows them)", name);
		return store_error(s, err, "deploy");
	}
	d->pk = sqlite3_column_int64(st, 0);
	d->name = xstrdup((const char *)sqlite3_column_text(st, 1));
	d->kind = xstrdup((const char *)sqlite3_column_text(st, 2));
	snprintf(d->country, sizeof d->country, "%s",
	    (const char *)sqlite3_column_text(st, 3));
	if (!date_parse((const char *)sqlite3_column_text(st, 4), &d->start))
		d->start = 0;
	end = (const char *)sqlite3_column_text(st, 5);
	if (end == NULL || !date_parse(end, &d->end))
		d->end = DEPLOY_OPEN;
	d->status = xstrdup((const char *)sqlite3_column_text(st, 6));
	needs_load(d, (const char *)sqlite3_column_text(st, 7));
	sqlite3_finalize(st);
	return RC_OK;
}

#define DEPLOY_SELECT "SELECT pk, name, kind, country, start, end, status," \
    " needs FROM deployment WHERE "

int
deploy_get(struct store *s, const char *name, struct deployment *d,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(d, 0, sizeof *d);
	if ((rc = store_prepare(s, &st, DEPLOY_SELECT "name = ? COLLATE NOCASE",
	    err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_TRANSIENT);
	return get_row(s, st, name, d, err);
}

/*
 * d as it is now, read inside the caller's write transaction: what the
 * caller read before it began may have been changed (closed, its dates
 * moved) by another process since, and a check that guards a write is
 * made on what the write will change.
 */
static int
deploy_now(struct store *s, const struct deployment *d,
    struct deployment *now, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(now, 0, sizeof *now);
	if ((rc = store_prepare(s, &st, DEPLOY_SELECT "pk = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, d->pk);
	return get_row(s, st, d->name, now, err);
}

void
deploy_clear(struct deployment *d)
{
	size_t i;

	for (i = 0; i < d->nneeds; i++)
		deploy_need_free(&d->needs[i]);
	free(d->needs);
	free(d->name);
	free(d->kind);
	free(d->status);
	memset(d, 0, sizeof *d);
}

int
deploy_close(struct store *s, const char *name, struct error *err)
{
	struct deploy_writer *w;
	struct deployment d;
	int rc;

	if ((rc = deploy_writer_begin(s, &w, err)) != RC_OK)
		return rc;
	if ((rc = deploy_get(s, name, &d, err)) == RC_OK) {
		rc = deploy_writer_close(w, d.pk, d.name, err);
		deploy_clear(&d);
	}
	return deploy_writer_end(s, w, rc, err);
}

/* The people available over the deployment's window, by the filter
 * language's own rule, so that a warning can never disagree with avail:. */
static int
available(struct store *s, const struct deployment *d, int today,
    struct search_result **out, struct error *err)
{
	char from[DATE_LEN], to[DATE_LEN], text[64];
	int a, z;

	deploy_window(d, &a, &z);
	date_format(a, from);
	date_format(z, to);
	snprintf(text, sizeof text, "avail:%s..%s", from, to);
	return search_text(s, text, today, NULL, out, err);
}

/* Warns that pk is not available over d, saying so when they rest. */
static int
unavailable(struct store *s, const struct deployment *d, long long pk,
    int today, struct strbuf *warn, struct error *err)
{
	char name[256], why[REST_WHY_LEN];
	int a, z, until, rc;

	deploy_window(d, &a, &z);
	if ((rc = rest_until(s, pk, a, z, today, &until, why, err)) != RC_OK)
		return rc;
	strbuf_addf(warn, "%s is not available for the whole of the "
	    "deployment%s%s%s\n", person_name(s, pk, name, sizeof name),
	    *why != '\0' ? " (" : "", why, *why != '\0' ? ")" : "");
	return RC_OK;
}

/* Puts pks on now (read in w's transaction), warning of the unavailable. */
static int
add_in(struct store *s, struct deploy_writer *w, const struct deployment *now,
    const long long *pks, size_t n, const char *role, int today,
    struct strbuf *warn, size_t *added, struct error *err)
{
	struct assignment_row a = { now->pk, 0, now->name, NULL,
	    role != NULL ? role : "", "proposed", NULL };
	struct search_result *avail;
	char id[37];
	size_t i;
	int rc, new;

	if (strcmp(now->status, "closed") == 0)
		return error_set(err, RC_REFUSED, "deployment '%s' is closed",
		    now->name);
	if ((rc = available(s, now, today, &avail, err)) != RC_OK)
		return rc;
	for (i = 0; i < n && rc == RC_OK; i++) {
		a.person = pks[i];
		a.person_id = person_id(s, pks[i], id);
		rc = deploy_writer_assign(w, &a, ASSIGN_NEW_ONLY, &new, err);
		if (rc != RC_OK || !new)
			continue;
		(*added)++;
		if (!search_result_has(avail, pks[i]))
			rc = unavailable(s, now, pks[i], today, warn, err);
	}
	search_result_free(avail);
	return rc;
}

int
deploy_add(struct store *s, const struct deployment *d, const long long *pks,
    size_t n, const char *role, int today, struct strbuf *warn,
    size_t *added, struct error *err)
{
	struct deployment now;
	struct deploy_writer *w;
	int rc;

	*added = 0;
	if (role != NULL && (rc = check_text("deploy add: --role", role, err))
	    != RC_OK)
		return rc;
	if ((rc = deploy_writer_begin(s, &w, err)) != RC_OK)
		return rc;
	if ((rc = deploy_now(s, d, &now, err)) == RC_OK) {
		rc = add_in(s, w, &now, pks, n, role, today, warn, added, err);
		deploy_clear(&now);
	}
	if ((rc = deploy_writer_end(s, w, rc, err)) != RC_OK)
		*added = 0;
	return rc;
}

/* Whether a member may go from one status to another. */
static int
may_move(enum member_status from, enum member_status to)
{
	if (from == MS_RETURNED)
		return 0;
	if (to == MS_RETURNED)
		return from == MS_DEPLOYED;
	if (to == MS_DECLINED)
		return from <= MS_CONFIRMED;
	if (to == MS_WITHDRAWN)
		return from <= MS_DEPLOYED;
	/* Forward along the pipeline, or back into it after an ending. */
	return from == MS_DECLINED || from == MS_WITHDRAWN || to > from;
}

int
deploy_conflict(struct store *s, const struct deployment *d, long long person,
    char **other, struct error *err)
{
	char start[DATE_LEN], end[DATE_LEN];
	sqlite3_stmt *st;
	int rc;

	*other = NULL;
	date_format(d->start, start);
	if (d->end != DEPLOY_OPEN)
		date_format(d->end, end);
	if ((rc = store_prepare(s, &st, "SELECT o.name FROM assignment a JOIN"
	    " deployment o ON o.pk = a.deployment WHERE a.person = ?1 AND"
	    " o.pk <> ?2 AND" AVAIL_BOOKED_SQL("a", "o")
	    " AND (?4 IS NULL OR o.start <= ?4) AND (o.end IS NULL OR o.end >= "
	    "?3) ORDER BY o.start LIMIT 1", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, d->pk);
	sqlite3_bind_text(st, 3, start, -1, SQLITE_TRANSIENT);
	if (d->end != DEPLOY_OPEN)
		sqlite3_bind_text(st, 4, end, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*other = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "deploy");
}

int
deploy_set_in(struct store *s, struct deploy_writer *w,
    const struct deployment *d, long long person, enum member_status to,
    int force, const char *note, struct error *err)
{
	sqlite3_stmt *st;
	enum member_status from = MS_PROPOSED;
	char id[37], name[256], fields[256], *other = NULL;
	long long apk = 0;
	int rc;

	person_id(s, person, id);
	person_name(s, person, name, sizeof name);
	rc = store_prepare(s, &st, "SELECT pk, status FROM assignment WHERE "
	    "deployment = ? AND person = ?", err);
	if (rc == RC_OK) {
		sqlite3_bind_int64(st, 1, d->pk);
		sqlite3_bind_int64(st, 2, person);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			apk = sqlite3_column_int64(st, 0);
			member_status_parse((const char *)
			    sqlite3_column_text(st, 1), &from);
			rc = RC_OK;
		} else if (rc == SQLITE_DONE)
			rc = error_set(err, RC_REFUSED, "%s is not on the list "
			    "of '%s' (roster deploy add puts them there)", name,
			    d->name);
		else
			rc = store_error(s, err, "deploy");
		sqlite3_finalize(st);
	}
	/* Already so: nothing to write, nothing to record. */
	if (rc == RC_OK && from == to)
		return RC_OK;
	if (rc == RC_OK && !may_move(from, to))
		rc = error_set(err, RC_REFUSED, "%s is %s on '%s': cannot "
		    "become %s", name, member_status_name(from), d->name,
		    member_status_name(to));
	if (rc == RC_OK && (to == MS_CONFIRMED || to == MS_DEPLOYED) &&
	    (rc = deploy_conflict(s, d, person, &other, err)) == RC_OK &&
	    other != NULL && !force)
		rc = error_set(err, RC_REFUSED, "%s is already confirmed or "
		    "deployed on '%s', whose dates overlap '%s' (--force to "
		    "book them anyway)", name, other, d->name);
	if (rc == RC_OK) {
		snprintf(fields, sizeof fields, "person=%s status=%s%s%s", id,
		    member_status_name(to), other != NULL ? " forced" : "",
		    note != NULL ? note : "");
		rc = deploy_writer_set(w, apk, d->name, member_status_name(to),
		    fields, err);
	}
	free(other);
	return rc;
}

int
deploy_set(struct store *s, const struct deployment *d, long long person,
    enum member_status to, int force, struct error *err)
{
	struct deploy_writer *w;
	struct deployment now;
	int rc;

	if ((rc = deploy_writer_begin(s, &w, err)) != RC_OK)
		return rc;
	if ((rc = deploy_now(s, d, &now, err)) == RC_OK) {
		rc = deploy_set_in(s, w, &now, person, to, force, NULL, err);
		deploy_clear(&now);
	}
	return deploy_writer_end(s, w, rc, err);
}

int
deploy_remove(struct store *s, const struct deployment *d, long long person,
    struct error *err)
{
	struct deploy_writer *w;
	char id[37], name[256];
	int rc;

	if ((rc = deploy_writer_begin(s, &w, err)) != RC_OK)
		return rc;
	person_id(s, person, id);
	rc = deploy_writer_remove(w, d->pk, person, d->name, id, err);
	/* The writer speaks in ids, for the audit; a person reads names. */
	if (rc == RC_REFUSED)
		error_set(err, rc, "%s is not on the list of '%s'",
		    person_name(s, person, name, sizeof name), d->name);
	return deploy_writer_end(s, w, rc, err);
}

void
deploy_member_bind(sqlite3_stmt *st, const struct deployment *d, int today)
{
	char through[DATE_LEN], now[DATE_LEN];
	int from, to;

	deploy_window(d, &from, &to);
	date_format(to, through);
	date_format(today, now);
	sqlite3_bind_int64(st, 1, d->pk);
	sqlite3_bind_text(st, 2, through, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, now, -1, SQLITE_TRANSIENT);
}

int
deploy_members(struct store *s, const struct deployment *d, int today,
    struct member **out, size_t *n, struct error *err)
{
	sqlite3_stmt *st;
	struct member *m;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_prepare(s, &st, "SELECT p.pk, p.id, p.family_name,"
	    " p.given_name, p.agency, p.phone, p.email,"
	    " " PERSON_LANGUAGES("p.pk", "l.name") ","
	    " a.role, a.status, " DEPLOY_STATUS_AT ","
	    " coalesce((SELECT group_concat(status || ' ' || at, ', ') FROM"
	    " (SELECT status, at FROM assignment_history WHERE"
	    " assignment = a.pk ORDER BY rowid)), ''), " DEPLOY_READY_SQL
	    ", p.status = 'left'" DEPLOY_MEMBER_ROWS, err)) != RC_OK)
		return rc;
	deploy_member_bind(st, d, today);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		m = &(*out)[(*n)++];
		memset(m, 0, sizeof *m);
		m->person = sqlite3_column_int64(st, 0);
		snprintf(m->id, sizeof m->id, "%s", sqlite3_column_text(st, 1));
		m->family_name = store_text(st, 2);
		m->given_name = store_text(st, 3);
		m->agency = store_text(st, 4);
		m->phone = store_text(st, 5);
		m->email = store_text(st, 6);
		m->languages = store_text(st, 7);
		m->role = store_text(st, 8);
		member_status_parse((const char *)sqlite3_column_text(st, 9),
		    &m->status);
		snprintf(m->since, sizeof m->since, "%s",
		    sqlite3_column_text(st, 10));
		m->history = store_text(st, 11);
		m->ready = store_text(st, 12);
		m->left = sqlite3_column_int(st, 13);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return RC_OK;
	deploy_members_free(*out, *n);
	*out = NULL;
	*n = 0;
	return store_error(s, err, "deploy");
}

void
deploy_members_free(struct member *m, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(m[i].family_name);
		free(m[i].given_name);
		free(m[i].agency);
		free(m[i].phone);
		free(m[i].email);
		free(m[i].languages);
		free(m[i].role);
		free(m[i].history);
		free(m[i].ready);
	}
	free(m);
}

int
deploy_left_out(struct store *s, const struct deployment *d, long long *n,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, &st, "SELECT count(*) FROM assignment a"
	    " JOIN person p ON p.pk = a.person WHERE a.deployment = ? AND"
	    PERSON_LEFT_OUT_SQL("p"), err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, d->pk);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? RC_OK : store_error(s, err, "deploy");
}

size_t
deploy_members_active(const struct member *m, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += member_status_active(m[i].status);
	return k;
}

int
deploy_coverage(struct store *s, const struct deployment *d, int today,
    struct coverage **out, struct error *err)
{
	struct search_result *r;
	struct member *m;
	size_t nm, i, j;
	int rc;

	*out = xcalloc(d->nneeds > 0 ? d->nneeds : 1, sizeof **out);
	if ((rc = deploy_members(s, d, today, &m, &nm, err)) != RC_OK) {
		free(*out);
		*out = NULL;
		return rc;
	}
	for (i = 0; i < d->nneeds && rc == RC_OK; i++) {
		(*out)[i].want = d->needs[i].count;
		if ((rc = search_text(s, d->needs[i].filter, today, NULL, &r,
		    err)) != RC_OK)
			break;
		for (j = 0; j < nm; j++)
			if (member_status_active(m[j].status) &&
			    search_result_has(r, m[j].person)) {
				(*out)[i].have++;
				(*out)[i].firm += m[j].status == MS_CONFIRMED ||
				    m[j].status == MS_DEPLOYED;
			}
		search_result_free(r);
	}
	deploy_members_free(m, nm);
	if (rc != RC_OK) {
		free(*out);
		*out = NULL;
	}
	return rc;
}

int
deploy_names(struct store *s, char ***names, size_t *n, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*names = NULL;
	*n = 0;
	if ((rc = store_prepare(s, &st, "SELECT name FROM deployment ORDER BY"
	    " start DESC, name", err)) != RC_OK)
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*names = xrealloc(*names, (*n + 1) * sizeof **names);
		(*names)[(*n)++] = store_text(st, 0);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return RC_OK;
	strv_free(*names, *n);
	*names = NULL;
	*n = 0;
	return store_error(s, err, "deploy");
}

int
deploy_summaries(struct store *s, int today, struct deploy_summary **out,
    size_t *n, struct error *err)
{
	struct deploy_summary *sum;
	struct coverage *cov;
	struct member *m;
	char **names;
	size_t nnames, nm, i, j;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = deploy_names(s, &names, &nnames, err)) != RC_OK)
		return rc;
	*out = xcalloc(nnames > 0 ? nnames : 1, sizeof **out);
	for (i = 0; i < nnames && rc == RC_OK; i++) {
		sum = &(*out)[i];
		if ((rc = deploy_get(s, names[i], &sum->d, err)) != RC_OK)
			break;
		(*n)++;
		if ((rc = deploy_members(s, &sum->d, today, &m, &nm, err)) != RC_OK)
			break;
		sum->active = deploy_members_active(m, nm);
		deploy_members_free(m, nm);
		if ((rc = deploy_coverage(s, &sum->d, today, &cov, err))
		    != RC_OK)
			break;
		for (j = 0; j < sum->d.nneeds; j++)
			sum->open += cov[j].have < cov[j].want;
		free(cov);
	}
	strv_free(names, nnames);
	if (rc != RC_OK) {
		deploy_summaries_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

void
deploy_summaries_free(struct deploy_summary *sum, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		deploy_clear(&sum[i].d);
	free(sum);
}

/*
 * merge_person_put.c - writing a staged record as a person here, through
 * the person writer (person.h), so that the words index and the audit
 * see it as they see an import; then the record's own times and origin.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge_int.h"
#include "refdata.h"
#include "strbuf.h"

/* A staged person as struct person: the strings point into rec and buf. */
struct staged {
	struct person	 p;
	char		*lists[3];	/* languages, themes, skills: split */
};

static const char service_sql[] = "SELECT mission, country, start,"
    " coalesce(end, ''), coalesce(role, ''), coalesce(themes, '')"
    " FROM x_service WHERE person = ? ORDER BY mission, start";
static const char window_sql[] = "SELECT start, coalesce(end, ''),"
    " coalesce(reason, '') FROM x_window WHERE person = ? ORDER BY start";

static int
bad(const char *field, const char *value, struct error *err)
{
	/* merge_person_put puts the person's name in front. */
	return error_set(err, RC_INPUT, "%s '%.40s' is not valid; nothing was "
	    "changed", field, value);
}

/* A date of the stage: none, or a real one as YYYY-MM-DD (the stage's
 * tables check nothing, and the pool's check no dates). */
static int
date_copy(char out[DATE_LEN], const char *field,
    const char *v, struct error *err)
{
	int day;

	if (*v != '\0' && !date_parse(v, &day))
		return bad(field, v, err);
	snprintf(out, DATE_LEN, "%s", v);
	return RC_OK;
}

/* Splits s (changed in place) at ';' into up to PERSON_MAX_LIST items. */
static int
split(char *s, const char **items, size_t *n)
{
	char *next;

	for (*n = 0; s != NULL && *s != '\0'; s = next) {
		if ((next = strchr(s, ';')) != NULL)
			*next++ = '\0';
		if (*n == PERSON_MAX_LIST)
			return -1;
		items[(*n)++] = s;
	}
	return 0;
}

static int
langs(struct staged *x, const char *text, struct error *err)
{
	const char *items[PERSON_MAX_LIST];
	const char *colon;
	size_t i, n;

	if (split(x->lists[0], items, &n) == -1)
		return bad("languages", text, err);
	for (i = 0; i < n; i++) {
		colon = strchr(items[i], ':');
		if (colon == NULL || colon - items[i] != 2 ||
		    (x->p.langs[i].level = refdata_level(colon + 1)) == 0)
			return bad("languages", items[i], err);
		memcpy(x->p.langs[i].code, items[i], 2);
		x->p.langs[i].code[2] = '\0';
	}
	x->p.nlangs = n;
	return RC_OK;
}

static int
staged_make(struct staged *x, const char *kept, const struct merge_record *r,
    struct error *err)
{
	const char *const *v = (const char *const *)r->v;
	struct person *p = &x->p;
	int rc;

	memset(x, 0, sizeof *x);
	snprintf(p->id, sizeof p->id, "%s", kept);
	p->family_name = v[PF_FAMILY_NAME];
	p->given_name = v[PF_GIVEN_NAME];
	p->agency = v[PF_AGENCY];
	p->rank = v[PF_RANK];
	p->gender = v[PF_GENDER];
	p->email = v[PF_EMAIL];
	p->phone = v[PF_PHONE];
	p->status = v[PF_STATUS];
	p->notes = v[PF_NOTES];
	p->dnc = v[PF_DNC];
	p->notice_days = atoi(v[PF_NOTICE_DAYS]);
	x->lists[0] = xstrdup(v[PF_LANGUAGES]);
	x->lists[1] = xstrdup(v[PF_THEMES]);
	x->lists[2] = xstrdup(v[PF_SKILLS]);
	if ((rc = date_copy(p->passport_expiry, "passport_expiry",
	    v[PF_PASSPORT_EXPIRY], err)) != RC_OK ||
	    (rc = date_copy(p->medical_expiry, "medical_expiry",
	    v[PF_MEDICAL_EXPIRY], err)) != RC_OK ||
	    (rc = date_copy(p->heat_expiry, "heat_expiry",
	    v[PF_HEAT_EXPIRY], err)) != RC_OK ||
	    (rc = date_copy(p->dnc_until, "dnc_until", v[PF_DNC_UNTIL],
	    err)) != RC_OK || (rc = date_copy(p->reviewed, "reviewed",
	    v[PF_REVIEWED], err)) != RC_OK ||
	    (rc = langs(x, v[PF_LANGUAGES], err)) != RC_OK)
		return rc;
	if (split(x->lists[1], p->themes, &p->nthemes) == -1)
		return bad("themes", v[PF_THEMES], err);
	if (split(x->lists[2], p->skills, &p->nskills) == -1)
		return bad("skills", v[PF_SKILLS], err);
	return RC_OK;
}

static void
staged_free(struct staged *x)
{
	int i;

	for (i = 0; i < 3; i++)
		free(x->lists[i]);
}

/* The staged missions of id, each written (audited) unless stored so. */
static int
services_put(struct merger *m, const char *id, long long pk,
    struct error *err)
{
	struct service sv;
	sqlite3_stmt *st;
	char *themes;
	int rc, step = SQLITE_DONE;

	if ((rc = merge_cached(m, m->stage, &st, service_sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (rc == RC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&sv, 0, sizeof sv);
		sv.mission = merge_col(st, 0);
		snprintf(sv.country, sizeof sv.country, "%s", merge_col(st, 1));
		themes = xstrdup(merge_col(st, 5));
		if (date_copy(sv.start, "mission start", merge_col(st, 2),
		    err) != RC_OK || date_copy(sv.end, "mission end",
		    merge_col(st, 3), err) != RC_OK ||
		    split(themes, sv.themes, &sv.nthemes) == -1)
			rc = bad("mission", sv.mission, err);
		sv.role = merge_col(st, 4);
		if (rc == RC_OK)
			rc = service_put(m->pw, pk, &sv, err);
		free(themes);
	}
	if (rc == RC_OK && step != SQLITE_DONE)
		rc = merge_stage_error(m, err);
	sqlite3_reset(st);
	return rc;
}

static int
windows_put(struct merger *m, const char *id, long long pk,
    struct error *err)
{
	struct unavail u;
	sqlite3_stmt *st;
	int rc, step = SQLITE_DONE;

	if ((rc = merge_cached(m, m->stage, &st, window_sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while (rc == RC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&u, 0, sizeof u);
		u.reason = merge_col(st, 2);
		if ((rc = date_copy(u.start, "from", merge_col(st, 0),
		    err)) == RC_OK && (rc = date_copy(u.end, "to",
		    merge_col(st, 1), err)) == RC_OK)
			rc = unavail_put(m->pw, pk, &u, err);
	}
	if (rc == RC_OK && step != SQLITE_DONE)
		rc = merge_stage_error(m, err);
	sqlite3_reset(st);
	return rc;
}

/*
 * The missions and windows of person pk the staged record of id does not
 * have, removed (audited); keys are read first, then removed.
 */
static int
items_drop(struct merger *m, const char *id, long long pk, int windows,
    struct error *err)
{
	static const char *const here[] = {
		"SELECT m.name, s.start FROM service s JOIN mission m"
		    " ON m.pk = s.mission WHERE s.person = ?",
		"SELECT '', start FROM unavailability WHERE person = ?",
	};
	static const char *const there[] = {
		"SELECT 1 FROM x_service WHERE person = ?1 AND mission = ?2"
		    " AND start = ?3",
		"SELECT 1 FROM x_window WHERE person = ?1 AND start = ?3",
	};
	sqlite3_stmt *st, *q;
	char **gone = NULL;
	size_t n = 0, i;
	int rc, found;

	if ((rc = store_prepare(m->s, &st, here[windows], err)) != RC_OK)
		return rc;
	if ((rc = merge_stage_prepare(m, &q, there[windows], err)) != RC_OK) {
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_bind_int64(st, 1, pk);
	sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (!windows)
			sqlite3_bind_text(q, 2, merge_col(st, 0), -1,
			    SQLITE_STATIC);
		sqlite3_bind_text(q, 3, merge_col(st, 1), -1, SQLITE_STATIC);
		found = sqlite3_step(q) == SQLITE_ROW;
		sqlite3_reset(q);
		if (found)
			continue;
		gone = xrealloc(gone, (n + 2) * sizeof *gone);
		gone[n++] = xstrdup(merge_col(st, 0));
		gone[n++] = xstrdup(merge_col(st, 1));
	}
	sqlite3_finalize(st);
	sqlite3_finalize(q);
	for (i = 0; i < n && rc == RC_OK; i += 2)
		rc = windows ? unavail_remove(m->pw, pk, gone[i + 1], err) :
		    service_remove(m->pw, pk, gone[i], gone[i + 1], err);
	strv_free(gone, n);
	return rc;
}

/* The record's times (a new person's created too), not the merge's. */
static int
times_put(struct merger *m, long long pk, const struct merge_record *rec,
    int new, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = merge_cached(m, m->s->db, &st, "UPDATE person SET"
	    " created = coalesce(nullif(?2, ''), created),"
	    " updated = coalesce(nullif(?3, ''), updated) WHERE pk = ?1",
	    err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	sqlite3_bind_text(st, 2, new ? rec->created : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, rec->updated, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return store_error(m->s, err, "person");
	return RC_OK;
}

int
merge_person_put(struct merger *m, const char *id, const char *kept,
    const struct merge_record *rec, const char *origin, long long *pk,
    struct error *err)
{
	struct staged x;
	int rc, exists = *pk != 0;

	if ((rc = staged_make(&x, kept, rec, err)) == RC_OK) {
		x.p.origin = origin;
		rc = person_put(m->pw, &x.p, pk, NULL, err);
	}
	if (rc == RC_OK && exists &&
	    (rc = items_drop(m, id, *pk, 0, err)) == RC_OK)
		rc = items_drop(m, id, *pk, 1, err);
	if (rc == RC_OK && (rc = services_put(m, id, *pk, err)) == RC_OK &&
	    (rc = windows_put(m, id, *pk, err)) == RC_OK)
		rc = times_put(m, *pk, rec, !exists, err);
	staged_free(&x);
	if (rc == RC_INPUT)
		error_prefix(err, "%s %s (%.8s)", rec->v[PF_GIVEN_NAME],
		    rec->v[PF_FAMILY_NAME], id);
	return rc;
}

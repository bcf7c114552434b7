/*
 * Saving a person's record (edit.h): the whole record checked, then one
 * transaction that first compares the version with the one loaded, then
 * writes the person through person_put and only the missions and windows
 * that differ from the stored ones (person.h audits each, with old and
 * new values).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dupe.h"
#include "edit.h"
#include "edit_int.h"
#include "fts.h"

/* One save: the writer, whose person, and whether a list changed. */
struct saver {
	struct store		*s;
	struct person_writer	*w;
	long long		 pk;
	int			 changed;
};

/* Each value as its normal spelling, parsed into row; messages name the
 * field. */
static int
save_check(struct store *s, struct edit_record *r, struct edit_row *row,
    struct error *err)
{
	struct person *p = &row->p;
	struct strbuf v = { 0 };
	struct error e;
	int f, rc = RC_OK;

	for (f = 0; f < EF_N && rc == RC_OK; f++) {
		strbuf_reset(&v);
		if ((rc = edit_check_field(s, f, r->value[f], row, &v, err))
		    != RC_OK)
			error_prefix(err, "%s", edit_field_names[f]);
		else if (strcmp(strbuf_str(&v), r->value[f]) != 0)
			edit_set(s, r, f, r->value[f], &e);
	}
	strbuf_free(&v);
	if (rc != RC_OK)
		return rc;
	if (*r->value[EF_GIVEN_NAME] == '\0')
		return error_set(err, RC_INPUT, "given_name: missing given "
		    "name");
	if (*r->value[EF_DNC_UNTIL] != '\0' && *r->value[EF_DNC] == '\0')
		return error_set(err, RC_INPUT, "dnc_until: %s without a "
		    "reason in dnc (expected dnc to be leave, illness, "
		    "personal or other)", r->value[EF_DNC_UNTIL]);
	snprintf(p->id, sizeof p->id, "%s", r->id);
	p->version = r->version;
	p->family_name = r->value[EF_FAMILY_NAME];
	p->given_name = r->value[EF_GIVEN_NAME];
	p->agency = r->value[EF_AGENCY];
	p->rank = r->value[EF_RANK];
	p->gender = r->value[EF_GENDER];
	p->email = r->value[EF_EMAIL];
	p->phone = r->value[EF_PHONE];
	p->status = r->value[EF_STATUS];
	p->notice_days = atoi(r->value[EF_NOTICE_DAYS]);
	snprintf(p->passport_expiry, DATE_LEN, "%s",
	    r->value[EF_PASSPORT_EXPIRY]);
	snprintf(p->medical_expiry, DATE_LEN, "%s",
	    r->value[EF_MEDICAL_EXPIRY]);
	snprintf(p->heat_expiry, DATE_LEN, "%s", r->value[EF_HEAT_EXPIRY]);
	p->notes = r->value[EF_NOTES];
	p->dnc = r->value[EF_DNC];
	snprintf(p->dnc_until, DATE_LEN, "%s", r->value[EF_DNC_UNTIL]);
	snprintf(p->reviewed, DATE_LEN, "%s", r->value[EF_REVIEWED]);
	return RC_OK;
}

static int
mission_put(struct saver *sv, const char *const *v, struct error *err)
{
	char themes[CELL_LIST_MAX], *t;
	struct service svc;

	memset(&svc, 0, sizeof svc);
	svc.mission = v[0];
	snprintf(svc.country, sizeof svc.country, "%s", v[1]);
	snprintf(svc.start, sizeof svc.start, "%s", v[2]);
	snprintf(svc.end, sizeof svc.end, "%s", v[3]);
	svc.role = v[4];
	/* Checked and spelt normally when it was added: only split here. */
	snprintf(themes, sizeof themes, "%s", v[5]);
	for (t = strtok(themes, ";"); t != NULL &&
	    svc.nthemes < PERSON_MAX_LIST; t = strtok(NULL, ";"))
		svc.themes[svc.nthemes++] = t;
	return service_put(sv->w, sv->pk, &svc, err);
}

static int
window_put(struct saver *sv, const char *const *v, struct error *err)
{
	struct unavail u;

	snprintf(u.start, sizeof u.start, "%s", v[0]);
	snprintf(u.end, sizeof u.end, "%s", v[1]);
	u.reason = v[2];
	return unavail_put(sv->w, sv->pk, &u, err);
}

/* Whether two items have the same key: a mission's name and start, a
 * window's start. */
static int
same_key(int mission, const char *const *a, const char *const *b)
{
	return strcmp(a[mission ? 2 : 0], b[mission ? 2 : 0]) == 0 &&
	    (!mission || strcmp(a[0], b[0]) == 0);
}

static void
item_values(int mission, const struct edit_record *r, size_t i,
    const char **v)
{
	if (mission)
		edit_mission_values(&r->missions[i], v);
	else
		edit_window_values(&r->windows[i], v);
}

/*
 * Writes the missions (or windows) of r that are not in old, or differ,
 * and removes those of old that r no longer has.
 */
static int
save_items(struct saver *sv, int mission, const struct edit_record *old,
    const struct edit_record *r, struct error *err)
{
	size_t n = mission ? MISSION_NFIELDS : WINDOW_NFIELDS, i, j, k;
	size_t nold = old == NULL ? 0 : mission ? old->nmissions :
	    old->nwindows, nnew = mission ? r->nmissions : r->nwindows;
	const char *o[MISSION_NFIELDS], *v[MISSION_NFIELDS];
	int rc = RC_OK;

	for (i = 0; i < nold && rc == RC_OK; i++) {
		item_values(mission, old, i, o);
		for (j = 0; j < nnew; j++) {
			item_values(mission, r, j, v);
			if (same_key(mission, o, v))
				break;
		}
		if (j < nnew)
			continue;
		rc = mission ? service_remove(sv->w, sv->pk, o[0], o[2], err) :
		    unavail_remove(sv->w, sv->pk, o[0], err);
		sv->changed = 1;
	}
	for (j = 0; j < nnew && rc == RC_OK; j++) {
		item_values(mission, r, j, v);
		for (i = 0; i < nold; i++) {
			item_values(mission, old, i, o);
			if (same_key(mission, o, v))
				break;
		}
		for (k = 0; i < nold && k < n && strcmp(o[k], v[k]) == 0; k++)
			;
		if (k == n)
			continue;	/* as stored */
		rc = mission ? mission_put(sv, v, err) : window_put(sv, v, err);
		sv->changed = 1;
	}
	return rc;
}

/* A change to the lists alone is a new version of the person too. */
static int
bump_version(struct saver *sv, struct error *err)
{
	static const char sql[] = "UPDATE person SET version = version + 1,"
	    " updated = ?2 WHERE pk = ?1";
	sqlite3_stmt *st;
	char now[21];
	int rc;

	date_now_utc(now);
	if ((rc = store_cached(sv->s, &st, sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, sv->pk);
	sqlite3_bind_text(st, 2, now, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? RC_OK : store_error(sv->s, err, "person");
}

/* The saved record's id and version, as stored now. */
static int
reread(struct store *s, struct edit_record *r, long long pk,
    struct error *err)
{
	static const char sql[] = "SELECT id, version FROM person WHERE pk = ?";
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_cached(s, &st, sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(r->id, sizeof r->id, "%s", sqlite3_column_text(st, 0));
		r->pk = pk;
		r->version = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? RC_OK : store_error(s, err, "person");
}

/* In the transaction: the person as stored, who must be as loaded. */
static int
save_base(struct store *s, const struct edit_record *r,
    struct edit_record **now, struct error *err)
{
	int rc;

	*now = NULL;
	if (r->pk == 0)
		return RC_OK;
	/* Erased meanwhile, their row number perhaps given to someone
	 * new since (SQLite reuses the last): the id tells. */
	if ((rc = edit_load(s, r->pk, now, err)) == RC_REFUSED ||
	    (rc == RC_OK && strcmp((*now)->id, r->id) != 0)) {
		edit_free(*now);
		*now = NULL;
		return error_set(err, RC_REFUSED, "%s %s is no longer in the "
		    "pool", r->value[EF_GIVEN_NAME], r->value[EF_FAMILY_NAME]);
	}
	if (rc == RC_OK && (*now)->version != r->version)
		return error_set(err, RC_REFUSED, "%s %s was changed by "
		    "someone else meanwhile", (*now)->value[EF_GIVEN_NAME],
		    (*now)->value[EF_FAMILY_NAME]);
	return rc;
}

static int
save_all(struct saver *sv, struct edit_row *row, struct edit_record *r,
    const struct edit_record *now, struct error *err)
{
	struct person_change change;
	int rc;

	if ((rc = person_writer_new(sv->s, WRITER_AUDIT, &sv->w, err))
	    != RC_OK)
		return rc;
	if ((rc = person_put(sv->w, &row->p, &sv->pk, &change, err))
	    != RC_OK)
		return rc;
	if ((rc = save_items(sv, 1, now, r, err)) != RC_OK ||
	    (rc = save_items(sv, 0, now, r, err)) != RC_OK)
		return rc;
	if (sv->changed && change.outcome == PERSON_UNCHANGED &&
	    (rc = bump_version(sv, err)) != RC_OK)
		return rc;
	return fts_refresh(sv->s, 0, err);
}

int
edit_save(struct store *s, struct edit_record *r,
    struct edit_record **theirs, struct error *err)
{
	struct edit_row *row = xcalloc(1, sizeof *row);
	struct saver sv = { s, NULL, r->pk, 0 };
	struct edit_record *now = NULL;
	int rc;

	if (theirs != NULL)
		*theirs = NULL;
	if ((rc = save_check(s, r, row, err)) != RC_OK ||
	    (rc = store_begin(s, err)) != RC_OK)
		goto out;
	if ((rc = save_base(s, r, &now, err)) == RC_OK)
		rc = save_all(&sv, row, r, now, err);
	if (rc == RC_OK)
		rc = store_commit(s, err);
	else
		store_rollback(s);
	if (rc == RC_OK)
		rc = reread(s, r, sv.pk, err);
	else if (rc == RC_REFUSED && theirs != NULL) {
		/* As read under the write lock: the change that won. */
		*theirs = now;
		now = NULL;
	}
out:
	person_writer_free(sv.w);
	edit_free(now);
	free(row);
	return rc;
}

int
edit_save_within(struct store *s, struct edit_record *r, struct error *err)
{
	struct edit_row *row = xcalloc(1, sizeof *row);
	struct saver sv = { s, NULL, r->pk, 0 };
	struct edit_record *now = NULL;
	int rc;

	if ((rc = save_check(s, r, row, err)) == RC_OK &&
	    (rc = save_base(s, r, &now, err)) == RC_OK &&
	    (rc = save_all(&sv, row, r, now, err)) == RC_OK)
		rc = reread(s, r, sv.pk, err);
	person_writer_free(sv.w);
	edit_free(now);
	free(row);
	return rc;
}

int
edit_duplicate(struct store *s, const struct edit_record *r, char *msg,
    size_t len, struct error *err)
{
	struct dupe_finder *f = NULL;
	struct dupe_match m;
	struct person p;
	int found = 0, rc;

	msg[0] = '\0';
	if (r->pk != 0)
		return RC_OK;
	memset(&p, 0, sizeof p);
	p.family_name = r->value[EF_FAMILY_NAME];
	p.given_name = r->value[EF_GIVEN_NAME];
	p.email = r->value[EF_EMAIL];
	p.phone = r->value[EF_PHONE];
	/* The finder reads where import met people; none outside one. */
	if ((rc = store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS seen(id TEXT "
	    "PRIMARY KEY COLLATE NOCASE, at TEXT)", err)) == RC_OK &&
	    (rc = dupe_finder_new(s, &f, err)) == RC_OK &&
	    (rc = dupe_find(f, &p, &found, &m, err)) == RC_OK && found)
		snprintf(msg, len, "%s %s is probably %s (%.8s), already in "
		    "the pool (same name and %s)", p.given_name, p.family_name,
		    m.name, m.id, m.by);
	dupe_finder_free(f);
	return rc;
}

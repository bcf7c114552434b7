/*
 * merge_people.c - staged people met with this pool's: the same id (or
 * alias) is the same person, an identical record writes nothing, else the
 * later updated wins as a whole and the losing values go to the audit
 * (and are listed as conflicts when both sides changed since the pools
 * last met); a new id is added, one erased here is not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alias.h"
#include "audit.h"
#include "erase.h"
#include "merge_int.h"
#include "strbuf.h"

/* The record's values, in enum person_field's order and then the lists. */
#define FIELDS(p, date)							\
	p "family_name, " p "given_name, " p "agency, " p "rank, "	\
	p "gender, " p "email, " p "phone, " p "status, "		\
	"coalesce(" p "notice_days, 0), " date("passport_expiry") ", "	\
	date("medical_expiry") ", " date("heat_expiry") ", " p "notes, "
#define TEXT(col)	"coalesce(" col ", '')"
#define STAGE_DATE(col)	"coalesce(x." col ", '')"
#define HERE_DATE(col)	"coalesce(p." col ", '')"

/* A staged person: id, the values, updated, created, origin. */
static const char stage_sql[] =
    "SELECT x.id, " FIELDS("x.", STAGE_DATE)
    TEXT("x.languages") ", " TEXT("x.themes") ", " TEXT("x.skills") ", "
    TEXT("x.dnc") ", " STAGE_DATE("dnc_until") ", " STAGE_DATE("reviewed") ","
    " coalesce((SELECT group_concat(line, '; ') FROM (SELECT mission || ' '"
    " || country || ' ' || start || '..' || coalesce(end, '') || ' ' ||"
    " coalesce(role, '') || ' ' || coalesce(themes, '') AS line"
    " FROM x_service WHERE person = x.id ORDER BY mission, start)), ''),"
    " coalesce((SELECT group_concat(line, '; ') FROM (SELECT start || '..'"
    " || coalesce(end, '') || ' ' || coalesce(reason, '') AS line"
    " FROM x_window WHERE person = x.id ORDER BY start)), ''), "
    TEXT("x.updated") ", " TEXT("x.created") ", " TEXT("x.origin")
    " FROM x_person x ORDER BY x.rowid";

/* The same of a person here, by pk. */
static const char here_sql[] =
    "SELECT p.id, " FIELDS("p.", HERE_DATE)
    PERSON_LANGS_SQL("p.pk") ", "
    PERSON_SLUGS_SQL("person_theme", "person", "p.pk") ", "
    PERSON_SLUGS_SQL("person_skill", "person", "p.pk") ", p.dnc, "
    HERE_DATE("dnc_until") ", " HERE_DATE("reviewed") ","
    " coalesce((SELECT group_concat(line, '; ') FROM (SELECT m.name || ' '"
    " || s.country || ' ' || s.start || '..' || coalesce(s.end, '') || ' '"
    " || s.role || ' ' || "
    PERSON_SLUGS_SQL("service_theme", "service", "s.pk") " AS line"
    " FROM service s JOIN mission m ON m.pk = s.mission"
    " WHERE s.person = p.pk ORDER BY m.name, s.start)), ''),"
    " coalesce((SELECT group_concat(line, '; ') FROM (SELECT start || '..'"
    " || coalesce(end, '') || ' ' || reason AS line FROM unavailability"
    " WHERE person = p.pk ORDER BY start)), ''), "
    TEXT("p.updated") ", " TEXT("p.created") ", p.origin"
    " FROM person p WHERE p.pk = ?";

const char *
merge_value_name(int i)
{
	if (i == MERGE_MISSIONS)
		return "missions";
	if (i == MERGE_WINDOWS)
		return "unavailability";
	return person_field_name((enum person_field)i);
}

void
merge_record_free(struct merge_record *rec)
{
	int i;

	for (i = 0; i < MERGE_NVALUES; i++)
		free(rec->v[i]);
	free(rec->updated);
	free(rec->created);
	free(rec->origin);
	memset(rec, 0, sizeof *rec);
}

/* A row of stage_sql or here_sql, from column 1 on. */
static void
record_read(sqlite3_stmt *st, struct merge_record *rec)
{
	int i;

	for (i = 0; i < MERGE_NVALUES; i++)
		rec->v[i] = xstrdup(merge_col(st, i + 1));
	rec->updated = xstrdup(merge_col(st, MERGE_NVALUES + 1));
	rec->created = xstrdup(merge_col(st, MERGE_NVALUES + 2));
	rec->origin = xstrdup(merge_col(st, MERGE_NVALUES + 3));
}

static int
here_read(struct merger *m, long long pk, struct merge_record *rec,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = merge_cached(m, m->s->db, &st, here_sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		record_read(st, rec);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_error(m->s, err, "person");
	return RC_OK;
}

/* Bits of the values that differ. */
static unsigned
differ(const struct merge_record *a, const struct merge_record *b)
{
	unsigned d = 0;
	int i;

	for (i = 0; i < MERGE_NVALUES; i++)
		if (strcmp(a->v[i], b->v[i]) != 0)
			d |= 1u << i;
	return d;
}

/*
 * Whether the staged record wins: the later (merge_later), and between
 * two that cannot be told apart the greater text, so that both pools
 * choose alike.
 */
static int
stage_wins(int here, const struct merge_record *ours,
    const struct merge_record *theirs)
{
	int c, i;

	if ((c = merge_later(here, ours->updated, theirs->updated)) != 0)
		return c > 0;
	for (i = 0; i < MERGE_NVALUES; i++)
		if ((c = strcmp(theirs->v[i], ours->v[i])) != 0)
			return c > 0;
	return 0;
}

/* The staged values that lost, in the audit: old is what lost. */
static int
audit_lost(struct merger *m, const char *id, const struct merge_record *kept,
    const struct merge_record *lost, unsigned d, struct error *err)
{
	struct audit_change changes[MERGE_NVALUES];
	struct audit_entry e = { NULL, NULL, "person", id, "merge kept",
	    NULL, changes, 0 };
	struct strbuf fields = { 0 };
	int i, rc;

	strbuf_addf(&fields, "from=%s", m->from);
	for (i = 0; i < MERGE_NVALUES; i++) {
		if (!(d & (1u << i)))
			continue;
		changes[e.nchanges].field = merge_value_name(i);
		changes[e.nchanges].old = lost->v[i];
		changes[e.nchanges++].new = kept->v[i];
		strbuf_addf(&fields, "%s%s", e.nchanges == 1 ? " " : ",",
		    merge_value_name(i));
	}
	e.fields = strbuf_str(&fields);
	rc = audit_write(m->s, &e, err);
	strbuf_free(&fields);
	return rc;
}

static void
conflicts(struct merger *m, const char *id, const struct merge_record *ours,
    const struct merge_record *theirs, int won, unsigned d)
{
	const struct merge_record *k = won ? theirs : ours;
	struct merge_side sk = { NULL, won ? m->from : m->self };
	struct merge_side sl = { NULL, won ? m->self : m->from };
	struct strbuf name = { 0 };
	int i;

	strbuf_addf(&name, "%s %s", k->v[PF_GIVEN_NAME], k->v[PF_FAMILY_NAME]);
	for (i = 0; i < MERGE_NVALUES; i++) {
		if (!(d & (1u << i)))
			continue;
		sk.value = won ? theirs->v[i] : ours->v[i];
		sl.value = won ? ours->v[i] : theirs->v[i];
		merge_conflict_add(m->r, id, strbuf_str(&name),
		    merge_value_name(i), &sk, &sl);
	}
	strbuf_free(&name);
}

/*
 * An export leaves out the contacts of people who left the service
 * (roster(1), export), so from an export directory (a stage of no pool)
 * an empty email or phone of one who left keeps ours, as import does:
 * merging such an export loses nothing.
 */
static void
keep_left_contacts(const struct merger *m, const struct merge_record *ours,
    struct merge_record *theirs)
{
	static const int contact[] = { PF_EMAIL, PF_PHONE };
	size_t i;

	if (m->r->meta.pool_id[0] != '\0' ||
	    strcmp(theirs->v[PF_STATUS], "left") != 0)
		return;
	for (i = 0; i < sizeof contact / sizeof contact[0]; i++)
		if (theirs->v[contact[i]][0] == '\0') {
			free(theirs->v[contact[i]]);
			theirs->v[contact[i]] = xstrdup(ours->v[contact[i]]);
		}
}

/* A staged person who is here as pk. */
static int
meet(struct merger *m, const char *id, const char *kept, long long pk,
    struct merge_record *theirs, struct merge_tally *t, struct error *err)
{
	struct merge_record ours;
	unsigned d;
	int rc, won, here;

	memset(&ours, 0, sizeof ours);
	if ((rc = here_read(m, pk, &ours, err)) != RC_OK)
		goto out;
	keep_left_contacts(m, &ours, theirs);
	if ((d = differ(&ours, theirs)) == 0) {
		t->unchanged++;
		goto out;
	}
	if ((rc = merge_here_changed(m, "p", pk, &here, err)) != RC_OK)
		goto out;
	won = stage_wins(here, &ours, theirs);
	/* A staged value that loses is listed too, never dropped unseen
	 * (an older copy, or another clock behind this one). */
	if (!won || merge_both_changed(m, here, theirs->updated)) {
		t->conflicting++;
		conflicts(m, kept, &ours, theirs, won, d);
	}
	if (won) {
		t->updated++;
		rc = merge_person_put(m, id, kept, theirs, NULL, &pk, err);
	} else {
		t->unchanged++;
		rc = audit_lost(m, kept, &ours, theirs, d, err);
	}
out:
	merge_record_free(&ours);
	return rc;
}

/* Whose origin a new person has: their own, else the one given. */
static int
origin_for(struct merger *m, const char *id, const struct merge_record *rec,
    const char **origin, struct error *err)
{
	*origin = rec->origin[0] ? rec->origin : m->opts->origin != NULL ?
	    m->opts->origin : m->r->meta.pool_name[0] ?
	    m->r->meta.pool_name : NULL;
	if (*origin == NULL)
		return error_set(err, RC_INPUT, "%s %s (%s) comes from no named "
		    "pool: give --origin NAME; nothing was changed",
		    rec->v[PF_GIVEN_NAME], rec->v[PF_FAMILY_NAME], id);
	return RC_OK;
}

static int
person_one(struct merger *m, sqlite3_stmt *row, struct error *err)
{
	struct merge_record rec;
	const char *id = merge_col(row, 0), *origin;
	char kept[PERSON_ID_LEN];
	struct merge_tally *t;
	long long pk = 0;
	int rc, alias, gone;

	record_read(row, &rec);
	if ((rc = origin_for(m, id, &rec, &origin, err)) != RC_OK ||
	    (rc = alias_resolve(m->s, id, kept, &alias, err)) != RC_OK)
		goto out;
	t = merge_tally_of(m->r, origin);
	if ((rc = person_find(m->s, kept, &pk, err)) == RC_OK) {
		rc = meet(m, id, kept, pk, &rec, t, err);
		goto out;
	}
	if (rc != RC_REFUSED || (rc = erase_known(m->s, kept, &gone, err))
	    != RC_OK)
		goto out;
	if (gone)
		t->refused++;
	else if ((rc = merge_person_put(m, id, kept, &rec, origin, &pk, err))
	    == RC_OK)
		t->added++;
out:
	merge_record_free(&rec);
	return rc;
}

int
merge_people(struct merger *m, struct error *err)
{
	return merge_stage_each(m, stage_sql, person_one, err);
}

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uuid/uuid.h>

#include "audit.h"
#include "erase.h"
#include "person.h"
#include "refdata.h"
#include "strbuf.h"

/* col = param, unless the bit of col is in ?16 (1 << enum person_field). */
#define KEEP(col, bit, param) \
    " " col " = CASE WHEN ?16 & " bit " THEN " col " ELSE " param " END"

_Static_assert(PF_GIVEN_NAME == 1 && PF_NOTES == 12 && PF_DNC == 16 &&
    PF_REVIEWED == 18, "ST_UPDATE's KEEP bits follow enum person_field");

static const char find_sql[] = "SELECT pk FROM person WHERE id = ?";

enum {
	ST_INSERT, ST_UPDATE, ST_OLD, ST_DEL_LANG, ST_DEL_THEME,
	ST_DEL_SKILL, ST_TOUCH, ST_MISSION_ADD, ST_MISSION_GET, ST_SERVICE,
	ST_SERVICE_NEW, ST_DEL_STHEME, ST_UNAVAIL, ST_SERVICE_DEL,
	ST_UNAVAIL_DEL, ST_SERVICE_OLD, ST_UNAVAIL_OLD, ST_PERSON_ID, ST_COUNT
};

static const char *const statements[ST_COUNT] = {
	/*
	 * The row is above every erased person's (erase.h); the origin is
	 * this pool's name unless the record came from another.
	 */
	[ST_INSERT] = "INSERT INTO person(pk, id, family_name, given_name,"
	    " agency, rank, gender, email, phone, status, notice_days,"
	    " passport_expiry, medical_expiry, heat_expiry, notes, dnc,"
	    " dnc_until, reviewed, created, updated, origin) VALUES (max(coalesce("
	    "(SELECT max(pk) FROM person), 0), coalesce((SELECT CAST(value AS"
	    " INTEGER) FROM setting WHERE key = '" ERASE_ROW_FLOOR "'), 0))"
	    " + 1, ?1, ?2, ?3, ?4,"
	    " ?5, ?6, ?7, ?8, ?9, ?10, nullif(?11, ''), nullif(?12, ''),"
	    " nullif(?13, ''), ?14, ?17, nullif(?18, ''), nullif(?19, ''), ?15,"
	    " ?15, coalesce(nullif(?21, ''), " STORE_POOL_NAME_SQL "))",
	/*
	 * ?16 has the bits of the fields to keep (enum person_field); ?20
	 * is the version the update is of, or 0 for any.
	 */
	[ST_UPDATE] = "UPDATE person SET"
	    KEEP("family_name", "1", "?2") "," KEEP("given_name", "2", "?3") ","
	    KEEP("agency", "4", "?4") "," KEEP("rank", "8", "?5") ","
	    KEEP("gender", "16", "?6") "," KEEP("email", "32", "?7") ","
	    KEEP("phone", "64", "?8") "," KEEP("status", "128", "?9") ","
	    KEEP("notice_days", "256", "?10") ","
	    KEEP("passport_expiry", "512", "nullif(?11, '')") ","
	    KEEP("medical_expiry", "1024", "nullif(?12, '')") ","
	    KEEP("heat_expiry", "2048", "nullif(?13, '')") ","
	    KEEP("notes", "4096", "?14") "," KEEP("dnc", "65536", "?17") ","
	    KEEP("dnc_until", "131072", "nullif(?18, '')") ","
	    KEEP("reviewed", "262144", "nullif(?19, '')") ","
	    " updated = ?15, version = version + 1 WHERE id = ?1"
	    " AND (?20 = 0 OR version = ?20)",
	/* The old values, in the order of the fields[] table below. */
	[ST_OLD] = "SELECT family_name, given_name, agency, rank, gender,"
	    " email, phone, status, notice_days, coalesce(passport_expiry, ''),"
	    " coalesce(medical_expiry, ''), coalesce(heat_expiry, ''), notes, "
	    PERSON_LANGS_SQL("?1") ", "
	    PERSON_SLUGS_SQL("person_theme", "person", "?1") ", "
	    PERSON_SLUGS_SQL("person_skill", "person", "?1") ","
	    " dnc, coalesce(dnc_until, ''), coalesce(reviewed, '')"
	    " FROM person WHERE pk = ?1",
	[ST_DEL_LANG] = "DELETE FROM person_language WHERE person = ?",
	[ST_DEL_THEME] = "DELETE FROM person_theme WHERE person = ?",
	[ST_DEL_SKILL] = "DELETE FROM person_skill WHERE person = ?",
	[ST_TOUCH] = "INSERT OR IGNORE INTO temp.touched(pk) VALUES (?)",
	[ST_MISSION_ADD] = "INSERT OR IGNORE INTO mission(name) VALUES (?)",
	[ST_MISSION_GET] = "SELECT pk FROM mission WHERE name = ?",
	[ST_SERVICE] = "INSERT INTO service(person, mission, country, start,"
	    " end, role) VALUES (?, ?, ?, ?, nullif(?, ''), ?)"
	    " ON CONFLICT (person, mission, start) DO UPDATE SET"
	    " country = excluded.country, end = excluded.end,"
	    " role = excluded.role RETURNING pk",
	/* A record not stored yet: RETURNING and the upsert are not free. */
	[ST_SERVICE_NEW] = "INSERT INTO service(person, mission, country,"
	    " start, end, role) VALUES (?, ?, ?, ?, nullif(?, ''), ?)",
	[ST_DEL_STHEME] = "DELETE FROM service_theme WHERE service = ?",
	[ST_UNAVAIL] = "INSERT INTO unavailability(person, start, end, reason)"
	    " VALUES (?, ?, nullif(?, ''), ?) ON CONFLICT (person, start)"
	    " DO UPDATE SET end = excluded.end, reason = excluded.reason",
	[ST_SERVICE_DEL] = "DELETE FROM service WHERE person = ?1 AND start = ?3"
	    " AND mission = (SELECT pk FROM mission WHERE name = ?2)",
	[ST_UNAVAIL_DEL] = "DELETE FROM unavailability WHERE person = ?1"
	    " AND start = ?2",
	/* An item as stored, in the order of its file's columns. */
	[ST_SERVICE_OLD] = "SELECT m.name, s.country, s.start,"
	    " coalesce(s.end, ''), s.role, "
	    PERSON_SLUGS_SQL("service_theme", "service", "s.pk")
	    " FROM service s JOIN mission m"
	    " ON m.pk = s.mission WHERE s.person = ?1 AND m.name = ?2"
	    " AND s.start = ?3",
	[ST_UNAVAIL_OLD] = "SELECT start, coalesce(end, ''), reason"
	    " FROM unavailability WHERE person = ?1 AND start = ?2",
	[ST_PERSON_ID] = "SELECT id FROM person WHERE pk = ?",
};

/*
 * A mission or an unavailability window, for audit: its values by the
 * columns of its file, as stored (old) and as written (new).
 */
#define ITEM_MAX 6
static const char *const mission_columns[] = { "mission", "country",
    "start", "end", "role", "themes" };
static const char *const window_columns[] = { "from", "to", "reason" };

struct item {
	const char		*kind;	/* "mission", "away" */
	const char *const	*names;
	size_t			 n;
	int			 found;	/* old holds the stored item */
	struct strbuf		 old[ITEM_MAX];
	const char		*new[ITEM_MAX];
};

/*
 * A person's lists are written several rows to a statement: a pool of a
 * million people is fifteen million rows, and per-statement overhead was
 * most of the cost.  Each kind has a statement for 1..LIST_BATCH rows.
 */
enum list_kind { LIST_LANG, LIST_THEME, LIST_SKILL, LIST_STHEME, LIST_N };
#define LIST_BATCH 8

static const struct {
	const char	*head;
	int		 ncols;
} lists[LIST_N] = {
	[LIST_LANG] = { "INSERT INTO person_language(person, code, level) "
	    "VALUES ", 3 },
	[LIST_THEME] = { "INSERT OR IGNORE INTO person_theme(person, slug) "
	    "VALUES ", 2 },
	[LIST_SKILL] = { "INSERT OR IGNORE INTO person_skill(person, slug) "
	    "VALUES ", 2 },
	[LIST_STHEME] = { "INSERT OR IGNORE INTO service_theme(service, "
	    "person, slug) VALUES ", 3 },
};

/* The audited fields, in ST_OLD's column order, by enum person_field. */
static const char *const fields[PF_N] = { "family_name", "given_name",
    "agency", "rank", "gender", "email", "phone", "status", "notice_days",
    "passport_expiry", "medical_expiry", "heat_expiry", "notes", "languages",
    "themes", "skills", "dnc", "dnc_until", "reviewed" };
#define NFIELDS PF_N

struct person_writer {
	struct store	*store;
	int		 flags;
	sqlite3_stmt	*st[ST_COUNT];
	sqlite3_stmt	*list_st[LIST_N][LIST_BATCH + 1];	/* by rows */
	char		 who[64];
	/* Mission names repeat a lot; a few recent ones are remembered. */
	struct {
		char		*name;
		long long	 pk;
	}		 missions[128];
	size_t		 nextmission;
	/* The id of the person last written, whose items follow. */
	long long	 last_pk;
	char		 last_id[PERSON_ID_LEN];
};

const char *
person_field_name(enum person_field f)
{
	return fields[f];
}

void
person_new_id(char out[PERSON_ID_LEN])
{
	uuid_t u;

	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

int
person_writer_new(struct store *s, int flags, struct person_writer **out,
    struct error *err)
{
	struct person_writer *w;
	int i, rc;

	*out = NULL;
	if (!(flags & (WRITER_NEW | WRITER_FRESH)) && (rc = store_exec(s,
	    "CREATE TEMP TABLE IF NOT EXISTS touched(pk INTEGER PRIMARY KEY)",
	    err)) != RC_OK)
		return rc;
	w = xcalloc(1, sizeof *w);
	w->store = s;
	w->flags = flags;
	audit_user(w->who, sizeof w->who);
	for (i = 0; i < ST_COUNT; i++) {
		if ((flags & (WRITER_NEW | WRITER_FRESH)) && i == ST_TOUCH)
			continue;
		if ((rc = store_prepare(s, &w->st[i], statements[i], err))
		    != RC_OK) {
			person_writer_free(w);
			return rc;
		}
	}
	*out = w;
	return RC_OK;
}

void
person_writer_free(struct person_writer *w)
{
	size_t i;

	if (w == NULL)
		return;
	for (i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(w->st[i]);
	for (i = 0; i < LIST_N * (LIST_BATCH + 1); i++)
		sqlite3_finalize(w->list_st[i / (LIST_BATCH + 1)]
		    [i % (LIST_BATCH + 1)]);
	for (i = 0; i < sizeof w->missions / sizeof w->missions[0]; i++)
		free(w->missions[i].name);
	free(w);
}

/* Steps a statement that returns no row (or ignores it) and resets it. */
static int
run(struct person_writer *w, int which, struct error *err, const char *what)
{
	sqlite3_stmt *st = w->st[which];
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return RC_OK;
	return store_error(w->store, err, what);
}

static void
bind_text(struct person_writer *w, int which, int i, const char *s)
{
	sqlite3_bind_text(w->st[which], i, s ? s : "", -1, SQLITE_STATIC);
}

static void
bind_person(struct person_writer *w, int which, const struct person *p,
    const char *now)
{
	bind_text(w, which, 1, p->id);
	bind_text(w, which, 2, p->family_name);
	bind_text(w, which, 3, p->given_name);
	bind_text(w, which, 4, p->agency);
	bind_text(w, which, 5, p->rank);
	bind_text(w, which, 6, p->gender);
	bind_text(w, which, 7, p->email);
	bind_text(w, which, 8, p->phone);
	bind_text(w, which, 9, p->status);
	sqlite3_bind_int(w->st[which], 10, p->notice_days);
	bind_text(w, which, 11, p->passport_expiry);
	bind_text(w, which, 12, p->medical_expiry);
	bind_text(w, which, 13, p->heat_expiry);
	bind_text(w, which, 14, p->notes);
	bind_text(w, which, 15, now);
	bind_text(w, which, 17, p->dnc);
	bind_text(w, which, 18, p->dnc_until);
	bind_text(w, which, 19, p->reviewed);
}

/* The values as ST_OLD spells them, to compare and for audit. */
static void
new_values(const struct person *p, struct strbuf v[NFIELDS])
{
	const char *scalars[] = { p->family_name, p->given_name, p->agency,
	    p->rank, p->gender, p->email, p->phone, p->status };
	size_t i;

	for (i = 0; i < 8; i++)
		strbuf_adds(&v[i], scalars[i] ? scalars[i] : "");
	strbuf_addf(&v[8], "%d", p->notice_days);
	strbuf_adds(&v[9], p->passport_expiry);
	strbuf_adds(&v[10], p->medical_expiry);
	strbuf_adds(&v[11], p->heat_expiry);
	strbuf_adds(&v[12], p->notes ? p->notes : "");
	for (i = 0; i < p->nlangs; i++)
		strbuf_addf(&v[13], "%s%s:%s", i ? ";" : "", p->langs[i].code,
		    refdata_level_name(p->langs[i].level));
	for (i = 0; i < p->nthemes; i++)
		strbuf_addf(&v[14], "%s%s", i ? ";" : "", p->themes[i]);
	for (i = 0; i < p->nskills; i++)
		strbuf_addf(&v[15], "%s%s", i ? ";" : "", p->skills[i]);
	strbuf_adds(&v[16], p->dnc ? p->dnc : "");
	strbuf_adds(&v[17], p->dnc_until);
	strbuf_adds(&v[18], p->reviewed);
	for (i = 0; i < NFIELDS; i++)
		if (v[i].s == NULL)
			strbuf_adds(&v[i], "");
}

/*
 * Which fields (not kept) an update to the values v changes, and which of
 * those it leaves empty, with their old values; lists are compared in
 * sorted order, which is how callers give them.
 */
static int
changed_fields(struct person_writer *w, const struct person *p, long long pk,
    struct strbuf v[NFIELDS], struct strbuf oldv[NFIELDS],
    struct person_change *c, struct error *err)
{
	sqlite3_stmt *st = w->st[ST_OLD];
	const char *old;
	size_t i;
	int rc;

	sqlite3_bind_int64(st, 1, pk);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < NFIELDS; i++) {
			old = (const char *)sqlite3_column_text(st, (int)i);
			strbuf_adds(&oldv[i], old ? old : "");
			if ((p->keep & (1u << i)) ||
			    strcmp(strbuf_str(&oldv[i]), strbuf_str(&v[i])) == 0)
				continue;
			c->changed |= 1u << i;
			if (v[i].len == 0 || (p->blank & (1u << i)))
				c->cleared |= 1u << i;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(w->store, err, "person");
	return RC_OK;
}

static int
list_stmt(struct person_writer *w, enum list_kind k, size_t rows,
    sqlite3_stmt **st, struct error *err)
{
	struct strbuf sql = { 0 };
	size_t i;
	int rc;

	if ((*st = w->list_st[k][rows]) != NULL)
		return RC_OK;
	strbuf_adds(&sql, lists[k].head);
	for (i = 0; i < rows; i++)
		strbuf_addf(&sql, "%s%s", i ? ", " : "",
		    lists[k].ncols == 2 ? "(?, ?)" : "(?, ?, ?)");
	rc = store_prepare(w->store, st, strbuf_str(&sql), err);
	strbuf_free(&sql);
	if (rc == RC_OK)
		w->list_st[k][rows] = *st;
	return rc;
}

/*
 * Writes n rows of kind k: owner (a person, or for LIST_STHEME a service,
 * with person as second column), then texts[i] and, for languages,
 * levels[i].
 */
static int
put_list(struct person_writer *w, enum list_kind k, long long owner,
    long long person, const char *const *texts, const int *levels, size_t n,
    struct error *err)
{
	sqlite3_stmt *st;
	size_t done, rows, i;
	int col, rc;

	for (done = 0; done < n; done += rows) {
		rows = n - done < LIST_BATCH ? n - done : LIST_BATCH;
		if ((rc = list_stmt(w, k, rows, &st, err)) != RC_OK)
			return rc;
		for (i = 0, col = 1; i < rows; i++) {
			sqlite3_bind_int64(st, col++, owner);
			if (k == LIST_STHEME)
				sqlite3_bind_int64(st, col++, person);
			sqlite3_bind_text(st, col++, texts[done + i], -1,
			    SQLITE_STATIC);
			if (k == LIST_LANG)
				sqlite3_bind_int(st, col++, levels[done + i]);
		}
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return store_error(w->store, err, "person");
	}
	return RC_OK;
}

/*
 * Writes the lists of person pk whose bits are in changed, replacing
 * those an existing person had; the others, kept ones included, stay.
 */
static int
put_lists(struct person_writer *w, const struct person *p, long long pk,
    int exists, unsigned changed, struct error *err)
{
	static const struct {
		enum person_field	 f;
		int			 del;
		enum list_kind		 k;
	} kinds[] = { { PF_LANGUAGES, ST_DEL_LANG, LIST_LANG },
	    { PF_THEMES, ST_DEL_THEME, LIST_THEME },
	    { PF_SKILLS, ST_DEL_SKILL, LIST_SKILL } };
	const char *const *texts[] = { NULL, p->themes, p->skills };
	const size_t counts[] = { p->nlangs, p->nthemes, p->nskills };
	const char *codes[PERSON_MAX_LIST];
	int levels[PERSON_MAX_LIST];
	size_t i;
	int rc;

	for (i = 0; i < p->nlangs; i++) {
		codes[i] = p->langs[i].code;
		levels[i] = p->langs[i].level;
	}
	texts[0] = codes;
	for (i = 0; i < 3; i++) {
		if (!(changed & (1u << kinds[i].f)))
			continue;
		if (exists) {
			sqlite3_bind_int64(w->st[kinds[i].del], 1, pk);
			if ((rc = run(w, kinds[i].del, err, fields[kinds[i].f]))
			    != RC_OK)
				return rc;
		}
		if ((rc = put_list(w, kinds[i].k, pk, 0, texts[i], i == 0 ?
		    levels : NULL, counts[i], err)) != RC_OK)
			return rc;
	}
	return RC_OK;
}

static int
touch(struct person_writer *w, long long pk, struct error *err)
{
	if (w->flags & (WRITER_NEW | WRITER_FRESH))
		return RC_OK;
	sqlite3_bind_int64(w->st[ST_TOUCH], 1, pk);
	return run(w, ST_TOUCH, err, "person");
}

/* The names of the fields in mask, comma-separated, for audit. */
static void
field_names(unsigned mask, struct strbuf *out)
{
	size_t i;

	strbuf_adds(out, "");
	for (i = 0; i < NFIELDS; i++)
		if (mask & (1u << i))
			strbuf_addf(out, "%s%s", out->len ? "," : "",
			    fields[i]);
}

/*
 * The audit line of a person put: each changed field's old and new
 * value, or for a new person each field given.
 */
static int
audit_person(struct person_writer *w, const struct person *p, int exists,
    const struct person_change *c, struct strbuf newv[NFIELDS],
    struct strbuf oldv[NFIELDS], const char *now, struct error *err)
{
	struct audit_change changes[NFIELDS];
	struct audit_entry e = { w->who, now, "person", p->id,
	    exists ? "update" : "create", NULL, changes, 0 };
	struct strbuf names = { 0 };
	size_t i;
	int rc;

	for (i = 0; i < NFIELDS; i++) {
		if (exists ? !(c->changed & (1u << i)) : newv[i].len == 0)
			continue;
		changes[e.nchanges].field = fields[i];
		changes[e.nchanges].old = exists ? strbuf_str(&oldv[i]) : NULL;
		changes[e.nchanges++].new = strbuf_str(&newv[i]);
	}
	field_names(c->changed, &names);
	e.fields = strbuf_str(&names);
	rc = audit_write(w->store, &e, err);
	strbuf_free(&names);
	return rc;
}

int
person_put(struct person_writer *w, struct person *p, long long *pk,
    struct person_change *change, struct error *err)
{
	struct person_change c = { PERSON_ADDED, 0, 0 };
	struct strbuf newv[NFIELDS], oldv[NFIELDS];
	char now[21];
	size_t i;
	int exists = 0, rc;

	memset(newv, 0, sizeof newv);
	memset(oldv, 0, sizeof oldv);
	date_now_utc(now);
	if (p->id[0] == '\0')
		person_new_id(p->id);
	else if (!(w->flags & (WRITER_NEW | WRITER_FRESH))) {
		if ((rc = person_find(w->store, p->id, pk, err)) == RC_OK)
			exists = 1;
		else if (rc != RC_REFUSED)
			return rc;
	}
	/* A fresh pool of a million people is not compared or audited. */
	if (exists || (w->flags & WRITER_AUDIT))
		new_values(p, newv);
	if (exists) {
		c.outcome = PERSON_UPDATED;
		if ((rc = changed_fields(w, p, *pk, newv, oldv, &c, err))
		    != RC_OK)
			goto done;
		if (c.changed == 0) {
			c.outcome = PERSON_UNCHANGED;
			goto done;
		}
		bind_person(w, ST_UPDATE, p, now);
		sqlite3_bind_int(w->st[ST_UPDATE], 16, (int)p->keep);
		sqlite3_bind_int64(w->st[ST_UPDATE], 20, p->version);
		rc = run(w, ST_UPDATE, err, "person");
		if (rc == RC_OK && sqlite3_changes(w->store->db) == 0)
			rc = error_set(err, RC_REFUSED, "%s %s was changed by "
			    "someone else meanwhile", p->given_name,
			    p->family_name);
		store_scrub(w->store);
	} else {
		bind_person(w, ST_INSERT, p, now);
		bind_text(w, ST_INSERT, 21, p->origin);
		rc = run(w, ST_INSERT, err, "person");
		*pk = sqlite3_last_insert_rowid(w->store->db);
	}
	if (rc == RC_OK)
		rc = put_lists(w, p, *pk, exists, exists ? c.changed : ~0u,
		    err);
	if (rc == RC_OK)
		rc = touch(w, *pk, err);
	if (rc == RC_OK) {
		w->last_pk = *pk;
		snprintf(w->last_id, sizeof w->last_id, "%s", p->id);
	}
	if (rc == RC_OK && (w->flags & WRITER_AUDIT))
		rc = audit_person(w, p, exists, &c, newv, oldv, now, err);
done:
	for (i = 0; i < NFIELDS; i++) {
		strbuf_free(&newv[i]);
		strbuf_free(&oldv[i]);
	}
	if (rc == RC_OK && change != NULL)
		*change = c;
	return rc;
}

static int
mission_pk(struct person_writer *w, const char *name, long long *pk,
    struct error *err)
{
	size_t i, n = sizeof w->missions / sizeof w->missions[0];
	sqlite3_stmt *st;
	int rc;

	for (i = 0; i < n; i++)
		if (w->missions[i].name != NULL &&
		    strcmp(w->missions[i].name, name) == 0) {
			*pk = w->missions[i].pk;
			return RC_OK;
		}
	bind_text(w, ST_MISSION_ADD, 1, name);
	if ((rc = run(w, ST_MISSION_ADD, err, "mission")) != RC_OK)
		return rc;
	st = w->st[ST_MISSION_GET];
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*pk = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_error(w->store, err, "mission");
	i = w->nextmission++ % n;
	free(w->missions[i].name);
	w->missions[i].name = xstrdup(name);
	w->missions[i].pk = *pk;
	return RC_OK;
}

static void
item_free(struct item *it)
{
	size_t i;

	for (i = 0; i < ITEM_MAX; i++)
		strbuf_free(&it->old[i]);
}

/* Reads the item stored under person and key (a window's start, or a
 * mission's name and start) into it->old. */
static int
item_old(struct person_writer *w, int which, long long person,
    const char *key1, const char *key2, struct item *it, struct error *err)
{
	sqlite3_stmt *st = w->st[which];
	const char *v;
	size_t i;
	int rc;

	sqlite3_bind_int64(st, 1, person);
	bind_text(w, which, 2, key1);
	if (key2 != NULL)
		bind_text(w, which, 3, key2);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		it->found = 1;
		for (i = 0; i < it->n; i++) {
			v = (const char *)sqlite3_column_text(st, (int)i);
			strbuf_adds(&it->old[i], v != NULL ? v : "");
		}
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(w->store, err, it->kind);
	return RC_OK;
}

/* Whether the item is stored with the values it is to be written with. */
static int
item_same(const struct item *it)
{
	size_t i;

	for (i = 0; it->found && i < it->n; i++)
		if (strcmp(strbuf_str(&it->old[i]), it->new[i]) != 0)
			return 0;
	return it->found;
}

/*
 * The audit line of an item of person: "mission add" (old values NULL),
 * "mission update" (the fields that changed) or, when removed, "mission
 * remove" (new values NULL).
 */
static int
item_audit(struct person_writer *w, long long person, struct item *it,
    int removed, struct error *err)
{
	struct audit_change changes[ITEM_MAX];
	struct audit_entry e = { w->who, NULL, "person", NULL, NULL, NULL,
	    changes, 0 };
	struct strbuf fields = { 0 }, action = { 0 };
	const char *old, *new;
	size_t i;
	int rc;

	/* An import writes a person's items right after the person. */
	if (person != w->last_pk) {
		sqlite3_bind_int64(w->st[ST_PERSON_ID], 1, person);
		rc = sqlite3_step(w->st[ST_PERSON_ID]);
		if (rc == SQLITE_ROW)
			snprintf(w->last_id, sizeof w->last_id, "%s",
			    sqlite3_column_text(w->st[ST_PERSON_ID], 0));
		sqlite3_reset(w->st[ST_PERSON_ID]);
		if (rc != SQLITE_ROW)
			return store_error(w->store, err, it->kind);
		w->last_pk = person;
	}
	for (i = 0; i < it->n; i++) {
		old = it->found ? strbuf_str(&it->old[i]) : NULL;
		new = removed ? NULL : it->new[i];
		if (old != NULL && new != NULL ? strcmp(old, new) == 0 :
		    *(old != NULL ? old : new) == '\0')
			continue;
		changes[e.nchanges].field = it->names[i];
		changes[e.nchanges].old = old;
		changes[e.nchanges++].new = new;
		strbuf_addf(&fields, "%s%s", fields.len ? "," : "",
		    it->names[i]);
	}
	strbuf_addf(&action, "%s %s", it->kind, removed ? "remove" :
	    it->found ? "update" : "add");
	e.id = w->last_id;
	e.action = strbuf_str(&action);
	e.fields = strbuf_str(&fields);
	rc = audit_write(w->store, &e, err);
	strbuf_free(&fields);
	strbuf_free(&action);
	return rc;
}

static void
service_item(const struct service *sv, struct strbuf *themes,
    struct item *it)
{
	size_t i;

	memset(it, 0, sizeof *it);
	it->kind = "mission";
	it->names = mission_columns;
	it->n = 6;
	for (i = 0; i < sv->nthemes; i++)
		strbuf_addf(themes, "%s%s", i ? ";" : "", sv->themes[i]);
	it->new[0] = sv->mission;
	it->new[1] = sv->country;
	it->new[2] = sv->start;
	it->new[3] = sv->end;
	it->new[4] = sv->role != NULL ? sv->role : "";
	it->new[5] = strbuf_str(themes);
}

static void
window_item(const struct unavail *u, struct item *it)
{
	memset(it, 0, sizeof *it);
	it->kind = "away";
	it->names = window_columns;
	it->n = 3;
	it->new[0] = u->start;
	it->new[1] = u->end;
	it->new[2] = u->reason != NULL ? u->reason : "";
}

/*
 * fresh: the record is not stored yet (WRITER_FRESH, or service_put has
 * looked), so a plain insert makes it and it has no themes to replace.
 */
static int
service_write(struct person_writer *w, long long person,
    const struct service *sv, int fresh, struct error *err)
{
	int which = fresh ? ST_SERVICE_NEW : ST_SERVICE;
	sqlite3_stmt *st = w->st[which];
	long long mission = 0, pk = 0;
	int rc;

	if ((rc = mission_pk(w, sv->mission, &mission, err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, person);
	sqlite3_bind_int64(st, 2, mission);
	bind_text(w, which, 3, sv->country);
	bind_text(w, which, 4, sv->start);
	bind_text(w, which, 5, sv->end);
	bind_text(w, which, 6, sv->role);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		pk = sqlite3_column_int64(st, 0);
	/* RETURNING finishes its work on the step after the row. */
	while (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	if (rc == SQLITE_DONE && which == ST_SERVICE_NEW)
		pk = sqlite3_last_insert_rowid(w->store->db);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_error(w->store, err, "mission");
	if (!fresh) {
		sqlite3_bind_int64(w->st[ST_DEL_STHEME], 1, pk);
		if ((rc = run(w, ST_DEL_STHEME, err, "mission")) != RC_OK)
			return rc;
	}
	if ((rc = put_list(w, LIST_STHEME, pk, person, sv->themes, NULL,
	    sv->nthemes, err)) != RC_OK)
		return rc;
	return touch(w, person, err);
}

int
service_put(struct person_writer *w, long long person,
    const struct service *sv, struct error *err)
{
	struct strbuf themes = { 0 };
	struct item it;
	int rc = RC_OK;

	if (!(w->flags & WRITER_AUDIT))
		return service_write(w, person, sv,
		    (w->flags & WRITER_FRESH) != 0, err);
	/* Audited: written only when it is new or differs. */
	service_item(sv, &themes, &it);
	if ((rc = item_old(w, ST_SERVICE_OLD, person, sv->mission, sv->start,
	    &it, err)) == RC_OK && !item_same(&it) &&
	    (rc = service_write(w, person, sv, !it.found, err)) == RC_OK)
		rc = item_audit(w, person, &it, 0, err);
	item_free(&it);
	strbuf_free(&themes);
	return rc;
}

static int
unavail_write(struct person_writer *w, long long person,
    const struct unavail *u, struct error *err)
{
	sqlite3_bind_int64(w->st[ST_UNAVAIL], 1, person);
	bind_text(w, ST_UNAVAIL, 2, u->start);
	bind_text(w, ST_UNAVAIL, 3, u->end);
	bind_text(w, ST_UNAVAIL, 4, u->reason);
	return run(w, ST_UNAVAIL, err, "unavailability");
}

int
unavail_put(struct person_writer *w, long long person,
    const struct unavail *u, struct error *err)
{
	struct item it;
	int rc;

	if (!(w->flags & WRITER_AUDIT))
		return unavail_write(w, person, u, err);
	window_item(u, &it);
	if ((rc = item_old(w, ST_UNAVAIL_OLD, person, u->start, NULL, &it,
	    err)) == RC_OK && !item_same(&it) &&
	    (rc = unavail_write(w, person, u, err)) == RC_OK)
		rc = item_audit(w, person, &it, 0, err);
	item_free(&it);
	return rc;
}

/*
 * Deletes the item (read by old, deleted by del, both keyed by person and
 * key1, key2) if it is there, audited with the values it had.
 */
static int
item_remove(struct person_writer *w, long long person, int old, int del,
    const char *key1, const char *key2, struct item *it, struct error *err)
{
	int rc;

	if ((rc = item_old(w, old, person, key1, key2, it, err)) != RC_OK ||
	    !it->found)
		return rc;
	sqlite3_bind_int64(w->st[del], 1, person);
	bind_text(w, del, 2, key1);
	if (key2 != NULL)
		bind_text(w, del, 3, key2);
	if ((rc = run(w, del, err, it->kind)) != RC_OK)
		return rc;
	/* The deleted values are personal data: out of the file too. */
	store_scrub(w->store);
	if ((rc = touch(w, person, err)) == RC_OK && (w->flags & WRITER_AUDIT))
		rc = item_audit(w, person, it, 1, err);
	return rc;
}

int
service_remove(struct person_writer *w, long long person,
    const char *mission, const char *start, struct error *err)
{
	struct service sv;
	struct strbuf themes = { 0 };
	struct item it;
	int rc;

	memset(&sv, 0, sizeof sv);
	sv.mission = mission;
	snprintf(sv.start, sizeof sv.start, "%s", start);
	service_item(&sv, &themes, &it);
	rc = item_remove(w, person, ST_SERVICE_OLD, ST_SERVICE_DEL, mission,
	    start, &it, err);
	item_free(&it);
	strbuf_free(&themes);
	return rc;
}

int
unavail_remove(struct person_writer *w, long long person, const char *start,
    struct error *err)
{
	struct unavail u;
	struct item it;
	int rc;

	memset(&u, 0, sizeof u);
	snprintf(u.start, sizeof u.start, "%s", start);
	window_item(&u, &it);
	rc = item_remove(w, person, ST_UNAVAIL_OLD, ST_UNAVAIL_DEL, start, NULL,
	    &it, err);
	item_free(&it);
	return rc;
}

int
person_find(struct store *s, const char *id, long long *pk, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_cached(s, &st, find_sql, err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*pk = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return RC_OK;
	if (rc == SQLITE_DONE)
		return error_set(err, RC_REFUSED, "no person with id '%s'", id);
	return store_error(s, err, "person");
}

int
person_count(struct store *s, long long *n, struct error *err)
{
	return store_int(s, "SELECT count(*) FROM person", n, err);
}

const char *
person_name(struct store *s, long long pk, char *buf, size_t len)
{
	sqlite3_stmt *st;
	struct error err;

	snprintf(buf, len, "?");
	if (store_cached(s, &st, "SELECT given_name || ' ' || family_name "
	    "FROM person WHERE pk = ?", &err) != RC_OK)
		return buf;
	sqlite3_bind_int64(st, 1, pk);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, len, "%s", sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return buf;
}

const char *
person_label(struct store *s, long long pk, char *buf, size_t len)
{
	sqlite3_stmt *st;
	struct error err;

	snprintf(buf, len, "?");
	if (store_prepare(s, &st, "SELECT given_name || ' ' || family_name || "
	    "CASE WHEN origin <> '' THEN ' (' || origin || ')' ELSE '' END "
	    "FROM person WHERE pk = ?", &err) != RC_OK)
		return buf;
	sqlite3_bind_int64(st, 1, pk);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, len, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return buf;
}

const char *
person_id(struct store *s, long long pk, char out[PERSON_ID_LEN])
{
	sqlite3_stmt *st;
	struct error err;

	snprintf(out, PERSON_ID_LEN, "?");
	if (store_prepare(s, &st, "SELECT id FROM person WHERE pk = ?", &err)
	    != RC_OK)
		return out;
	sqlite3_bind_int64(st, 1, pk);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, PERSON_ID_LEN, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

int
person_resolve(struct store *s, const char *arg, long long *pk, struct error *err)
{
	sqlite3_stmt *st;
	struct strbuf who = { 0 };
	size_t len = strlen(arg), i;
	int rc, n = 0;

	for (i = 0; i < len; i++)
		if (!isxdigit((unsigned char)arg[i]) && arg[i] != '-')
			return error_set(err, RC_INPUT, "'%s' is not an "
			    "id (expected a UUID or its first characters)",
			    arg);
	if (len < 4)
		return error_set(err, RC_INPUT, "'%s' is too short "
		    "(expected at least 4 characters of an id)", arg);
	if ((rc = store_prepare(s, &st, "SELECT pk, given_name || ' ' ||"
	    " family_name || ' (' || id || ')' FROM person WHERE id >="
	    " lower(?1) AND id < lower(?1) || 'g' ORDER BY id LIMIT 3", err))
	    != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	/* An ambiguous prefix names whom it could be: the next try hits. */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*pk = sqlite3_column_int64(st, 0);
		strbuf_addf(&who, "%s%s", n == 0 ? "" : ", ", n < 2 ?
		    (const char *)sqlite3_column_text(st, 1) : "and more");
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		rc = store_error(s, err, "person");
	else if (n == 0)
		rc = error_set(err, RC_REFUSED, "no person with id '%s'", arg);
	else if (n > 1)
		rc = error_set(err, RC_INPUT, "id '%s' is ambiguous: %s "
		    "(expected more characters)", arg, strbuf_str(&who));
	else
		rc = RC_OK;
	strbuf_free(&who);
	return rc;
}


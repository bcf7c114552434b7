/*
 * Merging two records of one person (dupes.h): the kept record is
 * changed through the editor's writer (edit.h), so that it is checked,
 * audited field by field and re-indexed as any save is; what the other
 * owned beyond its record (assignments, call-out messages, replies,
 * not-same pairs) is moved by row; then the other's row goes and its id
 * becomes an alias.  Two audit lines, one on each id, say what came from
 * whom.
 *
 * Memory: everything allocated here is freed before returning.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alias.h"
#include "audit.h"
#include "dupes.h"
#include "edit.h"
#include "fts.h"
#include "refdata.h"
#include "strbuf.h"

/* What the audit lines of a merge hold, gathered as it goes. */
struct fold_log {
	struct audit_change	*keep, *other;	/* changes of each line */
	size_t			 nkeep, nother;
	char			**owned;	/* the values they point at */
	size_t			 nowned;
};

static const char *
log_own(struct fold_log *l, const char *s)
{
	if (s == NULL)
		return NULL;
	l->owned = xrealloc(l->owned, (l->nowned + 1) * sizeof *l->owned);
	return l->owned[l->nowned++] = xstrdup(s);
}

static void
log_add(struct fold_log *l, int on_keep, const char *field, const char *old,
    const char *new)
{
	struct audit_change **c = on_keep ? &l->keep : &l->other;
	size_t *n = on_keep ? &l->nkeep : &l->nother;

	*c = xrealloc(*c, (*n + 1) * sizeof **c);
	(*c)[*n].field = log_own(l, field);
	(*c)[*n].old = log_own(l, old);
	(*c)[*n].new = log_own(l, new);
	(*n)++;
}

static void
log_free(struct fold_log *l)
{
	size_t i;

	for (i = 0; i < l->nowned; i++)
		free(l->owned[i]);
	free(l->owned);
	free(l->keep);
	free(l->other);
}

/*
 * The item of a "en:C1;fr:B2" or "drugs;forensics" list whose key (up to
 * a colon) is key's first len bytes, or NULL.
 */
static const char *
list_item(const char *list, const char *key, size_t len)
{
	const char *p = list;

	while (*p != '\0') {
		if (strncmp(p, key, len) == 0 && (p[len] == ':' ||
		    p[len] == ';' || p[len] == '\0'))
			return p;
		p += strcspn(p, ";");
		p += *p == ';';
	}
	return NULL;
}

/* The level of the item at p, which ends at a semicolon or the end. */
static int
level_at(const char *p)
{
	char level[16];

	snprintf(level, sizeof level, "%.*s", (int)strcspn(p, ";"), p);
	return refdata_level(level);
}

/* keep's list field f gains other's items; a language the higher level. */
static int
unite_list(struct store *s, struct edit_record *keep,
    const struct edit_record *other, enum edit_field f, struct error *err)
{
	const char *p = other->value[f], *has;
	char item[128];
	size_t len, key;
	int rc;

	while (*p != '\0') {
		len = strcspn(p, ";");
		snprintf(item, sizeof item, "%.*s", (int)len, p);
		p += len + (p[len] == ';');
		key = strcspn(item, ":");
		if ((has = list_item(keep->value[f], item, key)) != NULL &&
		    (item[key] != ':' || level_at(has + key + 1) >=
		    level_at(item + key + 1)))
			continue;
		if ((rc = edit_add_item(s, keep, f, item, err)) != RC_OK)
			return rc;
	}
	return RC_OK;
}

/* keep gains other's missions and windows it has no item of the same key
 * of (mission and start; start): keep's own win. */
static int
unite_items(struct store *s, struct edit_record *keep,
    const struct edit_record *other, struct error *err)
{
	size_t i, j, n;
	int rc;

	for (i = 0; i < other->nmissions; i++) {
		for (j = 0, n = keep->nmissions; j < n; j++)
			if (strcmp(keep->missions[j].mission,
			    other->missions[i].mission) == 0 &&
			    strcmp(keep->missions[j].start,
			    other->missions[i].start) == 0)
				break;
		if (j == n && (rc = edit_add_mission(s, keep,
		    &other->missions[i], err)) != RC_OK)
			return rc;
	}
	for (i = 0; i < other->nwindows; i++) {
		for (j = 0, n = keep->nwindows; j < n; j++)
			if (strcmp(keep->windows[j].from,
			    other->windows[i].from) == 0)
				break;
		if (j == n && (rc = edit_add_window(s, keep,
		    &other->windows[i], err)) != RC_OK)
			return rc;
	}
	return RC_OK;
}

/* The record keep becomes: the fields taken, the lists united. */
static int
merged_record(struct store *s, struct edit_record *keep,
    const struct edit_record *other, unsigned take, struct error *err)
{
	static const enum edit_field lists[] = { EF_LANGUAGES, EF_THEMES,
	    EF_SKILLS };
	size_t i;
	int f, rc;

	for (f = 0; f < EF_N; f++)
		if ((take & (1u << f)) && f != EF_LANGUAGES &&
		    f != EF_THEMES && f != EF_SKILLS &&
		    (rc = edit_set(s, keep, f, other->value[f], err)) != RC_OK)
			return rc;
	for (i = 0; i < sizeof lists / sizeof lists[0]; i++)
		if ((rc = unite_list(s, keep, other, lists[i], err)) != RC_OK)
			return rc;
	return unite_items(s, keep, other, err);
}

/* Each field as the two audit lines tell it: what keep got, what of
 * other's was not kept. */
static void
log_fields(struct fold_log *l, const struct edit_record *was,
    const struct edit_record *other, const struct edit_record *now)
{
	int f;

	for (f = 0; f < EF_N; f++) {
		if (strcmp(was->value[f], now->value[f]) != 0)
			log_add(l, 1, edit_field_names[f], was->value[f],
			    now->value[f]);
		if (strcmp(other->value[f], now->value[f]) != 0)
			log_add(l, 0, edit_field_names[f], other->value[f],
			    now->value[f]);
	}
	if (now->nmissions != was->nmissions)
		log_add(l, 1, "missions", NULL, "united");
	if (now->nwindows != was->nwindows)
		log_add(l, 1, "unavailability", NULL, "united");
}

/* Runs sql with ?1 keep's pk, ?2 other's, ?3 keep's id, ?4 other's. */
static int
run(struct store *s, const char *sql, const struct edit_record *keep,
    const struct edit_record *other, struct error *err)
{
	sqlite3_stmt *st;
	int rc, n;

	if ((rc = store_prepare(s, &st, sql, err)) != RC_OK)
		return rc;
	n = sqlite3_bind_parameter_count(st);
	sqlite3_bind_int64(st, 1, keep->pk);
	if (n >= 2)
		sqlite3_bind_int64(st, 2, other->pk);
	if (n >= 3)
		sqlite3_bind_text(st, 3, keep->id, -1, SQLITE_STATIC);
	if (n >= 4)
		sqlite3_bind_text(st, 4, other->id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? RC_OK : store_error(s, err, "merge");
}

/*
 * other's assignments become keep's, each in keep's audit; on a
 * deployment keep is on too keep's stays, and other's status is in
 * other's audit.
 */
static int
move_assignments(struct store *s, const struct edit_record *keep,
    const struct edit_record *other, struct fold_log *l, struct error *err)
{
	const char *theirs, *ours;
	sqlite3_stmt *st;
	char field[512];
	int rc;

	if ((rc = store_prepare(s, &st, "SELECT d.name, o.status, k.status"
	    " FROM assignment o LEFT JOIN assignment k ON k.deployment ="
	    " o.deployment AND k.person = ?1 JOIN deployment d ON d.pk ="
	    " o.deployment WHERE o.person = ?2 ORDER BY d.name", err))
	    != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, keep->pk);
	sqlite3_bind_int64(st, 2, other->pk);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(field, sizeof field, "deployment %s",
		    sqlite3_column_text(st, 0));
		theirs = (const char *)sqlite3_column_text(st, 1);
		ours = (const char *)sqlite3_column_text(st, 2);
		if (ours == NULL)
			log_add(l, 1, field, NULL, theirs);
		else
			log_add(l, 0, field, theirs, ours);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "merge");
	return run(s, "UPDATE OR IGNORE assignment SET person = ?1"
	    " WHERE person = ?2", keep, other, err);
}

/*
 * What other owned beyond its record becomes keep's (a call-out message
 * of a call-out both had stays keep's); its not-same pairs name keep;
 * then its row goes, with its words, and its id is an alias.
 */
static const char *const move_sql[] = {
	"UPDATE OR IGNORE callout_message SET person = ?1 WHERE person = ?2",
	"UPDATE reply SET person = ?1 WHERE person = ?2",
	"INSERT OR IGNORE INTO not_same(a, b, who, at)"
	    " SELECT min(?3, CASE a WHEN ?4 THEN b ELSE a END),"
	    " max(?3, CASE a WHEN ?4 THEN b ELSE a END), who, at"
	    " FROM not_same WHERE (a = ?4 OR b = ?4) AND a <> ?3 AND b <> ?3",
	"DELETE FROM not_same WHERE a = ?4 OR b = ?4",
	"DELETE FROM person WHERE pk = ?2",
};

static int
log_write(struct store *s, const struct edit_record *keep,
    const struct edit_record *other, struct fold_log *l, struct error *err)
{
	char from[64], into[64];
	struct audit_entry e = { NULL, NULL, "person", keep->id, "merge",
	    from, l->keep, l->nkeep };
	int rc;

	snprintf(from, sizeof from, "from=%s", other->id);
	snprintf(into, sizeof into, "into=%s", keep->id);
	if ((rc = audit_write(s, &e, err)) != RC_OK)
		return rc;
	e.id = other->id;
	e.fields = into;
	e.changes = l->other;
	e.nchanges = l->nother;
	return audit_write(s, &e, err);
}

/* Both loaded as stored, in the caller's transaction. */
static int
fold_records(struct store *s, struct edit_record *keep,
    struct edit_record *other, unsigned take, struct error *err)
{
	struct fold_log l = { 0 };
	struct edit_record *was = NULL;
	size_t i;
	int rc;

	if ((rc = edit_load(s, keep->pk, &was, err)) != RC_OK)
		return rc;
	if ((rc = merged_record(s, keep, other, take, err)) == RC_OK &&
	    (rc = edit_save_within(s, keep, err)) == RC_OK &&
	    (rc = move_assignments(s, keep, other, &l, err)) == RC_OK) {
		log_fields(&l, was, other, keep);
		rc = fts_forget(s, other->pk, err);
		for (i = 0; i < sizeof move_sql / sizeof move_sql[0] &&
		    rc == RC_OK; i++)
			rc = run(s, move_sql[i], keep, other, err);
	}
	if (rc == RC_OK && (rc = alias_add(s, other->id, keep->id, err)) ==
	    RC_OK)
		rc = log_write(s, keep, other, &l, err);
	edit_free(was);
	log_free(&l);
	return rc;
}

/* Loads keep and other, which must be two people. */
static int
load_pair(struct store *s, long long keep, long long other,
    struct edit_record **k, struct edit_record **o, struct error *err)
{
	int rc;

	*k = *o = NULL;
	if (keep == other)
		return error_set(err, RC_INPUT, "a person cannot be merged "
		    "into themselves");
	if ((rc = edit_load(s, keep, k, err)) != RC_OK ||
	    (rc = edit_load(s, other, o, err)) != RC_OK)
		return rc;
	return RC_OK;
}

int
dupes_fold(struct store *s, long long keep, long long other, unsigned take,
    struct error *err)
{
	struct edit_record *k, *o;
	int rc;

	if ((rc = load_pair(s, keep, other, &k, &o, err)) == RC_OK)
		rc = fold_records(s, k, o, take, err);
	edit_free(k);
	edit_free(o);
	return rc;
}

/* Refused when r was saved since version was read (0: any). */
static int
still(const struct edit_record *r, long long version, struct error *err)
{
	if (version == 0 || r->version == version)
		return RC_OK;
	return error_set(err, RC_REFUSED, "%s %s was changed by someone else "
	    "meanwhile; nothing was merged", r->value[EF_GIVEN_NAME],
	    r->value[EF_FAMILY_NAME]);
}

int
dupes_merge(struct store *s, long long keep, long long keep_version,
    long long other, long long other_version, unsigned take,
    struct error *err)
{
	struct edit_record *k = NULL, *o = NULL;
	int rc;

	if ((rc = store_begin(s, err)) != RC_OK)
		return rc;
	if ((rc = load_pair(s, keep, other, &k, &o, err)) == RC_OK &&
	    (rc = still(k, keep_version, err)) == RC_OK &&
	    (rc = still(o, other_version, err)) == RC_OK)
		rc = fold_records(s, k, o, take, err);
	edit_free(k);
	edit_free(o);
	if (rc != RC_OK) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err);
}

#include <stdio.h>

#include "fts.h"
#include "strbuf.h"

/* Each person's document, by rowid (person.pk). */
#define FTS_COLUMNS "(rowid, names, agency, title, notes, missions)"
#define FTS_SELECT \
    " SELECT p.pk, fold_index(p.given_name || ' ' || p.family_name)," \
    " fold_index(p.agency), fold_index(p.rank), fold_index(p.notes)," \
    " fold_index((SELECT group_concat(m.name, ' ') FROM service s" \
    " JOIN mission m ON m.pk = s.mission WHERE s.person = p.pk))" \
    " FROM person p"
#define FTS_DOCUMENT FTS_COLUMNS FTS_SELECT

/*
 * The touched people's documents that are new or differ from what the
 * index holds, in temp.fts_doc: people whose record changed elsewhere
 * (a phone number) keep their entries.
 */
#define FTS_CHANGED \
    "CREATE TEMP TABLE IF NOT EXISTS fts_doc(names, agency, title, notes," \
    " missions); DELETE FROM temp.fts_doc;" \
    " INSERT INTO temp.fts_doc" FTS_DOCUMENT \
    " WHERE p.pk IN (SELECT pk FROM temp.touched);" \
    " DELETE FROM temp.fts_doc WHERE EXISTS (SELECT 1 FROM person_fts f" \
    " WHERE f.rowid = fts_doc.rowid AND f.names IS fts_doc.names" \
    " AND f.agency IS fts_doc.agency AND f.title IS fts_doc.title" \
    " AND f.notes IS fts_doc.notes AND f.missions IS fts_doc.missions);" \
    " DELETE FROM temp.touched"

/*
 * FTS5 keeps a replaced document's words in its older segments, next to
 * a deletion marker, until segments are merged; the 'secure-delete'
 * option that drops them at once needs SQLite 3.42, newer than Debian
 * 12's.  Merging the index into one segment ('optimize') drops them, and
 * secure_delete zeroes the pages the old segments leave, so a replaced
 * name is gone from the file, not just from search.
 */
static int
fts_replace(struct store *s, struct error *err)
{
	int rc, replaced;

	if ((rc = store_exec(s, "DELETE FROM person_fts WHERE rowid IN"
	    " (SELECT rowid FROM temp.fts_doc)", err)) != RC_OK)
		return rc;
	replaced = sqlite3_changes(s->db);
	if ((rc = store_exec(s, "INSERT INTO person_fts(rowid, names, agency,"
	    " title, notes, missions) SELECT rowid, * FROM temp.fts_doc;"
	    " DELETE FROM temp.fts_doc",
	    err)) != RC_OK || replaced == 0)
		return rc;
	store_scrub(s);
	return store_exec(s, "INSERT INTO person_fts(person_fts)"
	    " VALUES ('optimize')", err);
}

int
fts_refresh(struct store *s, int all, struct error *err)
{
	int rc;

	if (all)
		return store_exec(s, "DELETE FROM person_fts; "
		    "INSERT INTO person_fts" FTS_DOCUMENT, err);
	if ((rc = store_exec(s, FTS_CHANGED, err)) != RC_OK)
		return rc;
	return fts_replace(s, err);
}

int
fts_fold(struct store *s, const char *text, struct strbuf *out,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_cached(s, &st, "SELECT fold(?)", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		strbuf_adds(out, (const char *)sqlite3_column_text(st, 0));
	else
		rc = store_error(s, err, "fold");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

/*
 * What fts_check finds, one query each: people without an entry, entries
 * that are not what fts_refresh would write, entries of no one.
 */
static const char *const check_sql[] = {
	"SELECT p.given_name || ' ' || p.family_name, 'has no entry'"
	" FROM person p WHERE NOT EXISTS (SELECT 1 FROM person_fts f"
	" WHERE f.rowid = p.pk)",
	"WITH doc" FTS_COLUMNS " AS (" FTS_SELECT ")"
	" SELECT p.given_name || ' ' || p.family_name,"
	" 'has an entry that differs from the record'"
	" FROM doc d JOIN person_fts f ON f.rowid = d.rowid"
	" JOIN person p ON p.pk = d.rowid"
	" WHERE NOT (f.names IS d.names AND f.agency IS d.agency"
	" AND f.title IS d.title AND f.notes IS d.notes"
	" AND f.missions IS d.missions)",
	"SELECT 'entry ' || f.rowid, 'belongs to no one' FROM person_fts f"
	" WHERE NOT EXISTS (SELECT 1 FROM person p WHERE p.pk = f.rowid)",
};

int
fts_check(struct store *s, void (*problem)(const char *, void *), void *arg,
    struct error *err)
{
	sqlite3_stmt *st;
	char msg[512];
	size_t i;
	int rc;

	for (i = 0; i < sizeof check_sql / sizeof check_sql[0]; i++) {
		if ((rc = store_prepare(s, &st, check_sql[i], err)) != RC_OK)
			return rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			snprintf(msg, sizeof msg, "words index: %s %s",
			    (const char *)sqlite3_column_text(st, 0),
			    (const char *)sqlite3_column_text(st, 1));
			problem(msg, arg);
		}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return store_error(s, err, "words index");
	}
	return RC_OK;
}

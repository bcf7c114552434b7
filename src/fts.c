#include "fts.h"
#include "strbuf.h"

#define FTS_DOCUMENT \
    "INSERT INTO person_fts(rowid, names, agency, title, notes, missions)" \
    " SELECT p.pk, fold_index(p.given_name || ' ' || p.family_name)," \
    " fold_index(p.agency), fold_index(p.rank), fold_index(p.notes)," \
    " fold_index((SELECT group_concat(m.name, ' ') FROM service s" \
    " JOIN mission m ON m.pk = s.mission WHERE s.person = p.pk))" \
    " FROM person p"

int
fts_refresh(struct store *s, int all, struct error *err)
{
	int rc;

	if (all)
		return store_exec(s, "DELETE FROM person_fts; " FTS_DOCUMENT,
		    err);
	rc = store_exec(s, "DELETE FROM person_fts WHERE rowid IN"
	    " (SELECT pk FROM temp.touched); " FTS_DOCUMENT
	    " WHERE p.pk IN (SELECT pk FROM temp.touched);"
	    " DELETE FROM temp.touched", err);
	return rc;
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

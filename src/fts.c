#include "fts.h"

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

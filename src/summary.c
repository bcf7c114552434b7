#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "avail.h"
#include "person.h"
#include "strbuf.h"
#include "summary.h"

int
summary_load(struct store *s, long long pk, int today, struct summary *out,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	rc = store_cached(s, &st, "SELECT"
	    " p.family_name || ', ' || p.given_name, p.agency,"
	    " " PERSON_LANGUAGES("p.pk", "CASE l.name WHEN 'native' THEN 'N'"
	    " ELSE l.name END") ","
	    " coalesce((SELECT group_concat(country, ' ') FROM (SELECT DISTINCT"
	    "  country FROM service WHERE person = p.pk ORDER BY country)), ''),"
	    " coalesce((SELECT group_concat(slug, ' ') FROM (SELECT slug FROM"
	    "  person_theme WHERE person = p.pk UNION SELECT slug FROM"
	    "  service_theme WHERE person = p.pk ORDER BY 1)), ''),"
	    " p.notice_days, p.ready_until"
	    " FROM person p WHERE p.pk = ?", err);
	if (rc != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			rc = error_set(err, RC_REFUSED, "no person %lld", pk);
		else
			rc = store_error(s, err, "summary");
		sqlite3_reset(st);
		return rc;
	}
	out->pk = pk;
	out->name = store_text(st, 0);
	out->agency = store_text(st, 1);
	out->languages = store_text(st, 2);
	out->countries = store_text(st, 3);
	out->themes = store_text(st, 4);
	out->notice = sqlite3_column_int(st, 5);
	snprintf(out->ready, sizeof out->ready, "%s",
	    sqlite3_column_text(st, 6) != NULL ?
	    (const char *)sqlite3_column_text(st, 6) : "");
	sqlite3_reset(st);
	/* Per person, so that a list pays for the rows it shows. */
	if ((rc = avail_first(s, pk, today, &out->free_day, err)) != RC_OK)
		summary_free(out);
	return rc;
}

void
summary_free(struct summary *sm)
{
	free(sm->name);
	free(sm->agency);
	free(sm->languages);
	free(sm->countries);
	free(sm->themes);
	memset(sm, 0, sizeof *sm);
}

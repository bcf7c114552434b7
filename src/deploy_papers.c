/*
 * Papers on a deployment: whether a person's passport, medical and HEAT
 * last until the end of its window, said as a warning when they are
 * confirmed or deployed (deploy.h).
 *
 * Memory: warnings are appended to the caller's strbuf; nothing is kept.
 */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "deploy.h"

/* One line about a paper that is missing or lapses before through. */
static void
paper_warn(struct strbuf *warn, const char *who, const char *paper,
    const char *expiry, const char *through, int open, int today)
{
	char now[DATE_LEN];

	date_format(today, now);
	if (expiry == NULL || *expiry == '\0')
		strbuf_addf(warn, "%s: no %s expiry on record\n", who, paper);
	else if (strcmp(expiry, now) < 0)
		strbuf_addf(warn, "%s: %s expired %s\n", who, paper, expiry);
	else if (strcmp(expiry, through) < 0)
		strbuf_addf(warn, "%s: %s expires %s, before %s %s\n", who,
		    paper, expiry, open ? "the horizon of this open-ended "
		    "deployment," : "the end", through);
}

int
deploy_papers_warn(struct store *s, const struct deployment *d,
    long long person, int today, struct strbuf *warn, struct error *err)
{
	static const char *const papers[] = { "passport", "medical", "HEAT" };
	char through[DATE_LEN], who[256];
	sqlite3_stmt *st;
	int rc, from, to, i;

	deploy_window(d, &from, &to);
	date_format(to, through);
	if ((rc = store_prepare(s, &st, "SELECT given_name || ' ' ||"
	    " family_name, passport_expiry, medical_expiry, heat_expiry FROM"
	    " person WHERE pk = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, person);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		snprintf(who, sizeof who, "%s", sqlite3_column_text(st, 0));
		for (i = 0; i < 3; i++)
			paper_warn(warn, who, papers[i], (const char *)
			    sqlite3_column_text(st, i + 1), through,
			    d->end == DEPLOY_OPEN, today);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "deploy");
}

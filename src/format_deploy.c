#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "date.h"
#include "format.h"
#include "format_deploy.h"
#include "person.h"
#include "strbuf.h"
#include "width.h"

void
format_deploy_dates(const struct deployment *d, char *buf, size_t len)
{
	char start[DATE_LEN], end[DATE_LEN];

	date_format(d->start, start);
	if (d->end == DEPLOY_OPEN) {
		snprintf(buf, len, "from %s, open-ended", start);
		return;
	}
	date_format(d->end, end);
	snprintf(buf, len, "%s to %s", start, end);
}

static const char *const months[] = { "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December" };

void
format_deploy_window(const struct deployment *d, char *buf, size_t len)
{
	int y, m, dd, ye, me, de, days;

	date_to_ymd(d->start, &y, &m, &dd);
	if (d->end == DEPLOY_OPEN) {
		snprintf(buf, len, "from %d %s %d, open-ended", dd,
		    months[m - 1], y);
		return;
	}
	date_to_ymd(d->end, &ye, &me, &de);
	days = d->end - d->start + 1;
	if (days == 1)
		snprintf(buf, len, "%d %s %d, 1 day", dd, months[m - 1], y);
	else if (y == ye && m == me)
		snprintf(buf, len, "%d\u2013%d %s %d, %d days", dd, de,
		    months[m - 1], y, days);
	else if (y == ye)
		snprintf(buf, len, "%d %s \u2013 %d %s %d, %d days", dd,
		    months[m - 1], de, months[me - 1], y, days);
	else
		snprintf(buf, len, "%d %s %d \u2013 %d %s %d, %d days", dd,
		    months[m - 1], y, de, months[me - 1], ye, days);
}

/* Text made safe for a terminal, in at most cols columns. */
static void
cell(struct strbuf *b, const char *s, size_t cols, int pad)
{
	width_fit(b, s != NULL ? s : "", cols, pad);
}

static int
country_name(struct store *s, const char *code, char *buf, size_t len,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	snprintf(buf, len, "%s", code);
	if ((rc = store_cached(s, &st, "SELECT name FROM country WHERE code = ?",
	    err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(buf, len, "%s", sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return RC_OK;
}

int
format_deploy_list(struct store *s, int today, FILE *fp, struct error *err)
{
	struct deploy_summary *sum;
	struct strbuf line = { 0 };
	char dates[64];
	size_t n, i;
	int rc;

	if ((rc = deploy_summaries(s, today, &sum, &n, err)) != RC_OK)
		return rc;
	if (n > 0)
		fprintf(fp, "%-24s %-12s %-7s %-31s %-8s %7s  %s\n", "NAME",
		    "KIND", "COUNTRY", "DATES", "STATUS", "MEMBERS",
		    "OPEN NEEDS");
	for (i = 0; i < n; i++) {
		format_deploy_dates(&sum[i].d, dates, sizeof dates);
		strbuf_reset(&line);
		cell(&line, sum[i].d.name, 24, 1);
		strbuf_addf(&line, " %-12s %-7s %-31s %-8s %7zu  %zu of %zu",
		    sum[i].d.kind, sum[i].d.country, dates, sum[i].d.status,
		    sum[i].active, sum[i].open, sum[i].d.nneeds);
		fprintf(fp, "%s\n", strbuf_str(&line));
	}
	strbuf_free(&line);
	deploy_summaries_free(sum, n);
	return RC_OK;
}

static int
header(struct store *s, const struct deployment *d, FILE *fp,
    struct error *err)
{
	struct strbuf name = { 0 };
	char country[128], dates[64];
	int rc;

	if ((rc = country_name(s, d->country, country, sizeof country, err))
	    != RC_OK)
		return rc;
	format_deploy_dates(d, dates, sizeof dates);
	/* A name from an old or hand-edited row may hold anything. */
	cell(&name, d->name, 200, 0);
	fprintf(fp, "%s\n%s in %s (%s), %s; %s\n", strbuf_str(&name), d->kind,
	    country, d->country, dates, d->status);
	strbuf_free(&name);
	return RC_OK;
}

int
format_deploy_table(struct store *s, const struct deployment *d, int today,
    FILE *fp, struct error *err)
{
	struct coverage *cov;
	struct member *m;
	struct strbuf line = { 0 }, name = { 0 };
	size_t nm, i, ready;
	int rc;

	if ((rc = header(s, d, fp, err)) != RC_OK)
		return rc;
	if ((rc = deploy_coverage(s, d, today, &cov, err)) != RC_OK)
		return rc;
	fprintf(fp, "\nNeeds\n");
	if (d->nneeds == 0)
		fprintf(fp, "  none\n");
	for (i = 0; i < d->nneeds; i++) {
		strbuf_reset(&line);
		strbuf_addf(&line, "  %3d  ", d->needs[i].count);
		cell(&line, d->needs[i].filter, 40, 1);
		strbuf_addf(&line, "  %lld of %d", cov[i].have, cov[i].want);
		if (cov[i].have < cov[i].want)
			strbuf_addf(&line, ", %lld open",
			    cov[i].want - cov[i].have);
		else
			strbuf_adds(&line, ", covered");
		fprintf(fp, "%s\n", strbuf_str(&line));
	}
	free(cov);
	if ((rc = deploy_members(s, d, today, &m, &nm, err)) != RC_OK) {
		strbuf_free(&line);
		return rc;
	}
	/* READY as wide as the widest: a document or date cut off could
	 * send someone whose passport has expired. */
	for (ready = 5, i = 0; i < nm; i++)
		if (width_of(m[i].ready) > ready)
			ready = width_of(m[i].ready);
	fprintf(fp, "\nMembers\n");
	if (nm == 0)
		fprintf(fp, "  none (roster deploy add, or deploy suggest)\n");
	else
		fprintf(fp, "  %-8s  %-26s  %-16s  %-10s  %-*s  %s\n", "ID",
		    "NAME", "AGENCY", "STATUS", (int)ready, "READY", "HISTORY");
	for (i = 0; i < nm; i++) {
		strbuf_reset(&name);
		strbuf_addf(&name, "%s, %s", m[i].family_name, m[i].given_name);
		strbuf_reset(&line);
		strbuf_addf(&line, "  %.8s  ", m[i].id);
		cell(&line, strbuf_str(&name), 26, 1);
		strbuf_adds(&line, "  ");
		cell(&line, m[i].agency, 16, 1);
		strbuf_addf(&line, "  %-10s  ", member_status_name(m[i].status));
		cell(&line, m[i].ready, ready, 1);
		strbuf_adds(&line, "  ");
		cell(&line, m[i].history, 200, 0);
		if (m[i].role[0] != '\0') {
			strbuf_adds(&line, "  role: ");
			cell(&line, m[i].role, 40, 0);
		}
		fprintf(fp, "%s\n", strbuf_str(&line));
	}
	strbuf_free(&name);
	deploy_members_free(m, nm);
	strbuf_free(&line);
	return RC_OK;
}

/* A member's email or phone as written out: none for someone who left
 * the service, unless flags ask for it. */
static const char *
contact(const struct member *m, const char *v, int flags)
{
	return m->left && !(flags & FORMAT_LEFT_CONTACTS) ? "" : v;
}

int
format_deploy_csv(struct store *s, const struct deployment *d, int today,
    int flags, FILE *fp, struct error *err)
{
	static const char *const cols[] = { "person_id", "family_name",
	    "given_name", "agency", "phone", "email", "role", "status",
	    "status_at", "ready" };
	struct member *m;
	size_t nm, i;
	int j, n = (int)(sizeof cols / sizeof cols[0]), rc;

	if ((rc = deploy_members(s, d, today, &m, &nm, err)) != RC_OK)
		return rc;
	for (j = 0; j < n; j++)
		csv_write_field(fp, cols[j], j == n - 1);
	for (i = 0; i < nm; i++) {
		const char *v[] = { m[i].id, m[i].family_name, m[i].given_name,
		    m[i].agency, contact(&m[i], m[i].phone, flags),
		    contact(&m[i], m[i].email, flags), m[i].role,
		    member_status_name(m[i].status), m[i].since, m[i].ready };

		for (j = 0; j < n; j++)
			csv_write_field(fp, v[j], j == n - 1);
	}
	deploy_members_free(m, nm);
	return RC_OK;
}

int
format_deploy_json(struct store *s, const struct deployment *d, int today,
    int flags, FILE *fp, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, &st, "SELECT coalesce(json_group_array("
	    "json(m)), '[]') FROM (SELECT json_object('person_id', p.id,"
	    " 'family_name', p.family_name, 'given_name', p.given_name,"
	    " 'agency', p.agency, 'phone', " PERSON_CONTACT_SQL("p", "phone",
	    "?4") ", 'email', " PERSON_CONTACT_SQL("p", "email", "?4") ","
	    " 'role', a.role, 'status', a.status, 'status_at', " DEPLOY_STATUS_AT
	    ", 'ready', " DEPLOY_READY_SQL ") AS m" DEPLOY_MEMBER_ROWS ")",
	    err)) != RC_OK)
		return rc;
	deploy_member_bind(st, d, today);
	/* After deploy_member_bind's ?1 to ?3. */
	sqlite3_bind_int(st, 4, (flags & FORMAT_LEFT_CONTACTS) != 0);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fprintf(fp, "%s\n", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? RC_OK : store_error(s, err, "deploy");
}

int
format_deploy_sheet(struct store *s, const struct deployment *d, int today,
    int flags, FILE *fp, struct error *err)
{
	struct member *m;
	struct strbuf b = { 0 };
	const char *phone, *email;
	char day[DATE_LEN];
	size_t nm, i, k = 0, left_out = 0;
	int rc;

	if ((rc = deploy_members(s, d, today, &m, &nm, err)) != RC_OK)
		return rc;
	date_format(today, day);
	fprintf(fp, "CALL-OUT SHEET  ");
	if ((rc = header(s, d, fp, err)) != RC_OK) {
		deploy_members_free(m, nm);
		return rc;
	}
	fprintf(fp, "Printed %s.  Members still in play, by status.\n", day);
	for (i = 0; i < nm; i++) {
		if (!member_status_active(m[i].status))
			continue;
		strbuf_reset(&b);
		strbuf_addf(&b, "\n%3zu. ", ++k);
		cell(&b, m[i].family_name, 60, 0);
		strbuf_adds(&b, ", ");
		cell(&b, m[i].given_name, 60, 0);
		strbuf_adds(&b, "  (");
		cell(&b, m[i].agency, 60, 0);
		phone = contact(&m[i], m[i].phone, flags);
		email = contact(&m[i], m[i].email, flags);
		left_out += *phone == '\0' && *email == '\0' &&
		    (m[i].phone[0] != '\0' || m[i].email[0] != '\0');
		strbuf_adds(&b, ")\n     Phone: ");
		cell(&b, phone[0] ? phone : "-", 40, 0);
		strbuf_adds(&b, "   Email: ");
		cell(&b, email[0] ? email : "-", 60, 0);
		strbuf_adds(&b, "\n     Languages: ");
		cell(&b, m[i].languages[0] ? m[i].languages : "-", 70, 0);
		strbuf_addf(&b, "\n     Status: %s since %s   Ready: ",
		    member_status_name(m[i].status), m[i].since);
		cell(&b, m[i].ready, 60, 0);
		if (m[i].role[0] != '\0') {
			strbuf_adds(&b, "   Role: ");
			cell(&b, m[i].role, 40, 0);
		}
		strbuf_adds(&b, "\n     Reached: [ ]  Answer: __________"
		    "__________________________");
		fprintf(fp, "%s\n", strbuf_str(&b));
	}
	if (k == 0)
		fprintf(fp, "\nNobody is on the list yet.\n");
	if (left_out > 0)
		fprintf(fp, "\nThe contacts of %zu %s who left the service are "
		    "left out.\n", left_out, left_out == 1 ? "person" :
		    "people");
	strbuf_free(&b);
	deploy_members_free(m, nm);
	return RC_OK;
}

int
format_deploy_horizon(const struct deployment *d,
    const struct suggest_report *r, char *buf, size_t len)
{
	char until[DATE_LEN];

	*buf = '\0';
	if (d->end != DEPLOY_OPEN)
		return 0;
	date_format(r->until, until);
	snprintf(buf, len, "open-ended: candidates must be free until %s",
	    until);
	return 1;
}

void
format_deploy_shortfall(const struct deployment *d,
    const struct suggest_report *r, FILE *fp)
{
	struct strbuf filter = { 0 };
	size_t i, shortfalls = 0;

	for (i = 0; i < r->nneeds; i++)
		if (r->short_by[i] > 0) {
			strbuf_reset(&filter);
			width_fit(&filter, d->needs[i].filter, SIZE_MAX, 0);
			fprintf(fp, "need %zu (%d:%s) falls short by %d\n",
			    i + 1, d->needs[i].count, strbuf_str(&filter),
			    r->short_by[i]);
			shortfalls++;
		}
	if (shortfalls == 0 && r->nneeds > 0)
		fprintf(fp, "every need is covered\n");
	strbuf_reset(&filter);
	suggest_left_out_text(r, &filter);
	fprintf(fp, "%s\n", strbuf_str(&filter));
	strbuf_free(&filter);
}

int
format_deploy_suggest(struct store *s, const struct suggest_report *r, FILE *fp,
    struct error *err)
{
	struct strbuf line = { 0 };
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if (r->n > 0)
		fprintf(fp, "%-8s  %-26s  %-16s  %s\n", "ID", "NAME", "AGENCY",
		    "WHY");
	if ((rc = store_prepare(s, &st, "SELECT substr(id, 1, 8), family_name"
	    " || ', ' || given_name, agency FROM person WHERE pk = ?", err))
	    != RC_OK)
		return rc;
	for (i = 0; i < r->n && rc == RC_OK; i++) {
		sqlite3_bind_int64(st, 1, r->people[i].person);
		if (sqlite3_step(st) != SQLITE_ROW) {
			rc = store_error(s, err, "deploy suggest");
			break;
		}
		strbuf_reset(&line);
		strbuf_addf(&line, "%s  ", sqlite3_column_text(st, 0));
		width_fit(&line, (const char *)sqlite3_column_text(st, 1), 26,
		    1);
		strbuf_adds(&line, "  ");
		width_fit(&line, (const char *)sqlite3_column_text(st, 2), 16,
		    1);
		strbuf_adds(&line, "  ");
		width_fit(&line, r->people[i].why, 400, 0);
		fprintf(fp, "%s\n", strbuf_str(&line));
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	strbuf_free(&line);
	return rc;
}

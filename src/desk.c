/*
 * The call-out desk's view of a deployment (desk.h): its members with
 * their last message and reply, read with prepared statements from the
 * tables of db/004-callout.sql, and its needs as deploy_coverage counts
 * them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "desk.h"
#include "strbuf.h"

/* The last message to member ?2 on a call-out of deployment ?1. */
#define LAST_MESSAGE_SQL \
    "SELECT c.channel, m.at, m.result, m.callout FROM callout_message m" \
    " JOIN callout c ON c.pk = m.callout WHERE c.deployment = ?1" \
    " AND m.person = ?2 ORDER BY m.at DESC, m.pk DESC LIMIT 1"
/* Seconds from that message (its time ?3, its call-out ?1) to the first
 * reply to it by member ?2; a reply dated before it counts as 0, as
 * callout_stats counts it. */
#define FIRST_REPLY_SQL \
    "SELECT max(0, CAST(strftime('%s', min(at)) AS INTEGER) -" \
    " CAST(strftime('%s', ?3) AS INTEGER)) FROM reply" \
    " WHERE callout = ?1 AND person = ?2"
/* The unclear replies to deployment ?1's call-outs that no member was
 * matched to, not yet decided. */
#define STRAYS_SQL \
    "SELECT r.channel, r.at, r.sender, r.text, r.note FROM reply r" \
    " JOIN callout c ON c.pk = r.callout WHERE c.deployment = ?1" \
    " AND r.person IS NULL AND r.answer = 'unclear' AND r.decided = ''" \
    " ORDER BY r.at, r.pk"
/* The last reply of member ?2 on a call-out of deployment ?1. */
#define LAST_REPLY_SQL \
    "SELECT r.answer, r.decided, r.at, r.text, r.note, r.outcome" \
    " FROM reply r JOIN callout c ON c.pk = r.callout" \
    " WHERE c.deployment = ?1 AND r.person = ?2" \
    " ORDER BY r.at DESC, r.pk DESC LIMIT 1"

/* The statements desk_load prepares once for all members. */
enum { ST_MESSAGE, ST_FIRST, ST_REPLY, ST_STRAYS, ST_N };

static void
copy(char *to, size_t len, sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	snprintf(to, len, "%s", s != NULL ? (const char *)s : "");
}

/* The time from the message to its first reply, into r->seconds. */
static int
first_reply(struct store *s, sqlite3_stmt *st, long long callout,
    long long person, struct desk_row *r, struct error *err)
{
	int rc;

	sqlite3_bind_int64(st, 1, callout);
	sqlite3_bind_int64(st, 2, person);
	sqlite3_bind_text(st, 3, r->called, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    sqlite3_column_type(st, 0) != SQLITE_NULL)
		r->seconds = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "desk");
}

static int
last_message(struct store *s, sqlite3_stmt **sts, long long dpk,
    struct desk_row *r, struct error *err)
{
	sqlite3_stmt *st = sts[ST_MESSAGE];
	long long callout = 0;
	int rc;

	sqlite3_bind_int64(st, 1, dpk);
	sqlite3_bind_int64(st, 2, r->m->person);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		copy(r->channel, sizeof r->channel, st, 0);
		copy(r->called, sizeof r->called, st, 1);
		copy(r->result, sizeof r->result, st, 2);
		callout = sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(s, err, "desk");
	return callout != 0 ? first_reply(s, sts[ST_FIRST], callout,
	    r->m->person, r, err) : RC_OK;
}

static int
last_reply(struct store *s, sqlite3_stmt *st, long long dpk,
    struct desk_row *r, struct error *err)
{
	const char *decided;
	int rc;

	sqlite3_bind_int64(st, 1, dpk);
	sqlite3_bind_int64(st, 2, r->m->person);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		copy(r->answer, sizeof r->answer, st, 0);
		decided = (const char *)sqlite3_column_text(st, 1);
		/* What a person decided stands for what was unclear. */
		if (decided != NULL && *decided != '\0' &&
		    strcmp(decided, "ignored") != 0)
			snprintf(r->answer, sizeof r->answer, "%s", decided);
		r->unclear = strcmp(r->answer, "unclear") == 0 &&
		    (decided == NULL || *decided == '\0');
		copy(r->replied, sizeof r->replied, st, 2);
		r->text = store_text(st, 3);
		r->note = store_text(st, 4);
		r->outcome = store_text(st, 5);
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "desk");
}

/* The replies no member was matched to, as rows after the members'. */
static int
strays(struct store *s, sqlite3_stmt *st, long long dpk, struct desk *k,
    struct error *err)
{
	struct desk_row *r;
	int rc;

	sqlite3_bind_int64(st, 1, dpk);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		k->rows = xrealloc(k->rows, (k->nrows + 1) * sizeof *k->rows);
		r = &k->rows[k->nrows++];
		memset(r, 0, sizeof *r);
		r->seconds = -1;
		r->unclear = 1;
		snprintf(r->answer, sizeof r->answer, "unclear");
		copy(r->channel, sizeof r->channel, st, 0);
		copy(r->replied, sizeof r->replied, st, 1);
		r->sender = store_text(st, 2);
		r->text = store_text(st, 3);
		r->note = store_text(st, 4);
	}
	return rc == SQLITE_DONE ? RC_OK : store_error(s, err, "desk");
}

/* Unclear replies on top, each part in the members' order. */
static void
unclear_first(struct desk *k)
{
	struct desk_row *sorted;
	size_t i, n = 0;
	int pass;

	sorted = xcalloc(k->nrows > 0 ? k->nrows : 1, sizeof *sorted);
	for (pass = 1; pass >= 0; pass--)
		for (i = 0; i < k->nrows; i++)
			if (k->rows[i].unclear == pass)
				sorted[n++] = k->rows[i];
	free(k->rows);
	k->rows = sorted;
}

static int
rows_load(struct store *s, const struct deployment *d, struct desk *k,
    struct error *err)
{
	static const char *const sql[ST_N] = { LAST_MESSAGE_SQL,
	    FIRST_REPLY_SQL, LAST_REPLY_SQL, STRAYS_SQL };
	sqlite3_stmt *st[ST_N] = { NULL };
	size_t i;
	int rc = RC_OK, j;

	for (j = 0; j < ST_N && rc == RC_OK; j++)
		rc = store_prepare(s, &st[j], sql[j], err);
	k->rows = xcalloc(k->nmembers + 1, sizeof *k->rows);
	for (i = 0; i < k->nmembers && rc == RC_OK; i++) {
		k->rows[i].m = &k->members[i];
		k->rows[i].seconds = -1;
		k->nrows++;
		if ((rc = last_message(s, st, d->pk, &k->rows[i], err)) ==
		    RC_OK)
			rc = last_reply(s, st[ST_REPLY], d->pk, &k->rows[i],
			    err);
	}
	if (rc == RC_OK)
		rc = strays(s, st[ST_STRAYS], d->pk, k, err);
	for (j = 0; j < ST_N; j++)
		sqlite3_finalize(st[j]);
	if (rc == RC_OK)
		unclear_first(k);
	return rc;
}

static void
needs_count(const struct coverage *cov, struct desk *k)
{
	struct desk_need *n;
	size_t i;

	for (i = 0; i < k->nneeds; i++) {
		n = &k->needs[i];
		n->want = cov[i].want;
		n->confirmed = cov[i].firm;
		n->asked = cov[i].have - cov[i].firm;
		n->open = cov[i].have < cov[i].want ?
		    cov[i].want - cov[i].have : 0;
	}
}

/* By name, as the deployment lists them within a status. */
static int
member_cmp(const void *va, const void *vb)
{
	const struct member *a = va, *b = vb;
	int c;

	if ((c = strcasecmp(a->family_name, b->family_name)) != 0 ||
	    (c = strcasecmp(a->given_name, b->given_name)) != 0)
		return c;
	return strcmp(a->id, b->id);
}

int
desk_load(struct store *s, const struct deployment *d, int today,
    struct desk *k, struct error *err)
{
	struct coverage *cov;
	int rc;

	memset(k, 0, sizeof *k);
	if ((rc = deploy_members(s, d, today, &k->members, &k->nmembers,
	    err)) != RC_OK)
		return rc;
	/*
	 * Not by status, as on the deployment: a reply changes a status,
	 * and a row moving under the cursor sends the next key typed
	 * ahead (j, then y) to someone else.
	 */
	if (k->nmembers > 0)
		qsort(k->members, k->nmembers, sizeof *k->members,
		    member_cmp);
	if ((rc = rows_load(s, d, k, err)) != RC_OK)
		return rc;
	if ((rc = deploy_coverage(s, d, today, &cov, err)) != RC_OK)
		return rc;
	k->nneeds = d->nneeds;
	k->needs = xcalloc(k->nneeds > 0 ? k->nneeds : 1, sizeof *k->needs);
	needs_count(cov, k);
	free(cov);
	return RC_OK;
}

void
desk_free(struct desk *k)
{
	size_t i;

	for (i = 0; i < k->nrows; i++) {
		free(k->rows[i].sender);
		free(k->rows[i].text);
		free(k->rows[i].note);
		free(k->rows[i].outcome);
	}
	free(k->rows);
	free(k->needs);
	deploy_members_free(k->members, k->nmembers);
	memset(k, 0, sizeof *k);
}

void
desk_duration(long seconds, char buf[8])
{
	if (seconds < 60)
		snprintf(buf, 8, "%lds", seconds < 0 ? 0 : seconds);
	else if (seconds < 3600)
		snprintf(buf, 8, "%ldm", seconds / 60);
	else if (seconds < 86400)
		snprintf(buf, 8, "%ldh%02ld", seconds / 3600,
		    seconds % 3600 / 60);
	else if (seconds < 100 * 86400L)
		snprintf(buf, 8, "%ldd%02ld", seconds / 86400,
		    seconds % 86400 / 3600);
	else
		snprintf(buf, 8, "%ldd", seconds / 86400 > 99999 ? 99999 :
		    seconds / 86400);
}

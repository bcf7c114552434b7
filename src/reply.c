/*
 * reply.c - keeping a reply to a call-out and applying it (callout.h):
 * the reply row, the member's new status through deploy_set_in (the one
 * writer, with deploy set's double-booking refusal) and the audit, in one
 * transaction.  A reply that cannot be placed (no open call-out by its
 * code, a sender who was not called) is kept unclear, with why in its
 * note, for a person to decide (reply_decide).
 *
 * Memory: nothing the caller sees is allocated.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "callout.h"
#include "date.h"
#include "deploy.h"
#include "deploy_write.h"
#include "person.h"

static const char *const answer_names[] = { "yes", "no", "maybe",
    "unclear" };
static const char *const channel_names[] = { "email", "sms", "phone" };

const char *
reply_answer_name(enum reply_answer a)
{
	return answer_names[a];
}

/* Where a reply belongs: its call-out, deployment and member (0 when not
 * known), and why not when one is missing. */
struct place {
	long long	 callout, deployment, person;
	char		 why[96];
};

/* Steps st (bound): column 0 and 1 into a and b (b may be NULL); 0 when
 * there was no row. */
static int
row2(struct store *s, sqlite3_stmt *st, long long *a, long long *b,
    struct error *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		*a = sqlite3_column_int64(st, 0);
		if (b != NULL)
			*b = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return RC_OK;
	return store_error(s, err, "reply");
}

static int
place_callout(struct store *s, const struct reply_in *in, struct place *pl,
    struct error *err)
{
	sqlite3_stmt *st;
	long long closed = 0;
	int rc;

	if (in->deployment != NULL) {
		if ((rc = store_prepare(s, &st, "SELECT pk, status = 'closed'"
		    " FROM deployment WHERE name = ? COLLATE NOCASE", err))
		    != RC_OK)
			return rc;
		sqlite3_bind_text(st, 1, in->deployment, -1, SQLITE_STATIC);
		if ((rc = row2(s, st, &pl->deployment, &closed, err)) != RC_OK)
			return rc;
		if (pl->deployment == 0)
			return error_set(err, RC_REFUSED, "no deployment named"
			    " '%s' (roster deploy list shows them)",
			    in->deployment);
		/* Closed is closed, as for every other change. */
		if (closed)
			return error_set(err, RC_REFUSED, "deployment '%s' is"
			    " closed", in->deployment);
		/*
		 * Its call-out by the code, else the latest the member was
		 * sent (a later wave to others is not what they answer),
		 * else the latest: a phone call may answer any wave.
		 */
		if ((rc = store_prepare(s, &st, "SELECT c.pk FROM callout c"
		    " WHERE c.deployment = ?1 AND (?2 IS NULL OR c.code = ?2"
		    " COLLATE NOCASE) ORDER BY EXISTS (SELECT 1 FROM"
		    " callout_message m WHERE m.callout = c.pk AND"
		    " m.person = ?3) DESC, c.at DESC, c.pk DESC LIMIT 1", err))
		    != RC_OK)
			return rc;
		sqlite3_bind_int64(st, 1, pl->deployment);
		sqlite3_bind_text(st, 2, in->code, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, in->person);
		return row2(s, st, &pl->callout, NULL, err);
	}
	if (in->code == NULL || in->code[0] == '\0') {
		snprintf(pl->why, sizeof pl->why, "no reply code");
		return RC_OK;
	}
	if ((rc = store_prepare(s, &st, "SELECT pk, deployment FROM callout"
	    " WHERE code = ? COLLATE NOCASE AND open AND deployment IN"
	    " (SELECT pk FROM deployment WHERE status <> 'closed')"
	    " ORDER BY pk DESC LIMIT 1", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, in->code, -1, SQLITE_STATIC);
	if ((rc = row2(s, st, &pl->callout, &pl->deployment, err)) == RC_OK &&
	    pl->callout == 0)
		snprintf(pl->why, sizeof pl->why, "no open call-out %s",
		    in->code);
	return rc;
}

/* The member: given, or the recipient of the call-out with the sender's
 * address. */
static int
place_person(struct store *s, const struct reply_in *in, struct place *pl,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (in->person != 0) {
		/* Named when asked (the desk's note), erased since. */
		if ((rc = store_prepare(s, &st, "SELECT pk FROM person WHERE"
		    " pk = ?", err)) != RC_OK)
			return rc;
		sqlite3_bind_int64(st, 1, in->person);
		if ((rc = row2(s, st, &pl->person, NULL, err)) == RC_OK &&
		    pl->person == 0)
			rc = error_set(err, RC_REFUSED, "the person was erased "
			    "meanwhile: nothing recorded");
		return rc;
	}
	if (pl->callout == 0)
		return RC_OK;
	if ((rc = store_prepare(s, &st, "SELECT m.person FROM callout_message"
	    " m JOIN person p ON p.pk = m.person WHERE m.callout = ?1 AND"
	    " ?2 <> '' AND (m.address = ?2 COLLATE NOCASE OR p.email = ?2"
	    " COLLATE NOCASE) ORDER BY m.pk LIMIT 1", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pl->callout);
	sqlite3_bind_text(st, 2, in->sender != NULL ? in->sender : "", -1,
	    SQLITE_STATIC);
	if ((rc = row2(s, st, &pl->person, NULL, err)) == RC_OK &&
	    pl->person == 0)
		snprintf(pl->why, sizeof pl->why, "not called");
	return rc;
}

/* The member's status on d, or -1 when they are not on it. */
static int
status_of(struct store *s, long long deployment, long long person,
    enum member_status *ms, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, &st, "SELECT status FROM assignment WHERE"
	    " deployment = ? AND person = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, deployment);
	sqlite3_bind_int64(st, 2, person);
	*ms = MS_N;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		member_status_parse((const char *)sqlite3_column_text(st, 0),
		    ms);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "reply");
}

/* The name of deployment pk into out ("" when there is none). */
static int
deployment_name(struct store *s, long long pk, char *out, size_t len,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	out[0] = '\0';
	if ((rc = store_prepare(s, &st, "SELECT name FROM deployment WHERE"
	    " pk = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		snprintf(out, len, "%s", (const char *)sqlite3_column_text(st,
		    0));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "reply");
}

/* Moves the member as the answer says, with deploy set's rules: what it
 * did, or why not, into outcome. */
static int
apply(struct store *s, struct deploy_writer *w, const struct place *pl,
    enum reply_answer answer, long long rpk, char *outcome, size_t len,
    struct error *err)
{
	static const enum member_status to_of[] = { MS_CONFIRMED,
	    MS_DECLINED, MS_CONTACTED };
	enum member_status from, to = to_of[answer];
	struct deployment d;
	char name[256], note[32], *other = NULL;
	int rc;

	if ((rc = status_of(s, pl->deployment, pl->person, &from, err))
	    != RC_OK)
		return rc;
	if (from == MS_N) {
		snprintf(outcome, len, "not on the list");
		return RC_OK;
	}
	/* Maybe: they were asked; they stay where they are if further. */
	if (to == MS_CONTACTED && from != MS_PROPOSED) {
		snprintf(outcome, len, "%s%s", from == MS_CONTACTED ? "" :
		    "stays ", member_status_name(from));
		return RC_OK;
	}
	if ((rc = deployment_name(s, pl->deployment, name, sizeof name,
	    err)) != RC_OK || (rc = deploy_get(s, name, &d, err)) != RC_OK)
		return rc;
	if (to == MS_CONFIRMED && from != MS_CONFIRMED &&
	    (rc = deploy_conflict(s, &d, pl->person, &other, err)) == RC_OK &&
	    other != NULL)
		snprintf(outcome, len, "booked on %s", other);
	else if (rc == RC_OK) {
		snprintf(note, sizeof note, " reply=%lld", rpk);
		rc = deploy_set_in(s, w, &d, pl->person, to, 0, note, err);
		if (rc == RC_REFUSED) {
			snprintf(outcome, len, "refused: already %s",
			    member_status_name(from));
			rc = RC_OK;
		} else
			snprintf(outcome, len, "%s", member_status_name(to));
	}
	free(other);
	deploy_clear(&d);
	return rc;
}

/* One audit line for the reply (its deployment's, or the pool's when it
 * was not placed), with what it said and did. */
static int
reply_audit(struct store *s, const struct place *pl, const char *action,
    long long rpk, const char *answer, const char *sender,
    const char *outcome, struct error *err)
{
	struct audit_change c[3] = { { "answer", NULL, answer },
	    { "outcome", NULL, outcome }, { "sender", NULL, sender } };
	struct audit_entry e = { NULL, NULL, "deployment", "", action, NULL,
	    c, sender != NULL && sender[0] != '\0' ? 3 : 2 };
	char id[PERSON_ID_LEN], fields[96], dname[256];
	int rc;

	if ((rc = deployment_name(s, pl->deployment, dname, sizeof dname,
	    err)) != RC_OK)
		return rc;
	e.id = dname;
	snprintf(fields, sizeof fields, "reply=%lld%s%s", rpk,
	    pl->person != 0 ? " person=" : "",
	    pl->person != 0 ? person_id(s, pl->person, id) : "");
	e.fields = fields;
	return audit_write(s, &e, err);
}

/* Whether message id was kept already: its outcome into out. */
static int
duplicate(struct store *s, const char *id, struct reply_out *out,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (id == NULL)
		return RC_OK;
	if ((rc = store_prepare(s, &st, "SELECT outcome FROM reply WHERE"
	    " message_id = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->duplicate = 1;
		snprintf(out->outcome, sizeof out->outcome, "%s",
		    (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? RC_OK :
	    store_error(s, err, "reply");
}

static int
reply_insert(struct store *s, const struct reply_in *in,
    const struct place *pl, enum reply_answer answer, const char *now,
    long long *rpk, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, &st, "INSERT INTO reply(callout, person,"
	    " at, received, channel, answer, note, sender, text, message_id)"
	    " VALUES (nullif(?1, 0), nullif(?2, 0), ?3, ?4, ?5, ?6, ?7, ?8,"
	    " ?9, ?10)", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pl->callout);
	sqlite3_bind_int64(st, 2, pl->person);
	sqlite3_bind_text(st, 3, in->at != NULL ? in->at : now, -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 4, now, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, channel_names[in->channel], -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 6, answer_names[answer], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, in->note != NULL && in->note[0] != '\0' ?
	    in->note : pl->why, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, in->sender != NULL ? in->sender : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 9, in->text != NULL ? in->text : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(st, 10, in->message_id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_error(s, err, "reply");
	*rpk = sqlite3_last_insert_rowid(s->db);
	return RC_OK;
}

static int
set_outcome(struct store *s, long long rpk, const char *decided,
    const struct place *pl, const char *note, const char *outcome,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_prepare(s, &st, "UPDATE reply SET outcome = ?2,"
	    " decided = coalesce(?3, decided), person = coalesce(nullif(?4,"
	    " 0), person), note = coalesce(?5, note) WHERE pk = ?1", err))
	    != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, rpk);
	sqlite3_bind_text(st, 2, outcome, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, decided, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, pl->person);
	sqlite3_bind_text(st, 5, note, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? RC_OK : store_error(s, err, "reply");
}

int
reply_record(struct store *s, const struct reply_in *in,
    struct reply_out *out, struct error *err)
{
	struct place pl = { 0, 0, 0, "" };
	struct deploy_writer *w;
	enum reply_answer answer = in->answer;
	char now[21];
	long long rpk = 0;
	int rc;

	memset(out, 0, sizeof *out);
	date_now_utc(now);
	if ((rc = deploy_writer_begin(s, &w, err)) != RC_OK)
		return rc;
	rc = duplicate(s, in->message_id, out, err);
	if (rc == RC_OK && out->duplicate) {
		/* Kept once: nothing to write. */
		deploy_writer_end(s, w, RC_REFUSED, err);
		return RC_OK;
	}
	if (rc == RC_OK && (rc = place_callout(s, in, &pl, err)) == RC_OK)
		rc = place_person(s, in, &pl, err);
	if (rc == RC_OK && (pl.deployment == 0 || pl.person == 0))
		answer = ANSWER_UNCLEAR;
	if (rc == RC_OK)
		rc = reply_insert(s, in, &pl, answer, now, &rpk, err);
	if (rc == RC_OK && answer != ANSWER_UNCLEAR &&
	    (rc = apply(s, w, &pl, answer, rpk, out->outcome,
	    sizeof out->outcome, err)) == RC_OK)
		rc = set_outcome(s, rpk, NULL, &pl, NULL, out->outcome, err);
	if (rc == RC_OK)
		rc = reply_audit(s, &pl, "reply", rpk, answer_names[answer],
		    in->sender, out->outcome, err);
	if (rc == RC_OK && answer == ANSWER_UNCLEAR)
		snprintf(out->outcome, sizeof out->outcome, "unclear%s%s",
		    pl.why[0] != '\0' ? ": " : "", pl.why);
	return deploy_writer_end(s, w, rc, err);
}

/* The kept reply pk, placed: its call-out, deployment and member, or
 * in's; RC_REFUSED when it is not there or not to be decided. */
static int
decide_place(struct store *s, long long pk, const struct reply_in *in,
    struct place *pl, struct error *err)
{
	sqlite3_stmt *st;
	const char *answer, *decided;
	int rc;

	if ((rc = store_prepare(s, &st, "SELECT coalesce(r.callout, 0),"
	    " coalesce(c.deployment, 0), coalesce(r.person, 0), r.answer,"
	    " r.decided FROM reply r LEFT JOIN callout c ON c.pk = r.callout"
	    " WHERE r.pk = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, pk);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? error_set(err, RC_REFUSED,
		    "no reply %lld", pk) : store_error(s, err, "reply");
	}
	pl->callout = sqlite3_column_int64(st, 0);
	pl->deployment = sqlite3_column_int64(st, 1);
	pl->person = sqlite3_column_int64(st, 2);
	answer = (const char *)sqlite3_column_text(st, 3);
	decided = (const char *)sqlite3_column_text(st, 4);
	if (strcmp(answer, "unclear") != 0)
		rc = error_set(err, RC_REFUSED, "reply %lld was read as %s",
		    pk, answer);
	else if (decided[0] != '\0')
		rc = error_set(err, RC_REFUSED, "reply %lld was decided: %s",
		    pk, decided);
	else
		rc = RC_OK;
	sqlite3_finalize(st);
	if (rc == RC_OK && in->deployment != NULL) {
		struct place given = { 0, 0, 0, "" };

		if ((rc = place_callout(s, in, &given, err)) == RC_OK)
			pl->deployment = given.deployment;
	}
	if (in->person != 0)
		pl->person = in->person;
	/* Set aside needs no member; an answer does. */
	if (rc == RC_OK && in->answer != ANSWER_UNCLEAR &&
	    (pl->deployment == 0 || pl->person == 0))
		rc = error_set(err, RC_REFUSED, "reply %lld is not matched to a"
		    " member: name the deployment and the person", pk);
	return rc;
}

int
reply_decide(struct store *s, long long pk, const struct reply_in *in,
    struct reply_out *out, struct error *err)
{
	struct place pl = { 0, 0, 0, "" };
	struct deploy_writer *w;
	const char *decided = in->answer == ANSWER_UNCLEAR ? "ignored" :
	    answer_names[in->answer];
	int rc;

	memset(out, 0, sizeof *out);
	if ((rc = deploy_writer_begin(s, &w, err)) != RC_OK)
		return rc;
	rc = decide_place(s, pk, in, &pl, err);
	if (rc == RC_OK && in->answer != ANSWER_UNCLEAR)
		rc = apply(s, w, &pl, in->answer, pk, out->outcome,
		    sizeof out->outcome, err);
	else if (rc == RC_OK)
		snprintf(out->outcome, sizeof out->outcome, "ignored");
	if (rc == RC_OK)
		rc = set_outcome(s, pk, decided, &pl, in->note, out->outcome,
		    err);
	if (rc == RC_OK)
		rc = reply_audit(s, &pl, "decide", pk, decided, NULL,
		    out->outcome, err);
	return deploy_writer_end(s, w, rc, err);
}

/*
 * callout_record.c - what a call-out leaves in the database: the
 * call-out with its code, each message with its delivery result, the
 * members it moved to contacted, and the audit of all of it.  Each is a
 * short transaction of its own: no lock is held while a message is
 * being delivered.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "avail.h"
#include "callout_code.h"
#include "callout_int.h"
#include "date.h"
#include "deploy_write.h"

/* An audit line of the deployment's, by the user, at at. */
static int
audit(struct wave *w, const char *at, const char *action,
    const char *fields, const struct audit_change *ch, size_t n,
    struct error *err)
{
	struct audit_entry e;

	memset(&e, 0, sizeof e);
	e.at = at;
	e.entity = "deployment";
	e.id = w->d.name;
	e.action = action;
	e.fields = fields;
	e.changes = ch;
	e.nchanges = n;
	return audit_write(w->s, &e, err);
}

int
callout_record_new(struct wave *w, struct error *err)
{
	const struct callout_request *r = w->req;
	struct audit_change ch[3];
	sqlite3_stmt *st;
	char who[256], at[21], fields[128];
	int rc;

	audit_user(who, sizeof who);
	date_now_utc(at);
	if ((rc = store_begin(w->s, err)) != RC_OK)
		return rc;
	if ((rc = callout_code_free(w->s, err)) == RC_OK &&
	    (rc = callout_code_new(w->s, w->d.name, w->res->code, err)) ==
	    RC_OK && (rc = store_cached(w->s, &st, "INSERT INTO callout("
	    "deployment, code, wave, channel, who, at) VALUES "
	    "(?, ?, ?, ?, ?, ?)", err)) == RC_OK) {
		sqlite3_bind_int64(st, 1, w->d.pk);
		sqlite3_bind_text(st, 2, w->res->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, callout_wave_name(r->wave), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 4, callout_via_name(r->via), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(st, 5, who, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, at, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = store_error(w->s, err, "callout");
		sqlite3_reset(st);
		w->callout = sqlite3_last_insert_rowid(w->s->db);
	}
	if (rc == RC_OK) {
		snprintf(fields, sizeof fields, "code=%s wave=%s channel=%s",
		    w->res->code, callout_wave_name(r->wave),
		    callout_via_name(r->via));
		ch[0] = (struct audit_change){ "code", NULL, w->res->code };
		ch[1] = (struct audit_change){ "wave", NULL,
		    callout_wave_name(r->wave) };
		ch[2] = (struct audit_change){ "channel", NULL,
		    callout_via_name(r->via) };
		rc = audit(w, at, "callout", fields, ch, 3, err);
	}
	if (rc != RC_OK) {
		store_rollback(w->s);
		return rc;
	}
	return store_commit(w->s, err);
}

/* The message row, in the open transaction. */
static int
insert_message(struct wave *w, const struct member *m,
    const struct outcome *o, const char *at, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_cached(w->s, &st, "INSERT INTO callout_message("
	    "callout, person, address, at, result, error) VALUES "
	    "(?, ?, ?, ?, ?, ?)", err)) != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, w->callout);
	sqlite3_bind_int64(st, 2, m->person);
	sqlite3_bind_text(st, 3, o->address, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, o->result, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, o->why, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = store_error(w->s, err, "callout");
	sqlite3_reset(st);
	return rc;
}

static int
audit_message(struct wave *w, const struct member *m,
    const struct outcome *o, const char *at, struct error *err)
{
	struct audit_change ch[3];
	char fields[256];
	size_t n = 0;

	snprintf(fields, sizeof fields, "person=%s code=%s result=%s", m->id,
	    w->res->code, o->result);
	ch[n++] = (struct audit_change){ "result", NULL, o->result };
	ch[n++] = (struct audit_change){ "address", NULL, o->address };
	if (o->why[0] != '\0')
		ch[n++] = (struct audit_change){ "error", NULL, o->why };
	return audit(w, at, "message", fields, ch, n, err);
}

/* Moves m from proposed to contacted, if proposed they still are. */
static int
contacted(struct wave *w, struct deploy_writer *dw, const struct member *m,
    struct error *err)
{
	sqlite3_stmt *st;
	long long apk = 0;
	char fields[128];
	int rc;

	if ((rc = store_cached(w->s, &st, "SELECT pk FROM assignment WHERE "
	    "deployment = ? AND person = ? AND status = 'proposed'", err))
	    != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, w->d.pk);
	sqlite3_bind_int64(st, 2, m->person);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		apk = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return store_error(w->s, err, "callout");
	}
	sqlite3_reset(st);
	if (apk == 0)
		return RC_OK;
	snprintf(fields, sizeof fields, "person=%s status=contacted code=%s",
	    m->id, w->res->code);
	return deploy_writer_set(dw, apk, w->d.name, "contacted", fields, err);
}

int
callout_record_message(struct wave *w, const struct member *m,
    const struct outcome *o, struct error *err)
{
	struct deploy_writer *dw;
	char at[21];
	int rc;

	date_now_utc(at);
	if ((rc = deploy_writer_begin(w->s, &dw, err)) != RC_OK)
		return rc;
	if ((rc = insert_message(w, m, o, at, err)) == RC_OK &&
	    (rc = audit_message(w, m, o, at, err)) == RC_OK &&
	    strcmp(o->result, "failed") != 0 &&
	    w->req->wave != WAVE_STAND_DOWN)
		rc = contacted(w, dw, m, err);
	return deploy_writer_end(w->s, dw, rc, err);
}

int
callout_had_wave(struct wave *w, const struct member *m, int *had,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = store_cached(w->s, &st, "SELECT 1 FROM callout_message m "
	    "JOIN callout c ON c.pk = m.callout WHERE c.deployment = ? AND "
	    "c.wave = ? AND m.person = ? AND m.result <> 'failed'", err))
	    != RC_OK)
		return rc;
	sqlite3_bind_int64(st, 1, w->d.pk);
	sqlite3_bind_text(st, 2, callout_wave_name(w->req->wave), -1,
	    SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, m->person);
	rc = sqlite3_step(st);
	*had = rc == SQLITE_ROW;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(w->s, err, "callout");
	return RC_OK;
}

int
callout_dnc(struct wave *w, const struct member *m, int *dnc,
    struct error *err)
{
	sqlite3_stmt *st;
	char day[DATE_LEN];
	int rc;

	if ((rc = store_cached(w->s, &st, "SELECT 1 FROM person p WHERE "
	    "p.pk = ?1 AND" AVAIL_DNC_SQL("p", "?2"), err)) != RC_OK)
		return rc;
	date_format(w->today, day);
	sqlite3_bind_int64(st, 1, m->person);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	*dnc = rc == SQLITE_ROW;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_error(w->s, err, "callout");
	return RC_OK;
}

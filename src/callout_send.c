/*
 * callout_send.c - sending a wave of a call-out: who gets it, one
 * message each from the wave's template, delivered one by one with no
 * lock held, each recorded as it went (callout_record.c).
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "callout_code.h"
#include "callout_int.h"
#include "date.h"
#include "format_deploy.h"
#include "person.h"

/* Who a wave goes to when --to does not say (roster(1)): an alert to
 * those proposed, the deployment to those confirmed, early notice to
 * everyone still asked, a stand-down to everyone still in play. */
static int
wave_default(enum callout_wave wave, enum member_status st)
{
	switch (wave) {
	case WAVE_INFO:
		return st == MS_PROPOSED || st == MS_CONTACTED ||
		    st == MS_CONFIRMED;
	case WAVE_ALERT:
		return st == MS_PROPOSED;
	case WAVE_DEPLOY:
		return st == MS_CONFIRMED;
	case WAVE_STAND_DOWN:
		return member_status_active(st);
	}
	return 0;
}

/* wave_default in words. */
static const char *const wave_who[] = {
	[WAVE_INFO] = "proposed, contacted or confirmed",
	[WAVE_ALERT] = "proposed",
	[WAVE_DEPLOY] = "confirmed",
	[WAVE_STAND_DOWN] = "proposed, contacted, confirmed or deployed",
};

/* What the person is asked how to answer, for the wave: in an SMS (and
 * on the phone) in fewer words. */
static void
answer_text(enum callout_wave wave, enum callout_via via, const char *code,
    char *buf, size_t len)
{
	int mail = via == VIA_EMAIL;

	switch (wave) {
	case WAVE_INFO:
		snprintf(buf, len, mail ? "Nothing is asked of you yet; if you "
		    "could not go, reply \"%s no\"." : "If you could not go, "
		    "reply %s NO.", code);
		break;
	case WAVE_ALERT:
		if (mail)
			snprintf(buf, len, "Reply \"%s yes\", \"%s no\" or "
			    "\"%s maybe\".", code, code, code);
		else
			snprintf(buf, len, "Reply %s YES, NO or MAYBE.", code);
		break;
	case WAVE_DEPLOY:
		snprintf(buf, len, mail ? "Reply \"%s yes\" once you have read "
		    "this." : "Reply %s YES once read.", code);
		break;
	case WAVE_STAND_DOWN:
		snprintf(buf, len, "No answer is needed.");
		break;
	}
}

/* Control characters made spaces, in place: data never shapes a
 * message's lines or headers, nor drives the terminal of a dry run. */
static char *
unctrl(char *s)
{
	char *p;

	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return s;
}

static char *
clean(const char *s)
{
	return unctrl(xstrdup(s));
}

/* Whether m is one --to picks (statuses and person pks), or the wave's
 * default when --to is not given. */
static int
picked(const struct wave *w, const struct member *m, unsigned statuses,
    const long long *pks, size_t npks)
{
	size_t i;

	if (w->req->nto == 0)
		return wave_default(w->req->wave, m->status);
	if (statuses & (1u << m->status))
		return 1;
	for (i = 0; i < npks; i++)
		if (pks[i] == m->person)
			return 1;
	return 0;
}

/* --to's words: statuses, else people who must be on the list. */
static int
parse_to(struct wave *w, unsigned *statuses, long long *pks,
    struct error *err)
{
	enum member_status st;
	char name[256];
	size_t i, k;
	int rc;

	*statuses = 0;
	for (i = 0; i < w->req->nto; i++) {
		pks[i] = 0;
		if (member_status_parse(w->req->to[i], &st)) {
			*statuses |= 1u << st;
			continue;
		}
		if ((rc = person_resolve(w->s, w->req->to[i], &pks[i], err))
		    != RC_OK) {
			error_prefix(err, "callout send: --to");
			return rc == RC_REFUSED ? RC_INPUT : rc;
		}
		for (k = 0; k < w->nm && w->m[k].person != pks[i]; k++)
			;
		if (k == w->nm)
			return error_set(err, RC_INPUT, "callout send: --to: %s "
			    "is not on the list of '%s'", person_name(w->s,
			    pks[i], name, sizeof name), w->d.name);
	}
	return RC_OK;
}

/* The members the wave goes to, as indexes into w->m; those who left or
 * may not be called are noted, those who had it counted as skipped. */
static int
targets(struct wave *w, size_t *idx, size_t *n, struct error *err)
{
	struct strbuf *notes = &w->res->notes;
	long long *pks;
	unsigned statuses;
	char name[256];
	size_t i;
	int rc, had, dnc;

	pks = xcalloc(w->req->nto + 1, sizeof *pks);
	rc = parse_to(w, &statuses, pks, err);
	*n = 0;
	for (i = 0; rc == RC_OK && i < w->nm; i++) {
		if (!picked(w, &w->m[i], statuses, pks, w->req->nto))
			continue;
		person_name(w->s, w->m[i].person, name, sizeof name);
		if (w->m[i].left) {
			strbuf_addf(notes, "%s left the service: not sent\n",
			    name);
			continue;
		}
		if ((rc = callout_dnc(w, &w->m[i], &dnc, err)) != RC_OK)
			break;
		if (dnc) {
			strbuf_addf(notes, "%s is marked do not call: not "
			    "sent\n", name);
			continue;
		}
		if ((rc = callout_had_wave(w, &w->m[i], &had, err)) != RC_OK)
			break;
		if (had && !w->req->again) {
			w->res->skipped++;
			continue;
		}
		idx[(*n)++] = i;
	}
	free(pks);
	return rc;
}

/* The template filled in for m, into out. */
static int
compose(struct wave *w, const struct member *m, struct strbuf *out,
    struct error *err)
{
	const char *vals[TV_N];
	char answer[256], *c[4];
	size_t i;
	int rc;

	answer_text(w->req->wave, w->req->via, w->res->code, answer,
	    sizeof answer);
	vals[TV_DEPLOYMENT] = c[0] = clean(w->d.name);
	vals[TV_KIND] = c[1] = clean(w->d.kind);
	vals[TV_COUNTRY] = w->country;
	vals[TV_WINDOW] = w->window;
	vals[TV_ROLE] = c[2] = clean(m->role[0] != '\0' ? m->role :
	    "a member of the team");
	vals[TV_ANSWER] = answer;
	vals[TV_CODE] = w->res->code;
	vals[TV_GIVEN] = m->given_name;
	vals[TV_FAMILY] = m->family_name;
	vals[TV_SENDER] = c[3] = clean(w->sender);
	strbuf_reset(out);
	rc = template_expand(w->text, w->file, vals, out, err);
	for (i = 0; i < 4; i++)
		free(c[i]);
	return rc;
}

/* Where m is reached on the wave's channel into o->address, or o failed
 * with why not. */
static int
address(const struct wave *w, const struct member *m, struct outcome *o)
{
	o->why[0] = '\0';
	o->result = "failed";
	switch (w->req->via) {
	case VIA_EMAIL:
		o->address = m->email;
		if (*m->email == '\0')
			snprintf(o->why, sizeof o->why, "no e-mail address");
		/* Never a guess at a mangled one, nor a second recipient. */
		else if (strpbrk(m->email, " \t,;<>\"()") != NULL ||
		    strchr(m->email, '@') == NULL)
			snprintf(o->why, sizeof o->why, "'%s' is not one "
			    "e-mail address", m->email);
		break;
	case VIA_SMS:
		o->address = m->phone;
		if (*m->phone == '\0')
			snprintf(o->why, sizeof o->why, "no phone number");
		else if (*m->phone == '-')
			snprintf(o->why, sizeof o->why, "'%s' is not a phone "
			    "number", m->phone);
		break;
	case VIA_PRINT:
		o->address = "";
		break;
	}
	return o->why[0] == '\0';
}

/* Delivers text, composed for m, or in a dry run shows it. */
static void
deliver(struct wave *w, const struct member *m, char *text,
    struct outcome *o)
{
	const struct callout_request *r = w->req;
	struct deliver_mail mail;
	char to[512];
	int ok = 0;

	snprintf(to, sizeof to, "%s %s", m->given_name, m->family_name);
	if (r->via == VIA_PRINT) {
		fprintf(r->out, "\n%s (%s):\n%s\n", to, m->id, text);
		o->result = "printed";
		return;
	}
	if (r->via == VIA_EMAIL) {
		/* Checked when the template was loaded. */
		template_subject(text, w->file, (char **)&mail.subject,
		    (char **)&mail.body, NULL);
		mail.from = w->from;
		mail.to_name = to;
		mail.to = o->address;
		if (r->dry_run)
			fprintf(r->out, "\nTo: %s <%s>\nSubject: %s\n\n%s",
			    to, o->address, mail.subject, mail.body);
		else
			ok = deliver_mail(&mail, o->why) == 0;
	} else if (r->dry_run)
		fprintf(r->out, "\nTo: %s, %s (SMS)\n%s\n", to, o->address,
		    text);
	else
		ok = deliver_sms(o->address, text, o->why) == 0;
	o->result = ok || r->dry_run ? "sent" : "failed";
}

/* send_one's work, text the message's buffer. */
static int
send_record(struct wave *w, const struct member *m, struct strbuf *text,
    struct error *err)
{
	struct outcome o;
	char name[256];
	int rc = RC_OK;

	if (address(w, m, &o) && (rc = compose(w, m, text, err)) == RC_OK)
		deliver(w, m, text->s, &o);
	if (rc != RC_OK)
		return rc;
	if (strcmp(o.result, "failed") == 0) {
		w->res->failed++;
		strbuf_addf(&w->res->notes, "%s: not sent: %s\n",
		    person_name(w->s, m->person, name, sizeof name), o.why);
	} else if (strcmp(o.result, "printed") == 0)
		w->res->printed++;
	else
		w->res->sent++;
	if (w->req->dry_run)
		return RC_OK;
	return callout_record_message(w, m, &o, err);
}

/* Composes, delivers and records the message to m.  Ctrl-C and the
 * like wait until it is recorded: a message handed to sendmail but not
 * recorded would go out twice on the next run. */
static int
send_one(struct wave *w, const struct member *m, struct error *err)
{
	struct strbuf text = { 0 };
	sigset_t stop, old;
	int rc;

	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGHUP);
	sigaddset(&stop, SIGQUIT);
	sigprocmask(SIG_BLOCK, &stop, &old);
	rc = send_record(w, m, &text, err);
	strbuf_free(&text);
	sigprocmask(SIG_SETMASK, &old, NULL);
	return rc;
}

/* The country's English name for d into w->country. */
static int
country(struct wave *w, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	snprintf(w->country, sizeof w->country, "%s", w->d.country);
	if ((rc = store_cached(w->s, &st, "SELECT name FROM country WHERE "
	    "code = ?", err)) != RC_OK)
		return rc;
	sqlite3_bind_text(st, 1, w->d.country, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(w->country, sizeof w->country, "%s",
		    (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return RC_OK;
}

/* Everything the wave's messages share: the template, the deployment's
 * country and window, the sender, the members. */
static int
wave_open(struct wave *w, struct error *err)
{
	enum callout_via v = w->req->via == VIA_EMAIL ? VIA_EMAIL : VIA_SMS;
	char *copy, *subject, *body;
	size_t i;
	int rc;

	if (strcmp(w->d.status, "closed") == 0)
		return error_set(err, RC_REFUSED, "callout send: '%s' is "
		    "closed", w->d.name);
	if ((rc = template_load(w->req->wave, v, &w->text, w->file,
	    sizeof w->file, err)) != RC_OK)
		return rc;
	if (v == VIA_EMAIL) {
		copy = xstrdup(w->text);
		rc = template_subject(copy, w->file, &subject, &body, err);
		free(copy);
		if (rc != RC_OK)
			return rc;
	}
	if ((rc = country(w, err)) != RC_OK)
		return rc;
	/* An SMS keeps to ASCII, or it holds a third as much. */
	if (v == VIA_EMAIL)
		format_deploy_window(&w->d, w->window, sizeof w->window);
	else
		format_deploy_dates(&w->d, w->window, sizeof w->window);
	deliver_from(w->from, sizeof w->from, w->sender, sizeof w->sender);
	if ((rc = deploy_members(w->s, &w->d, w->today, &w->m, &w->nm, err))
	    != RC_OK)
		return rc;
	for (i = 0; i < w->nm; i++) {
		unctrl(w->m[i].given_name);
		unctrl(w->m[i].family_name);
		unctrl(w->m[i].email);
		unctrl(w->m[i].phone);
	}
	return RC_OK;
}

/* Why nobody is left to send to, RC_REFUSED. */
static int
nobody(const struct wave *w, struct error *err)
{
	const char *wave = callout_wave_name(w->req->wave);

	if (w->res->skipped > 0)
		return error_set(err, RC_REFUSED, "callout send: the %s of "
		    "'%s' went to all of them already (%ld; --again sends it "
		    "again)", wave, w->d.name, w->res->skipped);
	if (w->req->nto == 0)
		return error_set(err, RC_REFUSED, "callout send: nobody on '%s' "
		    "to send the %s to: it goes to those %s (--to picks "
		    "others)", w->d.name, wave, wave_who[w->req->wave]);
	return error_set(err, RC_REFUSED, "callout send: nobody on '%s' to "
	    "send the %s to", w->d.name, wave);
}

/* The sheet and the code for a phone tree, before what to tell each. */
static int
sheet(struct wave *w, struct error *err)
{
	char answer[256];
	int rc;

	if ((rc = format_deploy_sheet(w->s, &w->d, w->today, 0, w->req->out,
	    err)) != RC_OK)
		return rc;
	answer_text(w->req->wave, w->req->via, w->res->code, answer,
	    sizeof answer);
	fprintf(w->req->out, "\nReply code %s (%s).  %s\n\nWhat to tell each "
	    "one:\n", w->res->code, callout_wave_name(w->req->wave), answer);
	return RC_OK;
}

static int
send_all(struct wave *w, struct error *err)
{
	size_t *idx, n, i;
	int rc;

	idx = xcalloc(w->nm + 1, sizeof *idx);
	if ((rc = targets(w, idx, &n, err)) == RC_OK && n == 0)
		rc = nobody(w, err);
	if (rc == RC_OK) {
		if (w->req->dry_run) {
			rc = callout_code_new(w->s, w->d.name, w->res->code,
			    err);
		} else
			rc = callout_record_new(w, err);
	}
	if (rc == RC_OK && w->req->via == VIA_PRINT)
		rc = sheet(w, err);
	for (i = 0; rc == RC_OK && i < n; i++)
		rc = send_one(w, &w->m[idx[i]], err);
	free(idx);
	return rc;
}

int
callout_send(struct store *s, const struct callout_request *req,
    struct callout_result *res, struct error *err)
{
	struct wave w;
	int rc;

	memset(res, 0, sizeof *res);
	memset(&w, 0, sizeof w);
	w.s = s;
	w.req = req;
	w.res = res;
	if (req->out == NULL && (req->dry_run || req->via == VIA_PRINT))
		return error_set(err, RC_INPUT, "callout send: nowhere to "
		    "write a dry run or a sheet");
	if ((rc = date_today(&w.today, err)) != RC_OK)
		return rc;
	if ((rc = deploy_get(s, req->deployment, &w.d, err)) != RC_OK)
		return rc;
	if ((rc = wave_open(&w, err)) == RC_OK)
		rc = send_all(&w, err);
	deploy_members_free(w.m, w.nm);
	free(w.text);
	deploy_clear(&w.d);
	return rc;
}

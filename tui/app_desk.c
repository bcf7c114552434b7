/*
 * The call-out desk's state: the open deployment's members with their
 * messages and replies (desk.h), a reply taken by phone, and the next
 * wave.  Replies go through reply_record and waves through callout_send
 * (callout.h), so the screen obeys the rules the command line does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "callout_stats.h"
#include "person.h"

static const char *const answers[] = { "yes", "no", "maybe", "unclear" };

void
app_desk_free(struct app *a)
{
	struct desk_ui *u = &a->desk;

	if (u->valid)
		desk_free(&u->k);
	u->valid = 0;
	app_desk_wave_cancel(a);
}

/* The histogram's buckets, in seconds (DESK_HIST_N). */
static const long buckets[DESK_HIST_N - 2] = { 15 * 60, 3600, 6 * 3600,
    24 * 3600 };

int
app_desk_reload(struct app *a, struct error *err)
{
	struct desk_ui *u = &a->desk;
	struct desk k;
	long long was = app_desk_cursor_pk(a);
	size_t i;
	int rc;

	if ((rc = app_deploy_reload(a, err)) != RC_OK)
		return rc;
	if ((rc = callout_stats_histogram(a->store, a->dep.d.pk, buckets,
	    DESK_HIST_N - 2, u->hist, &u->hist[DESK_HIST_N - 1], err)) !=
	    RC_OK)
		return rc;
	if ((rc = desk_load(a->store, &a->dep.d, a->today, &k, err)) !=
	    RC_OK) {
		desk_free(&k);
		return rc;
	}
	if (u->valid)
		desk_free(&u->k);
	u->k = k;
	u->valid = 1;
	view_set_size(&u->view, (long long)k.nrows, u->view.height);
	/* A reply moves its member (off the top once read): follow them. */
	for (i = 0; i < k.nrows; i++)
		if (k.rows[i].m != NULL && k.rows[i].m->person == was)
			view_go(&u->view, (long long)i);
	a->screen = SCREEN_DESK;
	return RC_OK;
}

int
app_desk_open(struct app *a, struct error *err)
{
	app_desk_free(a);
	view_go(&a->desk.view, 0);
	return app_desk_reload(a, err);
}

long long
app_desk_cursor_pk(const struct app *a)
{
	const struct desk_ui *u = &a->desk;

	if (u->valid && u->view.cursor >= 0 &&
	    u->view.cursor < (long long)u->k.nrows &&
	    u->k.rows[u->view.cursor].m != NULL)
		return u->k.rows[u->view.cursor].m->person;
	return -1;
}

void
app_desk_note_ask(struct app *a, enum reply_answer answer)
{
	a->desk.answer = answer;
	a->desk.person = app_desk_cursor_pk(a);
	person_name(a->store, a->desk.person, a->desk.name,
	    sizeof a->desk.name);
	app_bar_ask(a, KEYS_NOTE, "");
}

const char *
app_desk_note_question(const struct app *a, char *buf, size_t len)
{
	snprintf(buf, len, "%s from %s by phone, note (Enter: none): ",
	    answers[a->desk.answer], a->desk.name);
	return buf;
}

int
app_desk_reply(struct app *a, const char *note, struct error *err)
{
	struct reply_in in = { 0 };
	struct reply_out out;
	const char *name = a->desk.name;
	size_t i;
	int rc;

	/* Erased or removed by another roster while the note was asked. */
	for (i = 0; i < a->desk.k.nmembers; i++)
		if (a->desk.k.members[i].person == a->desk.person)
			break;
	if (i == a->desk.k.nmembers) {
		app_message(a, 1, "%s is no longer on %s: nothing recorded",
		    name, a->dep.d.name);
		return RC_OK;
	}
	in.deployment = a->dep.d.name;
	in.person = a->desk.person;
	in.channel = REPLY_PHONE;
	in.answer = a->desk.answer;
	in.note = note;
	if ((rc = reply_record(a->store, &in, &out, err)) != RC_OK)
		return rc;
	/* A yes refused (a double booking) is kept, and said as an error. */
	if (a->desk.answer == ANSWER_YES && strcmp(out.outcome,
	    "confirmed") != 0)
		app_message(a, 1, "%s said yes, but is not confirmed: %s", name,
		    out.outcome);
	else
		app_message(a, 0, "%s: %s (by phone)%s%s", name,
		    answers[a->desk.answer], *out.outcome != '\0' ? ", " : "",
		    out.outcome);
	return app_changed(a, err);
}

void
app_desk_wave_cancel(struct app *a)
{
	if (a->desk.wave_valid)
		suggest_report_free(&a->desk.wave);
	a->desk.wave_valid = 0;
}

int
app_desk_wave(struct app *a, struct error *err)
{
	struct desk_ui *u = &a->desk;
	char name[256];
	int rc;

	app_desk_wave_cancel(a);
	if ((rc = suggest_team(a->store, &a->dep.d, a->today, 0, 0,
	    SUGGEST_HORIZON, &u->wave, err)) != RC_OK) {
		suggest_report_free(&u->wave);
		return rc;
	}
	u->wave_valid = 1;
	if (u->wave.n == 0) {
		app_desk_wave_cancel(a);
		app_message(a, 0, "nobody to call: %s", a->dep.d.nneeds == 0 ?
		    "the deployment has no needs" : "no need is open, or "
		    "nobody free and ready meets one");
		return RC_OK;
	}
	if (u->wave.n == 1)
		app_message(a, 0, "add %s and send them the alert by e-mail? "
		    "(y/n)", person_name(a->store, u->wave.people[0].person,
		    name, sizeof name));
	else
		app_message(a, 0, "add these %zu and send them the alert by "
		    "e-mail? (y/n)", u->wave.n);
	app_modal_set(a, KEYS_WAVE);
	return RC_OK;
}

/* The ids of the wave's people, now members of the deployment. */
static const char **
wave_ids(struct app *a, size_t *n)
{
	const struct desk *k = &a->desk.k;
	const struct suggest_report *w = &a->desk.wave;
	const char **ids;
	size_t i, j;

	ids = xcalloc(w->n + 1, sizeof *ids);
	*n = 0;
	for (i = 0; i < w->n; i++)
		for (j = 0; j < k->nmembers; j++)
			if (k->members[j].person == w->people[i].person)
				ids[(*n)++] = k->members[j].id;
	return ids;
}

static int
wave_send(struct app *a, struct error *err)
{
	struct callout_request req = { 0 };
	struct callout_result res;
	struct strbuf b = { 0 };
	const char **ids, *p;
	size_t n;
	int rc;

	memset(&res, 0, sizeof res);
	ids = wave_ids(a, &req.nto);
	req.deployment = a->dep.d.name;
	req.wave = WAVE_ALERT;
	req.via = VIA_EMAIL;
	req.to = ids;
	rc = callout_send(a->store, &req, &res, err);
	free(ids);
	if (rc != RC_OK) {
		strbuf_free(&res.notes);
		return rc;
	}
	strbuf_addf(&b, "alert %s sent to %ld", res.code, res.sent);
	if (res.failed > 0)
		strbuf_addf(&b, ", failed for %ld", res.failed);
	/* Who was not reached, and why, a line each. */
	for (p = strbuf_str(&res.notes); *p != '\0'; p += n + (p[n] == '\n')) {
		n = strcspn(p, "\n");
		strbuf_addf(&b, "; %.*s", (int)n, p);
	}
	app_message(a, res.notes.len > 0, "%s", strbuf_str(&b));
	strbuf_free(&b);
	strbuf_free(&res.notes);
	return RC_OK;
}

int
app_desk_wave_send(struct app *a, struct error *err)
{
	struct desk_ui *u = &a->desk;
	struct strbuf warn = { 0 };
	long long *pks;
	size_t added, i;
	int rc;

	app_modal_set(a, KEYS_NORMAL);
	if (!u->wave_valid)
		return RC_OK;
	pks = xcalloc(u->wave.n, sizeof *pks);
	for (i = 0; i < u->wave.n; i++)
		pks[i] = u->wave.people[i].person;
	/* Proposed first, as a coordinator would; then alerted. */
	rc = deploy_add(a->store, &a->dep.d, pks, u->wave.n, "", a->today,
	    &warn, &added, err);
	free(pks);
	strbuf_free(&warn);
	if (rc == RC_OK && (rc = app_desk_reload(a, err)) == RC_OK)
		rc = wave_send(a, err);
	app_desk_wave_cancel(a);
	if (rc != RC_OK)
		return rc;
	return app_changed(a, err);
}

/*
 * The call-out desk of a deployment: its needs with how many are
 * confirmed, asked and still open; each member with the channel and time
 * of their last message, their reply and how long it took, unclear
 * replies on top with what they said; the reply times as a histogram;
 * and, after W, the next wave before it is sent.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "app.h"
#include "keys.h"
#include "person.h"
#include "strbuf.h"
#include "table.h"
#include "width.h"

enum { DK_NAME, DK_STATUS, DK_VIA, DK_CALLED, DK_REPLY, DK_AFTER, DK_SAID,
    DK_N };
static const struct table_col desk_cols[DK_N] = {
	{ "NAME", 14, 30, 0 },
	{ "STATUS", 9, 9, 1 },
	{ "VIA", 5, 5, 4 },
	{ "CALLED", 11, 11, 3 },
	{ "REPLY", 7, 7, 2 },
	{ "AFTER", 5, 5, 5 },
	{ "SAID", 8, 200, 6 },
};

struct desk_draw {
	struct app	*a;
	struct table	 t;
};

/* What the member said: an unclear reply's text, quoted; a refusal; the
 * note. */
static void
said(const struct desk_row *r, struct strbuf *b)
{
	static const char *const plain[] = { "", "confirmed", "declined",
	    "contacted" };
	size_t i;

	if (r->unclear) {
		strbuf_addf(b, "\"%s\"", r->text != NULL ? r->text : "");
		/* Why it was not matched to a member ("not called"). */
		if (r->m == NULL && r->note != NULL && *r->note != '\0')
			strbuf_addf(b, " (%s)", r->note);
		return;
	}
	for (i = 0; r->outcome != NULL && i < sizeof plain / sizeof plain[0];
	    i++)
		if (strcmp(r->outcome, plain[i]) == 0)
			break;
	if (r->outcome != NULL && i == sizeof plain / sizeof plain[0])
		strbuf_adds(b, r->outcome);
	if (r->note != NULL && *r->note != '\0')
		strbuf_addf(b, "%s%s", b->len > 0 ? "; " : "", r->note);
}

/* "11-29 14:25" of the stored "2026-11-29T14:25:30Z". */
static void
when(const char *at, char buf[12])
{
	snprintf(buf, 12, "%.11s", strlen(at) >= 16 ? at + 5 : "");
	if (buf[5] == 'T')
		buf[5] = ' ';
}

static void
row_desk(void *arg, long long i, int y, int selected)
{
	struct desk_draw *d = arg;
	struct app *a = d->a;
	const struct desk_row *r;
	struct strbuf name = { 0 }, text = { 0 };
	const char *cell[DK_N];
	char called[12], after[8] = "";
	int attr[DK_N], base = selected ? draw_attr(a, ROLE_CURSOR) : 0, c;

	if (i < 0) {
		draw_text(y, 0, COLS, "", 0);
		return;
	}
	r = &a->desk.k.rows[i];
	if (r->m != NULL)
		strbuf_addf(&name, "%s, %s", r->m->family_name,
		    r->m->given_name);
	else
		strbuf_addf(&name, "from %s", *r->sender != '\0' ? r->sender :
		    "?");
	when(r->called, called);
	if (r->seconds >= 0)
		desk_duration(r->seconds, after);
	said(r, &text);
	for (c = 0; c < DK_N; c++)
		attr[c] = base;
	cell[DK_NAME] = strbuf_str(&name);
	cell[DK_STATUS] = r->m != NULL ? member_status_name(r->m->status) :
	    "";
	cell[DK_VIA] = r->channel;
	cell[DK_CALLED] = called;
	if (strcmp(r->result, "failed") == 0) {
		cell[DK_CALLED] = "failed";
		attr[DK_CALLED] |= draw_attr(a, ROLE_ERROR);
	}
	cell[DK_REPLY] = r->answer;
	cell[DK_AFTER] = after;
	cell[DK_SAID] = strbuf_str(&text);
	if (r->unclear)
		attr[DK_REPLY] |= draw_attr(a, ROLE_WARN);
	else if (strcmp(r->answer, "yes") == 0)
		attr[DK_REPLY] |= draw_attr(a, ROLE_YES);
	if (r->m != NULL && member_status_active(r->m->status))
		attr[DK_STATUS] |= A_BOLD;
	draw_text(y, 0, 2, "", base);
	table_row(&d->t, y, cell, attr, base);
	strbuf_free(&name);
	strbuf_free(&text);
}

/* The title and the needs; returns the line after them. */
static int
draw_needs(struct app *a, int room)
{
	const struct desk *k = &a->desk.k;
	const struct deployment *dep = &a->dep.d;
	struct strbuf b = { 0 };
	size_t i;
	int y = 0;

	strbuf_addf(&b, "Call-out desk: %s", dep->name);
	draw_text(y++, 0, COLS, strbuf_str(&b), A_BOLD);
	for (i = 0; i < k->nneeds && y <= room; i++) {
		strbuf_reset(&b);
		if (i + 1 < k->nneeds && y == room) {
			strbuf_addf(&b, "  +%zu more needs", k->nneeds - i);
			draw_text(y++, 0, COLS, strbuf_str(&b), A_DIM);
			break;
		}
		strbuf_addf(&b, "  need %zu: %d x %s   %lld confirmed / %lld "
		    "asked / %lld still open", i + 1, dep->needs[i].count,
		    dep->needs[i].filter, k->needs[i].confirmed,
		    k->needs[i].asked, k->needs[i].open);
		draw_text(y++, 0, COLS, strbuf_str(&b), k->needs[i].open > 0 ?
		    draw_attr(a, ROLE_WARN) : draw_attr(a, ROLE_YES));
	}
	strbuf_free(&b);
	return y;
}

/* The next wave, shown before it is sent: each person and why. */
static void
draw_wave(struct app *a, int y, int foot)
{
	const struct suggest_report *w = &a->desk.wave;
	struct strbuf b = { 0 };
	char name[256];
	size_t i;

	draw_text(y++, 0, COLS, "  NEXT WAVE", draw_attr(a, ROLE_HEADER));
	for (i = 0; i < w->n && y < foot; i++) {
		strbuf_reset(&b);
		strbuf_addf(&b, "  %s: %s", person_name(a->store,
		    w->people[i].person, name, sizeof name), w->people[i].why);
		/* The reasons on a line of their own when they do not fit. */
		if (width_of(strbuf_str(&b)) > (size_t)COLS && y + 1 < foot) {
			strbuf_reset(&b);
			strbuf_addf(&b, "  %s:", name);
			draw_text(y++, 0, COLS, strbuf_str(&b), 0);
			strbuf_reset(&b);
			strbuf_addf(&b, "    %s", w->people[i].why);
		}
		draw_text(y++, 0, COLS, strbuf_str(&b), 0);
	}
	if (i < w->n && y > 0)
		draw_text(y - 1, 0, COLS, "  \u2026 and more", A_DIM);
	for (; y < foot; y++)
		draw_text(y, 0, COLS, "", 0);
	strbuf_free(&b);
}

static const char *const hist_labels[DESK_HIST_N] = { "<15 min", "<1 h",
    "<6 h", "<24 h", "later", "none" };
#define HIST_LABEL	7	/* columns of the widest label */
#define HIST_LINES	(DESK_HIST_N + 1)

/*
 * A bar of count out of most in room columns: whole blocks and an eighth
 * block for the rest in a UTF-8 locale, else '#'; a count above 0 shows
 * at least a sliver.  Every character is one column wide.
 */
static void
hist_bar(long count, long most, int room, int utf8, struct strbuf *b)
{
	/* U+2589 (seven eighths) down to U+258F (one eighth). */
	static const char *const eighths[8] = { "", "\u258f", "\u258e",
	    "\u258d", "\u258c", "\u258b", "\u258a", "\u2589" };
	long n, i;

	if (count <= 0 || most <= 0 || room <= 0)
		return;
	n = count * room * (utf8 ? 8 : 1) / most;
	if (n == 0)
		n = 1;
	for (i = 0; i < n / (utf8 ? 8 : 1); i++)
		strbuf_adds(b, utf8 ? "\u2588" : "#");
	if (utf8)
		strbuf_adds(b, eighths[n % 8]);
}

/*
 * The reply times in h lines from y: a title and a bar per bucket, or,
 * with less room, one line of counts.
 */
static void
draw_hist(struct app *a, int y, int h)
{
	const long *hist = a->desk.hist;
	struct strbuf b = { 0 }, bar = { 0 };
	long most = 0;
	int i, cw, room;

	for (i = 0; i < DESK_HIST_N; i++)
		if (hist[i] > most)
			most = hist[i];
	if (h < HIST_LINES) {
		strbuf_adds(&b, "  reply times:");
		for (i = 0; i < DESK_HIST_N; i++)
			strbuf_addf(&b, "  %s %ld", hist_labels[i], hist[i]);
		if (h > 0)
			draw_text(y, 0, COLS, strbuf_str(&b), 0);
		strbuf_free(&b);
		return;
	}
	draw_text(y++, 0, COLS, "  reply times", A_BOLD);
	cw = snprintf(NULL, 0, "%ld", most);
	/* Label, bar, count: the bar takes what is left, up to 50. */
	room = COLS - 2 - HIST_LABEL - 1 - 1 - cw;
	if (room > 50)
		room = 50;
	for (i = 0; i < DESK_HIST_N; i++, y++) {
		strbuf_reset(&b);
		strbuf_reset(&bar);
		hist_bar(hist[i], most, room, a->blocks, &bar);
		strbuf_addf(&b, "  %-*s %s%s%ld", HIST_LABEL, hist_labels[i],
		    strbuf_str(&bar), bar.len > 0 ? " " : "", hist[i]);
		draw_text(y, 0, COLS, strbuf_str(&b), i == DESK_HIST_N - 1 ?
		    draw_attr(a, ROLE_WARN) : draw_attr(a, ROLE_YES));
	}
	strbuf_free(&b);
	strbuf_free(&bar);
}

static void
status(const struct app *a, struct strbuf *b)
{
	const struct desk *k = &a->desk.k;
	size_t i, called = 0, replied = 0, unclear = 0;

	for (i = 0; i < k->nrows; i++) {
		unclear += k->rows[i].unclear;
		if (k->rows[i].m == NULL)
			continue;
		called += k->rows[i].called[0] != '\0';
		replied += k->rows[i].answer[0] != '\0';
	}
	strbuf_addf(b, " %zu member%s, %zu called, %zu replied", k->nmembers,
	    k->nmembers == 1 ? "" : "s", called, replied);
	if (unclear > 0)
		strbuf_addf(b, ", %zu unclear", unclear);
}

void
screen_desk_draw(struct app *a)
{
	struct desk_draw d = { .a = a };
	struct strbuf b = { 0 }, hint = { 0 };
	int foot = LINES - 2 - draw_message_extra(a), y, h;

	curs_set(0);
	if (!a->desk.valid)
		return;
	/* The members keep at least a row: the title, their header, the
	 * status and the message take four. */
	y = draw_needs(a, foot - 3);
	/* The histogram whole when the members keep three rows, else a
	 * line of counts when they keep one. */
	h = foot - y - 1 - HIST_LINES >= 3 ? HIST_LINES :
	    foot - y - 1 - 1 >= 1 ? 1 : 0;
	draw_hist(a, foot - h, h);
	foot -= h;
	if (a->modal == KEYS_WAVE && a->desk.wave_valid)
		draw_wave(a, y, foot);
	else {
		table_fit(&d.t, desk_cols, DK_N, 2, COLS);
		table_want(&d.t, DK_NAME, desk_cols[DK_NAME].min);
		draw_text(y, 0, 2, "", draw_attr(a, ROLE_HEADER));
		table_titles(&d.t, y, draw_attr(a, ROLE_HEADER));
		view_set_size(&a->desk.view, (long long)a->desk.k.nrows,
		    foot - y - 1);
		view_draw(&a->desk.view, y + 1, row_desk, &d);
		if (a->desk.k.nrows == 0)
			draw_text(y + 1, 0, COLS, "  nobody on the list yet: "
			    "W calls the people suggested", 0);
	}
	status(a, &b);
	keys_hint_line(HINT_DESK, &hint);
	screen_footer(a, strbuf_str(&b), strbuf_str(&hint));
	strbuf_free(&b);
	strbuf_free(&hint);
}

static unsigned
desk_write(struct app *a, enum action action)
{
	static const struct {
		enum action		action;
		enum reply_answer	answer;
	} replies[] = {
		{ ACT_REPLY_YES, ANSWER_YES }, { ACT_REPLY_NO, ANSWER_NO },
		{ ACT_REPLY_MAYBE, ANSWER_MAYBE },
	};
	struct error err;
	char name[256];
	size_t i;

	if (!app_deploy_writable(a))
		return R_ALL;
	if (action == ACT_WAVE)
		return actions_failed(a, app_desk_wave(a, &err), &err);
	if (app_desk_cursor_pk(a) < 0)
		return R_NONE;
	/* A reply answers a call: W then y y, typed fast, must not
	 * confirm whoever the cursor is on. */
	if (a->desk.k.rows[a->desk.view.cursor].called[0] == '\0') {
		app_message(a, 1, "%s was not called: no reply to take (W "
		    "calls the next wave)", person_name(a->store,
		    app_desk_cursor_pk(a), name, sizeof name));
		return R_ALL;
	}
	for (i = 0; i < sizeof replies / sizeof replies[0]; i++)
		if (replies[i].action == action)
			app_desk_note_ask(a, replies[i].answer);
	return R_ALL;
}

unsigned
screen_desk_key(struct app *a, enum action action)
{
	struct error err;
	long long pk;

	switch (action) {
	case ACT_BACK:
		return actions_failed(a, app_show(a, SCREEN_DEPLOY, &err),
		    &err);
	case ACT_OPEN:
		if ((pk = app_desk_cursor_pk(a)) < 0)
			return R_NONE;
		app_person_show(a, pk);
		return R_ALL;
	case ACT_REPLY_YES:
	case ACT_REPLY_NO:
	case ACT_REPLY_MAYBE:
	case ACT_WAVE:
		return desk_write(a, action);
	default:
		return actions_shared(a, &a->desk.view, action);
	}
}

unsigned
screen_desk_wave_key(struct app *a, int code, int fkey)
{
	struct error err;

	app_modal_set(a, KEYS_NORMAL);
	if (keys_find(code, fkey, KC_YES) != ACT_YES) {
		app_desk_wave_cancel(a);
		app_message(a, 0, "the wave was not sent");
		return R_ALL;
	}
	return actions_failed(a, app_desk_wave_send(a, &err), &err);
}

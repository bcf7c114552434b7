/*
 * The bar at the foot of a screen, its drawing and its keys: the filter,
 * edited like a readline prompt and searched once no key waits, or another
 * question's answer.
 */
#include <curses.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "actions.h"
#include "utf8.h"
#include "width.h"

unsigned
bar_line_edit(struct line *l, enum action action)
{
	switch (action) {
	case ACT_BAR_LEFT:
		line_left(l);
		return R_BAR;
	case ACT_BAR_RIGHT:
		line_right(l);
		return R_BAR;
	case ACT_BAR_HOME:
		line_home(l);
		return R_BAR;
	case ACT_BAR_END:
		line_end(l);
		return R_BAR;
	case ACT_BAR_BACKSPACE:
		line_backspace(l);
		break;
	case ACT_BAR_DELETE:
		line_delete(l);
		break;
	case ACT_BAR_KILL_START:
		line_kill_start(l);
		break;
	case ACT_BAR_KILL_END:
		line_kill_end(l);
		break;
	case ACT_BAR_KILL_WORD:
		line_kill_word(l);
		break;
	case ACT_BAR_OLDER:
		line_older(l);
		break;
	case ACT_BAR_NEWER:
		line_newer(l);
		break;
	default:
		return R_NONE;
	}
	return R_BAR | R_STATUS;
}

int
bar_line_type(struct line *l, int code)
{
	char utf8[MB_LEN_MAX + 1];
	mbstate_t ps;
	size_t n;

	if (code < ' ' || code == 127)
		return 0;
	memset(&ps, 0, sizeof ps);
	if ((n = wcrtomb(utf8, (wchar_t)code, &ps)) == (size_t)-1)
		return 0;
	return line_insert(l, utf8, n) == -1 ? -1 : 1;
}

static unsigned
cancel(struct app *a)
{
	enum modal was = a->modal;

	a->file_exists = 0;
	if (was == KEYS_FILTER)
		app_filter_restore(a);
	app_bar_close(a);
	if (was == KEYS_NEW)
		app_deploy_new_cancel(a);
	return R_ALL;
}

/* Enter on a file's name: written, or a question when it exists. */
static unsigned
write_file(struct app *a, const char *text)
{
	struct strbuf path = { 0 };
	struct error err;
	int rc;

	app_path(text, &path);
	if (a->modal == KEYS_SHEET)
		rc = app_deploy_sheet(a, strbuf_str(&path), &err);
	else
		rc = app_export_tagged(a, strbuf_str(&path), &err);
	a->file_replace = 0;
	if (rc == RC_OK)
		app_bar_close(a);
	else if (a->file_exists) {
		snprintf(err.msg, sizeof err.msg, "%s: file exists: o "
		    "overwrite, r another name, Esc cancel", text);
		app_bar_error(a, err.msg);
	} else
		app_bar_error(a, err.msg);
	strbuf_free(&path);
	return R_ALL;
}

/* The key after "file exists": o writes over it, r goes back to the
 * name, Esc gives up; another key asks again. */
static unsigned
exists_key(struct app *a, int code, int fkey)
{
	switch (keys_find(code, fkey, KC_EXISTS)) {
	case ACT_OVERWRITE:
		a->file_exists = 0;
		a->file_replace = 1;
		return write_file(a, line_text(&a->answer));
	case ACT_RENAME:
		a->file_exists = 0;
		app_bar_error(a, "");
		return R_ALL;
	default:
		if (keys_find(code, fkey, KC_BAR) == ACT_BAR_CANCEL)
			return cancel(a);
		return R_NONE;
	}
}

/* Enter: the answer, checked; a refused one stays on the bar with the
 * reason under it (the fix is usually one word). */
static unsigned
accept(struct app *a)
{
	const char *text = line_text(a->modal == KEYS_FILTER ? &a->line :
	    &a->answer);
	struct error err;
	int rc;

	switch (a->modal) {
	case KEYS_FILTER:
		app_filter_typed(a);	/* Enter at the end of a paste */
		if (a->bar_error[0] != '\0')
			return R_BAR;	/* the message says what to fix */
		line_remember(&a->line, text);
		rc = RC_OK;
		break;
	case KEYS_NOTE:
		rc = app_desk_reply(a, text, &err);
		break;
	case KEYS_NEW:
		/* The next question, or the deployment made and opened. */
		if ((rc = app_deploy_new_answer(a, text, &err)) == RC_OK) {
			app_bar_error(a, "");
			return R_ALL;
		}
		break;
	default:
		return write_file(a, text);
	}
	if (rc != RC_OK) {
		app_bar_error(a, err.msg);
		return R_ALL;
	}
	app_bar_close(a);
	return R_ALL;
}

/* A character past LINE_MAX_BYTES (a huge paste): dropped, and said. */
static unsigned
full(struct app *a)
{
	if (a->modal == KEYS_FILTER) {
		a->filter_full = 1;
		a->filter_typed = 1;
	} else
		snprintf(a->bar_error, sizeof a->bar_error, "answer is limited "
		    "to %d bytes: the rest was not taken", LINE_MAX_BYTES);
	return R_NONE;
}

unsigned
bar_key(struct app *a, int code, int fkey)
{
	struct line *l = a->modal == KEYS_FILTER ? &a->line : &a->answer;
	enum action action = keys_find(code, fkey, KC_BAR);
	unsigned r;
	int typed;

	if (a->file_exists)
		return exists_key(a, code, fkey);
	if (action == ACT_BAR_ACCEPT)
		return accept(a);
	if (action == ACT_BAR_CANCEL)
		return cancel(a);
	if (action == ACT_REDRAW)
		return actions_shared(a, &a->list, action);
	if (action != ACT_NONE)
		r = bar_line_edit(l, action);
	else if (!fkey && (typed = bar_line_type(l, code)) != 0) {
		if (typed == -1)
			return full(a);
		r = R_BAR | R_STATUS;
	} else
		return R_NONE;
	/* Compiled by the loop once no key waits: tui.c. */
	if (a->modal == KEYS_FILTER && r != R_BAR) {
		a->filter_typed = 1;
		a->filter_full = 0;
	}
	return r | R_LIST;
}

/* Display width of the first len bytes of s. */
static size_t
width_prefix(const char *s, size_t len)
{
	struct strbuf b = { 0 };
	size_t w;

	strbuf_add(&b, s, len);
	w = width_of(strbuf_str(&b));
	strbuf_free(&b);
	return w;
}

/* The fewest columns the answer keeps beside a question. */
#define ANSWER_ROOM	16

/*
 * A question "label (explanation): " too long to leave the answer room
 * is asked as "label: ", its explanation on the line under the bar
 * (when no error is there), so what is typed stays in sight.
 */
static const char *
prompt_fit(const struct app *a, const char *prompt, int y, char *buf,
    size_t len)
{
	const char *open = strstr(prompt, " ("), *close = strrchr(prompt, ')');

	if ((int)width_of(prompt) + ANSWER_ROOM <= COLS || open == NULL ||
	    close == NULL || close < open)
		return prompt;
	snprintf(buf, len, "%.*s: ", (int)(open - prompt), prompt);
	if (a->bar_error[0] == '\0') {
		snprintf(buf + strlen(buf) + 1, len - strlen(buf) - 1, "%.*s",
		    (int)(close - open - 2), open + 2);
		draw_text(y + 1, 0, COLS, buf + strlen(buf) + 1, A_DIM);
	}
	return buf;
}

/*
 * The text of l in room columns from (y, x), scrolled sideways so that
 * the cursor shows; returns the cursor's column.
 */
int
bar_line_draw(const struct line *l, int y, int x, int room, int attr)
{
	const char *text = line_text(l);
	struct strbuf shown = { 0 };
	size_t skip, n, k, here, w;
	uint32_t cp;
	int i;

	/*
	 * The character under the cursor must show, and the one after it:
	 * a blank at the edge would look like the end of the text.
	 */
	for (n = l->cursor, i = 0; i < 2 && text[n] != '\0'; i++) {
		k = utf8_decode(text + n, strlen(text + n), &cp);
		n += k > 0 ? k : 1;
	}
	here = width_prefix(text + l->cursor, n - l->cursor);
	if (here == 0)
		here = 1;
	/*
	 * Scroll sideways so that the cursor stays on screen: back from it
	 * a character at a time while they fit, so that a long line costs
	 * a screen's width, not its length squared.
	 */
	for (skip = l->cursor, w = here; room > 0 && skip > 0; skip = k) {
		for (k = skip - 1; k > 0 && ((unsigned char)text[k] & 0xc0) ==
		    0x80; k--)
			continue;
		if ((w += width_prefix(text + k, skip - k)) > (size_t)room)
			break;
	}
	n = room > 0 ? width_cut(text + skip, (size_t)room) : 0;
	strbuf_add(&shown, text + skip, n);
	draw_text(y, x, room, strbuf_str(&shown), attr);
	strbuf_free(&shown);
	return x + (int)width_prefix(text + skip, l->cursor - skip);
}

/* The bar, with the cursor placed where the next character goes. */
void
screen_bar_draw(struct app *a, int y)
{
	const struct line *l = a->modal == KEYS_FILTER ? &a->line :
	    &a->answer;
	char question[256];
	const char *prompt = a->modal == KEYS_FILTER ? "/" :
	    a->modal == KEYS_NEW ? app_deploy_new_question(a, question,
	    sizeof question) :
	    a->modal == KEYS_SHEET ? "call-out sheet to: " :
	    a->modal == KEYS_NOTE ? app_desk_note_question(a, question,
	    sizeof question) :
	    "export tagged to: ";
	char fit[512];
	size_t pw;

	prompt = prompt_fit(a, prompt, y, fit, sizeof fit);
	pw = width_of(prompt);
	draw_text(y, 0, (int)pw, prompt, A_BOLD);
	move(y, bar_line_draw(l, y, (int)pw, COLS - (int)pw, 0));
}

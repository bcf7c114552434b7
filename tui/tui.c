/*
 * The full-screen interface: terminal setup and restore, and the loop that
 * reads keys, runs the search between them and redraws.
 *
 * The search never holds a key up: it runs only when no key is waiting,
 * and SQLite abandons it (store_interrupt) the moment one arrives, leaving
 * the last good result on screen.  The filter being typed is compiled
 * only when no key is waiting, too: a paste once, at its end, not once a
 * byte.  Only the search, the rows and the facets give way like this: an
 * action the user asked for (open, tag, change a status) always runs to
 * the end.
 */
#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "actions.h"
#include "app.h"
#include "form.h"
#include "keys.h"
#include "tui.h"
#include "twin.h"

/* The one flag a signal handler may set. */
static volatile sig_atomic_t stop_signal;

static void
on_stop(int sig)
{
	int saved = errno;

	stop_signal = sig;
	errno = saved;
}

/* Whether a key (or a signal to stop) is waiting: the search gives way. */
static int
key_waiting(void *arg)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };

	(void)arg;
	return stop_signal != 0 || poll(&p, 1, 0) > 0;
}

static void
signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_stop;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static void
term_start(void)
{
	initscr();
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED |
	    BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(200);
	curs_set(0);
}

/* Too small to be useful: say so, and wait for a bigger terminal. */
static int
too_small(void)
{
	return LINES < 5 || COLS < 20;
}

static void
draw(struct app *a, unsigned what)
{
	if (too_small()) {
		erase();
		mvaddnstr(0, 0, "terminal too small", COLS);
		curs_set(0);
		refresh();
		return;
	}
	if (what == R_ALL)
		erase();
	if (a->screen == SCREEN_LIST)
		screen_list_draw(a, what);
	else if (a->screen == SCREEN_DETAIL || a->screen == SCREEN_HELP ||
	    a->screen == SCREEN_HISTORY)
		screen_page_draw(a);
	else if (a->screen == SCREEN_FORM)
		screen_form_draw(a);
	else if (a->screen == SCREEN_DESK)
		screen_desk_draw(a);
	else if (a->screen == SCREEN_DUPES)
		screen_dupes_draw(a);
	else if (a->screen == SCREEN_TWIN)
		screen_twin_draw(a);
	else
		screen_deploy_draw(a);
	refresh();
}

/*
 * A write waiting for another roster's lock (store_set_wait): the last
 * line says so, and Esc gives up, the write then failing with the
 * store's "locked by another roster; nothing was changed".  Keys typed
 * meanwhile are dropped: they were meant for a screen that is not yet
 * there.  The whole screen is drawn again after the key's action.
 */
static int
lock_wait(void *arg, int waited)
{
	struct app *a = arg;
	int c, give_up = 0;

	if (waited == 0 && !too_small()) {
		draw_text(LINES - 1, 0, COLS, "waiting for another roster\u2026 "
		    "(Esc gives up)", draw_attr(a, ROLE_WARN));
		refresh();
	}
	a->lock_waited = 1;
	timeout(0);
	while ((c = getch()) != ERR)
		give_up |= c == 27;
	return give_up || stop_signal != 0;
}

/* A key's action, run by the screen on show. */
static unsigned
run(struct app *a, enum action action)
{
	switch (a->screen) {
	case SCREEN_LIST:
		return screen_list_key(a, action);
	case SCREEN_DETAIL:
	case SCREEN_HELP:
	case SCREEN_HISTORY:
		return screen_page_key(a, action);
	case SCREEN_FORM:
		return R_NONE;	/* its keys are characters: key() */
	case SCREEN_DESK:
		return screen_desk_key(a, action);
	case SCREEN_DUPES:
		return screen_dupes_key(a, action);
	case SCREEN_TWIN:
		return screen_twin_key(a, action);
	default:
		return screen_deploy_key(a, action);
	}
}

static unsigned
mouse(struct app *a)
{
	MEVENT ev;
	long long row;

	if (getmouse(&ev) != OK || too_small())
		return R_NONE;
	if (ev.bstate & BUTTON4_PRESSED)
		return run(a, ACT_UP) | run(a, ACT_UP) | run(a, ACT_UP);
	if (ev.bstate & BUTTON5_PRESSED)
		return run(a, ACT_DOWN) | run(a, ACT_DOWN) | run(a, ACT_DOWN);
	if (a->screen != SCREEN_LIST || app_bar_open(a))
		return R_NONE;
	if ((row = screen_list_row_at(a, ev.y, ev.x)) < 0)
		return R_NONE;
	app_focus_list(a, row);
	if (ev.bstate & BUTTON1_DOUBLE_CLICKED)
		return run(a, ACT_OPEN);
	return R_LIST | R_STATUS;
}

/*
 * A key typed ahead acts on what it would have seen had the screen kept
 * up: a search still pending, and the rows under the cursor, are done
 * first, without giving way.
 */
static void
settle(struct app *a)
{
	struct error err;

	if (a->screen != SCREEN_LIST)
		return;
	if (a->pending != NULL && app_search(a, &err) != RC_OK)
		app_message(a, 1, "%s", err.msg);
	view_set_size(&a->list, a->result != NULL ?
	    search_result_count(a->result) : 0, screen_list_height(a));
	if (app_rows(a, &err) != RC_OK)
		app_message(a, 1, "%s", err.msg);
}

static unsigned
key_action(struct app *a, int code, int fkey)
{
	enum action action;
	unsigned where;
	char name[16];

	if (fkey && code == KEY_RESIZE) {
		app_resize(a, COLS);
		return R_ALL;
	}
	if (fkey && code == KEY_MOUSE)
		return mouse(a);
	/* Too small to show a question: q quits at once, as it says. */
	if (too_small())
		return !fkey && (code == 'q' || code == 'Q') ?
		    run(a, ACT_QUIT) : R_NONE;
	if (app_bar_open(a))
		return bar_key(a, code, fkey);
	if (a->screen == SCREEN_FORM)
		return screen_form_key(a, code, fkey);
	app_message_clear(a);
	switch (a->modal) {
	case KEYS_REMOVE:
		return screen_deploy_remove_key(a, code, fkey);
	case KEYS_ERASE:
		return screen_page_erase_key(a, code, fkey);
	case KEYS_WAVE:
		return screen_desk_wave_key(a, code, fkey);
	case KEYS_MERGE:
	case KEYS_APART:
		return screen_twin_answer(a, code, fkey);
	case KEYS_QUIT:
		app_quit_answer(a, keys_find(code, fkey, KC_YES) == ACT_YES);
		return R_ALL;
	case KEYS_TAGGED:
	case KEYS_STATUS:
		where = a->modal == KEYS_TAGGED ? KC_TAGGED : KC_STATUS;
		/* The second key ends the question, whatever it is. */
		app_modal_set(a, KEYS_NORMAL);
		break;
	default:
		settle(a);
		where = app_keys_where(a);
	}
	action = keys_find(code, fkey, where);
	/* Esc ends a question silently; another unbound key says so. */
	if (action == ACT_NONE && (fkey || code != 27))
		app_message(a, 1, "%s: no such key here \u2014 ? for help",
		    keys_typed(code, fkey, name));
	/* '!' forces only the refusal just shown. */
	if (action != ACT_FORCE)
		app_deploy_unforce(a);
	return run(a, action) | R_BAR;
}

/* A key, and the whole screen after a wait for the lock (lock_wait). */
static unsigned
key(struct app *a, int code, int fkey)
{
	unsigned what;

	a->lock_waited = 0;
	what = key_action(a, code, fkey);
	if (a->drop_typed) {
		flushinp();
		a->drop_typed = 0;
	}
	return a->lock_waited ? R_ALL : what;
}

/* The work between keys: search, rows, facets, each giving way to keys. */
static int
work(struct app *a, unsigned *what, struct error *err)
{
	int rc;

	if (a->filter_typed && !key_waiting(NULL)) {
		app_filter_typed(a);
		*what = R_ALL;
	}
	if (a->pending != NULL && !key_waiting(NULL)) {
		store_interrupt(a->store, key_waiting, NULL);
		rc = app_search(a, err);
		store_interrupt(a->store, NULL, NULL);
		if (rc == RC_INTERRUPTED)
			return RC_OK;
		if (rc != RC_OK)
			return rc;
		*what = R_ALL;
	}
	view_set_size(&a->list, a->result != NULL ?
	    search_result_count(a->result) : 0, screen_list_height(a));
	if (a->screen == SCREEN_LIST) {
		store_interrupt(a->store, key_waiting, NULL);
		rc = app_rows(a, err);
		store_interrupt(a->store, NULL, NULL);
		if (rc != RC_OK && rc != RC_INTERRUPTED)
			return rc;
	}
	if (a->screen == SCREEN_LIST && a->facets_shown && !a->facets_valid &&
	    !key_waiting(NULL)) {
		draw(a, *what);
		*what = R_NONE;
		store_interrupt(a->store, key_waiting, NULL);
		rc = app_facets(a, err);
		store_interrupt(a->store, NULL, NULL);
		if (rc == RC_OK)
			*what = R_FACETS;
		else if (rc != RC_INTERRUPTED)
			return rc;
	}
	return RC_OK;
}

/*
 * No key for IDLE_MS with the list up: the facet panel's sets are read
 * now, so that showing the panel or changing the filter costs only the
 * counts.  Not at once after drawing: the terminal shows the screen
 * first.
 */
#define IDLE_MS	100

static int
idle(struct app *a, struct error *err)
{
	int rc;

	if (a->screen != SCREEN_LIST || app_facets_ready(a))
		return RC_OK;
	store_interrupt(a->store, key_waiting, NULL);
	rc = app_facets_prepare(a, err);
	store_interrupt(a->store, NULL, NULL);
	return rc == RC_INTERRUPTED ? RC_OK : rc;
}

/* Seconds on a clock that never jumps, for the refresh. */
static time_t
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec;
}

static int
loop(struct app *a, struct error *err)
{
	unsigned what = R_ALL;
	time_t polled = now();
	int rc, got, changed;
	wint_t ch;

	while (!a->quit) {
		/* Ctrl-C would throw a form's changes away: ask first. */
		if (stop_signal == SIGINT && app_form_interrupt(a)) {
			stop_signal = 0;
			what = R_ALL;
		}
		if (stop_signal)
			break;
		if ((rc = work(a, &what, err)) != RC_OK)
			return rc;
		/* In the middle of a paste, only the bar's text, or the
		 * form's value, changes: drawn once it is over. */
		if (what != R_NONE && !((a->filter_typed || a->screen ==
		    SCREEN_FORM) && key_waiting(NULL))) {
			draw(a, what);
			what = R_NONE;
		}
		/* Wait a second at most: others' changes show within one. */
		timeout(a->pending != NULL ? 0 : a->screen == SCREEN_LIST &&
		    !app_facets_ready(a) ? IDLE_MS : 1000);
		got = get_wch(&ch);
		if (got == ERR && stop_signal)
			continue;
		if (got == ERR && (rc = idle(a, err)) != RC_OK)
			return rc;
		if (got != ERR)
			what |= key(a, (int)ch, got == KEY_CODE_YES);
		/* Also while keys keep coming (j held down). */
		if (got == ERR || now() != polled) {
			polled = now();
			if ((rc = app_poll(a, &changed, err)) != RC_OK)
				return rc;
			if (changed)
				what = R_ALL;
		}
	}
	return RC_OK;
}

int
tui_main(struct store *s, int today, int read_only, struct error *err)
{
	struct app a;
	int rc;

	if ((rc = app_init(&a, s, today, read_only, err)) != RC_OK) {
		app_free(&a);
		return rc;
	}
	if (s->read_only_why != NULL)
		app_message(&a, 0, "%s; opened read-only", s->read_only_why);
	signals();
	term_start();
	draw_init(&a);
	app_resize(&a, COLS);
	store_set_wait(s, lock_wait, &a);
	rc = loop(&a, err);
	store_set_wait(s, NULL, NULL);
	endwin();
	app_free(&a);
	/* Die of the signal, as the sender expects, now the terminal is
	 * restored. */
	if (stop_signal != 0) {
		store_close(s);
		signal(stop_signal, SIG_DFL);
		raise(stop_signal);
	}
	return rc;
}

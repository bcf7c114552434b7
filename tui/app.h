/*
 * app.h - the full-screen interface's state, which every screen shares
 * (the entry point is tui.h).  Screens draw from this state and change it
 * only through the app_* functions (app.c, app_page.c, app_deploy.c),
 * which call the core; nothing in tui/ touches SQL.  A key goes: the key table
 * (keys.c), the screen's key function (screen_*_key), app_*, the core.
 *
 * Memory: struct app owns everything it points to; app_free releases it.
 * Strings handed to app_* functions are copied.
 */
#ifndef ROSTER_APP_H
#define ROSTER_APP_H

#include <stddef.h>
#include <stdio.h>

#include "callout.h"
#include "deploy.h"
#include "desk.h"
#include "dupes.h"
#include "error.h"
#include "export.h"
#include "facet.h"
#include "filter.h"
#include "keys.h"
#include "line.h"
#include "person.h"
#include "search.h"
#include "store.h"
#include "suggest.h"
#include "summary.h"
#include "tags.h"
#include "view.h"

/* What a key's action asks the loop to redraw. */
enum {
	R_NONE = 0,
	R_LIST = 1 << 0,
	R_STATUS = 1 << 1,
	R_BAR = 1 << 2,
	R_FACETS = 1 << 3,
	R_ALL = 0xff,
};

enum mode { SCREEN_LIST, SCREEN_DETAIL, SCREEN_HELP, SCREEN_DEPLOYS,
    SCREEN_DEPLOY, SCREEN_SUGGEST, SCREEN_HISTORY, SCREEN_FORM, SCREEN_DESK, SCREEN_DUPES,
    SCREEN_TWIN };

struct form;	/* the person form (a, e): form.h */
struct twin;	/* a pair side by side: twin.h */

/* The deployments screens: the list of them, one open, its suggestions. */
struct deploy_ui {
	struct deploy_summary	*all;
	size_t			 nall;
	struct view		 lview;
	int			 open;		/* d is loaded */
	struct deployment	 d;
	struct member		*members;
	size_t			 nmembers;
	struct coverage		*cov;
	struct view		 mview;
	struct suggest_report	 sug;
	int			 sug_valid;
	struct view		 sview;
	/* A deployment being created a question at a time (KEYS_NEW). */
	struct deployment	 draft;
	int			 step;
	int			 then_add;	/* for the tagged: ';' 'a' */
	/* Or the open one being changed: the need asked about next, and
	 * the values offered, so that only what an answer changes is
	 * written over what another process may have changed meanwhile. */
	int			 editing;
	size_t			 need_i;
	struct deployment	 offered;
	/* A refused booking that '!' would force. */
	long long		 force_pk;
	enum member_status	 force_status;
};

/* The reply times of the desk's histogram: under 15 minutes, an hour,
 * 6 hours, 24 hours; later; and not answered. */
#define DESK_HIST_N	6

/* The call-out desk of the open deployment (SCREEN_DESK, desk.h). */
struct desk_ui {
	struct desk		 k;
	int			 valid;
	struct view		 view;
	long			 hist[DESK_HIST_N];
	/* A phone reply whose note is asked (KEYS_NOTE): the answer, and
	 * the member it is for, named as when asked (they may be erased
	 * meanwhile). */
	enum reply_answer	 answer;
	long long		 person;
	char			 name[256];
	/* The next wave, shown before it is sent (KEYS_WAVE). */
	struct suggest_report	 wave;
	int			 wave_valid;
};

/* The same person twice (=): the probable pairs, and one open. */
struct dupes_ui {
	struct dupes_list	 list;
	struct view		 view;
	struct twin		*twin;		/* on SCREEN_TWIN */
};

/*
 * What the next key means, in one place so that the key loop asks one
 * thing: the screen's keys, the one key a question waits for, or the
 * editing of the bar (open for one of the last four).
 */
enum modal {
	KEYS_NORMAL,
	KEYS_PICK,	/* the deployments: Enter adds the tagged people */
	KEYS_TAGGED,	/* ';' waits for what to do with the tagged */
	KEYS_STATUS,	/* 's' waits for the member's new status */
	KEYS_REMOVE,	/* 'X' waits for y */
	KEYS_QUIT,	/* q with people tagged waits for y */
	KEYS_ERASE,	/* 'X' on a person waits for y */
	KEYS_FILTER,	/* the bar: the filter */
	KEYS_EXPORT,	/* the file for the tagged people */
	KEYS_NEW,	/* an answer about a new deployment */
	KEYS_SHEET,	/* the file for the call-out sheet */
	KEYS_NOTE,	/* the note of a phone reply on the desk */
	KEYS_WAVE,	/* 'W' on the desk waits for y to send */
	KEYS_MERGE,	/* 'm' on a pair waits for y to merge them */
	KEYS_APART,	/* 'n' on a pair waits for y: not the same */
};

#define FACET_MAX	50

struct app {
	struct store		*store;
	int			 today;
	int			 read_only;
	int			 color;
	int			 blocks;	/* the user's locale is UTF-8 */
	int			 cols;		/* terminal width, for the timeline */
	struct search_cache	*cache;

	/* The filter in force, its result, and one still to run. */
	char			*filter;
	struct search_result	*result;
	struct filter		*pending;
	int			 pending_keeps_cursor;
	long long		 follow_pk;	/* the person to keep it on */
	long long		 follow_was;	/* and where they were */
	long long		 total;		/* people in the pool */
	struct strbuf		 empty;		/* why nobody matches */
	long long		 generation;	/* store_generation */
	enum search_sort	 sort;
	int			 reverse;

	/* The pool list and the rows on screen. */
	struct view		 list;
	struct summary		*rows;
	long long		*row_pks;
	size_t			 nrows;
	long long		 rows_top;
	int			 rows_valid;
	struct tags		 tags;

	/* The bar: the filter being typed, or another question. */
	struct line		 line;		/* the filter's, with history */
	struct line		 answer;	/* other prompts' */
	char			*before;	/* the filter before editing */
	long long		 before_pk;	/* and the person under the cursor */
	long long		 before_cursor;
	char			 bar_error[1024];
	/* The filter was edited and is compiled once no key waits (a paste
	 * is compiled once, not once a byte); a paste was cut short at
	 * LINE_MAX_BYTES. */
	int			 filter_typed;
	int			 filter_full;
	/* The file named at the bar exists: o, r or Esc (KC_EXISTS); and
	 * 'o' was the answer. */
	int			 file_exists;
	int			 file_replace;

	/* Facets of the current result. */
	int			 facets_shown;
	int			 facets_focus;
	int			 facets_valid;
	struct facet		 facets[FACET_N];
	struct facet_cache	*fcache;
	long long		 fcache_gen;	/* the generation it is whole for */
	struct view		 fview;

	/* One person, or the help. */
	enum mode		 screen;
	char			**lines;
	size_t			 nlines;
	struct view		 page;
	long long		 page_line;	/* shown on top, or -1 */
	long long		 detail_pk;
	char			 detail_id[PERSON_ID_LEN];	/* who it was */
	char			 detail_name[256];

	struct deploy_ui	 dep;
	struct desk_ui		 desk;
	struct dupes_ui		 dupes;
	struct form		*form;		/* on SCREEN_FORM */
	enum mode		 back_to;	/* where q leaves a person */
	enum mode		 help_from;	/* and the help */

	char			 message[1024];
	int			 message_error;
	enum modal		 modal;		/* what the next key means */
	int			 lock_waited;	/* a write waited: redraw all */
	int			 drop_typed;	/* keys typed ahead were meant
						 * for a screen not shown */
	int			 quit;
};

/* app.c: the whole screen's state and the pool list's. */
int	app_init(struct app *, struct store *, int today, int read_only,
	    struct error *err);
void	app_free(struct app *);
void	app_message(struct app *, int error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	app_message_clear(struct app *);
void	app_modal_set(struct app *, enum modal);
/* Quits, or asks first when people are tagged (KEYS_QUIT); the answer
 * (yes: quits at once). */
void	app_quit(struct app *);
void	app_quit_answer(struct app *, int yes);
/* Where the keys of the screen on show are looked up (KC_*). */
unsigned app_keys_where(const struct app *);
/* Shows a screen again: what it shows may have changed while hidden. */
int	app_show(struct app *, enum mode, struct error *err);
/* Notices another process's changes; sets *changed. */
int	app_poll(struct app *, int *changed, struct error *err);
/* After a change to the data (the screen's own, at once, or another
 * process's): the filter, its counts and facets run again, the cursor
 * on the same person if they still match, else on the same row; the
 * screen on show reloads. */
int	app_changed(struct app *, struct error *err);
/* Whether the bar is open (the modal state is one of its questions). */
int	app_bar_open(const struct app *);
/* Opens the bar on a question (KEYS_EXPORT...) with answer typed in;
 * an answer refused, and closing the bar. */
void	app_bar_ask(struct app *, enum modal question, const char *answer);
void	app_bar_error(struct app *, const char *msg);
void	app_bar_close(struct app *);
/* Compiles text; a bad filter leaves its message in bar_error. */
void	app_filter_set(struct app *, const char *text);
/* Compiles the bar's filter if it was edited (filter_typed); when it
 * was cut short (filter_full), says so in bar_error. */
void	app_filter_typed(struct app *);
/* The filter with term added (ANDed), or excluded. */
void	app_filter_add(struct app *, const char *term, int exclude);
/* Opens the bar on the filter, and restores the filter it had. */
void	app_filter_edit(struct app *);
void	app_filter_restore(struct app *);
long long app_cursor_pk(struct app *);
/* Runs the pending search; RC_INTERRUPTED when a key came first. */
int	app_search(struct app *, struct error *err);
/* Rows top..top+height of the list, loaded as needed; reset forgets
 * them (the order changed). */
void	app_rows_reset(struct app *);
int	app_rows(struct app *, struct error *err);
int	app_facets(struct app *, struct error *err);
/* The facet cache whole for the pool as it is, for the panel to come:
 * done while idle (RC_INTERRUPTED when a key came first; a failure is
 * left for the panel to tell); ready says whether it is. */
int	app_facets_ready(const struct app *);
int	app_facets_prepare(struct app *, struct error *err);
/* The list's order: the next sort key, or reversed. */
void	app_sort_next(struct app *);
void	app_reverse(struct app *);
/* The facet panel shown or hidden, and the focus moved between it and
 * the list; narrow: no room for both, the panel goes with the focus. */
void	app_facets_toggle(struct app *, int narrow);
void	app_focus_toggle(struct app *, int narrow);
/* The focus on the list, the cursor on row (unless row < 0). */
void	app_focus_list(struct app *, long long row);
/* The person under the cursor; 0 when there is none. */
int	app_tag_toggle(struct app *);
int	app_tag_all(struct app *, struct error *err);
void	app_untag_all(struct app *);
/* Writes the tagged people to a people file and says so, and how many
 * who left the service had their contacts left out (format.h). */
int	app_export_tagged(struct app *, const char *path, struct error *err);
/* A new file for the user (export_file_open): one that exists is refused
 * (RC_REFUSED, file_exists set) unless file_replace.  export_file_close
 * ends it. */
int	app_file_open(struct app *, const char *path, struct export_file *,
	    struct error *err);
/* The path a user typed at a prompt, a leading ~ expanded. */
void	app_path(const char *typed, struct strbuf *out);

/* app_page.c: a person's record, or the help, over the other screens. */
int	app_open(struct app *, long long pk, struct error *err);
void	app_close_page(struct app *);
/* Opens the person on screen again (their data or the width changed),
 * keeping the scroll. */
void	app_reopen(struct app *);
/* Whether the person on screen is still the one opened: 0, and back to
 * the screen under them with a message, when they were erased meanwhile
 * (their row number perhaps given to someone new since). */
int	app_detail_still(struct app *);
/* Appends a line of len bytes to the page (the record or the help). */
void	app_page_add(struct app *, const char *text, size_t len);
/* The person over the current screen, to which q returns; an error
 * goes to the message line. */
void	app_person_show(struct app *, long long pk);
/* Marks the person on screen reviewed today (review.h) and shows them
 * again, saying so on the message line. */
int	app_review(struct app *, struct error *err);
/* Leaves the person or the help for screen to. */
int	app_page_leave(struct app *, enum mode to, struct error *err);
/* The help, its lines added, over the current screen, line at the top. */
void	app_help_shown(struct app *, long long line);
/* The terminal is cols wide now. */
void	app_resize(struct app *, int cols);
/* The open person's audit lines, newest first, as the page on screen
 * (SCREEN_HISTORY); q goes back to the person. */
int	app_history_open(struct app *, struct error *err);
/* Asks whether to erase the open person, naming them (KEYS_ERASE); the
 * answer y erases them and goes back to the list without them. */
void	app_erase_ask(struct app *);
int	app_erase(struct app *, struct error *err);

/* app_form.c: the person form (form.h), over the list or the record.
 * Opens it on person pk (0: a new person); refused with a message when
 * the database is read-only.  Closing it returns to where it was opened. */
void	app_form_open(struct app *, long long pk);
void	app_form_close(struct app *);

/* app_deploy.c: the deployments screens' state. */
int	app_deploys_load(struct app *, struct error *err);
int	app_deploy_open(struct app *, const char *name, struct error *err);
int	app_deploy_reload(struct app *, struct error *err);
void	app_deploy_free(struct app *);
int	app_deploy_add_tagged(struct app *, struct error *err);
int	app_deploy_set(struct app *, enum member_status, int force,
	    struct error *err);
int	app_deploy_remove(struct app *, struct error *err);
int	app_deploy_suggest(struct app *, int fresh, struct error *err);
int	app_deploy_accept(struct app *, int all, struct error *err);
/* Creating a deployment: the question of the current step (written into
 * buf), and an answer (RC_OK: next question, or created and opened when
 * done). */
const char *app_deploy_new_question(const struct app *, char *buf,
	    size_t len);
void	app_deploy_new_start(struct app *);
int	app_deploy_new_answer(struct app *, const char *text,
	    struct error *err);
/* Given up: back to picking a deployment if it was for the tagged. */
void	app_deploy_new_cancel(struct app *);
/* Changing the open deployment, the same way: the questions of a new
 * one but the country, each with the current value offered; then its
 * needs one at a time. */
void	app_deploy_edit_start(struct app *);
/* The open deployment's call-out sheet into a new file. */
int	app_deploy_sheet(struct app *, const char *path, struct error *err);
long long app_deploy_cursor_pk(const struct app *);
/* Asks the second key of 's' or 'X' (KEYS_STATUS, KEYS_REMOVE) about
 * the member under the cursor, by name. */
void	app_deploy_ask(struct app *, enum modal question);
/* Whether deployments may change; if not, the message says why. */
int	app_deploy_writable(struct app *);
/* '!' forces only the refusal just shown: anything else forgets it. */
void	app_deploy_unforce(struct app *);

/* app_desk.c: the call-out desk of the open deployment.  Opening and
 * loading it again (the deployment too: another process may have
 * changed either); the member under the cursor, or -1. */
int	app_desk_open(struct app *, struct error *err);
int	app_desk_reload(struct app *, struct error *err);
void	app_desk_free(struct app *);
long long app_desk_cursor_pk(const struct app *);
/* A phone reply for the member under the cursor: asks for its note
 * (KEYS_NOTE), whose question is written into buf; the note typed
 * records it (reply_record). */
void	app_desk_note_ask(struct app *, enum reply_answer);
const char *app_desk_note_question(const struct app *, char *buf,
	    size_t len);
int	app_desk_reply(struct app *, const char *note, struct error *err);
/* The next wave: the people suggested for the needs still open, shown
 * with a question (KEYS_WAVE); yes adds them and sends them the alert,
 * anything else forgets them. */
int	app_desk_wave(struct app *, struct error *err);
int	app_desk_wave_send(struct app *, struct error *err);
void	app_desk_wave_cancel(struct app *);

/* app_dupes.c: the same person twice (twin.h).  The pairs, found
 * again; the pair on show read again, and back to the pairs, saying
 * who, when either of them is gone. */
int	app_dupes_open(struct app *, struct error *err);
int	app_dupes_load(struct app *, struct error *err);
int	app_twin_reload(struct app *, struct error *err);
void	app_dupes_free(struct app *);

/*
 * Screens: draw.c, and screen_*.c, each with its drawing and its keys
 * (an action of the key table; what to redraw, R_*).
 */
void	draw_init(struct app *);
/* s in exactly cols columns at (y, x): cut, padded, control characters
 * escaped. */
void	draw_text(int y, int x, int cols, const char *s, int attr);
/* The bytes of s that fill one line of cols columns, broken after a
 * space where there is one: to wrap a long text. */
size_t	draw_cut(const char *s, int cols);
/* Line part of s wrapped at cols (draw_cut) over at most lines lines:
 * its start, *len its bytes, the last line taking the rest (for
 * draw_text to cut with an ellipsis); past the end, "". */
const char *draw_wrap(const char *s, int cols, int part, int lines,
	    size_t *len);
/* The attribute of a role, in colour unless NO_COLOR or a mono terminal. */
enum role { ROLE_HEADER, ROLE_STATUS, ROLE_CURSOR, ROLE_ERROR, ROLE_YES,
    ROLE_WARN, ROLE_TAG };
int	draw_attr(const struct app *, enum role);
/*
 * The message wraps over up to MESSAGE_LINES lines at the foot of the
 * screen, the status line above it moving up: extra is how many lines
 * beyond the one it always has (0 while the bar is open).  draw_message
 * draws it from line y to the last, or the hint (dim) without one.
 */
#define MESSAGE_LINES	4
int	draw_message_extra(const struct app *);
void	draw_message(const struct app *, int y, const char *hint);
void	screen_list_draw(struct app *, unsigned what);
unsigned screen_list_key(struct app *, enum action);
/* The bar on line y, its error on the last line (bar.c, with its keys). */
void	screen_bar_draw(struct app *, int y);
int	screen_list_height(const struct app *);
/* The list row under a mouse click, or -1. */
long long screen_list_row_at(const struct app *, int y, int x);
void	screen_page_draw(struct app *);
unsigned screen_page_key(struct app *, enum action);
/* The key after 'X' on a person: only y erases them. */
unsigned screen_page_erase_key(struct app *, int code, int fkey);
/* The help, drawn from the key table, as the page on screen. */
void	screen_help_open(struct app *);
void	screen_facets_draw(struct app *, int x, int width, int y0, int h);
/* Adds (or excludes) the value under the panel's cursor to the filter. */
unsigned screen_facets_add(struct app *, int exclude);
/* Facet rows: a title line per kind, then its values. */
long long screen_facets_rows(const struct app *);
int	screen_facets_value(const struct app *, long long row,
	    enum facet_kind *kind, const struct facet_value **v);
/* The person form; its keys are characters typed as much as actions. */
void	screen_form_draw(struct app *);
unsigned screen_form_key(struct app *, int code, int fkey);
/* The status line and the message (or the hint) at the foot of a list
 * screen, or the bar when it is open. */
void	screen_footer(struct app *, const char *status, const char *hint);
/* The deployments, one of them, and its suggested team. */
void	screen_deploy_draw(struct app *);
unsigned screen_deploy_key(struct app *, enum action);
/* The key after 'X': only y takes the member off. */
unsigned screen_deploy_remove_key(struct app *, int code, int fkey);
/* The call-out desk; the key after 'W': only y sends the wave. */
void	screen_desk_draw(struct app *);
unsigned screen_desk_key(struct app *, enum action);
unsigned screen_desk_wave_key(struct app *, int code, int fkey);

#endif

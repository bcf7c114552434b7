/*
 * The state of the whole screen and of the pool list: the filter and its
 * search, the rows and facets on show, the tags, the order, the bar and
 * the message.  The screens change it only through these functions.
 */
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "export.h"
#include "format.h"
#include "person.h"
#include "strbuf.h"

void
app_message(struct app *a, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	va_end(ap);
	a->message_error = error;
}

void
app_message_clear(struct app *a)
{
	a->message[0] = '\0';
}

void
app_modal_set(struct app *a, enum modal m)
{
	a->modal = m;
}

void
app_quit(struct app *a)
{
	/* Tags are the work of a search session: never lost by one key. */
	if (a->tags.n > 0) {
		app_message(a, 0, "quit and lose %lld tag%s? (y/n)", a->tags.n,
		    a->tags.n == 1 ? "" : "s");
		a->modal = KEYS_QUIT;
		return;
	}
	a->quit = 1;
}

void
app_quit_answer(struct app *a, int yes)
{
	a->modal = KEYS_NORMAL;
	a->message[0] = '\0';
	a->quit = yes;
}

int
app_show(struct app *a, enum mode screen, struct error *err)
{
	a->screen = screen;
	switch (screen) {
	case SCREEN_DEPLOYS:
		return app_deploys_load(a, err);
	case SCREEN_DEPLOY:
		return app_deploy_reload(a, err);
	case SCREEN_SUGGEST:
		return app_deploy_suggest(a, 0, err);
	case SCREEN_DESK:
		return app_desk_reload(a, err);
	case SCREEN_DUPES:
		return app_dupes_load(a, err);
	case SCREEN_TWIN:
		return app_twin_reload(a, err);
	default:
		return RC_OK;
	}
}

unsigned
app_keys_where(const struct app *a)
{
	switch (a->screen) {
	case SCREEN_DETAIL:
		return KC_DETAIL;
	case SCREEN_HELP:
	case SCREEN_HISTORY:
		return KC_HELP;
	case SCREEN_DEPLOYS:
		return KC_DEPLOYS;
	case SCREEN_DEPLOY:
		return KC_DEPLOY;
	case SCREEN_SUGGEST:
		return KC_SUGGEST;
	case SCREEN_DESK:
		return KC_DESK;
	case SCREEN_FORM:
		return KC_FORM;
	case SCREEN_DUPES:
		return KC_DUPES;
	case SCREEN_TWIN:
		return KC_TWIN;
	default:
		return a->facets_focus ? KC_FACETS : KC_LIST;
	}
}

static void
rows_free(struct app *a)
{
	size_t i;

	for (i = 0; i < a->nrows; i++)
		summary_free(&a->rows[i]);
	free(a->rows);
	free(a->row_pks);
	a->rows = NULL;
	a->row_pks = NULL;
	a->nrows = 0;
	a->rows_valid = 0;
}

void
app_rows_reset(struct app *a)
{
	rows_free(a);
}

static void
facets_free(struct app *a)
{
	int k;

	for (k = 0; k < FACET_N; k++)
		facet_free(&a->facets[k]);
	a->facets_valid = 0;
}

/*
 * Whole-pool facts that change only when the data does.  The pool's size
 * is everyone's count, which the search takes from the term bitmaps where
 * the pool keeps them: count(*) walks an index of every person (3 to 14
 * ms of the first screen at a million people).
 */
static int
pool_load(struct app *a, struct error *err)
{
	struct search_result *r;
	int rc;

	if ((rc = search_text(a->store, "", a->today, NULL, &r, err)) != RC_OK)
		return rc;
	a->total = search_result_count(r);
	search_result_free(r);
	return store_generation(a->store, &a->generation, err);
}

int
app_init(struct app *a, struct store *s, int today, int read_only,
    struct error *err)
{
	int rc;

	memset(a, 0, sizeof *a);
	a->store = s;
	a->today = today;
	a->read_only = read_only;
	a->cache = search_cache_new();
	a->fcache = facet_cache_new();
	a->fcache_gen = -1;
	a->filter = xstrdup("");
	a->detail_pk = -1;
	a->page_line = -1;
	a->follow_pk = -1;
	a->dep.force_pk = -1;
	if ((rc = pool_load(a, err)) != RC_OK)
		return rc;
	if ((rc = filter_compile(s, "", today, &a->pending, err)) != RC_OK)
		return rc;
	return app_search(a, err);
}

void
app_free(struct app *a)
{
	rows_free(a);
	facets_free(a);
	app_close_page(a);
	app_desk_free(a);
	app_dupes_free(a);
	app_deploy_free(a);
	app_form_close(a);
	free(a->filter);
	free(a->before);
	filter_free(a->pending);
	search_result_free(a->result);
	strbuf_free(&a->empty);
	search_cache_free(a->cache);
	facet_cache_free(a->fcache);
	tags_free(&a->tags);
	line_free(&a->line);
	line_free(&a->answer);
}

int
app_bar_open(const struct app *a)
{
	switch (a->modal) {
	case KEYS_FILTER:
	case KEYS_EXPORT:
	case KEYS_NEW:
	case KEYS_SHEET:
	case KEYS_NOTE:
		return 1;
	default:
		return 0;
	}
}

void
app_bar_ask(struct app *a, enum modal question, const char *answer)
{
	a->bar_error[0] = '\0';
	line_set(&a->answer, answer);
	a->modal = question;
}

void
app_bar_error(struct app *a, const char *msg)
{
	snprintf(a->bar_error, sizeof a->bar_error, "%s", msg);
}

void
app_bar_close(struct app *a)
{
	a->bar_error[0] = '\0';
	a->filter_typed = 0;
	a->filter_full = 0;
	a->modal = KEYS_NORMAL;
}

void
app_filter_set(struct app *a, const char *text)
{
	struct filter *f;
	struct error err;

	if (filter_compile(a->store, text, a->today, &f, &err) != RC_OK) {
		snprintf(a->bar_error, sizeof a->bar_error, "%s", err.msg);
		return;
	}
	a->bar_error[0] = '\0';
	filter_free(a->pending);
	a->pending = f;
	a->pending_keeps_cursor = 0;
	free(a->filter);
	a->filter = xstrdup(text);
}

void
app_filter_typed(struct app *a)
{
	if (!a->filter_typed)
		return;
	a->filter_typed = 0;
	app_filter_set(a, line_text(&a->line));
	if (a->filter_full)
		snprintf(a->bar_error, sizeof a->bar_error, "filter is limited "
		    "to %d bytes: the rest was not taken", LINE_MAX_BYTES);
}

void
app_filter_add(struct app *a, const char *term, int exclude)
{
	struct strbuf b = { 0 };

	strbuf_adds(&b, a->filter);
	if (*a->filter != '\0')
		strbuf_adds(&b, " ");
	if (exclude)
		strbuf_adds(&b, "-");
	strbuf_adds(&b, term);
	app_filter_set(a, strbuf_str(&b));
	line_remember(&a->line, strbuf_str(&b));
	strbuf_free(&b);
}

void
app_filter_edit(struct app *a)
{
	free(a->before);
	a->before = xstrdup(a->filter);
	a->before_pk = app_cursor_pk(a);
	a->before_cursor = a->list.cursor;
	line_set(&a->line, a->filter);
	a->modal = KEYS_FILTER;
	a->bar_error[0] = '\0';
	a->message[0] = '\0';
	a->facets_focus = 0;
}

void
app_filter_restore(struct app *a)
{
	app_filter_set(a, a->before != NULL ? a->before : "");
	/* Back where they were, on the same person. */
	a->pending_keeps_cursor = 1;
	a->follow_pk = a->before_pk;
	a->follow_was = a->before_cursor;
}

long long
app_cursor_pk(struct app *a)
{
	if (a->rows_valid && a->list.cursor >= a->rows_top &&
	    a->list.cursor < a->rows_top + (long long)a->nrows)
		return a->row_pks[a->list.cursor - a->rows_top];
	return -1;
}

/* After a refresh, finds the person who was under the cursor near where
 * they were: an edit elsewhere moves them by a few rows at most. */
static void
follow(struct app *a, long long pk, long long was)
{
	long long from, pks[201];
	size_t n, i;
	struct error err;

	from = was > 100 ? was - 100 : 0;
	if (search_page(a->store, a->result, a->sort, a->reverse, from, pks,
	    201, &n, &err) != RC_OK)
		return;
	for (i = 0; i < n; i++)
		if (pks[i] == pk) {
			view_go(&a->list, from + (long long)i);
			return;
		}
}

int
app_search(struct app *a, struct error *err)
{
	struct search_result *r;
	int rc;

	if (a->pending == NULL)
		return RC_OK;
	if ((rc = search_eval(a->store, a->pending, a->cache, &r, err))
	    != RC_OK)
		return rc;
	search_result_free(a->result);
	a->result = r;
	filter_free(a->pending);
	a->pending = NULL;
	rows_free(a);
	facets_free(a);
	view_set_size(&a->list, search_result_count(r), a->list.height);
	if (!a->pending_keeps_cursor) {
		view_go(&a->list, 0);
	} else if (a->follow_pk >= 0 && search_result_has(r, a->follow_pk)) {
		view_go(&a->list, a->follow_was);
		follow(a, a->follow_pk, a->follow_was);
	}
	a->pending_keeps_cursor = 0;
	strbuf_reset(&a->empty);
	if (search_result_count(r) == 0 && *a->filter != '\0')
		return search_explain_empty(a->store, a->filter, a->today,
		    a->cache, &a->empty, err);
	return RC_OK;
}

int
app_rows(struct app *a, struct error *err)
{
	size_t want = a->list.height > 0 ? (size_t)a->list.height : 0, n, i;
	long long *pks;
	int rc;

	if (a->rows_valid && a->rows_top == a->list.top && a->nrows == want)
		return RC_OK;
	if (a->rows_valid && a->rows_top == a->list.top && a->nrows ==
	    (size_t)(a->list.n - a->list.top))
		return RC_OK;
	rows_free(a);
	if (a->result == NULL || want == 0)
		return RC_OK;
	pks = xcalloc(want, sizeof *pks);
	rc = search_page(a->store, a->result, a->sort, a->reverse, a->list.top,
	    pks, want, &n, err);
	if (rc != RC_OK) {
		free(pks);
		return rc;
	}
	a->rows = xcalloc(n > 0 ? n : 1, sizeof *a->rows);
	for (i = 0; i < n && rc == RC_OK; i++)
		rc = summary_load(a->store, pks[i], a->today, &a->rows[i],
		    err);
	a->row_pks = pks;
	a->nrows = i;
	if (rc != RC_OK) {
		rows_free(a);
		return rc;
	}
	a->rows_top = a->list.top;
	a->rows_valid = 1;
	return RC_OK;
}

int
app_facets(struct app *a, struct error *err)
{
	struct facet f[FACET_N];
	int k, j, rc = RC_OK;

	if (a->facets_valid || a->result == NULL)
		return RC_OK;
	memset(f, 0, sizeof f);
	for (k = 0; k < FACET_N && rc == RC_OK; k++)
		rc = facet_count_cached(a->store, a->fcache, a->result,
		    (enum facet_kind)k, FACET_MAX, &f[k], err);
	if (rc != RC_OK) {
		for (j = 0; j < k; j++)
			facet_free(&f[j]);
		return rc;
	}
	facets_free(a);
	memcpy(a->facets, f, sizeof f);
	a->facets_valid = 1;
	view_set_size(&a->fview, screen_facets_rows(a), a->fview.height);
	/* The first row is a title: start on the first value. */
	if (a->fview.cursor == 0 && a->fview.n > 1)
		view_go(&a->fview, 1);
	return RC_OK;
}

int
app_facets_ready(const struct app *a)
{
	return a->fcache_gen == a->generation;
}

int
app_facets_prepare(struct app *a, struct error *err)
{
	int rc;

	if (app_facets_ready(a))
		return RC_OK;
	rc = facet_cache_fill(a->store, a->fcache, err);
	if (rc == RC_INTERRUPTED)
		return rc;
	/*
	 * Not again until the pool changes.  A fill that failed (a damaged
	 * term bitmap) leaves the list as it is: the panel, counting the
	 * same way, says why when it is asked for.
	 */
	a->fcache_gen = a->generation;
	return RC_OK;
}

int
app_poll(struct app *a, int *changed, struct error *err)
{
	long long v;
	int rc;

	*changed = 0;
	if ((rc = store_generation(a->store, &v, err)) != RC_OK)
		return rc;
	if (v == a->generation)
		return RC_OK;
	*changed = 1;
	return app_changed(a, err);
}

int
app_changed(struct app *a, struct error *err)
{
	long long pk;
	int rc;

	if ((rc = pool_load(a, err)) != RC_OK)
		return rc;
	if (a->pending == NULL) {
		if ((rc = filter_compile(a->store, a->filter, a->today,
		    &a->pending, err)) != RC_OK)
			return rc;
		a->pending_keeps_cursor = 1;
		/* Rows not loaded (another screen on show since the last
		 * change): the person found then is still the one. */
		if ((pk = app_cursor_pk(a)) >= 0) {
			a->follow_pk = pk;
			a->follow_was = a->list.cursor;
		}
	}
	rows_free(a);
	if (a->screen == SCREEN_DETAIL)
		app_reopen(a);
	if (a->screen == SCREEN_DEPLOYS)
		return app_deploys_load(a, err);
	if (a->screen == SCREEN_DEPLOY)
		return app_deploy_reload(a, err);
	if (a->screen == SCREEN_DESK)
		return app_desk_reload(a, err);
	/* A pair merged or changed elsewhere is not acted on. */
	if (a->screen == SCREEN_DUPES || a->screen == SCREEN_TWIN)
		return app_show(a, a->screen, err);
	/* Who is free changed: suggest again. */
	if (a->screen == SCREEN_SUGGEST) {
		if ((rc = app_deploy_reload(a, err)) != RC_OK)
			return rc;
		return app_deploy_suggest(a, 0, err);
	}
	return RC_OK;
}

void
app_sort_next(struct app *a)
{
	a->sort = a->sort == SORT_MISSION ? SORT_NAME :
	    (enum search_sort)(a->sort + 1);
	app_rows_reset(a);
	view_go(&a->list, 0);
}

void
app_reverse(struct app *a)
{
	a->reverse = !a->reverse;
	app_rows_reset(a);
	view_go(&a->list, 0);
}

void
app_facets_toggle(struct app *a, int narrow)
{
	a->facets_shown = !a->facets_shown;
	a->facets_focus = a->facets_shown && narrow;
}

void
app_focus_toggle(struct app *a, int narrow)
{
	if (!a->facets_shown) {
		a->facets_shown = 1;
		a->facets_focus = 1;
	} else
		a->facets_focus = !a->facets_focus;
	/* Start on a value, not on the first title. */
	if (a->facets_focus && a->fview.cursor == 0 && a->fview.n > 1)
		view_go(&a->fview, 1);
	/* Too narrow to show both: the panel goes with the focus. */
	if (!a->facets_focus && narrow)
		a->facets_shown = 0;
}

void
app_focus_list(struct app *a, long long row)
{
	a->facets_focus = 0;
	if (row >= 0)
		view_go(&a->list, row);
}

int
app_tag_toggle(struct app *a)
{
	long long pk = app_cursor_pk(a);

	if (pk < 0)
		return 0;
	tags_toggle(&a->tags, pk);
	view_move(&a->list, 1);
	return 1;
}

int
app_tag_all(struct app *a, struct error *err)
{
	return tags_add_result(a->store, &a->tags, a->result, err);
}

void
app_untag_all(struct app *a)
{
	tags_free(&a->tags);
}

int
app_export_tagged(struct app *a, const char *path, struct error *err)
{
	struct export_file f;
	long long left_out;
	int rc;

	if ((rc = tags_collect(a->store, &a->tags, a->sort, a->reverse, err))
	    != RC_OK || (rc = format_left_out(a->store, &left_out, err)) !=
	    RC_OK)
		return rc;
	if ((rc = app_file_open(a, path, &f, err)) != RC_OK)
		return rc;
	rc = format_csv(a->store, FILE_PEOPLE, 0, f.fp, err);
	if ((rc = export_file_close(&f, rc, err)) != RC_OK)
		return rc;
	if (left_out > 0)
		app_message(a, 0, "%lld people written to %s; the contacts of "
		    "%lld who left the service were left out", a->tags.n, path,
		    left_out);
	else
		app_message(a, 0, "%lld people written to %s", a->tags.n,
		    path);
	return RC_OK;
}

int
app_file_open(struct app *a, const char *path, struct export_file *f,
    struct error *err)
{
	int rc;

	/* A file the user already has is overwritten only after 'o', and
	 * then by a new one renamed over it: a failure leaves it as it was. */
	rc = export_file_open(f, path, a->file_replace, err);
	if (!a->file_replace)
		a->file_exists = rc == RC_REFUSED;
	return rc;
}

void
app_path(const char *typed, struct strbuf *out)
{
	const char *home = getenv("HOME");
	struct passwd *pw;

	strbuf_reset(out);
	/*
	 * As the shell would: ~ and ~/ at the start are $HOME, or the
	 * password file's home when HOME is unset; never a directory
	 * named "~".
	 */
	if (typed[0] == '~' && (typed[1] == '\0' || typed[1] == '/')) {
		if ((home == NULL || *home == '\0') &&
		    (pw = getpwuid(getuid())) != NULL)
			home = pw->pw_dir;
		if (home != NULL && *home != '\0') {
			strbuf_adds(out, home);
			typed++;
		}
	}
	strbuf_adds(out, typed);
}


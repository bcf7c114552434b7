/*
 * form.h - the person form (a, e): every field of a person, their
 * missions and unavailability windows, each checked by the core
 * (edit.h) as the cursor leaves it; and, when someone else saved the
 * person while the form was open, the conflict screen that shows both
 * values of each field that differs and lets the user choose.
 * app_form.c keeps its state, screen_form.c draws it and reads its keys.
 *
 * Memory: the app owns its form (app->form), made by app_form_open and
 * released by app_form_close (app_free too); the form owns its record,
 * its lines and every string in it.
 */
#ifndef ROSTER_FORM_H
#define ROSTER_FORM_H

#include <stddef.h>

#include "app.h"
#include "edit.h"
#include "line.h"

/* The cells of a mission row and of a window row. */
enum { MC_MISSION, MC_COUNTRY, MC_START, MC_END, MC_ROLE, MC_THEMES,
    MC_N };
enum { WC_FROM, WC_TO, WC_REASON, WC_N };
#define FORM_CELLS	MC_N

/* A mission or a window as typed: checked when the cursor leaves it. */
struct form_row {
	struct line	 cell[FORM_CELLS];
	char		 error[1024];	/* as struct error */
};

/* What the cursor is on: a field, a cell of a row, or an "add" line. */
enum form_kind { FK_FIELD, FK_MISSION, FK_ADD_MISSION, FK_WINDOW,
    FK_ADD_WINDOW };

struct form_at {
	enum form_kind	 kind;
	size_t		 row;		/* a field's index, or a row's */
	int		 cell;
};

/* A field that differs between the user's record and the stored one. */
enum { MERGE_MISSIONS = EF_N, MERGE_WINDOWS, MERGE_N };
struct form_diff {
	int		 what;		/* enum edit_field, or MERGE_* */
	char		*yours, *theirs;
	int		 both;		/* both changed it since it was loaded */
	int		 theirs_kept;
};

struct form {
	struct edit_record	*rec;		/* the values checked so far */
	struct edit_record	*loaded;	/* as it was when opened */
	long long		 pk;		/* 0 for a new person */
	char			*name;		/* as opened, for questions */
	enum mode		 from;		/* where Esc and a save return */
	struct line		 field[EF_N];
	char			 error[EF_N][1024];
	struct form_row		*missions;
	size_t			 nmissions;
	struct form_row		*windows;
	size_t			 nwindows;
	char			*snapshot;	/* every text, when opened */
	size_t			 focus;		/* an item, form_item's order */
	int			 top;		/* the first line on screen */
	char			 hint[512];	/* completions, under the field */
	int			 tab_listed;	/* the last Tab listed them */
	int			 asking;	/* "discard the changes?" */
	/* The conflict: their record and the fields that differ. */
	struct edit_record	*theirs;
	struct form_diff	*diffs;
	size_t			 ndiffs;
	size_t			 diff_at;
};

/* screen_form.c: field i's name as the form shows it ("passport
 * expiry"), in label. */
const char *form_label(size_t i, char label[32]);

/* app_form.c (app_form_open and app_form_close are in app.h) */
size_t	form_items(const struct form *);
struct form_at form_item(const struct form *, size_t i);
/* The line the item is edited in, NULL for an "add" line. */
struct line *form_line(struct form *, size_t i);
/* Moves the cursor to item i, checking what it leaves. */
void	form_focus(struct app *, size_t i);
/* Adds a mission or window row and puts the cursor on it; removes the
 * row under the cursor. */
void	form_row_add(struct app *, enum form_kind);
void	form_row_remove(struct app *);
/* Tab: completes the value under the cursor; 0 when there was nothing
 * to complete. */
int	form_complete(struct app *);
/* The lines made again from the record (after a merge). */
void	form_refill(struct form *);
/* Checks what the cursor is on and every row: the first item with a
 * message, or form_items when there is none. */
size_t	form_check(struct app *);
void	form_diffs_free(struct form *);
/* The message of item i (or of its row), "" if none. */
const char *form_error(const struct form *, size_t i);
/* Whether anything was changed since the form opened. */
int	form_changed(const struct form *);
/* Checks everything and saves: back to the screen it came from with the
 * person on show, or the conflict screen, or a message. */
void	app_form_save(struct app *);
/* F2 on a person with nothing changed: leaves, saying so, and writes
 * nothing (a save would write nothing, and be called saved). */
void	app_form_unchanged(struct app *);
/* Esc: leaves, or asks first (asking) when something changed. */
void	app_form_cancel(struct app *);
void	app_form_cancel_answer(struct app *, int yes);
/* Ctrl-C: on a form with changes not yet asked about, asks as Esc does
 * and returns 1 (the program goes on); 0 when it may quit. */
int	app_form_interrupt(struct app *);
/* The conflict screen's choices, and saving the merged record. */
void	form_merge_choose(struct form *, int theirs, int all);
void	app_form_merge_save(struct app *);
void	form_merge_back(struct app *);

#endif

/*
 * actions.h - the keys every screen shares (actions.c) and the keys of
 * the bar (bar.c).  A screen's own keys are with its drawing
 * (screen_*_key in app.h).  Each returns what to redraw (R_*).
 *
 * Memory: nothing is allocated beyond what the app owns.
 */
#ifndef ROSTER_ACTIONS_H
#define ROSTER_ACTIONS_H

#include "app.h"
#include "keys.h"

/* Moving in v (the screen's list, or its page, which scrolls), quitting,
 * the help, redrawing; R_NONE for any other action. */
unsigned	actions_shared(struct app *, struct view *v, enum action);
/* Reports a failed action (rc) on the message line; the screen stays. */
unsigned	actions_failed(struct app *, int rc, const struct error *);
/* A key while the bar is open: code is a character unless fkey. */
unsigned	bar_key(struct app *, int code, int fkey);
/* The bar's editing keys (ACT_BAR_LEFT...) on any line, and a character
 * typed into it (1; 0 not a character; -1 the line is full); the form's
 * fields are edited with them too. */
unsigned	bar_line_edit(struct line *, enum action);
int	bar_line_type(struct line *, int code);
/* The text of l in room columns from (y, x), scrolled sideways so that
 * the cursor shows; returns the cursor's column. */
int	bar_line_draw(const struct line *l, int y, int x, int room, int attr);

#endif

/*
 * actions.h - running a key's action (actions.c) and the keys of the bar
 * and the 'X' question (bar.c).  Each returns what to redraw (R_*).
 *
 * Memory: nothing is allocated beyond what the app owns.
 */
#ifndef ROSTER_ACTIONS_H
#define ROSTER_ACTIONS_H

#include "keys.h"
#include "tui.h"

unsigned	actions_run(struct app *, enum action);
/* Adds (or excludes) the facet value under the panel's cursor. */
unsigned	act_facet(struct app *, int exclude);
/* A key while the bar is open: code is a character unless fkey. */
unsigned	bar_key(struct app *, int code, int fkey);
/* The key after 'X' on a deployment. */
unsigned	remove_key(struct app *, int code, int fkey);

#endif

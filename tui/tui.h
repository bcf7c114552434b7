/*
 * tui.h - the full-screen interface's entry point, for the command line:
 * roster with no command.  Only tui/ uses ncurses; its state and screens
 * are in app.h.
 *
 * Memory: the store is borrowed; nothing is left allocated on return.
 */
#ifndef ROSTER_TUI_H
#define ROSTER_TUI_H

#include "error.h"
#include "store.h"

/* Runs the interface on s until the user quits; RC_OK, or why it ended. */
int	tui_main(struct store *s, int today, int read_only, struct error *err);

#endif

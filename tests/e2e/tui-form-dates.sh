#!/bin/sh
# A date fills its cell in a mission or window row: with the cursor after
# it, the whole date still shows ("2025-03-01", not "025-03-01").
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

t_dates() {
	start formdates 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys a
	wait_for -l 1 '^ New person' || return
	keys C-o
	wait_for '^  mission +country +start' || return
	typ "EULEX Kosovo"
	keys Tab
	typ XK
	keys Tab
	typ 2025-03-01
	wait_for '^  EULEX Kosovo +XK +2025-03-01 *$' || return
	keys Tab
	typ 2026-10-31
	wait_for '^  EULEX Kosovo +XK +2025-03-01 2026-10-31 *$' || return
	# A window: Tab past the mission's role and themes to its add line.
	keys Tab Tab Tab Tab Enter
	wait_for '^  from +to +reason' || return
	typ 2026-12-01
	wait_for '^  2026-12-01 *$' || return
	keys Escape
	wait_for -l 24 -F 'discard the new person? (y/n)' || return
	keys y
	wait_for -l 23 '^ 500/500 ' || return
	keys q
	quit_with 0
}

t_dates
finish

#!/bin/sh
# Ctrl-C on a form with changes asks, as Esc does, instead of throwing
# the changes away; a second Ctrl-C at the question quits.  On a form
# without changes, or anywhere else, Ctrl-C quits at once.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# ctrl_c: the SIGINT a Ctrl-C sends, to roster alone (the key would also
# stop the test's shell that waits for it, which then records nothing).
ctrl_c() {
	kill -INT "$(cat "$D/pid")"
}

t_interrupt() {
	sqlite3 "$db" .dump >"$work/before"
	start forminterrupt 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	id1=$(ids "$db" | sed -n 1p)
	who=$("$ROSTER" --db "$db" show "$id1" | sed -n 1p)
	keys e
	wait_for -l 1 "^ $(re "$who")" || return
	keys Down Down C-u
	typ "Nobody's Agency"
	wait_for "^  agency +Nobody's Agency" || return
	ctrl_c
	wait_for -l 30 "^discard the changes to $(re "$who")\\? \\(y/n\\)" || return
	keys n
	wait_for -l 30 -v 'discard' || return
	wait_for "^  agency +Nobody's Agency" || return
	ctrl_c
	wait_for -l 30 "^discard the changes to $(re "$who")" || return
	ctrl_c
	quit_with 130
	sqlite3 "$db" .dump >"$work/after"
	same "the database after Ctrl-C" "$work/before" "$work/after"
}

# Nothing changed: Ctrl-C quits at once, as everywhere else.
t_unchanged() {
	start forminterrupt2 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	keys a
	wait_for -l 1 '^ New person' || return
	ctrl_c
	quit_with 130
}

t_interrupt
t_unchanged
finish

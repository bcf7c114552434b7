#!/bin/sh
# Esc leaves a form at once when nothing was changed; after a change it
# asks, naming the person: n goes back to the form with the text kept,
# y throws the changes away.  The database is as it was.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

t_cancel() {
	sqlite3 "$db" .dump >"$work/before"
	start formcancel 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	id1=$(ids "$db" | sed -n 1p)
	who=$("$ROSTER" --db "$db" show "$id1" | sed -n 1p)
	# No change: out at once, from a new form and from an old one.
	keys a
	wait_for -l 1 '^ New person' || return
	keys Escape
	wait_for -l 29 '^ 500/500 ' || return
	keys e
	wait_for -l 1 "^ $(re "$who")" || return
	keys Down Down
	keys Escape
	wait_for -l 29 '^ 500/500 ' || return
	# A change: asked first; n returns to the form, the text kept.
	keys e
	wait_for -l 1 "^ $(re "$who")" || return
	keys Down Down C-u
	typ "Nobody's Agency"
	keys Escape
	wait_for -l 30 "^discard the changes to $(re "$who")\\? \\(y/n\\)" || return
	keys n
	wait_for -l 30 -v 'discard' || return
	wait_for "^  agency +Nobody's Agency" || return
	keys Escape
	wait_for -l 30 "^discard the changes to $(re "$who")" || return
	keys y
	wait_for -l 29 '^ 500/500 ' || return
	# A new person typed in, given up.
	keys a
	wait_for -l 1 '^ New person' || return
	typ Nemo
	keys Escape
	wait_for -l 30 '^discard the new person\? \(y/n\)' || return
	keys y
	wait_for -l 29 '^ 500/500 ' || return
	keys q
	quit_with 0
	sqlite3 "$db" .dump >"$work/after"
	same "the database after giving up" "$work/before" "$work/after"
}

t_cancel
finish

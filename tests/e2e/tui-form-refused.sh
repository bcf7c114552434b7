#!/bin/sh
# What the form cannot save it says, and where: a missing given name
# under its field; a new person who is probably someone in the pool
# already is refused, as import refuses them.  Nothing is written.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

t_refused() {
	sqlite3 "$db" .dump >"$work/before"
	"$ROSTER" --db "$db" search --format csv | sed -n 2p >"$work/first"
	family=$(cut -d, -f2 "$work/first")
	given=$(cut -d, -f3 "$work/first")
	email=$(cut -d, -f7 "$work/first")
	start formrefused 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	keys a
	wait_for -l 1 '^ New person' || return
	typ "$family"
	keys F2
	wait_for -l 30 '^not saved: .*missing given name' || return
	wait_for '^ +missing given name' || return
	# The cursor went to it: what is typed goes there.
	typ "$given"
	keys Down Down Down Down
	typ "$email"
	keys F2
	wait_for "^not saved: $(re "$given $family") is probably $(re "$given $family")" ||
	    return
	keys Escape
	wait_for -l 30 '^discard the new person' || return
	keys y
	wait_for -l 29 '^ 500/500 ' || return
	keys q
	quit_with 0
	sqlite3 "$db" .dump >"$work/after"
	same "the database after the refusals" "$work/before" "$work/after"
}

t_refused
finish

#!/bin/sh
# F2 pressed twice (typed ahead) on a person someone else saved meanwhile:
# the second F2 does not save the merge unseen over the other's change;
# the conflict screen waits for a key typed after it shows.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool
id1=$(ids "$db" | sed -n 1p)
who=$("$ROSTER" --db "$db" show "$id1" | sed -n 1p)

rank() { sqlite3 "$db" "SELECT rank FROM person WHERE id = '$id1'"; }

t_twice() {
	start conflicttwice 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys e
	wait_for -l 1 "^ $(re "$who")" || return
	keys Down Down Down C-u
	typ Mine
	wait_for '^  rank +Mine *$' || return
	"$ROSTER" --db "$db" person set "$id1" rank=Theirs 2>/dev/null
	keys F2 F2
	wait_for -l 1 'saved by someone else meanwhile' || return
	wait_for '^> rank +\(both changed it\)' || return
	keys C-l
	wait_for -l 1 'saved by someone else meanwhile' || return
	check "their rank kept" "$(rank)" Theirs
	keys t F2
	wait_for -l 24 "^saved $(re "$who")" || return
	check "their rank chosen" "$(rank)" Theirs
	keys q
	quit_with 0
}

t_twice
finish

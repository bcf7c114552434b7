#!/bin/sh
# The conflict screen shows long values whole: the other coordinator's
# long notes wrap rather than being cut at the edge, and their missions
# show a line each, so that the one they changed can be seen.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool
id1=$(ids "$db" | sed -n 1p)
who=$("$ROSTER" --db "$db" show "$id1" | sed -n 1p)

t_long() {
	start conflictlong 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys e
	wait_for -l 1 "^ $(re "$who")" || return
	# The notes are the 16th field.
	keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down Down
	keys C-u
	typ "Back from leave"
	keys Down
	wait_for '^  notes +Back from leave *$' || return
	notes="Returned early from the mission for family reasons; asked"
	notes="$notes to be called for short deployments only, until the"
	notes="$notes end of next year; see the mail of the desk END-OF-NOTE"
	"$ROSTER" --db "$db" person set "$id1" "notes=$notes" 2>/dev/null
	"$ROSTER" --db "$db" person mission add "$id1" --mission "EUMM Georgia" \
	    --country GE --start 2024-01-01 --end 2024-06-30 --role Monitor \
	    2>/dev/null
	"$ROSTER" --db "$db" person mission add "$id1" --mission "EULEX Kosovo" \
	    --country XK --start 2022-01-01 --end 2022-12-31 --role Adviser \
	    2>/dev/null
	keys F2
	wait_for -l 1 'saved by someone else meanwhile' || return
	wait_for '^> notes +\(both changed it\)' || return
	wait_for -F 'desk END-OF-NOTE' || return
	keys Down
	wait_for '^> missions' || return
	wait_for '^ +EUMM Georgia GE 2024-01-01\.\.2024-06-30 Monitor *$' ||
	    return
	wait_for '^ +EULEX Kosovo XK 2022-01-01\.\.2022-12-31 Adviser *$' ||
	    return
	keys Escape
	wait_for -l 24 -F 'nothing saved: F2 saves again' || return
	keys Escape y
	wait_for -l 23 '^ 500/500 ' || return
	keys q
	quit_with 0
}

t_long
finish

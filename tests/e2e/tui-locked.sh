#!/bin/sh
# A write that finds the database locked by another process (an import:
# here sqlite3 holding BEGIN IMMEDIATE) waits, saying so on the last
# line; when the lock goes, the write lands.  Esc gives up instead: the
# message says nothing was changed, and nothing was.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: sqlite3 is needed to hold the database's lock" >&2
	exit 77
fi

demo_pool
"$ROSTER" --db "$db" deploy create Irma --country SX --start 2026-12-01 \
    --end 2026-12-31 2>/dev/null || bad "deploy create failed"
members() {
	sqlite3 "$db" "SELECT count(*) FROM assignment a JOIN deployment d
	    ON d.pk = a.deployment WHERE d.name = 'Irma'"
}

# Tags the person under the cursor and adds the tagged to Irma: ';' 'a',
# Enter.
add_first() {
	keys t
	add_tagged
}
add_tagged() {
	wait_for -l 29 'tagged 1$' || return 1
	keys '\;' a
	wait_for -l 30 'Enter add the tagged people here' || return 1
	keys Enter
}
# Once the add has landed, Irma has n members; then quits.
added_and_quit() {
	wait_for -F "added to 'Irma'" || return 1
	check "members after the add" "$(members)" "$1"
	keys q q
	wait_for -l 29 '^ 500/500 ' || return 1
	keys q
	quit_with 0
}

start locked 100 30 -- --db "$db"
wait_for -l 29 '^ 500/500 ' || { stop; finish; exit; }
lock_hold "$db"
add_first || { lock_release; stop; finish; exit; }
wait_for -l 30 -F 'waiting for another roster… (Esc gives up)' ||
    { lock_release; stop; finish; exit; }
check "members while locked" "$(members)" 0
lock_release
wait_for -v 'waiting for another roster' || { stop; finish; exit; }
added_and_quit 1 || { stop; finish; exit; }

# Esc gives up: nothing changed, and the screen says so.
start giveup 100 30 -- --db "$db"
wait_for -l 29 '^ 500/500 ' || { stop; finish; exit; }
keys j
lock_hold "$db"
add_first || { lock_release; stop; finish; exit; }
wait_for -l 30 -F 'waiting for another roster… (Esc gives up)' ||
    { lock_release; stop; finish; exit; }
keys Escape
wait_for -F 'is locked by another roster; nothing was changed' ||
    { lock_release; stop; finish; exit; }
lock_release
check "members after giving up" "$(members)" 1
# The screen works on: the same add, unlocked, lands.
keys q q
add_tagged || { stop; finish; exit; }
added_and_quit 2 || { stop; finish; exit; }

finish

#!/bin/sh
# Keys typed while a write waits for another roster's lock are dropped,
# not acted on once it lands: here R (mark reviewed) in a person's
# record waits; q, j, Enter, R typed meanwhile would review the next
# person.  Only the first is reviewed, and the record stays on screen.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: sqlite3 is needed to hold the database's lock" >&2
	exit 77
fi

demo_pool

t_lock_keys() {
	start lockkeys 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	id3=$(ids "$db" | sed -n 3p)
	keys j j Enter
	wait_for "^Id +$id3$" || return
	wait_for '^Reviewed +never$' || return
	lock_hold "$db" || return
	keys R
	wait_for -l 24 -F 'waiting for another roster… (Esc gives up)' ||
	    { lock_release; return; }
	keys q j Enter R
	sleep 0.5
	lock_release
	wait_for '^Reviewed +2026-11-23 \(today\)$' || return
	wait_for "^Id +$id3$" || return
	sleep 0.5
	check "reviewed" "$(ids "$db" 'reviewed:>=today')" "$id3"
	keys Q
	quit_with 0
}

t_lock_keys
finish

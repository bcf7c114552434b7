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

# lock / unlock: another process takes the write lock and keeps it.
lock() {
	rm -f "$work/locker.fifo" "$work/locker.out"
	mkfifo "$work/locker.fifo"
	sqlite3 "$db" <"$work/locker.fifo" >"$work/locker.out" 2>&1 &
	locker=$!
	exec 3>"$work/locker.fifo"
	printf "BEGIN IMMEDIATE;\nSELECT 'locked';\n" >&3
	i=0
	while ! grep -q locked "$work/locker.out" 2>/dev/null; do
		i=$((i + 1))
		[ "$i" -lt 100 ] || { bad "sqlite3 did not take the lock"; break; }
		sleep 0.1
	done
}
unlock() {
	printf 'COMMIT;\n' >&3
	exec 3>&-
	wait "$locker"
}

# Tags the first person and adds them to Irma: ';' 'a', Enter.
add_first() {
	keys t
	wait_for -l 29 'tagged 1$' || return 1
	keys '\;' a
	wait_for -l 30 'Enter add the tagged people here' || return 1
	keys Enter
}

start locked 100 30 -- --db "$db"
wait_for -l 29 '^ 500/500 ' || { stop; finish; exit; }
lock
add_first || { unlock; stop; finish; exit; }
wait_for -l 30 -F 'waiting for another roster… (Esc gives up)' ||
    { unlock; stop; finish; exit; }
check "members while locked" "$(members)" 0
unlock
wait_for -F "added to 'Irma'" || { stop; finish; exit; }
wait_for -v 'waiting for another roster' || { stop; finish; exit; }
check "members after the lock went" "$(members)" 1
keys q q
wait_for -l 29 '^ 500/500 ' || { stop; finish; exit; }
keys q
quit_with 0

# Esc gives up: nothing changed, and the screen says so.
start giveup 100 30 -- --db "$db"
wait_for -l 29 '^ 500/500 ' || { stop; finish; exit; }
keys j
lock
add_first || { unlock; stop; finish; exit; }
wait_for -l 30 -F 'waiting for another roster… (Esc gives up)' ||
    { unlock; stop; finish; exit; }
keys Escape
wait_for -F 'is locked by another roster; nothing was changed' ||
    { unlock; stop; finish; exit; }
unlock
check "members after giving up" "$(members)" 1
# The screen works on: the same add, unlocked, lands.
keys q q
wait_for -l 29 'tagged 1$' || { stop; finish; exit; }
keys '\;' a
wait_for -l 30 'Enter add the tagged people here' || { stop; finish; exit; }
keys Enter
wait_for -F "added to 'Irma'" || { stop; finish; exit; }
check "members after trying again" "$(members)" 2
keys q q
wait_for -l 29 '^ 500/500 ' || { stop; finish; exit; }
keys q
quit_with 0

finish

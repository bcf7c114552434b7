#!/bin/sh
# A member's readiness on the deployment's screen is whole: every paper
# and its full date, expired said apart from lapsing; READY takes the room
# it needs and, when even that is too little, the status line says it for
# the member under the cursor.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool
"$ROSTER" --db "$db" deploy create Irma --country SX --start 2026-12-01 \
    --end 4w 2>/dev/null || bad "deploy create failed"
m1=$(ids "$db" lang:nl | head -n 1)
"$ROSTER" --db "$db" deploy add Irma "$m1" 2>/dev/null ||
    bad "deploy add failed"
sqlite3 "$db" "UPDATE person SET passport_expiry = '2026-03-15',
    medical_expiry = '2026-12-10', heat_expiry = NULL WHERE id = '$m1'"
ready="passport expired 2026-03-15, medical lapses 2026-12-10, no HEAT"

start ready 140 24 -- --db "$db"
wait_for -l 23 '^ 500/500 ' || { stop; finish; exit; }
keys D
wait_for '^  Irma ' || { stop; finish; exit; }
keys Enter
wait_for ' READY ' || { stop; finish; exit; }
wait_for -F " proposed  $ready " || { stop; finish; exit; }
# Too narrow for all of it: the status line has the rest.
resize 80 24
wait_for -l 23 -F " 1 member   $ready" || { stop; finish; exit; }
keys q q
wait_for -l 23 '^ 500/500 ' || { stop; finish; exit; }
keys q
quit_with 0

finish

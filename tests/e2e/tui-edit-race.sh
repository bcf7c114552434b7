#!/bin/sh
# e writes only what its answers change: an end another process set while
# the questions were open survives a change of the kind.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool
"$ROSTER" --db "$db" deploy create Irma --country SX --start 2026-12-01 \
    --end 2026-12-31 2>/dev/null || bad "deploy create failed"

start race 110 30 -- --db "$db"
wait_for -l 29 '^ 500/500 ' || { stop; finish; exit; }
keys D
wait_for '^  Irma ' || { stop; finish; exit; }
keys Enter
wait_for -l 1 '^Irma ' || { stop; finish; exit; }
keys e
wait_for -l 29 '^name: Irma$' || { stop; finish; exit; }
# Meanwhile, another coordinator moves the end.
"$ROSTER" --db "$db" deploy edit Irma --end 2027-01-15 2>/dev/null ||
    bad "deploy edit --end failed"
keys Enter
wait_for -l 29 '^start .*: 2026-12-01$' || { stop; finish; exit; }
keys Enter
wait_for -l 29 '^end .*: 2026-12-31$' || { stop; finish; exit; }
keys Enter
wait_for -l 29 '^kind .*: other$' || { stop; finish; exit; }
keys C-u
typ flood
keys Enter
wait_for -l 29 '^status .*: planning$' || { stop; finish; exit; }
keys Enter
wait_for -l 29 '^another need ' || { stop; finish; exit; }
keys Enter
wait_for -l 30 "^changed 'Irma'" || { stop; finish; exit; }
check "the end the other set" "$(sqlite3 "$db" "SELECT kind || ' ' || end
    FROM deployment WHERE name = 'Irma'")" "flood 2027-01-15"
keys q q
wait_for -l 29 '^ 500/500 ' || { stop; finish; exit; }
keys q
quit_with 0

finish

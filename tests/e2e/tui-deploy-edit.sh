#!/bin/sh
# A deployment changed from the screen ('e'), its members' readiness and
# the warning when someone whose passport lapses is confirmed, the member
# count agreeing with the list of deployments, the end prompt taking a
# length, and the open-ended horizon of a suggestion.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool
dash=$(printf '\342\200\223')
irma="Irma Sint Maarten"
"$ROSTER" --db "$db" deploy create "$irma" --kind hurricane --country SX \
    --start 2026-12-01 --end 2026-12-31 --need 2:lang:nl 2>/dev/null ||
    bad "deploy create failed"
ids "$db" lang:nl | head -n 2 >"$work/two"
m1=$(sed -n 1p "$work/two")
m2=$(sed -n 2p "$work/two")
"$ROSTER" --db "$db" deploy add "$irma" "$m1" "$m2" 2>/dev/null &&
    "$ROSTER" --db "$db" deploy set "$irma" "$m2" declined 2>/dev/null ||
    bad "deploy add/set failed"
sqlite3 "$db" "UPDATE person SET passport_expiry = '2026-12-10',
    medical_expiry = '2030-01-01', heat_expiry = '2030-01-01'
    WHERE id = '$m1'"
who=$(sqlite3 "$db" "SELECT given_name || ' ' || family_name FROM person
    WHERE id = '$m1'")

start edit 110 30 -- --db "$db"
wait_for -l 29 '^ 500/500 ' || { stop; finish; exit; }
keys D
wait_for "^  $(re "$irma") " || { stop; finish; exit; }
# One member counts (the other declined): the list and the deployment
# say the same.
wait_for "^  $(re "$irma") .* planning +1  " || { stop; finish; exit; }
keys Enter
wait_for -l 29 '^ 1 member, 1 out ' || { stop; finish; exit; }
# READY: the passport lapses before the end.
wait_for ' READY ' || { stop; finish; exit; }
wait_for ' proposed +passport lapses 2026-12-10 ' || { stop; finish; exit; }

# Confirming them warns, naming them, and the booking stands.
keys s C
wait_for -l 30 "^$(re "$who"): passport expires 2026-12-10, before the end 2026-12-31" ||
    { stop; finish; exit; }
st=$("$ROSTER" --db "$db" deploy show "$irma" --format csv |
    awk -F, -v id="$m1" '$1 == id { print $8 }')
check "confirmed despite the warning" "$st" confirmed

# e: the current values offered; a length counts from the start.
keys e
wait_for -l 29 "^name: $(re "$irma")\$" || { stop; finish; exit; }
keys Enter
wait_for -l 29 '^start .*: 2026-12-01$' || { stop; finish; exit; }
keys C-u
typ 2026-12-02
keys Enter
wait_for -l 29 '^end \(date, \+4w from today, or 4w counted from the start; empty: open-ended\): 2026-12-31$' ||
    { stop; finish; exit; }
keys C-u
typ 4w
keys Enter
wait_for -l 29 '^kind .*: hurricane$' || { stop; finish; exit; }
keys C-u
typ flood
keys Enter
wait_for -l 29 '^status .*: planning$' || { stop; finish; exit; }
keys C-u
typ planned
keys Enter
wait_for -l 30 "unknown status 'planned'" || { stop; finish; exit; }
keys C-u
typ active
keys Enter
wait_for -l 29 '^need 1 of 1 .*: 2:lang:nl$' || { stop; finish; exit; }
keys Enter
wait_for -l 29 '^another need ' || { stop; finish; exit; }
typ 1:theme:disaster-victim-identification
keys Enter
wait_for -l 29 '^another need .*:$' || { stop; finish; exit; }
keys Enter
wait_for -l 29 "^changed '$(re "$irma")': 2${dash}29 December 2026, 28 days; need 1 \(2:lang:nl\) is not covered: 1 of 2; need 2$" ||
    { stop; finish; exit; }
sqlite3 "$db" "SELECT kind, start, end, status, needs FROM deployment
    WHERE name = '$irma'" >"$work/row"
check "the change, as stored" "$(cat "$work/row")" "flood|2026-12-02|2026-12-29|active|2:lang:nl
1:theme:disaster-victim-identification"

# The status does not go back.
keys e Enter Enter Enter Enter
wait_for -l 29 '^status .*: active$' || { stop; finish; exit; }
keys C-u
typ planning
keys Enter
wait_for -l 30 "cannot go back to planning" || { stop; finish; exit; }
keys Escape
wait_for -l 29 '^ 1 member' || { stop; finish; exit; }

# n: the end prompt says what a length means; it counts from the start.
keys q
wait_for "^  $(re "$irma") " || { stop; finish; exit; }
keys n
wait_for -l 29 '^new deployment, name:$' || { stop; finish; exit; }
typ Open
keys Enter
typ SX
keys Enter
wait_for -l 29 '^start .*: \+2d$' || { stop; finish; exit; }
keys Enter
wait_for -l 29 '^end \(date, \+4w from today, or 4w counted' ||
    { stop; finish; exit; }
keys Enter Enter
wait_for -l 29 '^need ' || { stop; finish; exit; }
typ 1:lang:nl
keys Enter Enter
wait_for -l 30 "^created 'Open': from 25 November 2026, open-ended" ||
    { stop; finish; exit; }
# S: the suggestion of an open-ended deployment says until when.
keys S
wait_for '^Suggested for Open  \(open-ended: candidates must be free until 2027-02-23\)' ||
    { stop; finish; exit; }
keys q q q
wait_for -l 29 '^ 500/500 ' || { stop; finish; exit; }
keys q
quit_with 0

finish

#!/bin/sh
# Deployments in the full-screen interface: tag people in the pool list,
# add them to a deployment with ';' 'a', move a member through the
# statuses (a double booking refused, then forced with '!'), accept a
# suggested team, and check every step with the command line.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool
irma="Irma Sint Maarten"
"$ROSTER" --db "$db" deploy create "$irma" --kind hurricane --country SX \
    --start +2d --need 2:lang:nl --need 1:theme:disaster-victim-identification \
    --need 2:skill:first-aid 2>/dev/null || bad "deploy create failed"
# status ID: the member's status on Irma, by the command line.
status() {
	"$ROSTER" --db "$db" deploy show "$irma" --format csv |
	    awk -F, -v id="$1" '$1 == id { print $8 }'
}

start deploy 100 30 -- --db "$db"
wait_for -l 29 '^ 500/500 ' || { stop; finish; exit; }

# Two Dutch speakers, tagged from the filtered list.
keys /
typ lang:nl
keys Enter
n=$("$ROSTER" --db "$db" search --format ids lang:nl | wc -l | tr -d ' ')
wait_for -l 29 "^ $n/500  lang:nl " || { stop; finish; exit; }
keys t t
wait_for -l 29 'tagged 2' || { stop; finish; exit; }
"$ROSTER" --db "$db" search --format ids lang:nl | head -n 2 >"$work/tagged"

# ';' 'a': choose the deployment; Enter adds the tagged people there.
keys '\;'
wait_for -l 30 'a add them to a deployment' || { stop; finish; exit; }
keys a
wait_for "^  $(re "$irma") " || { stop; finish; exit; }
wait_for -l 30 'Enter add the tagged people here' || { stop; finish; exit; }
keys Enter
wait_for -l 30 "2 added to '$(re "$irma")'" || { stop; finish; exit; }
wait_for -l 29 '^ 2 members' || { stop; finish; exit; }
while read -r id; do
	check "$id added as proposed" "$(status "$id")" proposed
done <"$work/tagged"

# The first member (in name order) is contacted, then confirmed.
first=$("$ROSTER" --db "$db" deploy show "$irma" --format csv |
    sed -n 2p | cut -d, -f1)
# Messages name the person, never by id.
who=$("$ROSTER" --db "$db" show "$first" | sed -n 1p)
keys s
wait_for -l 30 "^$(re "$who"): p proposed  c contacted" || { stop; finish; exit; }
keys c
wait_for -l 6 ' contacted ' || { stop; finish; exit; }
check "contacted by the screen" "$(status "$first")" contacted

# Booked meanwhile on an overlapping deployment: confirming is refused,
# and '!' books them anyway.
"$ROSTER" --db "$db" deploy create MH17 --country UA --start +1d --end +30d \
    2>/dev/null && "$ROSTER" --db "$db" deploy add MH17 "$first" 2>/dev/null &&
    "$ROSTER" --db "$db" deploy set MH17 "$first" confirmed ||
    bad "booking $first on MH17 failed"
# The cursor went on to the next member: k comes back.
keys k s C
wait_for -l 30 "^! books them anyway: $(re "$who") is already confirmed or deployed on 'MH17'" ||
    { stop; finish; exit; }
check "refused booking" "$(status "$first")" contacted
# '!' forces only that refusal: after another key it does nothing.
keys j '!'
wait_for -l 30 '^nothing to force' || { stop; finish; exit; }
check "no stale force" "$(status "$first")" contacted
keys k s C
wait_for -l 30 "^! books them anyway: $(re "$who") is already confirmed or deployed on 'MH17'" ||
    { stop; finish; exit; }
keys '!'
wait_for -l 6 ' confirmed ' || { stop; finish; exit; }
check "forced booking" "$(status "$first")" confirmed

# S: a team for what is still open; A accepts all of it.
keys S
wait_for '^Suggested for ' || { stop; finish; exit; }
wait_for -l 29 ' suggested$' || { stop; finish; exit; }
keys A
wait_for -l 30 "added to '$(re "$irma")'" || { stop; finish; exit; }
keys q
wait_for 'covered' || { stop; finish; exit; }
open=$("$ROSTER" --db "$db" deploy show "$irma" | grep -c ' open$')
check "needs still open after accepting the team" "$open" 0

# P: the call-out sheet, as deploy show --format sheet prints it.
keys P
wait_for -l 29 '^call-out sheet to: callout\.txt$' || { stop; finish; exit; }
keys Enter
wait_for -l 30 '^call-out sheet written to callout\.txt' || { stop; finish; exit; }
"$ROSTER" --db "$db" deploy show "$irma" --format sheet >"$work/sheet"
# The printed date line is the same; times too, as nothing changed since.
same "call-out sheet" "$work/sheet" "$D/callout.txt"

# n: a deployment made from the screen alone, a question at a time; a
# refused answer stays on the bar with the reason under it.
keys q
wait_for "^  $(re "$irma") " || { stop; finish; exit; }
keys n
wait_for -l 29 '^new deployment, name:$' || { stop; finish; exit; }
typ 'MH17 DVI'
keys Enter
wait_for -l 29 '^country ' || { stop; finish; exit; }
typ Atlantis
keys Enter
wait_for -l 30 "unknown country 'Atlantis'" || { stop; finish; exit; }
keys C-u
typ ukraine
keys Enter
wait_for -l 29 '^start .*: \+2d$' || { stop; finish; exit; }
keys C-u
typ +1d
keys Enter
typ +30d
keys Enter
wait_for -l 29 '^kind .*: other$' || { stop; finish; exit; }
keys C-u
typ air-disaster
keys Enter
typ 1:lang:xx
keys Enter
wait_for -l 30 "need '1:lang:xx'" || { stop; finish; exit; }
keys C-u
typ 1:theme:disaster-victim-identification
keys Enter
wait_for -l 29 '^need ' || { stop; finish; exit; }
keys Enter
wait_for -l 30 "^created 'MH17 DVI'" || { stop; finish; exit; }
wait_for '^  need 1: 1 x theme:disaster-victim-identification' ||
    { stop; finish; exit; }
"$ROSTER" --db "$db" deploy list >"$work/list"
grep -q '^MH17 DVI  *air-disaster UA      2026-11-24 to 2026-12-23 ' \
    "$work/list" && ok || bad "MH17 DVI is not in deploy list as made"

# q: back to the deployments, to the list, and out.
keys q q
wait_for -l 29 "^ $n/500  lang:nl " || { stop; finish; exit; }
keys q
quit_with 0

finish

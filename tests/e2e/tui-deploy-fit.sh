#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# Columns fitted to what they hold, at 100x30: the deployment list's
# NEEDS whole (the dates' padding goes to it); the member list's READY
# and SINCE whole, the name shrinking first; the suggestion's name,
# agency and reasons apart, a blank column between.
t_deploy_fit() {
	hx="Hurricane SXM with a name long enough"
	"$ROSTER" --db "$db" deploy create "$hx" --country SX --start +3d \
	    --end +31d --kind hurricane --need 1:lang:nl \
	    --need 30:lang:en 2>/dev/null || bad "deploy create failed"
	"$ROSTER" --db "$db" deploy create "Covered" --country NL \
	    --start +3d --end +10d --need 1:lang:nl 2>/dev/null ||
	    bad "deploy create failed"
	ids "$db" lang:nl | head -n 1 |
	    "$ROSTER" --db "$db" deploy add Covered - 2>/dev/null
	# Members, and one whose READY is longer than 16 columns (papers
	# lapsing in another year, or more than one), found on a copy.
	cp "$db" "$work/copy.db"
	ids "$db" | "$ROSTER" --db "$work/copy.db" deploy add "$hx" - \
	    2>/dev/null
	long=$("$ROSTER" --db "$work/copy.db" deploy show "$hx" --format csv |
	    tr -d '\r' | awk -F, 'NR > 1 && length($10) > 16 { print $1; exit }')
	check "a READY longer than 16" "$(test -n "$long" && echo yes)" yes
	{ ids "$db" lang:nl | head -n 11; echo "$long"; } |
	    "$ROSTER" --db "$db" deploy add "$hx" - 2>/dev/null ||
	    bad "deploy add failed"
	"$ROSTER" --db "$db" deploy show "$hx" --format csv | sed 1d |
	    cut -d, -f10 | tr -d '\r' >"$work/ready"
	start fit 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	keys D
	wait_for -l 1 '^  DEPLOYMENT ' || return
	wait_for 'needs covered' || return
	wait_for '1 of 2 needs open' || return
	keys j Enter
	wait_for -l 29 '^ 12 members' || return
	snap
	sed -n '5,16p' "$work/screen" >"$work/rows"
	while read -r r; do
		check "READY '$r' whole" "$(grep -cF " $r " "$work/rows" |
		    awk '$1 > 0 { print "yes" }')" yes
	done <"$work/ready"
	check "SINCE to the minute" "$(grep -cE \
	    ' [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$' "$work/rows")" 12
	keys S
	wait_for '^Suggested for ' || return
	snap
	sed -n '2,10p' "$work/screen" >"$work/sug"
	check "a gap before the reasons" "$(grep -c ' meets need' "$work/sug")" 9
	check "nothing runs into the reasons" \
	    "$(grep -c '[^ ]meets need' "$work/sug")" 0
	check "no cut cell runs into the next" \
	    "$(grep -c '…[^ ]' "$work/sug")" 0
	keys Q
	quit_with 0
}

t_deploy_fit
finish

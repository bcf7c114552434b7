#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# After an action on the member list the cursor goes to the member who
# was next (as in mutt): 's x' re-sorts the declined member to the
# bottom, and the 'j s C' that follows confirms the member meant, not
# the declined one.  Prompts name the member.
t_resort() {
	irma="Irma Sint Maarten"
	"$ROSTER" --db "$db" deploy create "$irma" --country SX --start +2d \
	    2>/dev/null || bad "deploy create failed"
	ids "$db" lang:nl | head -n 4 >"$work/four"
	"$ROSTER" --db "$db" deploy add "$irma" - <"$work/four" 2>/dev/null ||
	    bad "deploy add failed"
	# In the order of the member list: by name, all proposed.
	"$ROSTER" --db "$db" deploy show "$irma" --format csv | sed 1d |
	    cut -d, -f1 >"$work/rows"
	p1=$(sed -n 1p "$work/rows") p2=$(sed -n 2p "$work/rows")
	p3=$(sed -n 3p "$work/rows") p4=$(sed -n 4p "$work/rows")
	nb=$("$ROSTER" --db "$db" show "$p2" | sed -n 1p)
	status() {
		"$ROSTER" --db "$db" deploy show "$irma" --format csv |
		    awk -F, -v id="$1" '$1 == id { print $8 }'
	}
	start resort 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	keys D Enter
	wait_for -l 29 '^ 4 members' || return
	keys s x j s C
	wait_for -l 30 ': confirmed$' || return
	check "the declined one" "$(status "$p1")" declined
	check "the one meant" "$(status "$p3")" confirmed
	check "the one between" "$(status "$p2")" proposed
	# C sorted to the top: the cursor went on to D, who was next below
	# C, and is named.
	nd=$("$ROSTER" --db "$db" show "$p4" | sed -n 1p)
	keys X
	wait_for -l 30 "^remove $(re "$nd") from '$(re "$irma")'\? \(y/n\)$" ||
	    return
	keys y
	wait_for -l 29 '^ 2 members, 1 out ' || return
	wait_for -l 30 "^$(re "$nd") removed from '$(re "$irma")'$" || return
	check "removed" "$(status "$p4")" ""
	check "still proposed" "$(status "$p2")" proposed
	# C, B, then the declined A under the cursor: k is B.
	keys k s c
	wait_for -l 30 ': contacted$' || return
	check "the one above" "$(status "$p2")" contacted
	keys Q
	quit_with 0
}

t_resort
finish

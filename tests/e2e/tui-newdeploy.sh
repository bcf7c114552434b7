#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# members NAME: the ids on a deployment, sorted.
members() {
	"$ROSTER" --db "$db" deploy show "$1" --format csv | sed 1d |
	    cut -d, -f1 | sort
}

# ';' 'a' with no deployment yet makes one and puts the tagged people on
# it; 'n' from the picker does the same; the empty list says how to start.
t_newdeploy() {
	start newdeploy 100 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys D
	wait_for -l 2 '^  no deployments yet: n creates one$' || return
	keys q t t
	wait_for -l 23 'tagged 2$' || return
	ids "$db" | head -n 2 | sort >"$work/two"
	keys '\;' a
	wait_for -l 23 '^new deployment, name:' || return
	# Esc gives the questions up, not the picking.
	keys Escape
	wait_for -l 24 '^Enter add the tagged people here  n new deployment for them  q cancel$' ||
	    return
	keys n
	wait_for -l 23 '^new deployment, name:' || return
	answer "Flood NL"
	wait_for -l 23 '^country ' || return
	answer NL
	wait_for -l 23 '^start ' || return
	answer +2d
	wait_for -l 23 '^end ' || return
	answer ""
	wait_for -l 23 '^kind ' || return
	answer flood
	wait_for -l 23 '^need ' || return
	answer ""
	wait_for -l 23 "^created 'Flood NL': from .*; 2 added to 'Flood NL'" || return
	wait_for '^ 2 members' || return
	members "Flood NL" >"$work/got"
	same "the tagged on the new deployment" "$work/two" "$work/got"
	# n from the picker: one tagged person, named.
	keys q q
	wait_for -l 23 '^ 500/500 .*\[name\]$' || return
	keys G t
	third=$(ids "$db" | tail -n 1)
	who=$("$ROSTER" --db "$db" show "$third" | sed -n 1p)
	keys '\;' a
	wait_for -l 24 '^Enter add the tagged people here  n new deployment for them  q cancel$' ||
	    return
	keys n
	wait_for -l 23 '^new deployment, name:' || return
	answer "Second"
	answer NL
	answer +2d
	answer +30d
	answer other
	wait_for -l 23 '^need ' || return
	answer ""
	wait_for -l 23 "^created 'Second': .*; $(re "$who") added to 'Second'" || return
	check "the tagged one on Second" "$(members Second)" "$third"
	# The tags went with them.
	keys q q
	wait_for -l 23 '^ 500/500 .*\[name\]$' || return
	keys q
	quit_with 0
}

t_newdeploy
finish

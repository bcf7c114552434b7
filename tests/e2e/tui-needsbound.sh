#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# A deployment's needs hold at most 1000 terms in all: the need that goes
# over is refused and asked again; the others stand.
t_needsbound() {
	need=$(awk 'BEGIN { s = "1:x"; for (i = 1; i < 600; i++)
	    s = s " x"; print s }')
	start needsbound 100 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys D
	wait_for -l 2 '^  no deployments yet: n creates one$' || return
	keys n
	wait_for -l 23 '^new deployment, name:' || return
	answer Big
	answer NL
	answer +2d
	answer ""
	answer flood
	wait_for -l 23 '^need ' || return
	answer "$need"
	wait_for -l 23 '^need ' || return
	answer "$need"
	wait_for 'the needs have more than 1000 terms in all' || return
	answer ""
	wait_for "created 'Big'" || return
	check "the needs of Big" "$("$ROSTER" --db "$db" deploy list |
	    awk '$1 == "Big" { print $NF }')" 1
	keys q q
	wait_for -l 23 '^ 500/500 ' || return
	keys q
	quit_with 0
}

t_needsbound
finish

#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool
big="Big team"
"$ROSTER" --db "$db" deploy create "$big" --kind flood --country NL \
    --start +2d --need 10:lang:en 2>/dev/null || bad "deploy create failed"
# on ID: whether the person is on the deployment, by the command line.
on() {
	"$ROSTER" --db "$db" deploy show "$big" --format csv |
	    awk -F, -v id="$1" '$1 == id { print "yes" }'
}

# Accepting from a suggestion: a takes the person under the cursor, who
# leaves the suggestion while the cursor keeps its row.  The screen's own
# write is seen by the next poll (about a second later), which must not
# move the cursor either: after j and a pause, a takes the second person
# of what is left, not the first.
t_suggest() {
	start suggest 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	keys D
	wait_for "^  $(re "$big") " || return
	keys Enter
	wait_for -l 29 '^ 0 members' || return
	keys S
	wait_for '^Suggested for ' || return
	keys a
	wait_for -l 30 "1 added to '$(re "$big")'" || return
	"$ROSTER" --db "$db" deploy suggest "$big" --format ids >"$work/left" \
	    2>/dev/null
	first=$(sed -n 1p "$work/left")
	second=$(sed -n 2p "$work/left")
	n=$(wc -l <"$work/left" | tr -d ' ')
	wait_for -l 29 "^ $n suggested" || return
	check "two people left to suggest" \
	    "$(test -n "$first" && test -n "$second" && echo yes)" yes
	keys j
	sleep 2.5
	keys a
	wait_for -l 29 "^ $((n - 1)) suggested" || return
	check "a took the person under the cursor" "$(on "$second")" yes
	check "not the one the cursor had left" "$(on "$first")" ""
	keys Q
	quit_with 0
}

t_suggest
finish

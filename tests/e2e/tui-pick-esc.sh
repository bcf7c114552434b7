#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# Esc gives up choosing a deployment for the tagged people (';' 'a'), as
# q does: back on the list with the tags kept, and the Enter that follows
# adds nobody (it opens the person under the cursor).
t_pick_esc() {
	hx="Hurricane SXM"
	"$ROSTER" --db "$db" deploy create "$hx" --country SX --start +3d \
	    --end +31d --kind hurricane 2>/dev/null || bad "deploy create failed"
	start pickesc 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	keys t '\;' a
	wait_for -l 30 'Enter add the tagged people here' || return
	keys Escape
	wait_for -l 29 '^ 500/500 ' || return
	wait_for -l 29 'tagged 1' || return
	keys Enter
	wait_for -v -l 29 '^ 500/500 ' || return
	check "nobody added" "$("$ROSTER" --db "$db" deploy show "$hx" \
	    --format csv | sed 1d | wc -l | tr -d ' ')" 0
	keys Q
	quit_with 0
}

t_pick_esc
finish

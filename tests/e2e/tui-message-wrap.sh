#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# At 80 columns a long message wraps over the lines it needs above the
# foot of the screen, the status line moving up, instead of being cut at
# the edge: the refused double booking says with whom, and the keys after
# 's' are all listed.
t_message_wrap() {
	hx="Hurricane SXM" eq="Earthquake Eastern Anatolia Province"
	"$ROSTER" --db "$db" deploy create "$hx" --country SX --start +3d \
	    --end +31d --kind hurricane 2>/dev/null || bad "deploy create failed"
	"$ROSTER" --db "$db" deploy create "$eq" --country TR --start +1d \
	    --end +20d 2>/dev/null || bad "deploy create failed"
	first=$(ids "$db" lang:nl | head -n 1)
	who=$("$ROSTER" --db "$db" show "$first" | sed -n 1p)
	"$ROSTER" --db "$db" deploy add "$hx" "$first" 2>/dev/null &&
	    "$ROSTER" --db "$db" deploy add "$eq" "$first" 2>/dev/null &&
	    "$ROSTER" --db "$db" deploy set "$eq" "$first" confirmed \
	    2>/dev/null || bad "booking on '$eq' failed"
	start wrap 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys D
	wait_for -l 2 "^  $(re "$hx") " || return
	keys Enter
	wait_for -l 23 '^ 1 member' || return
	keys s
	wait_for -l 24 ' w withdrawn$' || return
	wait_for -l 22 '^ 1 member' || return
	keys Escape s C
	wait_for -l 23 '^! books them anyway' || return
	snap
	check "the whole refusal" "$(sed -n '23,24p' "$work/screen" |
	    tr '\n' ' ' | sed 's/  */ /g; s/ $//')" \
	    "! books them anyway: $who is already confirmed or deployed on '$eq', whose dates overlap"
	check "the status line above it" "$(line 22 | cut -c1-9)" " 1 member"
	keys Q
	quit_with 0
}

t_message_wrap
finish

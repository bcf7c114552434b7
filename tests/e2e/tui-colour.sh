#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# NO_COLOR: no colour at all; --read-only says so.  (Colours otherwise.)
t_colour() {
	start colour 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	tm capture-pane -p -e -t "$S" >"$work/colour.txt"
	esc=$(printf '\033')
	sgr="$esc\\[([0-9]+;)*(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48)(;[0-9]+)*m"
	if grep -Eq "$sgr" "$work/colour.txt"; then ok; else
		bad "$S: no colours without NO_COLOR"
	fi
	keys q
	quit_with 0
	start nocolour 80 24 NO_COLOR=1 -- --db "$db" --read-only
	wait_for -l 23 '^ 500/500  \(everyone\)  \[name\]  read-only$' || return
	keys f
	wait_for -l 1 '\|Countries$' || return
	tm capture-pane -p -e -t "$S" >"$work/colour.txt"
	check "colours with NO_COLOR" "$(grep -Ec "$sgr" "$work/colour.txt")" 0
	keys q
	quit_with 0
}

t_colour
finish

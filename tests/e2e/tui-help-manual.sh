#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# The help's last line says where every key is described: a subsection
# of roster(1) that exists; its keys, and a history's, are their own
# (q back), not a person's (R reviewed, e edit).
t_help_manual() {
	start helpman 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys '?'
	wait_for -l 1 '^The pool list$' || return
	wait_for -l 24 '^ help  [0-9]+-[0-9]+/[0-9]+  q back  more in man 1 roster, subsection Keys *$' ||
	    return
	grep -qx '\.Ss Keys' "$top_srcdir/man/roster.1" || {
		echo "roster.1 has no subsection Keys" >&2
		return 1
	}
	keys q
	wait_for -l 24 '^/ filter' || return
	keys Enter
	wait_for '^Id +[0-9a-f-]+$' || return
	wait_for -l 24 ' R reviewed  q back  e edit  \? help' || return
	keys h
	wait_for -l 1 '^History of ' || return
	wait_for -l 24 '^ history  [0-9]+-[0-9]+/[0-9]+  q back *$' || return
	keys q Q
	quit_with 0
}

t_help_manual
finish

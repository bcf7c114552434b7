#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# The help's last line says where every key is described: a subsection
# of roster(1) that exists; its keys are the help's own (q back), not a
# person's.
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
	keys Q
	quit_with 0
}

t_help_manual
finish

#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# Without a terminal: status 2 and a message.
t_noterm() {
	"$ROSTER" --db "$db" </dev/null >"$work/out" 2>"$work/err"
	check "status without a terminal" "$?" 2
	if grep -q terminal "$work/err"; then ok; else
		bad "no message without a terminal: $(cat "$work/err")"
	fi
}

t_noterm
finish

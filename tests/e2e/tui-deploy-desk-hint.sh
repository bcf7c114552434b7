#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/desk_lib.sh"

# A deployment says that c opens the call-out desk: its line of keys is
# full at 80 columns, so the status line says it where it has room.
desk_deployment 2 2

t_hint() {
	start hint 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys D
	wait_for "^  $(re "$irma") " || return
	keys Enter
	wait_for -l 23 '^ 2 members   c opens the call-out desk *$' || return
	keys c
	wait_for -l 1 "^Call-out desk: $(re "$irma")" || return
	# Too narrow for it: the count and the readiness the list cuts.
	keys q
	resize 30 10
	wait_for -l 9 '^ 2 members   yes *$' || return
	keys Q
	quit_with 0
}

t_hint
finish

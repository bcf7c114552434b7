#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/desk_lib.sh"

# A member erased by another roster while the desk asks for the note of
# their phone reply: the question still names them, Enter records
# nothing and says why (not a database error), and the others are left
# alone.
desk_deployment 3 3
desk_called
m2=$(sed -n 2p "$work/order")
n2=$("$ROSTER" --db "$db" show "$m2" | sed -n 1p)

t_erased() {
	open_desk erased || return
	keys j y
	wait_for -l 29 "^yes from $(re "$n2") by phone, note" || return
	"$ROSTER" --db "$db" erase "$m2" </dev/null >/dev/null 2>&1 ||
	    bad "erase $m2 failed"
	# Gone from the list (three rows, now two) with the question open.
	wait_for -l 6 '^ *$' || return
	wait_for -l 29 "^yes from $(re "$n2") by phone, note" || return
	typ "on his way"
	keys Enter
	wait_for -l 30 "^$(re "$n2") is no longer on $(re "$irma"): nothing recorded" ||
	    return
	check "no reply kept" "$(sqlite3 "$db" "SELECT count(*) FROM reply")" 0
	keys Q
	quit_with 0
}

t_erased
finish

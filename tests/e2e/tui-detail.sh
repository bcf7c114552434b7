#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# Enter opens the person under the cursor; q comes back to the same place;
# Q quits from the record at once.
t_detail() {
	start detail 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	id3=$(ids "$db" | sed -n 3p)
	"$ROSTER" --db "$db" show "$id3" >"$work/show"
	keys j j Enter
	wait_for -l 1 "^$(re "$(head -n 1 "$work/show")")$" || return
	wait_for "^Id +$id3$" || return
	wait_for '^Languages ' || return
	wait_for '^Missions ' || return
	wait_for -l 24 '^ person .*q back' || return
	keys q
	wait_for -l 23 '^ 500/500 ' || return
	keys Enter
	wait_for "^Id +$id3$" || return
	keys Q
	quit_with 0
}

t_detail
finish

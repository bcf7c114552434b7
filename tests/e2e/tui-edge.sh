#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

fixture_pool

# The filter bar narrower than its text, with wide characters: the
# character under the cursor is always shown, whichever way it moves.
t_edge() {
	start edge 21 6 -- --db "$fdb"
	wait_for -l 5 '^ 11/11 ' || return
	keys /
	text='長谷川長谷川長谷川長谷川 山田'
	typ "$text"
	wait_for -l 5 '^/.*山田$' || return
	wait_cursor_on "at the end" 5 '' || return
	for c in 田 山 ' ' 川 谷 長 川 谷 長 川 谷 長 川 谷 長; do
		keys Left
		wait_cursor_on "Left onto '$c'" 5 "$c" || return
	done
	for c in 谷 川 長 谷 川 長 谷 川 長 谷 川 ' ' 山 田 ''; do
		keys Right
		wait_cursor_on "Right onto '$c'" 5 "$c" || return
	done
	keys Escape
	wait_for -l 5 '^ 11/11  \(everyone\)' || return
	keys q
	quit_with 0
}

t_edge
finish

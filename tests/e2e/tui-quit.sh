#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# q with people tagged asks before the tags are lost; any key but y
# keeps them (Q still quits at once).
t_quit() {
	start quit 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys t t t
	wait_for -l 23 'tagged 3$' || return
	keys q
	wait_for -l 24 '^quit and lose 3 tags\? \(y/n\)$' || return
	keys n
	wait_for -l 24 -v 'quit and lose' || return
	exited && bad "$S: quit without y" || ok
	wait_for -l 23 'tagged 3$' || return
	keys q
	wait_for -l 24 '^quit and lose 3 tags\? \(y/n\)$' || return
	keys y
	quit_with 0
}

t_quit
finish

#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# Keys typed ahead of the screen (a fast typist, a paste) all take
# effect, even those that act on the person under the cursor while the
# list is still being worked out.
t_typeahead() {
	start ahead 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys G Enter
	wait_for "^Id +$(ids "$db" | tail -n 1)$"
	keys Q
	quit_with 0
	start ahead2 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys / l a n g : f r Enter t Enter
	wait_for "^Id +$(ids "$db" lang:fr | sed -n 2p)$"
	keys Q
	quit_with 0
}

t_typeahead
finish

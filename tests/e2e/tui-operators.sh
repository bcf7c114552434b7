#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# A lower-case "or" in the filter bar is refused with the command line's
# hint (roster(5)); OR is then accepted and the message goes.
t_operators() {
	start operators 100 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys /
	typ 'lang:fr or lang:en'
	wait_for -l 24 -F "column 9: 'or' would be searched as a word; write OR, or \"or\" to search the word" || return
	keys C-w BSpace BSpace BSpace
	typ 'OR lang:en'
	n=$(count "$db" lang:fr OR lang:en)
	wait_for -l 22 "^ $n/500  lang:fr OR lang:en  \[name\]$" || return
	wait_for -l 24 -v 'would be searched' || return
	keys Enter Q
	quit_with 0
}

t_operators
finish

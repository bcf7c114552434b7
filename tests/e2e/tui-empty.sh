#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# An empty list says which term emptied it, in the words of roster search,
# and the line goes when the filter matches again.
t_empty() {
	start empty 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	n=$(count "$db" lang:fr "lang:en>=B2")
	keys /
	typ 'lang:fr lang:en>=B2 -lang:fr'
	wait_for -l 22 '^ 0/500  lang:fr lang:en>=B2 -lang:fr' || return
	wait_for -l 2 "^  $n match lang:fr lang:en>=B2; none of them also match -lang:fr$" || return
	snap
	"$ROSTER" --db "$db" search lang:fr "lang:en>=B2" -lang:fr \
	    2>"$work/cli-err"
	check "the CLI says the same" "$(cat "$work/cli-err")" \
	    "roster: $(line 2 | sed 's/^  //')"
	keys C-w
	wait_for -l 22 "^ $n/500  lang:fr lang:en>=B2 " || return
	wait_for -l 2 -v 'none of them' || return
	keys C-u
	typ 'zzqqx lang:fr'
	wait_for -l 2 '^  nobody matches zzqqx$' || return
	keys Escape
	wait_for -l 23 '^ 500/500 ' || return
	keys q
	quit_with 0
}

t_empty
finish

#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# R in a person's record marks it reviewed on ROSTER_TODAY, says so, and
# shows it at once; the record of the filter and the audit agree.
t_review() {
	start review 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	id3=$(ids "$db" | sed -n 3p)
	name=$("$ROSTER" --db "$db" show "$id3" | head -n 1)
	keys j j Enter
	wait_for "^Id +$id3$" || return
	wait_for '^Reviewed +never$' || return
	wait_for -l 24 'R reviewed' || return
	keys R
	wait_for '^Reviewed +2026-11-23 \(today\)$' || return
	wait_for -l 24 "^$(re "$name") reviewed on 2026-11-23" || return
	[ "$(ids "$db" 'reviewed:>=today')" = "$id3" ] && ok ||
	    bad "review: reviewed:>=today is not $id3 alone"
	keys Q
	quit_with 0
}

t_review
finish

#!/bin/sh
# The status line of the help and of a history names only keys that work
# there: q and ?, not the record's R and e (which answer "no such key").
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

t_hints() {
	start pagehints 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys Enter
	wait_for -l 24 '^ person  1-.*  R reviewed  q back  e edit  \? help' ||
	    return
	keys h
	wait_for -l 24 '^ history  1-[0-9]+/[0-9]+  q back  \? help *$' ||
	    return
	keys '?'
	wait_for -l 24 '^ help  [0-9]+-[0-9]+/[0-9]+  q back  \? help *$' ||
	    return
	keys q
	wait_for -l 24 '^ person ' || return
	keys q q
	quit_with 0
}

t_hints
finish

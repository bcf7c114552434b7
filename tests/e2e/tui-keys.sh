#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# Keys are found where one looks: each screen's hint line names its
# main keys, ? opens the help at that screen's section, and a key bound
# to nothing says so.
t_keys() {
	start keys 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	wait_for -l 24 '^/ filter  Enter open  t tag  ; tagged  D deployments  f facets  \? help  q quit$' ||
	    return
	keys z
	wait_for -l 24 '^z: no such key here — \? for help$' || return
	keys j
	wait_for -l 24 '^/ filter' || return
	keys '?'
	wait_for -l 1 '^The pool list$' || return
	keys q Tab
	wait_for -l 24 '^Enter add  - exclude  Tab list  / filter  \? help  q back$' ||
	    return
	keys '?'
	wait_for -l 1 '^The facet panel' || return
	keys q Tab D
	wait_for -l 24 '^Enter open  n new  \? help  q back$' || return
	keys '?'
	wait_for -l 1 '^The deployments \(D\)$' || return
	# The filter language is summed up in the help.
	keys G
	wait_for '^  avail: +a date or a window' || return
	wait_for '^  reviewed: +< or >= and an age or a date' || return
	keys C-u
	wait_for '^The filter language' || return
	keys q
	wait_for -l 1 '^  DEPLOYMENT +DATES +STATUS +MEMBERS +NEEDS' ||
	    return
	# Esc, and a second key that means nothing, end a question quietly
	# or say so.
	keys q '\;'
	wait_for -l 24 '^nobody is tagged' || return
	keys t '\;' Escape
	wait_for -l 24 '^/ filter' || return
	keys '\;' F1
	wait_for -l 24 '^KEY_F\(1\): no such key here' || return
	keys Q
	quit_with 0
}

t_keys
finish

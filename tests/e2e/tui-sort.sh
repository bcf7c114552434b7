#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# O cycles the sort, r reverses it; the first rows follow the CLI's sort.
t_sort() {
	start sort 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	for s in agency:agency notice:notice 'last mission:mission' name:name \
	    'name, reversed:-name'; do
		label=${s%:*} key=${s##*:}
		case $key in -name) keys r ;; *) keys O ;; esac
		wait_for -l 23 "^ 500/500  \(everyone\)  \[$label\]$" || return
		snap
		names 2 6 >"$work/got"
		cli_names 1 5 "$db" --sort "$key" >"$work/want"
		same_names "sort by $label" "$work/got" "$work/want"
	done
	keys Q
	quit_with 0
}

t_sort
finish

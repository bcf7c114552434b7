#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# The pool list at 80x24: header, rows in the CLI's order, N/M; moving;
# help; q quits with status 0 and leaves the terminal as it was.
t_open() {
	start open 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500  \(everyone\)  \[name\]$' || return
	snap
	check header "$(line 1 | tr -s ' ')" \
	    " NAME FREE LANGUAGES NOTICE SERVED AGENCY READY"
	names 2 22 >"$work/got"
	cli_names 1 21 "$db" >"$work/want"
	same_names "first page" "$work/got" "$work/want"
	check "row count" "$(sed -n 2,22p "$work/screen" | grep -c '^  [^ ]')" 21

	# G: the last person; Enter opens that one; g: the first again.
	keys G
	last=$(cli_names 500 500 "$db" | sed 's/…$//')
	wait_for -l 22 "^  $(re "$last")" || return
	keys Enter
	wait_for "^Id +$(ids "$db" | tail -n 1)$" || return
	keys q g
	first=$(cli_names 1 1 "$db" | sed 's/…$//')
	wait_for -l 2 "^  $(re "$first")" || return
	wait_for -l 23 '^ 500/500 ' || return

	# Help is drawn from the key table; q goes back.
	keys '?'
	wait_for -F 'The pool list' || return
	wait_for -F 'j, Down, C-n' || return
	wait_for '^  / +edit the filter' || return
	keys q
	wait_for -l 23 '^ 500/500  \(everyone\)  \[name\]$' || return

	keys q
	quit_with 0
}

t_open
finish

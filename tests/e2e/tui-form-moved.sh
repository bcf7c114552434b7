#!/bin/sh
# A person renamed in the form moves to the other end of the list sorted
# by name: the cursor goes with them, from the list and from the record
# (far past the rows an edit elsewhere is looked for in).
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool
id4=$(ids "$db" | sed -n 4p)
given=$(sqlite3 "$db" "SELECT given_name FROM person WHERE id = '$id4'")

t_moved() {
	start formmoved 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys j j j e
	wait_for -l 1 "^ $(re "$given") " || return
	keys C-u
	typ Zzzimmer
	keys F2
	wait_for -l 24 "^saved $(re "$given") Zzzimmer" || return
	keys Enter
	wait_for -l 1 "^$(re "$given") Zzzimmer\$" || return
	# From the record: back to the start of the list by name.
	keys e
	wait_for -l 1 "^ $(re "$given") Zzzimmer" || return
	keys C-u
	typ Aaaberg
	keys F2
	wait_for -l 1 "^$(re "$given") Aaaberg\$" || return
	keys q
	wait_for -l 23 '^ 500/500 ' || return
	keys Enter
	wait_for -l 1 "^$(re "$given") Aaaberg\$" || return
	keys q q
	quit_with 0
}

t_moved
finish

#!/bin/sh
# On a narrow terminal the form's rows lose their last columns: the cell
# the cursor is in is then edited across the row, after its title; and a
# terminal made taller shows more of the form, not blank lines.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

t_narrow() {
	start formnarrow 40 12 -- --db "$db"
	wait_for -l 11 '^ 500/500 ' || return
	keys a
	wait_for -l 1 '^ New person' || return
	keys C-o
	wait_for '^  mission +country' || return
	keys Tab Tab Tab Tab
	typ "Team leader"
	wait_for '^  role  Team leader *$' || return
	resize 100 30
	wait_for -l 29 -F '+ add an unavailability window' || return
	wait_for '^ +Team leader *$' || return
	keys Escape
	wait_for -l 30 '^discard the new person\? \(y/n\)' || return
	keys y
	wait_for -l 29 '^ 500/500 ' || return
	keys q
	quit_with 0
}

t_narrow
finish

#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

# Another process imports a person: the list and N/M follow by themselves,
# the cursor stays on the same person.
t_live() {
	demo "$work/live.db"
	start live 80 24 -- --db "$work/live.db"
	wait_for -l 23 '^ 500/500 ' || return
	fr=$(count "$work/live.db" lang:fr)
	keys /
	typ lang:fr
	keys Enter
	wait_for -l 23 "^ $fr/500  lang:fr  \[name\]$" || return
	keys j j j
	id4=$(ids "$work/live.db" lang:fr | sed -n 4p)
	"$ROSTER" --db "$work/live.db" import "$fix/tui-more.csv" 2>"$work/err" ||
	    bad "import of tui-more.csv failed: $(cat "$work/err")"
	wait_for -l 23 "^ $((fr + 1))/501  lang:fr  \[name\]$" || return
	wait_for -l 2 '^  Aalto, Aino ' || return
	keys Enter
	wait_for "^Id +$id4$" || return
	keys Q
	quit_with 0
}

t_live
finish

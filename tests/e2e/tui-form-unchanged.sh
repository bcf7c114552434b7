#!/bin/sh
# F2 on a person's form with nothing changed leaves it saying so, not
# "saved": nothing is written, nor audited.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool
id1=$(ids "$db" | sed -n 1p)
who=$("$ROSTER" --db "$db" show "$id1" | sed -n 1p)

version() { sqlite3 "$db" "SELECT version FROM person WHERE id = '$id1'"; }

t_unchanged() {
	was=$(version)
	audits=$(sqlite3 "$db" "SELECT count(*) FROM audit")
	start formsame 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys Enter
	wait_for -l 1 "^$(re "$who")\$" || return
	keys e
	wait_for -l 1 "^ $(re "$who")" || return
	# Typed and put back: no change either.
	keys Down Down End
	typ x
	keys BSpace F2
	wait_for -l 24 "^nothing changed: $(re "$who") not saved" || return
	wait_for -l 1 "^$(re "$who")\$" || return
	check "the version" "$(version)" "$was"
	check "the audit" "$(sqlite3 "$db" "SELECT count(*) FROM audit")" \
	    "$audits"
	keys q q
	quit_with 0
}

t_unchanged
finish

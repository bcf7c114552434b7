#!/bin/sh
# e edits the person under the cursor, from the list and from their
# record: the new value is in the database, on the list and on the
# record, and the cursor stays on the person.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

t_edit() {
	start formedit 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	id3=$(ids "$db" | sed -n 3p)
	who=$("$ROSTER" --db "$db" show "$id3" | sed -n 1p)
	keys j j e
	wait_for -l 1 "^ $(re "$who")" || return
	# The agency is the third field.
	keys Down Down C-u
	typ "Zeta Border Police"
	keys F2
	wait_for -l 30 "^saved $(re "$who")" || return
	wait_for -l 4 ' Zeta Bord' || return
	check "the stored agency" "$(sqlite3 "$db" "SELECT agency FROM person
	    WHERE id = '$id3'")" "Zeta Border Police"
	# Still on the same person: Enter opens them.
	keys Enter
	wait_for -l 1 "^$(re "$who")\$" || return
	wait_for '^Agency +Zeta Border Police$' || return
	# From the record: the rank; the record shows it after the save.
	keys e
	wait_for -l 1 "^ $(re "$who")" || return
	keys Down Down Down C-u
	typ "Chief Inspector"
	keys F2
	wait_for -l 1 "^$(re "$who")\$" || return
	wait_for '^Rank +Chief Inspector$' || return
	check "the stored rank" "$(sqlite3 "$db" "SELECT rank FROM person
	    WHERE id = '$id3'")" "Chief Inspector"
	keys q
	wait_for -l 29 '^ 500/500 ' || return
	keys q
	quit_with 0
}

# Read-only, neither a nor e opens a form.
t_read_only() {
	start formro 100 30 -- --db "$db" --read-only
	wait_for -l 29 '^ 500/500 ' || return
	keys e
	wait_for -l 30 '^read-only: people cannot be added or changed' || return
	keys a
	wait_for -l 30 '^read-only: people cannot be added or changed' || return
	keys Enter e
	wait_for -l 30 '^read-only: people cannot be added or changed' || return
	keys q q
	quit_with 0
}

t_edit
t_read_only
finish

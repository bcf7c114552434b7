#!/bin/sh
# Erasing a person from the full-screen interface (X on the record): the
# question names them; n keeps them, y erases them and goes back to the
# list, which no longer shows them.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

jan=22222222-2222-4222-8222-222222222222

t_erase() {
	fixture_pool
	all=$(count "$fdb")
	start erase 80 24 -- --db "$fdb"
	open_person vries "$jan" || return
	keys X
	wait_for -l 24 -F 'Erase Jan de Vries for good? All their data goes; type y' ||
	    return
	keys n
	wait_for -l 24 '^not erased' || return
	wait_for "^Id +$jan$" || return
	check "kept" "$(count "$fdb" vries)" 1
	keys X
	wait_for -l 24 -F 'Erase Jan de Vries for good?' || return
	keys y
	wait_for -l 24 '^erased Jan de Vries' || return
	wait_for -l 23 '^ 0/' || return
	keys '\'
	wait_for -l 23 "^ $((all - 1))/$((all - 1)) " || return
	wait_for -v 'de Vries' || return
	check "erased" "$(count "$fdb" vries 2>/dev/null)" 0
	check "the line left" "$(sqlite3 "$fdb" "SELECT action FROM audit
	    WHERE entity_id = '$jan'")" erased
	# No byte of them in the file or its WAL, with the screen still open.
	for f in "$fdb" "$fdb-wal"; do
		for t in "de Vries" jan.de.vries@kmar.example "+31 6 1234 5678"; do
			LC_ALL=C grep -aqF -- "$t" "$f" &&
			    bad "erase: '$t' is still in $f" || ok
		done
	done
	keys Q
	quit_with 0
}

# Read-only, nobody is erased.
t_read_only() {
	start erase-ro 80 24 -- --read-only --db "$fdb"
	wait_for -l 23 '^ [0-9]+/[0-9]+ ' || return
	keys Enter
	wait_for '^Id ' || return
	keys X
	wait_for -l 24 '^read-only: nobody can be erased' || return
	keys Q
	quit_with 0
}

t_erase
t_read_only
finish

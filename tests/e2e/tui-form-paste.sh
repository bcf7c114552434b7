#!/bin/sh
# A long paste into the person form is drawn once it is over, not once a
# byte: 64,000 bytes over two fields (a Tab between them) show within
# wait_for's ten seconds, where drawing each byte took 14 s.  A value
# keeps its first 32,768 bytes, the rest dropped with a word.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

lorem() { yes "Lorem ipsum dolor sit amet" | tr '\n' ' ' | head -c "$1"; }

t_paste() {
	start formpaste 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys a
	wait_for -l 1 '^ New person' || return
	typ Okafor
	keys Tab
	typ Chidi
	# The notes are the 16th field, the dnc the 17th.
	keys Down Down Down Down Down Down Down Down Down Down Down Down Down Down
	wait_for '^  notes *$' || return
	paste_text "$(lorem 32000)	$(lorem 32000)"
	wait_for '^  notes +Lorem ipsum dolor sit amet Lorem .*…$' || return
	wait_for '^  dnc +.*sit amet Lorem ipsum' || return
	keys C-u Up
	paste_text "$(lorem 1000)"
	wait_for -l 24 -F 'a value is limited to 32768 bytes' || return
	keys Down
	keys F2
	wait_for -l 24 '^added Chidi Okafor' || return
	check "the notes kept" "$(sqlite3 "$db" "SELECT length(notes) FROM
	    person WHERE family_name = 'Okafor'")" 32768
	keys q
	quit_with 0
}

t_paste
finish

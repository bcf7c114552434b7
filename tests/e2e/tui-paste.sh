#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# A pasted filter is searched once, when the paste is over, not once a
# byte: the screen answers within wait_for's ten seconds (it took 42 s
# for this 300-term OR, 15 s for 2,000 '(').  The editor takes no more
# than the filter's 32,768 bytes and says so.
t_paste() {
	start paste 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return

	f=
	for i in $(seq 150); do f="$f lang:fr OR theme:border OR"; done
	f="${f# }"
	f="${f% OR}"
	n=$(count "$db" "$f")
	keys /
	wait_for -l 23 '^/$' || return
	paste_text "$f"
	wait_for -l 22 "^ $n/500  lang:fr OR theme:border OR " || return

	keys C-u
	wait_for -l 22 '^ 500/500  \(everyone\)' || return
	paste_text "$(printf '(%.0s' $(seq 2000))"
	wait_for -l 24 -F "column 65: '(' nested deeper than 64" || return
	keys Escape
	wait_for -l 23 '^ 500/500 ' || return

	# 40,000 bytes: the first 32,768 kept, the rest dropped with a word
	# at the bar; Enter is refused while it shows, an edit clears it.
	keys /
	wait_for -l 23 '^/$' || return
	paste_text "$(head -c 40000 /dev/zero | tr '\0' a)"
	wait_for -l 24 -F 'filter is limited to 32768 bytes' || return
	keys Enter
	wait_for -l 23 '^/a+$' || return
	keys BSpace
	wait_for -l 24 -v 'limited to' || return
	keys Escape
	wait_for -l 23 '^ 500/500 ' || return

	keys Q
	quit_with 0
}

t_paste
finish

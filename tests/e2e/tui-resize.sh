#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# Resizing: columns drop from the right as it narrows, NAME alone at 20x5,
# "terminal too small" below, and a complete screen when it grows again,
# the cursor still on the same person.
t_resize() {
	start resize 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys j j j j
	order="NAME FREE LANGUAGES NOTICE SERVED AGENCY READY THEMES"
	prev=8
	for wh in 130x29 100x28 80x27 70x26 60x25 50x24 40x23 30x22 20x21; do
		w=${wh%x*} h=${wh#*x}
		resize "$w" "$h"
		# (Shrinking, tmux scrolls the old screen up: the header on the
		# first line and the status line in its place mean a redraw.)
		wait_for -l 1 '^  NAME' || return
		wait_for -l $((h - 1)) '^ 500/500 ' || return
		snap
		hd=$(line 1 | tr -s ' ' | sed 's/^ //')
		n=$(echo "$hd" | wc -w)
		want=$(echo "$order" | cut -d ' ' -f "1-$n")
		check "header at ${w} columns" "$hd" "$want"
		if [ "$n" -le "$prev" ]; then ok; else
			bad "$S: $n columns at width $w, more than when wider"
		fi
		prev=$n
		[ "$w" = 130 ] && check "columns at 130" "$n" 8
		# At 80, FREE holds a day of next year (10 wide) on these
		# rows, and READY gives way to it.
		[ "$w" = 80 ] && check "columns at 80" "$n" 6
	done
	resize 20 5
	wait_for -l 1 '^  NAME' || return
	wait_for -l 4 '^ 500/500' || return
	snap
	check "header at 20x5" "$(line 1)" "  NAME"
	check "a row at 20x5" "$(line 2 | grep -c '^  [^ ]')" 1
	for wh in 19x5 20x4 19x4; do
		resize "${wh%x*}" "${wh#*x}"
		wait_for -l 1 -F 'terminal too small' || return
		resize 20 5
		wait_for -l 1 '^  NAME' || return
		wait_for -l 4 '^ 500/500' || return
	done
	resize 100 30
	wait_for -l 1 '^  NAME' || return
	wait_for -l 29 '^ 500/500  \(everyone\)  \[name\]$' || return
	snap
	check "no longer too small" "$(grep -c 'too small' "$work/screen")" 0
	check "header at 100x30" "$(line 1 | tr -s ' ')" \
	    " NAME FREE LANGUAGES NOTICE SERVED AGENCY READY THEMES"
	# 27 rows: consecutive people of the list, from wherever it scrolled
	# to (at 20x5 the cursor, on the fifth, had to be on screen).
	names 2 28 >"$work/got"
	cli_names 1 500 "$db" >"$work/all"
	k=$(grep -nxF "$(head -n 1 "$work/got")" "$work/all" | cut -d: -f1)
	case $k in [1-5]) ok ;; *) bad "$S: first row at 100x30 is person '$k'" ;; esac
	sed -n "${k:-1},$((${k:-1} + 26))p" "$work/all" >"$work/want"
	same_names "the list at 100x30" "$work/got" "$work/want"
	keys Enter
	wait_for "^Id +$(ids "$db" | sed -n 5p)$" || return
	keys Q
	quit_with 0
}

t_resize
finish

#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# The filter bar: typing narrows as you go, an error shows under the bar
# with its column while the last good result stays, Enter is refused while
# there is an error, Esc restores, Enter keeps, Up recalls, editing keys.
t_filter() {
	start filter 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	fr=$(count "$db" lang:fr)
	keys /
	wait_for -l 23 '^/$' || return
	typ lang:fr
	wait_for -l 22 "^ $fr/500  lang:fr  \[name\]$" || return
	wait_for -l 23 '^/lang:fr$' || return
	snap
	names 2 21 >"$work/got"
	cli_names 1 20 "$db" lang:fr >"$work/want"
	same_names "rows of lang:fr" "$work/got" "$work/want"

	n=$(count "$db" lang:fr theme:border)
	typ ' theme:border'
	wait_for -l 22 "^ $n/500  lang:fr theme:border  \[name\]$" || return

	# C-w kills the word before the cursor, C-a goes to the start, C-k
	# kills to the end.
	keys C-w
	wait_for -l 23 '^/lang:fr$' || return
	wait_for -l 22 "^ $fr/500  lang:fr  +\[name\]$" || return
	wait_fmt "cursor after C-w" '#{cursor_x},#{cursor_y}' 9,22
	keys C-a
	wait_fmt "cursor after C-a" '#{cursor_x},#{cursor_y}' 1,22
	keys C-k
	wait_for -l 22 '^ 500/500  \(everyone\)  \[name\]$' || return
	wait_for -l 23 '^/$' || return

	# One keystroke from good to bad: the error names the column, the
	# count and the rows stay those of the last good filter.
	# (Typed as a person types, the x a key of its own: text that comes
	# at once is searched once, at its end.)
	tb=$(count "$db" theme:border)
	typ theme:border
	wait_for -l 22 "^ $tb/500  theme:border  \[name\]$" || return
	typ x
	wait_for -l 24 "^column 7: unknown theme 'borderx'" || return
	wait_for -l 22 "^ $tb/500  theme:border  \[name\]$" || return
	snap
	names 2 21 >"$work/got"
	cli_names 1 20 "$db" theme:border >"$work/want"
	same_names "rows kept under an error" "$work/got" "$work/want"
	keys BSpace
	wait_for -l 24 -v 'unknown theme' || return
	wait_for -l 23 '^/theme:border$' || return
	wait_fmt "cursor after BSpace" '#{cursor_x}' 13
	# Home, Right, Delete: "theme:border" -> "teme:border" is an error
	# (column 1); C-e, C-u: empty again.
	keys Home Right DC
	wait_for -l 23 '^/teme:border$' || return
	wait_for -l 24 "^column 1: unknown key 'teme'" || return
	keys C-e C-u
	wait_for -l 23 '^/$' || return
	wait_for -l 22 '^ 500/500  \(everyone\)  \[name\]$' || return

	# A misspelt key made with one Backspace in the middle of a good
	# filter: "lang:fr country:ML" -> "lang:fr contry:ML".
	ml=$(count "$db" lang:fr country:ML)
	typ 'lang:fr country:ML'
	wait_for -l 22 "^ $ml/500  lang:fr country:ML  \[name\]$" || return
	snap
	names 2 21 >"$work/before"
	keys Left Left Left Left Left Left Left BSpace
	wait_for -l 24 -F "column 9: unknown key 'contry' (did you mean 'country'?)" || return
	wait_for -l 23 -F '/lang:fr contry:ML' || return
	snap
	check "count under an error" "$(line 22)" " $ml/500  lang:fr country:ML  [name]"
	names 2 21 >"$work/got"
	same_names "rows under an error" "$work/got" "$work/before"
	# Enter is refused: the bar stays open and typing goes on in it.
	keys Enter
	typ u
	wait_for -l 23 '^/lang:fr country:ML$' || return
	wait_for -l 24 -v 'unknown key' || return

	# Enter keeps it; a new edit cancelled with Esc restores it, and the
	# cursor on the same person.
	keys Enter
	wait_for -l 23 "^ $ml/500  lang:fr country:ML  \[name\]$" || return
	wait_for -l 22 -v '^/' || return
	keys j j /
	wait_for -l 23 -F '/lang:fr country:ML' || return
	typ ' theme:border'
	n=$(count "$db" lang:fr country:ML theme:border)
	wait_for -l 22 "^ $n/500  lang:fr country:ML theme:border  \[name\]$" || return
	keys Escape
	wait_for -l 23 "^ $ml/500  lang:fr country:ML  \[name\]$" || return
	snap
	names 2 22 >"$work/got"
	cli_names 1 21 "$db" lang:fr country:ML >"$work/want"
	same_names "rows after Esc" "$work/got" "$work/want"
	keys Enter
	wait_for "^Id +$(ids "$db" lang:fr country:ML | sed -n 3p)$"
	keys q
	wait_for -l 23 "^ $ml/500  lang:fr country:ML  \[name\]$" || return

	# History: keep a second filter, clear, then Up, Up, Down.
	keys /
	wait_for -l 23 -F '/lang:fr country:ML' || return
	keys C-u
	typ theme:border
	wait_for -l 22 "^ $tb/500  theme:border  \[name\]$" || return
	keys Enter
	wait_for -l 23 "^ $tb/500  theme:border  \[name\]$" || return
	keys '\'
	wait_for -l 23 '^ 500/500  \(everyone\)  \[name\]$' || return
	keys / Up
	wait_for -l 23 '^/theme:border$' || return
	wait_for -l 22 "^ $tb/500  theme:border" || return
	keys Up
	wait_for -l 23 '^/lang:fr country:ML$' || return
	wait_for -l 22 "^ $ml/500  lang:fr country:ML" || return
	keys Down
	wait_for -l 23 '^/theme:border$' || return
	keys Up Enter
	wait_for -l 23 "^ $ml/500  lang:fr country:ML  \[name\]$" || return

	keys Q
	quit_with 0
}

t_filter
finish

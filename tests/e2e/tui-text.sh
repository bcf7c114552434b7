#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

fixture_pool

# aligned FROM TO: on the list rows FROM..TO, the columns FREE .. READY
# start where their titles do, after a blank.
aligned() {
	cols <"$work/screen" | awk -v from="$1" -v to="$2" '
	    NR == 1 { for (i = 1; i <= NF; i++) pos[$i] = index($0, $i) }
	    NR >= from && NR <= to {
		for (t in pos) {
			p = pos[t]
			if (t == "NAME" || t == "SERVED") continue
			if (substr($0, p - 1, 1) != " " || substr($0, p, 1) == " ") {
				printf "  row %d, column %s (%d): %s\n", NR, t, p, $0
				bad = 1
			}
		}
	    }
	    END { exit bad }' >&2
	if [ $? -eq 0 ]; then ok; else
		bad "$S: columns not aligned"
		show_screen
	fi
}

# Control characters in the data are shown as ^X, never sent; wide and
# combining characters keep the columns aligned; typing them in the bar.
t_text() {
	start text 80 24 -- --db "$fdb"
	wait_for -l 23 '^ 11/11  \(everyone\)  \[name\]$' || return
	snap
	check "no title set from the data" "$(fmt '#{pane_title}' | grep -c pwned)" 0
	wait_for -F '  Evil, Eve^[[2J^[]0;' || return
	wait_for -F '  山田, 太郎 ' || return
	wait_for -F '  김, 민준 ' || return
	wait_for -F "  $(printf 'Nguye\314\202\314\203n, Jose\314\201') " || return
	wait_for -F '  長谷川長谷川長谷川, ' || return
	check "rows" "$(sed -n 2,22p "$work/screen" | grep -c '^  [^ ]')" 11
	aligned 2 12
	if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$work/screen"; then
		bad "$S: a C1 control character reached the screen"
	else
		ok
	fi
	resize 41 24
	wait_for -l 1 '^  NAME +FREE +LANGUAGES$' || return
	snap
	aligned 2 12

	# The record: every control character visible.
	resize 80 24
	wait_for -l 1 'READY$' || return
	keys /
	typ evil
	wait_for -l 22 '^ 1/11  evil  \[name\]$' || return
	keys Enter
	wait_for -l 23 '^ 1/11  evil' || return
	keys Enter
	wait_for -F 'Eve^[[2J^[]0;pwned^G' || return
	wait_for -F 'x^[[31mred' || return
	# The C1 CSI before "2J" is shown somehow, never obeyed.
	wait_for 'pwned\^G.+2J' || return
	snap
	if LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$work/screen"; then
		bad "$S: a C1 control character reached the screen"
	else
		ok
	fi
	check "no title set from the data" "$(fmt '#{pane_title}' | grep -c pwned)" 0
	keys q
	wait_for -l 23 '^ 1/11  evil' || return

	# Wide characters in the bar: the cursor moves by their width.
	keys /
	wait_for -l 23 '^/evil$' || return
	keys C-u
	typ 山田
	wait_for -l 22 '^ 1/11  山田  \[name\]$' || return
	wait_fmt "cursor after two wide characters" '#{cursor_x}' 5
	keys BSpace
	wait_for -l 23 '^/山$' || return
	wait_fmt "cursor after one wide character" '#{cursor_x}' 3
	keys Left
	wait_fmt "cursor after Left over a wide character" '#{cursor_x}' 1
	keys C-e C-u
	typ jose
	wait_for -l 22 "^ $(count "$fdb" jose)/11  jose  " || return
	keys Enter
	wait_for -l 23 -F ' jose  [name]' || return
	keys q
	quit_with 0
}

t_text
finish

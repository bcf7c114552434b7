#!/bin/sh
# The full-screen interface end to end: the real binary in tmux, on the
# demo pool (deterministic) and on fixture files, with a fixed date.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

export ROSTER_TODAY=2026-11-23
unset ROSTER_DB XDG_DATA_HOME NO_COLOR

demo() { "$ROSTER" demo --size 500 --seed 1 "$1" 2>/dev/null; }
count() { cdb=$1; shift; "$ROSTER" --db "$cdb" search --format ids "$@" | wc -l | tr -d ' '; }
ids() { cdb=$1; shift; "$ROSTER" --db "$cdb" search --format ids "$@"; }

demo "$work/demo.db" || bad "roster demo failed"
db=$work/demo.db
all=$(count "$db")
[ "$all" = 500 ] && ok || bad "the demo pool has $all people, expected 500"

# The pool list at 80x24: header, rows in the CLI's order, N/M; moving;
# help; q quits with status 0 and leaves the terminal as it was.
t_open() {
	start open 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500  \(everyone\)  \[name\]$' || return
	snap
	check header "$(line 1 | tr -s ' ')" \
	    " NAME AVAIL LANGUAGES NOTICE SERVED AGENCY READY"
	names 2 22 >"$work/got"
	cli_names 1 21 "$db" >"$work/want"
	same_names "first page" "$work/got" "$work/want"
	check "row count" "$(sed -n 2,22p "$work/screen" | grep -c '^  [^ ]')" 21

	# G: the last person; Enter opens that one; g: the first again.
	keys G
	last=$(cli_names 500 500 "$db" | sed 's/…$//')
	wait_for -l 22 "^  $(re "$last")" || return
	keys Enter
	wait_for "^Id +$(ids "$db" | tail -n 1)$" || return
	keys q g
	first=$(cli_names 1 1 "$db" | sed 's/…$//')
	wait_for -l 2 "^  $(re "$first")" || return
	wait_for -l 23 '^ 500/500 ' || return

	# Help is drawn from the key table; q goes back.
	keys '?'
	wait_for -F 'The pool list' || return
	wait_for -F 'j, Down, C-n' || return
	wait_for '^  / +edit the filter' || return
	keys q
	wait_for -l 23 '^ 500/500  \(everyone\)  \[name\]$' || return

	keys q
	quit_with 0
}

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
	typ theme:borderx
	tb=$(count "$db" theme:border)
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

# Enter opens the person under the cursor; q comes back to the same place;
# Q quits from the record at once.
t_detail() {
	start detail 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	id3=$(ids "$db" | sed -n 3p)
	"$ROSTER" --db "$db" show "$id3" >"$work/show"
	keys j j Enter
	wait_for -l 1 "^$(re "$(head -n 1 "$work/show")")$" || return
	wait_for "^Id +$id3$" || return
	wait_for '^Languages ' || return
	wait_for '^Missions ' || return
	wait_for -l 24 '^ person .*q back' || return
	keys q
	wait_for -l 23 '^ 500/500 ' || return
	keys Enter
	wait_for "^Id +$id3$" || return
	keys Q
	quit_with 0
}

# The facet panel: counts of the current matches; picking a value adds the
# term (quoted when it must be), - adds it negated.
t_facets() {
	start facets 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys f
	wait_for -l 1 '\|Countries$' || return
	keys Tab
	# Tab lands on the first country, not its title: remember its count.
	wait_for -l 2 '\|[^ ].* +[0-9]+$' || return
	c=$(line 2 | sed -E 's/.* ([0-9]+)$/\1/')
	keys Enter
	wait_for -l 23 "^ $c/500  country:[A-Z]{2}  \[name\]$" || return
	snap
	cc=$(status_line | sed -E 's/.*country:([A-Z]{2}).*/\1/')
	check "count of country:$cc" "$c" "$(count "$db" "country:$cc")"
	keys Q
	quit_with 0

	start facets2 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys f
	wait_for -l 1 '\|Countries$' || return
	keys Tab -
	wait_for -l 23 "^ $((500 - c))/500  -country:$cc  \[name\]$" || return
	keys Q
	quit_with 0

	# All four facets on the fixture pool, counts aligned even with wide
	# names; the last agency, then the one before it, picked.
	start facets3 100 60 -- --db "$fdb"
	wait_for -l 59 '^ 11/11 ' || return
	keys f
	wait_for '\|Agencies$' || return
	snap
	for t in Countries Languages Themes Agencies; do
		check "facet title $t" "$(grep -c "|$t\$" "$work/screen")" 1
	done
	wait_for '\|French +5$' || return
	wait_for '\|警察庁 +2$' || return
	wait_for '\|경찰청 +1$' || return
	sed -n '1,58p' "$work/screen" | sed 's/^.*|//' | grep '[0-9]$' | cols |
	    awk '{ print length($0) }' | sort -u >"$work/widths"
	check "facet counts end in one column" "$(wc -l <"$work/widths" | tr -d ' ')" 1
	keys Tab G Enter
	wait_for -l 59 '^ 1/11  agency:경찰청  \[name\]$' || return
	wait_for -l 2 '^  김, 민준 ' || return
	keys Q
	quit_with 0
	start facets4 100 60 -- --db "$fdb"
	wait_for -l 59 '^ 11/11 ' || return
	keys f
	wait_for '\|Agencies$' || return
	keys Tab G k -
	wait_for -l 59 -F ' 10/11  -agency:"National Police"  [name]' || return
	check "count of -agency:\"National Police\"" \
	    "$(count "$fdb" -- '-agency:"National Police"')" 10
	keys Q
	quit_with 0
}

# Tagging and exporting the tagged people to CSV.
t_tags() {
	start tags 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys t t j t
	wait_for -l 23 '^ 500/500  \(everyone\)  \[name\]  tagged 3$' || return
	snap
	check "tag marks" "$(grep -n '^\* ' "$work/screen" | cut -d: -f1 | tr '\n' ' ')" \
	    '2 3 5 '
	ids "$db" | sed -n '1p;2p;4p' | sort >"$work/want"
	keys '\;'
	wait_for -l 24 '^3 tagged: ' || return
	keys e
	wait_for -l 23 '^export tagged to: tagged\.csv$' || return
	keys Enter
	wait_for '^3 people written to tagged\.csv$' || return
	if [ -f "$D/tagged.csv" ]; then
		ok
		check "CSV header" "$(head -n 1 "$D/tagged.csv")" \
		    "$(head -n 1 "$fix/people.csv")"
		grep -E '^[0-9a-f-]{36},' "$D/tagged.csv" | cut -c1-36 | sort >"$work/got"
		same "tagged ids" "$work/want" "$work/got"
		"$ROSTER" --db "$work/tagged.db" import "$D/tagged.csv" 2>"$work/err"
		check "re-import of tagged.csv" "$(cat "$work/err")" \
		    "roster: imported 3 people, 0 missions, 0 unavailability windows"
	else
		bad "$S: tagged.csv not written"
	fi
	cp "$D/tagged.csv" "$work/tagged.copy" 2>/dev/null
	# Never overwrites.
	keys '\;' e
	wait_for -l 23 '^export tagged to: tagged\.csv$' || return
	keys Enter
	wait_for 'tagged\.csv.*(exists|overwrite)' || return
	same "tagged.csv untouched" "$work/tagged.copy" "$D/tagged.csv"
	# The prompt stays, with what was typed, to fix the name; Esc leaves.
	wait_for -l 23 '^export tagged to: tagged\.csv$' || return
	keys Escape
	wait_for -l 23 -v '^export tagged to:' || return
	# T tags every match, U untags everyone.
	keys /
	typ lang:fr
	keys Enter
	fr=$(count "$db" lang:fr)
	wait_for -l 23 "^ $fr/500  lang:fr  \[name\]  tagged 3$" || return
	keys T
	wait_for -l 23 "  tagged $((fr + 3 - $(ids "$db" lang:fr | grep -cFf "$work/want")))$" || return
	keys U
	wait_for -l 23 "^ $fr/500  lang:fr  \[name\]$" || return
	snap
	check "no tag marks" "$(sed -n 2,22p "$work/screen" | grep -c '^\*')" 0
	keys Q
	quit_with 0
}

# O cycles the sort, r reverses it; the first rows follow the CLI's sort.
t_sort() {
	start sort 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	for s in agency:agency notice:notice 'last mission:mission' name:name \
	    'name, reversed:-name'; do
		label=${s%:*} key=${s##*:}
		case $key in -name) keys r ;; *) keys O ;; esac
		wait_for -l 23 "^ 500/500  \(everyone\)  \[$label\]$" || return
		snap
		names 2 6 >"$work/got"
		cli_names 1 5 "$db" --sort "$key" >"$work/want"
		same_names "sort by $label" "$work/got" "$work/want"
	done
	keys Q
	quit_with 0
}

# Resizing: columns drop from the right as it narrows, NAME alone at 20x5,
# "terminal too small" below, and a complete screen when it grows again,
# the cursor still on the same person.
t_resize() {
	start resize 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys j j j j
	order="NAME AVAIL LANGUAGES NOTICE SERVED AGENCY READY THEMES"
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
		[ "$w" = 80 ] && check "columns at 80" "$n" 7
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
	    " NAME AVAIL LANGUAGES NOTICE SERVED AGENCY READY THEMES"
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
	wait_for -l 1 '^  NAME +AVAIL LANGUAGES$' || return
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

# The filter bar narrower than its text, with wide characters: the
# character under the cursor is always shown, whichever way it moves.
t_edge() {
	start edge 21 6 -- --db "$fdb"
	wait_for -l 5 '^ 11/11 ' || return
	keys /
	text='長谷川長谷川長谷川長谷川 山田'
	typ "$text"
	wait_for -l 5 '^/.*山田$' || return
	wait_cursor_on "at the end" 5 '' || return
	for c in 田 山 ' ' 川 谷 長 川 谷 長 川 谷 長 川 谷 長; do
		keys Left
		wait_cursor_on "Left onto '$c'" 5 "$c" || return
	done
	for c in 谷 川 長 谷 川 長 谷 川 長 谷 川 ' ' 山 田 ''; do
		keys Right
		wait_cursor_on "Right onto '$c'" 5 "$c" || return
	done
	keys Escape
	wait_for -l 5 '^ 11/11  \(everyone\)' || return
	keys q
	quit_with 0
}

# Keys typed ahead of the screen (a fast typist, a paste) all take
# effect, even those that act on the person under the cursor while the
# list is still being worked out.
t_typeahead() {
	start ahead 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys G Enter
	wait_for "^Id +$(ids "$db" | tail -n 1)$"
	keys Q
	quit_with 0
	start ahead2 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys / l a n g : f r Enter t Enter
	wait_for "^Id +$(ids "$db" lang:fr | sed -n 2p)$"
	keys Q
	quit_with 0
}

# aligned FROM TO: on the list rows FROM..TO, the columns AVAIL .. READY
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

# NO_COLOR: no colour at all; --read-only says so.  (Colours otherwise.)
t_colour() {
	start colour 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	tm capture-pane -p -e -t "$S" >"$work/colour.txt"
	esc=$(printf '\033')
	sgr="$esc\\[([0-9]+;)*(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48)(;[0-9]+)*m"
	if grep -Eq "$sgr" "$work/colour.txt"; then ok; else
		bad "$S: no colours without NO_COLOR"
	fi
	keys q
	quit_with 0
	start nocolour 80 24 NO_COLOR=1 -- --db "$db" --read-only
	wait_for -l 23 '^ 500/500  \(everyone\)  \[name\]  read-only$' || return
	keys f
	wait_for -l 1 '\|Countries$' || return
	tm capture-pane -p -e -t "$S" >"$work/colour.txt"
	check "colours with NO_COLOR" "$(grep -Ec "$sgr" "$work/colour.txt")" 0
	keys q
	quit_with 0
}

# SIGTERM: the terminal is restored and the process dies of the signal.
t_sigterm() {
	start sigterm 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	pid=$(cat "$D/pid")
	case $(cat "/proc/$pid/comm" 2>/dev/null || ps -o comm= -p "$pid") in
	roster*) ok ;;
	*) bad "$S: pid $pid is not roster" ;;
	esac
	kill -TERM "$pid"
	quit_with 143
}

# Without a terminal: status 2 and a message.
t_noterm() {
	"$ROSTER" --db "$db" </dev/null >"$work/out" 2>"$work/err"
	check "status without a terminal" "$?" 2
	if grep -q terminal "$work/err"; then ok; else
		bad "no message without a terminal: $(cat "$work/err")"
	fi
}

# The fixture pool: the CLI fixtures, wide and combining names, and control
# characters put in with sqlite3 (import refuses them, as it should).
fdb=$work/fixture.db
"$ROSTER" --db "$fdb" import "$fix/people.csv" "$fix/missions.csv" \
    "$fix/tui-people.csv" 2>"$work/err" || bad "fixture import: $(cat "$work/err")"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$fdb" "UPDATE person SET
	    given_name = 'Eve' || char(27) || '[2J' || char(27) || ']0;pwned' ||
	        char(7) || char(155) || '2J',
	    notes = 'x' || char(27) || '[31mred'
	    WHERE id = 'a0000005-0000-4000-8000-000000000005'" ||
	    bad "sqlite3 could not update the fixture"
else
	bad "sqlite3 is needed to put control characters in the fixture"
fi

t_open
t_filter
t_detail
t_facets
t_tags
t_sort
t_resize
t_live
t_text
t_edge
t_typeahead
t_colour
t_sigterm
t_noterm
stop
finish

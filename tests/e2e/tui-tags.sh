#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

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
	wait_for -l 23 '^3 tagged: ' || return
	keys e
	wait_for -l 23 '^export tagged to: tagged\.csv$' || return
	keys Enter
	wait_for '^3 people written to tagged\.csv$' || return
	if [ -f "$D/tagged.csv" ]; then
		ok
		check "CSV header" "$(head -n 1 "$D/tagged.csv")" \
		    "$(head -n 1 "$exp/export-people.csv")"
		grep -E '^[0-9a-f-]{36},' "$D/tagged.csv" | cut -c1-36 | sort >"$work/got"
		same "tagged ids" "$work/want" "$work/got"
		"$ROSTER" --db "$work/tagged.db" import "$D/tagged.csv" 2>"$work/err"
		check "re-import of tagged.csv" "$(cat "$work/err")" \
		    "$D/tagged.csv: added 3, updated 0, unchanged 0
roster: imported 3 people, 0 missions, 0 unavailability windows"
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

t_tags
finish

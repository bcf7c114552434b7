#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# After a change on the member list the cursor goes to the member who was
# next before it, wherever the changed one now sorts: repeated 's c' walks
# DOWN the old order (a member moving up used to leave the one above under
# the cursor), and so do 's C', 's d' (up), 's x' and 'X' (down), and 'a'
# on the suggestion.
t_resort_next() {
	hx="Hurricane SXM"
	"$ROSTER" --db "$db" deploy create "$hx" --country SX --start +3d \
	    --end +31d --kind hurricane --need 20:lang:en 2>/dev/null ||
	    bad "deploy create failed"
	ids "$db" lang:nl | head -n 12 | "$ROSTER" --db "$db" deploy add "$hx" - \
	    2>/dev/null || bad "deploy add failed"
	"$ROSTER" --db "$db" deploy show "$hx" --format csv | sed 1d |
	    cut -d, -f1 >"$work/rows"
	p() { sed -n "$1p" "$work/rows"; }
	# who ID: the person's name as the messages give it, as a pattern.
	who() { re "$("$ROSTER" --db "$db" show "$1" | sed -n 1p)"; }
	status() {
		"$ROSTER" --db "$db" deploy show "$hx" --format csv |
		    awk -F, -v id="$1" '$1 == id { print $8 }'
	}
	start next 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	keys D Enter
	wait_for -l 29 '^ 12 members' || return
	keys j j j s c
	wait_for -l 30 ': contacted$' || return
	keys s c
	wait_for -l 30 "^$(who "$(p 5)"): contacted$" || return
	keys s c
	wait_for -l 30 "^$(who "$(p 6)"): contacted$" || return
	check "s c: 4th" "$(status "$(p 4)")" contacted
	check "s c: 5th" "$(status "$(p 5)")" contacted
	check "s c: 6th" "$(status "$(p 6)")" contacted
	check "s c: not the 3rd" "$(status "$(p 3)")" proposed
	# Now 4 5 6 contacted above 1 2 3 7 8 9; the cursor is on the 7th.
	keys s C
	wait_for -l 30 "^$(who "$(p 7)"): " || return
	keys s x
	wait_for -l 30 "^$(who "$(p 8)"): declined$" || return
	keys s d
	wait_for -l 30 "^$(who "$(p 9)"): " || return
	check "s C: 7th" "$(status "$(p 7)")" confirmed
	check "s x: 8th" "$(status "$(p 8)")" declined
	check "s d: 9th" "$(status "$(p 9)")" deployed
	# 9 deployed, 7 confirmed, 4 5 6 contacted, 1 2 3 10 11 12 proposed,
	# 8 declined; the cursor is on the 10th.  X takes them off.
	keys X
	wait_for -l 30 "^remove $(who "$(p 10)") from " || return
	keys y
	wait_for -l 30 ' removed from ' || return
	check "X: 10th" "$(status "$(p 10)")" ""
	keys s c
	wait_for -l 30 "^$(who "$(p 11)"): contacted$" || return
	check "after X: 11th" "$(status "$(p 11)")" contacted
	check "after X: not the 3rd" "$(status "$(p 3)")" proposed
	# The suggestion: a twice from the second row takes the second and
	# the third, whatever the first acceptance changed.
	keys S
	wait_for '^Suggested for ' || return
	"$ROSTER" --db "$db" deploy suggest "$hx" --format ids >"$work/sug" \
	    2>/dev/null
	keys j a
	wait_for -l 30 "^$(who "$(sed -n 2p "$work/sug")") added " || return
	keys a
	wait_for -l 30 "^$(who "$(sed -n 3p "$work/sug")") added " || return
	keys Q
	quit_with 0
}

t_resort_next
finish

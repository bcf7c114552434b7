#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# A change made from the screen re-runs the filter at once: a person
# confirmed on a deployment over the filter's window drops out of
# avail:, the counts follow, and a key typed ahead acts on the new list.
t_stale() {
	f='lang:nl>=B2 avail:+3d..+31d'
	"$ROSTER" --db "$db" deploy create Window --country SX --start +3d \
	    --end +31d 2>/dev/null || bad "deploy create failed"
	m=$(count "$db" $f)
	[ "$m" -ge 3 ] && ok || bad "only $m people match $f"
	first=$(ids "$db" $f | sed -n 1p)
	second=$(ids "$db" $f | sed -n 2p)
	start stale 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	keys /
	typ "$f"
	keys Enter
	wait_for -l 29 "^ $m/500  $(re "$f")  \[name\]$" || return
	keys f
	wait_for "\|Languages" || return
	wait_for "\\|Dutch +$m\$" || return
	# Tag the first, add them to Window, confirm them, and straight
	# back to the list: g Enter opens whoever is first there now.
	keys t '\;' a
	wait_for -l 30 'Enter add the tagged people here' || return
	keys Enter
	wait_for -l 29 '^ 1 member' || return
	keys s C q q g Enter
	wait_for "^Id +$second$" || return
	keys q
	wait_for -l 29 "^ $((m - 1))/500  $(re "$f")  \[name\]$" || return
	wait_for "\\|Dutch +$((m - 1))\$" || return
	check "the CLI agrees" "$(count "$db" $f)" $((m - 1))
	ids "$db" $f | grep -qx "$first" && bad "$first still matches" || ok
	keys Q
	quit_with 0
}

t_stale
finish

#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# The facet panel's sets are read while the list waits for a key, before
# the panel is asked for; a write by another program meanwhile (sqlite3,
# which leaves the term bitmaps to fold) has them read again, and the
# panel, shown, counts what the rows say.
t_facets_idle() {
	start idle 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	keys f
	wait_for '\|Countries$' || return
	keys f
	wait_for -v '\|Countries$' || return
	sqlite3 "$db" "UPDATE service SET country = 'ML' WHERE pk % 3 = 0" ||
	    bad "sqlite3 failed"
	n=$(count "$db" country:ML)
	keys f
	wait_for "\\|Mali +$n\$" || return
	keys / && typ "lang:fr" && keys Enter
	m=$(count "$db" lang:fr country:ML)
	wait_for "\\|Mali +$m\$" || return
	keys Q
	quit_with 0
}

# A damaged term bitmap (spoilt with sqlite3) fails the idle read, which
# leaves the list as it is: filters still run, the program goes on.
t_facets_damaged() {
	cp "$db" "$work/damaged.db"
	check "bitmaps spoilt" "$(sqlite3 "$work/damaged.db" "UPDATE term
	    SET bits = x'00' WHERE family = 'country' AND key = 'XK';
	    SELECT changes()")" 1
	start damaged 100 30 -- --db "$work/damaged.db"
	wait_for -l 29 '^ 500/500 ' || return
	# The idle read shows nothing: give it time (0.1 s without a key).
	sleep 1
	keys / && typ "lang:fr" && keys Enter
	m=$(count "$db" lang:fr)
	wait_for -l 29 "^ $m/500  lang:fr  \[name\]$" || return
	keys j j
	wait_for -l 29 "^ $m/500  lang:fr  \[name\]$" || return
	keys Q
	quit_with 0
}

t_facets_idle
t_facets_damaged
finish

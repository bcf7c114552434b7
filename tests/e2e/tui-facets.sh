#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool
fixture_pool

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

	# All five facets on the fixture pool, counts aligned even with wide
	# names; the last agency, then the one before it, picked (the pool
	# has no name, so Origins, last, is a title alone).
	start facets3 100 60 -- --db "$fdb"
	wait_for -l 59 '^ 11/11 ' || return
	keys f
	wait_for '\|Agencies$' || return
	snap
	for t in Countries Languages Themes Agencies Origins; do
		check "facet title $t" "$(grep -c "|$t\$" "$work/screen")" 1
	done
	wait_for '\|French +5$' || return
	wait_for '\|警察庁 +2$' || return
	wait_for '\|경찰청 +1$' || return
	sed -n '1,58p' "$work/screen" | sed 's/^.*|//' | grep '[0-9]$' | cols |
	    awk '{ print length($0) }' | sort -u >"$work/widths"
	check "facet counts end in one column" "$(wc -l <"$work/widths" | tr -d ' ')" 1
	keys Tab G k Enter
	wait_for -l 59 '^ 1/11  agency:경찰청  \[name\]$' || return
	wait_for -l 2 '^  김, 민준 ' || return
	keys Q
	quit_with 0
	start facets4 100 60 -- --db "$fdb"
	wait_for -l 59 '^ 11/11 ' || return
	keys f
	wait_for '\|Agencies$' || return
	keys Tab G k k -
	wait_for -l 59 -F ' 10/11  -agency:"National Police"  [name]' || return
	check "count of -agency:\"National Police\"" \
	    "$(count "$fdb" -- '-agency:"National Police"')" 10
	keys Q
	quit_with 0
}

t_facets
finish

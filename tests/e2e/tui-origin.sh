#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

# A pool named KMar that took one person from the Douane: the facet
# panel lists both origins, picking one adds origin:VALUE, and the
# record shows the person's origin.
t_origin() {
	odb=$work/origin.db
	"$ROSTER" --db "$odb" import "$fix/people.csv" 2>"$work/err" ||
	    bad "import: $(cat "$work/err")"
	"$ROSTER" --db "$odb" pool name KMar 2>"$work/err" ||
	    bad "pool name: $(cat "$work/err")"
	printf 'id,family_name,given_name,agency,origin\n%s\n' \
	    'd0000001-0000-4000-8000-000000000001,Lefèvre,Claire,Douane,Douane' \
	    >"$work/douane.csv"
	"$ROSTER" --db "$odb" import "$work/douane.csv" 2>"$work/err" ||
	    bad "import douane.csv: $(cat "$work/err")"
	all=$(count "$odb")
	kmar=$((all - 1))

	start origin 100 40 -- --db "$odb"
	wait_for -l 39 "^ $all/$all " || return
	keys f
	wait_for '\|Origins$' || return
	wait_for "\\|KMar +$kmar\$" || return
	wait_for '\|Douane +1$' || return
	# The last value of the panel is the last origin, the Douane.
	keys Tab G Enter
	wait_for -l 39 "^ 1/$all  origin:Douane  \\[name\\]$" || return
	keys Tab Enter
	wait_for '^Id +d0000001-0000-4000-8000-000000000001$' || return
	wait_for '^Origin +Douane$' || return
	keys Q
	quit_with 0
}

t_origin
finish

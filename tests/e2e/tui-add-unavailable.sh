#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# Adding several tagged people of whom some are not free throughout names
# them, the first three and then how many more, as the command line
# warns about each.
t_add_unavailable() {
	hx="Hurricane SXM"
	"$ROSTER" --db "$db" deploy create "$hx" --country SX --start +3d \
	    --end +31d --kind hurricane 2>/dev/null || bad "deploy create failed"
	# The command line's warnings, on a copy, say who is not free.
	cp "$db" "$work/copy.db"
	ids "$db" lang:nl | head -n 8 |
	    "$ROSTER" --db "$work/copy.db" deploy add "$hx" - 2>&1 |
	    sed -n 's/^roster: warning: \(.*\) is not available .*/\1/p' \
	    >"$work/busy"
	nbusy=$(wc -l <"$work/busy" | tr -d ' ')
	check "more than three not free" "$(test "$nbusy" -gt 3 && echo yes)" yes
	start addbusy 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	keys /
	typ lang:nl
	keys Enter
	wait_for -l 29 ' lang:nl ' || return
	keys t t t t t t t t
	wait_for -l 29 'tagged 8$' || return
	keys '\;' a
	wait_for -l 30 'Enter add the tagged people here' || return
	keys Enter
	wait_for '^ 8 members' || return
	snap
	msg=$(sed -n '28,30p' "$work/screen" | grep -v '^ 8 members' |
	    tr '\n' ' ' | sed 's/  */ /g; s/ $//')
	pre="8 added to '$hx'; not available for the whole deployment: "
	case $msg in
	"$pre"*" and $((nbusy - 3)) more") ok ;;
	*) bad "addbusy: the message ($nbusy not free): '$msg'" ;;
	esac
	# Three of them by name (in the order tagged).
	msg=${msg#"$pre"}
	msg=${msg% and * more}
	echo "$msg" | sed 's/, /\n/g' >"$work/named"
	check "three named" "$(wc -l <"$work/named" | tr -d ' ')" 3
	check "the named are not free" \
	    "$(grep -cxFf "$work/busy" "$work/named")" 3
	keys Q
	quit_with 0
}

t_add_unavailable
finish

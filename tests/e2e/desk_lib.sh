# Helpers for the tmux tests of the call-out desk (tui-desk-*.sh), after
# tui_lib.sh:
#
#   desk_deployment NEEDS MEMBERS   the demo pool in $db, a deployment
#                 $irma in SX needing NEEDS lang:nl, the first MEMBERS
#                 people suggested for it on its list (ids in $work/ids)
#   desk_called   the members alerted on paper (callout send --via
#                 print), their ids in the desk's order (by name) in
#                 $work/order
#   member_status ID   the member's status on $irma, by the command line
#   open_desk NAME [VAR=VALUE...]   roster in a 100x30 session NAME, on
#                 the desk of $irma with MEMBERS members

. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

irma="Irma Sint Maarten"

desk_deployment() {
	demo_pool
	"$ROSTER" --db "$db" deploy create "$irma" --kind hurricane \
	    --country SX --start +2d --need "$1:lang:nl" 2>/dev/null ||
	    bad "deploy create failed"
	"$ROSTER" --db "$db" deploy suggest "$irma" --format ids 2>/dev/null |
	    head -n "$2" >"$work/ids"
	desk_members=$2
	while read -r id; do
		"$ROSTER" --db "$db" deploy add "$irma" "$id" 2>/dev/null ||
		    bad "deploy add $id failed"
	done <"$work/ids"
}

desk_called() {
	"$ROSTER" --db "$db" callout send "$irma" --via print >/dev/null 2>&1 ||
	    bad "callout send --via print failed"
	"$ROSTER" --db "$db" deploy show "$irma" --format csv | sed 1d |
	    cut -d, -f1 >"$work/order"
}

member_status() {
	"$ROSTER" --db "$db" deploy show "$irma" --format csv |
	    awk -F, -v id="$1" '$1 == id { print $8 }'
}

open_desk() {
	dn=$1
	shift
	start "$dn" 100 30 "$@" -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	keys D
	wait_for "^  $(re "$irma") " || return
	keys Enter
	wait_for -l 29 "^ $desk_members members?" || return
	keys c
	wait_for -l 1 "^Call-out desk: $(re "$irma")" || return
}

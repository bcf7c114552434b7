#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/desk_lib.sh"

# Replies taken by phone on the call-out desk: y with a note confirms, n
# declines, m leaves the member contacted with the note, Esc records
# nothing, and a yes refused for a double booking is kept and said.  The
# members were alerted on paper first: a phone reply answers that call.
desk_deployment 4 4
"$ROSTER" --db "$db" callout send "$irma" --via print >/dev/null 2>&1 ||
    bad "callout send --via print failed"
# The members in the desk's order (all contacted: by name), and names.
"$ROSTER" --db "$db" deploy show "$irma" --format csv | sed 1d |
    cut -d, -f1 >"$work/order"
m1=$(sed -n 1p "$work/order") m2=$(sed -n 2p "$work/order")
m3=$(sed -n 3p "$work/order") m4=$(sed -n 4p "$work/order")
name() { "$ROSTER" --db "$db" show "$1" | sed -n 1p; }
n1=$(name "$m1") n2=$(name "$m2") n3=$(name "$m3") n4=$(name "$m4")

# A reply at the bar: KEY, the question naming WHO, then NOTE and Enter.
phone() {
	keys "$1"
	wait_for -l 29 "^$2 from $(re "$3") by phone, note" || return
	[ -z "$4" ] || typ "$4"
	keys Enter
}

t_phone() {
	open_desk phone || return
	wait_for -l 2 '0 confirmed / 4 asked / 0 still open' || return
	wait_for -l 3 'NAME +STATUS +VIA +CALLED +REPLY +AFTER +SAID' || return

	# y: a yes, with a note typed at the bar.
	phone y yes "$n1" "flies Monday" || return
	wait_for -l 30 "^$(re "$n1"): yes \(by phone\), confirmed" || return
	check "y confirmed" "$(member_status "$m1")" confirmed
	wait_for -l 2 '1 confirmed / 3 asked / 0 still open' || return
	wait_for ' confirmed +print +[0-9: -]+ +yes .*flies Monday' || return

	# n without a note: declined, and the need is open again.
	keys j
	phone n no "$n2" "" || return
	wait_for -l 30 "^$(re "$n2"): no \(by phone\)" || return
	check "n declined" "$(member_status "$m2")" declined
	wait_for -l 2 '1 confirmed / 2 asked / 1 still open' || return

	# Esc at the note records nothing.
	keys g j j m
	wait_for -l 29 "^maybe from $(re "$n3")" || return
	keys Escape
	wait_for -l 29 -v '^maybe from ' || return
	check "Esc recorded nothing" "$(member_status "$m3")" contacted
	check "no reply kept" "$(sqlite3 "$db" "SELECT count(*) FROM reply
	    r JOIN person p ON p.pk = r.person WHERE p.id = '$m3'")" 0

	# m with a note: contacted, the note shown.
	phone m maybe "$n3" "asks her chief" || return
	wait_for -l 30 "^$(re "$n3"): maybe \(by phone\)" || return
	check "m contacted" "$(member_status "$m3")" contacted
	wait_for ' contacted +print +[0-9: -]+ +maybe .*asks her chief' ||
	    return

	# Booked meanwhile on an overlapping deployment: the yes is refused,
	# kept, and said.
	"$ROSTER" --db "$db" deploy create MH17 --country UA --start +1d \
	    --end +30d 2>/dev/null &&
	    "$ROSTER" --db "$db" deploy add MH17 "$m4" 2>/dev/null &&
	    "$ROSTER" --db "$db" deploy set MH17 "$m4" confirmed ||
	    bad "booking $m4 on MH17 failed"
	keys g j j j
	phone y yes "$n4" "" || return
	wait_for -l 30 "^$(re "$n4") said yes, but is not confirmed" || return
	check "refused yes" "$(member_status "$m4")" contacted
	check "the refused yes is kept" "$(sqlite3 "$db" "SELECT count(*)
	    FROM reply r JOIN person p ON p.pk = r.person
	    WHERE p.id = '$m4' AND r.answer = 'yes'")" 1

	# Small and back: nothing breaks.
	resize 40 10
	wait_for -l 1 '^Call-out desk' || return
	resize 100 30
	wait_for -l 3 'NAME +STATUS +VIA +CALLED +REPLY +AFTER +SAID' || return
	keys Q
	quit_with 0
}

t_phone
finish

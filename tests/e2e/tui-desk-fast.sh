#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/desk_lib.sh"

# Phone replies typed ahead, down the list, before the screen settles:
# each lands on the member the keys point at.  A reply changes the
# member's status, so a desk ordered by status would move the row the
# cursor follows, and the next j would land elsewhere.
desk_deployment 4 4
desk_called
m1=$(sed -n 1p "$work/order") m2=$(sed -n 2p "$work/order")
m3=$(sed -n 3p "$work/order") m4=$(sed -n 4p "$work/order")
name_of() { "$ROSTER" --db "$db" show "$1" | sed -n 1p; }
answer_of() {
	sqlite3 "$db" "SELECT group_concat(r.answer) FROM reply r JOIN
	    person p ON p.pk = r.person WHERE p.id = '$1'"
}

t_fast() {
	open_desk fast || return
	keys y Enter j n Enter j m Enter j y Enter
	wait_for -l 30 "^$(name_of "$m4"): yes \(by phone\)" || return
	check "1st: yes" "$(answer_of "$m1")" yes
	check "2nd: no" "$(answer_of "$m2")" no
	check "3rd: maybe" "$(answer_of "$m3")" maybe
	check "4th: yes" "$(answer_of "$m4")" yes
	check "2nd declined" "$(member_status "$m2")" declined
	keys Q
	quit_with 0
}
t_fast
finish

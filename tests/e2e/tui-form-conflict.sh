#!/bin/sh
# Two coordinators, two terminals, one database, the same person: the
# second save is refused and shows, field by field, both values of each
# field that differs.  Once the second keeps theirs (y), once the other's
# (t); a field only the first changed is kept either way.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool
id1=$(ids "$db" | sed -n 1p)
who=$("$ROSTER" --db "$db" show "$id1" | sed -n 1p)

stored() {
	sqlite3 "$db" "SELECT phone || '|' || agency FROM person
	    WHERE id = '$id1'"
}

# on NAME: the session the next keys go to.
on() { S=$1 D=$work/$1; }

# Both open the first person; one saves a phone and an agency, then the
# other a phone of their own.
both_edit() {
	start "one$1" 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	start "two$1" 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	keys e
	wait_for -l 1 "^ $(re "$who")" || return
	on "one$1"
	keys e
	wait_for -l 1 "^ $(re "$who")" || return
	keys Down Down C-u
	typ "Agency One $1"
	keys Down Down Down Down C-u
	typ "+31 6 1111 000$1"
	keys F2
	wait_for -l 30 "^saved $(re "$who")" || return
	on "two$1"
	keys Down Down Down Down Down Down C-u
	typ "+31 6 2222 000$1"
	keys F2
	wait_for -l 1 'saved by someone else meanwhile' || return
	wait_for '^> phone +\(both changed it\)' || return
	wait_for "^    \\* yours +\\+31 6 2222 000$1\$" || return
	wait_for "^      theirs +\\+31 6 1111 000$1\$" || return
	# Only the other changed the agency: theirs is kept unless asked.
	wait_for '^  agency' || return
	wait_for "^    \\* theirs +Agency One $1\$" || return
}

# The second keeps their own phone.
t_mine() {
	both_edit 1 || return
	keys y
	wait_for "^    \\* yours +\\+31 6 2222 0001\$" || return
	keys F2
	wait_for -l 30 "^saved $(re "$who")" || return
	check "mine kept" "$(stored)" "+31 6 2222 0001|Agency One 1"
	keys q
	quit_with 0
	on one1
	keys q
	quit_with 0
}

# The second keeps the other's phone.
t_theirs() {
	both_edit 2 || return
	keys t
	wait_for "^    \\* theirs +\\+31 6 1111 0002\$" || return
	keys F2
	wait_for -l 30 "^saved $(re "$who")" || return
	check "theirs kept" "$(stored)" "+31 6 1111 0002|Agency One 2"
	keys q
	quit_with 0
	on one2
	keys q
	quit_with 0
}

t_mine
t_theirs
finish

#!/bin/sh
# The person on show is erased by another roster, and someone new is
# added, who gets the erased person's row number (SQLite gives the last
# one again): the record does not turn into the new person, and a form
# open on the erased person saves nothing, neither bringing them back nor
# writing over the new one.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# add FAMILY GIVEN: a new person from the command line; prints their id.
add() {
	"$ROSTER" --db "$db" person add --family "$1" --given "$2" |
	    sed 's/ .*//'
}

# The record on show: it leaves for the list, naming who was erased.
t_record() {
	anna=$(add Zwart Anna)
	start erased-record 80 24 -- --db "$db"
	open_person zwart "$anna" || return
	"$ROSTER" --db "$db" erase "$anna" >/dev/null
	bram=$(add Bakker Bram)
	check "the erased row number is not given again" "$(sqlite3 "$db" \
	    "SELECT count(*) FROM person WHERE id = '$bram' AND pk = 501")" 0
	wait_for -l 24 -F 'Anna Zwart is no longer in the pool' || return
	wait_for -l 23 '^ 0/' || return
	snap
	case $(line 1) in
	*Bakker*) bad "the record shows Bram Bakker: $(line 1)" ;;
	*) ok ;;
	esac
	"$ROSTER" --db "$db" erase "$bram" >/dev/null
	keys Q
	quit_with 0
}

# A form open on them: F2 is refused; Esc goes back past the record.
t_form() {
	anna=$(add Zwart Anna)
	start erased-form 80 24 -- --db "$db"
	open_person zwart "$anna" || return
	keys e
	wait_for -l 1 '^ Anna Zwart' || return
	keys Down Down Down
	typ "Inspector"
	wait_for '^  rank +Inspector' || return
	"$ROSTER" --db "$db" erase "$anna" >/dev/null
	bram=$(add Bakker Bram)
	keys F2
	wait_for -l 24 -F 'not saved: Anna Zwart is no longer in the pool' ||
	    return
	check "the erased person not back" "$(sqlite3 "$db" "SELECT count(*)
	    FROM person WHERE family_name = 'Zwart' OR id = '$anna'")" 0
	check "the new person untouched" "$(sqlite3 "$db" "SELECT rank
	    FROM person WHERE id = '$bram'")" ""
	keys Escape
	wait_for -l 24 -F 'discard the changes to Anna Zwart? (y/n)' || return
	keys y
	wait_for -l 24 -F 'Anna Zwart is no longer in the pool' || return
	wait_for -l 23 '^ 0/' || return
	keys Q
	quit_with 0
}

t_record
t_form
finish

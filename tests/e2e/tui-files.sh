#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
# At umask 000 (the tmux server and roster in it inherit it), where a
# file created 0666 would be written by anyone.
umask 000
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# mode FILE: its permission bits, as ls shows them in octal.
mode() { stat -c %a "$1"; }
rows() { grep -c '^[0-9a-f-]\{36\},' "$1"; }

# Files written from the screen are 0600 whatever the umask; ~/ is the
# home directory; a file that exists offers o overwrite, r another name
# or Esc.
t_files() {
	"$ROSTER" --db "$db" deploy create Irma --country SX --start +2d \
	    2>/dev/null || bad "deploy create failed"
	start files 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys t t
	keys '\;' e
	wait_for -l 23 '^export tagged to: tagged\.csv$' || return
	answer '~/out.csv'
	wait_for -l 24 "^2 people written to $(re "$work")/out\.csv$" || return
	check "tagged CSV mode" "$(mode "$work/out.csv")" 600
	check "tagged CSV rows" "$(rows "$work/out.csv")" 2
	# It exists: r goes back to the name, to type another.
	keys t
	wait_for -l 23 'tagged 3$' || return
	keys '\;' e
	answer '~/out.csv'
	wait_for -l 24 "^~/out\.csv: file exists: o overwrite, r another name, Esc cancel$" || return
	check "untouched" "$(rows "$work/out.csv")" 2
	keys r
	wait_for -l 24 -v 'file exists' || return
	wait_for -l 23 '^export tagged to: ~/out\.csv$' || return
	answer '~/other.csv'
	wait_for -l 24 "^3 people written to $(re "$work")/other\.csv$" || return
	check "another name" "$(rows "$work/other.csv")" 3
	# o writes over it, 0600 again; a link planted at the name it once
	# wrote to first is not followed.
	chmod 644 "$work/out.csv"
	echo victim >"$work/victim"
	ln -s "$work/victim" "$work/out.csv.tmp"
	keys '\;' e
	answer '~/out.csv'
	wait_for -l 24 'file exists: o overwrite' || return
	keys o
	wait_for -l 24 "^3 people written to $(re "$work")/out\.csv$" || return
	check "overwritten" "$(rows "$work/out.csv")" 3
	check "overwritten mode" "$(mode "$work/out.csv")" 600
	check "planted link" "$(cat "$work/victim")" victim
	# Written beside it and renamed over it: nothing left behind.
	check "left behind" "$(ls "$work" | grep -c '^out\.csv\.')" 1
	# The call-out sheet too; Esc at the question gives up.
	keys D Enter
	wait_for -l 23 '^ 0 members' || return
	keys P
	wait_for -l 23 '^call-out sheet to: callout\.txt$' || return
	answer '~/callout.txt'
	wait_for -l 24 "^call-out sheet written to $(re "$work")/callout\.txt$" || return
	check "call-out sheet mode" "$(mode "$work/callout.txt")" 600
	keys P
	answer '~/callout.txt'
	wait_for -l 24 'callout\.txt: file exists' || return
	keys Escape
	wait_for -l 23 -v '^call-out sheet to:' || return
	keys Q
	quit_with 0
}

t_files
finish

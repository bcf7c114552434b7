#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# The tagged people exported to CSV leave out the contacts of those who
# left the service, and the message says how many; the people who have
# not left keep theirs.
t_left() {
	nleft=$(count "$db" status:left)
	start left 100 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys /
	typ 'status:left OR agency:KMar'
	keys Enter
	wait_for -l 23 '^ [0-9]+/500 ' || return
	keys T
	wait_for -l 23 'tagged [0-9]+$' || return
	keys '\;' e
	wait_for -l 23 '^export tagged to: tagged\.csv$' || return
	keys Enter
	wait_for "people written to tagged\\.csv; the contacts of $nleft who left the service were left out$" ||
	    return
	n=$(grep -c ',left,' "$D/tagged.csv")
	[ "$n" = "$nleft" ] && ok || bad "left: $n rows of people who left"
	grep ',left,' "$D/tagged.csv" | grep -q '@' &&
	    bad "left: an e-mail of someone who left" || ok
	grep -v ',left,' "$D/tagged.csv" | grep -q '@' && ok ||
	    bad "left: no e-mail of the others"
	keys Q
	quit_with 0
}

t_left
finish

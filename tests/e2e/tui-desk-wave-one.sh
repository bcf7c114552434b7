#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/desk_lib.sh"

# A next wave of one person names them ("add these 1" did not), and
# when delivery fails for everyone the message line says so; a second
# y typed fast after the wave's confirms nobody.
desk_deployment 3 2
"$ROSTER" --db "$db" deploy suggest "$irma" --format ids 2>/dev/null |
    sed -n 1p >"$work/next"
next=$("$ROSTER" --db "$db" show "$(cat "$work/next")" | sed -n 1p)
# The first on the desk, where the cursor is: all proposed, by name.
first=$("$ROSTER" --db "$db" show "$("$ROSTER" --db "$db" deploy show \
    "$irma" --format csv | sed -n 2p | cut -d, -f1)" | sed -n 1p)

t_one() {
	open_desk one ROSTER_SENDMAIL=false || return
	keys W
	wait_for -l 30 "^add $(re "$next") and send them the alert by e-mail\? \(y/n\)" ||
	    return
	# y twice, fast: the second is no phone yes for the member under
	# the cursor, never called; the wave's result stays said.
	keys y
	wait_for -l 30 "^alert [A-Z0-9]+ sent to 0, failed for 1" || return
	keys y
	wait_for -l 30 "^$(re "$first") was not called: no reply to take" ||
	    return
	check "no reply" "$(sqlite3 "$db" "SELECT count(*) FROM reply")" 0
	check "one message, failed" "$(sqlite3 "$db" "SELECT count(*) || ' '
	    || result FROM callout_message GROUP BY result")" "1 failed"
	keys Q
	quit_with 0
}

t_one
finish

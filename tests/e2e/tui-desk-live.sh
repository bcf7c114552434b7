#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/desk_lib.sh"

# Replies recorded by other processes show on the desk without a key
# press, in the members' rows, the counts and the histogram of reply
# times: an e-mail read by roster callout inbox (as cron runs it), and a
# phone call recorded with roster callout reply.  Under NO_COLOR.
desk_deployment 2 2
# An early notice, then the alert, both on paper: the reply quotes the
# alert's code.
"$ROSTER" --db "$db" callout send "$irma" --wave info --via print \
    >/dev/null 2>&1 && "$ROSTER" --db "$db" callout send "$irma" \
    --wave alert --to contacted --via print >/dev/null 2>&1 ||
    bad "callout send --via print failed"
m1=$(sed -n 1p "$work/ids") m2=$(sed -n 2p "$work/ids")
code=$(sqlite3 "$db" "SELECT code FROM callout WHERE wave = 'alert'")
mail1=$(sqlite3 "$db" "SELECT email FROM person WHERE id = '$m1'")
# "de Wit, Fatima" as the desk shows the name of "Fatima de Wit".
row() {
	"$ROSTER" --db "$db" deploy show "$irma" --format csv |
	    awk -F, -v id="$1" '$1 == id { print $2 ", " $3 }'
}
row1=$(row "$m1") row2=$(row "$m2")
mkdir -p "$work/mail/new" "$work/mail/cur" "$work/mail/tmp"

t_live() {
	open_desk live NO_COLOR=1 || return
	wait_for -l 29 '^ 2 members, 2 called, 0 replied$' || return
	wait_for '^  none +.* 4$' || return
	cat >"$work/mail/new/1.eml" <<EOF2
From: <$mail1>
To: <duty@example.org>
Subject: Re: $code
Date: $(date -u '+%a, %d %b %Y %H:%M:%S +0000')
Message-ID: <live-1@example.org>
Content-Type: text/plain; charset=utf-8

$code yes
EOF2
	"$ROSTER" --db "$db" callout inbox "$work/mail" >/dev/null \
	    2>"$work/err" || bad "callout inbox failed: $(cat "$work/err")"
	# No key is pressed: the desk follows the database by itself.
	wait_for -l 29 '^ 2 members, 2 called, 1 replied$' || return
	wait_for "^  $(re "$row1") +confirmed +print +[0-9-]+ [0-9:]+ +yes +[0-9]+[smhd]" ||
	    return
	"$ROSTER" --db "$db" callout reply "$irma" "$m2" no \
	    --note "in hospital" 2>"$work/err" ||
	    bad "callout reply failed: $(cat "$work/err")"
	wait_for -l 29 '^ 2 members, 2 called, 2 replied$' || return
	wait_for "^  $(re "$row2") +declined +print +[0-9-]+ [0-9:]+ +no +[0-9]+[smhd] +in hospital" ||
	    return
	wait_for '^  <15 min +.* 2$' || return
	wait_for '^  none +.* 2$' || return
	check "no key was needed: the message line is the hint" \
	    "$(line 30 | cut -c1-5)" "y yes"
	# NO_COLOR: the bars and the replies in no colour at all.
	tm capture-pane -p -e -t "$S" >"$work/colour.txt"
	esc=$(printf '\033')
	sgr="$esc\\[([0-9]+;)*(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48)(;[0-9]+)*m"
	check "colours with NO_COLOR" "$(grep -Ec "$sgr" "$work/colour.txt")" 0
	keys Q
	quit_with 0
}

t_live
finish

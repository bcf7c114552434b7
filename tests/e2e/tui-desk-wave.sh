#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/desk_lib.sh"

# W on the desk: the people suggested for the open need are shown with
# why, and y adds them and sends them the alert through ROSTER_SENDMAIL
# (a stub that keeps each message); they become contacted.
desk_deployment 2 0
"$ROSTER" --db "$db" deploy suggest "$irma" --format ids 2>/dev/null \
    >"$work/ids"
mkdir "$work/sent"
cat >"$work/sendmail" <<EOS
#!/bin/sh
cat >"$work/sent/\$\$.eml"
EOS
chmod +x "$work/sendmail"

t_wave() {
	open_desk wave ROSTER_SENDMAIL="$work/sendmail" || return
	wait_for -l 2 '0 confirmed / 0 asked / 2 still open' || return
	keys W
	wait_for -l 30 '^add these 2 and send them the alert by e-mail\? \(y/n\)' ||
	    return
	wait_for -l 3 'NEXT WAVE' || return
	while read -r id; do
		who=$("$ROSTER" --db "$db" show "$id" | sed -n 1p)
		wait_for "^  $(re "$who"):" || return
	done <"$work/ids"
	# Each with why, on their line or the next.
	check "the reasons are shown" "$(grep -c 'meets need 1 (lang:nl)' \
	    "$work/screen")" 2
	check "nothing added before the answer" \
	    "$(member_status "$(sed -n 1p "$work/ids")")" ""
	keys y
	wait_for -l 30 '^alert [A-Z0-9]+ sent to 2$' || return
	wait_for -l 29 '^ 2 members, 2 called, 0 replied' || return
	wait_for -l 2 '0 confirmed / 2 asked / 0 still open' || return
	while read -r id; do
		check "$id contacted" "$(member_status "$id")" contacted
	done <"$work/ids"
	check "two messages given to sendmail" \
	    "$(ls "$work/sent" | wc -l | tr -d ' ')" 2
	# The need is covered by those asked: nobody more to call.
	keys W
	wait_for -l 30 '^nobody to call' || return
	keys Q
	quit_with 0
}

t_wave
finish

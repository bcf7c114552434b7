#!/bin/sh
# a adds a person by keyboard alone: a refused value is explained under
# its field and what was typed stays; Tab completes a language, a theme,
# a mission and its country; F2 saves; the list then has the person under
# the cursor and a search finds them.  The keys are counted: a returnee
# like this one is a minute's typing.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

n=0
k() { keys "$@"; n=$((n + $#)); }
t() { typ "$1"; n=$((n + ${#1})); }

t_add() {
	start formadd 100 30 -- --db "$db"
	wait_for -l 29 '^ 500/500 ' || return
	k a
	wait_for -l 1 '^ New person' || return
	t Okafor; k Tab
	t Chidi; k Tab
	t "Nat Police"; k Tab
	t Inspector; k Tab
	t m; k Tab
	t chidi.okafor@example.org; k Tab
	t "+31 6 1234 5678"; k Tab
	k Tab
	t 14; k Tab
	# A month that does not exist: the message under the field, in
	# import's words, and the text kept to be put right.
	t 2028-13-01; k Tab
	wait_for '^  passport expiry  2028-13-01 *$' || return
	wait_for "^ +'2028-13-01' is not a date \\(expected" || return
	k BTab
	k BSpace BSpace BSpace BSpace BSpace
	t 03-01; k Tab
	wait_for -v "is not a date" || return
	wait_for '^  passport expiry  2028-03-01 *$' || return
	t 2027-06-30; k Tab
	t 2027-01-15; k Tab
	# Languages: fr, Tab, fr: and the level.
	t fr; k Tab
	wait_for '^  languages        fr: *$' || return
	t "B2;en"; k Tab
	t C1; k Tab
	t bord; k Tab
	wait_for '^  themes           border-management *$' || return
	k Tab
	t "interviewing"; k Tab
	k Down Down Down Down
	wait_for -F '+ add a mission' || return
	k Enter
	wait_for '^  mission +country +start +end' || return
	t "EUBAM Raf"; k Tab
	wait_for '^  EUBAM Rafah *$' || return
	k Tab
	t PS; k Tab
	t 2019-03-01; k Tab
	t 2020-02-28; k Tab
	t Advisor; k Tab
	t bord; k Tab
	k F2
	wait_for "^added Chidi Okafor" || return
	echo "keystrokes for a new returnee: $n" >&2
	[ "$n" -le 300 ] && ok || bad "$n keystrokes for a new returnee"
	# The cursor is on them: Enter opens them.
	k Enter
	wait_for -l 1 '^Chidi Okafor' || return
	keys q
	wait_for -l 29 '^ 501/501 ' || return
	keys /
	typ Okafor
	keys Enter
	wait_for -l 29 '^ 1/501 ' || return
	wait_for '^  Okafor, Chidi ' || return
	keys q
	quit_with 0
	"$ROSTER" --db "$db" search --format csv Okafor >"$work/csv"
	for want in "Nat Police" "2028-03-01" "en:C1;fr:B2" "border-management" \
	    "interviewing" "chidi.okafor@example.org"; do
		grep -qF "$want" "$work/csv" && ok ||
		    bad "the saved person lacks $want: $(cat "$work/csv")"
	done
	id=$(ids "$db" Okafor)
	"$ROSTER" --db "$db" show "$id" | grep -q 'EUBAM Rafah' && ok ||
	    bad "the mission was not saved"
}

t_add
finish

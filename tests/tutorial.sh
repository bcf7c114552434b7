#!/bin/sh
# The course of roster-tutorial(7), followed as a trainee follows it: the
# commands and keys are read from the page's source by its markup (see the
# comment at the top of man/roster-tutorial.7), run lesson by lesson on a
# fresh demo pool, and what they print, or what the screen shows, is
# compared with what the page says the trainee will see.  The answers of
# a lesson's exercises are run at the end of that lesson, before the next
# one changes the pool.  Nothing is copied out of the page by hand, so the
# text a trainee reads cannot drift from what is checked.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

# Lesson 9 holds the database's lock as the page says: with sqlite3.
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: sqlite3 is needed to hold the database's lock" >&2
	exit 77
fi

# The date and the pool are those the page exports, as for a trainee.
unset ROSTER_TODAY ROSTER_DB
page=$top_srcdir/man/roster-tutorial.7
t=$work/course
mkdir -p "$t" "$work/pool"

# The page's markup to a script of steps; the commands and expected lines
# go to files of $t, numbered, so that no quoting is needed.
awk -v dir="$t" '
function unesc(s) {
	gsub(/\\\(aq/, "\047", s); gsub(/\\-/, "-", s); gsub(/\\&/, "", s)
	gsub(/\\\(en/, "\342\200\223", s); gsub(/\\\(->/, "\342\206\222", s)
	gsub(/\\\[u2026\]/, "\342\200\246", s)
	gsub(/\\e/, "\\", s)
	return s
}
# said: each key of a "keys" line is named in the text before it, as
# .Ic KEY (Esc for Escape) or .Li TEXT, so that the keys the page tells a
# trainee to press are those pressed.
function said(    rest, k, q) {
	rest = $0
	while (rest != "") {
		sub(/^ +/, "", rest)
		if (rest ~ /^"/) {
			q = index(substr(rest, 2), "\"")
			k = substr(rest, 2, q - 1); rest = substr(rest, q + 2)
		} else {
			k = rest; sub(/ .*/, "", k); rest = substr(rest, length(k) + 1)
		}
		if (k == "") continue
		if (k == "Escape") k = "Esc"
		if (index(prose "\n", "\n.Ic " k "\n") || index(prose, "\n.Ic " k " ") ||
		    index(prose "\n", "\n.Li " k "\n") || index(prose, "\n.Li " k " "))
			continue
		print "tutorial: line " FNR ": the text does not say to press " k > "/dev/stderr"
		bad = 1
	}
}
function step(s) { n++; lesson_of[n] = les; text[n] = s; is_ans[n] = ans }
function newfile(kind) { k++; return dir "/" kind "." k }
/^\.Sh LESSON [0-9]+/ { les = $3 + 0; next }
/^\.\\" exercise [0-9]+\.[0-9]+$/ { ex[$3] = FNR; next }
/^\.\\" run( [0-9]+)?$/ { mode = "run"; st = $3 == "" ? 0 : $3; ans = 0; next }
/^\.\\" answer [0-9]+\.[0-9]+( [0-9]+)?$/ {
	mode = "run"; st = $4 == "" ? 0 : $4; ans = 1; answered[$3] = FNR
	split($3, p, "."); les_save = les; les = p[1] + 0
	next
}
/^\.\\" answer [0-9]+\.[0-9]+ screen$/ {
	ans = 1; scrans = 1; answered[$3] = FNR
	split($3, p, "."); les_save = les; les = p[1] + 0
	next
}
/^\.\\" expect$/ { mode = "expect"; next }
/^\.\\" file [^ ]+$/ { mode = "file"; fname = $3; next }
/^\.\\" screen$/ { step("screen_start " FNR); next }
/^\.\\" keys / { f = newfile("keys"); sub(/^\.\\" keys /, ""); print > f; close(f)
	said(); prose = ""
	step("screen_keys " f " " FNR); next }
/^\.(Ic|Li) / { prose = prose "\n" $0 }
/^\.\\" exit [0-9]+$/ {
	step("screen_exit " $3 " " FNR)
	if (scrans) { les = les_save; ans = 0; scrans = 0 }
	next
}
/^\.\\" lock$/ { step("lock_on " FNR); next }
/^\.\\" unlock$/ { step("lock_off " FNR); next }
/^\.Bd -literal/ && mode != "" { inblock = 1; cmd = ""; next }
/^\.Bd -literal/ { shown = FNR; next }
shown && /^\.Ed/ { shown = 0; next }
shown && /^\$ / {
	print "tutorial: line " FNR ": a command the page shows but nobody runs" > "/dev/stderr"
	bad = 1
}
inblock && /^\.Ed/ {
	inblock = 0
	if (mode == "run" && cmd != "") { close(cf); close(ef) }
	if (mode == "expect") { close(ef); step("screen_expect " ef " " FNR) }
	if (mode == "file") { close(ef); step("write_file " ef " " fname " " FNR) }
	mode = ""; if (ans && !scrans) { les = les_save; ans = 0 }
	next
}
inblock && (mode == "expect" || mode == "file") {
	if (cmd == "") { ef = newfile(mode); cmd = "x" }
	print unesc($0) > ef; next
}
inblock && more { more = unesc($0) ~ /[\\|]$/; print unesc($0) > cf; next }
inblock && /^\$ / {
	if (cmd != "") { close(cf); close(ef) }
	cf = newfile("cmd"); ef = dir "/exp." k
	cmd = unesc(substr($0, 3)); print cmd > cf; printf "" > ef
	more = cmd ~ /[\\|]$/
	step("run_cmd " cf " " ef " " st " " FNR)
	next
}
inblock && cmd != "" { print unesc($0) > ef; next }
inblock { print "tutorial: " FNR ": output before any command" > "/dev/stderr"; bad = 1 }
END {
	for (e in ex) if (!(e in answered)) {
		print "tutorial: exercise " e " (line " ex[e] ") has no answer" > "/dev/stderr"; bad = 1 }
	for (e in answered) if (!(e in ex)) {
		print "tutorial: answer " e " (line " answered[e] ") has no exercise" > "/dev/stderr"; bad = 1 }
	for (l = 0; l <= 20; l++) {
		for (i = 1; i <= n; i++) if (lesson_of[i] == l && !is_ans[i]) print text[i]
		for (i = 1; i <= n; i++) if (lesson_of[i] == l && is_ans[i]) print text[i]
	}
	exit bad
}' "$page" >"$t/steps" || { bad "the markup of $page"; finish; exit; }

# The page fits a terminal of 80 columns: no display runs over the edge.
if [ -n "${MANDOC:-}" ]; then
	widest=$("$MANDOC" -Tutf8 -O width=80 "$page" | sed 's/.\x08//g' |
	    LC_ALL=C.UTF-8 wc -L)
	if [ "$widest" -le 80 ]; then
		ok
	else
		bad "the page is $widest columns wide at MANWIDTH=80"
		"$MANDOC" -Tutf8 -O width=80 "$page" | sed 's/.\x08//g' |
		    LC_ALL=C.UTF-8 awk 'length > 80' >&2
	fi
fi

# match EXP OUT: every line of EXP is a line of OUT ("foo..." a line that
# starts with foo, "...foo" one that ends with it, "...foo..." one that
# holds it; trailing blanks do not count); without a line "..." in
# EXP, OUT has no other line.  Prints what is missing.
match() {
	awk '
	{ sub(/[ \t]+$/, "") }
	FNR == NR { if ($0 == "...") gap = 1; else want[++w] = $0; next }
	{ got[++g] = $0 }
	END {
		for (i = 1; i <= w; i++) {
			s = want[i]; pre = s ~ /\.\.\.$/; suf = s ~ /^\.\.\./
			if (pre) { s = substr(s, 1, length(s) - 3); sub(/[ \t]+$/, "", s) }
			if (suf) s = substr(s, 4)
			for (j = 1; j <= g; j++)
				if (got[j] == s || (pre && !suf && index(got[j], s) == 1) ||
				    (pre && suf && index(got[j], s) > 0) ||
				    (suf && !pre && length(got[j]) >= length(s) &&
				    substr(got[j], length(got[j]) - length(s) + 1) == s))
					break
			if (j > g) { print "  missing: " want[i]; r = 1 }
		}
		if (!gap && w != g) { print "  " g " lines printed, the page shows " w; r = 1 }
		exit r
	}' "$1" "$2"
}

# The commands run in this shell, in the pool's directory, so that the
# page's export and cd hold for the next ones, as in the trainee's shell.
PATH=$(dirname "$ROSTER"):$PATH
export PATH
cd "$work/pool" || exit 99
run_cmd() {
	c=$(cat "$1")
	eval "$c" >"$work/out" 2>"$work/err" </dev/null
	rc=$?
	cat "$work/out" "$work/err" >"$work/both"
	if [ "$rc" != "$3" ]; then
		bad "line $4: '$c' exited $rc, the page says $3"
		sed 's/^/  /' "$work/both" >&2
	elif ! match "$2" "$work/both" >"$work/why"; then
		bad "line $4: '$c' printed what the page does not show"
		cat "$work/why" >&2
		sed 's/^/  printed: /' "$work/both" >&2
	else
		ok
	fi
}

# The screen: 80 columns by 24 lines, as the page promises, on the pool
# the page's ROSTER_DB names.
scr=0
pool() {
	case ${ROSTER_DB:-} in
	/*) echo "$ROSTER_DB" ;;
	*) echo "$PWD/${ROSTER_DB:-training.db}" ;;
	esac
}
screen_start() {
	scr=$((scr + 1))
	start "screen$scr" 80 24 ROSTER_DB="$(pool)" \
	    ${ROSTER_SENDMAIL:+"ROSTER_SENDMAIL=$ROSTER_SENDMAIL"} \
	    ${ROSTER_FROM:+"ROSTER_FROM=$ROSTER_FROM"} --
}
screen_keys() {
	eval "set -- $(cat "$1")"
	for k; do
		case $k in
		Enter|Escape|Tab|BTab|Up|Down|Left|Right|F2|Space|BSpace|NPage|PPage|C-?)
			keys "$k" ;;
		*)	typ "$k" ;;
		esac
	done
}
screen_expect() {
	while IFS= read -r l; do
		l=${l%...}
		wait_for -F "$l" || { bad "line $2: the screen lacks '$l'"; return; }
	done <"$1"
}
screen_exit() { quit_with "$1"; }
# A file the page has the trainee write with an editor.
write_file() {
	if cp "$1" "$2"; then ok; else bad "line $3: cannot write $2"; fi
}
lock_on() { lock_hold "$(pool)"; }
lock_off() { lock_release; }

while read -r what a b c d; do
	case $what in
	run_cmd) run_cmd "$a" "$b" "$c" "$d" ;;
	screen_start) screen_start ;;
	screen_keys) screen_keys "$a" "$b" ;;
	screen_expect) screen_expect "$a" "$b" ;;
	screen_exit) screen_exit "$a" ;;
	write_file) write_file "$a" "$b" "$c" ;;
	lock_on) lock_on ;;
	lock_off) lock_off ;;
	esac
done <"$t/steps"
stop
finish

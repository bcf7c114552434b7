# Helpers for the end-to-end tests of the full-screen interface: the real
# binary in a private tmux server, driven with send-keys and read back with
# capture-pane, in the manner of tmux's regress/ tests and fzf's
# test/lib/common.rb.  Every wait polls the screen every 0.1 s and gives up
# after 10 s, printing the screen; there are no fixed sleeps.
#
#   start NAME W H [VAR=VALUE...] -- ARGS...   run "$ROSTER ARGS" in a new
#                 W x H session NAME, in the directory $work/NAME, with a
#                 clean environment (TERM=screen, C.UTF-8, ROSTER_TODAY)
#   keys KEY...   tmux send-keys (key names: Enter, Escape, Up, C-a, '\;')
#   typ TEXT      tmux send-keys -l (literal text)
#   answer TEXT   TEXT typed over what the bar offers, then Enter
#   paste_text TEXT  TEXT pasted into the pane at once, as a terminal pastes
#   wait_for [-l LINE] [-F] [-v] PATTERN   until the screen (or line LINE)
#                 matches the extended regular expression (-F: the string;
#                 -v: until it no longer matches)
#   wait_fmt LABEL FORMAT VALUE   until a tmux format (#{cursor_x}) is VALUE
#   snap          capture the screen into $work/screen; line N prints line N
#   quit_with STATUS   wait for the program to exit and check its status,
#                 that the terminal was restored and that stderr is clean
#   stop          end the session
#
# The pools, made in $work: demo_pool (500 people, seed 1) in $db,
# fixture_pool (the CLI fixtures, wide and combining names, control
# characters) in $fdb; count DB FILTER... and ids DB FILTER... ask the CLI.

. "${top_srcdir:-.}/tests/e2e/lib.sh"

if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux is not installed" >&2
	exit 77
fi

if [ ! -x "$ROSTER" ]; then
	echo "ERROR: $ROSTER is not an executable" >&2
	exit 99
fi

export ROSTER_TODAY=2026-11-23
unset ROSTER_DB XDG_DATA_HOME NO_COLOR

# A private server whose socket goes with $work (tmux leaves its socket
# behind); under a long $TMPDIR, a uniquely named one in tmux's directory.
unset TMUX TMUX_PANE
sock=$work/tmux
if [ ${#sock} -le 90 ]; then
	tm() { tmux -S "$sock" -f /dev/null "$@"; }
else
	sock=roster-e2e-$$-$(basename "$work")
	tm() { tmux -L "$sock" -f /dev/null "$@"; }
fi
cleanup() {
	tm kill-server >/dev/null 2>&1
	case $sock in
	roster-e2e-*) rm -f "${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$sock" ;;
	esac
	rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' HUP INT TERM

# The server is started once and kept when its last session ends.  By
# default it exits then, and a new-session right after a kill-session can
# reach it while it is going away ("server exited unexpectedly", seen
# under make -j8 check).
if ! tm start-server \; set-option -s exit-empty off; then
	echo "ERROR: cannot start a tmux server on $sock" >&2
	exit 99
fi

# The launcher runs in the pane: it records the pid of the program (the
# inner shell execs it), its stderr, its exit status, and whether the
# terminal modes after it are those before it; then it keeps the pane open.
cat >"$work/launch.sh" <<'EOF'
dir=$1
shift
cd "$dir" || exit 125
before=$(stty -g)
sh -c 'echo $$ >pid; exec "$@" 2>stderr' launch "$@"
rc=$?
after=$(stty -g)
if [ "$before" = "$after" ]; then echo restored; else echo changed; fi >tty
echo "$rc" >rc.tmp && mv rc.tmp rc
echo "[exited $rc]"
read -r x
EOF

S=
D=
H=24

start() {
	S=$1 D=$work/$1 H=$3
	w=$2
	shift 3
	mkdir -p "$D"
	set -- env -i PATH="$PATH" HOME="$work" TERM=screen LC_ALL=C.UTF-8 \
	    TZ=UTC ROSTER_TODAY="$ROSTER_TODAY" \
	    ASAN_OPTIONS="${ASAN_OPTIONS:-}" UBSAN_OPTIONS="${UBSAN_OPTIONS:-}" \
	    LSAN_OPTIONS="${LSAN_OPTIONS:-}" "$@"
	# Move the VAR=VALUE words before "--" into env's list, then the program.
	n=$#
	while [ "$n" -gt 0 ]; do
		a=$1
		shift
		n=$((n - 1))
		if [ "$a" = -- ]; then
			set -- "$@" sh "$work/launch.sh" "$D" "$ROSTER"
		else
			set -- "$@" "$a"
		fi
	done
	tm new-session -d -s "$S" -x "$w" -y "$H" "$@"
}

keys() { tm send-keys -t "$S" "$@"; }
typ() { tm send-keys -t "$S" -l -- "$1"; }
answer() {
	keys C-u
	[ -z "$1" ] || typ "$1"
	keys Enter
}
paste_text() {
	printf '%s' "$1" >"$work/clip"
	tm load-buffer -b roster-paste "$work/clip"
	tm paste-buffer -d -b roster-paste -t "$S"
}
resize() {
	H=$2
	tm resize-window -t "$S" -x "$1" -y "$2"
}
fmt() { tm display-message -p -t "$S" "$1"; }

snap() { tm capture-pane -p -t "$S" >"$work/screen" 2>/dev/null; }
line() { sed -n "$1p" "$work/screen"; }
show_screen() {
	printf '  --- screen of %s ---\n' "$S" >&2
	awk '{ printf "  %2d|%s\n", NR, $0 }' "$work/screen" >&2
	if [ -s "$D/stderr" ]; then
		sed 's/^/  stderr: /' "$D/stderr" >&2
	fi
}

# A fixed string as an extended regular expression.
re() { printf '%s' "$1" | sed 's/[][\.*^$(){}?+|/]/\\&/g'; }

wait_for() {
	wl= wf=-E wv=
	while :; do
		case $1 in
		-l) wl=$2; shift 2 ;;
		-F) wf=-F; shift ;;
		-v) wv=1; shift ;;
		*) break ;;
		esac
	done
	i=0
	while :; do
		snap
		if [ -n "$wl" ]; then line "$wl"; else cat "$work/screen"; fi |
		    grep -q $wf -- "$1"
		r=$?
		if { [ $r -eq 0 ] && [ -z "$wv" ]; } || { [ $r -ne 0 ] && [ -n "$wv" ]; }; then
			ok
			return 0
		fi
		i=$((i + 1))
		if [ "$i" -ge 100 ] || exited; then
			bad "$S: $(exited && echo "the program exited ($(cat "$D/rc")) while ")waiting for ${wv:+the end of }${wl:+line $wl: }'$1'"
			show_screen
			return 1
		fi
		sleep 0.1
	done
}

# Whether the program has exited: waiting for the screen is then vain.
exited() { [ -f "$D/rc" ]; }

# wait_fmt LABEL FORMAT VALUE: until tmux's FORMAT (cursor_x, ...) is VALUE.
wait_fmt() {
	i=0
	while [ "$(fmt "$2")" != "$3" ]; do
		i=$((i + 1))
		if [ "$i" -ge 100 ]; then
			bad "$S: $1: '$2' is '$(fmt "$2")', expected '$3'"
			snap
			show_screen
			return 1
		fi
		sleep 0.1
	done
	ok
}

# check NAME GOT WANT
check() {
	if [ "$2" = "$3" ]; then
		ok
	else
		bad "$S: $1: got '$2', expected '$3'"
		return 1
	fi
}

# The status line (the last but one) and the message line (the last).
status_line() { line $((H - 1)); }

# The names on screen lines FROM..TO of the list ("Family, Given"; a tag
# mark and the columns from FREE on are cut off).
names() {
	sed -n "$1,$2p" "$work/screen" | sed -E 's/^[* ] //;
	    s/ +(now|-|[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{2}-[0-9]{2})( .*)?$//'
}

# The names of a search, as the CLI prints them: cli_names FROM TO DB ARGS...
cli_names() {
	cf=$1 ct=$2 cdb=$3
	shift 3
	"$ROSTER" --db "$cdb" search "$@" | sed -n "$((cf + 1)),$((ct + 1))p" |
	    sed -E 's/^[0-9a-f]{8}  //; s/  .*//'
}

# same_names LABEL FILE1 FILE2: the same names line by line, allowing
# either side to be cut short with an ellipsis.
same_names() {
	if [ "$(wc -l <"$2")" -ne "$(wc -l <"$3")" ] || [ ! -s "$2" ]; then
		bad "$S: $1: $(wc -l <"$2") names on screen, $(wc -l <"$3") expected"
		paste -d '|' "$2" "$3" | sed 's/^/  screen|expected: /' >&2
		show_screen
		return 1
	fi
	paste -d '\t' "$2" "$3" | {
		differ=0
		while IFS='	' read -r a b; do
			a=${a%…} b=${b%…}
			case $a in "$b"*) continue ;; esac
			case $b in "$a"*) continue ;; esac
			printf '  screen "%s", expected "%s"\n' "$a" "$b" >&2
			differ=1
		done
		exit $differ
	}
	if [ $? -eq 0 ]; then
		ok
	else
		bad "$S: $1: the names on screen differ"
		show_screen
		return 1
	fi
}

# Screen columns of text from the fixtures: combining marks (U+0300..036F)
# take none, the CJK and Hangul characters (lead bytes E3..ED) two, any
# other character one.  Prints one byte a column.
cols() {
	LC_ALL=C sed -e "s/$(printf '\314[\200-\277]')//g" \
	    -e "s/$(printf '\315[\200-\257]')//g" \
	    -e "s/$(printf '[\343-\355][\200-\277][\200-\277]')/WW/g" |
	    LC_ALL=C tr -d '\200-\277'
}

# char_at COL: the character shown at screen column COL (from 0) of the
# text on stdin, by the same widths as cols; nothing for a blank past the
# end.
char_at() {
	LC_ALL=C awk -v want="$1" '
	    BEGIN { for (i = 1; i < 256; i++) ord[sprintf("%c", i)] = i }
	    {
		col = 0
		for (i = 1; i <= length($0); i += len) {
			b = ord[substr($0, i, 1)]
			len = b >= 240 ? 4 : b >= 224 ? 3 : b >= 192 ? 2 : 1
			w = b >= 227 && b <= 237 ? 2 : 1
			if (b == 204 || (b == 205 && ord[substr($0, i + 1, 1)] < 176))
				w = 0
			if (col == want && w > 0) {
				printf "%s", substr($0, i, len)
				exit
			}
			col += w
		}
	    }'
}

# wait_cursor_on LABEL LINE CHAR: until the cursor is on line LINE, on a
# cell that shows CHAR (the empty string: past the end of the text).
wait_cursor_on() {
	i=0
	while :; do
		snap
		xy=$(fmt '#{cursor_x} #{cursor_y}')
		if [ "${xy#* }" = $(($2 - 1)) ] &&
		    [ "$(line "$2" | char_at "${xy% *}")" = "$3" ]; then
			ok
			return 0
		fi
		i=$((i + 1))
		if [ "$i" -ge 100 ] || exited; then
			bad "$S: $1: the cursor (column ${xy% *}, line $((${xy#* } + 1))) is on '$(line "$2" | char_at "${xy% *}")', expected '$3'"
			show_screen
			return 1
		fi
		sleep 0.1
	done
}

# A sanitizer report or any trace of one on stderr is a failure.
clean_stderr() {
	if grep -Eq 'Sanitizer|runtime error|SUMMARY:' "$D/stderr" 2>/dev/null; then
		bad "$S: sanitizer report on stderr"
		sed 's/^/  stderr: /' "$D/stderr" >&2
		return 1
	fi
	ok
}

quit_with() {
	i=0
	while [ ! -f "$D/rc" ]; do
		i=$((i + 1))
		if [ "$i" -ge 100 ]; then
			bad "$S: the program did not exit"
			snap
			show_screen
			stop
			return 1
		fi
		sleep 0.1
	done
	check "exit status" "$(cat "$D/rc")" "$1"
	check "terminal modes after exit" "$(cat "$D/tty")" restored
	# Out of the alternate screen, cursor shown, keypad and mouse off.
	wait_fmt "terminal state after exit" \
	    '#{alternate_on} #{cursor_flag} #{keypad_cursor_flag} #{mouse_any_flag}' \
	    "0 1 0 0"
	clean_stderr
	stop
}

stop() { tm kill-session -t "$S" >/dev/null 2>&1; }

demo() { "$ROSTER" demo --size 500 --seed 1 "$1" 2>/dev/null; }
count() { cdb=$1; shift; "$ROSTER" --db "$cdb" search --format ids "$@" | wc -l | tr -d ' '; }
ids() { cdb=$1; shift; "$ROSTER" --db "$cdb" search --format ids "$@"; }

demo_pool() {
	db=$work/demo.db
	demo "$db" || bad "roster demo failed"
	all=$(count "$db")
	[ "$all" = 500 ] && ok || bad "the demo pool has $all people, expected 500"
}

# Control characters are put in with sqlite3 (import refuses them, as it
# should).
fixture_pool() {
	fdb=$work/fixture.db
	"$ROSTER" --db "$fdb" import "$fix/people.csv" "$fix/missions.csv" \
	    "$fix/tui-people.csv" 2>"$work/err" || bad "fixture import: $(cat "$work/err")"
	if command -v sqlite3 >/dev/null 2>&1; then
		sqlite3 "$fdb" "UPDATE person SET
		    given_name = 'Eve' || char(27) || '[2J' || char(27) || ']0;pwned' ||
		        char(7) || char(155) || '2J',
		    notes = 'x' || char(27) || '[31mred'
		    WHERE id = 'a0000005-0000-4000-8000-000000000005'" ||
		    bad "sqlite3 could not update the fixture"
	else
		bad "sqlite3 is needed to put control characters in the fixture"
	fi
}

# open_person FILTER ID: the one person FILTER finds, opened from the list.
open_person() {
	wait_for -l $((H - 1)) '^ [0-9]+/[0-9]+ ' || return
	keys /
	typ "$1"
	keys Enter
	wait_for -l $((H - 1)) '^ 1/' || return
	keys Enter
	wait_for "^Id +$2$"
}

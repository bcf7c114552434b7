# Helpers for the end-to-end tests: run the built binary, compare with
# golden files, and count.  ROSTER_BLESS=1 rewrites the golden files from
# what the binary prints (review the diff before committing them).

: "${ROSTER:=./roster}"
: "${top_srcdir:=.}"
fix=$top_srcdir/tests/e2e/fixtures
exp=$top_srcdir/tests/e2e/expected
work=$(mktemp -d "${TMPDIR:-/tmp}/roster-e2e.XXXXXX")
trap 'rm -rf "$work"' EXIT
pass=0
failed=0

ok() { pass=$((pass + 1)); }
bad() {
	failed=$((failed + 1))
	printf 'FAIL: %s\n' "$*" >&2
}

# run STATUS NAME COMMAND...: stdout to $work/out, stderr to $work/err.
run() {
	want=$1 name=$2
	shift 2
	"$@" >"$work/out" 2>"$work/err"
	got=$?
	if [ "$got" = "$want" ]; then
		ok
	else
		bad "$name: exit status $got, expected $want"
		sed 's/^/  stderr: /' "$work/err" >&2
	fi
}

# golden FILE: stdout of the last run must equal expected/FILE.
golden() {
	if [ "${ROSTER_BLESS:-}" = 1 ]; then
		cp "$work/out" "$exp/$1"
	fi
	if diff -u "$exp/$1" "$work/out" >"$work/diff"; then
		ok
	else
		bad "$1: output differs from the golden file"
		cat "$work/diff" >&2
	fi
}

# says NAME TEXT: stderr of the last run must contain TEXT.
says() {
	if grep -qF -- "$2" "$work/err"; then
		ok
	else
		bad "$1: stderr lacks: $2"
		sed 's/^/  stderr: /' "$work/err" >&2
	fi
}

# same NAME A B: two files must be byte-identical.
same() {
	if cmp -s "$2" "$3"; then
		ok
	else
		bad "$1: $2 and $3 differ"
		diff -u "$2" "$3" | head -20 >&2
	fi
}

# stamps: the times of day in the last run's stdout become T, for goldens.
stamps() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z/T/g' "$work/out" \
    >"$work/out.t" && mv "$work/out.t" "$work/out"; }

finish() {
	printf '%d passed, %d failed\n' "$pass" "$failed"
	[ "$failed" -eq 0 ]
}

# lock_hold DB: another process takes DB's write lock, as an import
# does (sqlite3 in BEGIN IMMEDIATE), and keeps it; lock_release [SECS]
# lets it go, at once or after SECS seconds in the background, and
# lock_wait waits for the holder to end.  Needs sqlite3.
lock_hold() {
	rm -f "$work/lock.fifo" "$work/lock.out"
	mkfifo "$work/lock.fifo"
	sqlite3 "$1" <"$work/lock.fifo" >"$work/lock.out" 2>&1 &
	lock_pid=$!
	exec 3>"$work/lock.fifo"
	printf "BEGIN IMMEDIATE;\nSELECT 'locked';\n" >&3
	i=0
	while ! grep -q locked "$work/lock.out" 2>/dev/null; do
		i=$((i + 1))
		if [ "$i" -ge 100 ]; then
			bad "sqlite3 did not take the lock"
			return 1
		fi
		sleep 0.1
	done
}
lock_release() {
	( sleep "${1:-0}"; printf 'COMMIT;\n' >&3 ) &
	exec 3>&-
	[ -n "${1:-}" ] || lock_wait
}
lock_wait() { wait "$lock_pid"; }

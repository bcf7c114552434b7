#!/bin/sh
# Pools in step by changeset files: roster changes writes what changed
# after a mark, roster apply brings it into another pool by the merge
# rules.  Every refusal leaves the database as it was (sqlite3 .dump
# before and after).
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
unset XDG_DATA_HOME ROSTER_DB
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: sqlite3 is needed to compare databases" >&2
	exit 77
fi
A=$work/a.db B=$work/b.db C=$work/c.db

# unchanged NAME DB: DB is as it was when dump DB was last run.
dump() { sqlite3 "$1" .dump >"$work/dump.before"; }
unchanged() {
	sqlite3 "$2" .dump >"$work/dump.after"
	if cmp -s "$work/dump.before" "$work/dump.after"; then
		ok
	else
		bad "$1: the database changed"
		diff "$work/dump.before" "$work/dump.after" | head -10 >&2
	fi
}
# prints NAME TEXT: stdout of the last run must be TEXT.
prints() {
	if [ "$(cat "$work/out")" = "$2" ]; then
		ok
	else
		bad "$1: printed '$(cat "$work/out")', expected '$2'"
	fi
}
q() { sqlite3 "$@"; }

"$ROSTER" --db "$A" import "$fix/people.csv" 2>/dev/null ||
    bad "import into A failed"

# A pool without a name cannot say where its changes come from.
run 1 changes-unnamed "$ROSTER" --db "$A" changes --since all -o \
    "$work/a1.changes"
says changes-unnamed "give it one first (roster pool name NAME)"
[ -e "$work/a1.changes" ] && bad "changes-unnamed: a file was written" || ok

"$ROSTER" --db "$A" pool name KMar 2>/dev/null || bad "pool name failed"
n=$(q "$A" "SELECT n FROM change_counter")
people=$(q "$A" "SELECT count(*) FROM person")
run 0 changes-all "$ROSTER" --db "$A" changes --since all -o \
    "$work/a1.changes"
prints changes-all "KMar: changes 0 to $n: $people people, 0 deployments,\
 0 erased, written to $work/a1.changes (next time: --since $n)"
[ "$(stat -c %a "$work/a1.changes")" = 600 ] && ok ||
    bad "changes-all: the file is not 0600"
head -n 1 "$work/a1.changes" | grep -q "^roster-changeset 1 schema 5 bytes" &&
    ok || bad "changes-all: no header line"

# What changed after a mark, and nothing after the last.
"$ROSTER" --db "$A" person set "$(q "$A" "SELECT id FROM person
    ORDER BY pk LIMIT 1")" phone="+31 6 1234 5678" >/dev/null 2>&1 ||
    bad "person set failed"
run 0 changes-since "$ROSTER" --db "$A" changes --since "$n" --output \
    "$work/a2.changes"
n2=$((n + 1))
prints changes-since "KMar: changes $n to $n2: 1 person, 0 deployments,\
 0 erased, written to $work/a2.changes (next time: --since $n2)"
run 0 changes-none "$ROSTER" --db "$A" changes --since "$n2" -o \
    "$work/a3.changes"
prints changes-none "KMar: changes $n2 to $n2: 0 people, 0 deployments,\
 0 erased, written to $work/a3.changes (next time: --since $n2)"

# Refused: a mark past the pool's number, not a number, the database
# itself, a directory, a device.  Nothing written, nothing changed.
dump "$A"
run 2 changes-past "$ROSTER" --db "$A" changes --since 999 -o "$work/x"
says changes-past "--since 999: this pool's changes go up to $n2"
run 2 changes-nan "$ROSTER" --db "$A" changes --since -3 -o "$work/x"
says changes-nan "expected a change number (0 or more) or all"
run 2 changes-db "$ROSTER" --db "$A" changes --since 0 -o "$A"
says changes-db "is the database itself"
run 2 changes-dir "$ROSTER" --db "$A" changes --since 0 -o "$work"
says changes-dir "is a directory"
run 2 changes-dev "$ROSTER" --db "$A" changes --since 0 -o /dev/null
says changes-dev "is not a regular file"
[ -e "$work/x" ] && bad "changes refused: a file was written" || ok
unchanged changes-refused "$A"

finish

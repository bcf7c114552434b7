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
# commas N: "1,234".
commas() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

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
head -n 1 "$work/a1.changes" | grep -q "^roster-changeset 1 schema 8 bytes" &&
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

# --- roster apply ---
# B (Politie) and C (Douane) have people of their own.
addp() { "$ROSTER" --db "$1" person add --family "$2" --given "$3" \
    >/dev/null 2>&1 || bad "person add $2 failed"; }
addp "$B" Jansen Bert
"$ROSTER" --db "$B" pool name Politie 2>/dev/null || bad "pool name B failed"
addp "$C" Lefèvre Claire
"$ROSTER" --db "$C" pool name Douane 2>/dev/null || bad "pool name C failed"
cnt() { q "$1" "SELECT count(*) FROM person"; }
bpeople=$(cnt "$B")

# A to B: A's people are added, and B knows A's mark.
run 0 apply-a1 "$ROSTER" --db "$B" apply "$work/a1.changes"
grep -q "^KMar: $people added" "$work/out" && ok ||
    bad "apply-a1: no tally: $(cat "$work/out")"
[ "$(cnt "$B")" = $((bpeople + people)) ] && ok ||
    bad "apply-a1: B has $(cnt "$B") people"
[ "$(q "$B" "SELECT mark FROM pool WHERE name = 'KMar'")" = "$n" ] && ok ||
    bad "apply-a1: B's mark of KMar is not $n"

# Applied twice: refused, nothing changed.
dump "$B"
run 1 apply-twice "$ROSTER" --db "$B" apply "$work/a1.changes"
says apply-twice "already applied"
unchanged apply-twice "$B"
# A dry run changes nothing either.
run 0 apply-dry "$ROSTER" --db "$B" apply --dry-run "$work/a2.changes"
grep -q "dry run: nothing was changed" "$work/out" &&
    ok || bad "apply-dry: $(cat "$work/out")"
unchanged apply-dry "$B"

# Out of order: a4 (after n2) before a2 (n to n2) is refused, naming
# the marks and what to apply first.
id1=$(q "$A" "SELECT id FROM person ORDER BY pk LIMIT 1")
"$ROSTER" --db "$A" person set "$id1" phone="+31 6 2222 3333" \
    >/dev/null 2>&1 || bad "person set failed"
"$ROSTER" --db "$A" changes --since "$n2" -o "$work/a4.changes" \
    >/dev/null || bad "changes a4 failed"
run 2 apply-order "$ROSTER" --db "$B" apply "$work/a4.changes"
says apply-order "out of order"
says apply-order "--since $n first"
unchanged apply-order "$B"
run 0 apply-a2 "$ROSTER" --db "$B" apply "$work/a2.changes"
run 0 apply-a4 "$ROSTER" --db "$B" apply "$work/a4.changes"
[ "$(q "$B" "SELECT phone FROM person WHERE id = '$id1'")" = \
    "+31 6 2222 3333" ] && ok || bad "apply-a4: the phone did not travel"

# Damaged files: cut short, a byte changed, not a changeset, empty, from
# a newer schema, from this pool itself.  Exit 2, B as it was.
"$ROSTER" --db "$A" person set "$id1" phone="+31 6 4444 5555" \
    >/dev/null 2>&1 || bad "person set failed"
"$ROSTER" --db "$A" changes --since "$((n2 + 1))" -o "$work/a5.changes" \
    >/dev/null || bad "changes a5 failed"
size=$(wc -c <"$work/a5.changes")
head -c $((size - 7)) "$work/a5.changes" >"$work/cut.changes"
dump "$B"
run 2 apply-cut "$ROSTER" --db "$B" apply "$work/cut.changes"
says apply-cut "cut.changes: cut short: $(commas $((size - 7))) of\
 $(commas "$size") bytes"
unchanged apply-cut "$B"
# One byte of the body changed (its last: a value, not the framing).
{ head -c $((size - 1)) "$work/a5.changes"; printf 'Z'; } \
    >"$work/flip.changes"
run 2 apply-flip "$ROSTER" --db "$B" apply "$work/flip.changes"
says apply-flip "flip.changes: damaged (checksum)"
unchanged apply-flip "$B"
printf 'id,family_name\n' >"$work/junk.changes"
run 2 apply-junk "$ROSTER" --db "$B" apply "$work/junk.changes"
says apply-junk "junk.changes: not a roster changeset"
unchanged apply-junk "$B"
: >"$work/empty.changes"
run 2 apply-empty "$ROSTER" --db "$B" apply "$work/empty.changes"
says apply-empty "empty.changes: empty"
unchanged apply-empty "$B"
run 2 apply-missing "$ROSTER" --db "$B" apply "$work/nothing.changes"
unchanged apply-missing "$B"
# A newer roster's: the header says schema 99, its checksum made to
# match, so that only the schema is wrong.
hl=$(head -n 1 "$work/a5.changes" | wc -c)
blen=$((size - hl))
head99="roster-changeset 1 schema 99 bytes $blen"
sum=$({ printf '%s' "$head99"; tail -c "$blen" "$work/a5.changes"; } |
    sha256sum | cut -d' ' -f1)
{ printf '%s sha256 %s\n' "$head99" "$sum"
  tail -c "$blen" "$work/a5.changes"; } >"$work/new.changes"
run 2 apply-newer "$ROSTER" --db "$B" apply "$work/new.changes"
says apply-newer "new.changes: made by a newer roster (schema 99;"
unchanged apply-newer "$B"
dump "$A"
run 2 apply-own "$ROSTER" --db "$A" apply "$work/a5.changes"
unchanged apply-own "$A"
run 0 apply-a5 "$ROSTER" --db "$B" apply "$work/a5.changes"

# Erase travels: erased in A, erased in B when B applies A's changes;
# neither an old changeset nor a merge of an old copy of A brings the
# person back.
cp "$A" "$work/a-old.db"
gone=22222222-2222-4222-8222-222222222222
an=$(q "$A" "SELECT n FROM change_counter")
"$ROSTER" --db "$A" erase "$gone" >/dev/null 2>&1 || bad "erase failed"
run 0 erase-changes "$ROSTER" --db "$A" changes --since "$an" -o \
    "$work/a6.changes"
grep -q ", 1 erased," "$work/out" && ok || bad "erase-changes: $(cat \
    "$work/out")"
run 0 erase-apply "$ROSTER" --db "$B" apply "$work/a6.changes"
[ "$(q "$B" "SELECT count(*) FROM person WHERE id = '$gone'")" = 0 ] &&
    ok || bad "erase-apply: the person is still in B"
[ "$(q "$B" "SELECT count(*) FROM erased WHERE id = '$gone'")" = 1 ] &&
    ok || bad "erase-apply: no tombstone in B"
run 1 erase-old-file "$ROSTER" --db "$B" apply "$work/a1.changes"
run 0 erase-old-merge "$ROSTER" --db "$B" merge "$work/a-old.db"
[ "$(q "$B" "SELECT count(*) FROM person WHERE id = '$gone'")" = 0 ] &&
    ok || bad "erase-old-merge: the erased person came back"

# Three pools: A and C send to the hub B, B sends back to both; then
# all three hold the same people.
run 0 three-c "$ROSTER" --db "$C" changes --since all -o "$work/c1.changes"
run 0 three-c-apply "$ROSTER" --db "$B" apply "$work/c1.changes"
run 0 three-b "$ROSTER" --db "$B" changes --since all -o "$work/b1.changes"
run 0 three-b-a "$ROSTER" --db "$A" apply "$work/b1.changes"
run 0 three-b-c "$ROSTER" --db "$C" apply "$work/b1.changes"
ids() { q "$1" "SELECT id || ' ' || origin FROM person ORDER BY id"; }
ids "$A" >"$work/ids.a"
ids "$B" >"$work/ids.b"
ids "$C" >"$work/ids.c"
same three-ab "$work/ids.a" "$work/ids.b"
same three-bc "$work/ids.b" "$work/ids.c"
[ "$(q "$A" "SELECT count(*) FROM person WHERE family_name =
    'Lefèvre' AND origin = 'Douane'")" = 1 ] && ok ||
    bad "three: C's person did not reach A"

# Edited on both sides: B's later edit wins, A's value is listed lost.
# A's changes since those B has (A's own count moved on as it applied
# B's).
an=$(q "$B" "SELECT mark FROM pool WHERE name = 'KMar'")
# Both edits after B last heard from A, to the second.
sleep 1
"$ROSTER" --db "$A" person set "$id1" phone="+31 6 7777 0000" \
    >/dev/null 2>&1 || bad "person set A failed"
sleep 1
"$ROSTER" --db "$B" person set "$id1" phone="+31 6 8888 0000" \
    >/dev/null 2>&1 || bad "person set B failed"
"$ROSTER" --db "$A" changes --since "$an" -o "$work/a7.changes" \
    >/dev/null || bad "changes a7 failed"
run 0 both-apply "$ROSTER" --db "$B" apply "$work/a7.changes"
grep -q "conflicts" "$work/out" && grep -q "+31 6 7777 0000" "$work/out" &&
    ok || bad "both-apply: no conflict listed: $(cat "$work/out")"
[ "$(q "$B" "SELECT phone FROM person WHERE id = '$id1'")" = \
    "+31 6 8888 0000" ] && ok || bad "both-apply: the newer edit lost"

# Into a pool not made yet (a new pool's first changeset, --since all):
# made by the apply, but not by a dry run or an apply that fails.
run 0 new-dry "$ROSTER" --db "$work/new/one.db" apply --dry-run \
    "$work/a1.changes"
[ ! -e "$work/new" ] && ok || bad "new-dry: left $(ls "$work/new")"
echo junk >"$work/junk.changes"
run 2 new-bad "$ROSTER" --db "$work/new/one.db" apply "$work/junk.changes"
[ ! -e "$work/new" ] && ok || bad "new-bad: left $(ls "$work/new")"
# Refused after the pool was made (a theme it lacks): taken away again.
V=$work/v.db
{ "$ROSTER" --db "$V" person add --family Zee --given Anna &&
    "$ROSTER" --db "$V" vocab add theme sea-rescue 'Sea rescue' &&
    "$ROSTER" --db "$V" person set "$(q "$V" "SELECT id FROM person")" \
    +themes=sea-rescue && "$ROSTER" --db "$V" pool name Zee &&
    "$ROSTER" --db "$V" changes --since all -o "$work/v.changes"; } \
    >/dev/null 2>&1 || bad "the sea-rescue changeset failed"
run 2 new-vocab "$ROSTER" --db "$work/new/one.db" apply "$work/v.changes"
[ ! -e "$work/new" ] && ok || bad "new-vocab: left $(ls "$work/new")"
run 0 new "$ROSTER" --db "$work/new/one.db" apply "$work/a1.changes"
[ "$(cnt "$work/new/one.db")" = "$people" ] && ok ||
    bad "new: $(cnt "$work/new/one.db") people, not $people"
[ "$(stat -c %a "$work/new/one.db")" = 600 ] && ok || bad "new: not 0600"

finish

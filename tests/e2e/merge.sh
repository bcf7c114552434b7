#!/bin/sh
# roster merge end to end: two and three agencies' demo pools become one
# without losing or doubling anyone, conflicting edits keep the later one
# and list the conflict, an export directory merges with --origin, the
# other pool's file is only read, and every bad input is exit 2 with the
# database unchanged.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
unset ROSTER_DB XDG_DATA_HOME
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: sqlite3 is needed to read the pools" >&2
	exit 77
fi
export TMPDIR="$work/tmp"
mkdir "$TMPDIR"

# pool FILE NAME SIZE SEED: a demo pool of that name.
pool() {
	"$ROSTER" demo --size "$3" --seed "$4" "$1" 2>/dev/null ||
	    bad "demo $1"
	"$ROSTER" --db "$1" pool name "$2" 2>/dev/null || bad "name $1"
}
people() { sqlite3 "$1" "SELECT count(*) FROM person"; }
ids() { sqlite3 "$1" "SELECT count(DISTINCT id) FROM person"; }
dump() { sqlite3 "$1" .dump >"$2"; }

pool "$work/kmar.db" KMar 40 1
pool "$work/politie.db" Politie 50 2
pool "$work/fiod.db" FIOD 60 3

# Two pools: KMar's 40 into Politie's 50.
run 0 two "$ROSTER" --db "$work/politie.db" merge "$work/kmar.db"
grep -qx 'KMar: 40 added, 0 updated, 0 unchanged, 0 conflicting' \
    "$work/out" && ok || bad "two: $(cat "$work/out")"
[ "$(people "$work/politie.db")" = 90 ] && ok || bad "two: not 90 people"
# The other pool is only read, and no private copy is left.
[ -z "$(ls "$TMPDIR")" ] && ok || bad "two: left in TMPDIR: $(ls "$TMPDIR")"

# Three: Politie (holding KMar's) into FIOD, then KMar again: 150 people,
# each once.
run 0 three "$ROSTER" --db "$work/fiod.db" merge "$work/politie.db"
grep -q '^KMar: 40 added' "$work/out" && ok || bad "three: KMar"
grep -q '^Politie: 50 added' "$work/out" && ok || bad "three: Politie"
run 0 three-again "$ROSTER" --db "$work/fiod.db" merge "$work/kmar.db"
grep -qx 'KMar: 0 added, 0 updated, 40 unchanged, 0 conflicting' \
    "$work/out" && ok || bad "three-again: $(cat "$work/out")"
[ "$(people "$work/fiod.db")" = 150 ] && ok || bad "three: not 150"
[ "$(ids "$work/fiod.db")" = 150 ] && ok || bad "three: doubled"
[ "$(sqlite3 "$work/fiod.db" "SELECT count(*) FROM person WHERE
    origin = 'KMar'")" = 40 ] && ok || bad "three: KMar's origin"

# Meeting again changes nothing at all.
dump "$work/fiod.db" "$work/before"
run 0 again "$ROSTER" --db "$work/fiod.db" merge "$work/politie.db"
dump "$work/fiod.db" "$work/after"
same again "$work/before" "$work/after"

# Both sides change one person: the later change wins and is listed.
anna=$(sqlite3 "$work/kmar.db" "SELECT id FROM person ORDER BY id LIMIT 1")
who=$(sqlite3 "$work/kmar.db" "SELECT given_name || ' ' || family_name
    FROM person WHERE id = '$anna'")
sqlite3 "$work/kmar.db" "UPDATE person SET phone = '+31 6 1111 1111',
    updated = '2099-01-01T00:00:00Z' WHERE id = '$anna'"
sqlite3 "$work/fiod.db" "UPDATE person SET phone = '+31 6 2222 2222',
    updated = '2099-01-02T00:00:00Z' WHERE id = '$anna'"
run 0 conflict "$ROSTER" --db "$work/kmar.db" merge "$work/fiod.db"
grep -q "^  $who: phone: kept \"+31 6 2222 2222\" (FIOD)" "$work/out" &&
    ok || bad "conflict: $(cat "$work/out")"
grep -q '^    lost "+31 6 1111 1111" (KMar)' "$work/out" && ok ||
    bad "conflict: the loser"
[ "$(sqlite3 "$work/kmar.db" "SELECT phone || ' ' || updated FROM person
    WHERE id = '$anna'")" = "+31 6 2222 2222 2099-01-02T00:00:00Z" ] &&
    ok || bad "conflict: the later change not kept"
[ "$(people "$work/kmar.db")" = 150 ] && ok || bad "conflict: not 150"

# A value from data is shown, never sent: an escape in a conflict's note.
sqlite3 "$work/kmar.db" "UPDATE person SET notes = 'red' || char(27) ||
    '[31m', updated = '2099-02-01T00:00:00Z' WHERE id = '$anna'"
sqlite3 "$work/fiod.db" "UPDATE person SET notes = 'bell' || char(7),
    updated = '2099-02-02T00:00:00Z' WHERE id = '$anna'"
run 0 control "$ROSTER" --db "$work/kmar.db" merge "$work/fiod.db"
grep -q "$(printf '[\033\007]')" "$work/out" && bad "control: sent raw" ||
    ok
grep -q 'notes: kept "bell^G" (FIOD)' "$work/out" && ok ||
    bad "control: $(cat "$work/out")"

# A dry run says what it would do and changes nothing.
pool "$work/dry.db" Douane 10 4
dump "$work/fiod.db" "$work/before"
run 0 dry "$ROSTER" --db "$work/fiod.db" merge --dry-run "$work/dry.db"
grep -q '^Douane: 10 added' "$work/out" && ok || bad "dry: $(cat "$work/out")"
grep -qx 'dry run: nothing was changed' "$work/out" && ok || bad "dry: said"
dump "$work/fiod.db" "$work/after"
same dry "$work/before" "$work/after"

# An export directory: each record's origin from its origin column, or,
# from a pool without a name, from --origin.
"$ROSTER" --db "$work/dry.db" export "$work/export" 2>/dev/null ||
    bad "export"
"$ROSTER" demo --size 5 --seed 5 "$work/anon.db" 2>/dev/null || bad "anon"
"$ROSTER" --db "$work/anon.db" export "$work/export-anon" 2>/dev/null ||
    bad "export-anon"
pool "$work/fresh.db" Fresh 0 1
run 0 export "$ROSTER" --db "$work/fresh.db" merge "$work/export"
grep -q '^Douane: 10 added' "$work/out" && ok || bad "export: $(cat "$work/out")"
run 0 export-origin "$ROSTER" --db "$work/fresh.db" merge --origin Zoll \
    "$work/export-anon"
grep -q '^Zoll: 5 added' "$work/out" && ok ||
    bad "export-origin: $(cat "$work/out")"
[ "$(sqlite3 "$work/fresh.db" "SELECT count(*) FROM person WHERE
    origin = 'Zoll'")" = 5 ] && ok || bad "export-origin: not Zoll's"

# A pool an older roster made (schema 4, before pools had names): its
# private copy is upgraded, the file itself left as it was.
"$ROSTER" demo --size 20 --seed 9 "$work/old.db" 2>/dev/null || bad "old"
sqlite3 "$work/old.db" "SELECT 'DROP TRIGGER ' || name || ';' FROM
    sqlite_schema WHERE type = 'trigger' AND name NOT LIKE 'audit%'" |
    sqlite3 "$work/old.db"
sqlite3 "$work/old.db" "DROP TABLE term; DROP TABLE term_dirty; DROP TABLE
    term_state; DROP INDEX person_origin; DROP INDEX
    deployment_id; DROP TABLE person_alias; DROP TABLE not_same; DROP
    TABLE pool; DROP TABLE change_counter; DROP TABLE changed; ALTER TABLE
    person DROP COLUMN origin; ALTER TABLE deployment DROP COLUMN origin;
    ALTER TABLE deployment DROP COLUMN id; ALTER TABLE deployment DROP
    COLUMN updated; ALTER TABLE erased DROP COLUMN seq; DELETE FROM
    setting WHERE key IN ('pool_id', 'pool_name'); PRAGMA user_version = 4"
cp "$work/old.db" "$work/old.copy"
run 0 old "$ROSTER" --db "$work/fresh.db" merge --origin Oud "$work/old.db"
grep -q '^Oud: 20 added' "$work/out" && ok || bad "old: $(cat "$work/out")"
same old-untouched "$work/old.db" "$work/old.copy"

# Bad input: exit 2, the pool unchanged.
cp "$work/kmar.db" "$work/newer.db"
sqlite3 "$work/newer.db" "PRAGMA user_version = 99"
sqlite3 "$work/plain.db" "CREATE TABLE t(x)"
printf 'not a database at all, just some text to read\n' >"$work/junk.db"
mkdir "$work/empty"
cp "$work/politie.db" "$work/sea.db"
sqlite3 "$work/sea.db" "INSERT INTO theme(slug, label) VALUES
    ('sea-rescue', 'Sea rescue'); INSERT INTO person_theme(person, slug)
    SELECT pk, 'sea-rescue' FROM person LIMIT 1;
    UPDATE person SET updated = '2099-01-03T00:00:00Z' WHERE pk =
    (SELECT min(pk) FROM person)"
# An id with more after a UUID must not be cut to another person's.
cp "$work/politie.db" "$work/longid.db"
sqlite3 "$work/longid.db" "UPDATE person SET id = (SELECT id FROM person
    ORDER BY pk LIMIT 1) || 'zz' WHERE pk = (SELECT max(pk) FROM person)"
cp "$work/politie.db" "$work/badid.db"
sqlite3 "$work/badid.db" "INSERT INTO erased(id, at) VALUES ('p-1',
    '2026-01-01T00:00:00Z')"
cp "$work/politie.db" "$work/baddate.db"
sqlite3 "$work/baddate.db" "UPDATE person SET passport_expiry = 'soon'
    WHERE pk = (SELECT min(pk) FROM person)"
cp "$work/politie.db" "$work/baddeploy.db"
"$ROSTER" --db "$work/baddeploy.db" deploy create "Op Late" --country ML \
    --start 2026-12-01 >/dev/null 2>&1 || bad "deploy create"
sqlite3 "$work/baddeploy.db" "UPDATE deployment SET start = 'later'"
dump "$work/fiod.db" "$work/before"
run 2 bad-deploy-date "$ROSTER" --db "$work/fiod.db" merge \
    "$work/baddeploy.db"
says bad-deploy-date "deployment 'Op Late': start 'later' is not valid"
run 2 bad-date "$ROSTER" --db "$work/fiod.db" merge "$work/baddate.db"
says bad-date "passport_expiry 'soon' is not valid"
# The message names the person, not a bare id.
name=$(sqlite3 "$work/baddate.db" "SELECT given_name || ' ' || family_name
    FROM person WHERE pk = (SELECT min(pk) FROM person)")
says bad-date-name "$name ("
run 2 long-id "$ROSTER" --db "$work/fiod.db" merge "$work/longid.db"
says long-id "damaged: an id of its people is not a UUID"
run 2 bad-id "$ROSTER" --db "$work/fiod.db" merge "$work/badid.db"
says bad-id "damaged: an id of its erased ids is not a UUID"
run 2 itself "$ROSTER" --db "$work/fiod.db" merge "$work/fiod.db"
says itself "is the pool being merged into"
run 2 newer "$ROSTER" --db "$work/fiod.db" merge "$work/newer.db"
says newer "made by a newer roster"
run 2 plain "$ROSTER" --db "$work/fiod.db" merge "$work/plain.db"
says plain "not a roster database"
run 2 junk "$ROSTER" --db "$work/fiod.db" merge "$work/junk.db"
says junk "not a roster database"
run 2 missing "$ROSTER" --db "$work/fiod.db" merge "$work/nowhere.db"
says missing "no such file or directory"
ln -s "$work/loop.db" "$work/loop.db"
run 2 loop "$ROSTER" --db "$work/fiod.db" merge "$work/loop.db"
says loop "loop.db: cannot be read (Too many levels of symbolic links)"
run 2 empty-dir "$ROSTER" --db "$work/fiod.db" merge "$work/empty"
says empty-dir "no export files"
run 2 no-origin "$ROSTER" --db "$work/fiod.db" merge "$work/export-anon"
says no-origin "give --origin NAME"
run 2 bad-origin "$ROSTER" --db "$work/fiod.db" merge --origin 'a/b' \
    "$work/export-anon"
says bad-origin "merge: --origin: pool name: character 2"
run 2 vocabulary "$ROSTER" --db "$work/fiod.db" merge "$work/sea.db"
says vocabulary "give --add-vocabulary to add them"
says vocabulary "missing theme:sea-rescue"
run 2 usage "$ROSTER" --db "$work/fiod.db" merge
dump "$work/fiod.db" "$work/after"
same bad-input "$work/before" "$work/after"
[ -z "$(ls "$TMPDIR")" ] && ok || bad "bad input left: $(ls "$TMPDIR")"

# Into a pool not made yet: made by the merge, but not by a dry run or a
# merge that fails.
run 0 new-dry "$ROSTER" --db "$work/new/one.db" merge --dry-run \
    "$work/kmar.db"
[ ! -e "$work/new" ] && ok || bad "new-dry: left $(ls "$work/new")"
run 2 new-bad "$ROSTER" --db "$work/new/one.db" merge "$work/junk.db"
[ ! -e "$work/new" ] && ok || bad "new-bad: left $(ls "$work/new")"
run 0 new "$ROSTER" --db "$work/new/one.db" merge "$work/kmar.db"
[ "$(people "$work/new/one.db")" = 150 ] && ok || bad "new: not 150"

# With --add-vocabulary the theme comes too.
run 0 add-vocabulary "$ROSTER" --db "$work/fiod.db" merge --add-vocabulary \
    "$work/sea.db"
grep -qx 'vocabulary added: theme:sea-rescue' "$work/out" && ok ||
    bad "add-vocabulary: $(cat "$work/out")"

# Stopped while it reads another pool, the private copy of that pool in
# TMPDIR goes first: a signal to stop waits until it is removed.
"$ROSTER" demo --size 20000 --seed 5 "$work/big.db" >/dev/null 2>&1 ||
    bad "demo big"
"$ROSTER" --db "$work/big.db" pool name Big 2>/dev/null || bad "name big"
"$ROSTER" --db "$work/fiod.db" merge --dry-run "$work/big.db" \
    >/dev/null 2>&1 &
pid=$!
n=0
while [ -z "$(ls "$TMPDIR")" ] && [ "$n" -lt 5000 ]; do
	n=$((n + 1))
done
kill -TERM "$pid"
wait "$pid"
[ -z "$(ls "$TMPDIR")" ] && ok || bad "stopped: left $(ls "$TMPDIR")"

finish

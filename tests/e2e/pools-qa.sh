#!/bin/sh
# The pool commands as a tired duty officer uses them: a slip of the
# finger on a file name or an argument is refused with exit status 2,
# a message that names what is wrong, and nothing changed, neither the
# pool nor the files around it.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
unset XDG_DATA_HOME ROSTER_DB
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: sqlite3 is needed to compare databases" >&2
	exit 77
fi
A=$work/a.db B=$work/b.db

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

"$ROSTER" demo --size 20 --seed 1 "$A" 2>/dev/null || bad "demo A"
"$ROSTER" --db "$A" pool name KMar 2>/dev/null || bad "name A"
"$ROSTER" demo --size 20 --seed 2 "$B" 2>/dev/null || bad "demo B"
"$ROSTER" --db "$B" pool name Douane 2>/dev/null || bad "name B"

# -o kmar.db for -o kmar.changes: another pool's database is not
# overwritten by a changeset, nor is any file that is not one.
dump "$B"
run 2 onto-db "$ROSTER" --db "$A" changes --since all -o "$B"
says onto-db "b.db: is there already and is not a changeset"
unchanged onto-db "$B"
echo "duty roster, do not lose" >"$work/notes.txt"
run 2 onto-file "$ROSTER" --db "$A" changes --since all -o "$work/notes.txt"
[ "$(cat "$work/notes.txt")" = "duty roster, do not lose" ] && ok ||
    bad "onto-file: the file was overwritten"
# A changeset cut before, and an empty file, are replaced.
run 0 first "$ROSTER" --db "$A" changes --since all -o "$work/a.changes"
run 0 again "$ROSTER" --db "$A" changes --since all -o "$work/a.changes"
: >"$work/empty.changes"
run 0 empty "$ROSTER" --db "$A" changes --since all -o "$work/empty.changes"
head -c 17 "$work/empty.changes" | grep -qx 'roster-changeset ' && ok ||
    bad "empty: not replaced by a changeset"

# A new pool that took KMar's people is not named KMar (nor kmar): its
# own people and KMar's would be one origin, and a --rename later would
# rename KMar's too.
"$ROSTER" demo --size 2 --seed 4 "$work/new.db" 2>/dev/null ||
    bad "demo new"
"$ROSTER" --db "$work/new.db" apply "$work/a.changes" >/dev/null 2>&1 ||
    bad "apply new"
dump "$work/new.db"
run 1 taken "$ROSTER" --db "$work/new.db" pool name kmar
says taken "kmar is the name of another pool (20 people here came from it)"
unchanged taken "$work/new.db"
run 0 own "$ROSTER" --db "$work/new.db" pool name Zoll
run 1 taken-rename "$ROSTER" --db "$work/new.db" pool name KMar --rename
run 0 case "$ROSTER" --db "$work/new.db" pool name ZOLL --rename
[ "$(sqlite3 "$work/new.db" "SELECT count(*) FROM person WHERE
    origin = 'KMar'")" = 20 ] && ok || bad "taken: KMar's people renamed"

# A database given to apply, a changeset given to merge: the message
# says which command reads it.
dump "$B"
run 2 apply-db "$ROSTER" --db "$B" apply "$A"
says apply-db "a.db: not a roster changeset but a database (roster merge"
unchanged apply-db "$B"
run 2 merge-changes "$ROSTER" --db "$B" merge "$work/a.changes"
says merge-changes "a.changes: not a roster database but a changeset"
unchanged merge-changes "$B"

# An export leaves out the contacts of people who left the service;
# merging it into a pool that has them keeps them, as import does.
gone=$(sqlite3 "$A" "SELECT id FROM person WHERE email <> '' ORDER BY id
    LIMIT 1")
"$ROSTER" --db "$A" person set "$gone" status=left 2>/dev/null ||
    bad "left: set"
cp "$B" "$work/hub.db"
run 0 hub "$ROSTER" --db "$work/hub.db" merge "$A"
"$ROSTER" --db "$A" export "$work/exp" 2>/dev/null || bad "export A"
contacts() { sqlite3 "$1" "SELECT count(*) FROM person WHERE status = 'left'
    AND (email <> '' OR phone <> '')"; }
left=$(contacts "$work/hub.db")
[ "$left" -gt 0 ] && ok || bad "left: no one who left has contacts"
dump "$work/hub.db"
run 0 left "$ROSTER" --db "$work/hub.db" merge "$work/exp"
[ "$(contacts "$work/hub.db")" = "$left" ] && ok ||
    bad "left: contacts lost: $(cat "$work/out")"
unchanged left "$work/hub.db"

# An export directory with a file left behind would read as everyone's
# missions removed: refused, naming the file.
cp -r "$work/exp" "$work/exp-part"
rm "$work/exp-part/missions.csv"
dump "$work/hub.db"
run 2 part "$ROSTER" --db "$work/hub.db" merge "$work/exp-part"
says part "exp-part: missions.csv is missing"
unchanged part "$work/hub.db"
run 2 part-dry "$ROSTER" --db "$work/hub.db" merge --dry-run \
    "$work/exp-part"
unchanged part-dry "$work/hub.db"

# Another agency's pool on a read-only USB stick: SQLite cannot make the
# -shm it reads a WAL database with, and the pool is read as it is.
# Root writes anywhere, so as root the merge runs as nobody.
mkdir "$work/stick" "$work/home"
cp "$A" "$work/stick/kmar.db"
cp "$B" "$work/home/mine.db"
as=
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	as="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 755 "$work"
	chown -R 65534 "$work/stick" "$work/home"
fi
chmod 555 "$work/stick"
if [ "$(id -u)" != 0 ] || [ -n "$as" ]; then
	run 0 stick $as "$ROSTER" --db "$work/home/mine.db" merge \
	    "$work/stick/kmar.db"
	grep -q '^KMar: 20 added' "$work/out" &&
	    ok || bad "stick: $(cat "$work/out")"
fi
chmod 700 "$work/stick"

# Ctrl-C while merging another pool's file: the private copy of it (the
# other agency's people) is removed before roster ends, and the pool is
# as it was.
"$ROSTER" demo --size 5000 --seed 3 "$work/big.db" 2>/dev/null ||
    bad "demo big"
"$ROSTER" --db "$work/big.db" pool name Big 2>/dev/null || bad "name big"
mkdir "$work/tmp"
dump "$B"
# A job started with & ignores SIGINT unless told otherwise.
TMPDIR=$work/tmp env --default-signal=INT "$ROSTER" --db "$B" merge \
    "$work/big.db" >/dev/null 2>&1 &
pid=$!
tries=0
while [ -z "$(ls "$work/tmp")" ] && [ "$tries" -lt 2000 ]; do
	tries=$((tries + 1))
done
kill -INT "$pid"
wait "$pid"
[ $? -ne 0 ] && ok || bad "interrupt: the merge was not stopped"
[ -z "$(ls "$work/tmp")" ] && ok ||
    bad "interrupt: left in TMPDIR: $(ls "$work/tmp")"
unchanged interrupt "$B"

echo "$pass passed, $failed failed"
[ "$failed" -eq 0 ]

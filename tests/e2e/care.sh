#!/bin/sh
# Care of the file: roster check on a good database, on damaged ones and
# under a concurrent writer; roster backup, under a writer too.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
unset XDG_DATA_HOME
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: sqlite3 is needed to damage databases" >&2
	exit 77
fi

"$ROSTER" demo --size 1234 --seed 5 "$ROSTER_DB" 2>/dev/null ||
    bad "roster demo failed"

# A good database: one verdict line, exit 0.
run 0 check-good "$ROSTER" check
check_out() {
	if [ "$(cat "$work/out")" = "$2" ]; then
		ok
	else
		bad "$1: printed '$(cat "$work/out")', expected '$2'"
	fi
}
check_out check-good "roster check: $ROSTER_DB is good (1,234 people)"

# damaged NAME SQL: a copy of the pool, changed behind roster's back.
damaged() {
	cp "$ROSTER_DB" "$work/$1.db"
	sqlite3 "$work/$1.db" "$2" || bad "$1: sqlite3 failed"
}
# A person's words index entry deleted, another's changed, one of no one.
damaged fts "DELETE FROM person_fts WHERE rowid = 5;
    UPDATE person_fts SET names = 'someone else' WHERE rowid = 7;
    INSERT INTO person_fts(rowid, names) VALUES (99999, 'ghost')"
n5=$(sqlite3 "$ROSTER_DB" "SELECT given_name || ' ' || family_name
    FROM person WHERE pk = 5")
n7=$(sqlite3 "$ROSTER_DB" "SELECT given_name || ' ' || family_name
    FROM person WHERE pk = 7")
run 3 check-fts "$ROSTER" --db "$work/fts.db" check
cat >"$work/want" <<EOW
words index: $n5 has no entry
words index: $n7 has an entry that differs from the record
words index: entry 99999 belongs to no one
EOW
# The term bitmaps of words, kept with the index, now differ from it too.
grep -v '^term bitmap \(word\|prefix\) ' "$work/out" | sed '$d' >"$work/got"
same check-fts "$work/want" "$work/got"
grep -q "^term bitmap word 'ghost': holds 0 people who do not have it and lacks 1 who do" \
    "$work/out" && ok || bad "check-fts: no word bitmap problem"
tail -n 1 "$work/out" | grep -q "^roster check: $work/fts.db has $(($(wc -l <"$work/out") - 1)) problems$" &&
    ok || bad "check-fts: verdict: $(tail -n 1 "$work/out")"

# A foreign key broken with the checks off: a theme that people have.
damaged fkey "PRAGMA foreign_keys = OFF;
    DELETE FROM theme WHERE slug = 'drugs'"
run 3 check-fkey "$ROSTER" --db "$work/fkey.db" check
grep -q '^foreign key: [0-9]* rows of person_theme refer to a theme that does not exist$' \
    "$work/out" && ok || bad "check-fkey: $(cat "$work/out")"
tail -n 1 "$work/out" | grep -q "^roster check: $work/fkey.db has [0-9]* problems$" &&
    ok || bad "check-fkey: verdict: $(tail -n 1 "$work/out")"

# A corrupted page (the pool is checkpointed: no -wal after the demo).
cp "$ROSTER_DB" "$work/page.db"
head -c 4096 /dev/zero | tr '\0' '\377' |
    dd of="$work/page.db" bs=4096 seek=100 conv=notrunc 2>/dev/null
run 3 check-page "$ROSTER" --db "$work/page.db" check
tail -n 1 "$work/out" | grep -q "^roster check: $work/page.db has [0-9]* problems\{0,1\}$" &&
    ok || bad "check-page: verdict: $(tail -n 1 "$work/out")"
grep -q 'malformed\|integrity: ' "$work/out" && ok ||
    bad "check-page: no problem named: $(cat "$work/out")"

# Cells of a page damaged: SQLite's report of them comes as one text of
# many lines.  Each is a problem on a line of its own, named as such and
# counted in the verdict.
cp "$ROSTER_DB" "$work/cells.db"
printf '\377\377\377\377\377\377\377\377' |
    dd of="$work/cells.db" bs=1 seek=$((4096 * 20 + 100)) conv=notrunc \
    2>/dev/null
run 3 check-cells "$ROSTER" --db "$work/cells.db" check
n=$(sed '$d' "$work/out" | wc -l)
tail -n 1 "$work/out" | grep -q "^roster check: $work/cells.db has $n problems$" &&
    ok || bad "check-cells: $n lines, verdict: $(tail -n 1 "$work/out")"
grep -q '^integrity: On tree page 21 cell ' "$work/out" && ok ||
    bad "check-cells: no cell named: $(cat "$work/out")"
if sed '$d' "$work/out" | grep -v '^[a-z ]*: ' | grep -q . ||
    grep -q '\*\*\*' "$work/out"; then
	bad "check-cells: a line that is no problem: $(cat "$work/out")"
else
	ok
fi

# Read-only: the words index's own check is skipped, and said so.
run 0 check-read-only "$ROSTER" --read-only check
says check-read-only "roster: check: the words index's own check was not run: it needs a database opened for writing"

# Backup: 0600 whatever the umask, a pool that checks good, beside an
# older one it replaces; never over the database itself.
run 0 backup sh -c "umask 0; exec \"\$0\" backup \"\$1\"" "$ROSTER" "$work/b.db"
says backup "roster: backed up 1234 people to $work/b.db"
mode=$(stat -c %a "$work/b.db")
[ "$mode" = 600 ] && ok || bad "backup: mode $mode, expected 600"
run 0 backup-check "$ROSTER" --db "$work/b.db" check
check_out backup-check "roster check: $work/b.db is good (1,234 people)"
run 2 backup-self "$ROSTER" backup "$ROSTER_DB"
says backup-self "roster: $ROSTER_DB: is the database itself (refusing to overwrite it)"
ln -s "$ROSTER_DB" "$work/link.db"
run 2 backup-link "$ROSTER" backup "$work/link.db"
says backup-link "is the database itself"
run 1 backup-search "$ROSTER" --db "$work/b.db" search zzzzzz
[ -z "$(ls "$work" | grep 'b\.db\.')" ] && ok ||
    bad "backup left temporary files: $(ls "$work")"

# A directory is not a backup's name: said before any copying, exit 2.
mkdir "$work/backups"
run 2 backup-dir "$ROSTER" backup "$work/backups/"
says backup-dir "roster: $work/backups/: is a directory (expected the backup's file name, such as $work/backups/pool-backup.db)"
# Nor is a device, a pipe or a socket (as root, backup /dev/null would
# have put a file in its place): exit 2, left as it was.  Nor no name.
mkfifo "$work/backups/pipe"
run 2 backup-pipe "$ROSTER" backup "$work/backups/pipe"
says backup-pipe "roster: $work/backups/pipe: is not a regular file (expected the backup's file name)"
[ -p "$work/backups/pipe" ] && ok || bad "backup-pipe: the pipe was replaced"
rm -f "$work/backups/pipe"
run 2 backup-empty "$ROSTER" backup ""
says backup-empty "roster: backup: the file name is empty"
# No room (here the file size limit): "disk full" naming the file asked
# for, exit 3, and neither the copy nor a journal of it left behind.
run 3 backup-fsize sh -c 'ulimit -f 100; exec "$0" backup "$1"' "$ROSTER" \
    "$work/backups/full.db"
says backup-fsize "roster: disk full: $work/backups/full.db (free some space and try again)"
[ -z "$(ls "$work/backups")" ] && ok ||
    bad "backup-fsize: left $(ls "$work/backups")"
# Stopped (SIGTERM, SIGINT) while it copies: the signal takes effect
# once the copy is removed.  The copy of a bigger pool lasts long enough
# to be caught: the test waits for its temporary file to appear.
"$ROSTER" demo --size 20000 --seed 6 "$work/big.db" 2>/dev/null
caught=0
for try in 1 2 3 4 5; do
	"$ROSTER" --db "$work/big.db" backup "$work/backups/term.db" \
	    2>/dev/null &
	pid=$!
	i=0
	while [ $i -lt 2000 ] &&
	    ! ls "$work/backups" | grep -q '^term\.db\.'; do
		i=$((i + 1))
	done
	kill -TERM $pid 2>/dev/null
	wait $pid 2>/dev/null
	[ $? = 143 ] && caught=1 && break
	rm -f "$work/backups/term.db"
done
[ $caught = 1 ] || echo "note: backup-term: the backup was never caught" >&2
[ -z "$(ls "$work/backups")" ] && ok ||
    bad "backup-term: left $(ls "$work/backups")"

# Under a concurrent writer: imports in a loop, changing people's words,
# while check and backup run; both say good every time.
"$ROSTER" --db "$work/w.db" import "$fix/people.csv" "$fix/missions.csv" \
    2>/dev/null || bad "import for the writer failed"
sed 's/Inspector/Chief Inspector/' "$fix/people.csv" >"$work/people2.csv"
(
	while [ ! -f "$work/stop" ]; do
		"$ROSTER" --db "$work/w.db" import "$work/people2.csv" ||
		    echo fail >>"$work/writer"
		"$ROSTER" --db "$work/w.db" import "$fix/people.csv" ||
		    echo fail >>"$work/writer"
		echo done >>"$work/writes"
	done
) >/dev/null 2>"$work/writer.err" &
writer=$!
# Until the writer has written a few times, check and back up.
i=0
while [ "$i" -lt 10 ]; do
	i=$((i + 1))
	run 0 "check-writer-$i" "$ROSTER" --db "$work/w.db" check
	check_out "check-writer-$i" "roster check: $work/w.db is good (6 people)"
	run 0 "backup-writer-$i" "$ROSTER" --db "$work/w.db" backup \
	    "$work/wb.db"
	run 0 "backup-writer-check-$i" "$ROSTER" --db "$work/wb.db" check
	check_out "backup-writer-check-$i" \
	    "roster check: $work/wb.db is good (6 people)"
done
touch "$work/stop"
wait "$writer"
writes=$(wc -l <"$work/writes" 2>/dev/null || echo 0)
[ "$writes" -ge 2 ] && ok || bad "the writer wrote only $writes times"
[ ! -s "$work/writer" ] && ok ||
    bad "the writer failed: $(cat "$work/writer.err")"

# A write that finds another process's lock (sqlite3 holding BEGIN
# IMMEDIATE, as an import does): said on stderr after a second; the
# write lands when the lock goes within 5 s, else is given up with
# nothing changed (exit 3).
lock_hold "$ROSTER_DB"
lock_release 2
run 0 lock-wait "$ROSTER" vocab add skill diving Diving
says lock-wait "roster: waiting for another roster to finish ($ROSTER_DB)…"
says lock-wait "roster: added skill 'diving'"
lock_wait
lock_hold "$ROSTER_DB"
lock_release 7
run 3 lock-timeout "$ROSTER" vocab add skill sailing Sailing
says lock-timeout "roster: waiting for another roster to finish ($ROSTER_DB)…"
says lock-timeout "roster: $ROSTER_DB is locked by another roster; nothing was changed"
lock_wait
[ "$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM skill WHERE slug = 'sailing'")" = 0 ] &&
    ok || bad "lock-timeout: the skill was added"
# An import waits as well.
lock_hold "$ROSTER_DB"
lock_release 2
run 0 lock-import "$ROSTER" import "$fix/people.csv"
says lock-import "roster: waiting for another roster to finish ($ROSTER_DB)…"
lock_wait
# Ctrl-C while waiting: the command dies of it, and nothing is written.
lock_hold "$ROSTER_DB"
count() {
	sqlite3 "$ROSTER_DB" "SELECT count(*) FROM person;
	    SELECT count(*) FROM audit" | tr '\n' ' '
}
before=$(count)
rm -f "$work/int.err"
perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV' "$ROSTER" person add \
    --family Waiter --given Wanda >"$work/out" 2>"$work/int.err" &
pid=$!
i=0
while [ $i -lt 100 ] && ! grep -q waiting "$work/int.err" 2>/dev/null; do
	sleep 0.1
	i=$((i + 1))
done
kill -INT $pid
wait $pid
st=$?
lock_release
[ $st = 130 ] && ok || bad "lock-interrupt: exit status $st, expected 130"
[ "$(count)" = "$before" ] && ok || bad "lock-interrupt: $(count), was $before"
run 0 lock-interrupt-check "$ROSTER" check
# Without a lock, no word of waiting.
run 0 lock-none "$ROSTER" vocab add skill rowing Rowing
if grep -q waiting "$work/err"; then
	bad "lock-none: $(cat "$work/err")"
else
	ok
fi

finish

#!/bin/sh
# SIGKILL at random points of writes (make stress runs more): KILLS
# imports of a whole export (people, missions, unavailability,
# deployments, assignments) into a pool and KILLS into an empty one (a
# bulk load), KILLS status changes and KILLS additions of
# 600 members to a deployment, each killed after a random delay within
# the time the command takes on this machine.  After every kill
# the database passes SQLite's integrity and foreign key checks and roster
# check (the words index and the term bitmaps agree with the rows), opens
# for the next command, and holds all of the write or none of it:
#   import:  every table holds its old count or its old plus the file's;
#   status:  the member has the old status and history, or the new
#            status with one more history row that says it;
#   add:     the deployment has none of the people or all of them, each
#            with a history row.
# KILL_SEED makes a run's delays repeatable.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

: "${KILLS:=30}"
: "${KILL_SEED:=$(od -An -N2 -tu2 /dev/urandom | tr -d ' ')}"
export ROSTER_TODAY=2026-11-23
unset XDG_DATA_HOME ROSTER_DB
q() { sqlite3 "$work/db" "$@"; }
# delays N MS: N random delays of 0 to MS milliseconds, in seconds.
delays() {
	awk -v n="$1" -v ms="$2" -v seed="$KILL_SEED" 'BEGIN { srand(seed);
	    for (i = 0; i < n; i++) printf "%.3f\n", rand() * ms / 1000 }'
}
# took COMMAND...: runs it; $ms is the milliseconds it took, the longest
# so far, plus a little.
ms=0
took() {
	t0=$(date +%s%N)
	"$@" >/dev/null 2>&1 || bad "the command itself fails: $*"
	t=$((($(date +%s%N) - t0) / 1000000 + 5))
	[ "$t" -gt "$ms" ] && ms=$t
}
# killed DELAY COMMAND...: runs it, SIGKILLs it after DELAY; says
# whether the kill came before the command was done.
killed() {
	d=$1
	shift
	"$@" >/dev/null 2>&1 &
	pid=$!
	sleep "$d"
	kill -9 "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	[ $? = 137 ]
}
# sound WHAT: the file is a sound database that roster opens.
sound() {
	[ "$(q 'PRAGMA integrity_check')" = ok ] && ok ||
	    bad "$1: integrity_check: $(q 'PRAGMA integrity_check' | head -3)"
	[ -z "$(q 'PRAGMA foreign_key_check')" ] && ok ||
	    bad "$1: foreign_key_check fails"
	# Status 1 is no match: an empty pool's.
	"$ROSTER" --db "$work/db" search --format ids >/dev/null 2>&1
	[ $? -le 1 ] && ok ||
	    bad "$1: roster cannot open the database after the kill"
	# What is kept from the rows (words index, term bitmaps) agrees.
	"$ROSTER" --db "$work/db" check >"$work/check" 2>&1 && ok ||
	    bad "$1: roster check after the kill: $(head -3 "$work/check")"
}
counts() {
	q "SELECT (SELECT count(*) FROM person) || ' ' ||
	    (SELECT count(*) FROM unavailability) || ' ' ||
	    (SELECT count(*) FROM deployment) || ' ' ||
	    (SELECT count(*) FROM assignment) || ' ' ||
	    (SELECT count(*) FROM assignment_history)"
}

# The file to import: people with missions and unavailability, and
# deployments with members and their histories.
"$ROSTER" demo --size 600 --seed 5 "$work/src.db" 2>/dev/null &&
    for d in Alpha Bravo; do
	"$ROSTER" --db "$work/src.db" deploy create $d --country SX \
	    --start +2d --end +9d &&
	    sqlite3 "$work/src.db" "SELECT id FROM person WHERE pk % 7 = 0" |
	    "$ROSTER" --db "$work/src.db" deploy add $d - || break
    done >/dev/null 2>&1 &&
    "$ROSTER" --db "$work/src.db" export "$work/in" >/dev/null 2>&1 &&
    "$ROSTER" demo --size 20 --seed 9 "$work/base.db" 2>/dev/null ||
    bad "making the pools failed"
schema() {
	q "SELECT type || ' ' || name || ' ' || sql FROM sqlite_schema
	    WHERE name NOT GLOB 'sqlite_stat*' ORDER BY type, name" | cksum
}
# imports_killed POOL WHAT: KILLS imports of the export into copies of
# POOL; each leaves its counts as they were ($old) or with the whole
# import ($new), and its schema (triggers and indexes) as it was.
imports_killed() {
	cp "$1" "$work/db"
	old=$(counts)
	was=$(schema)
	# The import's time on this machine bounds the delays.
	ms=0
	for i in 1 2 3; do
		cp "$1" "$work/db"
		took "$ROSTER" --db "$work/db" import "$work/in"/*.csv
	done
	new=$(counts)
	[ "$(schema)" = "$was" ] && ok || bad "$2: the schema changed"
	mid=0
	for d in $(delays "$KILLS" "$ms"); do
		cp "$1" "$work/db"
		rm -f "$work/db-wal" "$work/db-shm"
		killed "$d" "$ROSTER" --db "$work/db" import "$work/in"/*.csv &&
		    mid=$((mid + 1))
		sound "$2 killed after ${d}s"
		got=$(counts)
		[ "$got" = "$old" ] || [ "$got" = "$new" ] && ok ||
		    bad "$2 killed after ${d}s: counts '$got', neither '$old' nor '$new'"
		[ "$(schema)" = "$was" ] && ok ||
		    bad "$2 killed after ${d}s: the schema changed"
	done
	printf 'crash: %d %ss killed (%d before they ended, up to %d ms), seed %s;' \
	    "$KILLS" "$2" "$mid" "$ms" "$KILL_SEED"
	printf ' people, unavailability, deployments, members, history: %s or %s\n' \
	    "$old" "$new"
}
imports_killed "$work/base.db" import
# The same import into a pool that holds nobody yet, which loads in bulk
# (bulk.h: the people's triggers and indexes dropped and made again
# within the transaction).
printf 'id,family_name\n' >"$work/nobody.csv"
"$ROSTER" --db "$work/empty.db" import "$work/nobody.csv" >/dev/null 2>&1 ||
    bad "making the empty pool failed"
imports_killed "$work/empty.db" "bulk import"

# Status changes: one member goes back and forth, declined and contacted.
cp "$work/base.db" "$work/db"
export ROSTER_DB="$work/db"
p=$(q "SELECT id FROM person ORDER BY pk LIMIT 1")
"$ROSTER" deploy create Kill --country SX --start +2d --end +9d \
    >/dev/null 2>&1 && "$ROSTER" deploy add Kill "$p" >/dev/null 2>&1 ||
    bad "making the deployment failed"
member() {
	q "SELECT a.status || ' ' || (SELECT count(*) FROM assignment_history
	    WHERE assignment = a.pk) || ' ' || (SELECT status FROM
	    assignment_history WHERE assignment = a.pk ORDER BY rowid DESC
	    LIMIT 1) FROM assignment a"
}
ms=0
took "$ROSTER" deploy set Kill "$p" contacted
took "$ROSTER" deploy set Kill "$p" declined
took "$ROSTER" deploy set Kill "$p" contacted
mid=0
to=declined
for d in $(delays "$KILLS" "$ms"); do
	before=$(member)
	set -- $before
	from=$1 n=$2
	killed "$d" "$ROSTER" deploy set Kill "$p" "$to" && mid=$((mid + 1))
	sound "status change killed after ${d}s"
	got=$(member)
	[ "$got" = "$before" ] || [ "$got" = "$to $((n + 1)) $to" ] && ok ||
	    bad "status change $from to $to killed after ${d}s: '$got'"
	set -- $got
	[ "$1" = declined ] && to=contacted || to=declined
done
printf 'crash: %d status changes killed (%d before they ended, up to %d ms), seed %s\n' \
    "$KILLS" "$mid" "$ms" "$KILL_SEED"

# Many members at once: a deploy add of 600 people, each with their first
# history row, to a new deployment, in a fresh copy each time.
cp "$work/src.db" "$work/db"
rm -f "$work/db-wal" "$work/db-shm"
ids=$(q "SELECT id FROM person")
all=$(q "SELECT count(*) FROM person")
"$ROSTER" --db "$work/db" deploy create Bulk --country SX --start +2d \
    >/dev/null 2>&1 || bad "deploy create"
q "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cp "$work/db" "$work/bulk.db"
bulk() {
	q "SELECT count(*) || ' ' || (SELECT count(*) FROM assignment_history
	    h JOIN assignment a ON a.pk = h.assignment JOIN deployment d ON
	    d.pk = a.deployment WHERE d.name = '$1') FROM assignment a JOIN
	    deployment d ON d.pk = a.deployment WHERE d.name = '$1'"
}
fresh() {
	rm -f "$work/db-wal" "$work/db-shm"
	cp "$work/bulk.db" "$work/db"
}
ms=0
for i in 1 2 3; do
	fresh
	# shellcheck disable=SC2086 # ids are words
	took "$ROSTER" deploy add Bulk $ids
done
mid=0
for d in $(delays "$KILLS" "$ms"); do
	fresh
	# shellcheck disable=SC2086 # ids are words
	killed "$d" "$ROSTER" deploy add Bulk $ids && mid=$((mid + 1))
	sound "deploy add killed after ${d}s"
	got=$(bulk Bulk)
	[ "$got" = "0 0" ] || [ "$got" = "$all $all" ] && ok ||
	    bad "deploy add of $all killed after ${d}s: members, history '$got'"
done
printf 'crash: %d adds of %d members killed (%d before they ended, up to %d ms), seed %s\n' \
    "$KILLS" "$all" "$mid" "$ms" "$KILL_SEED"
finish

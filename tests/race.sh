#!/bin/sh
# Races between two roster processes on one database, each repeated
# RACES times (make stress runs more): a check that guards a write must
# be made inside that write's transaction, or the other process slips
# in between.
#   close/add:  `deploy close` and `deploy add` at once: no one is added
#               to a deployment after it was closed (the audit's order).
#   close/edit: `deploy close` and `deploy edit --kind` at once: a
#               closed deployment stays closed.
#   book/book:  `deploy set ... confirmed` of one person on two
#               overlapping deployments at once: never both.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

: "${RACES:=30}"
export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/race.db"
unset XDG_DATA_HOME
q() { sqlite3 "$ROSTER_DB" "$@"; }

# A person of their own for each booking race.
"$ROSTER" demo --size $((RACES + 20)) --seed 3 "$ROSTER_DB" 2>/dev/null ||
    bad "roster demo failed"
# Everyone is free: the add's availability search is the slow part
# between its old check and its write, as wide a window as a pool has.
ids=$(q "SELECT id FROM person ORDER BY pk LIMIT 8")

late=0 reopened=0 double=0 i=0
while [ "$i" -lt "$RACES" ]; do
	i=$((i + 1))
	d="Race $i" e="Edit $i" a="Book A $i" b="Book B $i"
	for n in "$d" "$e" "$a" "$b"; do
		"$ROSTER" deploy create "$n" --country SX --start +2d \
		    --end +20d 2>/dev/null || bad "create $n"
	done
	p=$(q "SELECT id FROM person ORDER BY pk LIMIT 1 OFFSET $i")
	"$ROSTER" deploy add "$a" "$p" 2>/dev/null &&
	    "$ROSTER" deploy add "$b" "$p" 2>/dev/null || bad "add $p"

	# shellcheck disable=SC2086 # ids are words
	"$ROSTER" deploy add "$d" $ids >/dev/null 2>&1 &
	"$ROSTER" deploy close "$d" >/dev/null 2>&1 &
	"$ROSTER" deploy edit "$e" --kind flood >/dev/null 2>&1 &
	"$ROSTER" deploy close "$e" >/dev/null 2>&1 &
	"$ROSTER" deploy set "$a" "$p" confirmed >/dev/null 2>&1 &
	"$ROSTER" deploy set "$b" "$p" confirmed >/dev/null 2>&1 &
	wait

	n=$(q "SELECT count(*) FROM audit a, audit c WHERE a.entity_id = '$d'
	    AND c.entity_id = '$d' AND a.action = 'add' AND
	    c.action = 'close' AND a.pk > c.pk")
	[ "$n" = 0 ] || late=$((late + 1))
	s=$(q "SELECT status FROM deployment WHERE name = '$e'")
	[ "$s" = closed ] || reopened=$((reopened + 1))
	n=$(q "SELECT count(*) FROM assignment a JOIN deployment d ON
	    d.pk = a.deployment WHERE d.name IN ('$a', '$b') AND
	    a.status = 'confirmed'")
	[ "$n" -le 1 ] || double=$((double + 1))
done
[ "$late" = 0 ] && ok ||
    bad "close/add: added after the close in $late of $RACES races"
[ "$reopened" = 0 ] && ok ||
    bad "close/edit: closed deployment reopened in $reopened of $RACES races"
[ "$double" = 0 ] && ok ||
    bad "book/book: double-booked in $double of $RACES races"
[ "$(q 'PRAGMA integrity_check')" = ok ] && ok || bad "integrity_check"
[ -z "$(q 'PRAGMA foreign_key_check')" ] && ok || bad "foreign_key_check"
printf 'races: %d close/add, %d close/edit, %d book/book\n' \
    "$RACES" "$RACES" "$RACES"
finish

#!/bin/sh
# Keeping the pool true from the command line, end to end: the review
# (roster person review, reviewed:, the record's Reviewed line) and the
# record's do-not-call line.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
unset XDG_DATA_HOME

run 0 import "$ROSTER" import "$fix/missions.csv" "$fix/people.csv" \
    "$fix/unavailability.csv"

# Never reviewed: all six are due.
run 0 due "$ROSTER" search --format ids 'reviewed:<180d'
[ "$(wc -l <"$work/out")" -eq 6 ] && ok || bad "due: not all six"

# Review two: said by name, one audit line each with the old and new day.
run 0 review "$ROSTER" person review 11111111 22222222
says review "roster: Amélie Dubois reviewed on 2026-11-23"
says review "roster: Jan de Vries reviewed on 2026-11-23"
run 0 review-due "$ROSTER" search --format ids 'reviewed:<180d'
[ "$(wc -l <"$work/out")" -eq 4 ] && ok || bad "review-due: not four"
ROSTER_TODAY=2027-06-12 run 0 review-show "$ROSTER" show 11111111
grep -qx 'Reviewed     2026-11-23 (201 days ago)' "$work/out" && ok ||
    bad "review-show: not 'Reviewed     2026-11-23 (201 days ago)'"
ROSTER_TODAY=2027-06-12 run 0 review-again "$ROSTER" person review 1111
run 0 review-today "$ROSTER" search --format ids 'reviewed:>=2027-06-12'
[ "$(cat "$work/out")" = 11111111-1111-4111-8111-111111111111 ] && ok ||
    bad "review-today: not Amélie Dubois alone"
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$ROSTER_DB" "SELECT group_concat(coalesce(c.old, '-') ||
	    ' ' || c.new, ';') FROM audit a JOIN audit_change c ON
	    c.audit = a.pk WHERE a.action = 'review' AND a.entity_id LIKE
	    '1111%' AND c.field = 'reviewed'" >"$work/audit"
	[ "$(cat "$work/audit")" = "- 2026-11-23;2026-11-23 2027-06-12" ] &&
	    ok || bad "review-audit: $(cat "$work/audit")"
fi

# Bad input changes nothing: every id is checked before any is marked.
run 2 review-bad "$ROSTER" person review 33333333 zz-top
says review-bad "roster: person review: 'zz-top' is not an id"
run 1 review-unknown "$ROSTER" person review abcdef
says review-unknown "no person with id 'abcdef'"
run 2 review-usage "$ROSTER" person review
says review-usage "roster: usage: roster person review ID..."
run 0 review-unchanged "$ROSTER" search --format ids 'reviewed:<180d'
[ "$(wc -l <"$work/out")" -eq 4 ] && ok || bad "review-unchanged: not four"

# The record shows the do-not-call mark, with its last day or without.
if command -v sqlite3 >/dev/null 2>&1; then
	sqlite3 "$ROSTER_DB" "UPDATE person SET dnc = 'illness',
	    dnc_until = '2027-01-31', reviewed = '2026-05-02'
	    WHERE id LIKE '1111%'; UPDATE person SET dnc = 'personal'
	    WHERE id LIKE '2222%'"
	run 0 show-dnc "$ROSTER" show 11111111
	golden show-dnc.txt
	run 0 show-dnc-open "$ROSTER" show 22222222
	grep -qx 'Do not call  personal, until further notice' "$work/out" &&
	    ok || bad "show-dnc-open: no 'until further notice'"
	grep -qx 'Available    never (not active, away or deployed with no end, or not to be called)' \
	    "$work/out" && ok || bad "show-dnc-open: available"
	run 0 dnc-filter "$ROSTER" search --format ids dnc:yes
	[ "$(wc -l <"$work/out")" -eq 2 ] && ok || bad "dnc-filter: not two"
fi

finish

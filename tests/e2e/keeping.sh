#!/bin/sh
# Keeping the pool true from the command line, end to end: the review
# (roster person review, reviewed:, the record's Reviewed line), the
# record's do-not-call line, and the contacts of people who left the
# service, left out of exports, searches and call-out sheets unless asked
# for, and kept when such an export is imported back.
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
	    WHERE id LIKE '6666%'"
	run 0 show-dnc "$ROSTER" show 11111111
	golden show-dnc.txt
	run 0 show-dnc-open "$ROSTER" show 66666666
	grep -qx 'Do not call  personal, until further notice' "$work/out" &&
	    ok || bad "show-dnc-open: no 'until further notice'"
	grep -qx 'Available    never (not active, away or deployed with no end, or not to be called)' \
	    "$work/out" && ok || bad "show-dnc-open: available"
	# The FREE column: Amélie Dubois from the day after the mark's
	# last day, Lucía García Márquez never.
	run 0 dnc-free "$ROSTER" search amelie OR lucia
	grep -q '^11111111  Dubois, Amélie .* 2027-02-01 ' "$work/out" && ok ||
	    bad "dnc-free: Amélie Dubois not free from 2027-02-01"
	grep -q '^66666666  García Márquez, Lucía .* - ' "$work/out" && ok ||
	    bad "dnc-free: Lucía García Márquez free"
	run 0 dnc-filter "$ROSTER" search --format ids dnc:yes
	[ "$(wc -l <"$work/out")" -eq 2 ] && ok || bad "dnc-filter: not two"
fi

# Anna Kowalska left the service; her e-mail and phone are on record.
export ROSTER_DB="$work/left.db"
sed 's/,Kowalska,Anna,Customs,Officer,f,,,left,/,Kowalska,Anna,Customs,Officer,f,anna.kowalska@customs.example,+48 600 100 200,left,/' \
    "$fix/people.csv" >"$work/people.csv"
grep -q anna.kowalska "$work/people.csv" && ok || bad "left: no fixture"
run 0 left-import "$ROSTER" import "$work/people.csv"
left_note="roster: the contacts (email, phone) of 1 person who left the service were left out (--with-left-contacts writes them)"

run 0 left-export "$ROSTER" export "$work/out-left"
says left-export "$left_note"
cp "$work/out-left/people.csv" "$work/out"
golden export-left-people.csv
run 0 left-export-with "$ROSTER" export --with-left-contacts "$work/with"
grep -q 'anna.kowalska@customs.example,' "$work/with/people.csv" && ok ||
    bad "left-export-with: no contacts"
grep -q 'left out' "$work/err" && bad "left-export-with: a note" || ok

# The export imported back changes nothing: the stored contacts stay.
run 0 left-reimport "$ROSTER" import "$work/out-left/people.csv"
says left-reimport "added 0, updated 0, unchanged 6"
run 0 left-kept "$ROSTER" search --format csv --with-left-contacts kowalska
grep -q 'anna.kowalska@customs.example,' "$work/out" && ok ||
    bad "left-kept: the contacts were lost"

run 0 left-csv "$ROSTER" search --format csv kowalska
grep -q ',Kowalska,Anna,Customs,Officer,f,,,left,' "$work/out" && ok ||
    bad "left-csv: contacts written"
says left-csv "$left_note"
run 0 left-json "$ROSTER" search --format json kowalska
grep -q '"email":"","phone":"","status":"left"' "$work/out" && ok ||
    bad "left-json: contacts written"
says left-json "$left_note"
run 0 left-json-with "$ROSTER" search --format json --with-left-contacts \
    kowalska
grep -q '"email":"anna.kowalska@customs.example"' "$work/out" && ok ||
    bad "left-json-with: no contacts"
# Someone who has not left keeps theirs, and no note.
run 0 active-csv "$ROSTER" search --format csv amelie
grep -q 'amelie.dubois@police.example' "$work/out" && ok ||
    bad "active-csv: contacts left out"
[ -s "$work/err" ] && bad "active-csv: a note" || ok

# On a deployment: CSV, JSON and the call-out sheet.
run 0 left-deploy "$ROSTER" deploy create Quake --country UA --start +2d \
    --end +30d
run 0 left-add "$ROSTER" deploy add Quake 55555555 11111111
run 0 left-sheet "$ROSTER" deploy show Quake --format sheet
stamps
golden deploy-sheet-left.txt
run 0 left-deploy-csv "$ROSTER" deploy show Quake --format csv
grep -q ',Kowalska,Anna,Customs,,,' "$work/out" && ok ||
    bad "left-deploy-csv: contacts written"
grep -q 'amelie.dubois@police.example' "$work/out" && ok ||
    bad "left-deploy-csv: Amélie Dubois's contacts left out"
says left-deploy-csv "$left_note"
run 0 left-deploy-json "$ROSTER" deploy show Quake --format json
grep -q '"phone":"","email":""' "$work/out" && ok ||
    bad "left-deploy-json: contacts written"
says left-deploy-json "$left_note"
run 0 left-deploy-with "$ROSTER" deploy show Quake --format sheet \
    --with-left-contacts
grep -q 'Phone: +48 600 100 200   Email: anna.kowalska@customs.example' \
    "$work/out" && ok || bad "left-deploy-with: no contacts"
grep -q 'left out' "$work/out" && bad "left-deploy-with: a note" || ok

finish

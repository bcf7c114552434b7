#!/bin/sh
# The audit read back (roster log) and a person erased (roster erase): what
# the log shows, in each format; that erase takes the whole id only and
# leaves no byte of the person in the file; that an export taken before
# the erase does not bring them back.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
unset XDG_DATA_HOME
amelie=11111111-1111-4111-8111-111111111111
jan=22222222-2222-4222-8222-222222222222

run 0 import "$ROSTER" import "$fix/missions.csv" "$fix/people.csv" \
    "$fix/unavailability.csv" "$fix/deployments.csv" "$fix/assignments.csv"
"$ROSTER" export "$work/before" 2>/dev/null || bad "export before the erase"

# Changes made outside roster, on days long past, with a value that holds
# an escape sequence: the log shows it, never sends it.
sqlite3 "$ROSTER_DB" "INSERT INTO audit(who, at, entity, entity_id, action,
    fields) VALUES ('ann', '2001-02-03T09:30:00Z', 'person', '$jan',
    'update', 'phone,notes'), ('bob', '2001-02-04T17:05:09Z', 'person',
    '$jan', 'update', 'email');
    INSERT INTO audit_change(audit, field, old, new) SELECT pk, 'phone',
    '+31 6 1111', '+31 6 2222' FROM audit WHERE who = 'ann';
    INSERT INTO audit_change(audit, field, old, new) SELECT pk, 'notes',
    NULL, 'red' || char(27) || ']0;PWNED' || char(7) FROM audit
    WHERE who = 'ann';
    INSERT INTO audit_change(audit, field, old, new) SELECT pk, 'email',
    'jan@kmar.example', '' FROM audit WHERE who = 'bob'" ||
    bad "sqlite3 could not add to the audit"

# The lines roster wrote are now, by whoever runs the tests: shown as
# WHEN and USER in the goldens (in the table, WHO is 12 columns).
user=$(id -un)
[ ${#user} -gt 12 ] && user="$(printf %.11s "$user")…"
mask() {
	sed -E "s/^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8}  $(printf '%-12s' "$user")/WHEN                 USER        /;
	    s/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z,$user,/WHEN,USER,/;
	    s/\"at\":\"[0-9T:-]{19}Z\",\"who\":\"$user\"/\"at\":\"WHEN\",\"who\":\"USER\"/" \
	    "$work/out" >"$work/masked" && mv "$work/masked" "$work/out"
}
# raw: whether stdout holds a byte that would act on a terminal.
raw() {
	LC_ALL=C tr -d '\n\t\r' <"$work/out" | LC_ALL=C grep -aq '[[:cntrl:]]' ||
	    LC_ALL=C grep -aqE "$(printf '\302[\200-\237]')" "$work/out"
}

run 0 log-person "$ROSTER" log 2222
mask
golden log-person.txt
raw && bad "log-person: a control character reached the terminal" || ok
run 0 log-person-csv "$ROSTER" log --format csv "$jan"
mask
golden log-person.csv
raw && bad "log-person-csv: a control character reached the terminal" || ok
run 0 log-person-json "$ROSTER" log --format=json 2222
mask
golden log-person.json
raw && bad "log-person-json: a control character reached the terminal" || ok
python3 -c 'import json, sys; json.load(sys.stdin)' <"$work/out" 2>/dev/null &&
    ok || bad "log-person-json: not JSON"
# A member's status set and another taken off: the log says from what
# to what, and whom a set is about.
run 0 deploy-set "$ROSTER" deploy set "Irma, Sint Maarten" 6666 contacted
run 0 deploy-remove "$ROSTER" deploy remove "Irma, Sint Maarten" 2222
run 0 log-deployment "$ROSTER" log "irma, sint maarten"
mask
golden log-deployment.txt
run 0 log-deployment-csv "$ROSTER" log --format csv "irma, sint maarten"
grep -q 'Irma, Sint Maarten",Jan de Vries,add,person=2222' "$work/out" &&
    ok || bad "log-deployment-csv: the member not named"
# The log cut short by a full disk is no success: a script keeping it
# for the data protection officer must know.
if [ -w /dev/full ]; then
	run 3 log-full sh -c 'exec "$0" log --format csv >/dev/full' "$ROSTER"
	says log-full "roster: disk full: standard output (free some space and try again)"
fi
run 0 log-since "$ROSTER" log --since 2001-02-04 "$jan"
grep -q '^2001-02-04 17:05:09  bob' "$work/out" && ok ||
    bad "log-since: the line of the day itself is missing"
grep -q '2001-02-03' "$work/out" && bad "log-since: an older line is shown" ||
    ok
run 0 log-all "$ROSTER" log --format csv
# A create has a row for each value given: one person a create.
[ "$(grep ',person,.*,create,' "$work/out" | cut -d, -f4 | sort -u |
    wc -l)" = 6 ] && ok ||
    bad "log-all: not a create line for each of 6 people"
# Nothing since: the table's header alone, as csv's, so that an empty
# answer reads as one.
run 0 log-since-none "$ROSTER" log --since 2999-01-01
[ "$(cat "$work/out")" = "WHEN (UTC)           WHO           ENTITY      ACTION          ID" ] &&
    ok || bad "log-since-none: '$(cat "$work/out")'"
run 2 log-since-bad "$ROSTER" log --since 2001-02-30
says log-since-bad "roster: log: --since: '2001-02-30' is not a day (expected YYYY-MM-DD)"
run 2 log-format "$ROSTER" log --format xml
says log-format "unknown format 'xml' (expected table, csv or json)"
run 1 log-unknown "$ROSTER" log Nowhere
says log-unknown "roster: log: no deployment or person 'Nowhere'"
run 2 log-usage "$ROSTER" log a b
says log-usage "usage: roster log"

# Erase: the whole id only; a prefix says who it would have been.
run 2 erase-prefix "$ROSTER" erase 1111
says erase-prefix "roster: erase needs the whole id: 1111... is Amélie Dubois ($amelie)"
[ "$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM person WHERE id = '$amelie'")" = 1 ] &&
    ok || bad "erase-prefix: the person is gone"
run 1 erase-unknown "$ROSTER" erase 99999999-9999-4999-8999-999999999999
says erase-unknown "roster: erase: no person with id"
# Amélie is on a deployment, added by the import and her status set.
run 0 deploy-set-erased "$ROSTER" deploy set "Irma, Sint Maarten" "$amelie" \
    deployed
# values LIKE: how many audit values are like it; set OLD NEW: how many
# status sets from OLD to NEW.
values() {
	sqlite3 "$ROSTER_DB" "SELECT count(*) FROM audit_change WHERE
	    old LIKE '$1' OR new LIKE '$1'"
}
set_lines() {
	sqlite3 "$ROSTER_DB" "SELECT count(*) FROM audit_change c JOIN audit a
	    ON a.pk = c.audit WHERE a.action = 'set' AND c.field = 'status'
	    AND c.old = '$1' AND c.new = '$2'"
}
[ "$(values "$amelie")$(set_lines confirmed deployed)" = 11 ] && ok ||
    bad "deploy-set-erased: her add's and her set's values are not kept"
run 0 erase "$ROSTER" erase "$amelie"
[ "$(cat "$work/out")" = "erased Amélie Dubois ($amelie)" ] && ok ||
    bad "erase: printed '$(cat "$work/out")'"
# Not a byte of them left in the file or its WAL.
for f in "$ROSTER_DB" "$ROSTER_DB-wal" "$ROSTER_DB-shm"; do
	[ -e "$f" ] || continue
	for t in Amélie amelie Dubois dubois amelie.dubois@police.example \
	    "+33 6 12 34 56 78" "Speaks Bambara" "speaks bambara"; do
		LC_ALL=C grep -aqF -- "$t" "$f" &&
		    bad "erase: '$t' is still in $f" || ok
	done
done
# No audit value holds her id or name; the others' deployment lines keep
# theirs.
[ "$(values "%$amelie%")$(values %Dubois%)$(values %Amélie%)" = 000 ] &&
    ok || bad "erase: an audit value still names her"
[ "$(set_lines confirmed deployed)" = 0 ] && ok ||
    bad "erase: her status set's values are kept"
[ "$(set_lines proposed contacted)" = 1 ] && ok ||
    bad "erase: another member's status set lost its values"
run 0 log-erased "$ROSTER" log --format csv "$amelie"
mask
[ "$(cat "$work/out")" = "$(printf 'at,who,entity,id,name,action,fields,field,old,new\r\nWHEN,USER,person,%s,,erased,,,,\r' "$amelie")" ] &&
    ok || bad "log-erased: $(cat "$work/out")"
run 1 erase-again "$ROSTER" erase "$amelie"
says erase-again "roster: erase: $amelie was erased on "
# The id from an old call-out sheet: said to be erased, not unknown.
run 1 show-erased "$ROSTER" show "$amelie"
says show-erased "roster: show: $amelie was erased on "
run 2 set-erased "$ROSTER" person set "$amelie" notes=back
says set-erased "roster: person set: $amelie was erased on "
run 1 review-erased "$ROSTER" person review "$amelie"
says review-erased "roster: person review: $amelie was erased on "
run 1 deploy-add-erased "$ROSTER" deploy add "irma, sint maarten" 2222 "$amelie"
says deploy-add-erased "roster: deploy add: $amelie was erased on "
run 1 deploy-set-erased "$ROSTER" deploy set "irma, sint maarten" "$amelie" confirmed
says deploy-set-erased "roster: deploy set: $amelie was erased on "
run 1 deploy-remove-erased "$ROSTER" deploy remove "irma, sint maarten" "$amelie"
says deploy-remove-erased "roster: deploy remove: $amelie was erased on "
run 0 erase-deployment "$ROSTER" deploy show "irma, sint maarten"
grep -q Dubois "$work/out" && bad "erase: still on the deployment" || ok

# An export from before the erase: everything else comes back, they do
# not (exit status 0), and each of their rows is named.
run 0 reimport "$ROSTER" import "$work/before/people.csv" \
    "$work/before/missions.csv" "$work/before/unavailability.csv" \
    "$work/before/deployments.csv" "$work/before/assignments.csv"
says reimport "people.csv:2: $amelie was erased on "
says reimport "; not imported again"
says reimport "missions.csv:2: $amelie was erased on "
says reimport "unavailability.csv:2: $amelie was erased on "
says reimport "roster: imported 5 people, 3 missions, 1 unavailability windows, 3 deployments, 3 assignments; 4 erased (not imported)"
run 1 reimport-search "$ROSTER" search amelie
[ "$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM person")" = 5 ] && ok ||
    bad "reimport: not 5 people"

# A renamed deployment keeps its history: its lines under the old name
# are its own, and the old name still finds them.  A new deployment that
# takes the old name later does not inherit them.
run 0 rename "$ROSTER" deploy edit "irma, sint maarten" --rename "Irma 2017"
run 0 log-renamed "$ROSTER" log --format csv "irma 2017"
grep -q ',deployment,Irma\, Sint Maarten,,create,' "$work/out" ||
    grep -q ',deployment,"Irma, Sint Maarten",,create,' "$work/out" && ok ||
    bad "log-renamed: the create line under the old name is missing"
grep -q ',rename,' "$work/out" && ok ||
    bad "log-renamed: the rename line is missing"
run 0 log-old-name "$ROSTER" log --format csv "irma, sint maarten"
grep -q ',rename,' "$work/out" && ok ||
    bad "log-old-name: the old name's lines are not found"
run 0 reuse "$ROSTER" deploy create "Irma, Sint Maarten" --country SX \
    --start 2030-01-01
run 0 log-reused "$ROSTER" log --format csv "irma 2017"
grep -q 2030-01-01 "$work/out" && bad "log-reused: the new deployment's \
lines are in the old one's log" || ok
run 0 log-reused-new "$ROSTER" log --format csv "irma, sint maarten"
grep -q ',rename,' "$work/out" && bad "log-reused-new: the old deployment's \
lines are in the new one's log" || ok
grep -q 2030-01-01 "$work/out" && ok ||
    bad "log-reused-new: the new deployment's create line is missing"

finish

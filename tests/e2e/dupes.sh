#!/bin/sh
# The same person twice (roster dupes): the pairs listed in each format,
# exit 1 when there is none, not-same remembered, a merge with --take,
# and the merged id still reaching the kept person in show, log, import
# and erase; bad input exits 2 with the database unchanged.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
unset XDG_DATA_HOME
anna=aaaaaaaa-1111-4111-8111-111111111111
anne=bbbbbbbb-2222-4222-8222-222222222222
piet=cccccccc-3333-4333-8333-333333333333
pieter=dddddddd-4444-4444-8444-444444444444

head -1 "$fix/people.csv" >"$work/people.csv"
cat >>"$work/people.csv" <<PEOPLE
$anna,de Wit,Anna,KMar,Major,f,a.dewit@kmar.nl,,active,2,,,,fr:B2,,,
$anne,De Wit,Anna,Politie,Captain,f,A.DEWIT@kmar.nl,+31 6 1234 5678,active,5,,,,fr:C1;en:B1,,,
$piet,Jansen,Piet,KMar,,m,,,active,0,,,,,,,
$pieter,Bakker,Pieter,KMar,,m,,,active,0,,,,,,,
PEOPLE
run 0 import "$ROSTER" import "$work/people.csv"

# Two empty e-mails are no pair: only Anna de Wit's two records are.
run 0 list "$ROSTER" dupes
printf '%s\n' "Anna de Wit (aaaaaaaa) and Anna De Wit (bbbbbbbb): same e-mail a.dewit@kmar.nl" >"$work/want"
same list "$work/want" "$work/out"
run 0 list-csv "$ROSTER" dupes --format csv
grep -q "^$anna,Anna de Wit,,$anne,Anna De Wit,,same e-mail a.dewit@kmar.nl" \
    "$work/out" && ok || bad "dupes --format csv: $(cat "$work/out")"
run 0 list-json "$ROSTER" dupes --format json
grep -q '"why": \["email"\]' "$work/out" && ok ||
    bad "dupes --format json: $(cat "$work/out")"

# A name written outside roster with an escape sequence is shown, never
# sent to the terminal.
sqlite3 "$ROSTER_DB" "UPDATE person SET family_name = 'De Wit' ||
    char(27) || ']0;PWNED' || char(7) WHERE id = '$anne'"
for f in table csv json; do
	run 0 "hostile-$f" "$ROSTER" dupes --format $f
	grep -q PWNED "$work/out" && ok || bad "dupes --format $f: no name"
	LC_ALL=C tr -d '\n\r' <"$work/out" | LC_ALL=C grep -aq '[[:cntrl:]]' &&
	    bad "dupes --format $f sent a control character" || ok
done
sqlite3 "$ROSTER_DB" "UPDATE person SET family_name = 'De Wit'
    WHERE id = '$anne'"

# Bad input: exit 2, nothing changed.
sqlite3 "$ROSTER_DB" .dump >"$work/before.dump"
run 2 take-list "$ROSTER" dupes merge aaaa bbbb --take languages
says take-list "roster: dupes merge: --take: 'languages' is not a field to take (expected one of family_name"
run 2 take-unknown "$ROSTER" dupes merge aaaa bbbb --take colour
says take-unknown "'colour' is not a field to take"
run 2 merge-self "$ROSTER" dupes merge aaaa aaaaaaaa
says merge-self "dupes merge: a person cannot be merged into themselves"
run 2 not-same-self "$ROSTER" dupes not-same cccc cccc
run 1 merge-nobody "$ROSTER" dupes merge aaaa 99999999-9999-4999-8999-999999999999
run 2 dupes-words "$ROSTER" dupes extra
run 2 format "$ROSTER" dupes --format xml
sqlite3 "$ROSTER_DB" .dump >"$work/after.dump"
same unchanged "$work/before.dump" "$work/after.dump"

# Not the same: remembered, and the list is empty (exit 1, like search).
run 0 not-same "$ROSTER" dupes not-same bbbb aaaa
grep -q "^not the same: Anna De Wit (bbbbbbbb) and Anna de Wit (aaaaaaaa)$" \
    "$work/out" && ok || bad "not-same said: $(cat "$work/out")"
run 1 none "$ROSTER" dupes
[ -s "$work/out" ] && bad "dupes with no pair printed: $(cat "$work/out")" || ok
sqlite3 "$ROSTER_DB" "DELETE FROM not_same"

# Merge, taking the phone and rank: Anna's other id lives on as an alias.
run 0 merge "$ROSTER" dupes merge aaaa bbbb --take phone --take rank
grep -q "^merged Anna De Wit (bbbbbbbb) into Anna de Wit (aaaaaaaa)$" \
    "$work/out" && ok || bad "merge said: $(cat "$work/out")"
run 1 merged-gone "$ROSTER" dupes
# The words index holds the kept person and no one else.
run 0 check "$ROSTER" check
run 0 show-alias "$ROSTER" show "$anne"
says show-alias "roster: show: $anne was merged into Anna de Wit (aaaaaaaa)"
grep -q "Captain" "$work/out" && ok || bad "show: the rank taken is missing"
grep -q "+31 6 1234 5678" "$work/out" && ok || bad "show: the phone taken is missing"
run 0 log-kept "$ROSTER" log "$anna"
grep -q "create .*Anna de Wit ($anne)" "$work/out" && ok ||
    bad "log of the kept person lacks the merged id's lines: $(cat "$work/out")"
grep -q "merge" "$work/out" && ok || bad "log lacks the merge"

# An import naming the merged id updates the kept person.
head -1 "$fix/people.csv" >"$work/again.csv"
echo "$anne,de Wit,Anna,KMar,Colonel,f,a.dewit@kmar.nl,+31 6 1234 5678,active,5,,,,fr:C1;en:B1,,," \
    >>"$work/again.csv"
run 0 import-alias "$ROSTER" import "$work/again.csv"
says import-alias "$anne was merged into Anna de Wit (aaaaaaaa); that record is updated"
says import-alias "1 of ids merged away (the kept person updated)"
[ "$(sqlite3 "$ROSTER_DB" "SELECT count(*) || rank FROM person WHERE family_name = 'de Wit'")" = 1Colonel ] &&
    ok || bad "import of the merged id did not update the kept person"

# Erasing the kept person erases the merged id too.
run 0 erase "$ROSTER" erase "$anna"
[ "$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM erased WHERE id IN ('$anna', '$anne')")" = 2 ] &&
    ok || bad "erase left the merged id without a tombstone"
run 1 show-erased "$ROSTER" show "$anne"
says show-erased "was erased on"

finish

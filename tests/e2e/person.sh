#!/bin/sh
# roster person add, set, mission add|remove and away end to end: each
# command's success (what the database then holds, what is said, the
# audit), and each bad input: exit 2, import's words with the field named,
# and the database exactly as it was (its dump compared before and after).
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
unset XDG_DATA_HOME

"$ROSTER" import "$fix/people.csv" "$fix/missions.csv" 2>/dev/null ||
    bad "import of the fixture failed"
dubois=11111111-1111-4111-8111-111111111111

q() { sqlite3 "$ROSTER_DB" "$1"; }

# is NAME SQL WANT: the query gives WANT.
is() {
	got=$(q "$2")
	if [ "$got" = "$3" ]; then
		ok
	else
		bad "$1: '$2' gave '$got', expected '$3'"
	fi
}

# refused NAME TEXT ARGS...: exit 2, TEXT on stderr, nothing on stdout,
# the database unchanged.
refused() {
	name=$1 text=$2
	shift 2
	q .dump >"$work/before"
	run 2 "$name" "$ROSTER" "$@"
	says "$name" "$text"
	[ -s "$work/out" ] && bad "$name: printed $(cat "$work/out")" || ok
	q .dump >"$work/after"
	same "$name: database unchanged" "$work/before" "$work/after"
}

# person add: prints the id and the name; the fields as given.
run 0 add "$ROSTER" person add --family "de Wit" --given Anna \
    "languages=nl:native;EN:c1" +languages=fr:B1 email=anna@politie.example \
    notice_days=007 themes=Drugs
id=$(cut -d' ' -f1 "$work/out")
if grep -qE '^[0-9a-f-]{36} Anna de Wit$' "$work/out"; then ok; else
	bad "add: printed '$(cat "$work/out")'"
fi
is add-values "SELECT email, notice_days, status FROM person WHERE id = '$id'" \
    "anna@politie.example|7|active"
is add-langs "SELECT group_concat(code || level, ' ') FROM (SELECT code, level
    FROM person_language l JOIN person p ON p.pk = l.person
    WHERE p.id = '$id' ORDER BY code)" "en5 fr3 nl7"
is add-audit "SELECT count(*) FROM audit a JOIN audit_change c ON
    c.audit = a.pk WHERE a.entity_id = '$id' AND a.action = 'create' AND
    c.field = 'email' AND c.old IS NULL AND c.new = 'anna@politie.example'" 1
run 0 add-found "$ROSTER" search --format ids wit
same add-found "$work/out" - <<EOF
$id
EOF

refused add-no-given "usage: roster person add --family NAME --given NAME" \
    person add --family Jansen
refused add-empty-family "person add: family_name: missing family name" \
    person add --family "" --given Piet
refused add-empty-given "person add: given_name: missing given name" \
    person add --family Jansen --given ""
refused add-bad-field "person add: unknown field 'shoe_size'" \
    person add --family Jansen --given Piet shoe_size=44
refused add-bad-email "person add: email: 'piet.example' is not an e-mail address" \
    person add --family Jansen --given Piet email=piet.example
refused add-control "person add: given_name: control character 0x1b (expected plain text)" \
    person add --family Jansen --given "$(printf 'P\033[31miet')"
refused add-duplicate "person add: jan De Vries is probably Jan de Vries (22222222), already in the pool (same name and e-mail): change them with roster person set" \
    person add --family "De Vries" --given jan email=JAN.de.vries@kmar.example
refused add-dnc-until "person add: dnc_until: 2027-01-01 without a reason in dnc" \
    person add --family Jansen --given Piet dnc_until=2027-01-01

# Refused with no pool yet: none is made, nor its directory, as a
# refused import leaves none.
run 2 add-no-pool env ROSTER_DB="$work/none/pool.db" "$ROSTER" person add \
    --family Jansen --given Piet email=piet.example
[ -e "$work/none" ] && bad "add-no-pool: $(ls -R "$work/none")" || ok

# person set: whole values, list items, the fields it changed.
run 0 set "$ROSTER" person set 1111 email=a.dubois@police.example \
    -languages=ar +themes=drugs dnc=illness dnc_until=2027-03-31 \
    reviewed=2026-11-20
says set "roster: Amélie Dubois: changed email, languages, themes, dnc, dnc_until, reviewed"
is set-values "SELECT email, dnc, dnc_until, reviewed, version FROM person
    WHERE id = '$dubois'" \
    "a.dubois@police.example|illness|2027-03-31|2026-11-20|2"
is set-audit "SELECT c.old || ' > ' || c.new FROM audit a JOIN audit_change c
    ON c.audit = a.pk WHERE a.entity_id = '$dubois' AND a.action = 'update'
    AND c.field = 'languages'" "ar:B1;en:C1;fr:native > en:C1;fr:native"
run 0 set-same "$ROSTER" person set $dubois email=a.dubois@police.example
says set-same "roster: Amélie Dubois: nothing to change"
is set-same-version "SELECT version FROM person WHERE id = '$dubois'" 2
run 0 set-list "$ROSTER" person set 1111 "languages=fr:native;en:C2"
is set-list-value "SELECT group_concat(code || level, ' ') FROM (SELECT code,
    level FROM person_language l JOIN person p ON p.pk = l.person
    WHERE p.id = '$dubois' ORDER BY code)" "en6 fr7"
run 0 set-clear "$ROSTER" person set 1111 dnc= dnc_until=
is set-clear-value "SELECT dnc || '|' || coalesce(dnc_until, 'none') FROM
    person WHERE id = '$dubois'" "|none"

# A do-not-call mark already over, or a review in the future, is taken
# (an import of old records has them) but is most likely a slip: warned.
run 0 set-dnc-over "$ROSTER" person set 1111 dnc=leave dnc_until=2026-11-01
says set-dnc-over "roster: warning: Amélie Dubois: dnc_until 2026-11-01 is before today: the mark is over already"
run 0 set-dnc-today "$ROSTER" person set 1111 dnc_until=2026-11-23
[ "$(grep -c warning "$work/err")" = 0 ] && ok || bad "set-dnc-today: warned"
run 0 set-review-future "$ROSTER" person set 1111 reviewed=2027-11-20
says set-review-future "roster: warning: Amélie Dubois: reviewed 2027-11-20 is after today"
run 0 set-dnc-back "$ROSTER" person set 1111 dnc= dnc_until= \
    reviewed=2026-11-20
[ "$(grep -c warning "$work/err")" = 0 ] && ok || bad "set-dnc-back: warned"

refused set-bad-lang "person set: languages: unknown language code 'xx' (expected an ISO 639-1 code such as fr)" \
    person set 1111 email=x@y.example languages=xx:B2
refused set-add-bad-lang "person set: languages: 'B7' is not a level" \
    person set 1111 +languages=de:B7
refused set-remove-missing "person set: themes: 'cybercrime' is not in the list" \
    person set 1111 -themes=cybercrime
refused set-bad-theme "person set: themes: unknown theme 'bordr-management' (did you mean 'border-management'?)" \
    person set 1111 +themes=bordr-management
refused set-bad-date "person set: passport_expiry: '03/12/2030' is not a date (did you mean 2030-12-03?)" \
    person set 1111 passport_expiry=03/12/2030
refused set-bad-notice "person set: notice_days: '3d' is not a number of days" \
    person set 1111 notice_days=3d
refused set-bad-status "person set: status: 'retired' is not allowed (expected active, inactive, left or empty)" \
    person set 1111 status=retired
refused set-bad-dnc "person set: dnc: 'holiday' is not allowed (expected leave, illness, personal, other or empty)" \
    person set 1111 dnc=holiday
refused set-unknown-field "person set: unknown field 'shoe_size'" \
    person set 1111 shoe_size=44
refused set-no-equals "person set: 'email' is not FIELD=VALUE" \
    person set 1111 email
refused set-plus-scalar "person set: notes: + works on lists only" \
    person set 1111 +notes=more
refused set-unknown-person "person set: no person with id '9999'" \
    person set 9999 email=x@y.example
refused set-bad-id "person set: 'zz-top' is not an id" \
    person set zz-top email=x@y.example
refused set-no-family "person set: family_name: missing family name" \
    person set 1111 family_name=
# A field given whole twice is a slip, not a choice of the last value;
# items added and removed one by one are not.
refused set-twice "person set: notice_days: given twice (give each field once)" \
    person set 1111 notice_days=5 notice_days=6
refused set-twice-list "person set: languages: given twice (give each field once)" \
    person set 1111 +languages=de:B1 languages=en:C1
refused add-twice "person add: family_name: given twice (give each field once)" \
    person add --family Jansen --given Piet family_name=Janssen
run 0 set-items "$ROSTER" person set 6666 +languages=de:B1 +languages=it:A2 \
    -languages=de
is set-items-value "SELECT group_concat(code || level, ' ') FROM (SELECT code,
    level FROM person_language l JOIN person p ON p.pk = l.person
    WHERE p.id LIKE '6666%' ORDER BY code)" "en4 es7 fr5 it2"
# Spaces around an item removed, as around one added.
run 0 set-remove-spaces "$ROSTER" person set 6666 "-languages= it " \
    "-themes= Border-Management "
is set-remove-spaces-value "SELECT (SELECT group_concat(code, ' ') FROM
    (SELECT code FROM person_language l JOIN person p ON p.pk = l.person
    WHERE p.id LIKE '6666%' ORDER BY code)) || '|' || (SELECT
    group_concat(slug) FROM person_theme t JOIN person p ON p.pk = t.person
    WHERE p.id LIKE '6666%')" "en es fr|migrant-smuggling"
refused set-remove-nothing "person set: themes: no item to remove (expected one, as in -themes=drugs)" \
    person set 6666 "-themes= "
refused set-usage "usage: roster person set ID FIELD=VALUE..." \
    person set 1111

# person mission add and remove.
run 0 mission-add "$ROSTER" person mission add 2222 --mission "EUBAM Libya" \
    --country ly --start 2021-02-01 --end 2022-01-31 --role Adviser \
    --themes "Border-management;drugs"
says mission-add "roster: Jan de Vries: added mission EUBAM Libya from 2021-02-01"
is mission-add-row "SELECT s.country || ' ' || s.end || ' ' || s.role || ' ' ||
    (SELECT group_concat(slug, ';') FROM (SELECT slug FROM service_theme
    WHERE service = s.pk ORDER BY slug)) FROM service s JOIN mission m ON
    m.pk = s.mission WHERE m.name = 'EUBAM Libya'" \
    "LY 2022-01-31 Adviser border-management;drugs"
is mission-add-audit "SELECT count(*) FROM audit a JOIN audit_change c ON
    c.audit = a.pk WHERE a.action = 'mission add' AND c.field = 'mission'
    AND c.new = 'EUBAM Libya'" 1
run 0 mission-found "$ROSTER" search --format ids mission:eubam
same mission-found "$work/out" - <<EOF
22222222-2222-4222-8222-222222222222
EOF
run 0 mission-update "$ROSTER" person mission add 2222 --mission "EUBAM Libya" \
    --country LY --start 2021-02-01 --end 2022-06-30
says mission-update "roster: Jan de Vries: updated mission EUBAM Libya from 2021-02-01"
is mission-update-row "SELECT count(*) FROM service WHERE end = '2022-06-30'" 1
run 0 mission-same "$ROSTER" person mission add 2222 --mission "EUBAM Libya" \
    --country LY --start 2021-02-01 --end 2022-06-30
says mission-same "roster: Jan de Vries: nothing to change"

refused mission-bad-country "person mission add: country: unknown country code 'QQ'" \
    person mission add 2222 --mission "EUBAM Libya" --country QQ \
    --start 2021-02-01
refused mission-bad-end "person mission add: end: 2020-01-01 is before the start 2021-02-01" \
    person mission add 2222 --mission X --country LY --start 2021-02-01 \
    --end 2020-01-01
refused mission-bad-start "person mission add: start: '1.2.2021' is not a date (did you mean 2021-02-01?)" \
    person mission add 2222 --mission X --country LY --start 1.2.2021
refused mission-no-name "person mission add: mission: missing mission name" \
    person mission add 2222 --mission "" --country LY --start 2021-02-01
refused mission-bad-theme "person mission add: themes: unknown theme 'astrology'" \
    person mission add 2222 --mission X --country LY --start 2021-02-01 \
    --themes astrology
refused mission-no-start "usage: roster person mission add ID" \
    person mission add 2222 --mission X --country LY
refused mission-unknown-person "person mission add: no person with id '9999'" \
    person mission add 9999 --mission X --country LY --start 2021-02-01
refused mission-remove-missing "person mission remove: Jan de Vries has no mission 'EUBAM Libya' from 2021-03-01 (their missions: EULEX Kosovo from 2015-01-15, EUBAM Libya from 2021-02-01)" \
    person mission remove 2222 "EUBAM Libya" 2021-03-01
# The name in another case, as typed at night, is the one mission there.
run 0 mission-remove-case "$ROSTER" person mission remove 2222 \
    "eulex kosovo" 2015-01-15
says mission-remove-case "roster: Jan de Vries: removed mission EULEX Kosovo from 2015-01-15"
run 0 mission-readd "$ROSTER" person mission add 2222 --mission "EULEX Kosovo" \
    --country XK --start 2015-01-15 --end 2017-01-14 --role Investigator \
    --themes "organised-crime;rule-of-law"

run 0 mission-remove "$ROSTER" person mission remove 2222 "EUBAM Libya" \
    2021-02-01
says mission-remove "roster: Jan de Vries: removed mission EUBAM Libya from 2021-02-01"
is mission-remove-row "SELECT count(*) FROM service s JOIN mission m ON
    m.pk = s.mission WHERE m.name = 'EUBAM Libya'" 0
is mission-remove-audit "SELECT count(*) FROM audit a JOIN audit_change c ON
    c.audit = a.pk WHERE a.action = 'mission remove' AND c.field = 'end'
    AND c.old = '2022-06-30' AND c.new IS NULL" 1

# person away: a window, open or closed, and the availability it makes.
run 0 away "$ROSTER" person away 4444 2026-12-01 2026-12-24 --reason Leave
says away "roster: Jürgen Müller: away from 2026-12-01 to 2026-12-24"
run 0 away-check "$ROSTER" search --format ids "avail:2026-12-05..2026-12-10"
grep -q 44444444 "$work/out" && bad "away: Müller still available" || ok
run 0 away-open "$ROSTER" person away 6666 2027-02-01
says away-open "roster: Lucía García Márquez: away from 2027-02-01 until further notice"
is away-rows "SELECT group_concat(start || '..' || coalesce(end, '') || ' ' ||
    reason, ', ') FROM (SELECT * FROM unavailability ORDER BY start)" \
    "2026-12-01..2026-12-24 Leave, 2027-02-01.. "
is away-audit "SELECT count(*) FROM audit WHERE action = 'away add'" 2
run 0 away-same "$ROSTER" person away 6666 2027-02-01
says away-same "roster: Lucía García Márquez: nothing to change"

# An empty TO, as a script passes an unknown end, is until further notice.
run 0 away-empty-to "$ROSTER" person away 2222 2027-03-01 ""
says away-empty-to "roster: Jan de Vries: away from 2027-03-01 until further notice"
refused away-bad-to "person away: to: 2026-01-31 is before the start 2026-12-01" \
    person away 4444 2026-12-01 2026-01-31
refused away-bad-from "person away: from: 'tomorrow' is not a date" \
    person away 4444 tomorrow
refused away-control "person away: reason: control character 0x07 (expected plain text)" \
    person away 4444 2027-01-01 --reason "$(printf 'a\007b')"
# Bytes that are not UTF-8: import refuses them in a file, so an export
# of them would not import again.
refused set-bad-utf8 "person set: rank: invalid UTF-8 (expected plain text)" \
    person set 1111 "rank=$(printf 'A\377B')"
refused add-bad-utf8 "person add: family_name: invalid UTF-8 (expected plain text)" \
    person add --family "$(printf 'Jans\303')" --given Piet
refused mission-bad-utf8 "person mission add: role: invalid UTF-8 (expected plain text)" \
    person mission add 2222 --mission X --country LY --start 2021-02-01 \
    --role "$(printf '\200dviser')"
refused away-bad-utf8 "person away: reason: invalid UTF-8 (expected plain text)" \
    person away 4444 2027-01-01 --reason "$(printf 'Le\355ve')"
refused away-unknown "person away: no person with id 'abcdef'" \
    person away abcdef 2027-01-01
refused away-usage "usage: roster person away ID FROM [TO] [--reason REASON]" \
    person away 4444

# --read-only: every person command, erase and deploy create are refused
# in the same words, exit 2, nothing changed (not SQLite's "attempt to
# write a readonly database", exit 3).
for cmd in "person add --family Jansen --given Piet" \
    "person set 1111 notes=x" "person review 1111" \
    "person away 4444 2027-01-01" \
    "person mission add 2222 --mission X --country LY --start 2021-02-01" \
    "erase $dubois" "deploy create Quake --country HT --start 2027-01-01"; do
	# shellcheck disable=SC2086
	refused "read-only $cmd" "$ROSTER_DB: opened with --read-only; nothing was changed" \
	    --read-only $cmd
done
refused "read-only mission remove" "$ROSTER_DB: opened with --read-only; nothing was changed" \
    --read-only person mission remove 2222 "EULEX Kosovo" 2015-01-15

# An ambiguous prefix names the people it could be, so the next try can
# be the right one.
printf '%s\n' id,family_name,given_name \
    abcdabcd-0000-4000-8000-000000000001,Twin,One \
    abcdabcd-0000-4000-8000-000000000002,Twin,Two >"$work/twins.csv"
"$ROSTER" import "$work/twins.csv" 2>/dev/null || bad "twins import failed"
refused ambiguous "person set: id 'abcd' is ambiguous: One Twin (abcdabcd-0000-4000-8000-000000000001), Two Twin (abcdabcd-0000-4000-8000-000000000002) (expected more characters)" \
    person set abcd notes=x
refused ambiguous-review "person review: id 'abcdabcd-0000' is ambiguous: One Twin" \
    person review 1111 abcdabcd-0000

# roster(1)'s example of the person commands, run as the page prints it
# (its ids made this pool's): the commands work and say what it shows.
awk '/^\.Ss Person$/ { p = 1 } p && /^For example:$/ { q = 1; next }
    q && /^\.Bd/ { r = 1; next } r && /^\.Ed/ { exit }
    r { if (sub(/\\e$/, "")) { part = part $0; next }
	print part $0; part = "" }' "$top_srcdir/man/roster.1" |
    sed 's/\\-/-/g' >"$work/example"
: >"$work/said"
: >"$work/shown"
short=
while IFS= read -r line; do
	case $line in
	'$ roster '*)
		cmd=$(printf '%s\n' "${line#\$ roster }" |
		    sed "s/3f2c /${short:-3f2c} /")
		eval "ROSTER_DB=\"\$work/example.db\" \"\$ROSTER\" $cmd" \
		    >>"$work/said" 2>&1
		[ -n "$short" ] || short=$(cut -c1-8 "$work/said")
		;;
	*)	printf '%s\n' "$line" >>"$work/shown" ;;
	esac
done <"$work/example"
long=$(head -n 1 "$work/said" | cut -d' ' -f1)
sed "s/$long/3f2c9a1e-5d7b-4c1e-9f0a-2b6d8e4c7a10/" "$work/said" >"$work/said.1"
same man-example "$work/shown" "$work/said.1"

# A family without its subcommand lists them.
refused person-alone "usage: roster person add|set|" \
    person

finish

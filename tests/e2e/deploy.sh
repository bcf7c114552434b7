#!/bin/sh
# Deployments end to end: from "hurricane, Sint Maarten, 2 Dutch speakers,
# 1 DVI expert, 2 first-aiders, leave within 48 hours" to a call-out sheet,
# with every refusal (double booking, going back, bad input) on the way.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
unset XDG_DATA_HOME

"$ROSTER" demo --size 500 --seed 1 "$ROSTER_DB" 2>/dev/null ||
    bad "roster demo failed"
irma="Irma Sint Maarten"
dash=$(printf '\342\200\223')	# the en dash in "2–29 December"

# Create: bad input changes nothing.
run 2 create-bad-need "$ROSTER" deploy create "$irma" --country SX \
    --start +2d --need 2:lang:xx
says create-bad-need "need '2:lang:xx'"
run 2 create-bad-count "$ROSTER" deploy create "$irma" --country SX \
    --start +2d --need lang:nl
says create-bad-count "expected COUNT:FILTER"
run 2 create-bad-country "$ROSTER" deploy create "$irma" --country Atlantis \
    --start +2d
says create-bad-country "--country"
run 2 create-bad-date "$ROSTER" deploy create "$irma" --country SX \
    --start 2026-02-30
says create-bad-date "--start '2026-02-30' is not a date (expected YYYY-MM-DD, today, tomorrow, +Nd or +Nw)"
run 2 create-bad-kind "$ROSTER" deploy create "$irma" --country SX \
    --start +2d --kind volcano
says create-bad-kind "unknown kind 'volcano'"
run 2 create-end-before "$ROSTER" deploy create "$irma" --country SX \
    --start +2d --end +1d
# Refused with no pool yet: none is made, nor its directory.
run 2 create-no-pool env ROSTER_DB="$work/none/pool.db" "$ROSTER" deploy \
    create "$irma" --country Atlantis --start +2d
[ -e "$work/none" ] && bad "create-no-pool: $(ls -R "$work/none")" || ok
# A deployment's needs are bounded as a whole: 1000 terms in all.
need600=$(awk 'BEGIN { s = "1:lang:nl"; for (i = 1; i < 600; i++)
    s = s " OR lang:nl"; print s }')
run 2 create-needs-bound "$ROSTER" deploy create "$irma" --country SX \
    --start +2d --need "$need600" --need "$need600"
says create-needs-bound "the needs have more than 1000 terms in all"
printf 'name,kind,country,start,end,status,needs\nBig,other,SX,2026-12-01,,planning,"%s\n%s"\n' \
    "$need600" "$need600" >"$work/big-needs.csv"
run 2 import-needs-bound "$ROSTER" import "$work/big-needs.csv"
says import-needs-bound "big-needs.csv:2: column 7 (needs): the needs have more than 1000 terms in all"
n=$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM deployment")
[ "$n" = 0 ] && ok || bad "refused creates left $n deployments"

run 0 create "$ROSTER" deploy create "$irma" --kind HURRICANE \
    --country 'sint maarten' --start +2d --need 2:lang:nl \
    --need 1:theme:disaster-victim-identification --need 2:skill:first-aid
says create "created deployment '$irma' with 3 needs"
says create-window "$irma: from 25 November 2026, open-ended"
run 1 create-twice "$ROSTER" deploy create "IRMA SINT MAARTEN" --country SX \
    --start +2d
says create-twice "exists"
# A kind in any case, as files take it, is kept in lower case.
[ "$(sqlite3 "$ROSTER_DB" "SELECT kind FROM deployment")" = hurricane ] &&
    ok || bad "deploy create --kind HURRICANE was not kept as hurricane"

# Suggest: who covers the needs, why, and who was left out.
run 0 suggest "$ROSTER" deploy suggest "$irma"
golden deploy-suggest.txt
run 0 suggest-ids "$ROSTER" deploy suggest "$irma" --format ids
cp "$work/out" "$work/team"
[ "$(wc -l <"$work/team")" -ge 1 ] && ok || bad "suggest --format ids is empty"
says suggest-ids "left out:"

# Add the team through a pipe, as roster(1) shows.
"$ROSTER" deploy add "$irma" - <"$work/team" 2>"$work/err" &&
    ok || bad "deploy add - failed"
says add "added to '$irma'"
run 0 show "$ROSTER" deploy show "$irma"
stamps
golden deploy-show.txt
# Once the needs are covered, there is nobody left to suggest.
run 1 suggest-covered "$ROSTER" deploy suggest "$irma"
grep -q "every need is covered" "$work/out" && ok ||
    bad "suggest after adding the team does not say the needs are covered"

# The pipeline: forward (jumping), never back; every change kept.
first=$(head -n 1 "$work/team")
run 0 set-contacted "$ROSTER" deploy set "$irma" "$first" contacted
run 0 set-confirmed "$ROSTER" deploy set "$irma" "$first" confirmed
run 1 set-back "$ROSTER" deploy set "$irma" "$first" proposed
says set-back "cannot become proposed"
run 2 set-bad-status "$ROSTER" deploy set "$irma" "$first" maybe
says set-bad-status "unknown status 'maybe' (expected proposed, contacted, confirmed, deployed, returned, declined or withdrawn)"
run 1 set-stranger "$ROSTER" deploy set "$irma" \
    "$("$ROSTER" search --format ids | tail -n 1)" contacted
says set-stranger "is not on the list"
n=$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM assignment_history h JOIN
    assignment a ON a.pk = h.assignment JOIN person p ON p.pk = a.person
    WHERE p.id = '$first'")
[ "$n" = 3 ] && ok || bad "history of $first has $n changes, expected 3"

# Confirmed on Irma, the same person cannot be confirmed on MH17 meanwhile.
run 0 create-mh17 "$ROSTER" deploy create MH17 --kind air-disaster \
    --country UA --start +1d --end +30d --need 1:lang:nl
says create-mh17 "MH17: 24 November $dash 23 December 2026, 30 days"
run 0 add-mh17 "$ROSTER" deploy add MH17 "$first" --role "DVI liaison"
run 1 double-booking "$ROSTER" deploy set MH17 "$first" confirmed
says double-booking "already confirmed or deployed on '$irma'"
run 0 double-booking-forced "$ROSTER" deploy set MH17 "$first" confirmed \
    --force
# A confirmed member is not available: avail: honours the booking.
run 0 avail "$ROSTER" search --format ids avail:+3d
grep -q "$first" "$work/out" && bad "$first is still available" || ok

# A person's record lists their deployments.
run 0 show-person "$ROSTER" show "$first"
grep -q "^Deployments  $irma (SX, 2026-11-25 to open-ended): confirmed since " \
    "$work/out" && ok || bad "show does not list the Irma booking"
grep -q "^             MH17 (UA, 2026-11-24 to 2026-12-23): confirmed since " \
    "$work/out" && ok || bad "show does not list the MH17 booking"

# Exports for the people who act on the list.
run 0 show-csv "$ROSTER" deploy show "$irma" --format csv
stamps
golden deploy-show.csv
run 0 show-json "$ROSTER" deploy show MH17 --format json
stamps
golden deploy-show.json
run 0 sheet "$ROSTER" deploy show "$irma" --format sheet
stamps
golden deploy-sheet.txt
run 0 list "$ROSTER" deploy list
golden deploy-list.txt

# Remove, close; a closed deployment takes nobody new.
run 0 remove "$ROSTER" deploy remove MH17 "$first"
says remove "$("$ROSTER" show "$first" | head -n 1) taken off 'MH17'"
run 1 remove-again "$ROSTER" deploy remove MH17 "$first"
says remove-again "$("$ROSTER" show "$first" | head -n 1) is not on the list of 'MH17'"
if grep -qF -- "$first" "$work/err"; then
	bad "remove-again: the message shows the bare id"
else
	ok
fi
run 0 close "$ROSTER" deploy close MH17
run 1 add-closed "$ROSTER" deploy add MH17 "$first"
says add-closed "is closed"
run 1 unknown "$ROSTER" deploy show Katrina
says unknown "no deployment named 'Katrina'"
run 2 usage "$ROSTER" deploy frobnicate
says usage "usage: roster deploy"

# --end as a length counts from the start (its first day included); +4w
# still counts from today.  Every window is echoed with its length.
run 0 create-length "$ROSTER" deploy create Len --country SX \
    --start 2026-12-02 --end 28d
says create-length "Len: 2${dash}29 December 2026, 28 days"
run 0 create-weeks "$ROSTER" deploy create Weeks --country SX --start +2d \
    --end 4w
says create-weeks "Weeks: 25 November $dash 22 December 2026, 28 days"
run 0 create-plus "$ROSTER" deploy create Plus --country SX --start +2d \
    --end +4w
says create-plus "Plus: 25 November $dash 21 December 2026, 27 days"
# Past 9999-12-31, or longer than ten years: refused, naming the option.
run 2 create-past-9999 "$ROSTER" deploy create Far --country SX \
    --start 9999-12-30 --end 4w
says create-past-9999 "deploy create: --end '4w': the end would be after 9999-12-31"
grep -q CHECK "$work/err" && bad "create-past-9999 leaks the schema" || ok
run 2 create-too-long "$ROSTER" deploy create Far --country SX \
    --start +2d --end 36500w
says create-too-long "deploy create: --end '36500w': a deployment lasts at most 3650 days (ten years)"
run 2 create-too-long-date "$ROSTER" deploy create Far --country SX \
    --start +2d --end +36500w
says create-too-long-date "a deployment lasts at most 3650 days"
run 2 edit-too-long "$ROSTER" deploy edit Len --end 600w
says edit-too-long "deploy edit: --end: a deployment lasts at most 3650 days"
[ "$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM deployment WHERE name = 'Far'
    OR end > '9000'")" = 0 ] && ok || bad "a refused window was written"
run 2 create-bad-length "$ROSTER" deploy create Bad --country SX \
    --start +2d --end 0d
says create-bad-length "or a length as 28d or 4w (from the start)"

# deploy edit: dates, kind, needs (all replaced), status forward only.
run 0 edit "$ROSTER" deploy edit Len --start 2026-12-03 --end 2w \
    --kind Flood --status active
says edit "Len: 3${dash}16 December 2026, 14 days"
sqlite3 "$ROSTER_DB" "SELECT kind, start, end, status FROM deployment
    WHERE name = 'Len'" >"$work/row"
[ "$(cat "$work/row")" = "flood|2026-12-03|2026-12-16|active" ] && ok ||
    bad "deploy edit wrote $(cat "$work/row")"
n=$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM audit WHERE
    entity = 'deployment' AND entity_id = 'Len' AND action = 'update'")
[ "$n" = 1 ] && ok || bad "deploy edit left $n audit rows"
run 1 edit-back "$ROSTER" deploy edit Len --status planning
says edit-back "'Len' is active: it cannot go back to planning"
run 2 edit-bad-status "$ROSTER" deploy edit Len --status done
run 2 edit-end-before "$ROSTER" deploy edit Len --end 2026-12-01
says edit-end-before "the end is before the start"
run 0 edit-open "$ROSTER" deploy edit Len --end open
says edit-open "Len: from 3 December 2026, open-ended"
run 0 edit-needs "$ROSTER" deploy edit Len --need 1:lang:nl --need 2:lang:fr
says edit-needs "warning: need 1 (1:lang:nl) is not covered: 0 of 1"
says edit-needs "warning: need 2 (2:lang:fr) is not covered: 0 of 2"
n=$(sqlite3 "$ROSTER_DB" "SELECT needs FROM deployment WHERE name = 'Len'")
[ "$n" = "1:lang:nl
2:lang:fr" ] && ok || bad "deploy edit --need left '$n'"
run 2 edit-needs-bound "$ROSTER" deploy edit Len --need "$need600" \
    --need "$need600"
says edit-needs-bound "the needs have more than 1000 terms in all"
[ "$(sqlite3 "$ROSTER_DB" "SELECT needs FROM deployment WHERE name = 'Len'")" \
    = "$n" ] && ok || bad "a refused deploy edit --need changed the needs"
run 1 edit-unknown "$ROSTER" deploy edit Katrina --kind flood
run 2 edit-nothing "$ROSTER" deploy edit Len
says edit-nothing "nothing to change"
run 1 edit-rename-taken "$ROSTER" deploy edit Len --rename weeks
says edit-rename-taken "a deployment named 'weeks' exists"
run 2 edit-rename-blank "$ROSTER" deploy edit Len --rename ' '
run 0 edit-rename "$ROSTER" deploy edit Len --rename Length
says edit-rename "renamed 'Len' to 'Length'"
n=$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM deployment WHERE name =
    'Length' AND needs = '1:lang:nl
2:lang:fr'")
[ "$n" = 1 ] && ok || bad "deploy edit --rename lost the deployment"
n=$(sqlite3 "$ROSTER_DB" "SELECT fields FROM audit WHERE entity_id = 'Len'
    AND action = 'rename'")
[ "$n" = name=Length ] && ok || bad "the rename is not in the audit log"

# A change of dates that makes a double booking says so, naming them.
run 0 irma-end "$ROSTER" deploy edit "$irma" --end 2026-12-20
run 0 create-winter "$ROSTER" deploy create Winter --country SX \
    --start 2027-01-10 --end 2w
run 0 add-winter "$ROSTER" deploy add Winter "$first"
run 0 set-winter "$ROSTER" deploy set Winter "$first" confirmed
run 0 edit-overlap "$ROSTER" deploy edit Winter --start 2026-12-15
says edit-overlap "warning: Willem Dekker is now double-booked: confirmed here and confirmed on '$irma', whose dates overlap"
# Only the double bookings a change makes are news.
run 0 edit-again "$ROSTER" deploy edit Winter --status active
grep -q "double-booked" "$work/err" && bad "edit-again: the old double booking said again" || ok
run 0 edit-again-kind "$ROSTER" deploy edit Winter --kind flood
grep -q "double-booked" "$work/err" && bad "edit-again-kind: the old double booking said again" || ok

# Papers that lapse before the end warn, and the member list shows it.
sqlite3 "$ROSTER_DB" "UPDATE person SET passport_expiry = '2026-12-10'
    WHERE id = '$first'"
run 0 create-papers "$ROSTER" deploy create Papers --country SX \
    --start 2026-12-01 --end 2026-12-31
run 0 add-papers "$ROSTER" deploy add Papers "$first"
# Booked on Irma meanwhile: said by name, never by id.
says add-papers "Willem Dekker is not available for the whole of the deployment"
run 0 set-papers "$ROSTER" deploy set Papers "$first" contacted
grep -q passport "$work/err" && bad "contacting warned about papers" || ok
run 0 confirm-papers "$ROSTER" deploy set Papers "$first" confirmed --force
says confirm-papers "warning: Willem Dekker: passport expires 2026-12-10, before the end 2026-12-31"
[ "$(sqlite3 "$ROSTER_DB" "SELECT a.status FROM assignment a JOIN deployment
    d ON d.pk = a.deployment JOIN person p ON p.pk = a.person WHERE
    d.name = 'Papers' AND p.id = '$first'")" = confirmed ] && ok ||
    bad "a papers warning stopped the confirmation"
# Expired apart from lapsing, every date whole, nothing cut off.
sqlite3 "$ROSTER_DB" "UPDATE person SET heat_expiry = '2026-03-20'
    WHERE id = '$first'"
ready="passport lapses 2026-12-10, HEAT expired 2026-03-20"
run 0 show-papers "$ROSTER" deploy show Papers
grep -q "  confirmed   $ready  " "$work/out" && ok ||
    bad "deploy show lacks the READY of $first"
run 0 csv-papers "$ROSTER" deploy show Papers --format csv
grep -q ",\"$ready\"" "$work/out" && ok ||
    bad "deploy show --format csv lacks the ready column"
run 0 json-papers "$ROSTER" deploy show Papers --format json
grep -q "\"ready\":\"$ready\"" "$work/out" && ok ||
    bad "deploy show --format json lacks the readiness"
run 0 sheet-papers "$ROSTER" deploy show Papers --format sheet
grep -q "Ready: $ready" "$work/out" && ok ||
    bad "the call-out sheet lacks the readiness"

# Open-ended: the suggestion says until when candidates must be free, and
# --until moves it.
run 0 create-open "$ROSTER" deploy create Open --country SX \
    --start 2026-12-01 --need 1:lang:nl
run 0 suggest-open "$ROSTER" deploy suggest Open
grep -q "^open-ended: candidates must be free until 2027-03-01\$" \
    "$work/out" && ok || bad "suggest lacks the open-ended horizon"
run 0 suggest-until "$ROSTER" deploy suggest Open --until 2026-12-20
grep -q "^open-ended: candidates must be free until 2026-12-20\$" \
    "$work/out" && ok || bad "suggest --until did not move the horizon"
run 2 suggest-until-end "$ROSTER" deploy suggest Papers --until 2027-01-01
says suggest-until-end "--until is for open-ended deployments"
run 2 suggest-until-before "$ROSTER" deploy suggest Open --until 2026-11-30
says suggest-until-before "is before the start"

# A closed deployment is over: its bookings keep nobody, even with its
# end left open (avail:, FREE, the double-booking check, suggest), and it
# takes no more changes but its status.
one=$("$ROSTER" search --format ids avail:+10d..+20d lang:fr | head -n 1)
run 0 create-over "$ROSTER" deploy create Over --country SX \
    --start 2026-11-24 --need 1:lang:fr
run 0 add-over "$ROSTER" deploy add Over "$one"
run 0 set-over "$ROSTER" deploy set Over "$one" deployed
run 0 busy "$ROSTER" search --format ids avail:+10d..+20d
grep -q "^$one\$" "$work/out" && bad "deployed on Over, still available" || ok
run 0 create-next "$ROSTER" deploy create Next --country SX \
    --start +10d --end 2w
run 0 add-next "$ROSTER" deploy add Next "$one"
run 1 set-next-open "$ROSTER" deploy set Next "$one" confirmed
says set-next-open "already confirmed or deployed on 'Over'"
run 0 close-over "$ROSTER" deploy edit Over --status closed
run 0 free "$ROSTER" search --format ids avail:+10d..+20d lang:fr
grep -q "^$one\$" "$work/out" && ok ||
    bad "the day after closing Over, its member is still not available"
run 0 set-next "$ROSTER" deploy set Next "$one" confirmed
run 1 edit-closed-end "$ROSTER" deploy edit Over --end 2w
says edit-closed-end "deployment 'Over' is closed"
run 1 edit-closed-start "$ROSTER" deploy edit Over --start +3d
says edit-closed-start "deployment 'Over' is closed"
run 1 edit-closed-kind "$ROSTER" deploy edit Over --kind flood
says edit-closed-kind "deployment 'Over' is closed"
run 1 edit-closed-need "$ROSTER" deploy edit Over --need 2:lang:fr
says edit-closed-need "deployment 'Over' is closed"
run 1 edit-closed-rename "$ROSTER" deploy edit Over --rename Done
says edit-closed-rename "deployment 'Over' is closed"
[ "$(sqlite3 "$ROSTER_DB" "SELECT kind, start, coalesce(end, 'open'),
    needs FROM deployment WHERE name = 'Over'")" = \
    "other|2026-11-24|open|1:lang:fr" ] && ok ||
    bad "a refused edit changed the closed deployment"
run 0 edit-closed-status "$ROSTER" deploy edit Over --status closed

finish

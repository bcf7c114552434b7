#!/bin/sh
# Rest after a deployment: back on its end date, a member is not available
# again for rest_days (roster callout rest), and every place that says why
# says "resting until".
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
unset XDG_DATA_HOME

"$ROSTER" demo --size 50 --seed 1 "$ROSTER_DB" 2>/dev/null ||
    bad "roster demo failed"
id=f46a2f7b		# Andrés Alonso Martín, made ready to leave at once
sqlite3 "$ROSTER_DB" "UPDATE person SET notice_days = 0 WHERE id LIKE
    '$id%'" || bad "sqlite3 failed"

run 0 rest-default "$ROSTER" callout rest
golden rest-default.txt
# Back from Otto on 20 November: resting 21 November to 4 December.
"$ROSTER" deploy create Otto --country PA --start 2026-11-01 \
    --end 2026-11-20 2>/dev/null && "$ROSTER" deploy add Otto $id \
    2>/dev/null && "$ROSTER" deploy set Otto $id deployed --force \
    2>/dev/null && "$ROSTER" deploy set Otto $id returned 2>/dev/null ||
    bad "deploying $id on Otto failed"
run 0 rest-search "$ROSTER" search alonso
golden rest-search.txt
run 0 rest-avail "$ROSTER" search alonso avail:today
golden rest-avail.txt
run 0 rest-avail-after "$ROSTER" search alonso avail:2026-12-05
golden rest-avail-after.txt
run 0 rest-show "$ROSTER" show $id
sed -n '/^Available/p' "$work/out" >"$work/out.a" && mv "$work/out.a" "$work/out"
golden rest-show.txt
"$ROSTER" deploy create Next --country PA --start +2d --end +5d 2>/dev/null
run 0 rest-add "$ROSTER" deploy add Next $id
says rest-add "Andrés Alonso Martín is not available for the whole of the deployment (resting until 12-04)"
# Suggestions leave them out, and say why.
"$ROSTER" deploy create Lang --country PA --start +2d --end +5d \
    --need 1:lang:ar 2>/dev/null
run 0 rest-suggest "$ROSTER" deploy suggest Lang
golden rest-suggest.txt

# Bad input changes nothing; a new number is audited.
for bad in -1 366 x ''; do
	run 2 "rest-bad-$bad" "$ROSTER" callout rest "$bad"
	says "rest-bad-$bad" "expected a whole number of days from 0 to 365"
done
n=$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM setting WHERE key = 'rest_days'")
[ "$n" = 0 ] && ok || bad "refused rest days left a setting"
run 0 rest-set "$ROSTER" callout rest 2
says rest-set "rest after a deployment: 2 days"
run 0 rest-now "$ROSTER" callout rest
golden rest-now.txt
run 0 rest-avail-2 "$ROSTER" search alonso avail:today
golden rest-avail-2.txt
run 0 rest-log "$ROSTER" log --format csv
grep -q 'rest_days' "$work/out" && grep -q '"14"\|,14,\|14' "$work/out" &&
    ok || bad "rest-log: no audit line for rest_days: $(cat "$work/out")"

finish

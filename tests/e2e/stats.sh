#!/bin/sh
# roster callout stats on call-outs made by hand: two call-outs whose
# figures are worked out in test_callout_stats.c, as a table, CSV and
# JSON, and the refusals.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
unset XDG_DATA_HOME

"$ROSTER" demo --size 20 --seed 1 "$ROSTER_DB" 2>/dev/null ||
    bad "roster demo failed"
"$ROSTER" deploy create Irma --country SX --start 2026-11-20 2>/dev/null &&
    "$ROSTER" deploy create Ida --country US --start 2026-11-22 \
    2>/dev/null || bad "deploy create failed"
# Ann, Bob (one agency), Cat, Dan (another): the first four by name.
sqlite3 "$ROSTER_DB" "
UPDATE person SET agency = CASE WHEN pk IN (SELECT pk FROM person ORDER BY
    family_name LIMIT 2) THEN 'Red Cross' ELSE 'USAR' END;
CREATE TEMP TABLE who AS SELECT row_number() OVER (ORDER BY family_name) AS
    n, pk FROM person ORDER BY family_name LIMIT 4;
INSERT INTO callout(pk, deployment, code, wave, channel, who, at)
    SELECT 1, pk, 'IRMA1', 'alert', 'email', 'x', '2026-11-20T10:00:00Z'
    FROM deployment WHERE name = 'Irma';
INSERT INTO callout(pk, deployment, code, wave, channel, who, at)
    SELECT 2, pk, 'IDA1', 'alert', 'sms', 'x', '2026-11-22T08:00:00Z'
    FROM deployment WHERE name = 'Ida';
INSERT INTO callout_message(callout, person, at, result)
    SELECT 1, pk, '2026-11-20T10:00:00Z', CASE n WHEN 4 THEN 'failed'
    ELSE 'sent' END FROM who;
INSERT INTO callout_message(callout, person, at, result)
    SELECT 2, pk, '2026-11-22T08:00:00Z', 'sent' FROM who WHERE n < 4;
INSERT INTO reply(callout, person, at, received, channel, answer, decided)
    SELECT c, (SELECT pk FROM who WHERE n = w), at, '', ch, ans, dec FROM
    (SELECT 1 AS c, 1 AS w, '2026-11-20T10:30:00Z' AS at, 'email' AS ch,
        'yes' AS ans, '' AS dec
    UNION ALL SELECT 1, 2, '2026-11-20T13:00:00Z', 'phone', 'no', ''
    UNION ALL SELECT 1, 3, '2026-11-21T12:00:00Z', 'sms', 'unclear', 'yes'
    UNION ALL SELECT 2, 1, '2026-11-22T08:05:00Z', 'email', 'yes', ''
    UNION ALL SELECT 2, 1, '2026-11-22T09:00:00Z', 'email', 'no', ''
    UNION ALL SELECT 2, 3, '2026-11-22T20:00:00Z', 'sms', 'maybe', '');
" || bad "sqlite3 failed"

run 0 stats "$ROSTER" callout stats
golden stats.txt
run 0 stats-csv "$ROSTER" callout stats --format csv --last 1
golden stats.csv
run 0 stats-json "$ROSTER" callout stats --format json --last 1
golden stats.json
if command -v python3 >/dev/null; then
	python3 -m json.tool "$work/out" >/dev/null && ok ||
	    bad "stats-json: not valid JSON"
fi
run 0 stats-one "$ROSTER" callout stats ida --since 2026-11-21
golden stats-ida.txt

run 1 stats-none "$ROSTER" callout stats Atlantis
says stats-none "callout stats: no deployment 'Atlantis'"
run 2 stats-since "$ROSTER" callout stats --since 21/11/2026
says stats-since "--since: '21/11/2026' is not a day (expected YYYY-MM-DD)"
run 2 stats-last "$ROSTER" callout stats --last 0
says stats-last "--last '0': expected a whole number from 1 to 1000"
run 2 stats-format "$ROSTER" callout stats --format xml

finish

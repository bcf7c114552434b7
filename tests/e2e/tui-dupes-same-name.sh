#!/bin/sh
# Anna de Wit entered twice in one pool: the two records have the same
# name and origin, so the question naming both tells them apart by their
# short ids, and after s (swap the record kept) it names them the other
# way round; n then remembers nothing.
. "${top_srcdir:-.}/tests/e2e/dupes_lib.sh"

db=$work/same.db
cat >"$work/same.csv" <<EOT
id,family_name,given_name,agency,email,phone,status,notice_days
11111111-0000-4000-8000-000000000001,de Wit,Anna,KMar,a.dewit@kmar.nl,,active,2
22222222-0000-4000-8000-000000000002,de Wit,Anna,KMar,a.dewit@kmar.nl,,active,5
EOT
"$ROSTER" --db "$db" import "$work/same.csv" >/dev/null 2>&1 ||
    bad "the import failed"
start same 80 24 -- --db "$db"
wait_for -l 23 '^ 2/2 ' || { stop; finish; exit; }
keys =
wait_for -l 2 '^  Anna de Wit +Anna de Wit +same e-mail' ||
    { stop; finish; exit; }
keys Enter
wait_for -l 2 -F 'kept: Anna de Wit (11111111)' || { stop; finish; exit; }
keys m
wait_for -l 24 -F 'Merge Anna de Wit (22222222) into Anna de Wit (11111111)? (y/n)' ||
    { stop; finish; exit; }
keys n
wait_for -l 24 -F 'not merged' || { stop; finish; exit; }
keys s m
wait_for -l 24 -F 'Merge Anna de Wit (11111111) into Anna de Wit (22222222)? (y/n)' ||
    { stop; finish; exit; }
keys n
wait_for -l 24 -F 'not merged' || { stop; finish; exit; }
check "nothing merged" "$(sqlite3 "$db" "SELECT count(*) FROM person")" 2
keys Q
quit_with 0

finish

#!/bin/sh
# The command line end to end: import -> search -> show -> export -> import,
# on fixture files with a fixed date, including every refusal.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
unset XDG_DATA_HOME

# Import (test_store checks the modes of the -wal and -shm files, which
# exist only while a connection is open).
run 0 import "$ROSTER" import "$fix/missions.csv" "$fix/people.csv" \
    "$fix/unavailability.csv"
says import "roster: imported 6 people, 4 missions, 2 unavailability windows"
mode=$(stat -c %a "$ROSTER_DB")
[ "$mode" = 600 ] && ok || bad "mode of $ROSTER_DB is '$mode', expected 600"

# Search: formats, sorting, the coordinator's question, availability.
run 0 search-all "$ROSTER" search
golden search-all.txt
run 0 search-scenario "$ROSTER" search --format ids lang:fr theme:border \
    "(country:mali OR country:niger)" notice:3
golden search-scenario.txt
run 0 search-csv "$ROSTER" search --format=csv lang:fr
golden search-csv.txt
run 0 search-json "$ROSTER" search --format json amelie
golden search-json.txt
run 0 search-sort "$ROSTER" search --sort -notice --format ids
golden search-sort.txt
run 0 search-avail "$ROSTER" search --format ids avail:today
golden search-avail.txt
run 0 search-window "$ROSTER" search --format ids avail:+3d..+2w
golden search-window.txt
run 0 search-negation "$ROSTER" search --format ids -lang:fr -- -status:left
golden search-negation.txt
run 0 search-greek "$ROSTER" --db "$ROSTER_DB" search --format ids παπαδοπουλος
golden search-greek.txt
run 1 search-none "$ROSTER" search lang:ja
[ -s "$work/out" ] && bad "search-none printed something" || ok
says search-none "roster: no match"
# Several terms: the one that left nobody, and how many were left before.
run 1 search-none-why "$ROSTER" search lang:fr "lang:en>=B2" \
    "(country:ML OR country:NE)" theme:forensics
[ -s "$work/out" ] && bad "search-none-why printed something" || ok
says search-none-why "roster: 2 match lang:fr lang:en>=B2 (country:ML OR country:NE); none of them also match theme:forensics"
run 1 search-none-first "$ROSTER" search lang:ja lang:fr
says search-none-first "roster: nobody matches lang:ja"

# Bad filters and usage: status 2 and a message that says where.
run 2 filter-key "$ROSTER" search contry:ML
says filter-key "roster: filter: column 1: unknown key 'contry' (did you mean 'country'?)"
run 2 filter-country "$ROSTER" search lang:fr country:atlantis
says filter-country "roster: filter: column 17: unknown country 'atlantis'"
run 2 filter-paren "$ROSTER" search "(lang:fr" theme:border
says filter-paren "roster: filter: column 1: '(' is never closed"
run 2 filter-or "$ROSTER" search lang:fr or lang:en
says filter-or "roster: filter: column 9: 'or' would be searched as a word; write OR, or \"or\" to search the word"
run 2 filter-date "$ROSTER" search avail:03/12/2026
says filter-date "roster: filter: column 7: '03/12/2026' is not a date (did you mean 2026-12-03?)"
run 2 start-date "$ROSTER" deploy create "Hurricane SXM" --country SX --start 03/12/2026
says start-date "roster: deploy create: --start '03/12/2026' is not a date (did you mean 2026-12-03?)"
run 0 filter-as-shown "$ROSTER" search --format ids notice:3d avail:tomorrow
run 0 filter-abbreviation "$ROSTER" search --format ids theme:dvi
# Quoted, it is the word: searched (nobody has it), not refused.
run 1 filter-or-quoted "$ROSTER" search --format ids '"or"'
run 2 format "$ROSTER" search --format xml
says format "unknown format 'xml' (expected table, csv, json or ids)"
run 2 sort "$ROSTER" search --sort age
says sort "unknown sort key 'age'"
run 2 option "$ROSTER" search --colour
says option "search: unknown option '--colour'"
run 2 command "$ROSTER" frobnicate
says command "unknown command 'frobnicate'"
says command "usage: roster [--db FILE] [--read-only]"
ROSTER_TODAY=2026-13-01 run 2 today "$ROSTER" search
says today "ROSTER_TODAY: '2026-13-01' is not a date"

# Show, by a unique prefix.
run 0 show "$ROSTER" show 11111111
golden show.txt
run 1 show-unknown "$ROSTER" show abcdef
says show-unknown "no person with id 'abcdef'"
run 2 show-bad "$ROSTER" show zz-top
run 2 show-usage "$ROSTER" show
says show-usage "roster: usage: roster show ID"
run 2 show-usage-many "$ROSTER" show 11111111 22222222
says show-usage-many "roster: usage: roster show ID"
run 0 show-help "$ROSTER" show --help
[ "$(cat "$work/out")" = "usage: roster show ID" ] && ok ||
    bad "show --help does not print its usage"

# Deployments and their members, from files (assignments first on the
# command line: deployments are applied before them all the same).
run 0 import-deploy "$ROSTER" import "$fix/assignments.csv" \
    "$fix/deployments.csv"
says import-deploy "roster: imported"
run 0 import-deploy-show "$ROSTER" deploy show "irma, sint maarten"
# The first free day counts notice, windows and firm bookings: a week on,
# Amélie Dubois (notice 2) is on Irma and a course until 2026-12-31; Jürgen
# Müller is deployed open-ended; Jan de Vries is on leave with no end.
ROSTER_TODAY=2026-11-30 run 0 search-free "$ROSTER" search
golden search-free.txt
ROSTER_TODAY=2026-11-30 run 0 show-free "$ROSTER" show 11111111
grep -qx 'Available    from 2027-01-01' "$work/out" && ok ||
    bad "show-free: not 'Available    from 2027-01-01'"

# Bad input changes nothing.
(umask 022 && "$ROSTER" export "$work/before") >"$work/out" 2>"$work/err" &&
    ok || bad "export-before: $(cat "$work/err")"
# The files hold phone numbers: 0600 like the database, whatever the umask.
for f in "$work"/before/*.csv; do
	m=$(stat -c %a "$f")
	[ "$m" = 600 ] && ok || bad "export: $f has mode $m, expected 600"
done
# In a shared directory, links and files planted at the names export
# writes (the final ones and the .tmp ones it once used) are replaced,
# never followed, and what it writes is 0600 even at umask 000.
mkdir "$work/shared"
echo victim >"$work/victim"
ln -s "$work/victim" "$work/shared/people.csv.tmp"
ln -s "$work/victim" "$work/shared/missions.csv"
echo planted >"$work/shared/deployments.csv"
chmod 666 "$work/shared/deployments.csv"
(umask 000 && "$ROSTER" export "$work/shared") >"$work/out" 2>"$work/err" &&
    ok || bad "export-shared: $(cat "$work/err")"
[ "$(cat "$work/victim")" = victim ] && ok ||
    bad "export-shared: wrote through a planted link"
for f in people missions unavailability deployments assignments; do
	same "export-shared-$f" "$work/before/$f.csv" "$work/shared/$f.csv"
	m=$(stat -c %a "$work/shared/$f.csv")
	[ "$m" = 600 ] && ok || bad "export-shared: $f has mode $m"
done
[ "$(ls "$work/shared" | wc -l)" = 6 ] && ok ||
    bad "export-shared: left behind: $(ls "$work/shared")"
# Import reads each file once, so a pipe will do: /dev/stdin, a pipe at
# /dev/fd/N as <(...) gives, and - for standard input.
want=$("$ROSTER" search --format ids | wc -l)
for how in /dev/stdin /dev/fd/3 -; do
	rm -f "$work/pipe.db"
	cat "$work/before/people.csv" | "$ROSTER" --db "$work/pipe.db" \
	    import "$how" 3<&0 >"$work/out" 2>"$work/err" && ok ||
	    bad "import-pipe $how: $(cat "$work/err")"
	got=$("$ROSTER" --db "$work/pipe.db" search --format ids | wc -l)
	[ "$got" = "$want" ] && ok ||
	    bad "import-pipe $how: $got people, expected $want"
done
says import-pipe "stdin: added $want, updated 0, unchanged 0"
run 2 import-bad "$ROSTER" import "$fix/bad-missions.csv"
says import-bad "bad-missions.csv:3: column 4 (start): '2023-02-30' is not a date"
says import-bad "bad-missions.csv:4: column 1 (person_id): unknown person 99999999-9999-4999-8999-999999999999"
says import-bad "bad-missions.csv:5: column 5 (end): 2020-01-01 is before the start 2021-01-01"
says import-bad "bad-missions.csv:5: column 7 (themes): unknown theme 'borders'"
says import-bad "roster: 4 problems found; nothing was imported"
run 2 import-header "$ROSTER" import "$fix/people.csv" "$fix/bad-header.csv"
says import-header "bad-header.csv:1: column 5: unknown column 'colour' in a people file"
run 2 import-bad-deploy "$ROSTER" import "$fix/bad-assignments.csv" \
    "$fix/bad-deployments.csv"
says import-bad-deploy "bad-deployments.csv:2: column 2 (kind): 'storm' is not allowed"
says import-bad-deploy "bad-deployments.csv:2: column 5 (end): 2026-12-31 is before the start 2027-01-01"
says import-bad-deploy "bad-deployments.csv:3: column 6 (status): 'open' is not allowed"
says import-bad-deploy "bad-deployments.csv:3: column 7 (needs): need '0:lang:nl': expected COUNT:FILTER"
says import-bad-deploy "bad-deployments.csv:3: column 1 (name): deployment 'KATRINA' appears twice (also at"
says import-bad-deploy "bad-deployments.csv:5: column 3 (country): unknown country code 'QQ'"
says import-bad-deploy "bad-deployments.csv:5: column 4 (start): '2027-13-01' is not a date"
says import-bad-deploy "bad-deployments.csv:5: column 7 (needs): need '1:contry:ML': column 1: unknown key 'contry'"
says import-bad-deploy "bad-assignments.csv:2: column 1 (deployment): unknown deployment 'Nowhere'"
says import-bad-deploy "bad-assignments.csv:3: column 2 (person_id): unknown person 99999999-9999-4999-8999-999999999999"
says import-bad-deploy "bad-assignments.csv:4: column 5 (history): '2026-11-23 08:00' is not a time"
says import-bad-deploy "roster: 11 problems found; nothing was imported"
run 2 import-missing "$ROSTER" import "$work/nonexistent.csv"
says import-missing "nonexistent.csv"
run 2 import-read-only "$ROSTER" --read-only import "$fix/people.csv"
says import-read-only "--read-only forbids"
run 0 import-dry "$ROSTER" import --dry-run "$fix/people.csv"
says import-dry "would import 6 people"
says import-dry "people.csv (dry run): added 0, updated 0, unchanged 6"

# A spreadsheet without the languages and passport_expiry columns (cut
# from search's CSV; only Dubois has commas in a cell) keeps them, and an
# empty cell in a column it has clears that field.
cp "$ROSTER_DB" "$work/cut.db"
run 0 cut-export "$ROSTER" --db "$work/cut.db" search --format csv -- -lang:ar
cp "$work/out" "$work/cut-before.csv"
cut -d, -f1-10,12-13,15- "$work/out" |
    sed -e 's/,Major,m,\(.*\),active,7,/,Major,m,\1,active,9,/' \
    -e 's/,active,30,2029-01-01,/,active,30,,/' >"$work/cut.csv"
run 0 cut-dry "$ROSTER" --db "$work/cut.db" import --dry-run "$work/cut.csv"
says cut-dry "cut.csv (dry run): added 0, updated 2 (notice_days 1, medical_expiry 1), unchanged 3; cleared: medical_expiry 1"
says cut-dry "roster: would import 5 people"
run 0 cut-import "$ROSTER" --db "$work/cut.db" import "$work/cut.csv"
says cut-import "cut.csv: added 0, updated 2 (notice_days 1, medical_expiry 1), unchanged 3; cleared: medical_expiry 1"
run 0 cut-after "$ROSTER" --db "$work/cut.db" search --format csv -- -lang:ar
sed -e 's/,Major,m,\(.*\),active,7,/,Major,m,\1,active,9,/' \
    -e 's/,active,30,2031-01-01,2029-01-01,/,active,30,2031-01-01,,/' \
    "$work/cut-before.csv" >"$work/cut-want.csv"
same cut-intact "$work/cut-want.csv" "$work/out"
# A spreadsheet's CSV with ';' between columns, refused, then read.
printf 'family_name;given_name;email;languages\r\nVisser;Els;;"nl:N;en:C1"\r\n' \
    >"$work/semi.csv"
run 2 semi "$ROSTER" --db "$work/semi.db" import "$work/semi.csv"
says semi "semi.csv:1: this file uses ';' between columns: save it as CSV with commas (or use --separator ';')"
run 0 semi-ok "$ROSTER" --db "$work/semi.db" import --separator ';' \
    "$work/semi.csv"
run 0 semi-search "$ROSTER" --db "$work/semi.db" search --format csv \
    "lang:nl>=N" "lang:en>=C1"
grep -q '^[0-9a-f-]*,Visser,Els,' "$work/out" && ok ||
    bad "semi-search: Visser not found"
run 2 semi-bad "$ROSTER" --db "$work/semi.db" import --separator : \
    "$work/semi.csv"
says semi-bad "import: --separator ':' is not ';', ',' or tab"
# An id-less person already in the pool, or twice in the file.
printf 'family_name,given_name,email,phone\r\nDUBOIS,amelie,AMELIE.DUBOIS@police.example,\r\nVisser,Els,,+31 6 1\r\nvisser,Éls,,(+31) 61\r\n' \
    >"$work/dupe.csv"
run 2 dupe "$ROSTER" import "$work/dupe.csv"
says dupe "dupe.csv:2: amelie DUBOIS is probably Amélie Dubois (11111111), already in the pool (same name and e-mail): give their id to update them, or use --allow-duplicates to add a second person"
says dupe "dupe.csv:4: Éls visser is probably the same person as $work/dupe.csv:3 (same name and phone)"
says dupe "roster: 2 problems found; nothing was imported"
cp "$ROSTER_DB" "$work/dupe.db"
run 0 dupe-allowed "$ROSTER" --db "$work/dupe.db" import --allow-duplicates \
    "$work/dupe.csv"
says dupe-allowed "dupe.csv:2: amelie DUBOIS is probably Amélie Dubois (11111111), already in the pool (same name and e-mail): added all the same (--allow-duplicates)"
says dupe-allowed "roster: imported 3 people"
run 0 export-after "$ROSTER" export "$work/after"
files="people missions unavailability deployments assignments"
for f in $files; do
	same "unchanged-$f" "$work/before/$f.csv" "$work/after/$f.csv"
done

# Export is canonical; import into an empty database and export again is
# byte-identical.
for f in $files; do
	cp "$work/after/$f.csv" "$work/out"
	golden "export-$f.csv"
done
run 0 reimport "$ROSTER" --db "$work/copy.db" import "$work/after/people.csv" \
    "$work/after/missions.csv" "$work/after/unavailability.csv" \
    "$work/after/deployments.csv" "$work/after/assignments.csv"
run 0 reexport "$ROSTER" --db "$work/copy.db" export "$work/again"
for f in $files; do
	same "round-trip-$f" "$work/after/$f.csv" "$work/again/$f.csv"
done
# A filtered export has the assignments of its people and the deployments
# they are on, and imports on its own.
run 0 export-filter "$ROSTER" export --filter "country:NE" "$work/niger"
for f in people deployments assignments; do
	cp "$work/niger/$f.csv" "$work/out"
	golden "export-niger-$f.csv"
done
run 0 import-filtered "$ROSTER" --db "$work/niger.db" import "$work/niger"/*.csv
run 0 export-filtered "$ROSTER" --db "$work/niger.db" export "$work/niger2"
for f in $files; do
	same "filtered-round-trip-$f" "$work/niger/$f.csv" "$work/niger2/$f.csv"
done

# The demo pool: deterministic, never overwrites, and round-trips.
run 0 demo "$ROSTER" demo --size 300 --seed 7 "$work/demo.db"
run 2 demo-exists "$ROSTER" demo --size 300 "$work/demo.db"
says demo-exists "file exists"
run 2 demo-size "$ROSTER" demo --size many "$work/demo2.db"
# Killed midway, it leaves nothing that a new demo refuses, and the pool
# is never half there: it is made under another name and linked at the end.
mkdir "$work/killed"
"$ROSTER" demo --size 200000 "$work/killed/demo.db" 2>/dev/null &
sleep 1
kill -KILL $! && ok || bad "demo-killed: it ended before the kill"
wait
[ ! -e "$work/killed/demo.db" ] && ok || bad "demo-killed: demo.db is there"
run 0 demo-after-kill "$ROSTER" demo --size 30 "$work/killed/demo.db"
# Stopped with SIGTERM, it removes its file and dies of the signal.
mkdir "$work/stopped"
"$ROSTER" demo --size 200000 "$work/stopped/demo.db" 2>/dev/null &
sleep 1
kill -TERM $!
wait $!
[ $? = 143 ] && ok || bad "demo-stopped: not killed by SIGTERM"
[ -z "$(ls "$work/stopped")" ] && ok ||
    bad "demo-stopped: left behind: $(ls "$work/stopped")"
run 0 demo-export "$ROSTER" --db "$work/demo.db" export "$work/demo1"
run 0 demo-again "$ROSTER" demo --size 300 --seed 7 "$work/demo2.db"
run 0 demo-export2 "$ROSTER" --db "$work/demo2.db" export "$work/demo2"
run 0 demo-import "$ROSTER" --db "$work/demo3.db" import "$work/demo1"/*.csv
run 0 demo-export3 "$ROSTER" --db "$work/demo3.db" export "$work/demo3"
for f in $files; do
	same "demo-deterministic-$f" "$work/demo1/$f.csv" "$work/demo2/$f.csv"
	same "demo-round-trip-$f" "$work/demo1/$f.csv" "$work/demo3/$f.csv"
done

# Database trouble is status 3.
run 3 no-db "$ROSTER" --db "$work/missing.db" search
says no-db "no such database"
printf 'not a database at all, just text\n' >"$work/text.db"
run 3 not-db "$ROSTER" --db "$work/text.db" search
cp "$ROSTER_DB" "$work/newer.db"
sqlite3 "$work/newer.db" "PRAGMA user_version = 99" 2>/dev/null
run 3 newer "$ROSTER" --db "$work/newer.db" search
says newer "database schema version 99 is newer than this roster understands"

finish

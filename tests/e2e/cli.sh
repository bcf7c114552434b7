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
# The table's rows wait in TMPDIR until its widths are known, in a file
# removed at once; where none can be made, it says where it tried.
mkdir "$work/spool"
run 0 search-spool env TMPDIR="$work/spool" "$ROSTER" search
golden search-all.txt
if [ -z "$(ls -A "$work/spool")" ]; then ok; else
	bad "search-spool: left $(ls -A "$work/spool")"; fi
run 3 search-no-spool env TMPDIR="$work/none" "$ROSTER" search
says search-no-spool "$work/none/roster-table-"
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
run 2 filter-not-last "$ROSTER" search lang:fr not
says filter-not-last "roster: filter: column 9: 'not' would be searched as a word; write NOT or -, or \"not\" to search the word"
run 2 filter-and-first "$ROSTER" search and lang:fr
says filter-and-first "roster: filter: column 1: 'and' would be searched as a word"
run 2 filter-or-paren "$ROSTER" search "lang:fr (or lang:en)"
says filter-or-paren "roster: filter: column 10: 'or' would be searched as a word"
run 2 filter-date "$ROSTER" search avail:03/12/2026
says filter-date "roster: filter: column 7: '03/12/2026' is not a date (did you mean 2026-12-03?)"
# The bounds of a filter (roster(5)): refused with status 2, never a crash.
deep=$(awk 'BEGIN { for (i = 0; i < 40000; i++) printf "(" }')
run 2 filter-deep "$ROSTER" search "$deep"
says filter-deep "roster: filter: column 32769: longer than 32768 bytes"
run 2 filter-nested "$ROSTER" search "$(printf '%.100s' "$deep")a"
says filter-nested "column 65: '(' nested deeper than 64 parentheses and NOTs"
words=$(awk 'BEGIN { for (i = 0; i < 60000; i++) printf "a " }')
run 2 filter-long-need "$ROSTER" deploy create Deep --country SX --start +2d \
    --need "1:$words"
run 2 filter-long-export "$ROSTER" export --filter "a $words" "$work/deep"
says filter-long-export "roster: filter: column 32769: longer than 32768"
{ echo name,kind,country,start,end,status,needs
  echo "Deep,hurricane,SX,2026-12-01,,planning,1:$words"; } >"$work/deep.csv"
run 2 filter-long-import "$ROSTER" import "$work/deep.csv"
says filter-long-import "deep.csv:2: column 7 (needs): need '1:a a a"
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
[ "$(cat "$work/out")" = "usage: roster show ID
See man 1 roster, section COMMANDS." ] && ok ||
    bad "show --help does not print its usage and its section of roster(1)"

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
# Messages name the separator in use: no commas with ';', no raw tab.
printf 'family_name;given_name\nA;B;C\n' >"$work/semi3.csv"
run 2 semi-count "$ROSTER" --db "$work/semi.db" import --dry-run \
    --separator ';' "$work/semi3.csv"
says semi-count "semi3.csv:2: 3 fields, but the header has 2 (a missing or extra semicolon, or an unquoted field)"
printf 'family_name,given_name\nA,B\n' >"$work/comma.csv"
run 2 tab-comma "$ROSTER" --db "$work/semi.db" import --dry-run \
    --separator tab "$work/comma.csv"
says tab-comma "comma.csv:1: this file uses commas between columns, not tabs (leave out --separator)"
grep -q "$(printf '\t')" "$work/err" && bad "tab-comma: a raw tab in" \
    "$(cat "$work/err")" || ok
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
# byte-identical.  A deployment's id is random: ID in the golden files.
to_out() {
	sed -E 's/,[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12},([^,]*)$/,ID,\1/' \
	    "$1" >"$work/out"
}
for f in $files; do
	to_out "$work/after/$f.csv"
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
	to_out "$work/niger/$f.csv"
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
# Nothing from arguments or files reaches the terminal raw on stderr: no
# byte below 0x20 but the line end, no DEL, C1, bidi or invisible control.
raw() {
	od -An -v -tx1 "$work/err" | tr -s ' \n' '\n\n' | awk -v name="$1" '
	    NF { b[++n] = $1 }
	    END {
		for (i = 1; i <= n; i++) {
			x = b[i]; y = b[i + 1]; z = b[i + 2]
			if ((x < "20" && x != "0a") || x == "7f" ||
			    (x == "c2" && y >= "80" && y <= "9f") ||
			    (x == "e2" && y == "80" && ((z >= "aa" &&
			    z <= "ae") || z == "8b" || z == "8e" ||
			    z == "8f")) ||
			    (x == "e2" && y == "81" && z >= "a0" && z <= "a9"))
				bad = 1
			}
		if (bad)
			printf "FAIL: %s: a control byte on stderr\n", name
		exit bad
	    }' >&2 && ok || failed=$((failed + 1))
}
esc=$(printf '\033]0;PWNED\007\033[2J\302\233\342\200\256\342\200\217')
run 2 raw-search "$ROSTER" search "country:$esc"
raw raw-search
run 2 raw-search-key "$ROSTER" search "${esc}x:1"
raw raw-search-key
run 2 raw-show "$ROSTER" show "$esc"
raw raw-show
run 1 raw-deploy-show "$ROSTER" deploy show "$esc"
raw raw-deploy-show
says raw-deploy-show "no deployment named '^[]0;PWNED^G^[[2J\x9b<202e><200f>'"
run 2 raw-option "$ROSTER" "--$esc"
raw raw-option
run 2 raw-command-option "$ROSTER" search "--$esc"
raw raw-command-option
run 2 raw-command "$ROSTER" "$esc"
raw raw-command
run 2 raw-need "$ROSTER" deploy create "Raw" --country SX --start +2d \
    --need "1:lang:$esc"
raw raw-need
run 2 raw-name "$ROSTER" deploy create "$esc" --country SX --start +2d
raw raw-name
cp "$fix/bad-missions.csv" "$work/$esc.csv"
run 2 raw-import "$ROSTER" import "$work/$esc.csv" "$work/none$esc.csv"
raw raw-import

sqlite3 "$work/newer.db" "PRAGMA user_version = 99" 2>/dev/null
run 3 newer "$ROSTER" --db "$work/newer.db" search
says newer "database schema version 99 is newer than this roster understands"
# Another program's SQLite file is refused by every command and left as it
# was; an empty file becomes a database only for a command that writes.
sqlite3 "$work/places.sqlite" "CREATE TABLE moz(x); INSERT INTO moz VALUES(1)"
sum=$(sha256sum <"$work/places.sqlite")
for cmd in search "--read-only search" "import $fix/people.csv"; do
	# shellcheck disable=SC2086 # the command's words
	run 3 "foreign-$cmd" "$ROSTER" --db "$work/places.sqlite" $cmd
	says "foreign-$cmd" "places.sqlite: not a roster database (it holds other tables)"
	[ "$(sha256sum <"$work/places.sqlite")" = "$sum" ] && ok ||
	    bad "foreign-$cmd: places.sqlite changed"
	[ ! -e "$work/places.sqlite-wal" ] && ok ||
	    bad "foreign-$cmd: places.sqlite-wal left behind"
done
: >"$work/empty.db"
run 3 empty-search "$ROSTER" --db "$work/empty.db" search
says empty-search "not a roster database yet"
[ ! -s "$work/empty.db" ] && ok || bad "empty-search: empty.db was written"
run 0 empty-import "$ROSTER" --db "$work/empty.db" import "$fix/people.csv"

# A name replaced by import is gone from the file and its -wal, also
# from the words index, which holds it folded; only the audit keeps it
# (its old and new values, until the person is erased).
printf 'id,family_name,given_name\r\n99999999-9999-4999-8999-999999999999,Zyxwvutsrq,Anna\r\n' \
    >"$work/scrub1.csv"
sed 's/Zyxwvutsrq/Visser/' "$work/scrub1.csv" >"$work/scrub2.csv"
run 0 scrub-import "$ROSTER" --db "$work/scrub.db" import "$work/scrub1.csv"
run 0 scrub-rename "$ROSTER" --db "$work/scrub.db" import "$work/scrub2.csv"
grep -q zyxwvutsrq "$work/scrub.db" "$work/scrub.db-wal" 2>/dev/null &&
    bad "scrub: the folded old name is still in scrub.db" || ok
audited=$(sqlite3 "$work/scrub.db" "SELECT count(*) FROM audit_change \
    WHERE 'Zyxwvutsrq' IN (old, new)")
copies=$(cat "$work/scrub.db" "$work/scrub.db-wal" 2>/dev/null |
    grep -ao Zyxwvutsrq | wc -l)
if [ "$audited" = 2 ] && [ "$copies" -le "$audited" ]; then
	ok
else
	bad "scrub: the old name is in scrub.db $copies times, the audit" \
	    "holds it $audited times"
fi

# --read-only in a directory the reader may not write: the pool, closed
# cleanly (no -wal), is read without a -shm file; a -wal holding commits
# it cannot read without one is refused with what to do.  Root writes
# anywhere, so as root the reader is nobody.
ro="$work/ro?#%20"
mkdir "$ro" "$ro/wal"
cp "$ROSTER_DB" "$ro/pool.db"
cp "$ROSTER_DB" "$ro/wal/pool.db"
cp "$ROSTER_DB" "$ro/rw.db"
run 0 ro-dir-all "$ROSTER" --db "$ro/pool.db" search --format ids
cp "$work/out" "$work/ro-want"
sqlite3 "$ro/wal/pool.db" ".dbconfig no_ckpt_on_close on" \
    "UPDATE person SET notes = 'changed' WHERE pk = 1" >/dev/null
rm "$ro/wal/pool.db-shm"
chmod 644 "$ro/pool.db" "$ro/wal"/*
chmod 666 "$ro/rw.db"
chmod 555 "$ro" "$ro/wal"
reader= rbin=$ROSTER
if [ "$(id -u)" = 0 ]; then
	# Root may write anywhere: read as nobody, with a copy of the binary
	# nobody can run whatever folder the build is in.
	reader="setpriv --reuid=65534 --regid=65534 --clear-groups"
	chmod 711 "$work"
	rbin=$work/roster-copy
	cp "$ROSTER" "$rbin"
	chmod 755 "$rbin"
fi
if $reader test -x "$rbin" -a -r "$ro/pool.db" -a ! -w "$ro"; then
	run 0 ro-dir $reader "$rbin" --read-only --db "$ro/pool.db" search \
	    --format ids
	same ro-dir "$work/ro-want" "$work/out"
	[ ! -e "$ro/pool.db-shm" ] && ok || bad "ro-dir: a -shm file was made"
	# Without --read-only, a file the reader may not write is read all
	# the same, and said so (issue 11: it used to be refused).
	run 0 ro-dir-write $reader "$rbin" --db "$ro/pool.db" search \
	    --format ids
	same ro-dir-write "$work/ro-want" "$work/out"
	says ro-dir-write "pool.db: you cannot write this file (owner $(id -un), group $(id -gn), mode 0644); opened read-only"
	# A change to it is refused, the command named, nothing changed.
	for cmd in "person set 1111 notes=x" "person review 1111"; do
		# shellcheck disable=SC2086
		run 3 ro-dir-change $reader "$rbin" --db "$ro/pool.db" $cmd
		says ro-dir-change "roster: ${cmd% 1111*}: $ro/pool.db: you cannot write this file"
		says ro-dir-change "; nothing was changed"
	done
	# A file the reader may write, in a directory they may not: refused.
	run 3 ro-dir-rw $reader "$rbin" --db "$ro/rw.db" search
	says ro-dir-rw "rw.db: you may not write this database or its directory: use --read-only to read it"
	run 3 ro-dir-wal $reader "$rbin" --read-only --db "$ro/wal/pool.db" \
	    search
	says ro-dir-wal "pool.db-wal holds changes: ask the owner to run roster on it once"
else
	bad "ro-dir: no user here who may read but not write $ro"
fi
chmod 755 "$ro" "$ro/wal"

# A file size limit stops an export like a full disk: exit 3, "disk full"
# naming the file asked for, and no temporary file left behind.
# (The pool is big enough to pass the limit, which must leave room for
# the database's own -shm.)
mkdir "$work/small"
"$ROSTER" demo --size 1000 "$work/fsize.db" 2>/dev/null
run 3 export-fsize sh -c 'ulimit -f 100; exec "$0" --db "$1" export "$2"' \
    "$ROSTER" "$work/fsize.db" "$work/small"
says export-fsize "disk full: $work/small/people.csv (free some space"
check_empty() { [ -z "$(ls -A "$1")" ] && ok || bad "$2: $(ls -A "$1")"; }
check_empty "$work/small" "export-fsize left files"

# ROSTER_TODAY and +N dates keep every day writable as YYYY-MM-DD: out of
# range is bad input, never a crash.
run 2 today-far env ROSTER_TODAY=9999-12-30 "$ROSTER" search
says today-far "ROSTER_TODAY: '9999-12-30' is out of range"
run 2 plus-far env ROSTER_TODAY=9899-12-31 "$ROSTER" search 'avail:+36500w'
says plus-far "column 7: '+36500w' is not a date"
run 0 today-last env ROSTER_TODAY=9899-12-31 "$ROSTER" search \
    'avail:+36500d'

# A dry run writes nothing: no new pool, no directory, and an empty file
# stays empty.  A failed import leaves no file or directory behind.
mkdir "$work/dry"
run 0 dry-new "$ROSTER" --db "$work/dry/sub/q.db" import --dry-run \
    "$fix/people.csv"
says dry-new "roster: would import 6 people"
[ ! -e "$work/dry/sub" ] && ok || bad "dry-new: made $work/dry/sub"
: >"$work/dry/e.db"
run 0 dry-empty "$ROSTER" --db "$work/dry/e.db" import --dry-run \
    "$fix/people.csv"
[ ! -s "$work/dry/e.db" ] && ok || bad "dry-empty: e.db was written"
printf '' >"$work/empty.csv"
run 2 fail-new "$ROSTER" --db "$work/dry/sub/deep/p.db" import \
    "$work/empty.csv"
says fail-new "nothing was imported"
[ ! -e "$work/dry/sub" ] && ok || bad "fail-new: left $work/dry/sub"
run 2 fail-empty "$ROSTER" --db "$work/dry/e.db" import "$work/empty.csv"
[ ! -s "$work/dry/e.db" ] && ok || bad "fail-empty: e.db was written"
[ "$(ls "$work/dry")" = e.db ] && ok || bad "fail-empty: left $(ls "$work/dry")"

# An empty file becomes a private pool (test_store checks -wal and -shm);
# one another user planted in a shared directory is refused.
(umask 022; : >"$work/dry/e3.db")
run 0 adopt-own "$ROSTER" --db "$work/dry/e3.db" import "$fix/people.csv"
mode=$(stat -c %a "$work/dry/e3.db")
[ "$mode" = 600 ] && ok || bad "adopt-own: mode '$mode', expected 600"
if [ "$(id -u)" = 0 ]; then
	mkdir -m 1777 "$work/dry/shared"
	$reader sh -c "umask 0; : >'$work/dry/shared/pool.db'"
	run 3 adopt-planted "$ROSTER" --db "$work/dry/shared/pool.db" import \
	    "$fix/people.csv"
	says adopt-planted "pool.db: owned by another user; roster will not make it a pool"
	[ ! -s "$work/dry/shared/pool.db" ] &&
	    [ "$(stat -c %a "$work/dry/shared/pool.db")" = 666 ] && ok ||
	    bad "adopt-planted: pool.db was changed"
fi

finish

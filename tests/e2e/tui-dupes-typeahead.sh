#!/bin/sh
# Keys typed ahead by a hurried coordinator, = Enter m y all at once,
# open the pair and ask whether to merge, but the y typed before the
# question showed does not answer it: nothing is merged until a y typed
# after the question; n then merges nothing either.
. "${top_srcdir:-.}/tests/e2e/dupes_lib.sh"

dupes_pool
start typeahead 80 24 -- --db "$db"
wait_for -l 23 '^ 3/3 ' || { stop; finish; exit; }
keys = Enter m y
wait_for -l 24 -F 'Merge Anna de Wit (Police) into Anna de Wit (KMar)? (y/n)' ||
    { stop; finish; exit; }
wait_for -l 1 "^ $twin_title" || { stop; finish; exit; }
check "nothing merged by the keys typed ahead" "$(person_count)" 3
check "no alias" "$(sqlite3 "$db" "SELECT count(*) FROM person_alias")" 0
keys n
wait_for -l 24 -F 'not merged' || { stop; finish; exit; }
check "nothing merged after n" "$(person_count)" 3
keys Q
quit_with 0

finish

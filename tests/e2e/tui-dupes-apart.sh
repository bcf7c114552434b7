#!/bin/sh
# Two people who only look alike: n on the pair, after a question naming
# both, remembers they are two; the pair leaves the list, and is not
# listed again by a roster started afterwards.  Nobody is merged.
. "${top_srcdir:-.}/tests/e2e/dupes_lib.sh"

dupes_pool
open_twin apart 80 24 || { stop; finish; exit; }
keys n
wait_for -l 24 -F 'Anna de Wit (KMar) and Anna de Wit (Police) are two people: remember that? (y/n)' ||
    { stop; finish; exit; }
# Any key but y is no.
keys x
wait_for -l 24 -F 'nothing remembered' || { stop; finish; exit; }
wait_for -l 1 "^ $twin_title" || { stop; finish; exit; }
keys n
wait_for -l 24 -F 'are two people: remember that? (y/n)' ||
    { stop; finish; exit; }
keys y
wait_for -l 24 -F 'Anna de Wit (KMar) and Anna de Wit (Police) are remembered as two people' ||
    { stop; finish; exit; }
wait_for -l 2 -F 'no probable duplicates' || { stop; finish; exit; }
check "nobody merged" "$(person_count)" 3
check "remembered" "$(sqlite3 "$db" "SELECT count(*) FROM not_same")" 1
keys Q
quit_with 0

start again 80 24 -- --db "$db"
wait_for -l 23 '^ 3/3 ' || { stop; finish; exit; }
keys =
wait_for -l 2 -F 'no probable duplicates' || { stop; finish; exit; }
wait_for -l 23 -F ' 0 probable pairs' || { stop; finish; exit; }
keys Q
quit_with 0

finish

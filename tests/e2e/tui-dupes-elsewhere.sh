#!/bin/sh
# Two coordinators review the same pair; the second merges it while the
# first is being asked whether to.  The first's screen leaves the pair,
# naming who went, its list no longer shows the pair, and the y typed
# after acts on nobody: one merge, one alias.
. "${top_srcdir:-.}/tests/e2e/dupes_lib.sh"

dupes_pool
open_twin one 80 24 || { stop; finish; exit; }
ask_merge 'Anna de Wit (Police)' 'Anna de Wit (KMar)' || { stop; finish; exit; }
open_twin two 80 24 || { stop; finish; exit; }
keys s
wait_for -l 2 -F 'kept: Anna de Wit (Police)' || { stop; finish; exit; }
ask_merge 'Anna de Wit (KMar)' 'Anna de Wit (Police)' || { stop; finish; exit; }
keys y
wait_for -l 24 -F 'merged Anna de Wit (KMar) into Anna de Wit (Police)' ||
    { stop; finish; exit; }
on one
wait_for -l 24 -F 'Anna de Wit (KMar) is no longer in the pool' ||
    { stop; finish; exit; }
wait_for -l 2 -F 'no probable duplicates' || { stop; finish; exit; }
keys y
wait_for -l 24 -F 'y: no such key here' || { stop; finish; exit; }
check "one merge" "$(person_count)" 2
check "one alias, the other's" "$(sqlite3 "$db" "SELECT alias || '>' || id
    FROM person_alias")" "$anna1>$anna2"
keys Q
quit_with 0
on two
keys Q
quit_with 0

finish

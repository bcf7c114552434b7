#!/bin/sh
# The record of Anna de Wit (Police) is on show when another roster
# merges her into Anna de Wit (KMar): the screen says she was merged, not
# erased, and shows the record she was merged into (her id now an alias
# of it), with the phone chosen in the merge.
. "${top_srcdir:-.}/tests/e2e/dupes_lib.sh"

dupes_pool
start record 80 24 -- --db "$db"
open_person 'origin:police' "$anna2" || { stop; finish; exit; }
wait_for '^Origin +Police$' || { stop; finish; exit; }
"$ROSTER" --db "$db" dupes merge "$anna1" "$anna2" --take phone >/dev/null ||
    bad "dupes merge failed"
wait_for -l 24 -F 'Anna de Wit (Police) was merged into Anna de Wit (KMar) by another roster' ||
    { stop; finish; exit; }
wait_for "^Id +$anna1$" || { stop; finish; exit; }
wait_for '^Phone +\+31 70 222 2222$' || { stop; finish; exit; }
wait_for '^Origin +KMar$' || { stop; finish; exit; }
keys q
wait_for -l 23 '^ 0/2 ' || { stop; finish; exit; }
keys Q
quit_with 0

finish

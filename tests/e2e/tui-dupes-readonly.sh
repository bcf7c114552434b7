#!/bin/sh
# Started --read-only, the pair can be looked at side by side, but m and
# n say why nothing can be merged or remembered, and ask nothing.
. "${top_srcdir:-.}/tests/e2e/dupes_lib.sh"

dupes_pool
sqlite3 "$db" .dump >"$work/before"
open_twin readonly 80 24 --read-only || { stop; finish; exit; }
keys m
wait_for -l 24 -F 'read-only: nothing can be merged' || { stop; finish; exit; }
keys y
wait_for -l 24 -F 'y: no such key here' || { stop; finish; exit; }
keys n
wait_for -l 24 -F 'read-only: nothing can be remembered' ||
    { stop; finish; exit; }
keys Q
quit_with 0
sqlite3 "$db" .dump >"$work/after"
if cmp -s "$work/before" "$work/after"; then ok; else bad "the database changed"; fi

finish

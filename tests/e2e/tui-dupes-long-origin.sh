#!/bin/sh
# A pair from a pool with a long name, at 80 columns: each name column
# stays within its 30 columns, so that the evidence, what the list is
# for, shows the e-mail rather than being cut to "same e-mail…".
. "${top_srcdir:-.}/tests/e2e/dupes_lib.sh"

dupes_pool
sqlite3 "$db" "UPDATE person SET origin = 'Polícia Judiciária do Norte'
    WHERE id = '$anna2'" || bad "sqlite3 could not set the origin"
start long 80 24 -- --db "$db"
wait_for -l 23 '^ 3/3 ' || { stop; finish; exit; }
keys =
wait_for -l 2 -F 'Anna de Wit (Polícia Judiciár… same e-mail' || { stop; finish; exit; }
wait_for -l 2 -F 'same e-mail a.dewit@kmar.nl' || { stop; finish; exit; }
keys Q
quit_with 0

finish

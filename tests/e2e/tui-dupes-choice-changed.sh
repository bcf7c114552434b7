#!/bin/sh
# The phone of the other record is chosen (l), then another roster
# changes that phone: the pair is shown again as stored, and the choice,
# made between numbers one of which is no longer there, is undone: the
# kept record's phone is pointed at again until someone chooses anew.
. "${top_srcdir:-.}/tests/e2e/dupes_lib.sh"

dupes_pool
open_twin choice 80 24 || { stop; finish; exit; }
keys j l
wait_for '^\* phone +\+31 6 1111 1111 +> \+31 70 222 2222' ||
    { stop; finish; exit; }
"$ROSTER" --db "$db" person set "$anna2" phone='+31 70 333 3333' \
    >/dev/null 2>&1 || bad "person set failed"
wait_for -l 24 -F 'changed by another roster meanwhile' ||
    { stop; finish; exit; }
wait_for '^\* phone +> \+31 6 1111 1111 +\+31 70 333 3333' ||
    { stop; finish; exit; }
keys Q
quit_with 0

finish

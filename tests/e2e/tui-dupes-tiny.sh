#!/bin/sh
# The pair side by side in a terminal that shrinks: narrow, the two
# columns still fit, values cut with an ellipsis; too small, the guard
# says so; large again, the pair is back, as it was, and nothing crashed.
. "${top_srcdir:-.}/tests/e2e/dupes_lib.sh"

dupes_pool
open_twin tiny 80 24 || { stop; finish; exit; }
keys j l
wait_for '^\* phone +\+31 6 1111 1111 +> \+31 70 222 2222' ||
    { stop; finish; exit; }
resize 40 12
wait_for -l 1 '^ The same person twice\?' || { stop; finish; exit; }
wait_for '^\* phone +\+31 6 1[0-9 ]*… +> \+31 70 [0-9 ]*…' ||
    { stop; finish; exit; }
snap
wide=$(cols <"$work/screen" | awk '{ if (length($0) > 40) n++ } END { print n + 0 }')
check "no line wider than the terminal" "$wide" 0
resize 15 4
wait_for -l 1 '^terminal too sm' || { stop; finish; exit; }
resize 30 6
wait_for -l 1 '^ The same person twi' || { stop; finish; exit; }
resize 80 24
wait_for '^\* phone +\+31 6 1111 1111 +> \+31 70 222 2222' ||
    { stop; finish; exit; }
check "nothing merged" "$(person_count)" 3
keys Q
quit_with 0

finish

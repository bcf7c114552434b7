#!/bin/sh
# ? on the pair side by side lists the keys as they work there: j and k
# go to the next and previous field that differs, q back to the pairs
# with nothing done; and h, l, s, m, n.  The pool list's help still
# says what j and q do there.
. "${top_srcdir:-.}/tests/e2e/dupes_lib.sh"

dupes_pool
open_twin help 80 24 || { stop; finish; exit; }
keys '?'
wait_for -l 1 '^A pair side by side' || { stop; finish; exit; }
wait_for -F '  q                      back to the pairs, nothing done' ||
    { stop; finish; exit; }
wait_for -F '  j, Down, C-n           next field that differs' ||
    { stop; finish; exit; }
wait_for -F '  k, Up, C-p             previous field that differs' ||
    { stop; finish; exit; }
snap
check "no line-by-line j in this section" "$(sed -n '1,/^$/p' \
    "$work/screen" | grep -c 'next line')" 0
wait_for -F '  m                      merge the two, after a question' ||
    { stop; finish; exit; }
keys q
wait_for -l 1 "^ $twin_title" || { stop; finish; exit; }
keys q q '?'
wait_for -F '  j, Down, C-n           next line' || { stop; finish; exit; }
keys Q
quit_with 0

finish

#!/bin/sh
# The same person twice, merged side by side: = lists the pair, Enter
# shows both records under the evidence, the phone is taken from the
# other side (l), the rest kept; the merge asks first, naming both.  Afterwards the kept
# record has the chosen phone, its own rank, the languages of both (the
# higher level of each), and the other's id is its alias.
. "${top_srcdir:-.}/tests/e2e/dupes_lib.sh"

dupes_pool
open_twin merge 80 24 || { stop; finish; exit; }
# Why they may be one, whole, above the fields.
wait_for -l 3 -F '  same e-mail a.dewit@kmar.nl' || { stop; finish; exit; }
# The cursor starts on the first field that differs, the rank.
wait_for '^\* rank +> Wachtmeester' || { stop; finish; exit; }
wait_for '^  languages +united: en:C2;fr:B1;nl:native' || { stop; finish; exit; }
wait_for '^\* phone +> \+31 6 1111 1111 +\+31 70 222 2222' ||
    { stop; finish; exit; }
# The missions of both, at the foot.
keys G
wait_for '^    EULEX Kosovo  XK  2019-03-01\.\.2019-09-30  Investigator' ||
    { stop; finish; exit; }
wait_for '^    EUCAP Sahel Mali  ML  2021-01-01\.\.2021-12-31  Border Expert' ||
    { stop; finish; exit; }
# The next field that differs, back on screen: the phone.
keys j
keys l
wait_for '^\* phone +\+31 6 1111 1111 +> \+31 70 222 2222' ||
    { stop; finish; exit; }
ask_merge 'Anna de Wit (Police)' 'Anna de Wit (KMar)' || { stop; finish; exit; }
check "nothing merged before the answer" "$(person_count)" 3
keys y
wait_for -l 24 -F 'merged Anna de Wit (Police) into Anna de Wit (KMar)' ||
    { stop; finish; exit; }
wait_for -l 2 -F 'no probable duplicates' || { stop; finish; exit; }
check "one Anna left" "$(person_count)" 2
check "the phone chosen, the rank kept" "$(sqlite3 "$db" "SELECT phone ||
    '|' || rank FROM person WHERE id = '$anna1'")" \
    "+31 70 222 2222|Wachtmeester"
"$ROSTER" --db "$db" show "$anna1" >"$work/show" 2>&1
check "the languages united" "$(sed -n 's/^Languages  *//p' "$work/show")" \
    "nl native, en C2, fr B1"
check "the missions united" "$(grep -c 'EULEX Kosovo\|EUCAP Sahel Mali' \
    "$work/show")" 2
check "the other id an alias" "$(sqlite3 "$db" "SELECT id FROM person_alias
    WHERE alias = '$anna2'")" "$anna1"
keys q
wait_for -l 23 '^ 2/2 ' || { stop; finish; exit; }
keys q
quit_with 0

finish

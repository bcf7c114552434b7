#!/bin/sh
# One of the pair is changed by another roster while the merge is being
# asked: the question is dropped, the pair shown again as stored, and the
# y typed after merges nothing.
. "${top_srcdir:-.}/tests/e2e/dupes_lib.sh"

dupes_pool
open_twin changed 80 24 || { stop; finish; exit; }
ask_merge 'Anna de Wit (Police)' 'Anna de Wit (KMar)' || { stop; finish; exit; }
"$ROSTER" --db "$db" person set "$anna2" rank=Hoofdagent >/dev/null 2>&1 ||
    bad "person set failed"
wait_for -l 24 -F 'changed by another roster meanwhile: shown again as stored' ||
    { stop; finish; exit; }
wait_for '^\* rank +> Wachtmeester +Hoofdagent' || { stop; finish; exit; }
keys y
wait_for -l 24 -F 'y: no such key here' || { stop; finish; exit; }
check "nothing merged" "$(person_count)" 3
keys q
wait_for -l 2 '^  Anna de Wit \(KMar\) +Anna de Wit \(Police\) ' ||
    { stop; finish; exit; }
keys Q
quit_with 0

finish

#!/bin/sh
# y to the merge, while another process, holding the lock, changes one of
# the pair: the merge waits for the lock, is then refused (the version it
# was shown is gone), nothing is merged, and the pair is shown again as
# stored, saying why.
. "${top_srcdir:-.}/tests/e2e/dupes_lib.sh"

dupes_pool
open_twin refused 80 24 || { stop; finish; exit; }
ask_merge 'Anna de Wit (Police)' 'Anna de Wit (KMar)' || { stop; finish; exit; }
lock_hold "$db" || { stop; finish; exit; }
printf "UPDATE person SET rank = 'Hoofdagent', version = version + 1
    WHERE id = '%s';\n" "$anna2" >&3
keys y
wait_for -l 24 -F 'waiting for another roster' || { stop; finish; exit; }
lock_release
wait_for -l 23 -F 'Anna de Wit was changed by someone else meanwhile; nothing was merged; the pair' ||
    { stop; finish; exit; }
wait_for -l 24 -F 'is shown again as stored' || { stop; finish; exit; }
wait_for '^\* rank +> Wachtmeester +Hoofdagent' || { stop; finish; exit; }
check "nothing merged" "$(person_count)" 3
check "no alias" "$(sqlite3 "$db" "SELECT count(*) FROM person_alias")" 0
keys Q
quit_with 0

finish

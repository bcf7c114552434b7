#!/bin/sh
# The term bitmaps answer as the rows do, also for values written by hand
# with sqlite3 that roster itself never writes: searches with the bitmaps
# and with them off (term_state.live = 0, a copy) print the same people.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
unset ROSTER_DB
"$ROSTER" demo --size 60 --seed 3 "$work/db" >/dev/null 2>&1 ||
    bad "demo failed"
# same FILTER...: each filter finds the same people both ways.
same() {
	cp "$work/db" "$work/off.db"
	sqlite3 "$work/off.db" "UPDATE term_state SET live = 0"
	for f in "$@"; do
		"$ROSTER" --db "$work/db" search --format ids "$f" \
		    >"$work/on" 2>&1
		"$ROSTER" --db "$work/off.db" search --format ids "$f" \
		    >"$work/off" 2>&1
		cmp -s "$work/on" "$work/off" && ok ||
		    bad "'$f': the bitmaps and the rows differ:" \
		    "$(diff "$work/on" "$work/off" | head -3)"
	done
	"$ROSTER" --db "$work/db" check >"$work/check" 2>&1 && ok ||
	    bad "roster check: $(head -3 "$work/check")"
}

# A notice of a fraction of a day or of text: notice:N is notice_days <= N.
sqlite3 "$work/db" "UPDATE person SET notice_days = 2.5 WHERE pk = 1;
    UPDATE person SET notice_days = '3d' WHERE pk = 2;
    UPDATE person SET notice_days = 1e30 WHERE pk = 3"
same notice:0 notice:2 notice:3 -notice:3 notice:3650 "notice:2 OR gender:f"
# And after a commit has folded them into the bitmaps.
"$ROSTER" --db "$work/db" person review \
    "$(sqlite3 "$work/db" "SELECT id FROM person WHERE pk = 4")" \
    >/dev/null 2>&1 || bad "review failed"
same notice:0 notice:2 notice:3 -notice:3 notice:3650

finish

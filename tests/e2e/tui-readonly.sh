#!/bin/sh
# A pool the user may read but not write (another coordinator's, or a
# read-only copy) is opened read-only and said so plainly: reading
# commands work, with a note; writing ones fail with the reason (exit 3)
# and change nothing; the full screen shows it read-only.  As root, who
# may write any file, "another user" is nobody, through setpriv.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

real=$ROSTER
demo_pool
if [ "$(id -u)" = 0 ]; then
	if ! command -v setpriv >/dev/null 2>&1; then
		echo "SKIP: running as root, who may write any file, and" \
		    "setpriv (util-linux) is not there to run as another user" >&2
		exit 77
	fi
	# nobody reads the pool through a directory it may not write.
	chmod 755 "$work"
	chmod 644 "$db"
	cat >"$work/as-other" <<EOF2
#!/bin/sh
exec setpriv --reuid=65534 --regid=65534 --clear-groups "$real" "\$@"
EOF2
	why="owner root, group $(id -gn), mode 0644"
else
	chmod 444 "$db"
	printf '#!/bin/sh\nexec "%s" "$@"\n' "$real" >"$work/as-other"
	why="owner $(id -un), group $(id -gn), mode 0444"
fi
chmod 755 "$work/as-other"
ROSTER=$work/as-other
why="$db: you cannot write this file ($why)"

# Reading commands: as usual, and a note.
run 0 search "$ROSTER" --db "$db" search --format ids lang:nl
[ -s "$work/out" ] && ok || bad "search printed nobody"
says search "roster: $why; opened read-only"
run 0 show "$ROSTER" --db "$db" show "$(head -n 1 "$work/out")"
says show "roster: $why; opened read-only"
# Writing ones: the reason, nothing changed.
before=$(sqlite3 "$db" "SELECT count(*) FROM deployment; SELECT count(*) FROM skill")
run 3 deploy-create "$ROSTER" --db "$db" deploy create Irma --country SX \
    --start 2026-12-01
says deploy-create "roster: $why; nothing was changed"
grep -q 'opened read-only' "$work/err" && bad "deploy-create: also 'opened read-only'" || ok
run 3 vocab-add "$ROSTER" --db "$db" vocab add skill diving Diving
says vocab-add "roster: $why; nothing was changed"
after=$(sqlite3 "$db" "SELECT count(*) FROM deployment; SELECT count(*) FROM skill")
check "the database after refused writes" "$after" "$before"

# The full screen: read-only on the status line, the reason below.
start ro 110 30 -- --db "$db"
wait_for '^ 500/500 .* read-only$' || { stop; finish; exit; }
wait_for -F 'you cannot write this file' || { stop; finish; exit; }
keys D
wait_for -l 29 '^ 0 deployments' || { stop; finish; exit; }
keys n
wait_for -l 30 '^read-only: deployments cannot be changed' ||
    { stop; finish; exit; }
keys q
wait_for '^ 500/500 ' || { stop; finish; exit; }
keys q
quit_with 0

finish

#!/bin/sh
# roster share: the pool, its -wal and -shm of a group and 0660, kept so
# by every roster that opens it; --private makes them 0600 again; both
# audited.  Refusals (no such group, one the user is not in) exit 2 and
# change nothing.  Run with the user's own groups (id -G), root or not.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
unset XDG_DATA_HOME
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: sqlite3 is needed to read the settings and the audit" >&2
	exit 77
fi
q() { sqlite3 "$ROSTER_DB" "$@"; }
# modes: "MODE GROUP" of the database, its -wal and its -shm.
modes() {
	for f in "$ROSTER_DB" "$ROSTER_DB-wal" "$ROSTER_DB-shm"; do
		stat -c '%a %G' "$f" 2>/dev/null || echo missing
	done | tr '\n' ' ' | sed 's/ $//'
}

"$ROSTER" import "$fix/people.csv" 2>/dev/null || bad "import failed"
group=$(id -gn)
# Another group of the user's, if they have one: the test then shows
# the files change group, not only mode.
other=$(id -Gn | tr ' ' '\n' | grep -vx "$group" | head -n 1)

run 0 share-status "$ROSTER" share
[ "$(cat "$work/out")" = "$ROSTER_DB: private" ] && ok ||
    bad "share-status: $(cat "$work/out")"

share_with=${other:-$group}
run 0 share "$ROSTER" share --group "$share_with"
says share "roster: $ROSTER_DB: shared with group $share_with (mode 0660)"
check_modes() {
	got=$(modes)
	[ "$got" = "$2" ] && ok || bad "$1: files are '$got', expected '$2'"
}
check_modes share "660 $share_with 660 $share_with 660 $share_with"
[ "$(q "SELECT value FROM setting WHERE key = 'share_group'")" = "$share_with" ] &&
    ok || bad "share: the setting is not kept"
run 0 share-status-shared "$ROSTER" share
[ "$(cat "$work/out")" = "$ROSTER_DB: shared with group $share_with" ] && ok ||
    bad "share-status-shared: $(cat "$work/out")"
[ "$(q "SELECT a.who = '$(id -un)', a.entity, a.action, c.field,
    coalesce(c.old, 'NULL'), c.new FROM audit a JOIN audit_change c
    ON c.audit = a.pk WHERE a.entity = 'pool'")" = "1|pool|share|group|NULL|$share_with" ] &&
    ok || bad "share: audit: $(q "SELECT * FROM audit WHERE entity = 'pool'")"

# Kept so: a -wal and -shm that lost their mode (and group, where the
# user has another) are put right by the next roster to open the pool.
# (sqlite3, closing last, removed them: roster makes them again, and
# keeps them after it closes.)
run 0 keep-first "$ROSTER" search --format ids lang:fr
check_modes keep-first "660 $share_with 660 $share_with 660 $share_with"
chmod 600 "$ROSTER_DB-wal" "$ROSTER_DB-shm"
[ -z "$other" ] || chgrp "$group" "$ROSTER_DB-wal" "$ROSTER_DB-shm"
run 0 keep-search "$ROSTER" search --format ids lang:fr
check_modes keep "660 $share_with 660 $share_with 660 $share_with"
# A -shm made anew (SQLite makes it when no one has the pool open).
rm -f "$ROSTER_DB-shm"
run 0 keep-new-shm "$ROSTER" search --format ids lang:fr
check_modes keep-new-shm "660 $share_with 660 $share_with 660 $share_with"
# A write keeps them too.
run 0 keep-write "$ROSTER" vocab add skill diving Diving
check_modes keep-write "660 $share_with 660 $share_with 660 $share_with"

# Refusals: exit 2, nothing changed.
before=$(modes; q "SELECT count(*) FROM audit; SELECT value FROM setting")
run 2 share-no-group "$ROSTER" share --group no-such-group-here
says share-no-group "roster: share: there is no group 'no-such-group-here'"
# A group the user is not in: the first of the system's they lack.
notin=$(getent group | while IFS=: read -r name _ gid _; do
	id -G | tr ' ' '\n' | grep -qx "$gid" || { echo "$name"; break; }
done)
if [ -n "$notin" ]; then
	run 2 share-not-member "$ROSTER" share --group "$notin"
	says share-not-member "roster: share: you are not in group '$notin'"
else
	echo "note: the user is in every group; share-not-member not run" >&2
fi
run 2 share-read-only "$ROSTER" --read-only share --private
says share-read-only "roster: $ROSTER_DB: opened with --read-only; nothing was changed"
run 2 share-both "$ROSTER" share --group "$group" --private
says share-both "--group and --private contradict each other"
after=$(modes; q "SELECT count(*) FROM audit; SELECT value FROM setting")
[ "$before" = "$after" ] && ok || bad "a refused share changed something"

# Private again: 0600, no setting, audited; the -wal goes at close.
run 0 private "$ROSTER" share --private
says private "roster: $ROSTER_DB: private (mode 0600)"
[ "$(stat -c %a "$ROSTER_DB")" = 600 ] && ok ||
    bad "private: mode $(stat -c %a "$ROSTER_DB")"
[ -z "$(q "SELECT value FROM setting WHERE key = 'share_group'")" ] && ok ||
    bad "private: the setting is still there"
[ "$(q "SELECT coalesce(c.old, 'NULL') || ' ' || coalesce(c.new, 'NULL')
    FROM audit a JOIN audit_change c ON c.audit = a.pk
    WHERE a.entity = 'pool' ORDER BY a.pk DESC LIMIT 1")" = "$share_with NULL" ] &&
    ok || bad "private: audit"
run 0 private-search "$ROSTER" search --format ids lang:fr
# Private again when private already: the files put right, but no audit
# line, which would record a change that was not made.
audit_before=$(q "SELECT count(*) FROM audit")
run 0 private-again "$ROSTER" share --private
says private-again "roster: $ROSTER_DB: private (mode 0600)"
[ "$(q "SELECT count(*) FROM audit")" = "$audit_before" ] && ok ||
    bad "private-again: audited: $(q "SELECT * FROM audit_change ORDER BY audit DESC LIMIT 1")"
for f in "$ROSTER_DB-wal" "$ROSTER_DB-shm"; do
	if [ -e "$f" ]; then
		m=$(stat -c %a "$f")
		[ "$m" = 600 ] && ok || bad "private: $f is $m"
	else
		ok
	fi
done

# Through a link: the -wal and -shm beside its target, where SQLite
# keeps them.
mkdir "$work/l"
cp "$ROSTER_DB" "$work/l/real.db"
ln -s real.db "$work/l/link.db"
run 0 share-link "$ROSTER" --db "$work/l/link.db" share --group "$group"
for f in real.db real.db-wal real.db-shm; do
	m=$(stat -c %a "$work/l/$f" 2>/dev/null)
	[ "$m" = 660 ] && ok || bad "share-link: $f is '$m', expected 660"
done

# The audit names the pool by its whole path, whatever name it was
# opened by (here a relative link): one pool, one name in the log.
(cd "$work/l" && "$ROSTER" --db link.db share --private 2>/dev/null)
[ "$(sqlite3 "$work/l/real.db" "SELECT entity_id FROM audit
    WHERE entity = 'pool' ORDER BY pk DESC LIMIT 1")" = "$work/l/real.db" ] &&
    ok || bad "share-link: audited as '$(sqlite3 "$work/l/real.db" \
    "SELECT entity_id FROM audit WHERE entity = 'pool' ORDER BY pk DESC")'"

# A pool in a directory closed to the group (a home of mode 0700): the
# group could not even reach it, and the note says which directory.
mkdir -m 700 "$work/home"
cp "$ROSTER_DB" "$work/home/pool.db"
run 0 share-closed "$ROSTER" --db "$work/home/pool.db" share --group "$group"
says share-closed "roster: note: the group cannot reach the pool: $work/home is closed to it (chgrp $group and chmod g+x it, or move the pool to a directory of the group)"

# Another user's pool may not be shared by this one.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	chmod 755 "$work"
	chmod 644 "$ROSTER_DB"
	setpriv --reuid=65534 --regid=65534 --clear-groups \
	    "$ROSTER" share --group nogroup >"$work/out" 2>"$work/err"
	[ $? = 3 ] && ok || bad "share by another user: exit status"
	says share-not-owner "only its owner (root) may share it"

	# A team on one host: root shares a pool with nogroup, of which
	# nobody is a member and daemon's group is not.  Nobody, at umask
	# 077, writes: the -wal and -shm it makes are the group's, 0660,
	# and the audit names nobody.  An outsider is told plainly that
	# the file is not theirs to read.
	mkdir "$work/team"
	chgrp nogroup "$work/team"
	chmod 2770 "$work/team"
	team=$work/team/pool.db
	cp "$ROSTER_DB" "$team"
	rm -f "$team-wal" "$team-shm"
	run 0 team-share setpriv --groups=65534 "$ROSTER" --db "$team" share \
	    --group nogroup
	rm -f "$team-wal" "$team-shm"
	member="setpriv --reuid=65534 --regid=65534 --clear-groups"
	run 0 team-write $member sh -c 'umask 077; exec "$0" --db "$1" vocab add skill abseiling Abseiling' \
	    "$ROSTER" "$team"
	for f in "$team" "$team-wal" "$team-shm"; do
		m=$(stat -c '%a %G' "$f" 2>/dev/null)
		[ "$m" = "660 nogroup" ] && ok ||
		    bad "team-write: $f is '$m', expected '660 nogroup'"
	done
	[ "$(sqlite3 "$team" "SELECT who FROM audit WHERE entity = 'skill'
	    AND entity_id = 'abseiling'")" = nobody ] && ok ||
	    bad "team-write: the audit does not name nobody"
	outsider="setpriv --reuid=65534 --regid=1 --clear-groups"
	run 3 team-outsider-dir $outsider "$ROSTER" --db "$team" search
	says team-outsider-dir "roster: $team: you cannot reach this file (a directory on its way is closed to you)"
	chmod 2775 "$work/team"
	run 3 team-outsider $outsider "$ROSTER" --db "$team" search
	says team-outsider "roster: $team: you cannot read this file (owner root, group nogroup, mode 0660)"
fi

finish

#!/bin/sh
# A person's history in the full-screen interface (h on the record):
# changes made before it opened, by an import and by sqlite3, newest
# first, with their old and new values; q and Esc go back to the record.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

jan=22222222-2222-4222-8222-222222222222

t_history() {
	fixture_pool
	# An old change with values, as sqlite3 (or an editor) leaves it;
	# then an import that changes the phone.
	sqlite3 "$fdb" "INSERT INTO audit(who, at, entity, entity_id, action,
	    fields) VALUES ('ann', '2001-02-03T09:30:00Z', 'person', '$jan',
	    'update', 'phone');
	    INSERT INTO audit_change(audit, field, old, new) SELECT pk, 'phone',
	    '+31 6 1111', '+31 6 2222' FROM audit WHERE who = 'ann'" ||
	    bad "sqlite3 could not add to the audit"
	sed "/^$jan,/s/+31 6 1234 5678/+31 6 3333/" "$fix/people.csv" \
	    >"$work/people.csv"
	"$ROSTER" --db "$fdb" import "$work/people.csv" 2>"$work/err" ||
	    bad "import: $(cat "$work/err")"
	start history 80 24 -- --db "$fdb"
	open_person vries "$jan" || return
	keys h
	wait_for -l 1 "^History of Jan de Vries \($jan\)" || return
	wait_for '^    phone: \+31 6 1111 → \+31 6 2222$' || return
	wait_for -l 24 '^ history ' || return
	# Newest first: the import's update, then the old change, then the
	# import that created them.
	snap
	upd=$(grep -n ' update$' "$work/screen" | head -n 1 | cut -d: -f1)
	old=$(grep -n '^2001-02-03 09:30:00  ann  update$' "$work/screen" |
	    cut -d: -f1)
	new=$(grep -n ' create$' "$work/screen" | cut -d: -f1)
	[ -n "$upd" ] && [ -n "$old" ] && [ -n "$new" ] &&
	    [ "$upd" -lt "$old" ] && [ "$old" -lt "$new" ] && ok ||
	    { bad "history: not newest first ($upd, $old, $new)"; show_screen; }
	keys q
	wait_for "^Id +$jan$" || return
	keys h
	wait_for -l 1 "^History of Jan de Vries" || return
	keys Escape
	wait_for "^Id +$jan$" || return
	keys q
	wait_for -l 23 '^ 1/' || return
	keys Q
	quit_with 0
}

# A long history scrolls.
t_scroll() {
	for i in $(seq 1 30); do
		echo "INSERT INTO audit(who, at, entity, entity_id, action, fields)
		    VALUES ('bob', '2002-01-$(printf %02d $((i % 28 + 1)))T00:00:00Z',
		    'person', '$jan', 'update', 'notes');"
	done | sqlite3 "$fdb" || bad "sqlite3 could not add to the audit"
	start scroll 80 24 -- --db "$fdb"
	open_person vries "$jan" || return
	keys h
	wait_for -l 24 '^ history  1-23/' || return
	keys G
	wait_for -l 24 '^ history  [0-9]+-([0-9]+)/\1 ' || return
	wait_for ' create$' || return
	keys Q
	quit_with 0
}

t_history
t_scroll
finish

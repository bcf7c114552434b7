#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

fixture_pool
"$ROSTER" --db "$fdb" import "$fix/unavailability.csv" \
    "$fix/deployments.csv" "$fix/assignments.csv" 2>"$work/err" ||
    bad "import: $(cat "$work/err")"

# FREE is the first day a person can leave (notice, windows, bookings),
# on the list and in the record.
t_free() {
	start free 100 24 ROSTER_TODAY=2026-11-30 -- --db "$fdb"
	wait_for -l 23 '^ 11/11 ' || return
	snap
	check header "$(line 1 | tr -s ' ' | cut -d ' ' -f 1-4)" " NAME FREE LANGUAGES"
	# Amélie Dubois (notice 2): Irma and a course until 2026-12-31.
	wait_for '^  Dubois, Amélie +2027-01-01 +fr:N' || return
	# Jan de Vries: leave with no end; Lucía García Márquez: today.
	wait_for '^  de Vries, Jan +- +nl:N' || return
	wait_for '^  García Márquez, Lu.* +now +es:N' || return
	keys /
	typ dubois
	wait_for -l 22 '^ 1/11  dubois  \[name\]$' || return
	keys Enter Enter
	wait_for '^Available +from 2027-01-01$' || return
	keys q
	wait_for -l 23 '^ 1/11  dubois' || return
	keys q
	quit_with 0
}

t_free
finish

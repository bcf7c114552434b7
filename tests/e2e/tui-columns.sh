#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

fixture_pool

# gap LINE TITLE: the character just left of the column TITLE starts in
# (by the header on line 2) on screen line LINE.
gap() {
	col=$(line 2 | cols | awk -v t="$2" '{ print index($0, t) - 2 }')
	line "$1" | char_at "$col"
}

# The member table at a width that cuts the wide and combining names:
# a blank column always separates a cut cell from the next; the
# deployment list has column titles.
t_columns() {
	"$ROSTER" --db "$fdb" deploy create "Tōhoku 地震" --country JP \
	    --start +2d 2>/dev/null || bad "deploy create failed"
	printf '%s\n' a0000001-0000-4000-8000-000000000001 \
	    a0000002-0000-4000-8000-000000000002 \
	    a0000003-0000-4000-8000-000000000003 \
	    a0000004-0000-4000-8000-000000000004 |
	    "$ROSTER" --db "$fdb" deploy add "Tōhoku 地震" - 2>/dev/null ||
	    bad "deploy add failed"
	start columns 61 20 -- --db "$fdb"
	wait_for -l 19 '/[0-9]+ ' || return
	keys D
	wait_for -l 1 '^  DEPLOYMENT +DATES +STATUS +MEMBERS' || return
	keys Enter
	wait_for -l 19 '^ 4 members' || return
	snap
	for y in 3 4 5 6; do
		check "line $y: blank before AGENCY" "$(gap $y AGENCY)" " "
		check "line $y: blank before STATUS" "$(gap $y STATUS)" " "
	done
	check "the longest name is cut" \
	    "$(grep -c '長谷川長谷川長谷川, 健太郎健太郎' "$work/screen")" 0
	keys Q
	quit_with 0
}

t_columns
finish

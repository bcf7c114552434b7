#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# At 80x24 the long questions of a new deployment (end, kind) are asked
# by their label, the explanation on the line under the bar, so what is
# typed stays in sight; the end's says that +4w counts from today and 4w
# from the start.
t_prompt_fit() {
	start promptfit 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys D
	wait_for -l 2 'n creates one' || return
	keys n
	wait_for -l 23 '^new deployment, name:' || return
	answer "Flood NL"
	wait_for -l 23 '^country ' || return
	answer NL
	wait_for -l 23 '^start ' || return
	answer +2d
	wait_for -l 23 '^end:$' || return
	typ 4w
	wait_for -l 23 '^end: 4w$' || return
	wait_for -l 24 '\+4w from today, or 4w counted from the start' || return
	keys Enter
	wait_for -l 23 '^kind: other$' || return
	wait_for -l 24 '^hurricane, earthquake, ' || return
	answer air-disaster
	wait_for -l 23 '^need ' || return
	answer ""
	wait_for -l 24 "^created 'Flood NL': " || return
	keys Q
	quit_with 0
}

t_prompt_fit
finish

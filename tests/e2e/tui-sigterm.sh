#!/bin/sh
# The full-screen interface end to end, one scenario: the real binary
# in tmux (tui_lib.sh); runs alone or beside the other tui-*.sh.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

# SIGTERM: the terminal is restored and the process dies of the signal.
t_sigterm() {
	start sigterm 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	pid=$(cat "$D/pid")
	case $(cat "/proc/$pid/comm" 2>/dev/null || ps -o comm= -p "$pid") in
	roster*) ok ;;
	*) bad "$S: pid $pid is not roster" ;;
	esac
	kill -TERM "$pid"
	quit_with 143
}

t_sigterm
finish

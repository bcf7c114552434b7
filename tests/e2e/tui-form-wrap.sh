#!/bin/sh
# A message under a field of the person form wraps rather than losing its
# end at the edge: import's whole refusal, up to where to look the values
# up, and every candidate Tab lists.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

t_wrap() {
	start formwrap 80 24 -- --db "$db"
	wait_for -l 23 '^ 500/500 ' || return
	keys a
	wait_for -l 1 '^ New person' || return
	# The themes are the 14th field; zzz is no theme: Tab moves on.
	keys Down Down Down Down Down Down Down Down Down Down Down Down Down
	typ zzz
	keys Tab
	wait_for "^ +unknown theme 'zzz' \\(expected a theme such as" || return
	wait_for -F '(roster(5) lists them))' || return
	keys BTab C-u
	typ m
	keys Tab
	wait_for '^ +maritime-security Maritime security' || return
	wait_for '  monitoring Monitoring \(ceasefire' || return
	keys Escape
	wait_for -l 24 -F 'discard the new person? (y/n)' || return
	keys y
	wait_for -l 23 '^ 500/500 ' || return
	keys q
	quit_with 0
}

t_wrap
finish

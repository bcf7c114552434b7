#!/bin/sh
# A refused value put right with Tab: the candidates Tab lists show under
# the field, over the message of the earlier refusal, which comes back
# only if the value is still refused when the cursor leaves.  A message
# wraps rather than losing its end at the edge: import's whole refusal,
# up to where to look the values up, and every candidate Tab lists.
. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

demo_pool

t_candidates() {
	start formcand 80 24 -- --db "$db"
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
	wait_for '^ +maritime-security Maritime security  migrant-smuggling' ||
	    return
	wait_for '  monitoring Monitoring \(ceasefire' || return
	wait_for -v "unknown theme 'zzz'" || return
	typ on
	keys Tab
	wait_for '^  themes +mon *$' || return
	wait_for '^ +money-laundering Money laundering' || return
	typ eyx
	keys Down
	wait_for "^ +unknown theme 'moneyx'" || return
	keys Escape
	wait_for -l 24 -F 'discard the new person? (y/n)' || return
	keys y
	wait_for -l 23 '^ 500/500 ' || return
	keys q
	quit_with 0
}

t_candidates
finish

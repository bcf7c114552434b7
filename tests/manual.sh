#!/bin/sh
# The manuals against the code and each other: every environment variable
# that src/ or tui/ reads with getenv is an ".It Ev" of roster(1)'s
# ENVIRONMENT; every page in man/ names every other in its SEE ALSO, and
# roster(1) and roster(5) name the course, roster-tutorial(7).
: "${top_srcdir:=.}"
man=$top_srcdir/man
passed=0
failed=0

fail() {
	echo "FAIL: $*" >&2
	failed=$((failed + 1))
}

# The lines of section $2 of page $1, up to the next .Sh.
section() {
	awk -v sh=".Sh $2" '$0 == sh { on = 1; next } /^\.Sh / { on = 0 } on' \
	    "$1"
}

vars=$(cat "$top_srcdir"/src/*.c "$top_srcdir"/src/cli/*.c \
    "$top_srcdir"/tui/*.c | grep -o 'getenv("[A-Za-z_]*")' |
    sed 's/getenv("\(.*\)")/\1/' | sort -u)
[ -n "$vars" ] || fail "no getenv found in src/ or tui/"
env=$(section "$man/roster.1" ENVIRONMENT)
for v in $vars; do
	# ".It Ev LC_ALL , LC_CTYPE , LANG" names three.
	if printf '%s\n' "$env" | grep -Eq "^\.It Ev (.* )?$v( |\$)"; then
		passed=$((passed + 1))
	else
		fail "roster.1: ENVIRONMENT lacks .It Ev $v, which the code reads"
	fi
done

# "roster-tutorial.7" is "roster-tutorial 7".
xr() {
	b=${1##*/}
	echo "${b%.*} ${b##*.}"
}

pages="$man/roster.1 $man/roster.5"
for p in "$man"/*.[1-9]; do
	case " $pages " in
	*" $p "*) ;;
	*) pages="$pages $p" ;;
	esac
done
for p in $pages; do
	if [ ! -f "$p" ]; then
		fail "$p is missing"
		continue
	fi
	see=$(section "$p" "SEE ALSO")
	want=
	for q in $pages; do
		[ "$q" = "$p" ] || want="$want|$(xr "$q")"
	done
	# Before the course is written, roster(1) and roster(5) name it all
	# the same.
	case $p in
	*/roster.[15])
		[ -f "$man/roster-tutorial.7" ] ||
		    want="$want|roster-tutorial 7" ;;
	esac
	old_ifs=$IFS
	IFS='|'
	for x in ${want#|}; do
		if printf '%s\n' "$see" | grep -Eq "^\.Xr $x( ,)?\$"; then
			passed=$((passed + 1))
		else
			fail "$(xr "$p"): SEE ALSO lacks .Xr $x"
		fi
	done
	IFS=$old_ifs
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

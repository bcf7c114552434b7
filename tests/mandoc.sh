#!/bin/sh
# The man pages must be clean for mandoc -Tlint (warnings included), and
# read on an 80-column terminal with no line longer than that, as
# MANWIDTH=80 man would show them.  Every page in man/ is checked.
: "${top_srcdir:=.}"
if [ -z "${MANDOC:-}" ]; then
	echo "mandoc not found: install the Debian package mandoc" >&2
	exit 1
fi
passed=0
failed=0
for page in "$top_srcdir"/man/*.[1-9]; do
	out=$("$MANDOC" -Tlint -W warning "$page" 2>&1)
	if [ -n "$out" ]; then
		printf '%s\n' "$out"
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
	# Bold and underline are overstruck: "X\bX", "_\bX".
	long=$("$MANDOC" -Tutf8 -Owidth=80 "$page" | sed 's/.\x08//g' |
	    LC_ALL=C.UTF-8 grep -n '^.\{81,\}')
	if [ -n "$long" ]; then
		echo "FAIL: ${page##*/} is wider than 80 columns:" >&2
		printf '%s\n' "$long" >&2
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

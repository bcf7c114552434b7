#!/bin/sh
# The man pages must be clean for mandoc -Tlint (warnings included).
: "${top_srcdir:=.}"
if [ -z "${MANDOC:-}" ]; then
	echo "mandoc not found: install the Debian package mandoc" >&2
	exit 1
fi
out=$("$MANDOC" -Tlint -W warning "$top_srcdir/man/roster.1" \
    "$top_srcdir/man/roster.5" "$top_srcdir/man/roster-tutorial.7" 2>&1)
if [ -n "$out" ]; then
	printf '%s\n' "$out"
	echo "0 passed, 1 failed"
	exit 1
fi
echo "1 passed, 0 failed"

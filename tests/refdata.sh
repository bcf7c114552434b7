#!/bin/sh
# db/ref/countries.sql and languages.sql must be what db/refdata.sh makes
# from the installed iso-codes.  ./bootstrap installs iso-codes and jq, so
# without them this fails rather than skips.
: "${top_srcdir:=.}"
out=$(mktemp -d "${TMPDIR:-/tmp}/roster-refdata.XXXXXX")
trap 'rm -rf "$out"' EXIT
if ! sh "$top_srcdir/db/refdata.sh" "$out"; then
	echo "0 passed, 1 failed"
	exit 1
fi
failed=0
for f in countries.sql languages.sql; do
	if ! diff -u "$top_srcdir/db/ref/$f" "$out/$f"; then
		echo "FAIL: db/ref/$f differs from what db/refdata.sh makes" >&2
		failed=$((failed + 1))
	fi
done
echo "$((2 - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]

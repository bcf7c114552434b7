#!/bin/sh
# make install, run from the build tree into a DESTDIR, installs the
# program and every page of man/ (roster.1, roster.5, roster-tutorial.7)
# in the man section its name gives, as they are in the source.
: "${top_srcdir:=.}"
builddir=$(dirname "${ROSTER:-./roster}")
dest=$(mktemp -d "${TMPDIR:-/tmp}/roster-install.XXXXXX")
trap 'rm -rf "$dest"' EXIT
passed=0
failed=0

fail() {
	echo "FAIL: $*" >&2
	failed=$((failed + 1))
}

# Not the jobserver of the make check that runs this.
if ! env -u MAKEFLAGS -u MFLAGS "${MAKE:-make}" -s -C "$builddir" install \
    DESTDIR="$dest/root" >"$dest/log" 2>&1; then
	cat "$dest/log" >&2
	fail "make install DESTDIR=... failed"
	echo "$passed passed, $failed failed"
	exit 1
fi
if [ -n "$(find "$dest/root" -type f -path '*/bin/roster')" ]; then
	passed=$((passed + 1))
else
	fail "make install did not install bin/roster"
fi
for page in "$top_srcdir"/man/*.[1-9]; do
	name=${page##*/}
	got=$(find "$dest/root" -type f -path "*/man${name##*.}/$name")
	if [ -z "$got" ]; then
		fail "make install did not install $name in man${name##*.}"
	elif ! cmp -s "$page" "$got"; then
		fail "the installed $name differs from man/$name"
	else
		passed=$((passed + 1))
	fi
done
# The three pages at least, whatever man/ holds.
for name in roster.1 roster.5 roster-tutorial.7; do
	[ -f "$top_srcdir/man/$name" ] || fail "man/$name is missing"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

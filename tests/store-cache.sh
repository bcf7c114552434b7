#!/bin/sh
# store_cached keeps one statement a call site for the life of the store,
# in STORE_CACHE slots, and fails ("statement cache is full") when a
# process reaches one more; a full-screen session can reach nearly every
# site.  Fails when the sites of src/ and tui/ outnumber the slots.
: "${top_srcdir:=.}"
cd "$top_srcdir" || exit 99
if [ ! -f src/store.h ] || [ ! -d tui ]; then
	echo "store-cache.sh: $top_srcdir is not roster's source tree" >&2
	exit 99
fi
slots=$(sed -n 's/^#define STORE_CACHE[[:space:]]*\([0-9]*\).*/\1/p' \
    src/store.h)
sites=$(grep -h 'store_cached(' src/*.c src/cli/*.c tui/*.c |
    grep -v '^store_cached(' | wc -l)
if [ -z "$slots" ] || [ "$sites" -eq 0 ]; then
	echo "store-cache.sh: cannot read STORE_CACHE or the call sites" >&2
	exit 99
fi
if [ "$sites" -gt "$slots" ]; then
	echo "FAIL: $sites store_cached call sites, $slots slots" \
	    "(STORE_CACHE in src/store.h)"
	exit 1
fi
echo "PASS: $sites store_cached call sites, $slots slots"

#!/bin/sh
# make fuzz: coverage-guided fuzzing of each harness with libFuzzer, for a
# bounded time each.  Usage: fuzz.sh SRCDIR BUILDDIR SECONDS CFLAGS -- LIBS
# New inputs that widen coverage are kept in BUILDDIR/tests/fuzz/corpus-*;
# a crash leaves its input in the current directory and fails the run.
set -eu
srcdir=$1 builddir=$2 seconds=$3 cflags=$4
shift 5
libs="$*"
cc=${CLANG:-clang}
out=$builddir/tests/fuzz
core=
for f in "$srcdir"/src/*.c; do
	case ${f##*/} in
	main.c|cli*.c|dbfiles.c) ;;
	*) core="$core $f" ;;
	esac
done
mkdir -p "$out/seeds-filter"
i=0
while IFS= read -r line; do
	i=$((i + 1))
	printf '%s' "$line" > "$out/seeds-filter/$i"
done < "$srcdir/tests/fuzz/filter-seeds.txt"
for h in csv filter; do
	echo "fuzz_$h: building with $cc"
	# shellcheck disable=SC2086
	$cc -g -O1 -fsanitize=fuzzer,address,undefined \
	    -fno-sanitize-recover=all $cflags -I"$srcdir/src" \
	    -I"$builddir/src" -o "$out/libfuzzer_$h" \
	    "$srcdir/tests/fuzz/fuzz_$h.c" $core "$builddir/src/dbfiles.c" \
	    $libs
	# libFuzzer's default cap of 4096 bytes would stop short of the
	# filter's bounds (filter.h): try a byte beyond the longest filter.
	case $h in
	csv) seeds=$srcdir/tests/e2e/fixtures max=4096 ;;
	filter) seeds=$out/seeds-filter max=32769 ;;
	esac
	mkdir -p "$out/corpus-$h"
	echo "fuzz_$h: ${seconds}s"
	"$out/libfuzzer_$h" -max_total_time="$seconds" -timeout=10 \
	    -max_len="$max" \
	    -rss_limit_mb=2048 -print_final_stats=1 "$out/corpus-$h" "$seeds"
done

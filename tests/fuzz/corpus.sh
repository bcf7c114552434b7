#!/bin/sh
# Replays the fuzz harnesses' seeds, each with a fixed run of mutants,
# through the plain driver (driver.c): the harnesses build with every
# compiler CI uses, and their checks run under the sanitizers.
set -eu
: "${ROSTER:?}" "${top_srcdir:?}"
bin=$(dirname "$ROSTER")/tests/fuzz
"$bin/fuzz_filter" -m 300 -l "$top_srcdir/tests/fuzz/filter-seeds.txt"
"$bin/fuzz_csv" -m 100 "$top_srcdir"/tests/e2e/fixtures/*.csv

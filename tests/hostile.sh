#!/bin/sh
# The hostile-input corpus, tests/hostile/: one case a file.
#   NAME.csv         a file to import
#   NAME.csv.sh      a script that prints one (too big to keep: 10 MB)
#   NAME.filter      a filter, given to search, export --filter and
#                    deploy create --need
#   NAME.filter.sh   a script that prints one
# Each is refused with exit 2 (header-only.csv: nothing to import, 0),
# without a crash, in bounded memory (ulimit -v), with the database
# unchanged (sha256 of its dump), and nothing raw reaches the terminal:
# no control character but newline and tab, no C1 control, no bidi
# override or isolate in what roster writes to stdout and stderr.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

dir=$top_srcdir/tests/hostile
: "${HOSTILE_VMEM:=131072}"	# KB of address space each run may have
export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/db"
unset XDG_DATA_HOME
"$ROSTER" demo --size 30 --seed 2 "$ROSTER_DB" 2>/dev/null ||
    bad "roster demo failed"
dump() { sqlite3 "$ROSTER_DB" .dump | sha256sum; }
before=$(dump)
cp "$ROSTER_DB" "$work/pristine.db"
# Sanitizers reserve terabytes of address space: no limit under them.
if (ulimit -v "$HOSTILE_VMEM" && "$ROSTER" --version) >/dev/null 2>&1; then
	limit="ulimit -v $HOSTILE_VMEM"
else
	limit=:
	echo "hostile: roster does not start in $HOSTILE_VMEM KB; memory not bounded"
fi

# raw FILE: whether it holds a byte that would act on a terminal.
raw() {
	LC_ALL=C tr -d '\n\t' <"$1" | LC_ALL=C grep -aq '[[:cntrl:]]' ||
	    LC_ALL=C grep -aqE "$(printf '\302[\200-\237]')" "$1" ||
	    LC_ALL=C grep -aqE "$(printf '\342\200[\252-\256]|\342\201[\246-\251]')" "$1"
}

runs=0
# refused CASE WANT COMMAND...: the checks above, for one run of it.
refused() {
	what=$1 want=$2
	shift 2
	runs=$((runs + 1))
	( eval "$limit" && exec "$@" ) >"$work/out" 2>"$work/err"
	got=$?
	if [ "$got" -gt 128 ]; then
		bad "$what: killed by signal $((got - 128))"
	elif [ "$got" != "$want" ]; then
		bad "$what: exit status $got, expected $want"
		head -c 300 "$work/err" | od -c | head -5 >&2
	else
		ok
	fi
	if [ "$(dump)" = "$before" ]; then
		ok
	else
		bad "$what: the database changed"
		rm -f "$ROSTER_DB-wal" "$ROSTER_DB-shm"
		cp "$work/pristine.db" "$ROSTER_DB"
	fi
	for f in out err; do
		if raw "$work/$f"; then
			bad "$what: raw control characters reach std$f"
			head -c 300 "$work/$f" | od -c | head -5 >&2
		else
			ok
		fi
	done
}

cases=0
for f in "$dir"/*.csv "$dir"/*.csv.sh; do
	name=${f##*/}
	case $name in
	*.sh)	name=${name%.sh}
		sh "$f" >"$work/$name" ;;
	*)	cp "$f" "$work/$name" ;;
	esac
	cases=$((cases + 1))
	want=2
	[ "$name" = header-only.csv ] && want=0
	refused "$name" "$want" "$ROSTER" import "$work/$name"
	rm -f "$work/$name"
done
# A file whose name is hostile: the name is in every message.
nasty=$(printf '\033]0;PWNED\007\302\233name.csv')
cp "$dir/header-unknown.csv" "$work/$nasty"
cases=$((cases + 1))
refused "esc-in-file-name" 2 "$ROSTER" import "$work/$nasty"

for f in "$dir"/*.filter "$dir"/*.filter.sh; do
	name=${f##*/}
	case $name in
	*.sh)	arg=$(sh "$f") ;;
	*)	arg=$(cat "$f") ;;
	esac
	cases=$((cases + 1))
	refused "$name (search)" 2 "$ROSTER" search "$arg"
	refused "$name (export)" 2 "$ROSTER" export --filter "$arg" "$work/x"
	[ ! -e "$work/x" ] && ok || bad "$name (export): wrote $work/x"
	rm -rf "$work/x"
	refused "$name (need)" 2 "$ROSTER" deploy create Hostile \
	    --country SX --start +2d --need "1:$arg"
done
printf 'hostile: %d cases, %d runs, memory %s\n' "$cases" "$runs" "$limit"
finish

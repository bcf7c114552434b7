#!/bin/sh
# make bench: pools of 10,000 / 100,000 / 1,000,000 people made by roster
# demo; for each, the p50 and p99 latency of "count + first 50 rows" for a
# fixed mix of filters, in-process (bench_filter: pasted cold, and typed a
# key at a time as the full-screen list runs it) and as hand-written SQL
# through the sqlite3 command line on the same file; then import
# throughput, and roster dupes.  Not part of make check: the large pool
# takes minutes.
#
# usage: bench.sh BUILDDIR QUERIES [SIZES...]
set -eu
builddir=$1 queries=$2
shift 2
sizes=${*:-10000 100000 1000000}
runs=${BENCH_RUNS:-50}
# The baseline scans where roster uses bitmaps: seconds a run at 1,000,000.
sql_runs=${BENCH_SQL_RUNS:-10}
roster=$builddir/roster
export ROSTER_TODAY=2026-11-23
work=${BENCH_DIR:-$builddir/bench-data}
mkdir -p "$work"

ms() { date +%s%N | cut -c1-13; }
# The load averages now: a 2-core machine shared with builds halves speed.
load() { uptime | sed 's/.*load average: *//'; }

echo "machine: $(nproc) cores; load average (1, 5, 15 min): $(load)"

# p50 and p99 (nearest rank) of the numbers on stdin.
percentiles() {
	sort -n | awk '{ v[NR] = $1 }
	    END { p50 = int((50 * NR + 99) / 100); p99 = int((99 * NR + 99) / 100)
	    printf "%.2f\t%.2f\n", v[p50], v[p99] }'
}

# The hand-written SQL, each query $sql_runs times, timed by sqlite3's .timer;
# count and page are two statements, so their times are summed.
baseline() {
	db=$1 sql=$2
	{
		echo ".timer on"
		echo ".output /dev/null"
		i=0
		while [ $i -le "$sql_runs" ]; do
			echo "$sql"
			i=$((i + 1))
		done
	} | sqlite3 "$db" 2>&1 | awk '/^Run Time/ { t += $4 * 1000; n++
	    if (n % 2 == 0) { if (n > 2) print t; t = 0 } }' | percentiles
}

for n in $sizes; do
	db=$work/pool-$n.db
	if [ ! -f "$db" ]; then
		t0=$(ms)
		"$roster" demo --size "$n" --seed 1 "$db" 2>/dev/null
		t1=$(ms)
		echo "demo --size $n: $((t1 - t0)) ms, $(du -m "$db" | cut -f1) MB"
	fi
	echo
	echo "pool of $n people (ms; $runs runs, sqlite3 baseline $sql_runs;" \
	    "load $(cut -d ' ' -f 1-3 /proc/loadavg))"
	printf '%-16s %8s %8s %8s %8s %8s %8s %8s %8s\n' filter matches \
	    cold-p50 cold-p99 type-p50 type-p99 type-max sql-p50 sql-p99
	"$builddir/tests/bench/bench_filter" "$db" "$runs" <"$queries" |
	while IFS='	' read -r label count p50 p99 t50 t99 tmax at; do
		sql=$(awk -F '\t' -v l="$label" '$1 == l { print $3 }' "$queries")
		base=$(baseline "$db" "$sql")
		printf '%-16s %8s %8s %8s %8s %8s %8s %8s %8s\n' "$label" \
		    "$count" "$p50" "$p99" "$t50" "$t99" "$tmax" \
		    "$(echo "$base" | cut -f1)" "$(echo "$base" | cut -f2)"
		echo "$tmax	$label	$at" >>"$work/keys"
	done
	# The slowest keystroke of all, and what had been typed.
	sort -rn "$work/keys" | head -1 | awk -F '\t' '{ printf \
	    "slowest keystroke: %s ms (%s, after typing \"%s\")\n", \
	    $1, $2, $3 }'
	rm -f "$work/keys"
done

# roster search printing every match, as a whole process, at the largest
# pool up to 100,000: each format's p50 and peak resident memory, and the
# sqlite3 command line running the same query (the page's statement of
# queries.txt without its LIMIT) in the same run; x is sqlite3's time over
# roster's.
n=$(echo "$sizes" | tr ' ' '\n' | sort -n | awk '$1 <= 100000' | tail -1)
if [ -n "$n" ]; then
	db=$work/pool-$n.db
	run="$builddir/tests/bench/bench_run ${BENCH_OUT_RUNS:-5}"
	echo
	echo "search output at $n people (ms, p50; peak RSS in KB)"
	printf '%-12s %-6s %8s %8s %8s %6s %8s\n' filter format matches \
	    roster sqlite3 x rss
	for label in combined negation avail facet-lang; do
		text=$(awk -F '\t' -v l="$label" '$1 == l { print $2 }' \
		    "$queries")
		sql=$(awk -F '\t' -v l="$label" '$1 == l { print $3 }' \
		    "$queries" | sed 's/^[^;]*; //; s/ LIMIT 50;$/;/')
		count=$("$roster" --db "$db" search --format ids -- $text |
		    wc -l)
		base=$($run sqlite3 "$db" "$sql" | cut -f1)
		for format in ids table csv json; do
			set -- $($run "$roster" --db "$db" search \
			    --format "$format" -- $text)
			printf '%-12s %-6s %8s %8s %8s %6s %8s\n' "$label" \
			    "$format" "$count" "$1" "$base" \
			    "$(echo "$base $1" | awk '{ printf "%.1f", $1 / $2 }')" \
			    "$3"
		done
	done
fi

# The full-screen list on the largest pool, in tmux (100x30): the first
# screen, from starting roster to its status line on screen, beside a
# shell printing that line at once (what tmux and the polling add); the
# peak resident memory with the facet panel shown and three filters run;
# and in-process (bench_screen): the screen's work before it draws, the
# facet sets read while idle, the panel after each filter of the queries.
screen_bench() {
	db=$1 n=$2 sock=$work/tmux.sock
	tm() { tmux -S "$sock" -f /dev/null "$@"; }
	shown() { tm capture-pane -p -t sb | grep -q "$1"; }
	# ms from respawning the pane with $1 until the screen shows $2
	first() {
		t0=$(date +%s%N)
		tm respawn-pane -k -t sb "$1"
		until shown "$2"; do :; done
		echo $((($(date +%s%N) - t0) / 1000000))
	}
	tm kill-server 2>/dev/null || true
	rm -f "$sock"
	# Kept while a pane is respawned.
	tm start-server \; set-option -s exit-empty off
	tm new-session -d -s sb -x 100 -y 30 "sleep 600"
	cmd="exec env TERM=screen ROSTER_TODAY=$ROSTER_TODAY $roster --db $db"
	bar=" $n/$n  (everyone)"
	i=0
	while [ $i -lt 10 ]; do
		first "$cmd" "^$bar"
		first "echo '$bar'; exec sleep 600" "^$bar"
		i=$((i + 1))
	done | paste - - >"$work/first.ms"
	first "$cmd" "^$bar" >/dev/null
	tm send-keys -t sb f
	until shown '|Countries'; do :; done
	for f in lang:fr country:ML -lang:en; do
		tm send-keys -t sb / C-e C-u "$f" Enter
		until shown " $f  \[name\]"; do :; done
	done
	sleep 1
	pid=$(tm list-panes -t sb -F '#{pane_pid}')
	rss=$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' /proc/"$pid"/status)
	tm kill-server
	echo
	echo "full-screen list at $n people (ms; tmux 100x30, 10 runs)"
	echo "first screen p50/p99 $(cut -f1 "$work/first.ms" | percentiles |
	    tr '\t' /), tmux alone $(cut -f2 "$work/first.ms" | percentiles |
	    tr '\t' /); resident with facets ${rss} MB"
	"$builddir/tests/bench/bench_screen" "$db" 5 <"$queries" |
	    while IFS='	' read -r ms fill p50 p99 max c50 c99 mb; do
		echo "in-process: before the first screen $ms, facet sets" \
		    "(idle) $fill, facet panel after a filter p50/p99/max" \
		    "$p50/$p99/$max (processor time p50/p99 $c50/$c99);" \
		    "peak $mb MB"
	done
}
n=$(echo "$sizes" | tr ' ' '\n' | sort -n | tail -1)
command -v tmux >/dev/null && screen_bench "$work/pool-$n.db" "$n"

# Import throughput: export the largest pool that exists, import it anew
# (a new pool: a bulk load); the lines are those of the files imported.
n=$(echo "$sizes" | tr ' ' '\n' | sort -n | tail -1)
rm -rf "$work/export" "$work/import.db"
"$roster" --db "$work/pool-$n.db" export "$work/export" 2>/dev/null
set -- "$work/export/people.csv" "$work/export/missions.csv" \
    "$work/export/unavailability.csv"
rows=$(cat "$@" | wc -l)
t0=$(ms)
"$roster" --db "$work/import.db" import "$@" 2>/dev/null
t1=$(ms)
echo
echo "import of $n people ($rows CSV lines): $((t1 - t0)) ms," \
    "$(( rows * 1000 / (t1 - t0 + 1) )) lines/s (load $(load))"
# The demo, timed every run (the pools above are made once and kept).
rm -f "$work/demo-timed.db"
t0=$(ms)
"$roster" demo --size "$n" --seed 1 "$work/demo-timed.db" 2>/dev/null
t1=$(ms)
rm -f "$work/demo-timed.db"
echo "demo --size $n: $((t1 - t0)) ms (load $(load))"

# roster apply: a changeset of 1,000 changed people into a pool of
# 20,000 that has all of the sender's others already.
cs=$work/changeset
rm -rf "$cs"
mkdir -p "$cs"
"$roster" demo --size 20000 --seed 2 "$cs/a.db" 2>/dev/null
"$roster" --db "$cs/a.db" pool name Sender 2>/dev/null
"$roster" demo --size 1 --seed 3 "$cs/b.db" 2>/dev/null
"$roster" --db "$cs/b.db" pool name Receiver 2>/dev/null
"$roster" --db "$cs/a.db" changes --since all -o "$cs/all.changes" >/dev/null
t0=$(ms)
"$roster" --db "$cs/b.db" apply "$cs/all.changes" >/dev/null
t1=$(ms)
mark=$(sqlite3 "$cs/a.db" "SELECT n FROM change_counter")
# 1,000 people changed as roster would change them: the change counted.
sqlite3 "$cs/a.db" "BEGIN; UPDATE person SET phone = phone || '0',
    updated = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+1 minute')
    WHERE pk % 20 = 0; UPDATE change_counter SET n = n + 1; COMMIT"
"$roster" --db "$cs/a.db" changes --since "$mark" -o "$cs/1000.changes" \
    >/dev/null
t2=$(ms)
"$roster" --db "$cs/b.db" apply "$cs/1000.changes" >/dev/null
t3=$(ms)
echo
echo "apply a changeset of 20,000 people into an empty pool:" \
    "$((t1 - t0)) ms, $(du -k "$cs/all.changes" | cut -f1) kB"
echo "apply a changeset of 1,000 changed people into a pool of 20,000:" \
    "$((t3 - t2)) ms, $(du -k "$cs/1000.changes" | cut -f1) kB"
# Duplicates: roster dupes over the largest pool of 100,000 or fewer, with
# five people entered a second time under new ids (the e-mail in capitals,
# the family name too); the demo's pools already hold many people of one
# name and agency, each with one e-mail, which are listed as well.
n=$(echo "$sizes" | tr ' ' '\n' | sort -n | awk '$1 <= 100000' | tail -1)
if [ -n "$n" ]; then
	cp "$work/pool-$n.db" "$work/dupes.db"
	sqlite3 "$work/dupes.db" "INSERT INTO person(id, family_name,
	    given_name, agency, email, phone, created, updated)
	    SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) ||
	    '-4' || substr(hex(randomblob(2)), 2) || '-a' ||
	    substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))),
	    upper(family_name), given_name, agency, upper(email), '',
	    created, updated FROM person ORDER BY pk LIMIT 5"
	t0=$(ms)
	"$roster" --db "$work/dupes.db" dupes >"$work/dupes.out"
	t1=$(ms)
	echo
	echo "dupes at $n people: $((t1 - t0)) ms," \
	    "$(wc -l <"$work/dupes.out") pairs"
	rm -f "$work/dupes.db" "$work/dupes.out"
fi

# Merge: the pools of one member state's 19 forces, 5,000 people each, into
# an empty pool, one roster merge after another.
npools=${BENCH_MERGE_POOLS:-19} each=${BENCH_MERGE_SIZE:-5000}
i=1
while [ "$i" -le "$npools" ]; do
	p=$work/merge-$each-$i.db
	if [ ! -f "$p" ]; then
		"$roster" demo --size "$each" --seed $((i + 100)) "$p" 2>/dev/null
		"$roster" --db "$p" pool name "force-$i" 2>/dev/null
	fi
	i=$((i + 1))
done
rm -f "$work/merged.db" "$work/merged.db-wal" "$work/merged.db-shm"
"$roster" demo --size 0 "$work/merged.db" 2>/dev/null
t0=$(ms)
i=1
while [ "$i" -le "$npools" ]; do
	"$roster" --db "$work/merged.db" merge "$work/merge-$each-$i.db" \
	    >/dev/null
	i=$((i + 1))
done
t1=$(ms)
echo
echo "merge of $npools pools of $each people into an empty one:" \
    "$((t1 - t0)) ms, $(sqlite3 "$work/merged.db" \
    "SELECT count(*) FROM person") people"

#!/bin/sh
# The architecture, checked from the sources: prints which folder includes
# which, and fails if the core (src/ outside src/cli/) includes a header of
# src/cli or tui, if src/cli and tui include each other (but for main.c's
# tui.h), if the core mentions curses, or writes to stdout outside the
# formatters (src/format*.c, src/csv.c), or if files include each other
# in a cycle (a.c or a.h includes b.h, and b.c or b.h includes a.h).
: "${top_srcdir:=.}"
cd "$top_srcdir" || exit 99
if [ ! -f src/store.h ] || [ ! -d tui ]; then
	echo "include-graph.sh: $top_srcdir is not roster's source tree" >&2
	exit 99
fi
tmp=$(mktemp -d "${TMPDIR:-/tmp}/roster-graph.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0
failed=0

# check NAME FILE: passes when FILE is empty, else prints it.
check() {
	if [ -s "$2" ]; then
		failed=$((failed + 1))
		echo "FAIL: $1:"
		sed 's/^/  /' "$2"
	else
		pass=$((pass + 1))
	fi
}

# The code of a C file with its comments blanked out, line for line.
uncomment() {
	awk '
	BEGIN { st = "code" }
	{
		out = ""
		n = length($0)
		for (i = 1; i <= n; i++) {
			c = substr($0, i, 1)
			d = substr($0, i, 2)
			if (st == "block") {
				if (d == "*/") { st = "code"; i++ }
				continue
			}
			if (st == "code") {
				if (d == "/*") { st = "block"; i++; out = out " "; continue }
				if (d == "//") break
				if (c == "\"") st = "string"
				else if (c == "'\''") st = "char"
			} else if (c == "\\") {
				out = out d
				i++
				continue
			} else if ((st == "string" && c == "\"") ||
			    (st == "char" && c == "'\''")) {
				st = "code"
			}
			out = out c
		}
		if (st != "block") st = "code"
		print out
	}' "$1"
}

# The header NAME as the compiler finds it from a file in DIR: the file's
# own folder first, then the -I folders.
resolve() {
	for d in "$1" src src/cli tui; do
		if [ -f "$d/$2" ]; then
			echo "$d/$2"
			return
		fi
	done
}

is_core() {
	case $1 in
	src/cli/*) return 1 ;;
	src/*) return 0 ;;
	esac
	return 1
}

# src/dbfiles.c is made by db/embed.sh (and only in a build in the tree).
find src tui -name '*.[ch]' ! -path src/dbfiles.c | LC_ALL=C sort >"$tmp/files"
if [ ! -s "$tmp/files" ]; then
	echo "include-graph.sh: no C files under src and tui" >&2
	exit 99
fi
: >"$tmp/edges"
: >"$tmp/core-includes"
: >"$tmp/curses"
: >"$tmp/stdout"
while read -r f; do
	uncomment "$f" >"$tmp/code"
	sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' \
	    "$tmp/code" | while read -r h; do
		to=$(resolve "${f%/*}" "$h")
		[ -n "$to" ] && echo "$f $to"
	done >>"$tmp/edges"
	is_core "$f" || continue
	grep -in 'curses' "$tmp/code" | sed "s|^|$f:|" >>"$tmp/curses"
	case $f in src/format*.c | src/csv.c) continue ;; esac
	# (format(printf, ...) only declares a function printf-like.)
	sed -e 's/"\([^"\\]\|\\.\)*"/""/g' -e 's/format(printf,//g' "$tmp/code" |
	    grep -nE '\<(stdout|printf|vprintf|puts|putchar)\>|\<write *\( *(1|STDOUT_FILENO) *,' |
	    sed "s|^|$f:|" >>"$tmp/stdout"
done <"$tmp/files"

echo "folders (including -> included: #include lines):"
awk '{
	a = $1; b = $2
	sub("/[^/]*$", "", a); sub("/[^/]*$", "", b)
	n[a " -> " b]++
} END { for (e in n) printf "  %s: %d\n", e, n[e] }' "$tmp/edges" |
    LC_ALL=C sort

while read -r a b; do
	is_core "$a" || continue
	case $b in src/cli/* | tui/*) echo "$a includes $b" ;; esac
done <"$tmp/edges" >"$tmp/core-includes"
check "the core includes the command line or the screen" "$tmp/core-includes"

# The command line and the screen are siblings: neither includes the
# other, but for main.c, which hands the screen's entry point (tui.h) to
# the command line.
while read -r a b; do
	case $a:$b in
	src/cli/main.c:tui/tui.h) ;;
	src/cli/*:tui/* | tui/*:src/cli/*) echo "$a includes $b" ;;
	esac
done <"$tmp/edges" >"$tmp/siblings"
check "the command line and the screen include each other" "$tmp/siblings"
check "the core mentions curses" "$tmp/curses"
check "the core writes to stdout outside the formatters" "$tmp/stdout"

# Files a.c and a.h are one node a.  Each strongly connected set of two
# or more nodes (Tarjan's algorithm) is a cycle, shown by its #includes.
awk '{ a = $1; b = $2; sub("\\.[ch]$", "", a); sub("\\.[ch]$", "", b)
	if (a != b) print a, b }' "$tmp/edges" | LC_ALL=C sort -u >"$tmp/modules"
awk '
function visit(v,    i, n, w, next_) {
	idx[v] = low[v] = ++count
	stack[++sp] = v
	on[v] = 1
	n = split(adj[v], next_, " ")
	for (i = 1; i <= n; i++) {
		w = next_[i]
		if (!(w in idx)) {
			visit(w)
			if (low[w] < low[v]) low[v] = low[w]
		} else if (on[w] && idx[w] < low[v])
			low[v] = idx[w]
	}
	if (low[v] != idx[v]) return
	set = ""
	n = 0
	do {
		w = stack[sp--]
		on[w] = 0
		set = set " " w
		n++
	} while (w != v)
	if (n > 1) print set
}
{ adj[$1] = adj[$1] " " $2; node[$1]; node[$2] }
END { for (v in node) if (!(v in idx)) visit(v) }' "$tmp/modules" |
    while read -r set; do
	echo $(printf '%s\n' $set | LC_ALL=C sort)
done | LC_ALL=C sort | while read -r set; do
	printf '%s\n' $set >"$tmp/set"
	echo "$set"
	while read -r a b; do
		ma=${a%.[ch]} mb=${b%.[ch]}
		[ "$ma" != "$mb" ] && grep -qx "$ma" "$tmp/set" &&
		    grep -qx "$mb" "$tmp/set" && echo "  $a includes $b"
	done <"$tmp/edges"
done >"$tmp/cycles"
check "include cycles" "$tmp/cycles"

echo "$pass passed, $failed failed"
[ "$failed" -eq 0 ]

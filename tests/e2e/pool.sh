#!/bin/sh
# roster pool and roster pool name: the pool's name, id and change
# number; naming gives the records made before the name it; a second
# name is refused without --rename, which renames the pool's own records
# and leaves the others' origins alone; a bad name exits 2 and the same
# name writes nothing (the .dump compared before and after).  Every new
# person and deployment carries the pool's name as its origin.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
unset XDG_DATA_HOME
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: sqlite3 is needed to read the origins and the audit" >&2
	exit 77
fi
q() { sqlite3 "$ROSTER_DB" "$@"; }
is() { [ "$2" = "$3" ] && ok || bad "$1: '$2', expected '$3'"; }
dump() { q .dump >"$work/$1.dump"; }

"$ROSTER" import "$fix/people.csv" 2>/dev/null || bad "import failed"
run 0 pool-unnamed "$ROSTER" pool
grep -qx 'name: none (give it one: roster pool name NAME)' "$work/out" &&
    ok || bad "pool-unnamed: $(cat "$work/out")"
grep -qx "id: $(q "SELECT value FROM setting WHERE key = 'pool_id'")" \
    "$work/out" && ok || bad "pool-unnamed: no id: $(cat "$work/out")"
grep -qx "change: $(q "SELECT n FROM change_counter")" "$work/out" &&
    ok || bad "pool-unnamed: no change number: $(cat "$work/out")"
grep -qx 'known pools: none' "$work/out" && ok ||
    bad "pool-unnamed: known pools: $(cat "$work/out")"
is unnamed-origin "$(q "SELECT DISTINCT origin FROM person")" ""

# Bad names: exit 2, nothing changed, the message says what is wrong.
dump before
run 2 name-slash "$ROSTER" pool name 'K/Mar'
says name-slash "pool name: character 2 (U+002F) is not a letter"
run 2 name-empty "$ROSTER" pool name ''
says name-empty "pool name: empty"
run 2 name-long "$ROSTER" pool name 'abcdefghijklmnopqrstuvwxyz0123456'
says name-long "pool name: 33 bytes, at most 32"
run 2 name-control "$ROSTER" pool name "$(printf 'K\033Mar')"
says name-control "(U+001B)"
dump after
same bad-names-change-nothing "$work/before.dump" "$work/after.dump"

# Naming: the people made before it take the name; audited once.
n=$(q "SELECT count(*) FROM person")
run 0 name "$ROSTER" pool name 'Koninklijke Marechaussee'
says name "the pool is called Koninklijke Marechaussee ($n people"
is name-origin "$(q "SELECT DISTINCT origin FROM person")" \
    "Koninklijke Marechaussee"
is name-setting "$(q "SELECT value FROM setting WHERE key = 'pool_name'")" \
    "Koninklijke Marechaussee"
is name-audit "$(q "SELECT a.action, coalesce(c.old, 'NULL'), c.new FROM
    audit a JOIN audit_change c ON c.audit = a.pk WHERE a.entity = 'pool'")" \
    "name|NULL|Koninklijke Marechaussee"
run 0 pool-named "$ROSTER" pool
grep -qx 'name: Koninklijke Marechaussee' "$work/out" && ok ||
    bad "pool-named: $(cat "$work/out")"

# The known pools, as merge and apply record them.
q "INSERT INTO pool(id, name, mark, at) VALUES
    ('0b5e6f1e-4a7c-4d0e-9a51-3f2d8c0a9b17', 'Douane', 12,
    '2026-11-20T10:00:00Z')"
run 0 pool-known "$ROSTER" pool
grep -Eq '^  Douane +0b5e6f1e-4a7c-4d0e-9a51-3f2d8c0a9b17 +12  2026-11-20T10:00:00Z$' \
    "$work/out" && ok || bad "pool-known: $(cat "$work/out")"
q "DELETE FROM pool"

# The same name again: said, nothing written.
dump before
run 0 name-same "$ROSTER" pool name 'Koninklijke Marechaussee'
says name-same "is called Koninklijke Marechaussee already; nothing changed"
dump after
same same-name-changes-nothing "$work/before.dump" "$work/after.dump"

# Another pool's record keeps its origin through a rename.
q "UPDATE person SET origin = 'Douane' WHERE family_name = 'Dubois'"
# Another name without --rename: refused, counted, nothing changed.
dump before
run 1 rename-refused "$ROSTER" pool name 'KMar'
says rename-refused "$((n - 1)) people and 0 deployments carry that name"
says rename-refused "give --rename"
dump after
same refusal-changes-nothing "$work/before.dump" "$work/after.dump"

# With --rename: the pool's own records follow, the others' do not.
run 0 rename "$ROSTER" pool name 'KMar' --rename
says rename "the pool Koninklijke Marechaussee is now called KMar"
is rename-origins "$(q "SELECT origin, count(*) FROM person GROUP BY 1
    ORDER BY 1")" "Douane|1
KMar|$((n - 1))"
is rename-audit "$(q "SELECT a.action, c.old, c.new FROM audit a JOIN
    audit_change c ON c.audit = a.pk WHERE a.entity = 'pool'
    AND a.action = 'rename'")" "rename|Koninklijke Marechaussee|KMar"
# Letters of any script.
run 0 rename-cyrillic "$ROSTER" pool name 'Митниця' --rename
is rename-cyrillic "$(q "SELECT value FROM setting WHERE key = 'pool_name'")" \
    "Митниця"

# Letters of other scripts, accents written apart (NFD), and the marks
# allowed; an accent with no letter before it and other signs are not.
for name in '警察庁' "$(printf 'Douane co\314\202tie\314\200re')" 'A.B-C_D 1'; do
	run 0 "name-$name" "$ROSTER" pool name "$name" --rename
done
dump before
run 2 name-lone-accent "$ROSTER" pool name "$(printf '\314\201X')"
says name-lone-accent "character 1 (U+0301) is not a letter"
run 2 name-emoji "$ROSTER" pool name 'KMar 🚓'
says name-emoji "character 6 (U+1F693) is not a letter"
dump after
same more-bad-names-change-nothing "$work/before.dump" "$work/after.dump"
run 0 name-back "$ROSTER" pool name 'Митниця' --rename

# New records carry the name: a person, and a deployment with an id.
run 0 person-add "$ROSTER" person add --family Kovalenko --given Olena
is person-origin "$(q "SELECT origin FROM person
    WHERE family_name = 'Kovalenko'")" "Митниця"
run 0 deploy-create "$ROSTER" deploy create Irma --country SX \
    --start 2026-12-01
is deploy-origin "$(q "SELECT origin FROM deployment WHERE name = 'Irma'")" \
    "Митниця"
q "SELECT id FROM deployment WHERE name = 'Irma'" |
    grep -Eqx '[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}' &&
    ok || bad "deploy-id: not a UUID v4"
# The record shows it.
run 0 show "$ROSTER" show "$(q "SELECT id FROM person
    WHERE family_name = 'Kovalenko'")"
grep -qx 'Origin       Митниця' "$work/out" && ok ||
    bad "show: no origin: $(cat "$work/out")"
# An edit changes neither.
run 0 person-set "$ROSTER" person set "$(q "SELECT id FROM person
    WHERE family_name = 'Kovalenko'")" rank=Inspector
run 0 rename-again "$ROSTER" pool name 'Customs UA' --rename
is renamed-new-records "$(q "SELECT p.origin || '|' || d.origin FROM person p,
    deployment d WHERE p.family_name = 'Kovalenko' AND d.name = 'Irma'")" \
    "Customs UA|Customs UA"

# A new hub's first step: naming makes the pool, 0600; a bad name makes
# no file.
run 0 name-new "$ROSTER" --db "$work/hub.db" pool name Hub
[ "$(stat -c %a "$work/hub.db")" = 600 ] && ok || bad "name-new: not 0600"
is name-new-name "$(sqlite3 "$work/hub.db" "SELECT value FROM setting
    WHERE key = 'pool_name'")" "Hub"
run 2 name-new-bad "$ROSTER" --db "$work/hub2.db" pool name 'Hub/2'
[ -e "$work/hub2.db" ] && bad "name-new-bad: a file was made" || ok

finish

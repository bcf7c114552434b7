#!/bin/sh
# roster vocab add and list: a theme or skill added is known at once to
# filters, import and the filter's "did you mean"; bad slugs, duplicates
# and unknown lists are refused (exit 2), the database unchanged.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
unset XDG_DATA_HOME
if ! command -v sqlite3 >/dev/null 2>&1; then
	echo "SKIP: sqlite3 is needed to read the audit" >&2
	exit 77
fi

"$ROSTER" import "$fix/people.csv" 2>/dev/null || bad "import failed"
header=$(head -n 1 "$fix/people.csv")
cat >"$work/sea.csv" <<EOF2
$header
,Jansen,Pieter,KMar,,m,,,active,3,,,,nl:native,sea-rescue,boat-handling,
EOF2

# Before: import and filters do not know the words.
run 2 import-unknown "$ROSTER" import "$work/sea.csv"
says import-unknown "unknown theme 'sea-rescue'"
run 2 filter-unknown "$ROSTER" search theme:sea-rescue
says filter-unknown "unknown theme 'sea-rescue'"

# Adding them: audited.
run 0 add-theme "$ROSTER" vocab add theme sea-rescue "Sea rescue"
says add-theme "roster: added theme 'sea-rescue'"
run 0 add-skill "$ROSTER" vocab add skill boat-handling "Boat handling"
check_audit=$(sqlite3 "$ROSTER_DB" "SELECT a.entity || ' ' || a.entity_id ||
    ' ' || a.action || ' ' || c.field || '=' || c.new FROM audit a
    JOIN audit_change c ON c.audit = a.pk WHERE a.entity = 'theme'" 2>&1)
[ "$check_audit" = "theme sea-rescue add label=Sea rescue" ] && ok ||
    bad "audit of vocab add: '$check_audit'"

# After: import, filters by prefix and label, and "did you mean".
run 0 import-known "$ROSTER" import "$work/sea.csv"
run 0 filter-theme "$ROSTER" search --format csv theme:sea
grep -q '^[0-9a-f-]*,Jansen,Pieter,' "$work/out" && ok ||
    bad "theme:sea does not find Pieter Jansen: $(cat "$work/out")"
run 0 filter-label "$ROSTER" search --format ids 'skill:"boat hand"'
run 2 filter-typo "$ROSTER" search theme:sea-rescu3
says filter-typo "unknown theme 'sea-rescu3' (did you mean 'sea-rescue'?)"

# Refusals: nothing changes.
before=$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM theme; SELECT count(*)
    FROM skill; SELECT count(*) FROM audit")
run 2 add-duplicate "$ROSTER" vocab add theme sea-rescue "Rescue at sea"
says add-duplicate "roster: vocab: theme 'sea-rescue' exists already (Sea rescue)"
run 2 add-shipped "$ROSTER" vocab add theme drugs "Drugs again"
says add-shipped "theme 'drugs' exists already"
for slug in Sea_Rescue sea.rescue -sea sea- "" "zée"; do
	run 2 "add-bad-slug '$slug'" "$ROSTER" vocab add skill "$slug" "Label"
	says "add-bad-slug '$slug'" "is not a slug (expected lower-case letters a-z, digits and '-'"
done
run 2 add-bad-label "$ROSTER" vocab add skill diving "$(printf 'Div\033[2Jing')"
says add-bad-label "control character U+001B in the label"
run 2 add-empty-label "$ROSTER" vocab add skill diving ""
# An abbreviation filters take already (theme:OC is organised crime):
# a theme of that slug could never be found by it.
run 2 add-alias "$ROSTER" vocab add theme oc "Ocean crossings"
says add-alias "roster: vocab: theme 'oc' is already short for organised-crime (Organised crime)"
run 2 add-alias-skill "$ROSTER" vocab add skill gps "GPS tracking"
says add-alias-skill "roster: vocab: skill 'gps' is already short for navigation"
# A label of blanks alone names nothing.
run 2 add-blank-label "$ROSTER" vocab add skill diving "   "
says add-blank-label "roster: vocab: the label is blank (expected words, as in Sea rescue)"
# Opened with --read-only: said so, not SQLite's "attempt to write a
# readonly database".
run 2 add-read-only "$ROSTER" --read-only vocab add skill diving Diving
says add-read-only "roster: $ROSTER_DB: opened with --read-only; nothing was changed"
run 2 add-bad-kind "$ROSTER" vocab add language xx "Xx"
says add-bad-kind "roster: vocab add: 'language' is not theme or skill"
run 2 add-usage "$ROSTER" vocab add theme only-slug
says add-usage "usage: roster vocab add theme|skill SLUG LABEL"
after=$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM theme; SELECT count(*)
    FROM skill; SELECT count(*) FROM audit")
[ "$before" = "$after" ] && ok || bad "a refused vocab add changed the database"

# Lists: one, and all with their kind first.
run 0 list-theme "$ROSTER" vocab list theme
grep -q '^sea-rescue  *Sea rescue$' "$work/out" && ok ||
    bad "vocab list theme lacks sea-rescue"
grep -q '^drugs  *Drugs and narcotics$' "$work/out" && ok || bad "vocab list theme lacks drugs"
run 0 list-country "$ROSTER" vocab list country
grep -q '^XK  *Kosovo$' "$work/out" && ok || bad "vocab list country lacks XK"
run 0 list-language "$ROSTER" vocab list language
grep -q '^fr  *French$' "$work/out" && ok || bad "vocab list language lacks fr"
run 0 list-mission "$ROSTER" vocab list mission
grep -q '^EULEX Kosovo  *EU, XK$' "$work/out" && ok ||
    bad "vocab list mission lacks EULEX Kosovo"
run 0 list-all "$ROSTER" vocab list
for k in theme skill country language mission; do
	grep -q "^$k " "$work/out" && ok || bad "vocab list lacks the ${k}s"
done
grep -q '^skill  *boat-handling  *Boat handling$' "$work/out" && ok ||
    bad "vocab list lacks boat-handling"
run 2 list-bad "$ROSTER" vocab list themes
says list-bad "roster: vocab list: 'themes' is not theme, skill, country, language or mission"

finish

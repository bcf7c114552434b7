#!/bin/sh
# Makes db/ref/countries.sql and db/ref/languages.sql from Debian's
# iso-codes JSON (Debian packages iso-codes and jq), with the few names and
# aliases iso-codes does not have, listed below.
# usage: refdata.sh OUTDIR   (ISO_CODES_JSON: iso-codes' json directory,
# /usr/share/iso-codes/json by default; JQ: the jq to run)
set -e
out=${1:?usage: refdata.sh OUTDIR}
json=${ISO_CODES_JSON:-/usr/share/iso-codes/json}
jq=${JQ:-jq}

for f in iso_3166-1.json iso_639-2.json; do
	if [ ! -r "$json/$f" ]; then
		echo "refdata.sh: $json/$f: not found (install the Debian package iso-codes)" >&2
		exit 1
	fi
done
if ! command -v "$jq" >/dev/null 2>&1; then
	echo "refdata.sh: $jq: not found (install the Debian package jq)" >&2
	exit 1
fi

# Countries ISO 3166-1 leaves out, as "CODE name".
extra_countries='XK Kosovo'

# Names people write for a country besides iso-codes' names, as
# "CODE alias;alias...".  iso-codes' formal names ("Korea, Republic of")
# are aliases already when it has a common name ("South Korea").
extra_aliases=$(cat <<'EOF'
AX Aland Islands
BA BiH;Bosnia;Bosnia-Herzegovina
BL Saint Barthelemy;St Barts
BN Brunei
BQ Bonaire;Caribbean Netherlands;Saba;Sint Eustatius
BS The Bahamas
CC Cocos Islands;Keeling Islands
CD Congo-Kinshasa;DR Congo;DRC;Democratic Republic of the Congo;Zaire
CF CAR
CG Congo-Brazzaville;Republic of the Congo
CI Cote d'Ivoire;Ivory Coast
CV Cape Verde
CW Curacao
CZ Czech Republic
FK Falkland Islands
FM Micronesia
GB Britain;Great Britain;UK
GM The Gambia
IR Islamic Republic of Iran
KN St Kitts and Nevis
KP DPRK
KR Korea;Republic of Korea
LA Lao PDR
LC St Lucia
MD Republic of Moldova
MF Saint Martin;St Martin
MK FYROM;Former Yugoslav Republic of Macedonia;Macedonia
MM Burma
MO Macau
NL Holland;The Netherlands
PS Occupied Palestinian Territory;Palestine;Palestinian Territories
PS State of Palestine
RE Reunion
RU Russia
SH Saint Helena
SX Sint Maarten;St Maarten
SZ Swaziland
TL East Timor
TR Turkey;Turkiye
US USA;United States of America
VA Holy See;Vatican;Vatican City
VC St Vincent and the Grenadines
VG British Virgin Islands
VI US Virgin Islands
XK Republic of Kosovo
EOF
)

# Language names the shortening rule below gets wrong, as "code name".
language_names='el Greek
to Tongan'

# jq helpers: "CODE rest" lines as [CODE, rest] pairs; text as an SQL
# string; a list of such lists as the rows of a VALUES clause.
jq_lib='
def pairs: split("\n") | map(select(length > 0) | capture("^(?<k>\\S+) (?<v>.*)$") | [.k, .v]);
def q: "\u0027" + gsub("\u0027"; "\u0027\u0027") + "\u0027";
def rows: map("(" + (map(q) | join(",")) + ")") | join(",\n") + ";";
'

"$jq" -r --arg extra "$extra_countries" --arg aliases "$extra_aliases" \
    "$jq_lib"'
.["3166-1"] as $iso
| ($iso | map([.alpha_2, .common_name // .name]) + ($extra | pairs)
    | sort_by(.[0])) as $names
| ($iso | map(select(.common_name) | [.name, .alpha_2])
    + ($aliases | pairs | map(.[0] as $c | .[1] | split(";") | map([., $c])) | add)
    | unique_by([.[1], .[0]])) as $alias
| "-- ISO 3166-1 countries from Debian iso-codes, plus XK Kosovo.",
  "-- Generated, do not edit by hand.",
  "INSERT INTO country(code, name) VALUES",
  ($names | rows),
  "INSERT INTO country_alias(alias, code) VALUES",
  ($alias | rows)' "$json/iso_3166-1.json" >"$out/countries.sql.tmp"

# A name is the first of iso-codes' names without an inversion ("Bokmål,
# Norwegian; Norwegian Bokmål"), less what is in brackets, and turned
# round when it has only the inverted form ("Sotho, Southern").
"$jq" -r --arg names "$language_names" "$jq_lib"'
def short: split("; ") | (map(select(contains(", ") | not)) + .)[0]
    | sub(" \\(.*\\)$"; "")
    | if contains(", ") then split(", ") | .[1] + " " + .[0] else . end;
($names | pairs | map({key: .[0], value: .[1]}) | from_entries) as $fix
| "-- ISO 639-1 languages from Debian iso-codes (iso_639-2.json, alpha_2).",
  "-- Names shortened to what a user types (Greek, not \"Greek, Modern (1453-)\").",
  "INSERT INTO language(code, name) VALUES",
  (.["639-2"] | map(select(.alpha_2) | [.alpha_2, $fix[.alpha_2] // (.name | short)])
    | sort_by(.[0]) | rows)' "$json/iso_639-2.json" >"$out/languages.sql.tmp"

mv "$out/countries.sql.tmp" "$out/countries.sql"
mv "$out/languages.sql.tmp" "$out/languages.sql"

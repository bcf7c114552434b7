# Helpers for the tmux tests of the duplicates screens (tui-dupes-*.sh),
# after tui_lib.sh:
#
#   dupes_pool    $db: Anna de Wit entered twice, $anna1 from the KMar
#                 (rank, phone +31 6 1111 1111, nl:native;en:C1, EULEX
#                 Kosovo) and $anna2 from the Police (no rank, phone
#                 +31 70 222 2222, en:C2;fr:B1, EUCAP Sahel Mali), the
#                 same e-mail; and Piet Jansen once
#   on NAME       the session the next keys go to
#   open_twin NAME W H [ARGS...]   roster (with ARGS) in a W x H session
#                 NAME, on the pair side by side
#   ask_merge OTHER KEPT   m, and the question naming both ("Anna de Wit
#                 (Police)")
#   person_count  how many people $db holds

. "${top_srcdir:-.}/tests/e2e/tui_lib.sh"

anna1=aaaaaaaa-0000-4000-8000-000000000001
anna2=aaaaaaaa-0000-4000-8000-000000000002
twin_title='The same person twice\? Anna de Wit \(KMar\) and Anna de Wit'

dupes_pool() {
	db=$work/dupes.db
	cat >"$work/people.csv" <<EOT
id,family_name,given_name,agency,rank,gender,email,phone,status,notice_days,passport_expiry,medical_expiry,heat_expiry,languages,themes,skills,notes
$anna1,de Wit,Anna,Koninklijke Marechaussee,Wachtmeester,f,a.dewit@kmar.nl,+31 6 1111 1111,active,2,2030-01-01,,,nl:native;en:C1,border-management,,
$anna2,de Wit,Anna,Koninklijke Marechaussee,,f,a.dewit@kmar.nl,+31 70 222 2222,active,5,,2027-06-30,,en:C2;fr:B1,,first-aid,from the police list
aaaaaaaa-0000-4000-8000-000000000003,Jansen,Piet,Politie,Inspecteur,m,piet@politie.nl,+31 6 3333 3333,active,2,,,,nl:native,,,
EOT
	cat >"$work/missions.csv" <<EOT
person_id,mission,country,start,end,role,themes
$anna1,EULEX Kosovo,XK,2019-03-01,2019-09-30,Investigator,rule-of-law
$anna2,EUCAP Sahel Mali,ML,2021-01-01,2021-12-31,Border Expert,border-management
EOT
	"$ROSTER" --db "$db" import "$work/people.csv" "$work/missions.csv" \
	    >/dev/null 2>&1 || bad "the import of the pair failed"
	# The pools they came from, as a merge of two pools leaves them.
	sqlite3 "$db" "UPDATE person SET origin = 'KMar' WHERE id = '$anna1';
	    UPDATE person SET origin = 'Police' WHERE id = '$anna2'" ||
	    bad "sqlite3 could not set the origins"
}

on() { S=$1 D=$work/$1; }

open_twin() {
	ot_h=$3
	ot_name=$1 ot_w=$2
	shift 3
	start "$ot_name" "$ot_w" "$ot_h" -- --db "$db" "$@"
	wait_for -l $((ot_h - 1)) '^ 3/3 ' || return
	keys =
	wait_for '^  Anna de Wit \(KMar\) +Anna de Wit \(Police\) ' || return
	keys Enter
	wait_for -l 1 "^ $twin_title" || return
}

ask_merge() {
	keys m
	wait_for -l "$H" -F "Merge $1 into $2? (y/n)"
}

person_count() { sqlite3 "$db" "SELECT count(*) FROM person"; }

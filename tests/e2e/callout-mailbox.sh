#!/bin/sh
# roster callout inbox on hostile mailboxes: a file that is no mail
# message at all (binary garbage, a huge headerless blob) is named as
# such on its line, not passed off as a dry run, and nothing is kept.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
export XDG_CONFIG_HOME="$work/config"
unset XDG_DATA_HOME ROSTER_SENDMAIL ROSTER_SMS

A=aaaaaaaa-1111-4111-8111-111111111111
B=bbbbbbbb-2222-4222-8222-222222222222
cat >"$work/people.csv" <<CSV
id,family_name,given_name,agency,email,phone,status
$A,de Wit,Anna,Politie,anna.dewit@politie.example,+31 6 1111 1111,active
$B,Li,Bo,Douane,bo@d.example,+31 6 2222 2222,active
CSV
"$ROSTER" import "$work/people.csv" 2>/dev/null || bad "import failed"
"$ROSTER" deploy create Irma --country SX --start +2d --end 4w \
    2>/dev/null || bad "create failed"
"$ROSTER" deploy add Irma $A $B 2>/dev/null || bad "add failed"
"$ROSTER" callout send Irma --via print >/dev/null 2>&1 || bad "send failed"

md=$work/md
mkdir -p "$md/cur" "$md/new" "$md/tmp"
printf 'From: ANNA.DEWIT@POLITIE.EXAMPLE\nSubject: Re: [IRMA] x\nDate: Sun, 29 Nov 2026 18:00:00 +0000\n\nno\n\n> IRMA yes\n' >"$md/new/1"
printf '\000\001\377 garbage\n\n\n' >"$md/new/2"
head -c 3000000 /dev/zero | tr '\0' A >"$md/new/3"
run 0 inbox "$ROSTER" callout inbox "$md"
grep -q '^new/1  ANNA.DEWIT@POLITIE.EXAMPLE  IRMA  no  declined$' \
    "$work/out" && ok || { bad "inbox: Anna's no"; cat "$work/out" >&2; }
for f in 2 3; do
	grep -q "^new/$f  -  -  unclear  not read: not a mail message$" \
	    "$work/out" && ok || { bad "inbox: new/$f"; cat "$work/out" >&2; }
done
grep -q "dry run" "$work/out" && bad "inbox: says dry run" || ok
run 0 dry "$ROSTER" callout inbox "$md" --dry-run
grep -q "^new/2  -  -  unclear  not read: not a mail message$" \
    "$work/out" && ok || { bad "dry: new/2"; cat "$work/out" >&2; }

# Two members who answer the same word in mail without a Message-ID
# (as SMS gateways send) are two replies, not one kept before.
rm -r "$md"
mkdir -p "$md/cur" "$md/new" "$md/tmp"
printf 'From: Anna <anna.dewit@politie.example>\nSubject: Re: [IRMA] x\nDate: Sun, 29 Nov 2026 18:00:00 +0000\n\nmaybe\n' >"$md/new/1"
printf 'From: Bo <bo@d.example>\nSubject: Re: [IRMA] x\nDate: Sun, 29 Nov 2026 18:00:00 +0000\n\nmaybe\n' >"$md/new/2"
run 0 same-words "$ROSTER" callout inbox "$md"
grep -q '^new/2  bo@d.example  IRMA  maybe  ' "$work/out" &&
    ! grep -q '  kept before$' "$work/out" && ok ||
    { bad "same-words: Bo's reply"; cat "$work/out" >&2; }
run 0 again "$ROSTER" callout inbox "$md"
grep -q '^2 read, 0 kept, 2 kept before, 0 unclear$' "$work/out" && ok ||
    { bad "again: not kept before"; cat "$work/out" >&2; }
# A reply quoting the code of a deployment closed since is kept unclear
# and moves nobody on the closed deployment.
"$ROSTER" deploy close Irma 2>/dev/null || bad "close failed"
printf 'From: Bo <bo@d.example>\nSubject: Re: [IRMA] x\nDate: Sun, 29 Nov 2026 19:00:00 +0000\n\nno\n' >"$md/new/3"
run 0 closed "$ROSTER" callout inbox "$md"
grep -q '^new/3  bo@d.example  IRMA  no  unclear: no open call-out IRMA$' \
    "$work/out" && ok || { bad "closed: Bo's no"; cat "$work/out" >&2; }
[ "$(sqlite3 "$ROSTER_DB" "SELECT a.status FROM assignment a JOIN person p
    ON p.pk = a.person WHERE p.id = '$B'")" = contacted ] && ok ||
    bad "closed: Bo moved on a closed deployment"
run 1 closed-phone "$ROSTER" callout reply Irma $A yes
says closed-phone "deployment 'Irma' is closed"

# Erasing Bo leaves no trace of his replies, even one from his address
# in other case that could not be placed (raw bytes of db and WAL).
printf 'From: BO@D.EXAMPLE\nSubject: hello\nDate: Sun, 29 Nov 2026 20:00:00 +0000\n\nok\n' >"$md/new/4"
"$ROSTER" callout inbox "$md" >/dev/null 2>&1 || bad "inbox 4 failed"
run 0 erase "$ROSTER" erase $B
got=$(sqlite3 "$ROSTER_DB" .dump | grep -ci -e 'bo@d' -e 'Bo Li')
[ "$got" = 0 ] && ok || { bad "erase left $got lines of Bo's";
    sqlite3 "$ROSTER_DB" .dump | grep -i 'bo@d' >&2; }
cat "$ROSTER_DB"* | grep -aqi 'bo@d' && bad "erase: Bo's address in the file" || ok
finish

#!/bin/sh
# Replies to a call-out end to end: a Maildir and an mbox written by hand
# with replies of every kind (quoted history, a signature, HTML only, an
# auto-reply, an unknown sender, a code of no open call-out, a double
# booking, a stale code in the Subject beside an open one in the body, a
# message read twice), read by callout inbox; a phone reply;
# an unclear reply decided; and erase taking a person's replies with them.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
unset XDG_DATA_HOME

id() { printf '00000000-0000-4000-8000-00000000000%s' "$1"; }
{
	echo "id,family_name,given_name,agency,rank,gender,email,phone,status,notice_days,passport_expiry,medical_expiry,heat_expiry,languages,themes,skills,notes"
	for p in "1,de Wit,Anna,anna@example.org" "2,Bakker,Bram,Bram@Example.org" \
	    "3,Martin,Chloé,chloe@example.org" "4,Jansen,Dirk,dirk@example.org" \
	    "5,Weiss,Eva,eva@example.org" "6,Visser,Frank,frank@example.org" \
	    "7,Smit,Gijs,gijs@example.org"; do
		n=${p%%,*} rest=${p#*,}
		echo "$(id "$n"),$rest,,active,2,2030-01-01,2030-01-01,2030-01-01,nl:C1,,," |
		    sed 's/^\([^,]*\),\([^,]*\),\([^,]*\),\([^,]*\),/\1,\2,\3,Police,,,\4,/'
	done
} >"$work/people.csv"
run 0 import "$ROSTER" import "$work/people.csv"
run 0 create-irma "$ROSTER" deploy create Irma --country SX --start 2026-12-01 \
    --end 2026-12-20
run 0 create-ida "$ROSTER" deploy create Ida --country SX --start 2026-12-10 \
    --end 2026-12-30
run 0 add-ida "$ROSTER" deploy add Ida "$(id 2)"
run 0 book-ida "$ROSTER" deploy set Ida "$(id 2)" confirmed
run 0 add-irma "$ROSTER" deploy add Irma "$(id 1)" "$(id 2)" "$(id 3)" \
    "$(id 4)" "$(id 5)" "$(id 7)"
# The call-out as callout send records it (IRMA2, by e-mail, to all but
# Gijs, who is called by phone), its members contacted.
sqlite3 "$ROSTER_DB" "INSERT INTO callout(deployment, code, wave, channel,
    who, at) SELECT pk, 'IRMA2', 'alert', 'email', 'duty',
    '2026-11-23T08:00:00Z' FROM deployment WHERE name = 'Irma';
    INSERT INTO callout_message(callout, person, address, at, result)
    SELECT 1, pk, email, '2026-11-23T08:00:00Z', 'sent' FROM person
    WHERE id NOT LIKE '%7' AND id NOT LIKE '%6';" || bad "callout rows"
for n in 1 2 3 4 5; do
	"$ROSTER" deploy set Irma "$(id "$n")" contacted 2>/dev/null ||
	    bad "contacted $n"
done

md=$work/Maildir
mkdir -p "$md/cur" "$md/new" "$md/tmp"
# mail FILE FROM MESSAGE-ID SUBJECT [HEADER]: a message, its body on
# stdin, into FILE (-: standard output).
message() {
	printf 'From: %s\nTo: duty@example.org\n' "$1"
	printf 'Date: Mon, 23 Nov 2026 10:00:00 +0100\n'
	printf 'Message-ID: <%s@example.org>\nSubject: %s\n' "$2" "$3"
	[ -n "${4:-}" ] && printf '%s\n' "$4"
	printf 'MIME-Version: 1.0\n'
	cat
}
mail() {
	f=$1
	shift
	if [ "$f" = - ]; then message "$@"; else message "$@" >"$f"; fi
}
mail "$md/cur/1.anna" "Anna de Wit <ANNA@example.org>" a1 "Re: IRMA2 Hurricane Irma" <<'M'
Content-Type: text/plain; charset=utf-8

Yes, I can come.

On Mon, 23 Nov 2026 at 09:00, Duty Officer <duty@example.org> wrote:
> Reply IRMA2 1 (yes), IRMA2 2 (no), IRMA2 3 (maybe)
> no need to answer if you are not available
--
Anna
M
mail "$md/new/2.bram" "bram@example.org" b1 "Re: IRMA9 Hurricane Irma" <<'M'
Content-Type: text/plain; charset=utf-8

IRMA2 1
-- 
Bram Bakker, no 2 in the team
M
mail "$md/new/3.chloe" "chloe@example.org" c1 "Re: IRMA2" <<'M'
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

<html><body><p>Non, d=C3=A9sol=C3=A9.</p><div class=3D"gmail_quote">Le lun. a =
=C3=A9crit :<blockquote>oui ?</blockquote></div></body></html>
M
mail "$md/new/4.dirk" "dirk@example.org" d1 "Re: IRMA2" <<'M'
Content-Type: multipart/alternative; boundary="b"

--b
Content-Type: text/plain; charset=utf-8

Misschien, ik bel vanavond.
--b
Content-Type: text/html; charset=utf-8

<p>Ja!</p>
--b--
M
mail "$md/new/5.eva" "eva@example.org" e1 "Automatic reply: IRMA2" \
    "Auto-Submitted: auto-replied" <<'M'
Content-Type: text/plain; charset=utf-8

I am out of the office until 7 December. Yes, really.
M
mail "$md/new/6.zed" "zed@example.net" z1 "Re: IRMA2" <<'M'
Content-Type: text/plain; charset=utf-8

yes
M
mail "$md/new/7.frank" "frank@example.org" f1 "Re: IRMA9" <<'M'
Content-Type: text/plain; charset=utf-8

yes
M
# An mbox: Anna's reply again (kept once), and Eva's own answer.
{
	echo "From anna@example.org Mon Nov 23 10:00:00 2026"
	cat "$md/cur/1.anna"
	echo
	echo "From eva@example.org Mon Nov 23 11:00:00 2026"
	mail - "eva@example.org" e2 "Re: IRMA2" <<'M'
Content-Type: text/plain; charset=utf-8

ja
M
} >"$work/mbox"
ls -lR "$md" >"$work/before"
cksum "$work/mbox" >>"$work/before"

# Bad input: a clear message, nothing kept.
run 2 not-mbox "$ROSTER" callout inbox "$work/people.csv"
says not-mbox "people.csv: not an mbox (it does not begin with 'From ')"
run 2 no-mailbox "$ROSTER" callout inbox "$work/none"
says no-mailbox "none: no such Maildir or mbox"
run 1 no-deployment "$ROSTER" callout reply Nope "$(id 2)" no
says no-deployment "no deployment named 'Nope'"
run 2 bad-at "$ROSTER" callout reply Irma "$(id 2)" no --at 25:00
says bad-at "--at '25:00' is not a time"

# A dry run records nothing.
run 0 dry-run "$ROSTER" callout inbox --dry-run "$md"
grep -q "not recorded (dry run)" "$work/out" && ok || bad "dry-run: $(cat "$work/out")"
n=$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM reply")
[ "$n" = 0 ] && ok || bad "dry-run kept $n replies"

run 0 inbox "$ROSTER" callout inbox "$md"
cat >"$work/want" <<'W'
cur/1.anna  ANNA@example.org  IRMA2  yes  confirmed
new/2.bram  bram@example.org  IRMA2  yes  booked on Ida
new/3.chloe  chloe@example.org  IRMA2  no  declined
new/4.dirk  dirk@example.org  IRMA2  maybe  contacted
new/5.eva  eva@example.org  IRMA2  unclear  unclear
new/6.zed  zed@example.net  IRMA2  yes  unclear: not called
new/7.frank  frank@example.org  IRMA9  yes  unclear: no open call-out IRMA9
7 read, 7 kept, 0 kept before, 3 unclear
W
same inbox "$work/want" "$work/out"
status() {
	sqlite3 "$ROSTER_DB" "SELECT a.status FROM assignment a JOIN person p
	    ON p.pk = a.person JOIN deployment d ON d.pk = a.deployment
	    WHERE d.name = '$1' AND p.id = '$(id "$2")'"
}
for want in "1 confirmed" "2 contacted" "3 declined" "4 contacted" \
    "5 contacted"; do
	got=$(status Irma "${want% *}")
	[ "$got" = "${want#* }" ] && ok || bad "status of ${want% *}: $got"
done
# The refused yes is kept and says why; the times are the messages'.
got=$(sqlite3 "$ROSTER_DB" "SELECT answer, outcome, at FROM reply WHERE
    message_id = 'b1@example.org'")
[ "$got" = "yes|booked on Ida|2026-11-23T09:00:00Z" ] && ok ||
    bad "refused yes: $got"
got=$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM audit WHERE action =
    'set' AND fields LIKE '%reply=%'")
[ "$got" = 2 ] && ok || bad "audited status changes: $got"

# Again: nothing changes; the mbox adds Eva's yes.
sqlite3 "$ROSTER_DB" .dump >"$work/dump1"
run 0 inbox-again "$ROSTER" callout inbox "$md"
tail -1 "$work/out" | grep -q "7 read, 0 kept, 7 kept before, 0 unclear" &&
    ok || bad "inbox-again: $(tail -1 "$work/out")"
sqlite3 "$ROSTER_DB" .dump >"$work/dump2"
same inbox-again-db "$work/dump1" "$work/dump2"
run 0 mbox "$ROSTER" callout inbox "$work/mbox"
printf '%s\n' "message 1  ANNA@example.org  IRMA2  yes  kept before" \
    "message 2  eva@example.org  IRMA2  yes  confirmed" \
    "2 read, 1 kept, 1 kept before, 0 unclear" >"$work/want"
same mbox "$work/want" "$work/out"
ls -lR "$md" >"$work/after"
cksum "$work/mbox" >>"$work/after"
same mailbox-untouched "$work/before" "$work/after"

# A phone reply, with its time and note.
run 0 phone "$ROSTER" callout reply Irma "$(id 7)" maybe --at \
    "2026-11-23 12:30" --note "call back at six"
says phone "Gijs Smit: maybe on 'Irma': contacted"
got=$(sqlite3 "$ROSTER_DB" "SELECT channel, at, note FROM reply WHERE
    channel = 'phone'")
[ "$got" = "phone|2026-11-23T12:30:00Z|call back at six" ] && ok ||
    bad "phone: $got"
run 1 phone-booked "$ROSTER" callout reply Irma "$(id 2)" yes
says phone-booked "Bram Bakker said yes, but is booked on Ida"
run 2 phone-bad "$ROSTER" callout reply Irma "$(id 2)" perhaps
says phone-bad "unknown answer 'perhaps'"

# The unclear reply from an unknown sender, decided by a person.
zed=$(sqlite3 "$ROSTER_DB" "SELECT pk FROM reply WHERE sender =
    'zed@example.net'")
run 0 decide "$ROSTER" callout reply Irma "$(id 4)" no --reply "$zed"
says decide "Dirk Jansen: no on 'Irma': declined"
[ "$(status Irma 4)" = declined ] && ok || bad "decide: $(status Irma 4)"
run 1 decide-again "$ROSTER" callout reply Irma "$(id 4)" no --reply "$zed"
says decide-again "was decided: no"
# A maybe leaves a member who said no where they are.
run 0 maybe-after-no "$ROSTER" callout reply Irma "$(id 4)" maybe
says maybe-after-no "Dirk Jansen: maybe on 'Irma': stays declined"

# Erase takes a person's replies, those not matched to them too.
run 0 erase "$ROSTER" erase "$(id 6)"
got=$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM reply WHERE
    sender = 'frank@example.org'")
[ "$got" = 0 ] && ok || bad "erase left $got of Frank's replies"
run 0 erase-anna "$ROSTER" erase "$(id 1)"
got=$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM reply WHERE
    lower(sender) = 'anna@example.org'")
[ "$got" = 0 ] && ok || bad "erase left $got of Anna's replies"

finish

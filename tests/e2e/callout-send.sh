#!/bin/sh
# roster callout send end to end, with real mail software: an SMTP server
# on the loopback address (tests/e2e/smtp-maildir.py, aiosmtpd) keeping
# what it is given in a Maildir, msmtp as sendmail, a wave of e-mail
# checked message by message; SMS through a stub that records its
# arguments and fails for one number, and through gammu-smsd's files
# backend; failures that do not lose the rest of the wave, the skip and
# --again, a dry run that records nothing, codes unique across
# deployments, templates, and no lock held while a delivery runs.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

. "${top_srcdir:-.}/tests/e2e/mail_lib.sh"

A=aaaaaaaa-1111-4111-8111-111111111111
B=bbbbbbbb-2222-4222-8222-222222222222
C=cccccccc-3333-4333-8333-333333333333
D=dddddddd-4444-4444-8444-444444444444
E=eeeeeeee-5555-4555-8555-555555555555
Z=ffffffff-6666-4666-8666-666666666666
cat >"$work/people.csv" <<EOF
id,family_name,given_name,agency,email,phone,status
$A,de Wit,Anna,Politie,anna.dewit@politie.example,+31 6 1111 1111,active
$B,Li,Bo,Douane,,+31 6 2222 2222,active
$C,Ruiz,Carla,Guardia Civil,carla.ruiz@gc.example,+34 6 5555 5555,active
$D,Left,Dirk,KMar,dirk.left@kmar.example,+31 6 4444 4444,left
$E,Nocall,Eva,KMar,eva.nocall@kmar.example,+31 6 3333 3333,active
$Z,Ünal,Zoë,Polizei,zoe.unal@polizei.example,+49 170 666 666,active
EOF
"$ROSTER" import "$work/people.csv" 2>/dev/null || bad "import failed"
"$ROSTER" person set $E dnc=personal 2>/dev/null || bad "dnc failed"
"$ROSTER" deploy create Irma --country SX --start +2d --end 4w \
    2>/dev/null || bad "create failed"
"$ROSTER" deploy add Irma $A $B $C $D $E $Z 2>/dev/null || bad "add failed"
st() {
	sqlite3 "$ROSTER_DB" "SELECT a.status FROM assignment a JOIN person p
	    ON p.pk = a.person WHERE p.id = '$1'"
}
dump() { sqlite3 "$ROSTER_DB" .dump >"$1"; }
mails() { ls "$work/mail/new" | wc -l | tr -d ' '; }

# A dry run composes every message and records nothing.
dump "$work/before"
run 0 dry-run "$ROSTER" callout send Irma --dry-run
dump "$work/after"
same dry-run-records-nothing "$work/before" "$work/after"
grep -q '^To: Anna de Wit <anna.dewit@politie.example>$' "$work/out" &&
    grep -q '^Subject: \[IRMA\] Can you deploy? Irma, other in Sint Maarten' \
    "$work/out" && grep -q 'Reply "IRMA yes", "IRMA no" or "IRMA maybe".' \
    "$work/out" && ok || { bad "dry-run: messages"; cat "$work/out" >&2; }
says dry-run "dry run: nothing sent or recorded"
[ "$(mails)" = 0 ] && ok || bad "dry-run: $(mails) mails sent"

# The alert, through msmtp: Bo has no e-mail (failed, recorded, the wave
# goes on), Dirk left and Eva may not be called (named, not sent).
run 1 alert "$ROSTER" callout send Irma
says alert "Bo Li: not sent: no e-mail address"
says alert "Dirk Left left the service: not sent"
says alert "Eva Nocall is marked do not call: not sent"
says alert "alert of 'Irma', reply code IRMA: 3 sent, 1 failed"
[ "$(mails)" = 3 ] && ok || bad "alert: $(mails) mails delivered, not 3"
for id in $A $C $Z; do
	[ "$(st $id)" = contacted ] && ok || bad "alert: $id is $(st $id)"
done
for id in $B $D $E; do
	[ "$(st $id)" = proposed ] && ok || bad "alert: $id is $(st $id)"
done
got=$(sqlite3 "$ROSTER_DB" "SELECT p.family_name, m.address, m.result,
    m.error, c.code, c.wave, c.channel FROM callout_message m JOIN callout c
    ON c.pk = m.callout JOIN person p ON p.pk = m.person ORDER BY p.pk")
want="de Wit|anna.dewit@politie.example|sent||IRMA|alert|email
Li||failed|no e-mail address|IRMA|alert|email
Ruiz|carla.ruiz@gc.example|sent||IRMA|alert|email
Ünal|zoe.unal@polizei.example|sent||IRMA|alert|email"
[ "$got" = "$want" ] && ok || bad "alert: recorded
$got"
run 0 log-message "$ROSTER" log Irma
grep -q 'message .*Irma' "$work/out" && grep -q 'callout .*Irma' \
    "$work/out" && grep -q 'result=failed' "$work/out" && ok ||
    bad "log lacks the call-out: $(cat "$work/out")"

# Each delivered message: its headers, its code, and nobody else's data.
n=0
for f in "$work/mail/new"/*; do
	to=$(sed -n 's/^X-RcptTo: //p' "$f")
	case $to in
	anna.*) me="de Wit|anna.dewit|1111" ;;
	carla.*) me="Ruiz|carla.ruiz|5555" ;;
	zoe.*) me="zoe.unal|666" ;;
	*) bad "mail to $to"; continue ;;
	esac
	for h in '^From: Duty Officer <duty@crisis.example>$' \
	    '^Subject: \[IRMA\] Can you deploy' '^Date: ' \
	    '^Message-Id: <.*@crisis.example>$' '^MIME-Version: 1.0$' \
	    '^Content-Type: text/plain; charset=UTF-8$' \
	    '^Content-Transfer-Encoding: ' "$to>\$" 'IRMA yes'; do
		grep -q "$h" "$f" && ok || bad "mail to $to lacks $h"
	done
	for other in de\ Wit anna.dewit 1111 Ruiz carla.ruiz 5555 \
	    zoe.unal Ünal 666 Li 2222 Left dirk 4444 Nocall eva 3333; do
		printf '%s\n' "$other" | grep -Eq "^($me)\$" && continue
		grep -v '^X-' "$f" | grep -q "$other" &&
		    bad "mail to $to holds $other" || ok
	done
	n=$((n + 1))
done
[ $n = 3 ] && ok || bad "$n mails checked"
# Not ASCII in a header: encoded (RFC 2047); in the body: UTF-8.
f=$(grep -l '^X-RcptTo: zoe' "$work/mail/new"/*)
grep -q '^To: =?[a-zA-Z0-9-]*?[qQbB]?' "$f" && ok || bad "To not encoded"
grep -q 'Dear Zo=C3=AB =C3=9Cnal,' "$f" && ok || bad "body not UTF-8 QP"

# Nothing twice by accident: those who had the alert are skipped, Bo
# (whose delivery failed) is tried again, in a call-out of its own
# (IRMA2).
run 1 skip "$ROSTER" callout send Irma --to proposed,contacted
says skip "3 skipped (had it already; --again sends it again)"
says skip "Bo Li: not sent: no e-mail address"
[ "$(mails)" = 3 ] && ok || bad "skip: $(mails) mails"
run 0 again "$ROSTER" callout send Irma --to contacted --again
says again "reply code IRMA3: 3 sent, 0 failed"
[ "$(mails)" = 6 ] && ok || bad "again: $(mails) mails"
run 2 nobody "$ROSTER" callout send Irma --to Irma-nobody
says nobody "callout send: --to: 'Irma-nobody' is not an id"

# SMS through a stub that records its arguments, fails for one number,
# and checks that no lock is held while it runs.
cat >"$work/sms" <<EOF
#!/bin/sh
printf '%s|' "\$@" >>"$work/sms.args"
echo >>"$work/sms.args"
sqlite3 -cmd '.timeout 200' "$ROSTER_DB" 'BEGIN IMMEDIATE; COMMIT;' \
    >/dev/null 2>&1 || echo "\$2" >>"$work/sms.locked"
case "\$2" in *5555*) echo 'modem: no network' >&2; echo more >&2; exit 2;; esac
exit 0
EOF
chmod +x "$work/sms"
run 1 sms env ROSTER_SMS="$work/sms" "$ROSTER" callout send Irma \
    --wave info --via sms
says sms "Carla Ruiz: not sent: modem: no network"
says sms "info of 'Irma', reply code IRMA4: 3 sent, 1 failed"
grep -q "^TEXT|+31 6 1111 1111|-text|IRMA4: early notice, other in Sint Maarten" \
    "$work/sms.args" && ok || { bad "sms arguments"; cat "$work/sms.args" >&2; }
grep -q '^TEXT|+31 6 2222 2222|-text|IRMA4' "$work/sms.args" && ok ||
    bad "Bo's SMS"
# One SMS: short, and ASCII (an en dash would make it UCS-2, 70 a part).
line=$(grep '^TEXT|+31 6 2222 2222|' "$work/sms.args" | cut -d'|' -f4)
[ "$line" = "IRMA4: early notice, other in Sint Maarten (Dutch part), 2026-11-25 to 2026-12-22, as a member of the team. If you could not go, reply IRMA4 NO. Duty Officer" ] &&
    [ ${#line} -le 160 ] && ok || bad "SMS text: $line"
[ ! -e "$work/sms.locked" ] && ok ||
    bad "the database was locked during delivery to $(cat "$work/sms.locked")"
got=$(sqlite3 "$ROSTER_DB" "SELECT m.result || ':' || m.error FROM
    callout_message m JOIN person p ON p.pk = m.person JOIN callout c ON
    c.pk = m.callout WHERE c.code = 'IRMA4' AND p.id = '$C'")
[ "$got" = "failed:modem: no network" ] && ok || bad "sms failure: $got"
run 1 sms-missing env ROSTER_SMS="$work/none" "$ROSTER" callout send Irma \
    --wave info --via sms --to $C
says sms-missing "Carla Ruiz: not sent: cannot run $work/none: No such file"

# Print: the call-out sheet with the code, and what to tell each (Bo,
# whose SMS went out, is contacted now).
run 0 print "$ROSTER" callout send Irma --via print --wave deploy --to contacted
grep -q 'CALL-OUT SHEET' "$work/out" && grep -q 'Reply code IRMA6 (deploy)' \
    "$work/out" && grep -q '^IRMA6: you deploy to' "$work/out" && ok ||
    { bad "print"; cat "$work/out" >&2; }
says print "4 printed"

# Codes stay unique across deployments.
"$ROSTER" deploy create "Irma floods" --country SX --start +3d \
    2>/dev/null || bad "create 2 failed"
"$ROSTER" deploy add "Irma floods" $A 2>/dev/null || bad "add 2 failed"
run 0 second "$ROSTER" callout send "Irma floods"
says second "reply code IRMA7"
got=$(sqlite3 "$ROSTER_DB" "SELECT count(*) - count(DISTINCT upper(code))
    FROM callout")
[ "$got" = 0 ] && ok || bad "codes repeat"
# Someone not on the list, and a closed deployment, are refused.
run 2 not-member "$ROSTER" callout send "Irma floods" --to $Z
says not-member "callout send: --to: Zoë Ünal is not on the list of 'Irma floods'"
# A closed deployment's code is free again.
"$ROSTER" deploy close "Irma floods" 2>/dev/null || bad "close failed"
run 1 closed "$ROSTER" callout send "Irma floods" --again
says closed "callout send: 'Irma floods' is closed"
"$ROSTER" deploy create "Irma again" --country SX --start +3d \
    2>/dev/null || bad "create 3 failed"
"$ROSTER" deploy add "Irma again" $A 2>/dev/null || bad "add 3 failed"
dump "$work/before"
run 0 reuse-dry "$ROSTER" callout send "Irma again" --dry-run
says reuse-dry "reply code IRMA7"
dump "$work/after"
same reuse-dry-records-nothing "$work/before" "$work/after"
run 0 reuse "$ROSTER" callout send "Irma again" --via print
says reuse "reply code IRMA7"
got=$(sqlite3 "$ROSTER_DB" "SELECT d.name || ':' || c.open FROM callout c
    JOIN deployment d ON d.pk = c.deployment WHERE c.code = 'IRMA7'
    ORDER BY c.pk")
[ "$got" = "Irma floods:0
Irma again:1" ] && ok || bad "reuse: $got"

# A template of one's own; an unknown placeholder is refused by file and
# line, and nothing is sent or recorded.
mkdir -p "$XDG_CONFIG_HOME/roster"
printf 'Subject: {code} stand down\n\nDear {given},\nstand down.\n{sender}\n' \
    >"$XDG_CONFIG_HOME/roster/callout-stand-down.email"
printf '{code} {given}: {date}\n' >"$XDG_CONFIG_HOME/roster/callout-stand-down.sms"
dump "$work/before"
run 2 template-bad "$ROSTER" callout send Irma --wave stand-down --via sms
says template-bad "$XDG_CONFIG_HOME/roster/callout-stand-down.sms, line 1: unknown placeholder {date}"
dump "$work/after"
same template-bad-unchanged "$work/before" "$work/after"
rm "$XDG_CONFIG_HOME/roster/callout-stand-down.sms"
run 0 template "$ROSTER" callout send Irma --wave stand-down --to $A
f=$(grep -l '^Subject: IRMA8 stand down' "$work/mail/new"/*)
[ -n "$f" ] && grep -q '^Dear Anna,$' "$f" && grep -q '^Duty Officer$' "$f" &&
    ok || bad "template override not used"

# gammu-smsd's files backend, when it is installed: the SMS queued in
# its outbox.
if command -v gammu-smsd-inject >/dev/null; then
	mkdir -p "$work/gammu/outbox" "$work/gammu/inbox" "$work/gammu/sent" \
	    "$work/gammu/error"
	cat >"$work/smsdrc" <<EOF
[gammu]
device = /dev/null
connection = at
[smsd]
service = files
inboxpath = $work/gammu/inbox/
outboxpath = $work/gammu/outbox/
sentsmspath = $work/gammu/sent/
errorsmspath = $work/gammu/error/
logfile = $work/gammu/log
EOF
	run 0 gammu env ROSTER_SMS="gammu-smsd-inject -c $work/smsdrc" \
	    "$ROSTER" callout send Irma --wave deploy --via sms --to $A --again
	grep -qs 'Number = "+31 6 1111 1111"' "$work/gammu/outbox"/* && ok ||
	    bad "gammu: no SMS in the outbox"
else
	echo "SKIP: gammu-smsd-inject is not installed (Debian's gammu-smsd): the files-backend test did not run"
fi
# A name with a line break (an old or hand-edited row) shapes no header
# and reaches no terminal.
sqlite3 "$ROSTER_DB" "UPDATE person SET given_name = 'Zo' || char(10) ||
    'Bcc: spy@evil.example' || char(27) || '[2J' WHERE id = '$Z'"
run 0 inject "$ROSTER" callout send Irma --wave stand-down --to $Z
f=$(grep -l '^Subject: IRMA10 stand down' "$work/mail/new"/*)
[ -n "$f" ] && ! grep -q '^Bcc:' "$f" && ! grep -q "$(printf '')" "$f" &&
    ! grep -q 'spy@evil' "$work/smtp.log" && grep -q '^Dear Zo Bcc: spy' "$f" &&
    ok || bad "a line break in a name reached the message"
run 0 inject-dry "$ROSTER" callout send Irma --wave stand-down --to $Z \
    --again --dry-run
grep -q '^Bcc:' "$work/out" || grep -q "$(printf '\033')" "$work/out" &&
    bad "a control character reached the dry run" || ok

# A stand-down asks nothing: the proposed stay proposed.
"$ROSTER" deploy add "Irma again" $B 2>/dev/null || bad "add 4 failed"
run 0 stand-down "$ROSTER" callout send "Irma again" --wave stand-down \
    --via print --to $B
[ "$(sqlite3 "$ROSTER_DB" "SELECT a.status FROM assignment a JOIN
    deployment d ON d.pk = a.deployment JOIN person p ON p.pk = a.person
    WHERE d.name = 'Irma again' AND p.id = '$B'")" = proposed ] && ok ||
    bad "a stand-down moved Bo"

# Erasing a person takes their messages and the audit of them.
run 0 erase "$ROSTER" erase $C
got=$(sqlite3 "$ROSTER_DB" .dump | grep -c -e carla -e "6 5555" -e Ruiz)
[ "$got" = 0 ] && ok || { bad "erase left $got lines of Carla's"; sqlite3 "$ROSTER_DB" .dump | grep -e carla -e "6 5555" -e Ruiz >&2; }
finish

#!/bin/sh
# roster callout send against delivery programs that misbehave: one that
# hangs (killed after ROSTER_DELIVER_TIMEOUT, the rest of the wave goes
# on), one that writes megabytes on its standard error, one that is
# missing; and an address with a line break or a comma in it, which must
# not smuggle headers or extra recipients into the message.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
export XDG_CONFIG_HOME="$work/config"
export ROSTER_FROM="Duty Officer <duty@crisis.example>"
unset XDG_DATA_HOME ROSTER_SENDMAIL ROSTER_SMS ROSTER_DELIVER_TIMEOUT

A=aaaaaaaa-1111-4111-8111-111111111111
C=cccccccc-3333-4333-8333-333333333333
cat >"$work/people.csv" <<CSV
id,family_name,given_name,agency,email,phone,status
$A,de Wit,Anna,Politie,anna.dewit@politie.example,+31 6 1111 1111,active
$C,Ruiz,Carla,Guardia Civil,carla.ruiz@gc.example,+34 6 5555 5555,active
CSV
"$ROSTER" import "$work/people.csv" 2>/dev/null || bad "import failed"
"$ROSTER" deploy create Irma --country SX --start +2d --end 4w \
    2>/dev/null || bad "create failed"
"$ROSTER" deploy add Irma $A $C 2>/dev/null || bad "add failed"
failures() {
	sqlite3 "$ROSTER_DB" "SELECT count(*) FROM callout_message
	    WHERE result <> 'sent'"
}

# A program that never ends is killed after the timeout; both members
# are recorded as failed, named, and roster does not hang.
cat >"$work/hang" <<'SH'
#!/bin/sh
exec sleep 600
SH
chmod 755 "$work/hang"
export ROSTER_SENDMAIL="$work/hang" ROSTER_DELIVER_TIMEOUT=1
start=$(date +%s)
run 1 hang timeout 30 "$ROSTER" callout send Irma
[ $(($(date +%s) - start)) -lt 20 ] && ok || bad "hang: roster waited"
says hang "Anna de Wit: not sent: $work/hang did not finish in 1 s"
says hang "Carla Ruiz: not sent: $work/hang did not finish in 1 s"
[ "$(failures)" = 2 ] && ok || bad "hang: $(failures) failures recorded"
unset ROSTER_DELIVER_TIMEOUT

# Megabytes on standard error: the first line is what is kept.
cat >"$work/loud" <<'SH'
#!/bin/sh
cat >/dev/null
echo "relay refused the message" >&2
head -c 4000000 /dev/zero | tr '\0' x >&2
exit 75
SH
chmod 755 "$work/loud"
export ROSTER_SENDMAIL="$work/loud"
run 1 loud "$ROSTER" callout send Irma --again
says loud "Anna de Wit: not sent: relay refused the message"

# A missing program fails each member, named, and says why.
export ROSTER_SENDMAIL="$work/no-such-sendmail -t"
run 1 missing "$ROSTER" callout send Irma --again
says missing "Carla Ruiz: not sent: cannot run $work/no-such-sendmail"

# An address with a line break or a comma never reaches sendmail -t:
# no header or recipient smuggled in, no mail to a guess at the address.
sqlite3 "$ROSTER_DB" "UPDATE person SET email = 'anna@x.example' ||
    char(10) || 'Bcc: spy@evil.example' WHERE id = '$A';
    UPDATE person SET email = 'carla@gc.example, spy@evil.example'
    WHERE id = '$C'"
cat >"$work/keep" <<SH
#!/bin/sh
cat >>"$work/sent"
SH
chmod 755 "$work/keep"
export ROSTER_SENDMAIL="$work/keep"
run 1 injection "$ROSTER" callout send Irma --again
says injection "Anna de Wit: not sent: 'anna@x.example Bcc: spy@evil.example' is not one e-mail address"
says injection "Carla Ruiz: not sent: 'carla@gc.example, spy@evil.example' is not one e-mail address"
[ ! -f "$work/sent" ] && ok || { bad "injection: mail to a mangled address"; cat "$work/sent" >&2; }
if [ -f "$work/sent" ] && grep -qi -e '^Bcc:' -e 'spy@' "$work/sent"; then
	bad "injection: a header or recipient was smuggled in"
	grep -i -e '^Bcc:' -e 'spy@' "$work/sent" >&2
else
	ok
fi

# Interrupted in the middle of a wave (Ctrl-C while a message is with
# sendmail): what was handed over is recorded, so the next run sends
# nothing twice.
sqlite3 "$ROSTER_DB" "UPDATE person SET email = 'anna@x.example'
    WHERE id = '$A'; UPDATE person SET email = 'carla@gc.example'
    WHERE id = '$C'"
"$ROSTER" deploy create Ida --country SX --start +2d --end 4w \
    2>/dev/null || bad "create Ida failed"
"$ROSTER" deploy add Ida $A $C 2>/dev/null || bad "add Ida failed"
B=bbbbbbbb-2222-4222-8222-222222222222
printf 'id,family_name,given_name,agency,email,status\n%s,Li,Bo,Douane,bo@d.example,active\n' $B >"$work/bo.csv"
"$ROSTER" import "$work/bo.csv" >/dev/null 2>&1 || bad "import Bo failed"
"$ROSTER" deploy add Ida $B 2>/dev/null || bad "add Bo failed"
cat >"$work/slow" <<SH
#!/bin/sh
sed -n 's/^To: //p' >>"$work/to"
sleep 1
SH
chmod 755 "$work/slow"
export ROSTER_SENDMAIL="$work/slow"
/usr/bin/python3 -c '
import signal, subprocess, sys, time
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL,
    stderr=subprocess.DEVNULL,
    preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
time.sleep(1.5)
p.send_signal(signal.SIGINT)
p.wait()' "$ROSTER" callout send Ida
"$ROSTER" callout send Ida >/dev/null 2>&1
got=$(sort "$work/to" | uniq -d)
[ -z "$got" ] && ok || bad "interrupted wave: sent twice to $got"
[ "$(wc -l <"$work/to")" = 3 ] && ok || { bad "interrupted wave: not 3"; cat "$work/to" >&2; }

finish

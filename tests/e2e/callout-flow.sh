#!/bin/sh
# The whole desk loop end to end with real mail software: a wave sent
# through msmtp to an SMTP server on the loopback address (tests/e2e/
# smtp-maildir.py), replies written as the members' mail programs would
# write them (quoting the message, its Message-ID in In-Reply-To) into a
# Maildir, read by callout inbox; then the statuses, the unclear reply
# and callout stats checked against figures computed by hand.
. "${top_srcdir:-.}/tests/e2e/lib.sh"

. "${top_srcdir:-.}/tests/e2e/mail_lib.sh"

A=aaaaaaaa-1111-4111-8111-111111111111
B=bbbbbbbb-2222-4222-8222-222222222222
C=cccccccc-3333-4333-8333-333333333333
D=dddddddd-4444-4444-8444-444444444444
cat >"$work/people.csv" <<EOF
id,family_name,given_name,agency,email,phone,status
$A,de Wit,Anna,Politie,anna.dewit@politie.example,+31 6 1111 1111,active
$B,Bakker,Bram,Politie,bram.bakker@politie.example,+31 6 2222 2222,active
$C,Ruiz,Carla,Guardia Civil,carla.ruiz@gc.example,+34 6 5555 5555,active
$D,Dahl,Dag,Politie,dag.dahl@politi.example,+47 4 4444 4444,active
EOF
"$ROSTER" import "$work/people.csv" 2>/dev/null || bad "import failed"
"$ROSTER" deploy create Irma --country SX --start +2d --end 4w \
    2>/dev/null || bad "create failed"
"$ROSTER" deploy add Irma $A $B $C $D 2>/dev/null || bad "add failed"
st() {
	sqlite3 "$ROSTER_DB" "SELECT a.status FROM assignment a JOIN person p
	    ON p.pk = a.person WHERE p.id = '$1'"
}

run 0 send "$ROSTER" callout send Irma
[ "$(ls "$work/mail/new" | wc -l | tr -d ' ')" = 4 ] && ok ||
    bad "send: not 4 messages delivered"
# Sent again by accident: nobody gets it twice.
run 1 send-again "$ROSTER" callout send Irma
[ "$(ls "$work/mail/new" | wc -l | tr -d ' ')" = 4 ] && ok ||
    bad "send-again: a message was sent twice"

# The replies come 30 minutes, 2 hours and 10 hours after each member's
# message went, as recorded; Dag does not answer.  at ADDRESS OFFSET:
at() {
	sent=$(sqlite3 "$ROSTER_DB" "SELECT m.at FROM callout_message m
	    JOIN person p ON p.pk = m.person WHERE p.email = '$1'")
	date -u -R -d "$(printf '%s' "$sent" | tr T ' ' | tr -d Z) UTC + $2"
}
# reply ADDRESS NAME MINUTES BODY: a reply to the message sent to ADDRESS,
# quoting it, as a mail program writes one.
reply() {
	orig=$(grep -l "^To: .*<$1>" "$work/mail/new"/*)
	subj=$(sed -n 's/^Subject: //p' "$orig" | head -n 1)
	mid=$(sed -n 's/^Message-I[dD]: //p' "$orig" | head -n 1)
	f="$work/inbox/new/$(date +%s).$3.flow"
	{
		printf 'From: %s <%s>\n' "$2" "$1"
		printf 'To: duty@crisis.example\n'
		printf 'Subject: Re: %s\n' "$subj"
		printf 'Date: %s\n' "$(at "$1" "$3 minutes")"
		printf 'Message-ID: <flow-%s@example>\n' "$3"
		printf 'In-Reply-To: %s\n' "$mid"
		printf 'MIME-Version: 1.0\n'
		printf 'Content-Type: text/plain; charset=UTF-8\n\n'
		printf '%s\n\n' "$4"
		printf 'On %s, Duty Officer wrote:\n' "$(at "$1" 0minutes)"
		sed '1,/^$/d; s/^/> /' "$orig"
	} >"$f"
}
mkdir -p "$work/inbox/new" "$work/inbox/cur" "$work/inbox/tmp"
reply anna.dewit@politie.example "Anna de Wit" 30 "Yes, I can come."
reply bram.bakker@politie.example "Bram Bakker" 120 "No, sorry - my daughter is ill."
reply carla.ruiz@gc.example "Carla Ruiz" 600 "Let me talk to my boss first"
run 0 inbox "$ROSTER" callout inbox "$work/inbox"
check() { [ "$2" = "$3" ] && ok || bad "$1: got '$2', expected '$3'"; }
check anna-confirmed "$(st $A)" confirmed
check bram-declined "$(st $B)" declined
check carla-unclear "$(st $C)" contacted
check dag-waits "$(st $D)" contacted
check unclear-kept "$(sqlite3 "$ROSTER_DB" "SELECT count(*) FROM reply
    WHERE answer = 'unclear'")" 1
# Read again (cron every five minutes): nothing changes.
sqlite3 "$ROSTER_DB" .dump >"$work/before"
run 0 inbox-again "$ROSTER" callout inbox "$work/inbox"
sqlite3 "$ROSTER_DB" .dump >"$work/after"
same inbox-twice "$work/before" "$work/after"

# By hand: 4 sent, 3 replies at 30 min, 2 h and 10 h: 1 within an hour,
# 2 within 6, 3 within 24; median 2 h (7200 s); the 90th percentile by
# nearest rank is the third, 10 h (36000 s); one yes of four sent, 0.25.
run 0 stats "$ROSTER" callout stats Irma --format csv
line=$(grep '^callout,' "$work/out" | tr -d '\r')
check stats "$(printf '%s' "$line" | cut -d, -f7-15)" \
    "4,3,1,2,3,7200,36000,1,0.25"
finish

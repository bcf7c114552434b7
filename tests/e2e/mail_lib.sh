# Real mail software for the call-out tests, sourced after lib.sh: a
# fixed day, a pool and a sender of their own, an SMTP server on the
# loopback address (smtp-maildir.py, aiosmtpd) that keeps what it is
# given in the Maildir $work/mail, stopped when the test ends, and msmtp
# configured for it as ROSTER_SENDMAIL.

export ROSTER_TODAY=2026-11-23
export ROSTER_DB="$work/pool.db"
export XDG_CONFIG_HOME="$work/config"
export ROSTER_FROM="Duty Officer <duty@crisis.example>"
unset XDG_DATA_HOME ROSTER_SENDMAIL ROSTER_SMS

for p in msmtp /usr/bin/python3; do
	command -v $p >/dev/null || { echo "FAIL: $p is missing (./bootstrap installs it)"; exit 1; }
done
/usr/bin/python3 -c 'import aiosmtpd' ||
    { echo "FAIL: python3-aiosmtpd is missing (./bootstrap installs it)"; exit 1; }

mkdir "$work/mail"
/usr/bin/python3 "$top_srcdir/tests/e2e/smtp-maildir.py" "$work/mail" \
    "$work/port" 2>"$work/smtp.log" &
smtp=$!
trap 'kill $smtp 2>/dev/null; wait $smtp 2>/dev/null; rm -rf "$work"' EXIT
i=0
while [ ! -s "$work/port" ]; do
	i=$((i + 1))
	[ $i -lt 100 ] || { echo "FAIL: the SMTP server did not start"; cat "$work/smtp.log"; exit 1; }
	sleep 0.1
done
cat >"$work/msmtprc" <<MSMTPRC
account default
host 127.0.0.1
port $(cat "$work/port")
from duty@crisis.example
auth off
tls off
MSMTPRC
chmod 600 "$work/msmtprc"
export ROSTER_SENDMAIL="msmtp -C $work/msmtprc -t"

#!/usr/bin/python3
# A mail server for the tests: SMTP on 127.0.0.1, a free port written to
# PORTFILE once it listens, each message it is given kept in the Maildir
# MAILDIR (aiosmtpd, Debian's python3-aiosmtpd).  Runs until SIGTERM.
import os
import signal
import socket
import sys
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Mailbox


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    maildir, portfile = sys.argv[1], sys.argv[2]
    for d in ("tmp", "new", "cur"):
        os.makedirs(os.path.join(maildir, d), exist_ok=True)
    port = free_port()
    server = Controller(Mailbox(maildir), hostname="127.0.0.1", port=port)
    server.start()
    with open(portfile + ".tmp", "w") as f:
        f.write("%d\n" % port)
    os.rename(portfile + ".tmp", portfile)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: done.set())
    done.wait()
    server.stop()


main()

#!/usr/bin/env python3
"""PuMPuRS local SMTP sink: accepts every mail on 127.0.0.1 and stores it as a file.

Run by `deploy/local/infra up` with Debian's python3 (package python3-aiosmtpd); not meant
for anything but local development and tests. No TLS, no AUTH, every recipient accepted.

Mail file format
----------------
Each accepted message becomes ONE file  <mail-dir>/<timestamp>-<n>.eml  where
  <timestamp> = UTC receive time as YYYYmmddTHHMMSS.ffffffZ   (sorts chronologically)
  <n>         = 6-digit per-process sequence number, starting at 000001
e.g. 20250101T120000.123456Z-000001.eml

The file is the raw DATA exactly as received (dot-unstuffed, CRLF line endings kept),
preceded by envelope headers, one per line, CRLF-terminated:
  X-Envelope-From: <MAIL FROM address, empty for the null sender>
  X-Envelope-To: <RCPT TO address>            (one line per recipient, in RCPT order)
  X-Envelope-Received: <ISO-8601 UTC time>
  X-Envelope-Peer: <client ip>:<port>
So the whole file is still a valid RFC 5322 message (the envelope lines are extra headers),
and `email.message_from_bytes(open(f, "rb").read())` gives them as headers.

Files are written atomically: the mail is written to a hidden ".tmp-*" file in the same
folder, fsynced, then renamed to its final *.eml name. Readers should only look at *.eml.

Usage: smtp_sink.py --port 1025 --dir .local/mail [--host 127.0.0.1] [--pidfile FILE]
Logs go to stdout/stderr (infra redirects them to .local/logs/smtp.log).
SIGTERM/SIGINT stop it cleanly (pid file removed).
"""

import argparse
import datetime
import itertools
import logging
import os
import signal
import sys
import threading

from aiosmtpd.controller import Controller

log = logging.getLogger("smtp_sink")


class FileSink:
    def __init__(self, directory):
        self.directory = directory
        self.counter = itertools.count(1)
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        received = datetime.datetime.now(datetime.timezone.utc)
        with self.lock:
            n = next(self.counter)
        stamp = received.strftime("%Y%m%dT%H%M%S.%fZ")
        name = f"{stamp}-{n:06d}.eml"
        peer = session.peer
        peer_text = f"{peer[0]}:{peer[1]}" if isinstance(peer, tuple) and len(peer) >= 2 else str(peer)
        lines = [f"X-Envelope-From: {envelope.mail_from or ''}"]
        lines += [f"X-Envelope-To: {rcpt}" for rcpt in envelope.rcpt_tos]
        lines.append(f"X-Envelope-Received: {received.isoformat()}")
        lines.append(f"X-Envelope-Peer: {peer_text}")
        header = ("\r\n".join(lines) + "\r\n").encode("utf-8", "surrogateescape")
        body = envelope.original_content
        if body is None:
            body = envelope.content if isinstance(envelope.content, bytes) else str(envelope.content).encode()
        tmp = os.path.join(self.directory, f".tmp-{name}")
        final = os.path.join(self.directory, name)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            with os.fdopen(fd, "wb") as f:
                f.write(header)
                f.write(body)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, final)
        except OSError as e:
            log.error("could not store mail: %s", e)
            try:
                os.unlink(tmp)
            except OSError:
                pass
            return "451 Requested action aborted: local error in processing"
        log.info("stored %s from=%s to=%s bytes=%d", name, envelope.mail_from,
                 ",".join(envelope.rcpt_tos), len(body))
        return "250 Message accepted for delivery"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=1025)
    ap.add_argument("--dir", required=True, help="folder for the .eml files")
    ap.add_argument("--pidfile")
    ap.add_argument("--verbose", action="store_true", help="log every SMTP command")
    args = ap.parse_args()

    logging.basicConfig(level=logging.INFO, stream=sys.stdout,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    # aiosmtpd logs every SMTP command at INFO; keep only its warnings (and our own lines).
    logging.getLogger("mail.log").setLevel(logging.INFO if args.verbose else logging.WARNING)
    os.makedirs(args.dir, exist_ok=True)
    # Leftovers of a crash mid-write are never complete mails: drop them.
    for leftover in os.listdir(args.dir):
        if leftover.startswith(".tmp-"):
            try:
                os.unlink(os.path.join(args.dir, leftover))
            except OSError:
                pass

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())

    controller = Controller(FileSink(args.dir), hostname=args.host, port=args.port,
                            enable_SMTPUTF8=True, data_size_limit=64 * 1024 * 1024)
    controller.start()
    if args.pidfile:
        tmp = f"{args.pidfile}.tmp"
        with open(tmp, "w") as f:
            f.write(f"{os.getpid()}\n")
        os.replace(tmp, args.pidfile)
    log.info("listening on %s:%d, storing mails in %s (pid %d)", args.host, args.port,
             os.path.abspath(args.dir), os.getpid())
    try:
        while not stop.wait(1.0):
            pass
    finally:
        log.info("stopping")
        controller.stop()
        if args.pidfile:
            try:
                with open(args.pidfile) as f:
                    if f.read().strip() == str(os.getpid()):
                        os.unlink(args.pidfile)
            except OSError:
                pass
    return 0


if __name__ == "__main__":
    sys.exit(main())

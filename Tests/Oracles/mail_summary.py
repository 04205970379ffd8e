#!/usr/bin/env python3
"""Reads the SMTP sink's .eml files with Python's own email parser (independent of the code under
test) and prints a JSON summary of those sent to any address ending in the given suffix.

usage: mail_summary.py <mail-dir> <address-suffix>
"""
import email
import email.policy
import json
import pathlib
import sys

directory, suffix = pathlib.Path(sys.argv[1]), sys.argv[2].lower()
out = []
for path in sorted(directory.glob("*.eml")):
    try:
        raw = path.read_bytes()
    except FileNotFoundError:  # removed between listing and reading (another test cleaning up)
        continue
    # The sink writes the envelope lines first: skip other runs' mail without parsing it
    # (a sink holding tens of thousands of mails from benchmarks would make every call slow).
    head = raw[:4096].decode("utf-8", "replace").lower()
    if not any(line.startswith("x-envelope-to:") and line.strip().endswith(suffix) for line in head.splitlines()):
        continue
    message = email.message_from_bytes(raw, policy=email.policy.default)
    envelope = [a.strip().lower() for a in message.get_all("X-Envelope-To", [])]
    if not any(a.endswith(suffix) for a in envelope):
        continue
    text = message.get_body(preferencelist=("plain",))
    html = message.get_body(preferencelist=("html",))
    out.append({
        "file": path.name,
        "envelopeTo": envelope,
        "to": str(message["To"]),
        "subject": str(message["Subject"]),
        "messageId": str(message["Message-ID"]),
        "contentLanguage": str(message["Content-Language"]),
        "headerNames": sorted({k.lower() for k in message.keys()}),
        "text": text.get_content() if text else None,
        "html": html.get_content() if html else None,
        "parts": [p.get_content_type() for p in message.walk()],
    })
print(json.dumps(out, ensure_ascii=False))

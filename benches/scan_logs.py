#!/usr/bin/env python3
"""Scans a server log for the personal data held in the database it served.

Usage: scan_logs.py LOG DB

Looks for every account's e-mail, every phone number shared (as stored and as digits only),
every private note, and every exact post position as the server would print it (the full
decimal form of the stored number). Prints `logs.pii_hits N` and, for each hit, its kind and
the log line number (never the value). Exit status 1 when N > 0.
"""
import re
import sqlite3
import sys


def needles(db_path):
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    out = []
    for (email,) in db.execute("SELECT email FROM users"):
        out.append(("email", email))
    # Phone numbers are shared with one helper, in one acceptance (conversations.shared_phone).
    for (phone,) in db.execute("SELECT shared_phone FROM conversations WHERE shared_phone IS NOT NULL"):
        out.append(("phone", phone))
        digits = re.sub(r"\D", "", phone)
        if len(digits) >= 9:
            out.append(("phone", digits))
    # The people who called (phone intake): their name, phone and street.
    for name, phone, street in db.execute("SELECT person_name, person_phone, street FROM intakes"):
        out.append(("name of a caller", name))
        out.append(("phone", phone))
        digits = re.sub(r"\D", "", phone)
        if len(digits) >= 9:
            out.append(("phone", digits))
        if street and len(street) >= 8:
            out.append(("street", street))
    for (note,) in db.execute("SELECT private_note FROM posts WHERE length(private_note) >= 12"):
        out.append(("private note", note))
    for lat, lon in db.execute("SELECT lat, lon FROM posts WHERE lat <> public_lat OR lon <> public_lon"):
        for value in (lat, lon):
            text = repr(value)
            # Only numbers precise enough to point at a home (5 decimals or more).
            if len(text.split(".")[-1]) >= 5:
                out.append(("exact position", text))
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    log_path, db_path = sys.argv[1], sys.argv[2]
    wanted = needles(db_path)
    with open(log_path, encoding="utf-8", errors="replace") as f:
        lines = f.read().splitlines()
    hits = []
    # A position is a number on its own: not the tail of a longer one (a timestamp's seconds
    # "11:31:37.246759" are not the longitude 7.246759).
    patterns = [
        (kind, re.compile(r"(?<![\d.])" + re.escape(value) + r"(?!\d)") if kind == "exact position" else None, value)
        for kind, value in wanted
    ]
    for number, line in enumerate(lines, 1):
        lower = line.lower()
        for kind, pattern, value in patterns:
            if (pattern.search(line) if pattern else value.lower() in lower):
                hits.append((kind, number))
    for kind, number in hits[:50]:
        print(f"personal data in the log: {kind} on line {number}", file=sys.stderr)
    print(f"log lines scanned: {len(lines)}; values looked for: {len(wanted)}", file=sys.stderr)
    print(f"logs.pii_hits {len(hits)}")
    sys.exit(1 if hits else 0)


if __name__ == "__main__":
    main()

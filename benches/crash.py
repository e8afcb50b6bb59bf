#!/usr/bin/env python3
"""Crash safety of the real server: kill -9 during writes, and graceful shutdown on SIGTERM.

Usage: crash.py [--runs N] [--bin PATH] [--postgres ADMIN_URL]

Crash runs: one database, seeded with the demo data, is served again and again. In each run
four clients write through the HTTP forms as people do (sign up, answer a post, send
messages; each answer is one transaction over several tables) and remember every write the
server acknowledged (a 303). After a random 0.2-0.7 s the server is killed with SIGKILL. The
file is then opened directly and checked:
  - PRAGMA integrity_check is "ok";
  - no torn transaction: every conversation has its first message, and its last_message_at
    is the time of its last message (both written in one transaction);
  - no lost acknowledged write: every acknowledged account and message is there.

With --postgres (the URL of a cluster's `postgres` database, as `make crash-postgres` gives
it), the same runs on a PostgreSQL database `entraide_crash` made afresh there, checked with
psql: amcheck's `bt_index_check` on every B-tree index instead of the integrity check, then the
same torn-transaction and lost-write checks. Only the app server is killed: what it
acknowledged must have been committed.

Shutdown: a request whose body is still arriving when SIGTERM comes must be answered, and the
server must then exit with status 0.

Prints one figure per line: crash.runs, crash.integrity_failures, crash.torn_transactions,
crash.lost_acked_writes, crash.acked_writes, shutdown.inflight_completed, shutdown.exit_status.
Exit status 1 when a check fails.
"""
import argparse
import json
import http.client
import os
import random
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

PASSWORD = "le chat dort sur le toit"
# The mailbox (end2end/mailbox.py) the server sends its e-mails to: sign-ups confirm their
# address through the link they receive, as a person does.
MAIL_DIR = None
MAIL_PORT = None


def start(binary, db_url, port, log):
    env = dict(
        os.environ,
        DATABASE_URL=db_url,
        LEPTOS_SITE_ADDR=f"127.0.0.1:{port}",
        LEPTOS_SITE_ROOT=os.environ.get("LEPTOS_SITE_ROOT", "target/site"),
        ENTRAIDE_SIGNUPS_PER_HOUR="1000000",
        ENTRAIDE_TILE_URL="http://tiles.invalid/{z}/{x}/{y}.png",
        RUST_LOG="error",
        SMTP_URL=f"smtp://127.0.0.1:{MAIL_PORT}",
        ENTRAIDE_MAIL_FROM="ne-pas-repondre@entraide.invalid",
        ENTRAIDE_PUBLIC_URL=f"http://127.0.0.1:{port}",
    )
    proc = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            c.request("GET", "/healthz")
            if c.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.02)
    proc.kill()
    sys.exit("the server did not start")


class Client:
    """One person: a connection and a session cookie; never follows redirects."""

    def __init__(self, port):
        self.port = port
        self.cookie = None

    def post(self, path, fields):
        body = urllib.parse.urlencode(fields)
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        c.request("POST", path, body, headers)
        r = c.getresponse()
        r.read()
        set_cookie = r.getheader("Set-Cookie")
        if set_cookie:
            self.cookie = set_cookie.split(";")[0]
        return r.status, r.getheader("Location") or ""


def verification_link(email, timeout=10):
    """The path of the verification link e-mailed to `email`, once it arrived."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for f in sorted(os.listdir(MAIL_DIR)):
            if f.startswith(".") or not f.endswith(".json"):
                continue
            with open(os.path.join(MAIL_DIR, f), encoding="utf-8") as fh:
                mail = json.load(fh)
            found = re.search(r"/verifier/[0-9a-f]{64}", mail["body"]) if mail["to"] == email else None
            if found:
                return found.group(0)
        time.sleep(0.05)
    return None


def writer(port, name, posts, acked, stop):
    """Writes until the server dies; appends ("user"|"message", key) for each acknowledged write."""
    client = Client(port)
    try:
        email = f"{name}@crash.invalid"
        status, _ = client.post("/inscription", {
            "display_name": "Crash", "email": email, "poster_kind": "individual",
            "organisation": "", "password": PASSWORD, "charter": "on",
        })
        if status != 303:
            return
        acked.append(("user", email))
        link = verification_link(email)
        if link is None or stop.is_set():
            return
        status, _ = client.post(link, {})
        if status != 303:
            return
        token = f"{name}-0"
        status, location = client.post(f"/posts/{random.choice(posts)}/repondre", {"body": token})
        if status != 303 or not location.startswith("/messages/"):
            return
        acked.append(("message", token))
        conversation = location.split("/")[-1].split("?")[0]
        for i in range(1, 29):
            if stop.is_set():
                return
            token = f"{name}-{i}"
            status, _ = client.post(f"/messages/{conversation}", {"action": "message", "body": token})
            if status != 303:
                return
            acked.append(("message", token))
    except (OSError, http.client.HTTPException):
        return  # the server was killed: what was acknowledged before counts


TORN_SQL = (
    "SELECT count(*) FROM conversations c WHERE NOT EXISTS "
    "(SELECT 1 FROM messages m WHERE m.conversation_id = c.id) OR c.last_message_at <> "
    "(SELECT max(created_at) FROM messages m WHERE m.conversation_id = c.id)"
)


def psql(url, sql):
    """The rows of `sql` on the PostgreSQL database at `url`, as lists of text fields."""
    out = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
                         check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def quoted(text):
    return "'" + text.replace("'", "''") + "'"


def check_postgres(url, acked):
    """The same checks on PostgreSQL: B-tree indexes sound (amcheck), nothing torn, nothing lost."""
    broken = 0
    try:
        psql(url, "CREATE EXTENSION IF NOT EXISTS amcheck; SELECT bt_index_check(c.oid) FROM pg_index i "
                  "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
                  "WHERE a.amname = 'btree' AND c.relnamespace = 'public'::regnamespace")
    except subprocess.CalledProcessError as e:
        print(e.stderr, file=sys.stderr)
        broken = 1
    torn = int(psql(url, TORN_SQL)[0][0])
    users = [quoted(k) for kind, k in acked if kind == "user"]
    messages = [quoted(k) for kind, k in acked if kind != "user"]
    lost = 0
    if users:
        lost += int(psql(url, f"SELECT count(*) FROM (VALUES ({'), ('.join(users)})) a(e) "
                              "WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.email = a.e)")[0][0])
    if messages:
        lost += int(psql(url, f"SELECT count(*) FROM (VALUES ({'), ('.join(messages)})) a(b) "
                              "WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.body = a.b)")[0][0])
    return broken, torn, lost


def check(db_path, acked):
    db = sqlite3.connect(db_path)
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        torn = db.execute(TORN_SQL).fetchone()[0]
        lost = 0
        for kind, key in acked:
            if kind == "user":
                found = db.execute("SELECT 1 FROM users WHERE email = ?", (key,)).fetchone()
            else:
                found = db.execute("SELECT 1 FROM messages WHERE body = ?", (key,)).fetchone()
            lost += found is None
        return integrity != "ok", torn, lost
    finally:
        db.close()


def shutdown_check(binary, db_url, port, log):
    """A request still sending its body when SIGTERM arrives is answered; then exit 0."""
    proc = start(binary, db_url, port, log)
    body = urllib.parse.urlencode({
        "display_name": "Fin", "email": f"fin-{time.time_ns()}@crash.invalid",
        "poster_kind": "individual", "organisation": "", "password": PASSWORD, "charter": "on",
    }).encode()
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(
        b"POST /inscription HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        b"Content-Type: application/x-www-form-urlencoded\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode() + body[:10]
    )
    time.sleep(0.3)
    proc.send_signal(signal.SIGTERM)
    time.sleep(0.3)
    s.sendall(body[10:])
    answer = b""
    while True:
        chunk = s.recv(4096)
        if not chunk:
            break
        answer += chunk
    s.close()
    completed = answer.startswith(b"HTTP/1.1 303")
    try:
        status = proc.wait(timeout=35)
    except subprocess.TimeoutExpired:
        proc.kill()
        status = -1
    return int(completed), status


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--bin", default=os.environ.get("ENTRAIDE_BIN", "target/debug/entraide"))
    parser.add_argument("--port", type=int, default=3350)
    parser.add_argument("--postgres", metavar="ADMIN_URL", help="run on a PostgreSQL database made in this cluster")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="entraide-crash-")
    global MAIL_DIR, MAIL_PORT
    MAIL_DIR, MAIL_PORT = os.path.join(work, "mail"), args.port + 25
    mailbox = subprocess.Popen([sys.executable, "end2end/mailbox.py", str(MAIL_PORT), MAIL_DIR],
                               stdout=subprocess.DEVNULL)
    time.sleep(0.5)
    db_path = os.path.join(work, "crash.db")
    db_url = f"sqlite://{db_path}"
    if args.postgres:
        for sql in ["DROP DATABASE IF EXISTS entraide_crash", "CREATE DATABASE entraide_crash"]:
            psql(args.postgres, sql)
        db_url = args.postgres.rsplit("/", 1)[0] + "/entraide_crash"
    log = open(os.path.join(work, "server.log"), "ab")
    subprocess.run([args.bin, "seed", "--demo"], env=dict(os.environ, DATABASE_URL=db_url),
                   check=True, stdout=subprocess.DEVNULL)
    open_posts = ("SELECT id FROM posts WHERE status = 'published' AND author_id IS NOT NULL "
                  "AND hidden_at IS NULL AND expires_at > ")
    if args.postgres:
        posts = [int(r[0]) for r in psql(db_url, open_posts + "extract(epoch FROM now())")]
    else:
        with sqlite3.connect(db_path) as db:
            posts = [r[0] for r in db.execute(open_posts + "strftime('%s', 'now')")]
        db.close()
    failures = torn_total = lost_total = acked_total = 0
    started = time.time()
    for run in range(args.runs):
        proc = start(args.bin, db_url, args.port, log)
        acked, stop = [], threading.Event()
        threads = [threading.Thread(target=writer, args=(args.port, f"r{run}w{w}", posts, acked, stop))
                   for w in range(4)]
        for t in threads:
            t.start()
        time.sleep(random.uniform(0.2, 0.7))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        stop.set()
        for t in threads:
            t.join()
        failed, torn, lost = check_postgres(db_url, acked) if args.postgres else check(db_path, acked)
        failures += failed
        torn_total += torn
        lost_total += lost
        acked_total += len(acked)
        if failed or torn or lost:
            print(f"run {run}: integrity {'failed' if failed else 'ok'}, torn {torn}, lost {lost}", file=sys.stderr)
    print(f"{args.runs} kill -9 runs on {'PostgreSQL' if args.postgres else 'SQLite'} in "
          f"{time.time() - started:.0f} s, {acked_total} acknowledged writes", file=sys.stderr)
    completed, status = shutdown_check(args.bin, db_url, args.port, log)
    print(f"crash.runs {args.runs}")
    print(f"crash.integrity_failures {failures}")
    print(f"crash.torn_transactions {torn_total}")
    print(f"crash.lost_acked_writes {lost_total}")
    print(f"crash.acked_writes {acked_total}")
    print(f"shutdown.inflight_completed {completed}")
    print(f"shutdown.exit_status {status}")
    mailbox.terminate()
    mailbox.wait()
    ok = failures == torn_total == lost_total == 0 and acked_total > 0 and completed == 1 and status == 0
    if ok:
        subprocess.run(["rm", "-rf", work])
    else:
        print(f"kept for inspection: {work}", file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

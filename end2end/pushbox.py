#!/usr/bin/env python3
"""The end-to-end tests' push service: a real HTTP server on a loopback port standing where a
browser's push service (Google's, Mozilla's…) stands for a phone.

Usage: pushbox.py PORT FOLDER

The application posts each push to the address the subscription gave (`/push/<name>`), as it
would to a real push service: encrypted (RFC 8291), signed (RFC 8292). Each one is written into
FOLDER as one JSON file ({"path", "headers", "body_base64"}), named so that files sort in the
order they arrived; the journeys decrypt them with the keys they subscribed with, as the phone
would. `/gone/<name>` answers 410 Gone, as a push service does for a browser that unsubscribed.
Only the standard library. Stops on SIGTERM or SIGINT.
"""
import base64
import json
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    folder = "."
    lock = threading.Lock()
    count = 0

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        if self.path.startswith("/gone/"):
            self.send_response(410)
            self.end_headers()
            return
        if not self.path.startswith("/push/"):
            self.send_response(404)
            self.end_headers()
            return
        with Handler.lock:
            Handler.count += 1
            name = f"{time.time_ns():020d}-{Handler.count:06d}.json"
        data = {
            "path": self.path,
            "headers": {k.lower(): v for k, v in self.headers.items()},
            "body_base64": base64.b64encode(body).decode("ascii"),
        }
        tmp = os.path.join(Handler.folder, "." + name)
        with open(tmp, "w", encoding="utf-8") as f:
            json.dump(data, f)
        os.replace(tmp, os.path.join(Handler.folder, name))
        self.send_response(201)
        self.send_header("Location", f"/message/{Handler.count}")
        self.end_headers()

    def log_message(self, *_):
        pass


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    Handler.folder = folder
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    print(f"pushbox listening on 127.0.0.1:{port}, writing to {folder}", flush=True)
    stop.wait()
    server.shutdown()


if __name__ == "__main__":
    main()

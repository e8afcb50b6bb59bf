#!/usr/bin/env python3
"""The end-to-end tests' mailbox: a real SMTP server (aiosmtpd, from PyPI) on a loopback port.

Usage: mailbox.py PORT FOLDER

Every message the application sends through it is written into FOLDER as one JSON file
({"to", "subject", "body"}: the plain-text body, decoded), named so that files sort in the
order they arrived. The journeys read the links of verification and reset e-mails from there,
as a person reads their mail. Stops on SIGTERM or SIGINT.
"""
import json
import os
import signal
import sys
import threading
import time
from email import message_from_bytes
from email.policy import default

from aiosmtpd.controller import Controller


class Mailbox:
    def __init__(self, folder):
        self.folder = folder
        self.count = 0
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=default)
        part = message.get_body(preferencelist=("plain",))
        body = part.get_content() if part is not None else ""
        for to in envelope.rcpt_tos:
            with self.lock:
                self.count += 1
                name = f"{time.time_ns():020d}-{self.count:06d}.json"
            data = {
                "to": to.lower(),
                "subject": str(message["subject"] or ""),
                "body": body,
                # The one-click unsubscribe of RFC 8058, as a mail program reads it.
                "list_unsubscribe": str(message["List-Unsubscribe"] or ""),
                "list_unsubscribe_post": str(message["List-Unsubscribe-Post"] or ""),
            }
            tmp = os.path.join(self.folder, "." + name)
            with open(tmp, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False)
            os.replace(tmp, os.path.join(self.folder, name))
        return "250 Message accepted for delivery"


def main():
    port, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Mailbox(folder), hostname="127.0.0.1", port=port)
    controller.start()
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    print(f"mailbox listening on 127.0.0.1:{port}, writing to {folder}", flush=True)
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()

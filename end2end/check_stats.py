"""Counts, from the end-to-end server's database and with code of its own, what « Pilotage »
says of a period, and prints the counts as JSON for the test to compare with the page and
`/api/v1/stats`. A post is published at its first approval or redaction, or at its creation
when it never waited; answered when someone opened a conversation on it.
Usage: check_stats.py DATABASE FROM TO (days as YYYY-MM-DD, Paris time, both included)."""
import datetime
import json
import sqlite3
import sys
from zoneinfo import ZoneInfo

path, first, last = sys.argv[1], sys.argv[2], sys.argv[3]
paris = ZoneInfo("Europe/Paris")


def midnight(day):
    d = datetime.date.fromisoformat(day)
    return int(datetime.datetime(d.year, d.month, d.day, tzinfo=paris).timestamp())


start = midnight(first)
end = midnight((datetime.date.fromisoformat(last) + datetime.timedelta(days=1)).isoformat())
db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
approvals = {}
for post_id, at in db.execute("SELECT post_id, created_at FROM moderation_events WHERE action IN ('approve', 'redact')"):
    approvals[post_id] = min(at, approvals.get(post_id, at))
answered = {post_id for (post_id,) in db.execute("SELECT post_id FROM conversations")}
counts = {"requests": 0, "offers": 0, "unanswered": 0, "fulfilled": 0}
for post_id, kind, status, created in db.execute("SELECT id, kind, status, created_at FROM posts"):
    published = approvals.get(post_id)
    if published is None and status not in ("pending", "rejected"):
        published = created
    if published is None or not start <= published < end:
        continue
    if kind == "offer":
        counts["offers"] += 1
        continue
    counts["requests"] += 1
    counts["unanswered"] += post_id not in answered
    counts["fulfilled"] += status == "fulfilled"
print(json.dumps(counts))

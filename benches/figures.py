#!/usr/bin/env python3
"""Collects the figures printed by the security checks and prints the summary.

Usage: figures.py FILE...

Reads lines `FIGURE name value` (Rust tests) or `name value` (scripts) from each file. A figure
seen several times is summed (counts of failures across tests), except percentages (the lowest
is kept) and sizes of a run (the largest). Prints the required figures in order, one per line,
as `NAME VALUE`; exit status 1 if one is missing or any failure count is not 0.
"""
import re
import sys

REQUIRED = [
    "csrf.foreign_successes", "authz.unauthorized_successes", "xss.payloads", "xss.executions",
    "csp.violations", "headers.csp_coverage_pct", "errors.leaking_responses", "sqlite.busy_errors",
    "crash.runs", "crash.integrity_failures", "crash.lost_acked_writes", "logs.pii_hits",
    "gdpr.erasure_hits", "ratelimit.login_accepted_per_5min",
    "redirect.values_tried", "redirect.offsite_accepted", "ratelimit.parallel_login_processed",
    "ratelimit.parallel_signups_accepted", "hash.peak_rss_mb", "reports.posts_hidden_by_new_accounts",
    "sessions.alive_after_password_change", "reset.enumeration_differences", "messages.accepted_after_close",
    "privacy.min_people_in_area",
]
# Figures with a bound rather than 0: name -> (lowest allowed, highest allowed).
BOUNDS = {
    "redirect.values_tried": (30, None),
    "ratelimit.parallel_login_processed": (None, 5),
    "ratelimit.parallel_signups_accepted": (None, 10),
    "hash.peak_rss_mb": (None, 400),
    "privacy.min_people_in_area": (50, None),
}
LARGEST = {"crash.runs", "xss.payloads", "ratelimit.login_accepted_per_5min", "crash.acked_writes",
           "xss.pages_checked", "shutdown.inflight_completed", "audit.advisories_checked",
           "redirect.values_tried", "ratelimit.parallel_login_processed", "ratelimit.parallel_signups_accepted",
           "hash.peak_rss_mb"}
# Figures where the lowest seen counts (a minimum over runs).
SMALLEST = {"privacy.min_people_in_area"}
# Figures that are not failure counts (or whose target is not 0).
NOT_FAILURES = LARGEST | SMALLEST | {"headers.csp_coverage_pct"}
# Only the families of the security checks (other tests print other `name value` lines).
FAMILIES = ("csrf", "authz", "xss", "csp", "headers", "errors", "sqlite", "crash", "logs", "gdpr",
            "ratelimit", "shutdown", "audit", "redirect", "hash", "reports", "sessions", "reset", "messages",
            "privacy")
TAGGED = re.compile(r"FIGURE ([a-z0-9_]+\.[a-z0-9_.]+) (-?\d+(?:\.\d+)?)")
LINE = re.compile(r"^([a-z0-9_]+\.[a-z0-9_.]+) (-?\d+(?:\.\d+)?)\s*$")


def main():
    seen = {}
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                m = TAGGED.search(line) or LINE.match(line.strip())
                if not m:
                    continue
                name, value = m.group(1), float(m.group(2))
                if name.split(".")[0] not in FAMILIES:
                    continue
                if name not in seen:
                    seen[name] = value
                elif name.endswith("_pct") or name in SMALLEST:
                    seen[name] = min(seen[name], value)
                elif name in LARGEST:
                    seen[name] = max(seen[name], value)
                else:
                    seen[name] += value
    ok = True
    extra = sorted(set(seen) - set(REQUIRED))
    # Other figures first; the summary ends with the required ones, in order.
    for name in extra + REQUIRED:
        if name not in seen:
            print(f"{name} MISSING")
            ok = False
            continue
        value = seen[name]
        print(f"{name} {int(value) if value == int(value) else value}")
        if name not in NOT_FAILURES and value != 0:
            ok = False
        low, high = BOUNDS.get(name, (None, None))
        if (low is not None and value < low) or (high is not None and value > high):
            ok = False
    if seen.get("headers.csp_coverage_pct", 0) < 100 or seen.get("crash.runs", 0) < 1:
        ok = False
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

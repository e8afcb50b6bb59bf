#!/usr/bin/env python3
"""The summary of `make a11y`: axe-core violations and pages checked (from the a11y spec's
figures), and the journeys run without JavaScript (from Playwright's JSON report).

Usage: a11y_figures.py FIGURES NOJS_JSON
Exit status 1 on any violation or failed journey.
"""
import json
import sys


def journeys(report):
    """(passed, failed) over every test run in the report; skipped ones (map-only) not counted."""
    passed = failed = 0

    def walk(suite):
        nonlocal passed, failed
        for spec in suite.get("specs", []):
            for test in spec.get("tests", []):
                status = test.get("status")
                if status == "expected":
                    passed += 1
                elif status in ("unexpected", "flaky"):
                    failed += 1
        for child in suite.get("suites", []):
            walk(child)

    for suite in report.get("suites", []):
        walk(suite)
    return passed, failed


def main():
    figures_path, report_path = sys.argv[1], sys.argv[2]
    violations = pages = 0
    with open(figures_path, encoding="utf-8") as f:
        for line in f:
            name, _, value = line.strip().partition(" ")
            if name == "a11y.axe_violations":
                violations += int(value)
            elif name == "a11y.pages_checked":
                pages += int(value)
    with open(report_path, encoding="utf-8") as f:
        passed, failed = journeys(json.load(f))
    print(f"a11y.axe_violations {violations}")
    print(f"a11y.pages_checked {pages}")
    print(f"nojs.journeys_passed {passed}")
    print(f"nojs.journeys_failed {failed}")
    sys.exit(0 if violations == 0 and failed == 0 and pages > 0 and passed > 0 else 1)


if __name__ == "__main__":
    main()

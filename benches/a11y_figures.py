#!/usr/bin/env python3
"""The summary of `make a11y`: axe-core violations and pages checked (from the a11y spec's
figures), and the journeys run without JavaScript (from Playwright's JSON report).

Usage: a11y_figures.py FIGURES NOJS_JSON [INCLUSION_JSON]
(INCLUSION_JSON: the report of inclusion.spec.ts — 320 px, 200 % zoom, touch targets, reduced
motion, keyboard-only journeys — counted as `a11y.inclusion_checks_passed/failed`.)
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
    inclusion_ok = True
    if len(sys.argv) > 3:
        with open(sys.argv[3], encoding="utf-8") as f:
            i_passed, i_failed = journeys(json.load(f))
        print(f"a11y.inclusion_checks_passed {i_passed}")
        print(f"a11y.inclusion_checks_failed {i_failed}")
        inclusion_ok = i_failed == 0 and i_passed > 0
    print(f"a11y.axe_violations {violations}")
    print(f"a11y.pages_checked {pages}")
    print(f"nojs.journeys_passed {passed}")
    print(f"nojs.journeys_failed {failed}")
    sys.exit(0 if violations == 0 and failed == 0 and pages > 0 and passed > 0 and inclusion_ok else 1)


if __name__ == "__main__":
    main()

"""Scrapes the server's metrics and reads them with the Prometheus project's own parser
(prometheus_client, from PyPI; strict OpenMetrics), then prints the samples as JSON for the
journey to compare: {"families": {name: type}, "samples": [[name, labels, value], ...]}.
A text the parser refuses fails here, with its reason.
Usage: scrape_metrics.py URL"""
import json
import sys
import urllib.request

from prometheus_client.openmetrics.parser import text_string_to_metric_families

with urllib.request.urlopen(sys.argv[1], timeout=10) as res:
    ctype = res.headers.get("Content-Type", "")
    text = res.read().decode("utf-8")
if not ctype.startswith("application/openmetrics-text"):
    sys.exit(f"unexpected content type: {ctype}")
families, samples = {}, []
for family in text_string_to_metric_families(text):
    families[family.name] = family.type
    for s in family.samples:
        samples.append([s.name, s.labels, s.value])
print(json.dumps({"families": families, "samples": samples}))

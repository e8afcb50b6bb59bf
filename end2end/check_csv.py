"""Opens an exported CSV the way a département's analyst would, with Python's csv module, and
checks it: the columns expected, at least one row, and none of the given texts anywhere.
Usage: check_csv.py FILE '["Col 1", ...]' '["forbidden", ...]'. Prints a JSON summary."""
import csv
import json
import sys

path, expected, forbidden = sys.argv[1], json.loads(sys.argv[2]), json.loads(sys.argv[3])
with open(path, encoding="utf-8-sig", newline="") as f:
    rows = list(csv.reader(f, delimiter=";"))
header, data = rows[0], rows[1:]
assert header == expected, f"columns: {header}"
assert data, "no row"
assert all(len(r) == len(header) for r in data), "a row with another number of fields"
with open(path, encoding="utf-8-sig") as f:
    text = f.read()
for word in forbidden:
    assert word not in text, f"{word!r} is in the file"
print(json.dumps({"columns": len(header), "rows": len(data), "titles": [r[5] for r in data]}))

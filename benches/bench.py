#!/usr/bin/env python3
"""`make bench`: speed and weight of Entraide on this machine, measured side by side in one run.

G1/G4  map reads through the app's path ÷ bare SQLite (and a full scan), creating posts, at
       1M posts (France) and 100k (Haut-Rhin)                      `entraide bench`
G1.pg  the same reads on PostgreSQL + PostGIS (a throwaway cluster, .ci/postgres.sh) ÷ the same
       SQL on a bare PgConnection, at 1M posts (France)
G2     the heaviest answer of the map's APIs, brotli, over zoom levels and filters, places, words, pages (100k)
G3     requests/s of the home page with a filter ÷ an axum route that does nothing, server on
       core 0, wrk on core 1: as visitors get it (kept in memory, server/page_cache.rs), and
       rendered for every request (each to an address of its own); its p99 at half the load
G5     wasm and JS sizes raw/gzip/brotli, and the whole first load of the map page
G6     lab page speed in headless Chromium (benches/vitals.mjs): LCP, CLS, filter click
pwa    installability as Chromium judges it, and the start URL offline (benches/pwa.mjs)
G7     server memory idle and with 1,000 open connections
alerts the fan-out of a post in Mulhouse to 100,000 saved alerts through the worker's path ÷ the
       same SQL on a bare connection                               `entraide bench-alerts`

Ends with one `NAME VALUE` line per figure. Needs the release build (`make release`).

`--smoke` (`make bench-smoke`, run by `make test`): every step on small data with few
iterations, in its own folder, so that a change breaking a benchmark fails CI. Its figures mean
nothing and are not checked; a step that fails stops it with an error.
"""

import argparse
import gzip
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / "target/release/entraide"
SITE = ROOT / "target/site"

# Sizes and iterations of a real run, and of the smoke run (`--smoke`).
FULL = dict(work="target/bench", fr_posts=int(os.environ.get("BENCH_FR_POSTS", "1000000")),
            hr_posts=int(os.environ.get("BENCH_HR_POSTS", "100000")), queries=1000, creates=300,
            alerts=100_000, alert_posts=25, wrk_seconds=8, connections=1000, vitals_runs=3)
SMOKE = dict(work="target/bench-smoke", fr_posts=3000, hr_posts=2000, queries=30, creates=10,
             alerts=500, alert_posts=3, wrk_seconds=1, connections=50, vitals_runs=1)
# The throwaway PostgreSQL cluster of G1.pg (not the tests' port: both may run at once).
PG_PORT = int(os.environ.get("BENCH_PG_PORT", "55442"))
CONF = FULL
WORK = ROOT / CONF["work"]
summary: dict[str, str] = {}


def log(msg: str) -> None:
    print(msg, flush=True)


def db_env(db: Path | str) -> dict:
    """The environment of the binary on `db`: a SQLite file, or a postgres:// URL."""
    env = dict(os.environ)
    env["DATABASE_URL"] = db if isinstance(db, str) else f"sqlite://{db}"
    env["RUST_LOG"] = "error"
    return env


def seed(name: str, n: int, region: str, url: str | None = None) -> Path | str:
    """`n` synthetic posts in a new SQLite file `name.db`, or in the empty database at `url`."""
    db: Path | str = url or WORK / f"{name}.db"
    if url is None:
        for f in WORK.glob(f"{name}.db*"):
            f.unlink()
    t = time.monotonic()
    subprocess.run([BIN, "seed", "--synthetic", str(n), "--region", region], env=db_env(db), check=True,
                   stdout=subprocess.DEVNULL)
    log(f"seed.{name}_posts {n}\nseed.{name}_seconds {time.monotonic() - t:.1f}")
    return db


class Postgres:
    """A throwaway PostgreSQL cluster under WORK (`.ci/postgres.sh`), with an empty database."""

    def __init__(self):
        self.dir = WORK / "postgres"
        subprocess.run([ROOT / ".ci/postgres.sh", "start", self.dir, str(PG_PORT)], check=True, stdout=subprocess.DEVNULL)
        admin = f"postgres://postgres@127.0.0.1:{PG_PORT}/postgres"
        for sql in ["DROP DATABASE IF EXISTS entraide_bench", "CREATE DATABASE entraide_bench"]:
            subprocess.run(["psql", "-q", "-X", "-v", "ON_ERROR_STOP=1", admin, "-c", sql], check=True)
        self.url = f"postgres://postgres@127.0.0.1:{PG_PORT}/entraide_bench"

    def stop(self) -> None:
        subprocess.run([ROOT / ".ci/postgres.sh", "stop", self.dir], check=True)


def figures(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        m = re.match(r"^([A-Za-z0-9_.]+) (\S+)$", line.strip())
        if m:
            out[m.group(1)] = m.group(2)
    return out


def queries(db: Path | str, prefix: str, radius_km: float, creates: int) -> dict[str, str]:
    r = subprocess.run([BIN, "bench", "--prefix", prefix, "--queries", str(CONF["queries"]), "--radius-km", str(radius_km),
                        "--creates", str(creates)], env=db_env(db), check=True, capture_output=True, text=True)
    log(r.stdout.rstrip())
    return figures(r.stdout)


class Server:
    """The release server on `db`, optionally pinned to CPU 0."""

    def __init__(self, db: Path, port: int, pin: bool = False):
        env = db_env(db)
        env.update(LEPTOS_SITE_ROOT=str(SITE), LEPTOS_SITE_ADDR=f"127.0.0.1:{port}",
                   ENTRAIDE_TILE_URL="http://tiles.invalid/{z}/{x}/{y}.png")
        cmd = ([shutil.which("taskset"), "-c", "0"] if pin else []) + [str(BIN), "serve"]
        self.port = port
        self.proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(300):
            try:
                urllib.request.urlopen(self.url("/livez"), timeout=1).read()
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("the server did not start")

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def rss_kb(self) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def fetch_br(url: str) -> tuple[int, bytes]:
    """Bytes on the wire for a browser accepting brotli, and the status."""
    req = urllib.request.Request(url, headers={"Accept-Encoding": "br, gzip"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.status, r.read()


def payloads(srv: Server) -> int:
    heaviest = 0
    for lon, lat in [(7.3397, 47.7495), (7.3585, 48.0794), (7.235, 47.87)]:
        for half in [0.002, 0.01, 0.05, 0.2, 0.5, 2.0, 8.0]:
            bbox = f"{lon - half},{lat - half * 0.7},{lon + half},{lat + half * 0.7}"
            for flt in ["", "&category=groceries,transport", "&kind=request&sort=nearest",
                        "&place=mulhouse&radius=20&sort=nearest", "&q=courses", "&q=aide&at=47.75,7.34&page=2"]:
                for path in ["/api/list_posts", "/api/v1/posts.geojson"]:
                    _, body = fetch_br(srv.url(f"{path}?bbox={bbox}{flt}"))
                    heaviest = max(heaviest, len(body))
    return heaviest


# Each request of wrk to an address of its own (`&n=1`, `&n=2`…: a parameter the page ignores).
EVERY_ADDRESS = """
local n = 0
request = function()
  n = n + 1
  return wrk.format(nil, wrk.path .. "&n=" .. n)
end
"""


def wrk(url: str, connections: int = 16, rate: int = 0, every_address: bool = False) -> tuple[float, float, float]:
    """requests/s, p50 and p99 in ms, wrk pinned to CPU 1; with `every_address`, no two
    requests ask for the same address (the map page is then rendered every time: no page is
    served again from memory, `server/page_cache.rs`)."""
    # As a browser asks: compressed (the page kept in memory is kept compressed; a page rendered
    # is compressed for each answer).
    cmd = ["taskset", "-c", "1", "wrk", "-t1", f"-c{connections}", f"-d{CONF['wrk_seconds']}s", "--latency",
           "-H", "Accept-Encoding: br, gzip"]
    if every_address or rate:
        # With `rate`, each connection waits between its requests so that all of them together
        # ask about `rate` requests/s (wrk's `delay`; Debian has no wrk2 and its -R).
        script = WORK / "wrk.lua"
        script.write_text((EVERY_ADDRESS if every_address else "")
                          + (f"delay = function() return {connections * 1000 / rate:.3f} end\n" if rate else ""))
        cmd += ["-s", str(script)]
    cmd.append(url)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout

    def ms(label: str) -> float:
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            raise SystemExit(f"wrk output without {label}%:\n{out}")
        v, unit = float(m.group(1)), m.group(2)
        return v / 1000 if unit == "us" else v * 1000 if unit == "s" else v

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} failed responses")
    return rps, ms("50"), ms("99")


def compressed(data: bytes) -> tuple[int, int, int]:
    br = subprocess.run(["brotli", "-c", "-q", "11"], input=data, capture_output=True, check=True).stdout
    return len(data), len(gzip.compress(data, 9)), len(br)


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") in ("stylesheet", "preload", "modulepreload") and a.get("href"):
            self.urls.append(a["href"])
        if tag == "script" and a.get("src"):
            self.urls.append(a["src"])


def bundle_file(ext: str) -> Path:
    """The bundle's `.js`, `.wasm` or `.css` file as built: `entraide.<hash>.<ext>` (cargo-leptos
    `hash-files`), or `entraide.<ext>` in a build without hashes."""
    found = sorted(p for p in (SITE / "pkg").glob(f"entraide*.{ext}") if p.is_file())
    if len(found) != 1:
        raise SystemExit(f"build the release first (make release): {len(found)} bundle .{ext} files in {SITE / 'pkg'}")
    return found[0]


def page_weight(srv: Server, path: str) -> int:
    """The first load of `path` as a browser gets it (brotli where the server gives it), tiles
    excluded: the HTML, every stylesheet, script and preload it names, and the wasm."""
    _, html = fetch_br(srv.url(path))
    parser = Assets()
    parser.feed(subprocess.run(["brotli", "-d", "-c"], input=html, capture_output=True).stdout.decode()
                if html[:1] not in (b"<", b"\n") else html.decode())
    urls = set(parser.urls) | {f"/pkg/{bundle_file('wasm').name}"}
    # The modules the bundle's script imports (the split's link module, ui/lazy_pages.rs).
    for u in list(urls):
        if u.startswith("/pkg/") and u.endswith(".js") and (SITE / u[1:]).is_file():
            for name in re.findall(r'from\s*["\']\./([\w.-]+\.js)["\']', (SITE / u[1:]).read_text()):
                urls.add(f"/pkg/{name}")
    total = len(html)
    for u in sorted(urls):
        if u.startswith("/"):
            total += len(fetch_br(srv.url(u))[1])
    return total


def hold_connections(srv: Server, n: int) -> list[socket.socket]:
    socks = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", srv.port))
        s.sendall(b"GET /livez HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n")
        socks.append(s)
    for s in socks:
        s.recv(1024)
    return socks


def main() -> None:
    global CONF, WORK
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--smoke", action="store_true", help="every step on small data, figures not checked")
    if parser.parse_args().smoke:
        CONF = SMOKE
        WORK = ROOT / CONF["work"]
    if not BIN.exists():
        raise SystemExit("build the release first: make release")
    bundle_file("wasm")
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 8192), hard))
    WORK.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()

    log("── G1/G4: map reads and posting ──")
    fr = seed("fr", CONF["fr_posts"], "france")
    f = queries(fr, "fr", 20.0, CONF["creates"])
    hr = seed("hr", CONF["hr_posts"], "haut-rhin")
    h = queries(hr, "hr", 5.0, 0)
    for shape in ["viewport", "knn", "newest"]:
        summary[f"G1.{shape}.p50_ratio"] = f[f"fr.{shape}.p50_ratio"]
    summary["G1.viewport.p99_ratio"] = f["fr.viewport.p99_ratio"]
    summary["G1.viewport.p50_ms"] = f["fr.viewport.app_p50_ms"]
    summary["G1.scan_over_app_ratio"] = f["fr.scan_over_app_ratio"]
    log(f"(Haut-Rhin 100k: viewport ×{h['hr.viewport.p50_ratio']}, knn ×{h['hr.knn.p50_ratio']}, "
        f"newest ×{h['hr.newest.p50_ratio']})")

    log("── G1.pg: the same reads on PostgreSQL + PostGIS ──")
    pg = Postgres()
    try:
        p = queries(seed("pg", CONF["fr_posts"], "france", pg.url), "pg", 20.0, 0)
    finally:
        pg.stop()
    for shape in ["viewport", "knn", "newest"]:
        summary[f"G1.pg.{shape}.p50_ratio"] = p[f"pg.{shape}.p50_ratio"]
    summary["G1.pg.viewport.p99_ratio"] = p["pg.viewport.p99_ratio"]
    summary["G1.pg.viewport.p50_ms"] = p["pg.viewport.app_p50_ms"]
    summary["G1.pg.scan_over_app_ratio"] = p["pg.scan_over_app_ratio"]

    log("── alerts: the fan-out of a post in Mulhouse to 100,000 saved alerts ──")
    adb = WORK / "alerts.db"
    for p in WORK.glob("alerts.db*"):
        p.unlink()
    r = subprocess.run([BIN, "bench-alerts", "--alerts", str(CONF["alerts"]), "--posts", str(CONF["alert_posts"])],
                       env=db_env(adb), check=True, capture_output=True, text=True)
    log(r.stdout.rstrip())
    a = figures(r.stdout)
    for n in ["alerts.fanout_p50_ms", "alerts.fanout_p99_ms", "alerts.fanout_ratio", "alerts.told_per_post_p50"]:
        summary[n] = a[n]

    log("── G2, G3, G5, G7: the server on 100k posts ──")
    srv = Server(hr, 3190, pin=True)
    try:
        summary["G2.max_payload_br_bytes"] = str(payloads(srv))
        wrk(srv.url("/livez"))  # warm-up
        hello = wrk(srv.url("/livez"))
        home = "/?category=groceries&bbox=7.30,47.72,7.38,47.78"
        page = wrk(srv.url(home))
        log(f"G3.hello_rps {hello[0]:.0f}\nG3.ssr_rps {page[0]:.0f}\nG3.p50_ms {page[1]:.2f}")
        summary["G3.ssr_over_hello_ratio"] = f"{page[0] / hello[0]:.3f}"
        summary["G3.p99_ms"] = f"{page[2]:.2f}"
        # The same page rendered for every request (what a member, or a new address, costs).
        render = wrk(srv.url(home), every_address=True)
        log(f"G3.render_rps {render[0]:.0f}\nG3.render_p50_ms {render[1]:.2f}\nG3.render_p99_ms {render[2]:.2f}")
        summary["G3.render_over_hello_ratio"] = f"{render[0] / hello[0]:.3f}"
        # At half of the full load (the requests/s measured above, asked at an even pace).
        half = wrk(srv.url(home), rate=int(page[0] / 2))
        log(f"G3.half_load_rps {half[0]:.0f}\nG3.half_load_p50_ms {half[1]:.2f}\nG3.half_load_p99_ms {half[2]:.2f}")
        summary["G3.half_load_p99_ms"] = f"{half[2]:.2f}"
        for name, path in [("wasm", bundle_file("wasm")), ("js", bundle_file("js")),
                           ("leaflet_js", SITE / "leaflet/leaflet.js"), ("css", bundle_file("css"))]:
            raw, gz, br = compressed(path.read_bytes())
            log(f"G5.{name}_raw_bytes {raw}\nG5.{name}_gzip_bytes {gz}\nG5.{name}_br_bytes {br}")
            if name == "wasm":
                summary["G5.wasm_br_bytes"] = str(br)
        summary["G5.page_br_bytes"] = str(page_weight(srv, "/"))
        # The pages' own files (ui/lazy_pages.rs), as built (make release precompresses them).
        pages = [p for p in (SITE / "pkg").glob("*.wasm.br") if not p.name.startswith("entraide.")]
        log(f"G5.page_wasm_files {len(pages)}\nG5.page_wasm_br_bytes_total {sum(p.stat().st_size for p in pages)}")
        log(f"G5.post_page_br_bytes {page_weight(srv, '/posts/1')}")
        time.sleep(1)
        idle = srv.rss_kb()
        socks = hold_connections(srv, CONF["connections"])
        time.sleep(1)
        busy = srv.rss_kb()
        for s in socks:
            s.close()
        log(f"G7.rss_idle_mb {idle / 1024:.1f}\nG7.rss_1k_conn_mb {busy / 1024:.1f}")
        summary["G7.mb_per_1k_conn"] = f"{(busy - idle) / 1024:.1f}"
    finally:
        srv.stop()
    summary["G4.create.p50_ms"] = f["fr.create_p50_ms"]
    summary["G4.create.p99_ms"] = f["fr.create_p99_ms"]
    summary["G4.create.bare_p50_ms"] = f["fr.create_bare_p50_ms"]
    summary["G4.create.p50_ratio"] = f["fr.create_p50_ratio"]

    log("── G6: lab page speed (demo data, Chromium, CPU ×4, Slow 4G) ──")
    demo = WORK / "demo.db"
    for p in WORK.glob("demo.db*"):
        p.unlink()
    subprocess.run([BIN, "seed", "--demo"], env=db_env(demo), check=True, stdout=subprocess.DEVNULL)
    srv = Server(demo, 3191)
    try:
        r = subprocess.run(["node", str(ROOT / "benches/vitals.mjs"), srv.url("/")], cwd=ROOT / "end2end",
                           capture_output=True, text=True, env={**os.environ, "VITALS_RUNS": str(CONF["vitals_runs"])})
        log(r.stdout.rstrip())
        if r.returncode != 0:
            raise SystemExit(f"vitals failed:\n{r.stderr}")
        summary.update({k: v for k, v in figures(r.stdout).items() if k.startswith("G6.")})
        log("── PWA: installability (Chromium's own checks), offline start URL ──")
        r = subprocess.run(["node", str(ROOT / "benches/pwa.mjs"), srv.url("/")], cwd=ROOT / "end2end",
                           capture_output=True, text=True)
        log(r.stdout.rstrip() + ("\n" + r.stderr.rstrip() if r.stderr.strip() else ""))
        if r.returncode != 0:
            raise SystemExit(f"pwa check failed:\n{r.stderr}")
        summary.update({k: v for k, v in figures(r.stdout).items() if k.startswith("pwa.")})
    finally:
        srv.stop()

    log(f"bench.seconds {time.monotonic() - started:.0f}")
    log("── summary ──")
    names = ["G1.viewport.p50_ratio", "G1.viewport.p99_ratio", "G1.knn.p50_ratio", "G1.newest.p50_ratio",
             "G1.viewport.p50_ms", "G1.scan_over_app_ratio", "G1.pg.viewport.p50_ratio", "G1.pg.viewport.p99_ratio",
             "G1.pg.knn.p50_ratio", "G1.pg.newest.p50_ratio", "G1.pg.viewport.p50_ms", "G1.pg.scan_over_app_ratio",
             "G2.max_payload_br_bytes", "G3.ssr_over_hello_ratio",
             "G3.p99_ms", "G3.half_load_p99_ms", "G3.render_over_hello_ratio", "G4.create.p50_ms", "G4.create.p99_ms",
             "G4.create.bare_p50_ms", "G4.create.p50_ratio", "G5.wasm_br_bytes", "G5.page_br_bytes",
             "G6.lcp_ms", "G6.cls", "G6.map_ready_ms", "G6.filter_click_ms", "G6.send_message_ms", "G7.mb_per_1k_conn", "pwa.installability_errors",
             "pwa.manifest_errors", "pwa.service_worker_controls", "pwa.offline_start_url_ok",
             "alerts.fanout_p50_ms", "alerts.fanout_p99_ms", "alerts.fanout_ratio", "alerts.told_per_post_p50"]
    for n in names:
        print(f"{n} {summary.get(n, 'missing')}")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env bash
# Starts the built server for the end-to-end tests on a fresh SQLite file with the demo data.
# Usage: serve.sh PORT. ENTRAIDE_BIN overrides the binary (default: the debug build).
# With E2E_DIR set, the database and the server's log (server.log) are kept there afterwards,
# for the scan of the logs for personal data (benches/scan_logs.py).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-3100}"
bin="${ENTRAIDE_BIN:-target/debug/entraide}"
if [ -n "${E2E_DIR:-}" ]; then
  dir="$E2E_DIR"
  mkdir -p "$dir"
  rm -f "$dir"/e2e.db* "$dir/server.log"
  keep=1
else
  dir="$(mktemp -d)"
  keep=0
fi
cleanup() { [ "$keep" = 1 ] || rm -rf "$dir"; }
trap cleanup EXIT
export DATABASE_URL="sqlite://$dir/e2e.db"
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
export LEPTOS_SITE_ADDR="127.0.0.1:$port"
# A host that cannot resolve: the tests answer tile requests themselves.
export ENTRAIDE_TILE_URL="http://tiles.invalid/{z}/{x}/{y}.png"
export RUST_LOG="${RUST_LOG:-warn}"
# The journeys create many accounts from one address.
export ENTRAIDE_SIGNUPS_PER_HOUR=100000
"$bin" seed --demo
if [ "$keep" = 1 ]; then
  "$bin" serve 2>>"$dir/server.log" &
else
  "$bin" serve &
fi
child=$!
trap 'kill "$child" 2>/dev/null; wait "$child" 2>/dev/null; cleanup' EXIT INT TERM
wait "$child"

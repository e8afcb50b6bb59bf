#!/usr/bin/env bash
# Starts the built server for the end-to-end tests on a fresh SQLite file with the demo data.
# Usage: serve.sh PORT. ENTRAIDE_BIN overrides the binary (default: the debug build).
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-3100}"
bin="${ENTRAIDE_BIN:-target/debug/entraide}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
export DATABASE_URL="sqlite://$dir/e2e.db"
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
export LEPTOS_SITE_ADDR="127.0.0.1:$port"
# A host that cannot resolve: the tests answer tile requests themselves.
export ENTRAIDE_TILE_URL="http://tiles.invalid/{z}/{x}/{y}.png"
export RUST_LOG="${RUST_LOG:-warn}"
# The journeys create many accounts from one address.
export ENTRAIDE_SIGNUPS_PER_HOUR=100000
"$bin" seed --demo
"$bin" serve &
child=$!
trap 'kill "$child" 2>/dev/null; wait "$child" 2>/dev/null; rm -rf "$dir"' EXIT INT TERM
wait "$child"

#!/usr/bin/env bash
# Starts the built server for the end-to-end tests on a fresh SQLite file with the demo data.
# Usage: serve.sh PORT. ENTRAIDE_BIN overrides the binary (default: the debug build; make e2e
# runs the release build, with the site `cargo leptos build --release` left in target/site).
# The binary and target/site must come from the same build.
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
mailbox=
pushbox=
trap 'cleanup; [ -z "$mailbox" ] || kill "$mailbox" 2>/dev/null; [ -z "$pushbox" ] || kill "$pushbox" 2>/dev/null' EXIT
export DATABASE_URL="sqlite://$dir/e2e.db"
# Where the database is, for the tests that count on their own (figures.spec.ts).
echo "$dir/e2e.db" > "/tmp/entraide-e2e-db-$port"
# The site as this server serves it: a copy of the built one with its bundle precompressed (the
# file server sends a .gz as it is), so that each test's download of the bundle costs
# no compression (on the fly it took seconds of CPU each time). A copy, so that these files never
# outlive the build they were made from in target/site.
site="target/e2e-site-$port"
rm -rf "$site" && cp -r "${LEPTOS_SITE_ROOT:-target/site}" "$site"
# (A release build comes precompressed already.)
find "$site/pkg" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' \) \
  -exec sh -c '[ -e "$1.gz" ] || gzip -k -6 "$1"' _ {} \;
export LEPTOS_SITE_ROOT="$site"
export LEPTOS_SITE_ADDR="127.0.0.1:$port"
# A host that cannot resolve: the tests answer tile requests themselves.
export ENTRAIDE_TILE_URL="http://tiles.invalid/{z}/{x}/{y}.png"
# Warnings; with E2E_DIR (the log kept in a file), the line of each request too, for the scan
# of the logs for personal data.
if [ -n "${E2E_DIR:-}" ]; then
  export RUST_LOG="${RUST_LOG:-warn,entraide::request=info}"
else
  export RUST_LOG="${RUST_LOG:-warn}"
fi
# The operator's metrics, on an address of their own (operations.spec.ts scrapes them).
export ENTRAIDE_METRICS_ADDR="127.0.0.1:$((port + 45))"
# A real SMTP server: the journeys read the links of the e-mails it receives (end2end/mailbox.py).
mail_port=$((port + 25))
export E2E_MAIL_DIR="${E2E_MAIL_DIR:-/tmp/entraide-mail-$port}"
rm -rf "$E2E_MAIL_DIR" && mkdir -p "$E2E_MAIL_DIR"
python3 end2end/mailbox.py "$mail_port" "$E2E_MAIL_DIR" &
mailbox=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$mail_port") 2>/dev/null && break; sleep 0.1; done
export SMTP_URL="smtp://127.0.0.1:$mail_port"
# A push service of its own (end2end/pushbox.py): the only http address pushes may go to.
push_port=$((port + 35))
export E2E_PUSH_DIR="${E2E_PUSH_DIR:-/tmp/entraide-push-$port}"
rm -rf "$E2E_PUSH_DIR" && mkdir -p "$E2E_PUSH_DIR"
python3 end2end/pushbox.py "$push_port" "$E2E_PUSH_DIR" &
pushbox=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$push_port") 2>/dev/null && break; sleep 0.1; done
export ENTRAIDE_PUSH_SERVICES="fcm.googleapis.com,updates.push.services.mozilla.com,http://127.0.0.1:$push_port"
export ENTRAIDE_MAIL_FROM="Entraide Haut-Rhin <ne-pas-repondre@entraide.invalid>"
export ENTRAIDE_PUBLIC_URL="http://127.0.0.1:$port"
# The journeys create many accounts from one address.
export ENTRAIDE_SIGNUPS_PER_HOUR=100000
"$bin" seed --demo
if [ "$keep" = 1 ]; then
  "$bin" serve 2>>"$dir/server.log" &
else
  "$bin" serve &
fi
child=$!
trap 'kill "$child" "$mailbox" "$pushbox" 2>/dev/null; wait "$child" "$mailbox" "$pushbox" 2>/dev/null; cleanup' EXIT INT TERM
wait "$child"

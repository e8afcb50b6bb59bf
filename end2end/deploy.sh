#!/usr/bin/env bash
# The deployment as shipped, on loopback: the release archive of `make dist` checked and
# unpacked, its server started from its sample configuration file (with this machine's
# addresses), behind nginx (Debian's) with the archive's site configuration and a self-signed
# certificate made here; then the journey of deploy.spec.ts through it, secure cookies on. Also
# checks the configuration's refusals, `migrate --check`, the dated backups, and the archive's
# systemd units. Usage: deploy.sh ARCHIVE (`make deploy-test`). Prints FIGURE lines.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
# The configuration file is the only source here (a setting in both places stops the start).
unset DATABASE_URL SMTP_URL RUST_LOG LEPTOS_SITE_ADDR LEPTOS_SITE_ROOT LEPTOS_OUTPUT_NAME
for v in $(env | sed -n 's/^\(ENTRAIDE_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
archive="${1:?the release archive (make dist)}"
dir="$root/target/deploy-test"
rm -rf "$dir" && mkdir -p "$dir"/{nginx,backups,mail,opt}
(cd "$(dirname "$archive")" && sha256sum -c "$(basename "$archive").sha256" >/dev/null) || { echo "checksum mismatch" >&2; exit 1; }
tar -xzf "$archive" -C "$dir/opt"
shipped="$(echo "$dir"/opt/entraide-*)"
bin="$shipped/bin/entraide"
deploy="$shipped/deploy"
echo "FIGURE deploy.archive_bytes $(stat -c %s "$archive")"
app_port=3300 https_port=8443 http_port=8080 mail_port=3325
source end2end/harness.sh
trap cleanup EXIT
fail() { echo "deploy test: $*" >&2; exit 1; }

# 1. The systemd units: valid, and their exposure as systemd rates it (lower is safer).
if command -v systemd-analyze >/dev/null; then
  mkdir -p "$dir/units"
  for u in entraide.service entraide-backup.service entraide-backup.timer; do
    sed "s|/opt/entraide/bin/entraide|$bin|" "$deploy/$u" > "$dir/units/$u"
  done
  (cd "$dir/units" && systemd-analyze verify --man=no ./entraide.service ./entraide-backup.service ./entraide-backup.timer) \
    2>&1 | grep -v "^$" | tee "$dir/verify.txt" || true
  if grep -qiE "unknown|invalid|failed|bad" "$dir/verify.txt"; then fail "systemd-analyze verify: $(cat "$dir/verify.txt")"; fi
  exposure=$(systemd-analyze security --offline=true "$dir/units/entraide.service" 2>/dev/null | sed -n 's/.*Overall exposure level for .*: \([0-9.]*\).*/\1/p')
  echo "FIGURE deploy.systemd_exposure ${exposure:-unknown}"
fi

# 2. The configuration file: a wrong key and a missing relay stop the start, naming them.
db="sqlite://$dir/entraide.db"
cat > "$dir/bad-key.toml" <<TOML
database_url = "$db"
public_ulr = "https://127.0.0.1:$https_port"
TOML
out=$(ENTRAIDE_CONFIG="$dir/bad-key.toml" "$bin" serve 2>&1) && fail "started with an unknown key"
grep -q "unknown setting « public_ulr »" <<<"$out" || fail "unknown key not named: $out"
cat > "$dir/no-relay.toml" <<TOML
database_url = "$db"
public_url = "https://127.0.0.1:$https_port"
secure_cookies = true
TOML
out=$(ENTRAIDE_CONFIG="$dir/no-relay.toml" "$bin" serve 2>&1) && fail "started without an SMTP relay"
grep -q "SMTP_URL (smtp_url) is not set" <<<"$out" || fail "missing relay not named: $out"
[ ! -e "$dir/entraide.db" ] || fail "a refused start created the database"

# 3. Upgrades: what would run, then nothing.
set +e
out=$("$bin" --database-url "$db" migrate --check 2>&1); status=$?
set -e
[ "$status" = 1 ] && grep -q "would run, in this order" <<<"$out" || fail "migrate --check on an empty database: $status $out"
[ ! -e "$dir/entraide.db" ] || fail "migrate --check created the database"
"$bin" --database-url "$db" migrate >/dev/null
"$bin" --database-url "$db" migrate --check | grep -q "Up to date" || fail "migrate --check after migrating"

# 4. The server, from its file, behind nginx.
python3 end2end/mailbox.py "$mail_port" "$dir/mail" & pids+=($!)
# The shipped sample, with this machine's values in place of the example ones.
sed -e "s|^database_url = .*|database_url = \"$db\"|" \
    -e "s|^leptos_site_addr = .*|leptos_site_addr = \"127.0.0.1:$app_port\"|" \
    -e "s|^leptos_site_root = .*|leptos_site_root = \"$shipped/site\"|" \
    -e "s|^public_url = .*|public_url = \"https://127.0.0.1:$https_port\"|" \
    -e "s|^smtp_url = .*|smtp_url = \"smtp://127.0.0.1:$mail_port\"|" \
    -e "s|^metrics_addr = .*|metrics_addr = \"127.0.0.1:$((app_port + 45))\"|" \
    -e "s|^# tile_url = .*|tile_url = \"http://tiles.invalid/{z}/{x}/{y}.png\"|" \
    -e "s|^# log = .*|log = \"warn,entraide::request=info\"|" \
    "$deploy/entraide.toml.sample" > "$dir/entraide.toml"
for key in database_url leptos_site_root public_url smtp_url tile_url log; do
  grep -q "^$key = " "$dir/entraide.toml" || fail "the sample has no $key to set"
done
ENTRAIDE_CONFIG="$dir/entraide.toml" "$bin" serve 2>"$dir/server.log" & pids+=($!)

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$dir/nginx/key.pem" -out "$dir/nginx/cert.pem" 2>/dev/null
# The shipped site, with this machine's addresses, ports and certificate only.
sed -e "s|server 127.0.0.1:3000;|server 127.0.0.1:$app_port;|" \
    -e "s|listen 80;|listen 127.0.0.1:$http_port;|" -e "/listen \[::\]/d" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https_port ssl http2;|" \
    -e "s|server_name entraide.example.fr;|server_name 127.0.0.1;|" \
    -e "s|/etc/letsencrypt/live/entraide.example.fr/fullchain.pem|$dir/nginx/cert.pem|" \
    -e "s|/etc/letsencrypt/live/entraide.example.fr/privkey.pem|$dir/nginx/key.pem|" \
    "$deploy/nginx.conf" > "$dir/nginx/site.conf"
nginx_conf "$dir/nginx"
nginx -t -c "$dir/nginx/nginx.conf" -p "$dir/nginx" 2>&1 | grep -q "test is successful" || fail "nginx -t: $(nginx -t -c "$dir/nginx/nginx.conf" -p "$dir/nginx" 2>&1)"
nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx"
for _ in $(seq 100); do curl -skf "https://127.0.0.1:$https_port/healthz" >/dev/null && break; sleep 0.2; done
curl -skf "https://127.0.0.1:$https_port/healthz" >/dev/null || fail "no answer through nginx: $(tail -5 "$dir/server.log")"

# 5. What nginx adds: HTTP/2, HSTS, the redirect to https, the body limit.
head=$(curl -sk --http2 -D - -o /dev/null "https://127.0.0.1:$https_port/")
grep -q "^HTTP/2 200" <<<"$head" || fail "not HTTP/2: $head"
grep -qi "^strict-transport-security: max-age=63072000" <<<"$head" || fail "no HSTS: $head"
grep -qi "^x-request-id: [0-9a-f]\{8\}" <<<"$head" || fail "no request id: $head"
loc=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://127.0.0.1:$http_port/publier?x=1")
[ "$loc" = "301 https://127.0.0.1/publier?x=1" ] || fail "http is not sent to https: $loc"
big=$(head -c 70000 /dev/zero | tr '\0' 'a')
code=$(curl -sk -o /dev/null -w '%{http_code}' -H "Origin: https://127.0.0.1:$https_port" --data "title=$big" "https://127.0.0.1:$https_port/publier")
[ "$code" = 413 ] || fail "a 70 KB body got $code"
# The bundle the page names has a hashed name, comes precompressed (brotli, as built: the same
# bytes as the .br file of the archive) and is kept a year.
wasm=$(curl -sk "https://127.0.0.1:$https_port/" | grep -o '/pkg/entraide\.[A-Za-z0-9_-]*\.wasm' | head -1)
[ -n "$wasm" ] || fail "the page names no hashed bundle"
head=$(curl -sk -H 'Accept-Encoding: br, gzip' -D - -o "$dir/bundle.br" "https://127.0.0.1:$https_port$wasm")
grep -qi "^content-encoding: br" <<<"$head" || fail "the bundle is not sent in brotli: $head"
grep -qi "^cache-control: public, max-age=31536000, immutable" <<<"$head" || fail "the bundle is not kept a year: $head"
cmp -s "$dir/bundle.br" "$shipped/site$wasm.br" || fail "the bundle was compressed again instead of sent as built"
head=$(curl -sk -D - -o /dev/null "https://127.0.0.1:$https_port/manifest.webmanifest")
grep -qi "^cache-control: no-cache" <<<"$head" || fail "an unhashed file is cached without asking: $head"

# 6. The journey through it.
(cd end2end && DEPLOY_URL="https://127.0.0.1:$https_port" E2E_MAIL_DIR="$dir/mail" CI=1 npx playwright test -c deploy.config.ts)

# 7. The app logged each request, and no personal data.
grep -q '"route":"/inscription"' "$dir/server.log" || fail "no request lines in the server's log"
python3 benches/scan_logs.py "$dir/server.log" "$dir/entraide.db"

# 8. A backup never creates a database; the daily one, twice the same day: one dated copy, checked.
out=$("$bin" --database-url "sqlite://$dir/absent.db" backup --dir "$dir/backups" 2>&1) && fail "backed up a missing database"
grep -q "no such database file" <<<"$out" || fail "missing database not said: $out"
[ ! -e "$dir/absent.db" ] || fail "a backup created the database"
ENTRAIDE_CONFIG="$dir/entraide.toml" "$bin" backup --dir "$dir/backups" | grep -q "integrity checked"
ENTRAIDE_CONFIG="$dir/entraide.toml" "$bin" backup --dir "$dir/backups" >/dev/null
[ "$(ls "$dir/backups" | grep -c '^entraide-[0-9-]*\.db$')" = 1 ] || fail "backups: $(ls "$dir/backups")"
echo "deploy test: passed"

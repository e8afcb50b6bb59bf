#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, from Debian's packages: its own data directory
# and socket under DIR, its own port, no service, nothing left running after `stop`.
#
#   .ci/postgres.sh start DIR PORT   # initdb if needed, start, wait until it answers
#   .ci/postgres.sh stop DIR         # stop (fast), keep nothing running
#
# The superuser is `postgres`, with trust authentication on 127.0.0.1 and the socket only:
# a test cluster, never a deployment. `initdb` refuses root: as root, it runs as `postgres`;
# when that user cannot reach DIR (a clone under /root, say), the cluster lives in
# /tmp/entraide-postgres-<hash of DIR> instead, the same for `start` and `stop`.
set -euo pipefail
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
cmd=${1:?start|stop}
dir=$(realpath -m "${2:?the cluster directory}")

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Where the cluster lives: DIR, or its stand-in when the owner cannot reach DIR.
home="$dir"
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$dir" && chown postgres:postgres "$dir"
  if ! runuser -u postgres -- test -w "$dir" -a -x "$dir"; then
    home="/tmp/entraide-postgres-$(printf '%s' "$dir" | sha256sum | cut -c1-12)"
    mkdir -p "$home" && chown postgres:postgres "$home" && chmod 700 "$home"
  fi
fi

case "$cmd" in
start)
  port=${3:?the port}
  mkdir -p "$home"
  if [ ! -f "$home/data/PG_VERSION" ]; then
    as_owner "$BIN/initdb" -D "$home/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$home/initdb.log"
  fi
  if as_owner "$BIN/pg_ctl" -D "$home/data" status >/dev/null 2>&1; then
    as_owner "$BIN/pg_ctl" -D "$home/data" -m fast stop >/dev/null
  fi
  # Tests make and drop a database each: fsync off is for a throwaway cluster only.
  as_owner "$BIN/pg_ctl" -D "$home/data" -l "$home/server.log" -w -t 60 \
    -o "-p $port -k $home -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($home)"
  ;;
stop)
  if [ -f "$home/data/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$home/data" status >/dev/null 2>&1; then
    as_owner "$BIN/pg_ctl" -D "$home/data" -m fast -w stop >/dev/null
  fi
  ;;
*)
  echo "usage: $0 start DIR PORT | stop DIR" >&2
  exit 2
  ;;
esac

#!/usr/bin/env bash
# Starts and stops a throwaway PostgreSQL cluster in a directory of its own:
# initdb with trust auth, fsync off, listening only on a Unix socket in that
# directory and on loopback at a free port. PostgreSQL refuses to run as root,
# so as root the cluster runs as an unprivileged user (postgres by default).
#
#   throwaway-postgres.sh start DIR   # prints a libpq conninfo on stdout
#   throwaway-postgres.sh stop DIR    # stops it and removes DIR
set -euo pipefail

cmd=${1:-}
dir=${2:-}
[[ -n "$cmd" && -n "$dir" ]] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

pgbin=${STRUCTMIG_PGBIN:-}
if [[ -z "$pgbin" ]]; then
  for candidate in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [[ -x "$candidate/initdb" ]] && { pgbin=$candidate; break; }
  done
fi
[[ -x "$pgbin/initdb" ]] || { echo "error: PostgreSQL server binaries (initdb) not found; run scripts/setup.sh" >&2; exit 1; }

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    runuser -u "${STRUCTMIG_PGUSER:-postgres}" -- "$@"
  else
    "$@"
  fi
}

free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "error: no free port found" >&2
  return 1
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [[ $(id -u) -eq 0 ]]; then
      chown "${STRUCTMIG_PGUSER:-postgres}" "$dir"
      # The unprivileged owner must be able to reach the directory.
      as_owner test -w "$dir" || { echo "error: ${STRUCTMIG_PGUSER:-postgres} cannot write $dir (a parent directory is not searchable); use a directory under /tmp" >&2; exit 1; }
    fi
    as_owner "$pgbin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port)
    as_owner "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100" \
      start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "$port" >"$dir/port"
    echo "host=$dir port=$port user=postgres dbname=postgres"
    ;;
  stop)
    [[ -d "$dir" ]] || exit 0
    if [[ -f "$dir/data/postmaster.pid" ]]; then
      as_owner "$pgbin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac

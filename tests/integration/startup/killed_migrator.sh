#!/usr/bin/env bash
# A migrator killed with SIGKILL in the middle of a slow migration: the
# database stays at the previous revision (the step's transaction never
# commits), the dead session's advisory lock goes away, and the next start
# completes the migration.   Usage: killed_migrator.sh SLOW_APP SOURCE_DIR
set -euo pipefail
app=$1
source_dir=$2
work=$(mktemp -d /tmp/structmig-killed-XXXXXX)
chmod 755 "$work"
pg() { "$source_dir/scripts/throwaway-postgres.sh" "$@"; }
trap 'pg stop "$work/pg"; rm -rf "$work"' EXIT
url=$(pg start "$work/pg")
fail() { echo "FAIL: $*" >&2; exit 1; }
q() { psql "$url" -XAtc "$1"; }

echo "== start the migrator; its second migration sleeps for 120 s"
STRUCTMIG_TEST_SLEEP=120 "$app" "$url" >"$work/first.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  [[ $(q "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(120)%'") == 1 ]] && break
  sleep 0.1
done
[[ $(q "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(120)%'") == 1 ]] \
  || fail "the slow migration never started: $(cat "$work/first.log")"

echo "== kill -9 in the middle of it"
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
[[ $(q "SELECT revision FROM structmig_version") == aaaaaaaaaaaa ]] || fail "not at the previous revision"
[[ -z $(q "SELECT to_regclass('ledger')") ]] || fail "the killed migration's table is visible"

echo "== the next start completes it (the dead session's lock must not block it for 120 s)"
start=$(date +%s)
STRUCTMIG_TEST_SLEEP=0 timeout 60 "$app" "$url" || fail "the next start failed or hung"
[[ $(q "SELECT revision FROM structmig_version") == bbbbbbbbbbbb ]] || fail "not at head after the restart"
[[ -n $(q "SELECT to_regclass('ledger')") ]] || fail "the migration's table is missing"
[[ $(q "SELECT count(*) FROM structmig_history WHERE revision = 'bbbbbbbbbbbb'") == 1 ]] \
  || fail "the slow migration is recorded more than once"
echo "restart took $(( $(date +%s) - start )) s"
echo "PASS: killed migrator"

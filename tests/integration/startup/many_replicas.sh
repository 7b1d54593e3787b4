#!/usr/bin/env bash
# 16 replicas of the example application start at once on an empty database:
# all succeed, every migration is applied exactly once, and the database ends
# at head.   Usage: many_replicas.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source_dir=$2
work=$(mktemp -d /tmp/structmig-replicas-XXXXXX)
chmod 755 "$work"
pg() { "$source_dir/scripts/throwaway-postgres.sh" "$@"; }
trap 'pg stop "$work/pg"; rm -rf "$work"' EXIT
url=$(pg start "$work/pg")
fail() { echo "FAIL: $*" >&2; exit 1; }
q() { psql "$url" -XAtc "$1"; }

pids=()
for i in $(seq 1 16); do
  "$build/example/support_app" --url "$url" >"$work/replica-$i.log" 2>&1 &
  pids+=($!)
done
failed=0
for i in "${!pids[@]}"; do
  if ! wait "${pids[$i]}"; then
    failed=$((failed + 1))
    echo "replica $((i + 1)) failed:"; cat "$work/replica-$((i + 1)).log"
  fi
done
[[ $failed -eq 0 ]] || fail "$failed of 16 replicas failed"

migrations=$(find "$source_dir/migrations" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]_*.cpp' | wc -l)
[[ $(q "SELECT count(*) FROM structmig_history WHERE direction = 'upgrade'") == "$migrations" ]] \
  || fail "expected $migrations upgrade rows: $(q "SELECT revision, count(*) FROM structmig_history GROUP BY 1")"
[[ $(q "SELECT count(DISTINCT revision) FROM structmig_history") == "$migrations" ]] || fail "a migration is missing"
appliers=$(grep -l '^  upgrade ' "$work"/replica-*.log | wc -l)
[[ $appliers -eq 1 ]] || fail "$appliers replicas applied migrations; exactly one should have"
[[ $(q "SELECT count(*) FROM tickets") == 16 ]] || fail "each replica should have written one ticket"
head=$("$build/example/support_migrate" --url "$url" current)
echo "$head" | grep -q "(head)" || fail "not at head: $head"
echo "PASS: 16 replicas, every migration applied once"

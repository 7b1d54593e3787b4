#!/usr/bin/env bash
# 8 replicas start at once, 10 rounds, each on a fresh database, on a history
# whose last migration builds an index concurrently on 200,000 rows
# (index_app.cpp). In every round: no replica fails, none reports a deadlock,
# no INVALID index is left, each migration is applied exactly once (by one
# replica), and the database ends at head. Every round runs; the failures are
# counted and printed before the verdict.
#   Usage: replicas_with_concurrent_index.sh INDEX_APP SOURCE_DIR
set -euo pipefail
app=$1
source_dir=$2
replicas=8
rounds=${STRUCTMIG_TEST_ROUNDS:-10}
work=$(mktemp -d /tmp/structmig-cic-replicas-XXXXXX)
chmod 755 "$work"
pg() { "$source_dir/scripts/throwaway-postgres.sh" "$@"; }
trap 'pg stop "$work/pg"; rm -rf "$work"' EXIT
admin=$(pg start "$work/pg")

bad_rounds=0
for round in $(seq 1 "$rounds"); do
  db=round_$round
  psql "$admin" -XAtqc "CREATE DATABASE $db"
  url=${admin/dbname=postgres/dbname=$db}
  q() { psql "$url" -XAtc "$1"; }
  started=$(date +%s.%N)
  pids=()
  for i in $(seq 1 $replicas); do
    "$app" "$url" >"$work/r$round-$i.log" 2>&1 &
    pids+=($!)
  done
  problems=()
  failed=0
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || failed=$((failed + 1))
  done
  [[ $failed -eq 0 ]] || problems+=("$failed of $replicas replicas failed")
  deadlocks=$(grep -il 'deadlock' "$work"/r$round-*.log | wc -l || true)
  [[ $deadlocks -eq 0 ]] || problems+=("$deadlocks replicas reported a deadlock")
  invalid=$(q "SELECT count(*) FROM pg_index WHERE NOT indisvalid")
  [[ $invalid == 0 ]] || problems+=("$invalid INVALID index(es)")
  rows=$(q "SELECT coalesce(string_agg(revision || '=' || n, ',' ORDER BY revision), '') FROM (SELECT revision, count(*) n FROM structmig_history WHERE direction = 'upgrade' GROUP BY 1) h" 2>/dev/null || echo none)
  [[ $rows == "eeeeeeeeeeee=1,ffffffffffff=1" ]] || problems+=("history upgrade rows: $rows")
  version=$(q "SELECT string_agg(revision, ',') FROM structmig_version" 2>/dev/null || echo none)
  [[ $version == ffffffffffff ]] || problems+=("version: $version")
  appliers=$(grep -l '^  upgrade ffffffffffff' "$work"/r$round-*.log | wc -l || true)
  [[ $appliers -eq 1 ]] || problems+=("$appliers replicas applied the index migration")
  took=$(echo "$(date +%s.%N) - $started" | bc)
  if [[ ${#problems[@]} -eq 0 ]]; then
    printf 'round %2d: ok in %.1f s\n' "$round" "$took"
  else
    bad_rounds=$((bad_rounds + 1))
    printf 'round %2d: FAILED in %.1f s: %s\n' "$round" "$took" "$(IFS=';'; echo "${problems[*]}")"
    grep -h 'error\|deadlock' "$work"/r$round-*.log | sort | uniq -c | head -5 || true
  fi
  psql "$admin" -XAtqc "DROP DATABASE $db" >/dev/null 2>&1 || true
done
[[ $bad_rounds -eq 0 ]] || { echo "FAIL: $bad_rounds of $rounds rounds failed" >&2; exit 1; }
echo "PASS: $replicas replicas x $rounds rounds, the concurrent index built once per round, no deadlock"

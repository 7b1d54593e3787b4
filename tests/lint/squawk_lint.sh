#!/usr/bin/env bash
# Lints the SQL of every migration of a history with Squawk, one migration
# per file, as `migrate upgrade --sql FROM:+1` renders it for a DBA (the same
# steps, lock timeouts and transactions the migrator runs online). Fails when
# Squawk reports any of the lock-safety rules below on what structmig
# generated; other findings are printed for information.
# Usage: squawk_lint.sh MIGRATE_CLI SQUAWK OUTPUT_DIR
set -euo pipefail
cli=$1
squawk=$2
out=$3

# What a busy production database must never get from generated SQL. Squawk
# 2.x names the lock-timeout part of require-timeout-settings require-lock-timeout.
rules=(
  require-concurrent-index-creation
  require-concurrent-index-deletion
  constraint-missing-not-valid
  adding-foreign-key-constraint
  disallowed-unique-constraint
  adding-not-nullable-field
  adding-required-field
  changing-column-type
  require-lock-timeout
  require-timeout-settings
)

[[ -x $squawk ]] || { echo "FAIL: squawk not found at $squawk (scripts/setup.sh installs it)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"

from=base
count=0
while :; do
  sql=$("$cli" --url "postgresql:///nowhere" upgrade --sql "$from:+1" 2>"$out/err") || {
    grep -q "goes past the head" "$out/err" && break  # the end of the history
    cat "$out/err" >&2
    exit 1
  }
  header=$(head -1 <<<"$sql")
  [[ $header == *": 0 migration(s)" ]] && break
  to=$(sed -E 's/^-- structmig upgrade from [^ ]+ to ([^:]+):.*/\1/' <<<"$header")
  count=$((count + 1))
  printf '%s\n' "$sql" >"$out/$(printf '%04d' "$count")_$to.sql"
  from=$to
done
[[ $count -gt 0 ]] || { echo "FAIL: no migration rendered" >&2; exit 1; }

pattern=$(IFS='|'; echo "${rules[*]}")
findings=$("$squawk" --pg-version 15 --reporter gcc "$out"/*.sql 2>&1 || true)
blocking=$(grep -E ": (warning|error): ($pattern) " <<<"$findings" || true)
others=$(grep -cE ": (warning|error): " <<<"$findings" || true)
echo "squawk: $count migration(s) linted, $others finding(s) in all"
if [[ -n $blocking ]]; then
  echo "FAIL: lock-safety findings on generated SQL:" >&2
  echo "$blocking" >&2
  exit 1
fi
echo "squawk: 0 findings of: ${rules[*]}"

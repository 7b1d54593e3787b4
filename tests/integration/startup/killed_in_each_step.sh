#!/usr/bin/env bash
# A migrator killed with SIGKILL inside each step of a six-step migration
# (stepped_app.cpp), then started again. For each step k, on a fresh database:
# the first start is made slow inside step k (app.pause_step = k); once
# structmig_progress says k-1 steps are done and the server is running step
# k's statement, the process is killed. Then: the version has not moved, the
# progress still says k-1; the next start resumes and ends at head with every
# index valid, every constraint validated, every label filled, the migration
# recorded once, and each transactional step's marker row written once.
#   Usage: killed_in_each_step.sh STEPPED_APP SOURCE_DIR
set -euo pipefail
app=$1
source_dir=$2
work=$(mktemp -d /tmp/structmig-steps-XXXXXX)
chmod 755 "$work"
pg() { "$source_dir/scripts/throwaway-postgres.sh" "$@"; }
trap 'pg stop "$work/pg"; rm -rf "$work"' EXIT
admin=$(pg start "$work/pg")
fail() { echo "FAIL (step $step): $*" >&2; exit 1; }

# What the server runs while the first start is inside step k.
inside_step() {
  case $1 in
    1 | 3 | 4 | 6) echo "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query = 'SELECT test_pause($1)'" ;;
    2) echo "SELECT count(*) FROM pg_stat_progress_create_index p JOIN pg_class c ON c.oid = p.index_relid WHERE c.relname = 'ix_items_slow_id' AND p.phase LIKE 'building index%'" ;;
    5) echo "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'DO \$structmig\$%' AND (SELECT count(*) FROM items WHERE label IS NOT NULL) > 0" ;;
  esac
}

for step in 1 2 3 4 5 6; do
  db=step_$step
  psql "$admin" -XAtqc "CREATE DATABASE $db"
  psql "$admin" -XAtqc "ALTER DATABASE $db SET app.pause_step = '$step'"
  url=${admin/dbname=postgres/dbname=$db}
  q() { psql "$url" -XAtc "$1"; }
  done_steps() { q "SELECT coalesce((SELECT steps_done FROM structmig_progress WHERE revision = 'bbbbbbbbbbbb'), 0)" 2>/dev/null || echo none; }

  started=$(date +%s.%N)
  "$app" "$url" >"$work/first-$step.log" 2>&1 &
  pid=$!
  reached=no
  for _ in $(seq 1 600); do
    if [[ $(done_steps) == $((step - 1)) && $(q "$(inside_step $step)" 2>/dev/null) == 1 ]]; then
      reached=yes
      break
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  [[ $reached == yes ]] || fail "never observed inside step $step (progress $(done_steps)): $(cat "$work/first-$step.log")"
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true

  # What the kill left: the version at the first migration, k-1 steps recorded.
  [[ $(q "SELECT string_agg(revision, ',') FROM structmig_version") == aaaaaaaaaaaa ]] || fail "the version moved"
  [[ $(done_steps) == $((step - 1)) ]] || fail "progress $(done_steps) after the kill"
  left=""
  if [[ $step == 2 ]]; then
    # The kill hit the build: the server cancels it when it notices the dead
    # client (client_connection_check_interval), leaving an INVALID index.
    for _ in $(seq 1 100); do
      left=$(q "SELECT count(*) FROM pg_index WHERE indexrelid = to_regclass('ix_items_slow_id') AND NOT indisvalid")
      [[ $left == 1 ]] && break
      sleep 0.1
    done
    [[ $left == 1 ]] || fail "no INVALID index left by the killed build"
    left="an INVALID ix_items_slow_id"
  fi
  if [[ $step == 5 ]]; then
    left=$(q "SELECT count(*) FROM items WHERE label IS NOT NULL")
    [[ $left -gt 0 && $left -lt 20000 ]] || fail "expected a partly done backfill, found $left labels"
    left="$left of 20000 labels committed"
  fi

  # The next start, not slow anywhere, resumes and finishes.
  psql "$admin" -XAtqc "ALTER DATABASE $db RESET app.pause_step"
  timeout 60 "$app" "$url" >"$work/second-$step.log" 2>&1 || fail "the restart failed: $(cat "$work/second-$step.log")"
  [[ $(q "SELECT string_agg(revision, ',') FROM structmig_version") == bbbbbbbbbbbb ]] || fail "not at head after the restart"
  [[ $(q "SELECT count(*) FROM structmig_history WHERE revision = 'bbbbbbbbbbbb' AND direction = 'upgrade'") == 1 ]] \
    || fail "the migration is not recorded exactly once"
  [[ $(q "SELECT count(*) FROM structmig_progress") == 0 ]] || fail "progress left behind"
  [[ $(q "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid WHERE c.relname = 'items' AND NOT (i.indisvalid AND i.indisready)") == 0 ]] \
    || fail "an index is not valid: $(q "SELECT indexrelid::regclass FROM pg_index WHERE NOT indisvalid")"
  [[ $(q "SELECT count(*) FROM pg_index WHERE indexrelid = 'ix_items_slow_id'::regclass AND indisvalid") == 1 ]] || fail "the index is missing"
  [[ $(q "SELECT string_agg(conname || '=' || convalidated, ',' ORDER BY conname) FROM pg_constraint WHERE conrelid = 'items'::regclass AND contype IN ('f', 'c')") \
     == "ck_items_qty=true,fk_items_parent_id_parents=true" ]] || fail "a constraint is not validated"
  [[ $(q "SELECT count(*) FROM items WHERE label IS DISTINCT FROM 'L' || id") == 0 ]] || fail "the backfill is incomplete or wrong"
  [[ $(q "SELECT attnotnull FROM pg_attribute WHERE attrelid = 'items'::regclass AND attname = 'label'") == t ]] || fail "label is not NOT NULL"
  markers=$(q "SELECT string_agg(step::text, ',' ORDER BY step) FROM markers")
  [[ $markers == "1,3,4,6" ]] || fail "a transactional step ran twice or not at all: markers $markers"
  if [[ $step -gt 1 ]]; then
    grep -q "resuming migration bbbbbbbbbbbb (safe recipe in steps) at step $step" "$work/second-$step.log" \
      || fail "the restart did not say where it resumed: $(cat "$work/second-$step.log")"
  fi
  if [[ $step == 2 ]]; then
    grep -q "ix_items_slow_id on items is INVALID" "$work/second-$step.log" \
      || fail "the restart did not rebuild the INVALID index: $(cat "$work/second-$step.log")"
  fi
  printf 'step %s: killed and resumed in %.1f s (the kill left: %s)\n' "$step" "$(echo "$(date +%s.%N) - $started" | bc)" "${left:-nothing special}"
done
echo "PASS: killed inside each of 6 steps, each resumed to head once"

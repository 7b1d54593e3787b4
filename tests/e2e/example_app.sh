#!/usr/bin/env bash
# The example application against a throwaway PostgreSQL it did not know
# before: the first start applies the whole committed history, the second
# applies nothing (both write and read rows through the generated row
# mapping); the migrate command line goes down to base and back up, and its
# `check` compares the database with the models compiled into it; its history
# drawn by `history --graph -i` is laid out by Graphviz (dot) with every
# migration, the head and the current revision marked.
# Usage: example_app.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
build=$1
source_dir=$2
app=$build/example/support_app
migrate=$build/example/support_migrate

source "$source_dir/tests/e2e/e2e_common.sh"
e2e_work example
e2e_postgres

migrations=$(find "$source_dir/migrations" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]_*.cpp' | wc -l)
[[ $migrations -ge 2 ]] || fail "the example should have at least two committed migrations"

echo "== first start"
out=$("$app" --url "$url") || fail "first start failed: $out"
echo "$out"
[[ $(grep -c '^  upgrade ' <<<"$out") -eq $migrations ]] || fail "expected $migrations upgrade steps"
grep -q "priority=normal" <<<"$out" || fail "the ticket did not get the priority default"
grep -q "rated 5/5" <<<"$out" || fail "the satisfaction rating was not written and read back"

echo "== second start"
out=$(DATABASE_URL=$url "$app") || fail "second start failed: $out"
echo "$out"
grep -q 'already at head' <<<"$out" || fail "second start was not a no-op"
grep -q '^  upgrade ' <<<"$out" && fail "second start applied something"

echo "== migrate CLI: current, downgrade base, upgrade head"
head=$("$migrate" --url "$url" current) || fail "current failed"
echo "$head"
"$migrate" --url "$url" downgrade base || fail "downgrade base failed"
[[ -z $(psql "$url" -Atc "select tablename from pg_tables where schemaname='public' and tablename in ('users','tickets')") ]] \
  || fail "tables are left after downgrade base"
"$migrate" --url "$url" upgrade || fail "upgrade failed"
[[ $("$migrate" --url "$url" current) == "$head" ]] || fail "not back at $head"
out=$("$app" --url "$url") || fail "start after the round trip failed"
grep -q 'already at head' <<<"$out" || fail "not at head after the round trip"
"$migrate" --url "$url" history
"$migrate" --url "$url" downgrade nosuchrevision 2>"$work/err" && fail "a bad target succeeded"
grep -q 'error' "$work/err" || fail "no error line for a bad target"

echo "== migrate CLI: the history as a graph, laid out by dot"
"$migrate" --url "$url" history --graph -i >"$work/history.dot" || fail "history --graph failed"
dot -Tplain "$work/history.dot" >"$work/history.plain" || fail "dot rejected the graph"
# node NAME X Y W H LABEL STYLE SHAPE COLOR FILL; edge TAIL HEAD …
[[ $(grep -c '^node ' "$work/history.plain") -eq $((migrations + 1)) ]] \
  || fail "expected $migrations revisions and base in the graph"
[[ $(grep -c '^edge ' "$work/history.plain") -eq $migrations ]] || fail "expected $migrations edges"
head_rev=${head%% *}
# dot quotes a name that starts with a digit.
grep -q "^node \"\?$head_rev\"\? .*(head) (current)\" filled box blue palegreen\$" "$work/history.plain" \
  || fail "the head $head_rev is not marked head and current: $(grep "$head_rev" "$work/history.plain")"
[[ $(grep -c 'palegreen' "$work/history.plain") -eq 1 ]] || fail "more than one current revision"
[[ $("$migrate" --version) == "structmig "* ]] || fail "migrate --version does not print structmig's"

echo "== migrate CLI: check against the compiled models"
out=$("$migrate" --url "$url" check) || fail "check failed on the migrated database: $out"
echo "$out"
grep -q 'the database matches the models' <<<"$out" || fail "check did not report a match"
psql "$url" -qc "ALTER TABLE tickets ALTER COLUMN priority SET DEFAULT 'low'" || fail "psql failed"
set +e
out=$("$migrate" --url "$url" check)
status=$?
set -e
echo "$out"
[[ $status -eq 1 ]] || fail "check exited $status on a drifted database (expected 1)"
grep -q 'tickets.priority' <<<"$out" || fail "the drift report does not name tickets.priority"
echo "PASS: example application"

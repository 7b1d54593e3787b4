#!/usr/bin/env bash
# End-to-end: the migration history as a graph, with real git and a real
# PostgreSQL. A scratch copy of the consumer project becomes a git repository;
# two branches each add a model field (and so a migration); `git merge`
# conflicts on the snapshot only; the build then fails naming both heads (in
# check mode too) until the migrations_merge target joins them; the database
# gets both branches' migrations and the merge. Then migrations_revision
# writes a hand-written migration on the head, and editing a migration file
# re-runs the tool and changes the checksum compiled into the app.
# Usage: history_e2e.sh STRUCTMIG_BUILD_DIR SOURCE_DIR
set -euo pipefail
structmig_build=$1
source_dir=$2

source "$source_dir/tests/e2e/e2e_common.sh"
e2e_work history-e2e
cp -r "$source_dir/tests/e2e/consumer" "$work/src"
src=$work/src
model=$src/models/note.hpp
snapshot=$src/migrations/schema.snapshot.json
build_dir=$work/build
index=$build_dir/structmig_consumer_migrations/migrations_index.cpp

repo() {
  git -C "$src" -c user.name=structmig-e2e -c user.email=e2e@example.invalid \
    -c commit.gpgsign=false -c core.hooksPath=/dev/null "$@"
}
migration_files() { find "$src/migrations" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]_*.cpp' | sort; }
count_migrations() { migration_files | wc -l; }
revision_of() { sed -n 's/.*\.revision = "\([0-9a-f]*\)".*/\1/p' "$1"; }
snapshot_head() { sed -n 's/.*"head": "\([0-9a-f]*\)".*/\1/p' "$snapshot"; }
build() {  # dir [target]
  cmake --build "$1" ${2:+--target "$2"} 2>&1 | tee "$work/last-build.log"
  return "${PIPESTATUS[0]}"
}
tool_ran() { grep -q "structmig: reading the models" "$work/last-build.log"; }
configure() {  # dir [extra args]
  local dir=$1
  shift
  cmake -S "$src" -B "$dir" -G Ninja -Dstructmig_DIR="$structmig_build" "$@" >"$work/configure.log" 2>&1 \
    || { cat "$work/configure.log"; fail "configure failed"; }
}
# Edits FILE with a sed script in place (same inode): the directory does not
# change, as with an editor that writes into the file, so only the file's own
# entry in the depfile can make the tool re-run.
edit_in_place() {
  local text
  text=$(sed "$2" "$1")
  printf '%s\n' "$text" >"$1"
}
# The checksum the index defines just before it includes FILE.
indexed_checksum() {
  grep -B1 -F "#include \"$1\"" "$index" | sed -n 's/^#define STRUCTMIG_CURRENT_CHECKSUM "\([0-9a-f]*\)"$/\1/p'
}

echo "== 1. base: the initial migration, committed"
configure "$build_dir"
repo init -q -b main
build "$build_dir" || fail "first build failed"
[[ $(count_migrations) -eq 1 ]] || fail "expected the initial migration"
repo add -A
repo commit -q -m "base: notes"
base_rev=$(revision_of "$(migration_files)")

echo "== 2. branch A adds notes.priority"
repo checkout -q -b branch-a
sed -i 's|^  std::optional<std::string> body;|&\n  STRUCTMIG_COLUMN(varchar(20), default("'"'"'normal'"'"'")) std::string priority;|' "$model"
build "$build_dir" || fail "build on branch A failed"
file_a=$src/migrations/0002_add_notes_priority.cpp
[[ -f $file_a ]] || fail "branch A: unexpected files: $(migration_files)"
rev_a=$(revision_of "$file_a")
repo add -A
repo commit -q -m "A: priority"

echo "== 3. branch B (from the same base) adds notes.votes"
repo checkout -q main
repo checkout -q -b branch-b
sed -i 's|^  // @EXTRA_FIELDS@|  STRUCTMIG_COLUMN(default("0")) std::int32_t votes;\n&|' "$model"
build "$build_dir" || fail "build on branch B failed"
file_b=$src/migrations/0002_add_notes_votes.cpp
[[ -f $file_b ]] || fail "branch B: unexpected files: $(migration_files)"
rev_b=$(revision_of "$file_b")
grep -q "\.parents = {\"$base_rev\"}" "$file_b" || fail "branch B's migration is not on the base"
repo add -A
repo commit -q -m "B: votes"

echo "== 4. git merge: only the snapshot conflicts; resolved by taking one side"
repo checkout -q branch-a
repo merge -q --no-edit branch-b >"$work/merge.log" 2>&1 && fail "the merge did not conflict on the snapshot"
conflicts=$(repo diff --name-only --diff-filter=U)
[[ $conflicts == migrations/schema.snapshot.json ]] || fail "unexpected conflicts: $conflicts"
grep -q "std::string priority;" "$model" && grep -q "std::int32_t votes;" "$model" \
  || fail "the merged model lacks a branch's field"
repo checkout -q --ours migrations/schema.snapshot.json
repo add migrations/schema.snapshot.json
repo commit -q --no-edit
[[ $(count_migrations) -eq 3 ]] || fail "expected 3 migrations after the merge"

echo "== 5. the build fails, naming both heads and the fix"
snapshot_sum=$(md5sum "$snapshot")
build "$build_dir" && fail "the build passed with two heads"
grep -q "the history has 2 heads (branches were merged in git); run the migrations_merge target (structmig merge) to join them" \
  "$work/last-build.log" || fail "no several-heads message"
grep -q "head $rev_a in $file_a: \"add notes priority\"" "$work/last-build.log" || fail "head A not named"
grep -q "head $rev_b in $file_b: \"add notes votes\"" "$work/last-build.log" || fail "head B not named"
[[ $(count_migrations) -eq 3 ]] || fail "a migration was generated on top of two heads"
[[ $(md5sum "$snapshot") == "$snapshot_sum" ]] || fail "the snapshot changed"

echo "== 6. check mode with two heads fails too"
configure "$work/check" -DSTRUCTMIG_CHECK=ON
build "$work/check" && fail "check mode passed with two heads"
grep -q "the history has 2 heads" "$work/last-build.log" || fail "check mode: no several-heads message"

echo "== 7. migrations_merge joins them"
build "$build_dir" migrations_merge || fail "migrations_merge failed"
[[ $(count_migrations) -eq 4 ]] || fail "expected a merge migration: $(migration_files)"
merge_file=$(migration_files | grep '/0003_merge_')
merge_rev=$(revision_of "$merge_file")
expected_parents=$(printf '%s\n' "$rev_a" "$rev_b" | sort | sed 's/.*/"&"/' | paste -sd, | sed 's/,/, /')
grep -q "\.parents = {$expected_parents}," "$merge_file" || fail "merge parents are not {$expected_parents}"
[[ $(snapshot_head) == "$merge_rev" ]] || fail "the snapshot's head is not the merge $merge_rev"
grep -q '"name": "priority"' "$snapshot" && grep -q '"name": "votes"' "$snapshot" \
  || fail "the snapshot lacks a branch's column"
build "$build_dir" migrations_merge || fail "a second migrations_merge failed"
grep -q "nothing to merge" "$work/last-build.log" || fail "a second merge did not say there is nothing to merge"
[[ $(count_migrations) -eq 4 ]] || fail "a second merge wrote a file"

echo "== 8. the build passes with one head and generates nothing"
build "$build_dir" || fail "the build failed after the merge"
[[ $(count_migrations) -eq 4 ]] || fail "the build generated a migration after the merge"
"$build_dir/consumer_app" | grep -q "^$merge_rev " || fail "the merge is not compiled into the app"
build "$work/check" || fail "check mode failed after the merge"

echo "== 9. PostgreSQL gets both branches and the merge"
e2e_postgres
"$build_dir/consumer_migrate" --url "$url" upgrade || fail "upgrade failed"
current=$("$build_dir/consumer_migrate" --url "$url" current) || fail "current failed"
echo "$current"
grep -q "^$merge_rev (head)" <<<"$current" || fail "the database is not at the merge $merge_rev"
columns=$(psql "$url" -Atc "select column_name from information_schema.columns where table_name = 'notes' order by 1")
grep -qx priority <<<"$columns" && grep -qx votes <<<"$columns" || fail "columns missing: $columns"

echo "== 10. migrations_revision: a hand-written migration on the head"
build "$build_dir" migrations_revision && fail "migrations_revision without a message succeeded"
grep -q "needs a message" "$work/last-build.log" || fail "no message error"
schema_before=$(grep -v '"head"' "$snapshot")
STRUCTMIG_MESSAGE="Backfill votes" build "$build_dir" migrations_revision || fail "migrations_revision failed"
hand=$src/migrations/0004_backfill_votes.cpp
[[ -f $hand ]] || fail "no hand-written migration: $(migration_files)"
hand_rev=$(revision_of "$hand")
grep -q "\.parents = {\"$merge_rev\"}," "$hand" || fail "the hand-written migration is not on the merge"
grep -q "\.transactional = true," "$hand" || fail "the hand-written migration is not transactional"
[[ $(snapshot_head) == "$hand_rev" ]] || fail "the snapshot's head did not move to $hand_rev"
[[ $(grep -v '"head"' "$snapshot") == "$schema_before" ]] || fail "migrations_revision changed the schema"
build "$build_dir" || fail "the build after migrations_revision failed"
tool_ran || fail "the tool did not re-run after a migration file was added"
"$build_dir/consumer_app" | grep -q "^$hand_rev " || fail "the hand-written migration is not compiled in"
[[ $(count_migrations) -eq 5 ]] || fail "the build generated something after migrations_revision"

echo "== 11. editing a migration re-runs the tool; the index and the app get the new checksum"
old_sum=$(indexed_checksum "$hand")
[[ $old_sum == $(sha256sum "$hand" | cut -d' ' -f1) ]] || fail "the index checksum is not the file's SHA-256"
"$build_dir/consumer_app" | grep -q "^$hand_rev $old_sum " || fail "the app does not carry the checksum"
dir_time=$(stat -c %Y.%y "$src/migrations")
edit_in_place "$hand" 's|^  // Operations run in order.*|  op.execute("UPDATE notes SET votes = 1 WHERE votes = 0");\n&|'
edit_in_place "$hand" 's|^void upgrade(\[\[maybe_unused\]\] structmig::Ops& op)|void upgrade(structmig::Ops\& op)|'
[[ $(stat -c %Y.%y "$src/migrations") == "$dir_time" ]] || fail "the edit changed the directory"
grep -q 'op.execute("UPDATE notes SET votes = 1' "$hand" || fail "the edit did not happen"
build "$build_dir" || fail "the build after editing a migration failed"
tool_ran || fail "the tool did not re-run after a migration file was edited (depfile)"
new_sum=$(indexed_checksum "$hand")
[[ $new_sum != "$old_sum" && $new_sum == $(sha256sum "$hand" | cut -d' ' -f1) ]] \
  || fail "the index checksum did not follow the edit ($old_sum -> $new_sum)"
"$build_dir/consumer_app" | grep -q "^$hand_rev $new_sum " || fail "the app was not rebuilt with the new checksum"
build "$build_dir" || fail "no-op build failed"
tool_ran && fail "the tool ran on a no-op build"

echo "== 12. a non-transactional hand-written migration, then a model change on top"
STRUCTMIG_MESSAGE="Index titles concurrently" STRUCTMIG_NON_TRANSACTIONAL=1 \
  build "$build_dir" migrations_revision || fail "non-transactional migrations_revision failed"
concurrent=$src/migrations/0005_index_titles_concurrently.cpp
[[ -f $concurrent ]] || fail "no non-transactional migration: $(migration_files)"
concurrent_rev=$(revision_of "$concurrent")
grep -q "\.transactional = false," "$concurrent" || fail "not marked .transactional = false"
grep -q "\.parents = {\"$hand_rev\"}," "$concurrent" || fail "not on the previous hand-written migration"
sed -i 's|^  // Operations run in order.*|  op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_notes_title_cc ON notes (title)");\n&|' "$concurrent"
sed -i 's|^void upgrade(\[\[maybe_unused\]\] structmig::Ops& op)|void upgrade(structmig::Ops\& op)|' "$concurrent"
sed -i 's|^  // @EXTRA_FIELDS@|  std::optional<std::string> tag;\n&|' "$model"
build "$build_dir" || fail "the build after a model change failed"
generated=$(migration_files | tail -1)
[[ $(basename "$generated") == 0006_add_notes_tag.cpp ]] || fail "unexpected generated file: $generated"
grep -q "\.parents = {\"$concurrent_rev\"}," "$generated" || fail "the generated migration is not on the head"
[[ $(grep -c '^  op\.' "$generated") -eq 2 ]] || fail "the generated migration holds more than the new column"
"$build_dir/consumer_migrate" --url "$url" upgrade || fail "upgrade of the hand-written migrations failed"
[[ $(psql "$url" -Atc "select count(*) from pg_indexes where indexname = 'ix_notes_title_cc'") -eq 1 ]] \
  || fail "the concurrent index was not created"
grep -qx tag <<<"$(psql "$url" -Atc "select column_name from information_schema.columns where table_name = 'notes'")" \
  || fail "notes.tag was not added"
"$build_dir/consumer_migrate" --url "$url" current | grep -q "^$(revision_of "$generated") (head)" \
  || fail "the database is not at the head"
echo "PASS: history e2e (branches, merge, revision, checksums)"

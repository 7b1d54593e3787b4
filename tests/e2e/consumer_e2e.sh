#!/usr/bin/env bash
# End-to-end: a scratch copy of a consumer project, built with CMake against
# this build of structmig. Usage: consumer_e2e.sh autogen|check STRUCTMIG_BUILD_DIR SOURCE_DIR
set -euo pipefail
mode=$1
structmig_build=$2
source_dir=$3

work=$(mktemp -d /tmp/structmig-e2e-XXXXXX)
trap 'rm -rf "$work"' EXIT
cp -r "$source_dir/tests/e2e/consumer" "$work/src"
src=$work/src
model=$src/models/note.hpp

fail() { echo "FAIL: $*" >&2; exit 1; }
migration_files() { find "$src/migrations" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]_*.cpp' | sort; }
count_migrations() { migration_files | wc -l; }
add_field() { sed -i "s|// @EXTRA_FIELDS@|$1\n  // @EXTRA_FIELDS@|" "$model"; }
build() { cmake --build "$1" 2>&1 | tee "$work/last-build.log"; return "${PIPESTATUS[0]}"; }
tool_ran() { grep -q "structmig: reading the models" "$work/last-build.log"; }
# Bytes and modification time (ns) of every file the tool writes in build dir $1.
generated_state() {
  local gen=$1/structmig_consumer_migrations
  for f in "$gen/migrations_index.cpp" "$gen/compiled_schema.cpp" \
           "$gen/include/consumer_migrations/models.hpp" "$gen/models.d"; do
    [[ -f $f ]] || fail "missing generated file $f"
    echo "$(md5sum <"$f") $(stat -c %.9Y "$f") $f"
  done
}
# A model header touched or reformatted without a schema change: the tool
# runs and writes nothing (same bytes, same mtime), and no generated source is
# compiled. Usage: expect_nothing_generated BUILD_DIR WHAT
expect_nothing_generated() {
  local before
  before=$(generated_state "$1")
  build "$1" || fail "build after $2 failed"
  tool_ran || fail "the tool did not run after $2"
  grep -q "structmig: the models match the snapshot; no file written" "$work/last-build.log" \
    || fail "the tool did not say it wrote nothing after $2"
  [[ $(generated_state "$1") == "$before" ]] \
    || fail "generated files changed after $2:"$'\n'"$before"$'\n'"$(generated_state "$1")"
  grep -E "Building CXX object .*(migrations_index|compiled_schema)\.cpp" "$work/last-build.log" \
    && fail "a generated source was recompiled after $2"
  grep -q "Building CXX object .*main\.cpp" "$work/last-build.log" \
    || fail "the app (it includes the model) was not recompiled after $2: the test proves nothing"
}

configure() {  # dir generator [extra args]
  local dir=$1 gen=$2
  shift 2
  cmake -S "$src" -B "$dir" -G "$gen" -Dstructmig_DIR="$structmig_build" "$@" >"$work/configure.log" 2>&1 \
    || { cat "$work/configure.log"; fail "configure failed"; }
}

case "$mode" in
autogen)
  configure "$work/build" Ninja

  echo "== 1. first build generates the initial migration and compiles it in"
  build "$work/build" || fail "first build failed"
  tool_ran || fail "the tool did not run on the first build"
  [[ $(count_migrations) -eq 1 ]] || fail "expected 1 migration, got $(count_migrations)"
  [[ -f $src/migrations/schema.snapshot.json ]] || fail "no snapshot written"
  grep -q '"name": "archived"' "$src/migrations/schema.snapshot.json" \
    || fail "the model target's definition (CONSUMER_WITH_ARCHIVE) did not reach the tool"
  [[ $("$work/build/consumer_app" | wc -l) -eq 1 ]] || fail "the app does not contain the migration"
  models_out=$("$work/build/consumer_app" --models)
  echo "$models_out"
  grep -qx "notes.id bigint none key" <<<"$models_out" || fail "no generated metadata for notes.id"
  grep -qx "notes.title character varying(80) none" <<<"$models_out" || fail "no metadata for notes.title"
  grep -qx "notes.archived boolean server_default" <<<"$models_out" \
    || fail "the generated metadata lacks notes.archived (the model target's definition)"
  generated_header=$work/build/structmig_consumer_migrations/include/consumer_migrations/models.hpp
  grep -q 'STRUCTMIG_FIELD(Note, 0, consumer::Id);' "$generated_header" \
    || fail "the metadata does not spell the field type as written: $(cat "$generated_header")"
  mkdir -p "$src/stale/consumer_migrations"
  cp "$generated_header" "$src/stale/consumer_migrations/models.hpp"

  echo "== 2. a no-op build does not start the tool"
  snapshot_sum=$(md5sum "$src/migrations/schema.snapshot.json")
  build "$work/build" || fail "no-op build failed"
  tool_ran && fail "the tool ran on a no-op build"
  [[ $(md5sum "$src/migrations/schema.snapshot.json") == "$snapshot_sum" ]] || fail "snapshot changed"

  echo "== 3. a model change gives exactly one new migration, compiled into the same build"
  before=$(migration_files)
  add_field 'STRUCTMIG_COLUMN(varchar(20), default("'"'"'normal'"'"'")) std::string priority;'
  echo "== 3a. the kept (now stale) metadata no longer compiles with the changed model"
  cmake --build "$work/build" --target consumer_stale >"$work/stale.log" 2>&1 \
    && fail "stale metadata compiled: $(cat "$work/stale.log")"
  grep -q "the generated metadata for Note is stale (it describes 4 fields)" "$work/stale.log" \
    || { cat "$work/stale.log"; fail "no stale-metadata message"; }
  build "$work/build" || fail "build after the model change failed"
  "$work/build/consumer_app" --models | grep -qx "notes.priority character varying(20) server_default" \
    || fail "the metadata was not regenerated in the same build"
  tool_ran || fail "the tool did not run after a model change"
  grep -q "Re-running CMake" "$work/last-build.log" && fail "CMake re-ran; the new file must not need it"
  [[ $(count_migrations) -eq 2 ]] || fail "expected 2 migrations, got $(count_migrations)"
  new_file=$(comm -13 <(echo "$before") <(migration_files))
  [[ $(basename "$new_file") == 0002_add_notes_priority.cpp ]] || fail "unexpected new file: $new_file"
  grep -q 'op.add_column("notes"' "$new_file" || fail "the new migration does not add the column"
  new_rev=$(sed -n 's/.*\.revision = "\([0-9a-f]*\)".*/\1/p' "$new_file")
  grep -q "\"head\": \"$new_rev\"" "$src/migrations/schema.snapshot.json" || fail "snapshot head is not $new_rev"
  [[ $("$work/build/consumer_app" | wc -l) -eq 2 ]] || fail "the new migration was not compiled into this build"
  "$work/build/consumer_app" | grep -q "^$new_rev " || fail "the app lacks revision $new_rev"

  echo "== 4. build again: nothing new, tool not started"
  build "$work/build" || fail "rebuild failed"
  tool_ran && fail "the tool ran although nothing changed"
  [[ $(count_migrations) -eq 2 ]] || fail "a migration appeared from nothing"

  echo "== 4b. a model header touched, then reformatted, without a schema change: nothing written or recompiled"
  sleep 1  # a later mtime than the last build's outputs, whatever the file system's resolution
  touch "$model"
  expect_nothing_generated "$work/build" "touching the model header"
  sed -i -e '1G' -e '1a // reformatted: a blank line and this comment, the same schema' "$model"
  expect_nothing_generated "$work/build" "reformatting the model header"
  build "$work/build" || fail "the build after that failed"
  grep -q "ninja: no work to do" "$work/last-build.log" \
    || fail "Ninja reran something after a build that wrote nothing (no restat?)"
  [[ $(count_migrations) -eq 2 ]] || fail "touching the model produced a migration"

  echo "== 5. a header the models include changes: the tool re-runs (depfile), nothing is generated"
  echo "// a comment" >>"$src/include/consumer/common.hpp"
  build "$work/build" || fail "build after touching an included header failed"
  tool_ran || fail "the tool did not re-run after an included header changed (depfile)"
  [[ $(count_migrations) -eq 2 ]] || fail "a comment produced a migration"

  echo "== 6. a model mistake fails the build at file:line:col and writes nothing"
  snapshot_sum=$(md5sum "$src/migrations/schema.snapshot.json")
  add_field 'STRUCTMIG_COLUMN(primray_key) std::string oops;'
  build "$work/build" && fail "a bad annotation did not fail the build"
  grep -Eq "note.hpp:[0-9]+:[0-9]+: error: .*primray_key" "$work/last-build.log" || fail "no file:line:col diagnostic"
  [[ $(count_migrations) -eq 2 ]] || fail "a migration was written despite the error"
  [[ $(md5sum "$src/migrations/schema.snapshot.json") == "$snapshot_sum" ]] || fail "snapshot changed despite the error"

  echo "== 7. a migration named at build time with STRUCTMIG_MESSAGE"
  sed -i 's|STRUCTMIG_COLUMN(primray_key) std::string oops;||' "$model"
  add_field 'std::optional<std::string> archived_by;'
  STRUCTMIG_MESSAGE="Track who archived a note" build "$work/build" || fail "build with STRUCTMIG_MESSAGE failed"
  [[ -f $src/migrations/0003_track_who_archived_a_note.cpp ]] || fail "STRUCTMIG_MESSAGE did not name the migration: $(migration_files)"
  grep -q '.message = "Track who archived a note"' "$src/migrations/0003_track_who_archived_a_note.cpp" \
    || fail "the message is not recorded in the migration"
  [[ $("$work/build/consumer_app" | wc -l) -eq 3 ]] || fail "the third migration was not compiled in"

  echo "== 8. a rename without renamed_from: refused as a drop; acknowledged, drop + add, said loudly"
  sed -i 's|std::optional<std::string> archived_by;|std::optional<std::string> archiver;|' "$model"
  build "$work/build" && fail "an unmarked rename (a dropped column) was not refused"
  grep -q 'error: dropping "notes"."archived_by" deletes its values' "$work/last-build.log" \
    || fail "the refusal does not name the dropped column"
  sed -i 's|STRUCTMIG_TABLE(notes)|STRUCTMIG_TABLE(notes, acknowledge(drop_column(archived_by)))|' "$model"
  build "$work/build" || fail "build after an acknowledged unmarked rename failed"
  grep -Eq "warning: column notes.archived_by was dropped and notes.archiver added.*renamed_from\(archived_by\)" \
    "$work/last-build.log" || fail "no build-time warning for the suspected rename"
  unmarked=$src/migrations/0004_add_notes_archiver_and_1_more.cpp
  [[ -f $unmarked ]] || fail "unexpected file for the unmarked rename: $(migration_files)"
  grep -q "^// WARNING: column notes.archived_by was dropped" "$unmarked" || fail "no warning comment in the migration"

  echo "== 9. the same rename marked with renamed_from becomes a RENAME"
  sed -i 's|std::optional<std::string> archiver;|STRUCTMIG_COLUMN(renamed_from(archiver)) std::optional<std::string> archived_by_user;|' "$model"
  build "$work/build" || fail "build after a marked rename failed"
  marked=$(migration_files | tail -1)
  grep -q 'op.rename_column("notes", "archiver", "archived_by_user");' "$marked" || fail "no rename_column in $marked"
  grep -q "drop_column" "$marked" && fail "a marked rename still drops the column"
  grep -q "warning:" "$work/last-build.log" && fail "a marked rename still warns"
  ;;

check)
  echo "== generate the history once (normal mode)"
  configure "$work/gen" Ninja
  build "$work/gen" || fail "generating build failed"
  [[ $(count_migrations) -eq 1 ]] || fail "expected the initial migration"

  echo "== check mode without drift passes (Unix Makefiles this time)"
  configure "$work/check" "Unix Makefiles" -DSTRUCTMIG_CHECK=ON
  build "$work/check" || fail "check mode failed without drift"
  tool_ran || fail "the tool did not run in check mode"
  [[ -f $work/check/structmig_consumer_migrations/include/consumer_migrations/models.hpp ]] \
    || fail "check mode did not generate the metadata header"
  "$work/check/consumer_app" --models | grep -qx "notes.title character varying(80) none" \
    || fail "the check-mode build lacks the generated metadata"
  [[ -z $(find "$src" -name models.hpp -o -name compiled_schema.cpp) ]] \
    || fail "generated sources were written into the source tree"

  echo "== check mode, Makefiles: a touched model writes and recompiles nothing (Make re-runs the tool: no restat)"
  sleep 1
  touch "$model"
  expect_nothing_generated "$work/check" "touching the model header (Unix Makefiles, check mode)"
  echo "== ... and the next Makefiles build runs the tool again (README), which writes and compiles nothing"
  build "$work/check" || fail "the second Makefiles build failed"
  tool_ran || fail "Make did not run the tool again: README's Makefiles note is stale"
  grep -q "no file written" "$work/last-build.log" || fail "the second Makefiles run wrote a file"
  grep -q "Building CXX object" "$work/last-build.log" && fail "the second Makefiles build compiled something"

  echo "== check mode with a drifted model fails, names the change and writes nothing"
  snapshot_sum=$(md5sum "$src/migrations/schema.snapshot.json")
  add_field 'STRUCTMIG_COLUMN(default("0")) std::int32_t votes;'
  build "$work/check" && fail "check mode passed despite drift"
  grep -q "the models differ" "$work/last-build.log" || fail "no drift report"
  grep -q "add column notes.votes integer" "$work/last-build.log" || fail "the drift report does not name notes.votes"
  grep -q "commit migrations/" "$work/last-build.log" || fail "the report does not say what to do"
  [[ $(count_migrations) -eq 1 ]] || fail "check mode wrote a migration"
  [[ $(md5sum "$src/migrations/schema.snapshot.json") == "$snapshot_sum" ]] || fail "check mode changed the snapshot"
  ;;
*)
  fail "unknown mode $mode"
  ;;
esac
echo "PASS: consumer e2e ($mode)"

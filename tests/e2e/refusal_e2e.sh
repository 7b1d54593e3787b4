#!/usr/bin/env bash
# End-to-end: changes the safe planner refuses fail the consumer's build at
# the model's file:line:col with nothing written, until the model acknowledges
# them. A scratch consumer gets a model with an enum and a second table, then
# each refused kind in turn: an int -> bigint type change, a new NOT NULL
# column without a default, a dropped column, a dropped table (reported at its
# line in the snapshot), a removed enum label and a volatile default. For each,
# the build fails with the diagnostic where expected and migrations/ is
# byte-for-byte unchanged (check mode fails the same way); after the
# acknowledgement the build writes exactly one migration, and that migration
# applies on a throwaway PostgreSQL whose tables hold rows (the data kept where
# the change keeps it), with `migrate check` clean after it.
# Usage: refusal_e2e.sh STRUCTMIG_BUILD_DIR SOURCE_DIR
set -euo pipefail
structmig_build=$1
source_dir=$2

source "$source_dir/tests/e2e/e2e_common.sh"
e2e_work refusal-e2e
cp -r "$source_dir/tests/e2e/consumer" "$work/src"
src=$work/src
model=$src/models/note.hpp
snapshot=$src/migrations/schema.snapshot.json

migration_files() { find "$src/migrations" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]_*.cpp' | sort; }
count_migrations() { migration_files | wc -l; }
# Every file of migrations/ with its content: any write shows.
migrations_sum() { (cd "$src/migrations" && find . -type f -print0 | sort -z | xargs -0 md5sum) | md5sum; }
build() { cmake --build "$1" 2>&1 | tee "$work/last-build.log"; return "${PIPESTATUS[0]}"; }
configure() {  # dir [extra args]
  local dir=$1
  shift
  cmake -S "$src" -B "$dir" -G Ninja -Dstructmig_DIR="$structmig_build" "$@" >"$work/configure.log" 2>&1 \
    || { cat "$work/configure.log"; fail "configure failed"; }
}
# FILE:LINE:COL of the first line of FILE matching REGEX, at the first
# occurrence of NEEDLE on that line.
place_of() {  # file regex needle
  local line col
  line=$(grep -n -m1 -E "$2" "$1" | cut -d: -f1)
  [[ -n $line ]] || fail "no line matching $2 in $1"
  col=$(awk -v n="$line" -v needle="$3" 'NR == n { print index($0, needle) }' "$1")
  [[ $col -gt 0 ]] || fail "no $3 on line $line of $1"
  echo "$1:$line:$col"
}

# Builds that must fail at PLACE with nothing written, in the normal build and
# in check mode.
expect_refused() {  # step place
  local step=$1 place=$2 sum count
  sum=$(migrations_sum)
  count=$(count_migrations)
  build "$work/build" && fail "$step: the build passed"
  grep -qF "$place: error: " "$work/last-build.log" \
    || fail "$step: no error at $place: $(grep -F 'error' "$work/last-build.log" | head -5)"
  grep -A3 -F "$place: error: " "$work/last-build.log" | grep -q '^  note: ' \
    || fail "$step: no note after the error"
  grep -q "refused (see above); nothing written" "$work/last-build.log" || fail "$step: no summary"
  [[ $(migrations_sum) == "$sum" ]] || fail "$step: migrations/ changed"
  [[ $(count_migrations) -eq $count ]] || fail "$step: a migration was written"
  build "$work/check" && fail "$step: check mode passed"
  grep -qF "$place: error: " "$work/last-build.log" || fail "$step: check mode: no error at $place"
  [[ $(migrations_sum) == "$sum" ]] || fail "$step: check mode changed migrations/"
}

# The build after the acknowledgement writes one migration, and check mode
# then passes.
expect_written() {  # step
  local step=$1 count
  count=$(count_migrations)
  build "$work/build" || fail "$step: the build with the acknowledgement failed"
  [[ $(count_migrations) -eq $((count + 1)) ]] || fail "$step: expected one new migration: $(migration_files)"
  build "$work/check" || fail "$step: check mode failed after the migration was written"
  "$work/build/consumer_migrate" --url "$url" upgrade >"$work/upgrade.log" 2>&1 \
    || { cat "$work/upgrade.log"; fail "$step: the acknowledged migration did not apply on rows"; }
  "$work/build/consumer_migrate" --url "$url" check >"$work/check.log" 2>&1 \
    || { cat "$work/check.log"; fail "$step: the database differs from the model after it"; }
  [[ $(psql "$url" -Atc "SELECT count(*) FROM notes") -eq 1000 ]] || fail "$step: rows of notes were lost"
}

cat >"$model" <<'MODEL'
// The consumer's models, as the refusal test changes them.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include <consumer/common.hpp>
#include <structmig/model.hpp>

enum class STRUCTMIG_ENUM(note_state) NoteState { draft, published, stale };

struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key) consumer::Id id;
  STRUCTMIG_COLUMN(varchar(80)) std::string title;
  std::optional<std::string> body;
  std::int32_t count;
  STRUCTMIG_COLUMN(default("'draft'")) NoteState state;
  // @EXTRA_FIELDS@
};

struct STRUCTMIG_TABLE(legacy_notes) LegacyNote {
  STRUCTMIG_COLUMN(primary_key) consumer::Id id;
  std::string text;
};
MODEL

echo "== 0. the first build writes the initial migration"
configure "$work/build"
configure "$work/check" -DSTRUCTMIG_CHECK=ON
build "$work/build" || fail "first build failed"
[[ $(count_migrations) -eq 1 ]] || fail "expected the initial migration"
build "$work/check" || fail "check mode failed on a clean tree"
e2e_postgres
"$work/build/consumer_migrate" --url "$url" upgrade >/dev/null || fail "the initial migration did not apply"
psql "$url" -v ON_ERROR_STOP=1 -q -c "
  INSERT INTO notes (id, title, body, count, state)
    SELECT g, 'note ' || g, 'body', g, (ARRAY['draft', 'published'])[1 + g % 2]::note_state
    FROM generate_series(1, 1000) g;
  INSERT INTO legacy_notes SELECT g, 'old ' || g FROM generate_series(1, 100) g;" \
  || fail "seeding failed"

echo "== 1. int -> bigint rewrites the table"
sed -i 's|^  std::int32_t count;|  std::int64_t count;|' "$model"
expect_refused "type change" "$(place_of "$model" 'std::int64_t count;' count)"
sed -i 's|^  std::int64_t count;|  STRUCTMIG_COLUMN(acknowledge(rewrite)) std::int64_t count;|' "$model"
expect_written "type change"

echo "== 2. a new NOT NULL column without a default"
sed -i 's|^  // @EXTRA_FIELDS@|  std::int32_t votes;\n&|' "$model"
expect_refused "NOT NULL without default" "$(place_of "$model" 'std::int32_t votes;' votes)"
sed -i 's|^  std::int32_t votes;|  STRUCTMIG_COLUMN(backfill("0")) std::int32_t votes;|' "$model"
expect_written "NOT NULL without default"

echo "== 3. a dropped column (reported at its struct)"
sed -i '/^  std::optional<std::string> body;/d' "$model"
expect_refused "dropped column" "$(place_of "$model" 'STRUCTMIG_TABLE\(notes\)' Note)"
sed -i 's|STRUCTMIG_TABLE(notes)|STRUCTMIG_TABLE(notes, acknowledge(drop_column(body)))|' "$model"
expect_written "dropped column"

echo "== 4. a dropped table (reported at its line in the snapshot)"
sed -i '/^struct STRUCTMIG_TABLE(legacy_notes)/,/^};/d' "$model"
expect_refused "dropped table" "$(place_of "$snapshot" '^ *"name": "legacy_notes"' '"name"')"
printf '\nSTRUCTMIG_ACKNOWLEDGE(drop_table(legacy_notes));\n' >>"$model"
expect_written "dropped table"

echo "== 5. a removed enum label (reported at the enum)"
sed -i 's|NoteState { draft, published, stale };|NoteState { draft, published };|' "$model"
expect_refused "removed label" "$(place_of "$model" 'NoteState \{' NoteState)"
sed -i 's|STRUCTMIG_ENUM(note_state)|STRUCTMIG_ENUM(note_state, acknowledge(drop_label("stale")))|' "$model"
expect_written "removed label"

echo "== 6. a volatile default on a new column"
sed -i 's|^  // @EXTRA_FIELDS@|  STRUCTMIG_COLUMN(default("clock_timestamp()")) structmig::timestamp seen_at;\n&|' "$model"
expect_refused "volatile default" "$(place_of "$model" 'seen_at;' seen_at)"
sed -i 's|default("clock_timestamp()")|default("clock_timestamp()"), acknowledge(rewrite)|' "$model"
expect_written "volatile default"

echo "== 7. the acknowledgements stay; nothing more is generated"
build "$work/build" || fail "the last build failed"
[[ $(count_migrations) -eq 7 ]] || fail "expected 7 migrations: $(migration_files)"
[[ $(psql "$url" -Atc "SELECT count(*) FROM notes WHERE votes = 0 AND count BETWEEN 1 AND 1000") -eq 1000 ]] \
  || fail "the backfill or the type change lost values"
echo "PASS: refusal e2e (each refused kind at its place, nothing written, then acknowledged and applied on rows)"

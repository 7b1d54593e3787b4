#!/usr/bin/env bash
# End-to-end: the eleven everyday changes to tables that already hold rows —
# a foreign key, an index, a NOT NULL column with a default and one without
# (backfilled), a type change (varchar widened), a CHECK, a UNIQUE, a dropped
# column, a renamed column, an enum label and SET NOT NULL — made in a scratch
# consumer's model at once. The build generates the safe plan; Squawk lints
# every migration's SQL (tests/lint/squawk_lint.sh: zero lock-safety
# findings); then, on a throwaway PostgreSQL with rows in the tables, the
# migration applies, is reverted and applies again, and `migrate check` finds
# the database equal to the model with every index valid and every constraint
# validated.
# Usage: everyday_changes_e2e.sh STRUCTMIG_BUILD_DIR SOURCE_DIR SQUAWK
set -euo pipefail
structmig_build=$1
source_dir=$2
squawk=$3

source "$source_dir/tests/e2e/e2e_common.sh"
e2e_work everyday-e2e

src=$work/src
mkdir -p "$src/models" "$src/migrations"
cat >"$src/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(everyday C CXX)
set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
find_package(structmig CONFIG REQUIRED)
add_library(everyday_models INTERFACE)
target_link_libraries(everyday_models INTERFACE structmig::runtime)
structmig_add_migrations(
  MODELS       models/notes.hpp
  MODEL_TARGET everyday_models
  DIRECTORY    ${CMAKE_CURRENT_SOURCE_DIR}/migrations
  LIBRARY      everyday_migrations
  CLI          everyday_migrate)
CMAKE

write_model() {  # the body of the notes struct and the enum's labels
  cat >"$src/models/notes.hpp" <<MODEL
// The everyday changes' model.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <structmig/model.hpp>

enum class STRUCTMIG_ENUM(note_state) NoteState { $2 };

struct STRUCTMIG_TABLE(authors) Author {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::string name;
};

$1
MODEL
}

write_model '
struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::int64_t author_id;
  STRUCTMIG_COLUMN(varchar(80)) std::string title;
  std::optional<std::string> body;
  std::optional<std::string> summary;
  std::string slug;
  std::int32_t votes;
  std::string code;
  STRUCTMIG_COLUMN(default("'"'"'draft'"'"'")) NoteState state;
};' 'draft, published'

cmake -S "$src" -B "$work/build" -G Ninja -Dstructmig_DIR="$structmig_build" >"$work/configure.log" 2>&1 \
  || { cat "$work/configure.log"; fail "configure failed"; }
cmake --build "$work/build" --target everyday_migrate >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; fail "the first build failed"; }

# Rows in every table before the changes.
e2e_postgres
cli=$work/build/everyday_migrate
"$cli" --url "$url" upgrade >/dev/null || fail "initial upgrade failed"
psql "$url" -v ON_ERROR_STOP=1 -q -c "
  INSERT INTO authors SELECT g, 'author ' || g FROM generate_series(1, 100) g;
  INSERT INTO notes (id, author_id, title, body, summary, slug, votes, code)
    SELECT g, 1 + g % 100, 'title ' || g, 'body', 'summary ' || g, 'slug-' || g, g % 7, 'code-' || g
    FROM generate_series(1, 5000) g;" || fail "seeding failed"

echo "== the eleven everyday changes at once"
write_model '
struct STRUCTMIG_TABLE(notes, acknowledge(drop_column(body))) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(references(authors.id)) std::int64_t author_id;
  STRUCTMIG_COLUMN(varchar(200)) std::string title;
  std::string summary;
  STRUCTMIG_COLUMN(renamed_from(slug)) std::string handle;
  STRUCTMIG_COLUMN(index, check("votes >= 0")) std::int32_t votes;
  STRUCTMIG_COLUMN(unique) std::string code;
  STRUCTMIG_COLUMN(default("'"'"'draft'"'"'")) NoteState state;
  STRUCTMIG_COLUMN(default("0")) std::int32_t views;
  STRUCTMIG_COLUMN(backfill("'"'"'general'"'"'")) std::string category;
};' 'draft, review, published'
cmake --build "$work/build" --target everyday_migrate >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; fail "the build with the changes failed"; }
generated=$(find "$src/migrations" -name '0002_*.cpp')
[[ -n $generated ]] || fail "no second migration was generated"
grep -q '// Step' "$generated" || fail "the migration has no step comments"

echo "== squawk"
bash "$source_dir/tests/lint/squawk_lint.sh" "$cli" "$squawk" "$work/lint" || fail "squawk findings"

echo "== applied on tables with rows, reverted, applied again"
"$cli" --url "$url" upgrade || fail "upgrade failed"
"$cli" --url "$url" check || fail "the database differs from the model after the upgrade"
[[ $(psql "$url" -Atc "SELECT count(*) FROM notes WHERE category = 'general' AND handle LIKE 'slug-%'") -eq 5000 ]] \
  || fail "rows were not kept or not backfilled"
"$cli" --url "$url" downgrade -1 || fail "downgrade failed"
[[ $(psql "$url" -Atc "SELECT count(*) FROM notes WHERE slug LIKE 'slug-%'") -eq 5000 ]] \
  || fail "the downgrade lost rows"
"$cli" --url "$url" upgrade || fail "the second upgrade failed"
"$cli" --url "$url" check || fail "the database differs from the model after the second upgrade"
[[ $(psql "$url" -Atc "SELECT count(*) FROM pg_index WHERE NOT indisvalid") -eq 0 ]] || fail "an INVALID index"
[[ $(psql "$url" -Atc "SELECT count(*) FROM pg_constraint WHERE NOT convalidated") -eq 0 ]] \
  || fail "a constraint left NOT VALID"
echo "PASS: everyday changes (safe plan, squawk clean, applied on rows, reverted, applied again)"

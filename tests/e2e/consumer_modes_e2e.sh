#!/usr/bin/env bash
# End-to-end: the scratch consumer gets structmig in each way README documents
# — an installed package (find_package through CMAKE_PREFIX_PATH), this build
# tree (structmig_DIR), add_subdirectory of the source tree and FetchContent
# (from a file:// tarball of the source tree: no network) — and each time its
# build runs the generator, builds consumer_migrate and migrates a database of
# one throwaway PostgreSQL (upgrade, current, check).
# Usage: consumer_modes_e2e.sh STRUCTMIG_BUILD_DIR SOURCE_DIR [COMPILER_LAUNCHER]
# The launcher (ccache), when given, is passed to the consumer builds.
set -euo pipefail
structmig_build=$(cd "$1" && pwd)
source_dir=$(cd "$2" && pwd)
launcher=${3:-}

source "$source_dir/tests/e2e/e2e_common.sh"
e2e_work modes-e2e

configure_args=(-G Ninja)
if [[ -n $launcher ]]; then
  configure_args+=(-DCMAKE_CXX_COMPILER_LAUNCHER="$launcher" -DCMAKE_C_COMPILER_LAUNCHER="$launcher")
fi

# The tarball FetchContent downloads: the source tree as git sees it (tracked
# and untracked files that are not ignored, so no build directories).
source_tarball() {
  local files=$work/source-files
  if git -C "$source_dir" rev-parse --git-dir >/dev/null 2>&1; then
    git -C "$source_dir" ls-files -z --cached --others --exclude-standard -- . ':!.tools' >"$files"
  else
    (cd "$source_dir" && find . -path ./.git -prune -o -path './build*' -prune -o -path ./.tools -prune \
      -o -type f -print0) >"$files"
  fi
  tar -C "$source_dir" --null --ignore-failed-read --transform 's|^|structmig/|' \
    -czf "$work/structmig.tar.gz" -T "$files" 2>/dev/null
}

# mode [cmake args]: configure and build a fresh copy of the consumer, then
# migrate a database of its own with its consumer_migrate.
run_mode() {
  local mode=$1
  shift
  local src=$work/$mode/src dir=$work/$mode/build log=$work/$mode/log started=$SECONDS
  mkdir -p "$work/$mode"
  cp -r "$source_dir/tests/e2e/consumer" "$src"

  echo "== $mode: configure"
  cmake -S "$src" -B "$dir" "${configure_args[@]}" "$@" >"$log" 2>&1 || { cat "$log"; fail "$mode: configure failed"; }
  echo "== $mode: build (the generator writes the first migration; consumer_migrate)"
  cmake --build "$dir" -j 2 >"$log" 2>&1 || { tail -n 60 "$log"; fail "$mode: build failed"; }
  grep -q "structmig: reading the models" "$log" || fail "$mode: the generator did not run"
  local migrations
  migrations=$(find "$src/migrations" -maxdepth 1 -name '[0-9][0-9][0-9][0-9]_*.cpp')
  [[ $(wc -l <<<"$migrations") -eq 1 && -n $migrations ]] || fail "$mode: expected one migration, got: $migrations"
  local revision
  revision=$(sed -n 's/.*\.revision = "\([0-9a-f]*\)".*/\1/p' "$migrations")
  [[ -x $dir/consumer_migrate ]] || fail "$mode: no consumer_migrate was built"

  echo "== $mode: migrate a database"
  local db=consumer_${mode//-/_}
  psql "$url" -qc "CREATE DATABASE $db" || fail "$mode: cannot create database $db"
  local db_url=${url/dbname=postgres/dbname=$db}
  "$dir/consumer_migrate" --url "$db_url" upgrade >"$log" 2>&1 || { cat "$log"; fail "$mode: upgrade failed"; }
  "$dir/consumer_migrate" --url "$db_url" current >"$log" 2>&1 || { cat "$log"; fail "$mode: current failed"; }
  grep -q "^$revision (head)" "$log" || { cat "$log"; fail "$mode: current does not report $revision as head"; }
  "$dir/consumer_migrate" --url "$db_url" check >"$log" 2>&1 || { cat "$log"; fail "$mode: check found drift"; }
  [[ $(psql "$db_url" -Atc "SELECT count(*) FROM information_schema.tables WHERE table_name = 'notes'") -eq 1 ]] \
    || fail "$mode: no notes table after upgrade"
  echo "== $mode: passed in $((SECONDS - started)) s"
}

e2e_postgres

echo "== install this build into a prefix"
cmake --install "$structmig_build" --prefix "$work/prefix" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; fail "cmake --install failed"; }

run_mode installed -DCMAKE_PREFIX_PATH="$work/prefix"
config_dir=$(sed -n 's/^structmig_DIR:PATH=//p' "$work/installed/build/CMakeCache.txt")
[[ $config_dir == "$work/prefix/"* ]] || fail "installed: structmig came from $config_dir, not the prefix"
grep -q "$work/prefix/share/structmig/main.cpp" "$work/installed/build/build.ninja" \
  || fail "installed: consumer_migrate was not compiled from the installed main.cpp"
grep -q "$work/prefix/bin/structmig " "$work/installed/build/build.ninja" \
  || fail "installed: the build does not run the installed generator"

run_mode build-tree -Dstructmig_DIR="$structmig_build"

run_mode add_subdirectory -DCONSUMER_STRUCTMIG=subdirectory -DCONSUMER_STRUCTMIG_SOURCE="$source_dir"
[[ -d $work/add_subdirectory/build/structmig/tool ]] || fail "add_subdirectory: structmig's generator was not configured"
[[ ! -e $work/add_subdirectory/build/structmig/tests && ! -e $work/add_subdirectory/build/structmig/example ]] \
  || fail "add_subdirectory: structmig's tests or example were configured inside the consumer"

source_tarball
run_mode fetchcontent -DCONSUMER_STRUCTMIG=fetchcontent -DCONSUMER_STRUCTMIG_URL="file://$work/structmig.tar.gz"
[[ -f $work/fetchcontent/build/_deps/structmig-src/cmake/StructMig.cmake ]] \
  || fail "fetchcontent: the tarball was not unpacked into _deps"

echo "PASS: consumer modes e2e"

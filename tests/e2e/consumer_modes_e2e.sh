#!/usr/bin/env bash
# End-to-end: the scratch consumer gets structmig in each way README documents
# — an installed package (find_package through CMAKE_PREFIX_PATH), this build
# tree (structmig_DIR), add_subdirectory and FetchContent (both of a tarball
# of the source tree, FetchContent's through file://: no network) — and each
# time its build runs the generator, builds consumer_migrate and migrates a
# database of one throwaway PostgreSQL (upgrade, current, check).
# Usage: consumer_modes_e2e.sh STRUCTMIG_BUILD_DIR SOURCE_DIR [COMPILER_LAUNCHER]
# The launcher (ccache), when given, is passed to the package modes' builds.
# The two subproject modes build structmig's runtime, CLI and generator
# themselves, from the same tarball unpacked at the same place relative to
# their build directories (FetchContent's <build>/_deps/structmig-src, built in
# <build>/_deps/structmig-build), with the same arguments and, when ccache is
# installed, through a compiler cache of the test's own that rewrites paths
# under the scratch directory relative to the build directory: the second
# build's compiles are cache hits (asserted, so a layout that breaks this
# fails instead of costing minutes). Without ccache both build cold.
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

# From here on ccache (if any) uses only the settings below: a cache in $work,
# paths under $work rewritten relative to the build directory, and no hashing
# of the working directory. No configuration file or CCACHE_* variable of the
# caller applies (CCACHE_CONFIGPATH also keeps /etc/ccache.conf out).
subproject_args=(-G Ninja)
ccache=$(command -v ccache || true)
if [[ -n $ccache ]]; then
  for variable in $(compgen -e | grep '^CCACHE_' || true); do unset "$variable"; done
  : >"$work/ccache.conf"
  export CCACHE_CONFIGPATH=$work/ccache.conf CCACHE_DIR=$work/ccache CCACHE_BASEDIR=$work CCACHE_NOHASHDIR=1 \
    CCACHE_SLOPPINESS=include_file_mtime,include_file_ctime
  subproject_args+=(-DCMAKE_CXX_COMPILER_LAUNCHER="$ccache" -DCMAKE_C_COMPILER_LAUNCHER="$ccache")
else
  echo "== no ccache: the add_subdirectory and FetchContent modes each build structmig cold"
fi
configure_args=("${subproject_args[@]}")

source_tarball
subdirectory_src=$work/add_subdirectory/build/_deps/structmig-src
mkdir -p "$subdirectory_src"
tar -C "$subdirectory_src" --strip-components=1 -xzf "$work/structmig.tar.gz"
run_mode add_subdirectory -DCONSUMER_STRUCTMIG=subdirectory -DCONSUMER_STRUCTMIG_SOURCE="$subdirectory_src"
[[ -d $work/add_subdirectory/build/_deps/structmig-build/tool ]] \
  || fail "add_subdirectory: structmig's generator was not configured"
[[ ! -e $work/add_subdirectory/build/_deps/structmig-build/tests \
  && ! -e $work/add_subdirectory/build/_deps/structmig-build/example ]] \
  || fail "add_subdirectory: structmig's tests or example were configured inside the consumer"

[[ -z $ccache ]] || "$ccache" -z >/dev/null
run_mode fetchcontent -DCONSUMER_STRUCTMIG=fetchcontent -DCONSUMER_STRUCTMIG_URL="file://$work/structmig.tar.gz"
[[ -f $work/fetchcontent/build/_deps/structmig-src/cmake/StructMig.cmake ]] \
  || fail "fetchcontent: the tarball was not unpacked into _deps"

# The FetchContent build after the add_subdirectory one: its compiles must
# come from the cache (only the consumer's generated sources may differ).
if [[ -n $ccache ]]; then
  echo "== fetchcontent: compiler cache after the add_subdirectory build"
  "$ccache" -s
  ccache_stat() { "$ccache" --print-stats | awk -v key="$1" '$1 == key { print $2 }'; }
  hits=$(( $(ccache_stat direct_cache_hit) + $(ccache_stat preprocessed_cache_hit) ))
  misses=$(ccache_stat cache_miss)
  (( hits + misses > 0 )) || fail "fetchcontent: no compile went through ccache"
  echo "== fetchcontent: $hits of $((hits + misses)) cacheable compiles were cache hits"
  (( hits * 100 >= (hits + misses) * 80 )) \
    || fail "fetchcontent: only $hits of $((hits + misses)) compiles hit the cache the add_subdirectory build filled (expected >= 80%)"
fi

echo "PASS: consumer modes e2e"

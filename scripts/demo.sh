#!/usr/bin/env bash
# The main job, start to finish: install what is missing, build (which runs
# migrations_autogen), start a throwaway PostgreSQL under the build directory,
# run the example support application — it migrates its database at start-up,
# writes a ticket and reads it back — then show the migration history and
# compare the database with the models compiled into the binary.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${STRUCTMIG_BUILD_DIR:-$here/build}

"$here/scripts/setup.sh"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTRUCTMIG_BUILD_TESTS=OFF
cmake --build "$build" -j "$(nproc)"

# The server runs as an unprivileged user when we are root; it needs a
# directory that user can reach. The build directory is preferred.
pgdir="$build/postgres"
if [[ $(id -u) -eq 0 ]] && ! runuser -u postgres -- test -x "$build" 2>/dev/null; then
  pgdir=$(mktemp -d /tmp/structmig-demo-XXXXXX)
  chmod 755 "$pgdir"
  pgdir="$pgdir/postgres"
  echo "note: $build is not reachable by the postgres user; the throwaway cluster lives in $pgdir"
fi
"$here/scripts/throwaway-postgres.sh" stop "$pgdir"
conninfo=$("$here/scripts/throwaway-postgres.sh" start "$pgdir")
trap '"$here/scripts/throwaway-postgres.sh" stop "$pgdir"' EXIT
echo "throwaway PostgreSQL: $conninfo"

echo
echo "== first start: the application migrates an empty database"
"$build/example/support_app" --url "$conninfo"
echo
echo "== second start: already at head, nothing to apply"
"$build/example/support_app" --url "$conninfo"
echo
echo "== the migration history, from the migrate command line"
"$build/example/support_migrate" --url "$conninfo" history
echo
echo "== the database compared with the models compiled into the binary"
"$build/example/support_migrate" --url "$conninfo" check

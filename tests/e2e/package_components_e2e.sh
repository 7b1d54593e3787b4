#!/usr/bin/env bash
# End-to-end: find_package(structmig COMPONENTS ...) checks its components, in
# the build-tree config and in the installed one. Known: runtime, cli,
# generator. An unknown required component fails a REQUIRED find_package with
# a message naming it and the known ones, and leaves structmig_FOUND false
# without REQUIRED; an unknown optional component is reported and only its own
# structmig_<component>_FOUND is false.
# Usage: package_components_e2e.sh STRUCTMIG_BUILD_DIR
set -euo pipefail
structmig_build=$(cd "$1" && pwd)

work=$(mktemp -d /tmp/structmig-components-e2e-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

mkdir "$work/probe"
cat >"$work/probe/CMakeLists.txt" <<'EOF'
cmake_minimum_required(VERSION 3.25)
project(probe C CXX)
find_package(structmig CONFIG ${PROBE_FIND_ARGS})
set(report "probe:")
foreach(name FOUND runtime_FOUND cli_FOUND generator_FOUND nonsense_FOUND)
  if(NOT DEFINED structmig_${name})
    string(APPEND report " ${name}=unset")
  elseif(structmig_${name})
    string(APPEND report " ${name}=1")
  else()
    string(APPEND report " ${name}=0")
  endif()
endforeach()
message(STATUS "${report}")
if(COMMAND structmig_add_migrations)
  message(STATUS "probe: structmig_add_migrations defined")
endif()
EOF

# where args...: configures the probe with find_package(structmig CONFIG args...).
probe() {
  local where=$1
  shift
  local args
  args=$(IFS=';'; echo "$*")
  cmake -S "$work/probe" -B "$work/build-$where" -G Ninja "${location[@]}" -DPROBE_FIND_ARGS="$args" \
    >"$work/out" 2>&1
}
expect_in_output() { grep -q -- "$1" "$work/out" || { cat "$work/out"; fail "$2"; }; }

check_config() {  # where (the location args are in the array `location`)
  local where=$1
  echo "== $where: every known component, REQUIRED"
  probe "$where" REQUIRED COMPONENTS runtime cli generator || { cat "$work/out"; fail "$where: known components not found"; }
  expect_in_output "probe: FOUND=1 runtime_FOUND=1 cli_FOUND=1 generator_FOUND=1 nonsense_FOUND=unset" "$where: components not reported found"
  expect_in_output "structmig_add_migrations defined" "$where: structmig_add_migrations missing"

  echo "== $where: an unknown component, REQUIRED: a configure error naming it and the known ones"
  probe "$where" REQUIRED COMPONENTS runtime nonsense && { cat "$work/out"; fail "$where: COMPONENTS nonsense was found"; }
  expect_in_output "unknown component nonsense (known components: runtime, cli, generator)" \
    "$where: the error does not name the unknown and the known components"

  echo "== $where: an unknown component without REQUIRED: not found, configure goes on"
  probe "$where" COMPONENTS nonsense || { cat "$work/out"; fail "$where: a non-required find_package failed the configure"; }
  expect_in_output "probe: FOUND=0 runtime_FOUND=unset cli_FOUND=unset generator_FOUND=unset nonsense_FOUND=0" "$where: structmig_FOUND is not false with COMPONENTS nonsense"
  expect_in_output "unknown component nonsense (known components: runtime, cli, generator)" \
    "$where: the unknown component is not reported"

  echo "== $where: an unknown optional component: found, the component reported and not found"
  probe "$where" REQUIRED COMPONENTS runtime OPTIONAL_COMPONENTS nonsense \
    || { cat "$work/out"; fail "$where: an unknown optional component failed find_package"; }
  expect_in_output "probe: FOUND=1 runtime_FOUND=1 cli_FOUND=unset generator_FOUND=unset nonsense_FOUND=0" "$where: wrong FOUND variables"
  expect_in_output "structmig: optional unknown component nonsense (known components: runtime, cli, generator)" \
    "$where: the unknown optional component is not reported"
}

location=(-Dstructmig_DIR="$structmig_build")
check_config build-tree

cmake --install "$structmig_build" --prefix "$work/prefix" >"$work/install.log" 2>&1 \
  || { cat "$work/install.log"; fail "cmake --install failed"; }
location=(-DCMAKE_PREFIX_PATH="$work/prefix")
check_config installed

echo "PASS: package components e2e"

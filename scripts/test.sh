#!/usr/bin/env bash
# Every test: install what is missing, build in check mode (the build fails if
# the example's models drifted from the committed snapshot), run all tests.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${STRUCTMIG_TEST_BUILD_DIR:-$here/build-tests}

"$here/scripts/setup.sh"
cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSTRUCTMIG_CHECK=ON
cmake --build "$build" -j "$(nproc)"
ctest --test-dir "$build" --output-on-failure -j 2 --timeout 600

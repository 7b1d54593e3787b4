#!/usr/bin/env bash
# Installs exactly what structmig needs and this machine lacks, from Debian 12's
# packages, and the pinned Squawk (npm squawk-cli) that lints the generated SQL
# in the tests into .tools/ of the repository. Idempotent: a machine that has
# everything is left untouched and apt is not even started. Runs as root, or
# through sudo.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
squawk_version=2.66.0

# Squawk for the tests, pinned; npm fetches the linux binary package it needs.
install_squawk() {
  local bin=$here/.tools/node_modules/.bin/squawk
  if [[ -x $bin ]] && [[ $("$bin" --version 2>/dev/null) == "squawk $squawk_version" ]]; then
    return
  fi
  echo "setup: installing squawk-cli@$squawk_version into $here/.tools"
  mkdir -p "$here/.tools"
  npm install --prefix "$here/.tools" --no-audit --no-fund --silent "squawk-cli@$squawk_version"
}

packages=(
  g++ make cmake ninja-build pkg-config
  ccache                                                        # e2e_consumer_modes builds structmig twice: once from cache
  llvm-14-dev libclang-14-dev libclang-cpp14-dev clang-format   # the generator (LibTooling)
  libpq-dev postgresql-15                                       # runtime and throwaway servers
  libboost1.81-dev                                              # Boost.PFR (1.75+)
  googletest libgtest-dev libgmock-dev                          # tests
  libcli11-dev                                                  # the migrate command line
  npm                                                           # Squawk, the SQL linter of the tests
  graphviz                                                      # dot: the tests lay out history --graph
)

missing=()
for p in "${packages[@]}"; do
  if [[ $p == npm ]] && command -v npm >/dev/null; then continue; fi  # Node's own npm will do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  install_squawk
  echo "setup: all dependencies present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: run as root or install sudo" >&2; exit 1; }
  sudo=(sudo)
fi
# The throwaway clusters are made by initdb; the distribution's own cluster is
# not needed, so do not let the server package create and start one.
if [[ ! -e /etc/postgresql-common/createcluster.conf ]]; then
  "${sudo[@]}" mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" | "${sudo[@]}" tee /etc/postgresql-common/createcluster.conf >/dev/null
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
install_squawk

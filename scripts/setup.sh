#!/usr/bin/env bash
# Installs exactly what structmig needs and this machine lacks, from Debian 12's
# packages. Idempotent: a machine that has everything is left untouched and
# apt is not even started. Runs as root, or through sudo.
set -euo pipefail

packages=(
  g++ make cmake ninja-build pkg-config
  llvm-14-dev libclang-14-dev libclang-cpp14-dev clang-format   # the generator (LibTooling)
  libpq-dev postgresql-15                                       # runtime and throwaway servers
  libboost1.81-dev                                              # Boost.PFR (1.75+)
  googletest libgtest-dev libgmock-dev                          # tests
  libcli11-dev                                                  # the migrate command line
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
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

# Sourced by the end-to-end scripts (after they set source_dir): a scratch
# directory and a throwaway PostgreSQL in it, both gone when the script exits.
#   e2e_work NAME   sets work=/tmp/structmig-NAME-XXXXXX
#   e2e_postgres    starts the cluster in $work/pg, sets url (a libpq conninfo)
#   fail MESSAGE    prints FAIL: MESSAGE and exits 1

fail() { echo "FAIL: $*" >&2; exit 1; }

e2e_work() {
  work=$(mktemp -d "/tmp/structmig-$1-XXXXXX")
  chmod 755 "$work"  # the throwaway cluster may run as another user
  trap e2e_cleanup EXIT
}

e2e_cleanup() {
  "$source_dir/scripts/throwaway-postgres.sh" stop "$work/pg" || true  # nothing to do if never started
  rm -rf "$work"
}

e2e_postgres() {
  url=$("$source_dir/scripts/throwaway-postgres.sh" start "$work/pg")
}

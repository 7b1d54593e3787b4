// A tiny application whose second migration is slow (pg_sleep for
// STRUCTMIG_TEST_SLEEP seconds), for killing the migrator in the middle of it.
// It migrates at start-up like any application and prints where it ended.
//
//   structmig_slow_app CONNINFO
#include <cstdlib>
#include <iostream>
#include <string>

#include "structmig/migration.hpp"
#include "structmig/startup.hpp"

namespace {

void create_accounts(structmig::Ops& op) {
  op.create_table({.name = "accounts",
                   .columns = {{.name = "id", .type = "bigint"}},
                   .primary_key = {"id"},
                   .primary_key_name = "pk_accounts"});
}
void drop_accounts(structmig::Ops& op) { op.drop_table("accounts"); }

void slow_backfill(structmig::Ops& op) {
  const char* seconds = std::getenv("STRUCTMIG_TEST_SLEEP");
  op.create_table({.name = "ledger",
                   .columns = {{.name = "id", .type = "bigint"}},
                   .primary_key = {"id"},
                   .primary_key_name = "pk_ledger"});
  op.execute("SELECT pg_sleep(" + std::to_string(seconds ? std::atoi(seconds) : 0) + ")");
}
void undo_backfill(structmig::Ops& op) { op.drop_table("ledger"); }

}  // namespace

int main(int argc, char** argv) try {
  if (argc != 2) {
    std::cerr << "usage: structmig_slow_app CONNINFO\n";
    return 2;
  }
  const std::vector<structmig::Migration> migrations = {
      {.revision = "aaaaaaaaaaaa", .message = "accounts", .upgrade = create_accounts,
       .downgrade = drop_accounts},
      {.revision = "bbbbbbbbbbbb", .parents = {"aaaaaaaaaaaa"}, .message = "slow backfill",
       .upgrade = slow_backfill, .downgrade = undo_backfill},
  };
  structmig::StartupReport report = structmig::upgrade_to_head(argv[1], migrations);
  std::cout << "at " << report.head << "\n";
  return 0;
} catch (const std::exception& e) {
  std::cerr << "error: " << e.what() << "\n";
  return 1;
}

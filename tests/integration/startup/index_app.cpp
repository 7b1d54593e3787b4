// A tiny application whose last migration builds an index concurrently on a
// table of 200,000 rows, for starting many replicas at once
// (replicas_with_concurrent_index.sh): while one replica builds the index,
// the others wait for the migration lock, and their waiting must not hold up
// the build (it waits for every transaction with an older snapshot). It
// migrates at start-up like any application and prints where it ended.
//
//   structmig_index_app CONNINFO
#include <iostream>
#include <string>

#include "structmig/migration.hpp"
#include "structmig/startup.hpp"

namespace {

using structmig::Column;
using structmig::Ops;

void events_with_rows(Ops& op) {
  op.create_table({.name = "events",
                   .columns = {{.name = "id", .type = "bigint"},
                               {.name = "account_id", .type = "bigint"},
                               {.name = "payload", .type = "text"}},
                   .primary_key = {"id"},
                   .primary_key_name = "pk_events"});
  op.execute(
      "INSERT INTO events SELECT g, g % 1000, md5(g::text) FROM generate_series(1, 200000) g");
}
void drop_events(Ops& op) { op.drop_table("events"); }

void index_payload(Ops& op) {
  op.create_index("events", {.name = "ix_events_payload", .keys = {{.column = "payload"}}},
                  {.concurrently = true});
}
void drop_index_payload(Ops& op) {
  op.drop_index("events", "ix_events_payload", {.concurrently = true});
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc != 2) {
    std::cerr << "usage: structmig_index_app CONNINFO\n";
    return 2;
  }
  const std::vector<structmig::Migration> migrations = {
      {.revision = "eeeeeeeeeeee",
       .message = "events with rows",
       .upgrade = events_with_rows,
       .downgrade = drop_events},
      {.revision = "ffffffffffff",
       .parents = {"eeeeeeeeeeee"},
       .message = "index events payload",
       .upgrade = index_payload,
       .downgrade = drop_index_payload},
  };
  structmig::StartupReport report =
      structmig::upgrade_to_head(argv[1], migrations, [](const structmig::StepEvent& event) {
        std::cout << "  upgrade " << event.revision << " (" << event.message << ")\n";
      });
  std::cout << "at " << report.head << "\n";
  return 0;
} catch (const std::exception& e) {
  std::cerr << "error: " << e.what() << "\n";
  return 1;
}

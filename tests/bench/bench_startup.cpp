// What an application pays at start when its database is already at head,
// against the connection it needs anyway: N rounds of (a) a bare libpq
// PQconnectdb + PQfinish, (b) the start-up API (structmig::upgrade_to_head:
// connect, check, close) and (c) `migrate upgrade` through the command-line
// driver in-process (connect, check, print, close), on a database migrated
// to head by a small compiled-in history; rounds rotate which side runs
// first. Prints the medians, the ratios to the bare connect and, last, one
// machine-readable line "startup_ratio R". Against a throwaway cluster
// (tests/support).
//   structmig_bench_startup [--rounds N]
#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.hpp"
#include "pg_cluster.hpp"
#include "structmig/migrator.hpp"
#include "structmig/startup.hpp"

namespace bench {
namespace {

using Clock = std::chrono::steady_clock;

// ---- the compiled-in history: a table, then a column -------------------------------

structmig::Column column(std::string name, std::string type, bool nullable = false) {
  return structmig::Column{.name = std::move(name), .type = std::move(type), .nullable = nullable};
}

void create_accounts(structmig::Ops& ops) {
  ops.create_table(structmig::Table{
      .name = "accounts",
      .columns = {column("id", "bigint"), column("email", "text")},
      .primary_key = {"id"},
      .primary_key_name = "pk_accounts"});
}
void drop_accounts(structmig::Ops& ops) { ops.drop_table("accounts"); }
void add_nickname(structmig::Ops& ops) {
  ops.add_column("accounts", column("nickname", "text", true));
}
void drop_nickname(structmig::Ops& ops) { ops.drop_column("accounts", "nickname"); }

std::vector<structmig::Migration> history() {
  return {
      structmig::Migration{.revision = "b0b0b0b0b001",
                           .message = "create accounts",
                           .upgrade = &create_accounts,
                           .downgrade = &drop_accounts,
                           .checksum = "5eed00000001"},
      structmig::Migration{.revision = "b0b0b0b0b002",
                           .parents = {"b0b0b0b0b001"},
                           .message = "add accounts nickname",
                           .upgrade = &add_nickname,
                           .downgrade = &drop_nickname,
                           .checksum = "5eed00000002"},
  };
}

// ---- the three sides ---------------------------------------------------------------

void bare_connect(const std::string& conninfo) {
  PGconn* conn = PQconnectdb(conninfo.c_str());
  const bool ok = PQstatus(conn) == CONNECTION_OK;
  const std::string error = ok ? "" : PQerrorMessage(conn);
  PQfinish(conn);
  if (!ok) throw std::runtime_error("libpq: " + error);
}

void startup_at_head(const std::string& conninfo, const std::vector<structmig::Migration>& list) {
  if (!structmig::upgrade_to_head(conninfo, list).already_at_head) {
    throw std::runtime_error("the start-up API found the database not at head");
  }
}

void migrate_at_head(const std::string& conninfo, const std::vector<structmig::Migration>& list) {
  std::ostringstream out;
  std::ostringstream err;
  if (structmig::cli::run({"--url", conninfo, "upgrade"}, list, out, err) != 0 ||
      !out.str().starts_with("nothing to do")) {
    throw std::runtime_error("migrate upgrade at head: " + out.str() + err.str());
  }
}

// ---- measuring ---------------------------------------------------------------------

/// CPU time of this thread in milliseconds: the client's own work, which the
/// load of a shared machine disturbs less than the wall clock.
double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

struct Timing {
  double wall_ms;
  double cpu_ms;
};

Timing measure(const std::function<void()>& work) {
  const auto start = Clock::now();
  const double cpu_start = thread_cpu_ms();
  work();
  return {std::chrono::duration<double, std::milli>(Clock::now() - start).count(),
          thread_cpu_ms() - cpu_start};
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int run(int rounds) {
  const std::string conninfo =
      structmig::testing::PgCluster::instance().fresh_database("bench_startup");
  const std::vector<structmig::Migration> list = history();
  {
    structmig::Connection connection = structmig::Connection::open(conninfo);
    structmig::Migrator(connection, list).upgrade("head");
  }
  struct Side {
    const char* name;
    std::function<void()> work;
    std::vector<double> times;
    std::vector<double> cpu;
  };
  std::vector<Side> sides{
      {"bare connect", [&] { bare_connect(conninfo); }, {}, {}},
      {"start-up API", [&] { startup_at_head(conninfo, list); }, {}, {}},
      {"migrate upgrade", [&] { migrate_at_head(conninfo, list); }, {}, {}},
  };
  for (auto& side : sides) side.work();  // warm-up: caches, the first connection
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t i = 0; i < sides.size(); ++i) {  // each side first in turn
      Side& side = sides[(round + i) % sides.size()];
      const Timing timing = measure(side.work);
      side.times.push_back(timing.wall_ms);
      side.cpu.push_back(timing.cpu_ms);
    }
  }

  std::printf("start-up at head vs a bare libpq connect: %d round(s), medians\n", rounds);
  std::printf("%-16s %10s %8s %14s\n", "", "ms", "ratio", "client CPU ms");
  const double bare = median(sides[0].times);
  for (const auto& side : sides) {
    std::printf("%-16s %10.3f %8.3f %14.3f\n", side.name, median(side.times),
                median(side.times) / bare, median(side.cpu));
  }
  std::printf("migrate_ratio %.3f\n", median(sides[2].times) / bare);
  std::printf("startup_ratio %.3f\n", median(sides[1].times) / bare);
  return 0;
}

}  // namespace
}  // namespace bench

int main(int argc, char** argv) {
  int rounds = 200;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--rounds") == 0) rounds = std::atoi(argv[i + 1]);
  }
  if (rounds < 1) {
    std::fprintf(stderr, "structmig_bench_startup: --rounds must be at least 1\n");
    return 2;
  }
  try {
    return bench::run(rounds);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "structmig_bench_startup: %s\n", error.what());
    return 1;
  }
}

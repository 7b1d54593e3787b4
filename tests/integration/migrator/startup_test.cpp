// upgrade_to_head(): idempotence, the report, the lock-free fast path, and
// several replicas starting at once on an empty database (each migration
// must run exactly once).
#include <gtest/gtest.h>

#include <atomic>
#include <exception>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "history_fixture.hpp"
#include "structmig/startup.hpp"

namespace structmig {
namespace {

using history::column_values;
using history::DatabaseTest;
using history::expected_after;
using history::kPriority;
using history::migrations;
using history::schema_of;
using Ids = std::vector<std::string>;

using StartupTest = DatabaseTest;

TEST_F(StartupTest, SecondCallIsANoOp) {
  std::vector<std::string> progressed;
  StartupReport first = upgrade_to_head(
      conninfo(), migrations(), [&](const StepEvent& e) { progressed.push_back(e.revision); });
  EXPECT_FALSE(first.already_at_head);
  EXPECT_EQ(first.applied.size(), 3u);
  EXPECT_EQ(first.head, std::string(kPriority));
  EXPECT_EQ(progressed.size(), 3u);
  EXPECT_EQ(schema_of(db()), expected_after(3));

  StartupReport second = upgrade_to_head(conninfo(), migrations());
  EXPECT_TRUE(second.already_at_head);
  EXPECT_TRUE(second.applied.empty());
  EXPECT_EQ(second.head, std::string(kPriority));
  EXPECT_EQ(column_values(db(), "SELECT count(*) FROM structmig_history"), (Ids{"3"}));
}

TEST_F(StartupTest, AtHeadTakesNoLock) {
  upgrade_to_head(conninfo(), migrations());
  // Another session holds the migration lock; an up-to-date start must not wait for it.
  db().exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
  std::atomic<bool> done{false};
  std::thread starter([&] {
    upgrade_to_head(conninfo(), migrations());
    done = true;
  });
  for (int i = 0; i < 100 && !done; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const bool finished_while_locked = done;
  db().exec("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")");
  starter.join();
  EXPECT_TRUE(finished_while_locked);
}

TEST_F(StartupTest, ContinuesFromAPartlyMigratedDatabase) {
  Migrator(db(), migrations()).upgrade("+1");
  StartupReport report = upgrade_to_head(conninfo(), migrations());
  EXPECT_FALSE(report.already_at_head);
  ASSERT_EQ(report.applied.size(), 2u);
  EXPECT_EQ(report.applied.back().revision, std::string(kPriority));
  EXPECT_EQ(schema_of(db()), expected_after(3));
}

TEST_F(StartupTest, NoMigrationsMeansAlreadyAtHead) {
  StartupReport report = upgrade_to_head(conninfo(), {});
  EXPECT_TRUE(report.already_at_head);
  EXPECT_EQ(report.head, "");
}

void slow_users(Ops& ops) {
  ops.execute("SELECT pg_sleep(0.3)");  // keeps the others waiting on the lock
  history::create_users(ops);
}

TEST_F(StartupTest, ConcurrentStartersMigrateExactlyOnce) {
  auto list = migrations();
  for (auto& m : list) {
    if (m.revision == history::kUsers) m.upgrade = &slow_users;
  }
  constexpr int kThreads = 4;
  std::vector<StartupReport> reports(kThreads);
  std::vector<std::exception_ptr> errors(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      try {
        reports[t] = upgrade_to_head(conninfo(), list);
      } catch (...) {
        errors[t] = std::current_exception();
      }
    });
  }
  for (auto& thread : threads) thread.join();

  std::size_t applied_total = 0;
  for (int t = 0; t < kThreads; ++t) {
    if (errors[t]) {
      try {
        std::rethrow_exception(errors[t]);
      } catch (const std::exception& e) {
        ADD_FAILURE() << "thread " << t << ": " << e.what();
      }
    }
    applied_total += reports[t].applied.size();
  }
  EXPECT_EQ(applied_total, 3u);
  const Ids recorded =
      column_values(db(), "SELECT revision || ':' || direction FROM structmig_history ORDER BY id");
  EXPECT_EQ(recorded, (Ids{std::string(history::kUsers) + ":upgrade",
                           std::string(history::kTickets) + ":upgrade",
                           std::string(kPriority) + ":upgrade"}));
  EXPECT_EQ(column_values(db(), "SELECT revision FROM structmig_version"),
            (Ids{std::string(kPriority)}));
  EXPECT_EQ(schema_of(db()), expected_after(3));
}

}  // namespace
}  // namespace structmig

// The start-up API: upgrade_to_head() / ensure_at_head() in apply mode
// (idempotence, the report, the lock-free fast path, several replicas
// starting at once on an empty database — each migration must run exactly
// once) and in verify mode (fine at head; NotAtHead when behind, at an
// unknown revision or with a changed checksum, and nothing changed).
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
using history::table_exists;
using history::version_rows;
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

// ---- verify mode ----------------------------------------------------------

StartupOptions verify() {
  StartupOptions options;
  options.mode = StartupMode::verify;
  return options;
}

TEST_F(StartupTest, VerifyAtHeadIsFine) {
  upgrade_to_head(conninfo(), migrations());
  StartupReport report = ensure_at_head(conninfo(), migrations(), verify());
  EXPECT_TRUE(report.already_at_head);
  EXPECT_TRUE(report.applied.empty());
  EXPECT_EQ(report.head, std::string(kPriority));
}

TEST_F(StartupTest, VerifyOnAFreshDatabaseChangesNothing) {
  try {
    ensure_at_head(conninfo(), migrations(), verify());
    FAIL() << "expected NotAtHead";
  } catch (const NotAtHead& e) {
    EXPECT_EQ(e.reason(), NotAtHead::Reason::behind);
    EXPECT_EQ(e.status().pending.size(), 3u);
    EXPECT_NE(std::string(e.what()).find("3 migration(s) are not applied"), std::string::npos)
        << e.what();
  }
  EXPECT_FALSE(table_exists(db(), "structmig_version"));
  EXPECT_FALSE(table_exists(db(), "users"));
}

TEST_F(StartupTest, VerifyBehindNamesWhatIsMissingAndAppliesNothing) {
  Migrator(db(), migrations()).upgrade("+2");
  try {
    ensure_at_head(conninfo(), migrations(), verify());
    FAIL() << "expected NotAtHead";
  } catch (const NotAtHead& e) {
    EXPECT_EQ(e.reason(), NotAtHead::Reason::behind);
    const std::string what = e.what();
    EXPECT_NE(what.find("it is at 2b3c4d5e6f70, the head is 3c4d5e6f7081"), std::string::npos)
        << what;
    EXPECT_NE(what.find("3c4d5e6f7081 (add tickets priority)"), std::string::npos) << what;
  }
  EXPECT_EQ(version_rows(db()), (Ids{std::string(history::kTickets)}));
  EXPECT_EQ(schema_of(db()), expected_after(2));
  EXPECT_EQ(column_values(db(), "SELECT count(*) FROM structmig_history"), (Ids{"2"}));
}

TEST_F(StartupTest, VerifyAtAnUnknownRevision) {
  upgrade_to_head(conninfo(), migrations());
  db().exec("UPDATE structmig_version SET revision = 'ffffffffffff'");
  try {
    ensure_at_head(conninfo(), migrations(), verify());
    FAIL() << "expected NotAtHead";
  } catch (const NotAtHead& e) {
    EXPECT_EQ(e.reason(), NotAtHead::Reason::unknown_revision);
    EXPECT_NE(std::string(e.what()).find("ffffffffffff, which this program does not know"),
              std::string::npos)
        << e.what();
  }
  // apply mode refuses too, with the same words.
  EXPECT_THROW(upgrade_to_head(conninfo(), migrations()), UnknownAppliedRevision);
}

TEST_F(StartupTest, VerifyWithAChangedMigration) {
  upgrade_to_head(conninfo(), migrations());
  auto changed = migrations();
  changed[0].checksum = "beef00000003";  // kPriority
  try {
    ensure_at_head(conninfo(), changed, verify());
    FAIL() << "expected NotAtHead";
  } catch (const NotAtHead& e) {
    EXPECT_EQ(e.reason(), NotAtHead::Reason::changed_checksum);
    EXPECT_NE(std::string(e.what()).find("beef00000003"), std::string::npos) << e.what();
  }
  EXPECT_THROW(upgrade_to_head(conninfo(), changed), ChecksumMismatch);
  StartupOptions accept;
  accept.accept_changed_checksums = true;
  EXPECT_TRUE(ensure_at_head(conninfo(), changed, accept).applied.empty());
  EXPECT_TRUE(ensure_at_head(conninfo(), changed, verify()).already_at_head);
}

TEST_F(StartupTest, ApplyModeWithOptions) {
  std::vector<std::string> progressed;
  StartupOptions options;
  options.migrator.lock_timeout = "5s";
  options.migrator.statement_timeout = "1min";
  options.progress = [&](const StepEvent& e) { progressed.push_back(e.revision); };
  StartupReport report = ensure_at_head(conninfo(), migrations(), options);
  EXPECT_EQ(report.applied.size(), 3u);
  EXPECT_EQ(progressed.size(), 3u);
  EXPECT_TRUE(ensure_at_head(conninfo(), migrations(), verify()).already_at_head);
}

// The README's lock settings, as written there.
TEST_F(StartupTest, LockSettingsAsTheReadmeWritesThem) {
  const std::vector<Migration>& compiled_migrations = migrations();
  StartupReport report =
      ensure_at_head(conninfo(), compiled_migrations,
                     {.migrator = {.lock_timeout = "500ms", .lock_retries = 10}});
  EXPECT_EQ(report.applied.size(), 3u);
  StartupOptions off;
  off.migrator.lock_timeout = "0";  // switched off: nothing times out
  EXPECT_TRUE(ensure_at_head(conninfo(), compiled_migrations, off).already_at_head);
}

TEST_F(StartupTest, SeveralHeadsAreRefusedBeforeConnecting) {
  auto branched = migrations();
  branched.push_back(Migration{"9999aaaa0000", {history::kUsers}, "side", true, nullptr, nullptr});
  EXPECT_THROW(upgrade_to_head("host=/nonexistent dbname=none", branched), MultipleHeads);
  EXPECT_THROW(ensure_at_head("host=/nonexistent dbname=none", branched, verify()), MultipleHeads);
}

}  // namespace
}  // namespace structmig

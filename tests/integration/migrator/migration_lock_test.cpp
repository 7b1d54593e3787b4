// Waiting for the migration lock against a real server: a run gives up after
// migration_lock_timeout with an error and log lines naming the session that
// holds the lock; while it waits its backend holds no transaction and no
// snapshot (sampled from pg_stat_activity), so a CREATE INDEX CONCURRENTLY in
// another session completes; and when the holder lets go it proceeds.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "history_fixture.hpp"

namespace structmig {
namespace {

using namespace std::chrono_literals;
using history::DatabaseTest;
using history::migrations;

using MigrationLockTest = DatabaseTest;

const std::string kKey = std::to_string(kMigrationLockKey);

std::string backend_pid(Connection& connection) {
  return connection.exec("SELECT pg_backend_pid()").text(0, 0);
}

/// Polls `condition` every 20 ms for up to `limit`; true when it held.
template <typename Condition>
bool eventually(Condition condition, std::chrono::milliseconds limit = 10s) {
  const auto end = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < end) {
    if (condition()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return condition();
}

/// Whether the "waiting_migrator" backend is running the migration lock's
/// statement (a poll, or the blocking call of old): it has begun to wait.
bool migrator_is_waiting(Connection& observer) {
  return observer
             .exec(
                 "SELECT count(*) FROM pg_stat_activity "
                 "WHERE application_name = 'waiting_migrator' AND query LIKE '%advisory_lock%'")
             .text(0, 0) != "0";
}

/// An upgrade to head on a connection of its own (application_name
/// "waiting_migrator"), run in a thread; collects its log lines.
class MigratorThread {
 public:
  MigratorThread(const std::string& conninfo, std::chrono::milliseconds timeout,
                 std::chrono::milliseconds poll) {
    thread_ = std::thread([this, conninfo, timeout, poll] {
      try {
        Connection connection = Connection::open(conninfo + " application_name=waiting_migrator");
        MigratorOptions options;
        options.migration_lock_timeout = timeout;
        options.migration_lock_poll = poll;
        options.log = [this](const std::string& line) {
          std::lock_guard guard(mutex_);
          lines_.push_back(line);
        };
        applied_ = Migrator(connection, migrations(), options).upgrade().size();
      } catch (...) {
        error_ = std::current_exception();
      }
      done_ = true;
    });
  }
  ~MigratorThread() {
    if (thread_.joinable()) thread_.join();
  }

  std::vector<std::string> lines() {
    std::lock_guard guard(mutex_);
    return lines_;
  }
  bool done() const { return done_; }
  /// Joins; rethrows what the upgrade threw; the number of steps applied.
  std::size_t finish() {
    thread_.join();
    if (error_) std::rethrow_exception(error_);
    return applied_;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> lines_;
  std::atomic<bool> done_{false};
  std::size_t applied_ = 0;
  std::exception_ptr error_;
  std::thread thread_;
};

TEST_F(MigrationLockTest, TimesOutNamingTheHolder) {
  Connection holder = Connection::open(conninfo() + " application_name=support_app");
  const std::string pid = backend_pid(holder);
  holder.exec("SELECT pg_advisory_lock(" + kKey + ")");
  // The holder is busy with a statement while the migrator waits, so the
  // lines can say what it is running. It lets go after 3 s: a run that
  // ignored its timeout would then succeed (and fail this test) rather than
  // wait forever.
  std::jthread busy([&] {
    holder.exec("SELECT pg_sleep(3) /* nightly support job */");
    holder.exec("SELECT pg_advisory_unlock(" + kKey + ")");
  });
  ASSERT_TRUE(eventually([&] {
    return db().exec("SELECT state FROM pg_stat_activity WHERE pid = " + pid).text(0, 0) ==
           "active";
  }));

  std::vector<std::string> lines;
  MigratorOptions options;
  options.migration_lock_timeout = 1s;
  options.migration_lock_poll = 50ms;
  options.log = [&](const std::string& line) { lines.push_back(line); };
  Migrator migrator(db(), migrations(), options);
  const auto start = std::chrono::steady_clock::now();
  try {
    migrator.upgrade();
    ADD_FAILURE() << "upgrade did not time out";
  } catch (const MigrationLockTimeout& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("held by pid " + pid + " "), std::string::npos) << message;
    EXPECT_NE(message.find("application \"support_app\""), std::string::npos) << message;
    EXPECT_NE(message.find("active for "), std::string::npos) << message;
    EXPECT_NE(message.find("pg_sleep(3)"), std::string::npos) << message;
    EXPECT_NE(message.find("within 1 s"), std::string::npos) << message;
  }
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_GE(elapsed, 1s);
  EXPECT_LT(elapsed, 2500ms);  // gave up on time, not when the holder let go

  // One line at once (the next is due after 5 s, beyond the timeout).
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_TRUE(lines[0].starts_with("waiting for the migration lock, held by pid " + pid + " ("))
      << lines[0];
  EXPECT_NE(lines[0].find("support_app"), std::string::npos) << lines[0];
  EXPECT_NE(lines[0].find(" of 1 s"), std::string::npos) << lines[0];

  busy.join();
  EXPECT_TRUE(migrator.current().empty());  // nothing ran
  EXPECT_FALSE(history::table_exists(db(), "users"));
}

TEST_F(MigrationLockTest, WaitHoldsNoSnapshotAndProceedsWhenReleased) {
  // Declared first, so destroyed last: when the test fails half-way, the
  // holder's connection closes (freeing the lock) before the thread is joined.
  std::optional<MigratorThread> waiting;
  Connection holder = Connection::open(conninfo() + " application_name=support_app");
  const std::string pid = backend_pid(holder);
  holder.exec("SELECT pg_advisory_lock(" + kKey + ")");

  constexpr auto poll = 200ms;
  waiting.emplace(conninfo(), 60s, poll);
  ASSERT_TRUE(eventually([&] { return migrator_is_waiting(db()); }));

  // Sample the waiter's backend for two seconds (ten polls). Each poll is a
  // statement of its own, so it may be caught inside one; then its
  // transaction must be younger than a poll interval.
  const std::string sample =
      "SELECT xact_start IS NOT NULL, backend_xmin IS NOT NULL, "
      "coalesce(extract(epoch FROM clock_timestamp() - xact_start), 0) "
      "FROM pg_stat_activity WHERE application_name = 'waiting_migrator'";
  int samples = 0;
  int idle = 0;
  double oldest_transaction = 0;
  for (int i = 0; i < 80; ++i) {
    const Result row = db().exec(sample);
    ASSERT_EQ(row.size(), 1u);
    ++samples;
    if (row.text(0, 0) == "f" && row.text(0, 1) == "f") ++idle;
    oldest_transaction = std::max(oldest_transaction, std::stod(row.text(0, 2)));
    std::this_thread::sleep_for(25ms);
  }
  EXPECT_LT(oldest_transaction, std::chrono::duration<double>(poll).count());
  EXPECT_GT(idle, samples * 3 / 4) << idle << " of " << samples << " samples without a transaction";
  EXPECT_FALSE(waiting->done());
  const std::vector<std::string> lines = waiting->lines();
  ASSERT_FALSE(lines.empty());
  EXPECT_NE(lines[0].find("held by pid " + pid), std::string::npos) << lines[0];

  holder.exec("SELECT pg_advisory_unlock(" + kKey + ")");
  EXPECT_EQ(waiting->finish(), 3u);
  EXPECT_EQ(Migrator(db(), migrations()).current(),
            std::vector<std::string>{std::string(history::kPriority)});
}

TEST_F(MigrationLockTest, ConcurrentIndexBuildCompletesWhileAMigratorWaits) {
  db().exec(
      "CREATE TABLE cic_target (id bigint PRIMARY KEY, v integer);"
      "INSERT INTO cic_target SELECT g, g % 100 FROM generate_series(1, 10000) g");
  std::optional<MigratorThread> waiting;             // destroyed after the holder: see above
  Connection holder = Connection::open(conninfo());  // session A
  holder.exec("SELECT pg_advisory_lock(" + kKey + ")");
  waiting.emplace(conninfo(), 60s, 100ms);
  ASSERT_TRUE(eventually([&] { return migrator_is_waiting(db()); }));

  // Session C. A waiter inside a blocking pg_advisory_lock would hold a
  // snapshot the build waits for, until the statement timeout.
  Connection builder = Connection::open(conninfo());
  builder.exec("SET statement_timeout = '20s'");
  const auto start = std::chrono::steady_clock::now();
  EXPECT_NO_THROW(builder.exec("CREATE INDEX CONCURRENTLY ix_cic_target_v ON cic_target (v)"));
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
  EXPECT_EQ(db().exec("SELECT indisvalid FROM pg_index "
                      "WHERE indexrelid = 'ix_cic_target_v'::regclass")
                .text(0, 0),
            "t");
  EXPECT_FALSE(waiting->done());

  holder.exec("SELECT pg_advisory_unlock(" + kKey + ")");
  EXPECT_EQ(waiting->finish(), 3u);
}

}  // namespace
}  // namespace structmig

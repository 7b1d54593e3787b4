// Lock discipline on a busy table, against a real server: a migration that
// needs an ACCESS EXCLUSIVE lock on a 100,000-row table while another session
// (H) holds a conflicting lock in an open transaction. Every attempt but the
// last asks for its table lock with LOCK TABLE … NOWAIT, gives up at once
// with 55P03, rolls back and is retried (each retry logged, naming the step),
// so a reader (R) arriving meanwhile is never queued behind the migrator
// (pg_blocking_pids(R) never names it) and gets its rows while H still holds
// its lock; without a lock_timeout the same
// reader stays queued behind the migrator until H ends (the contrast that
// shows the sampling can see a blocked reader). When H commits, the migration
// goes through and is recorded once; with too few retries it fails with 55P03
// after exactly 1 + lock_retries attempts and the version stays.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "history_fixture.hpp"

namespace structmig {
namespace {

using history::DatabaseTest;
using history::version_rows;
using Ids = std::vector<std::string>;

constexpr std::string_view kAddNote = "4c0c4c0c4c0c";

void add_note(Ops& ops) { ops.add_column("busy", history::column("note", "text", true)); }
void drop_note(Ops& ops) { ops.drop_column("busy", "note"); }

// A check whose validation takes a while: slow_ok() loops before saying yes.
void add_slow_check(Ops& ops) {
  ops.add_check("busy", {.name = "ck_busy_slow", .expression = "slow_ok(v)"}, {.not_valid = true});
  ops.commit();
  ops.validate_constraint("busy", "ck_busy_slow");
  ops.create_index("busy", {.name = "ix_busy_slow", .keys = {{.expression = "slow_ok(v)"}}},
                   {.concurrently = true});
}
void drop_slow_check(Ops& ops) {
  ops.drop_index("busy", "ix_busy_slow", {.concurrently = true});
  ops.drop_check("busy", "ck_busy_slow");
}

std::vector<Migration> add_note_history() {
  return {Migration{kAddNote, {}, "add busy note", true, &add_note, &drop_note}};
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// The log lines a run writes, safe to read from another thread.
class LogLines {
 public:
  std::function<void(const std::string&)> sink() {
    return [this](const std::string& line) {
      std::lock_guard<std::mutex> guard(mutex_);
      lines_.push_back(line);
    };
  }
  std::vector<std::string> lines() const {
    std::lock_guard<std::mutex> guard(mutex_);
    return lines_;
  }
  std::size_t count_containing(const std::string& part) const {
    std::size_t n = 0;
    for (const auto& line : lines()) n += contains(line, part) ? 1 : 0;
    return n;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

/// True while the migrator's backend waits for a lock it asked for.
bool migrator_queued(Connection& observer, const std::string& migrator_pid) {
  return observer
             .exec_params(
                 "SELECT EXISTS (SELECT FROM pg_locks WHERE pid = $1::int AND NOT granted)",
                 {migrator_pid})
             .text(0, 0) == "t";
}

std::string pid_of(Connection& connection) {
  return connection.exec("SELECT pg_backend_pid()").text(0, 0);
}

class LockDisciplineTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    db().exec(
        "CREATE TABLE busy (id bigint PRIMARY KEY, v integer NOT NULL);"
        "INSERT INTO busy SELECT g, g % 97 FROM generate_series(1, 100000) g;"
        "ANALYZE busy");
  }

  /// Opens H's transaction holding ACCESS SHARE on busy (a plain read), which
  /// conflicts with the ACCESS EXCLUSIVE lock ALTER TABLE … ADD COLUMN needs.
  Connection open_holder() {
    Connection holder = Connection::open(conninfo());
    holder.exec("BEGIN");
    EXPECT_EQ(holder.exec("SELECT count(*) FROM busy").text(0, 0), "100000");
    return holder;
  }

  /// Waits (state, not time) until the migrator's backend is queued for a lock
  /// on busy; false when it never was within the bound.
  bool wait_until_migrator_queued(Connection& observer, const std::string& migrator_pid) {
    for (int i = 0; i < 1000; ++i) {
      if (observer
              .exec_params("SELECT EXISTS (SELECT FROM pg_locks WHERE pid = $1::int AND NOT "
                           "granted AND relation = 'busy'::regclass)",
                           {migrator_pid})
              .text(0, 0) == "t") {
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
  }

  std::size_t upgrade_rows(Connection& connection) {
    return std::stoul(connection
                          .exec_params("SELECT count(*) FROM structmig_history WHERE revision = $1 "
                                       "AND direction = 'upgrade'",
                                       {std::string(kAddNote)})
                          .text(0, 0));
  }
};

/// What a reader R saw while the migrator was waiting for H: how many of its
/// reads completed while H still held its lock, and how many samples of
/// pg_blocking_pids(R) (from a fourth session) named the migrator.
struct ReaderObservation {
  int reads_done_while_held = 0;
  int samples = 0;
  int samples_blocked_by_migrator = 0;
  int samples_blocked_by_migrator_while_it_was_not_waiting = 0;
};

TEST_F(LockDisciplineTest, ReadersGetThroughWhileTheMigratorRetriesThenItAppliesOnce) {
  Connection holder = open_holder();
  LogLines log;
  MigratorOptions options;
  options.lock_timeout = "300ms";
  options.lock_retries = 30;
  options.lock_retry_pause = std::chrono::milliseconds(100);
  options.log = log.sink();
  Connection migrating = Connection::open(conninfo());
  const std::string migrator_pid = pid_of(migrating);
  std::optional<std::string> failure;
  std::thread migrator_thread([&] {
    try {
      Migrator(migrating, add_note_history(), options).upgrade("head");
    } catch (const std::exception& e) {
      failure = e.what();
    }
  });

  Connection observer = Connection::open(conninfo());
  // The migrator has tried and been turned away at least once (state: its
  // retry line), and keeps trying while R reads.
  for (int i = 0; i < 2000 && log.count_containing("did not get its locks") == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_GE(log.count_containing("did not get its locks"), 1u);
  // R reads the table 20 times (each ~10 ms) while H still holds its lock and
  // the migrator keeps trying.
  ReaderObservation seen;
  int samples_migrator_queued = 0;
  {
    Connection reader = Connection::open(conninfo());
    const std::string reader_pid = pid_of(reader);
    std::atomic<int> reads_done{0};
    std::atomic<bool> finished{false};
    std::thread reading([&] {
      for (int i = 0; i < 20; ++i) {
        if (reader.exec("SELECT count(*) FROM busy").text(0, 0) == "100000") ++reads_done;
      }
      finished = true;
    });
    while (!finished) {
      // Three statements in order: is the migrator queued, is R blocked by
      // it, is the migrator queued. A wait lasts at least 300 ms, so "not
      // queued" both before and after means it was not queued in between.
      const bool queued_before = migrator_queued(observer, migrator_pid);
      const bool blocked = observer
                               .exec_params("SELECT $2::int = ANY (pg_blocking_pids($1::int))",
                                            {reader_pid, migrator_pid})
                               .text(0, 0) == "t";
      const bool queued_after = migrator_queued(observer, migrator_pid);
      ++seen.samples;
      if (queued_before || queued_after) ++samples_migrator_queued;
      if (blocked) {
        ++seen.samples_blocked_by_migrator;
        if (!queued_before && !queued_after) {
          ++seen.samples_blocked_by_migrator_while_it_was_not_waiting;
        }
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    reading.join();
    seen.reads_done_while_held = reads_done.load();
  }
  // Every read completed while H still held its lock (H has not committed):
  // the migrator never kept R waiting until H ended.
  EXPECT_EQ(seen.reads_done_while_held, 20);
  EXPECT_GT(seen.samples, 0);
  // The migrator never joins the lock queue before its last attempt, so R is
  // never blocked by it.
  EXPECT_EQ(seen.samples_blocked_by_migrator, 0);
  EXPECT_EQ(samples_migrator_queued, 0);
  std::printf("reader samples: %d, blocked by the migrator's pending request: %d\n", seen.samples,
              seen.samples_blocked_by_migrator);
  EXPECT_EQ(version_rows(observer), Ids{});  // still waiting for H

  holder.exec("COMMIT");
  migrator_thread.join();
  ASSERT_FALSE(failure) << *failure;
  EXPECT_EQ(version_rows(observer), Ids{std::string(kAddNote)});
  EXPECT_EQ(observer
                .exec("SELECT count(*) FROM information_schema.columns WHERE table_name = "
                      "'busy' AND column_name = 'note'")
                .text(0, 0),
            "1");
  EXPECT_EQ(upgrade_rows(observer), 1u);
  EXPECT_GE(log.count_containing("step 1 of migration 4c0c4c0c4c0c"), 1u);
  const auto lines = log.lines();
  ASSERT_FALSE(lines.empty());
  EXPECT_TRUE(contains(lines.front(), "did not get its locks (55P03: could not obtain lock on "
                                      "relation \"busy\"); rolled back, retry 1 of 30"))
      << lines.front();
  for (const auto& line : lines) std::printf("log: %s\n", line.c_str());
}

TEST_F(LockDisciplineTest, WithoutALockTimeoutTheReaderWaitsBehindTheMigratorUntilHEnds) {
  // The contrast: the same sampling sees R blocked by the migrator, and R's
  // read does not complete while H holds its lock.
  Connection holder = open_holder();
  MigratorOptions options;
  options.lock_timeout = "0";
  Connection migrating = Connection::open(conninfo());
  const std::string migrator_pid = pid_of(migrating);
  std::optional<std::string> failure;
  std::thread migrator_thread([&] {
    try {
      Migrator(migrating, add_note_history(), options).upgrade("head");
    } catch (const std::exception& e) {
      failure = e.what();
    }
  });
  Connection observer = Connection::open(conninfo());
  ASSERT_TRUE(wait_until_migrator_queued(observer, migrator_pid));

  Connection reader = Connection::open(conninfo());
  const std::string reader_pid = pid_of(reader);
  std::atomic<bool> read_done{false};
  std::thread reading([&] {
    reader.exec("SELECT count(*) FROM busy");
    read_done = true;
  });
  bool blocked_by_migrator = false;
  for (int i = 0; i < 1000 && !blocked_by_migrator; ++i) {
    blocked_by_migrator = observer
                              .exec_params("SELECT $2::int = ANY (pg_blocking_pids($1::int))",
                                           {reader_pid, migrator_pid})
                              .text(0, 0) == "t";
    if (!blocked_by_migrator) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_TRUE(blocked_by_migrator);
  EXPECT_FALSE(read_done);  // still queued: H holds its lock, the migrator waits for it
  holder.exec("COMMIT");
  reading.join();
  migrator_thread.join();
  EXPECT_TRUE(read_done);
  ASSERT_FALSE(failure) << *failure;
  EXPECT_EQ(upgrade_rows(observer), 1u);
}

// Long steps (VALIDATE, a concurrent index build) get no statement_timeout
// unless one is asked for, even when the server sets one for every session.
TEST_F(LockDisciplineTest, LongStepsIgnoreTheServersStatementTimeout) {
  db().exec(
      "CREATE FUNCTION slow_ok(v integer) RETURNS boolean IMMUTABLE LANGUAGE plpgsql AS $$ "
      "DECLARE n integer := 0; BEGIN FOR i IN 1..200 LOOP n := n + 1; END LOOP; "
      "RETURN n > 0; END $$");
  db().exec(
      "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET statement_timeout = %L', "
      "current_database(), '300ms'); END $$");
  Connection migrating = Connection::open(conninfo());  // inherits the 300ms
  ASSERT_EQ(migrating.exec("SHOW statement_timeout").text(0, 0), "300ms");
  // The validation alone outlasts the server's statement_timeout.
  try {
    migrating.exec("SELECT count(*) FROM busy WHERE slow_ok(v)");
    FAIL() << "the check's scan should take longer than 300ms for this test to mean anything";
  } catch (const DatabaseError& e) {
    ASSERT_EQ(e.sqlstate(), "57014") << e.what();
  }
  const std::vector<Migration> history{
      Migration{"5d0d5d0d5d0d", {}, "slow check", true, &add_slow_check, &drop_slow_check}};
  Migrator(migrating, history).upgrade("head");
  EXPECT_EQ(version_rows(db()), Ids{"5d0d5d0d5d0d"});
  EXPECT_EQ(db().exec("SELECT convalidated FROM pg_constraint WHERE conname = 'ck_busy_slow'")
                .text(0, 0),
            "t");
  EXPECT_EQ(db().exec("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_busy_slow'::regclass")
                .text(0, 0),
            "t");
  // Asked for, a statement_timeout does bound them.
  MigratorOptions bounded;
  bounded.statement_timeout = "300ms";
  Migrator(migrating, history, bounded).downgrade("base");
  try {
    Migrator(migrating, history, bounded).upgrade("head");
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_EQ(e.sqlstate(), "57014") << e.what();
  }
}

TEST_F(LockDisciplineTest, TooFewRetriesFailWith55P03AfterTwoAttemptsAndTheVersionStays) {
  Connection holder = open_holder();  // never commits during the run
  LogLines log;
  MigratorOptions options;
  options.lock_timeout = "200ms";
  options.lock_retries = 1;
  options.lock_retry_pause = std::chrono::milliseconds(50);
  options.log = log.sink();
  Migrator migrator(db(), add_note_history(), options);
  try {
    migrator.upgrade("head");
    FAIL() << "expected MigrationError";
  } catch (const MigrationError& e) {
    EXPECT_EQ(e.sqlstate(), "55P03") << e.what();
    EXPECT_EQ(e.revision(), std::string(kAddNote));
    EXPECT_EQ(e.step_index(), std::optional<std::size_t>(0));
    // The same object is a LockTimeout: a caller can catch the kind.
    EXPECT_NE(dynamic_cast<const LockTimeout*>(&e), nullptr) << e.what();
    EXPECT_EQ(kind_of(e), DatabaseErrorKind::lock_timeout);
  }
  // Two attempts: the first (NOWAIT) is followed by exactly one retry line,
  // the second waits up to the doubled timeout and fails for good without one.
  const auto lines = log.lines();
  ASSERT_EQ(lines.size(), 1u) << (lines.empty() ? "" : lines.back());
  EXPECT_TRUE(contains(lines[0], "step 1 of migration 4c0c4c0c4c0c (add busy note) did not get its locks (55P03"))
      << lines[0];
  EXPECT_TRUE(contains(lines[0], "retry 1 of 1")) << lines[0];
  EXPECT_TRUE(contains(lines[0], "the last one waiting up to lock_timeout 400ms")) << lines[0];
  holder.exec("COMMIT");
  EXPECT_EQ(version_rows(db()), Ids{});
  EXPECT_EQ(upgrade_rows(db()), 0u);
  EXPECT_EQ(db().exec("SELECT count(*) FROM information_schema.columns WHERE table_name = "
                      "'busy' AND column_name = 'note'")
                .text(0, 0),
            "0");
}

}  // namespace
}  // namespace structmig

// Live progress (MigratorOptions::events, progress.hpp) against a real
// server, with the waits made real: a step queued behind a lock another
// session holds is said when it starts, before it ends, and then, while it
// waits, with its elapsed time and the pid it waits for; a batched update
// and a backfill slowed by a trigger report rows, rate and an estimate; a
// concurrent index build on a slow expression reports its phase from
// pg_stat_progress_create_index; the wait for the migration lock is
// reported; and the migrate command, its stderr not a terminal, prints plain
// lines (no "\r"), while on a terminal it rewrites one live line.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "commands.hpp"
#include "history_fixture.hpp"
#include "progress_output.hpp"
#include "structmig/progress.hpp"
#include "structmig/startup.hpp"

namespace structmig {
namespace {

using history::DatabaseTest;
using history::version_rows;
using Kind = ProgressEvent::Kind;
using namespace std::chrono_literals;

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// The events of a run, readable from the test's thread while it runs.
class Events {
 public:
  std::function<void(const ProgressEvent&)> sink() {
    return [this](const ProgressEvent& event) {
      std::lock_guard<std::mutex> guard(mutex_);
      events_.push_back(event);
    };
  }
  std::vector<ProgressEvent> all() const {
    std::lock_guard<std::mutex> guard(mutex_);
    return events_;
  }
  std::vector<ProgressEvent> of(Kind kind) const {
    std::vector<ProgressEvent> out;
    for (const auto& event : all()) {
      if (event.kind == kind) out.push_back(event);
    }
    return out;
  }
  /// Waits (state, not time) until `found` holds for some event; bounded.
  bool wait_for(const std::function<bool(const ProgressEvent&)>& found) const {
    for (int i = 0; i < 1000; ++i) {
      for (const auto& event : all()) {
        if (found(event)) return true;
      }
      std::this_thread::sleep_for(10ms);
    }
    return false;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<ProgressEvent> events_;
};

MigratorOptions quick_options(Events& events) {
  MigratorOptions options;
  options.events = events.sink();
  options.progress_after = 300ms;
  options.progress_every = 200ms;
  return options;
}

void add_note(Ops& ops) { ops.add_column("busy", history::column("note", "text", true)); }
void drop_note(Ops& ops) { ops.drop_column("busy", "note"); }
constexpr std::string_view kAddNote = "6e0e6e0e6e0e";
std::vector<Migration> add_note_history() {
  return {Migration{kAddNote, {}, "add busy note", true, &add_note, &drop_note}};
}

class ProgressTest : public DatabaseTest {
 protected:
  void SetUp() override {
    DatabaseTest::SetUp();
    db().exec(
        "CREATE TABLE busy (id bigint PRIMARY KEY, v integer NOT NULL, label text);"
        "INSERT INTO busy SELECT g, g % 97 FROM generate_series(1, 1200) g;"
        "ANALYZE busy");
  }

  /// H: an open transaction holding ACCESS SHARE on busy (a plain read).
  Connection open_holder() {
    Connection holder = Connection::open(conninfo());
    holder.exec("BEGIN");
    holder.exec("SELECT count(*) FROM busy");
    return holder;
  }

  /// Every UPDATE statement on busy (each batch) takes 0.1 s more.
  void slow_updates() {
    db().exec(
        "CREATE FUNCTION slow_statement() RETURNS trigger LANGUAGE plpgsql AS $$ "
        "BEGIN PERFORM pg_sleep(0.1); RETURN NULL; END $$;"
        "CREATE TRIGGER busy_slow AFTER UPDATE ON busy FOR EACH STATEMENT "
        "EXECUTE FUNCTION slow_statement()");
  }
};

TEST_F(ProgressTest, AStepIsSaidWhenItStartsAndWhileItWaitsForALock) {
  Connection holder = open_holder();
  const std::string holder_pid = holder.exec("SELECT pg_backend_pid()").text(0, 0);
  Events events;
  MigratorOptions options = quick_options(events);
  options.lock_timeout = "0";  // waits as long as H holds its lock
  Connection migrating = Connection::open(conninfo());
  std::atomic<bool> done{false};
  std::optional<std::string> failure;
  std::thread migrator([&] {
    try {
      Migrator(migrating, add_note_history(), options).upgrade("head");
    } catch (const std::exception& e) {
      failure = e.what();
    }
    done = true;
  });

  // Said before it ends: H still holds its lock, so the step cannot have.
  ASSERT_TRUE(events.wait_for([](const ProgressEvent& e) { return e.kind == Kind::step_started; }));
  EXPECT_FALSE(done);
  const ProgressEvent started = events.of(Kind::step_started).front();
  EXPECT_EQ(started.revision, kAddNote);
  EXPECT_EQ(started.step, 1u);
  EXPECT_EQ(started.steps, std::optional<std::size_t>(1));
  EXPECT_EQ(started.description, "add column note to busy");
  EXPECT_EQ(started.locks, "ACCESS EXCLUSIVE on busy");
  EXPECT_EQ(format_progress(started),
            "upgrade 6e0e6e0e6e0e (add busy note) step 1 of 1: add column note to busy "
            "[ACCESS EXCLUSIVE on busy]");

  // While it waits: updates with the time so far and whom it waits for.
  ASSERT_TRUE(events.wait_for([&](const ProgressEvent& e) {
    return e.kind == Kind::step_running && e.elapsed >= 700ms &&
           e.waiting_for == "a lock held by pid " + holder_pid;
  }));
  EXPECT_FALSE(done);
  EXPECT_TRUE(version_rows(db()).empty());
  const auto running = events.of(Kind::step_running);
  ASSERT_GE(running.size(), 2u);
  EXPECT_GE(running.front().elapsed, 300ms);  // none before progress_after
  EXPECT_GT(running.back().elapsed, running.front().elapsed);
  EXPECT_TRUE(contains(format_progress(running.back()),
                       "step 1 of 1, add column note to busy: running ")) << format_progress(running.back());
  EXPECT_TRUE(contains(format_progress(running.back()),
                       "s, waiting for a lock held by pid " + holder_pid))
      << format_progress(running.back());

  holder.exec("COMMIT");
  migrator.join();
  ASSERT_FALSE(failure) << *failure;
  const auto all = events.all();
  ASSERT_EQ(all.back().kind, Kind::step_finished);
  EXPECT_GE(all.back().elapsed, 700ms);
  EXPECT_TRUE(events.of(Kind::step_failed).empty());
  // Nothing after the step's end.
  EXPECT_EQ(events.of(Kind::step_finished).size(), 1u);
}

TEST_F(ProgressTest, AFailedStepIsSaidToHaveFailed) {
  Connection holder = open_holder();
  Events events;
  MigratorOptions options = quick_options(events);
  options.lock_timeout = "200ms";
  options.lock_retries = 0;
  try {
    Migrator(db(), add_note_history(), options).upgrade("head");
    FAIL() << "expected a lock timeout";
  } catch (const MigrationError& e) {
    EXPECT_EQ(e.sqlstate(), "55P03");
  }
  const auto all = events.all();
  ASSERT_GE(all.size(), 2u);
  EXPECT_EQ(all.front().kind, Kind::step_started);
  EXPECT_EQ(all.back().kind, Kind::step_failed);
}

// update_in_batches in a data migration outside a transaction: 12 batches of
// 100 rows, each 0.1 s.
void label_in_batches(Ops& ops) {
  ops.update_in_batches({.table = "busy", .set = "label = 'b' || id", .batch_size = 100});
}
void unlabel(Ops& ops) { ops.execute("UPDATE busy SET label = NULL"); }

TEST_F(ProgressTest, ABatchedUpdateReportsRowsRateAndAnEstimate) {
  slow_updates();
  Events events;
  const std::vector<Migration> history{
      Migration{"7f0f7f0f7f0f", {}, "label in batches", false, &label_in_batches, &unlabel}};
  Migrator(db(), history, quick_options(events)).upgrade("head");
  EXPECT_EQ(db().exec("SELECT count(*) FROM busy WHERE label IS NULL").text(0, 0), "0");

  std::vector<ProgressEvent> with_rows;
  for (const auto& event : events.of(Kind::step_running)) {
    if (event.batch && event.batch->rows_done > 0) with_rows.push_back(event);
  }
  ASSERT_GE(with_rows.size(), 2u) << events.all().size();
  const ProgressEvent& first = with_rows.front();
  EXPECT_EQ(first.description, "update busy in batches");
  EXPECT_EQ(first.step, 0u);  // the migration's own work, between steps
  EXPECT_EQ(first.batch->rows_done % 100, 0u);
  EXPECT_LT(first.batch->rows_done, 1200u);
  EXPECT_GT(first.batch->rows_per_second, 0);
  // The planner's estimate: reltuples of the ANALYZE, scaled by the pages the
  // batches' new row versions added.
  ASSERT_TRUE(first.batch->rows_estimated);
  EXPECT_GE(*first.batch->rows_estimated, 1200u);
  EXPECT_LT(*first.batch->rows_estimated, 2400u);
  ASSERT_TRUE(first.batch->remaining);
  EXPECT_GT(with_rows.back().batch->rows_done, first.batch->rows_done);
  const std::string line = format_progress(first);
  EXPECT_TRUE(contains(line, "upgrade 7f0f7f0f7f0f (label in batches), update busy in batches: "
                             "running "))
      << line;
  EXPECT_TRUE(contains(line, " rows/s, about ")) << line;
  EXPECT_TRUE(contains(line, " left of ~" + std::to_string(*first.batch->rows_estimated))) << line;
  const auto finished = events.of(Kind::step_finished);
  ASSERT_EQ(finished.size(), 1u);
  ASSERT_TRUE(finished.front().batch);
  EXPECT_EQ(finished.front().batch->rows_done, 1200u);
}

void backfill_label(Ops& ops) {
  ops.backfill("busy", "label", "'f' || id", {.batch_size = 100});
}

TEST_F(ProgressTest, ABackfillReportsTheRowsOfItsBatchesAsTheyCommit) {
  slow_updates();
  Events events;
  const std::vector<Migration> history{
      Migration{"8a1a8a1a8a1a", {}, "backfill label", false, &backfill_label, &unlabel}};
  Migrator(db(), history, quick_options(events)).upgrade("head");
  EXPECT_EQ(db().exec("SELECT count(*) FROM busy WHERE label = 'f' || id").text(0, 0), "1200");

  const auto started = events.of(Kind::step_started);
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(started.front().description, "backfill busy.label");
  std::optional<ProgressEvent> with_rows;
  for (const auto& event : events.of(Kind::step_running)) {
    if (event.batch && event.batch->rows_done > 0 && event.batch->rows_done < 1200) {
      with_rows = event;
      break;
    }
  }
  ASSERT_TRUE(with_rows) << "no update with rows while the backfill ran";
  EXPECT_EQ(with_rows->batch->rows_done % 100, 0u);
  EXPECT_GT(with_rows->batch->rows_per_second, 0);
  EXPECT_EQ(with_rows->batch->rows_estimated, std::optional<std::uint64_t>(1200));
  EXPECT_TRUE(with_rows->batch->remaining);
  const auto finished = events.of(Kind::step_finished);
  ASSERT_EQ(finished.size(), 1u);
  ASSERT_TRUE(finished.front().batch);
  EXPECT_EQ(finished.front().batch->rows_done, 1200u);
  // Progress was asked for only for the backfill's session settings.
  EXPECT_EQ(db().exec("SELECT current_setting('structmig.progress', true)").text(0, 0), "");
}

void slow_index(Ops& ops) {
  ops.create_index("busy", {.name = "ix_busy_slow", .keys = {{.expression = "slow_key(v)"}}},
                   {.concurrently = true});
}
void drop_slow_index(Ops& ops) { ops.drop_index("busy", "ix_busy_slow", {.concurrently = true}); }

TEST_F(ProgressTest, AConcurrentIndexBuildReportsItsPhase) {
  // 1 ms per row: the table scan of the build takes over a second.
  db().exec(
      "CREATE FUNCTION slow_key(v integer) RETURNS integer IMMUTABLE LANGUAGE plpgsql AS $$ "
      "BEGIN PERFORM pg_sleep(0.001); RETURN v; END $$");
  Events events;
  const std::vector<Migration> history{
      Migration{"9b2b9b2b9b2b", {}, "slow index", false, &slow_index, &drop_slow_index}};
  Migrator(db(), history, quick_options(events)).upgrade("head");
  EXPECT_EQ(db().exec("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_busy_slow'::regclass")
                .text(0, 0),
            "t");
  const auto started = events.of(Kind::step_started);
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(started.front().description, "create index ix_busy_slow on busy concurrently");
  EXPECT_EQ(started.front().locks, "");  // blocks no reads or writes
  std::optional<ProgressEvent> building;
  for (const auto& event : events.of(Kind::step_running)) {
    if (event.index && event.index->phase == "building index: scanning table") building = event;
  }
  ASSERT_TRUE(building) << "no update in the table scan of the build";
  EXPECT_GT(building->index->blocks_total, 0);
  EXPECT_TRUE(contains(format_progress(*building), ", building index: scanning table, "))
      << format_progress(*building);
  EXPECT_TRUE(contains(format_progress(*building), " blocks (")) << format_progress(*building);
}

TEST_F(ProgressTest, TheWaitForTheMigrationLockIsReported) {
  Connection holder = Connection::open(conninfo() + " application_name=other_migrator");
  holder.exec("SELECT pg_advisory_lock(" + std::to_string(kMigrationLockKey) + ")");
  const std::string holder_pid = holder.exec("SELECT pg_backend_pid()").text(0, 0);
  Events events;
  Connection migrating = Connection::open(conninfo());
  std::thread migrator(
      [&] { Migrator(migrating, add_note_history(), quick_options(events)).upgrade("head"); });
  ASSERT_TRUE(events.wait_for([](const ProgressEvent& e) {
    return e.kind == Kind::migration_lock_wait && e.elapsed >= 500ms;
  }));
  holder.exec("SELECT pg_advisory_unlock(" + std::to_string(kMigrationLockKey) + ")");
  migrator.join();
  const ProgressEvent wait = events.of(Kind::migration_lock_wait).front();
  EXPECT_GE(wait.elapsed, 300ms);
  EXPECT_TRUE(contains(format_progress(wait),
                       "waiting for the migration lock, held by pid " + holder_pid))
      << format_progress(wait);
  EXPECT_EQ(events.all().back().kind, Kind::step_finished);
}

TEST_F(ProgressTest, TheStartupApiPrintsPlainLinesThroughItsLog) {
  std::vector<std::string> lines;
  StartupOptions options;
  options.migrator.log = [&](const std::string& line) { lines.push_back(line); };
  ensure_at_head(conninfo(), add_note_history(), options);
  ASSERT_EQ(lines.size(), 1u);  // a quick step: said as it starts, nothing more
  EXPECT_EQ(lines.front(),
            "upgrade 6e0e6e0e6e0e (add busy note) step 1 of 1: add column note to busy "
            "[ACCESS EXCLUSIVE on busy]");
}

// ---- the migrate command ---------------------------------------------------

TEST_F(ProgressTest, TheCommandPrintsPlainLinesWhenStderrIsNotATerminal) {
  Connection holder = open_holder();
  const std::string holder_pid = holder.exec("SELECT pg_backend_pid()").text(0, 0);
  std::ostringstream out;
  std::ostringstream err;
  int code = -1;
  const std::vector<Migration> history = add_note_history();
  std::thread command([&] {
    code = cli::run({"--url", conninfo(), "--lock-timeout", "0", "upgrade"}, history, out, err);
  });
  // The command's defaults: a running line after 2 s.
  Connection observer = Connection::open(conninfo());
  for (int i = 0; i < 1000; ++i) {
    if (observer
            .exec("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND "
                  "query LIKE 'ALTER TABLE%'")
            .text(0, 0) == "1") {
      break;
    }
    std::this_thread::sleep_for(10ms);
  }
  std::this_thread::sleep_for(2500ms);
  holder.exec("COMMIT");
  command.join();
  ASSERT_EQ(code, 0) << err.str();
  const std::string text = err.str();
  EXPECT_EQ(text.find('\r'), std::string::npos) << text;
  EXPECT_TRUE(text.starts_with(
      "structmig: upgrade 6e0e6e0e6e0e (add busy note) step 1 of 1: add column note to busy "
      "[ACCESS EXCLUSIVE on busy]\n"
      "structmig: upgrade 6e0e6e0e6e0e (add busy note) step 1 of 1, add column note to busy: "
      "running 2s, waiting for a lock held by pid " +
      holder_pid + "\n"))
      << text;
  // One running line (the next is due 10 s later), then the end.
  EXPECT_TRUE(contains(text, "\nstructmig: upgrade 6e0e6e0e6e0e (add busy note) step 1 of 1 done in "))
      << text;
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3) << text;
  EXPECT_TRUE(contains(out.str(), "upgrade 6e0e6e0e6e0e add busy note ... ")) << out.str();
}

TEST(ProgressOutputTest, OnATerminalOneLiveLineIsRewrittenAndLogLinesGoAboveIt) {
  std::ostringstream err;
  {
    cli::ProgressOutput output(err, /*terminal=*/true, /*width=*/200);
    ProgressEvent event;
    event.revision = "6e0e6e0e6e0e";
    event.message = "add busy note";
    event.step = 1;
    event.steps = 2;
    event.description = "add column note to busy";
    output.event(event);
    event.kind = Kind::step_running;
    event.elapsed = 2100ms;
    event.waiting_for = "a lock held by pid 42";
    output.event(event);
    output.log("a log line");
    event.elapsed = 3200ms;
    output.event(event);
    event.kind = Kind::step_finished;
    event.elapsed = 3400ms;
    output.event(event);
    event.kind = Kind::step_started;
    event.step = 2;
    output.event(event);
  }  // leaves the live line cleared
  const std::string clear = "\r\033[K";
  const std::string prefix = "upgrade 6e0e6e0e6e0e (add busy note) step ";
  EXPECT_EQ(err.str(),
            clear + prefix + "1 of 2: add column note to busy" +
                clear + prefix + "1 of 2, add column note to busy: running 2s, waiting for a lock held by pid 42" +
                clear + "structmig: a log line\n" +
                clear + prefix + "1 of 2, add column note to busy: running 2s, waiting for a lock held by pid 42" +
                clear + prefix + "1 of 2, add column note to busy: running 3s, waiting for a lock held by pid 42" +
                clear + "structmig: " + prefix + "1 of 2 done in 3.4s\n" +
                clear + prefix + "2 of 2: add column note to busy" + clear);
}

}  // namespace
}  // namespace structmig

// The text of progress events (format_progress) and the plain-lines printer's
// throttling (plain_progress_lines): pure, no database.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "structmig/migrator.hpp"
#include "structmig/progress.hpp"

namespace structmig {
namespace {

using Kind = ProgressEvent::Kind;
using namespace std::chrono_literals;

ProgressEvent step_event(Kind kind, std::chrono::milliseconds elapsed = 0ms) {
  ProgressEvent event;
  event.kind = kind;
  event.revision = "4c0c4c0c4c0c";
  event.message = "backfill label";
  event.direction = Direction::downgrade;
  event.step = 2;
  event.steps = 3;
  event.description = "backfill items.label";
  event.elapsed = elapsed;
  return event;
}

TEST(ProgressFormat, StepsRowsIndexBuildsAndTheMigrationLock) {
  ProgressEvent started = step_event(Kind::step_started);
  started.locks = "ACCESS EXCLUSIVE on items";
  EXPECT_EQ(format_progress(started),
            "downgrade 4c0c4c0c4c0c (backfill label) step 2 of 3: backfill items.label "
            "[ACCESS EXCLUSIVE on items]");
  started.steps.reset();  // a data migration: the count is not known in advance
  started.locks.clear();
  EXPECT_EQ(format_progress(started),
            "downgrade 4c0c4c0c4c0c (backfill label) step 2: backfill items.label");

  ProgressEvent running = step_event(Kind::step_running, 125'400ms);
  running.batch = BatchProgress{40000, 3333.4, 100000, 18s};
  EXPECT_EQ(format_progress(running),
            "downgrade 4c0c4c0c4c0c (backfill label) step 2 of 3, backfill items.label: running "
            "2min 05s, 40000 rows, 3333 rows/s, about 18s left of ~100000");
  running.batch->remaining.reset();
  running.batch->rows_done = 120000;
  EXPECT_TRUE(format_progress(running).ends_with("120000 rows, 3333 rows/s, of ~100000"));
  running.batch.reset();
  running.waiting_for = "a lock held by pid 42";
  running.index = IndexBuildProgress{"building index: scanning table", 120, 480, 0, 0};
  EXPECT_TRUE(format_progress(running).ends_with(
      ": running 2min 05s, waiting for a lock held by pid 42, building index: scanning table, "
      "120 of 480 blocks (25%)"))
      << format_progress(running);

  ProgressEvent finished = step_event(Kind::step_finished, 3'460ms);
  EXPECT_EQ(format_progress(finished),
            "downgrade 4c0c4c0c4c0c (backfill label) step 2 of 3 done in 3.5s");
  finished.batch = BatchProgress{1200, 400, 1200, std::nullopt};
  EXPECT_TRUE(format_progress(finished).ends_with(" done in 3.5s: 1200 rows, 400 rows/s"));
  EXPECT_EQ(format_progress(step_event(Kind::step_failed, 2h + 3min)),
            "downgrade 4c0c4c0c4c0c (backfill label) step 2 of 3 failed after 2h 03min");

  ProgressEvent outside = step_event(Kind::step_running, 2s);
  outside.step = 0;  // update_in_batches between steps
  outside.description = "update items in batches";
  EXPECT_EQ(format_progress(outside),
            "downgrade 4c0c4c0c4c0c (backfill label), update items in batches: running 2s");

  ProgressEvent wait;
  wait.kind = Kind::migration_lock_wait;
  wait.holder = "pid 7 (application \"app\")";
  wait.elapsed = 61s;
  EXPECT_EQ(format_progress(wait),
            "waiting for the migration lock, held by pid 7 (application \"app\"): 1min 01s");
}

TEST(ProgressFormat, PlainLinesAreThrottledPerStep) {
  std::vector<std::string> lines;
  auto print = plain_progress_lines([&](const std::string& line) { lines.push_back(line); }, 10s);
  // A quick step: its start only.
  print(step_event(Kind::step_started));
  print(step_event(Kind::step_finished, 200ms));
  ASSERT_EQ(lines.size(), 1u);
  // A long one: the first update, then one per 10 s, and its end.
  print(step_event(Kind::step_started));
  for (int second = 2; second <= 25; ++second) {
    print(step_event(Kind::step_running, std::chrono::seconds(second)));
  }
  print(step_event(Kind::step_finished, 25500ms));
  ProgressEvent wait;
  wait.kind = Kind::migration_lock_wait;
  print(wait);  // said by the log already
  print(step_event(Kind::step_failed, 1s));
  ASSERT_EQ(lines.size(), 6u);
  EXPECT_TRUE(lines[2].ends_with("running 2s")) << lines[2];
  EXPECT_TRUE(lines[3].ends_with("running 12s")) << lines[3];
  EXPECT_TRUE(lines[4].ends_with("running 22s")) << lines[4];
  EXPECT_TRUE(lines[5].ends_with("done in 25.5s")) << lines[5];
  for (const auto& line : lines) EXPECT_EQ(line.find('\r'), std::string::npos);
}

}  // namespace
}  // namespace structmig

// Live progress of a migration run (MigratorOptions::events): each step as it
// starts and ends, and, while a step or the wait for the migration lock lasts
// longer than a couple of seconds, an update every second with the elapsed
// time and what the database says about it (a lock the step waits for, rows
// a batched update or backfill has done, the phase of an index build). Plus
// the text of an event, and a printer of plain lines for logs.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace structmig {

enum class Direction;

/// Rows done by a batched update (Ops::update_in_batches) or a backfill.
struct BatchProgress {
  std::uint64_t rows_done = 0;
  double rows_per_second = 0;
  /// The planner's estimate of the rows to do in all (pg_class.reltuples for
  /// a backfill, EXPLAIN of the batches' condition for a batched update);
  /// nullopt when it could not be read.
  std::optional<std::uint64_t> rows_estimated;
  /// (rows_estimated - rows_done) / rows_per_second, when both are known and
  /// rows remain.
  std::optional<std::chrono::seconds> remaining;
};

/// A row of pg_stat_progress_create_index for the migrating backend.
struct IndexBuildProgress {
  std::string phase;  // e.g. "building index: scanning table"
  std::int64_t blocks_done = 0;
  std::int64_t blocks_total = 0;
  std::int64_t tuples_done = 0;
  std::int64_t tuples_total = 0;
};

struct ProgressEvent {
  enum class Kind {
    step_started,   // the step's first statement is about to be sent
    step_running,   // the step has run for `elapsed` (at least MigratorOptions::progress_after)
    step_finished,  // committed (or, outside a transaction, done) and recorded
    step_failed,    // the step failed; the error follows as an exception
    migration_lock_wait,  // still waiting for the migration lock, for `elapsed`
  };
  Kind kind = Kind::step_started;

  // The step (every kind but migration_lock_wait).
  std::string revision;
  std::string message;  // the migration's message
  Direction direction{};
  std::size_t step = 0;                // 1-based
  std::optional<std::size_t> steps;    // the migration's step count, when known in advance
  std::string description;             // what the step does ("add column note to busy")
  std::string locks;                   // the locks that block reads or writes it takes, or ""

  std::chrono::milliseconds elapsed{0};  // since the step (or the lock wait) began

  // step_running: what the database says the step's backend is doing.
  /// Non-empty while it waits for a lock: "a lock held by pid 123".
  std::string waiting_for;
  std::optional<BatchProgress> batch;
  std::optional<IndexBuildProgress> index;

  // migration_lock_wait: who holds the lock ("pid 123 (application …)").
  std::string holder;
};

/// The event as one line of text, without a trailing newline, e.g.
/// `upgrade 4c0c4c0c4c0c (add busy note) step 1 of 2: add column note to busy
/// [ACCESS EXCLUSIVE on busy]` or `… step 1 of 2 running 12s: 40000 rows,
/// 3300 rows/s, about 18s left of ~100000`.
std::string format_progress(const ProgressEvent& event);

/// An events callback that writes plain lines through `line` (a log): every
/// step_started; the first step_running of a step, then at most one every
/// `every` per step; step_finished only for a step that got a running line;
/// nothing for step_failed (the error says it) or migration_lock_wait
/// (MigratorOptions::log says it). Not thread-safe by itself; the migrator
/// never calls an events callback concurrently.
std::function<void(const ProgressEvent&)> plain_progress_lines(
    std::function<void(const std::string&)> line,
    std::chrono::milliseconds every = std::chrono::seconds(10));

}  // namespace structmig

// The migrator's side of live progress (progress.hpp): a ProgressSink per run
// serializes the calls of MigratorOptions::events and owns the second
// connection that watches the migrating one; a StepWatch per step says it
// started, and while it runs longer than progress_after, samples the
// migrating backend every progress_every on a thread of its own (its lock
// wait, its row of pg_stat_progress_create_index, the rows of its batches)
// and says so; at the end it says the step finished (or failed).
//
// The watching connection runs single autocommit SELECTs: each holds its
// snapshot only while it runs, so a CREATE INDEX CONCURRENTLY in the watched
// session (which waits for every transaction with an older snapshot) never
// waits for it. Watching is best effort: a failure to connect or to read
// leaves the updates with the elapsed time only.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "structmig/connection.hpp"
#include "structmig/migrator.hpp"
#include "structmig/progress.hpp"

namespace structmig::detail {

class ProgressSink {
 public:
  /// `connection`: the migrating connection (its parameters open the
  /// watching one, its backend is the one watched).
  ProgressSink(const MigratorOptions& options, Connection& connection);
  ProgressSink(const ProgressSink&) = delete;
  ProgressSink& operator=(const ProgressSink&) = delete;

  bool enabled() const { return static_cast<bool>(callback_); }
  std::chrono::milliseconds after() const { return after_; }
  std::chrono::milliseconds every() const { return every_; }
  void emit(const ProgressEvent& event);

  /// For the watching thread: what the database says about the migrating
  /// backend (waiting_for, index), filled into `event`; and the planner's
  /// estimate of a batch's rows (the first column of the first row of
  /// `estimate_sql`, or the "Plan Rows" of an EXPLAIN (FORMAT JSON)).
  void sample(ProgressEvent& event);
  std::optional<std::uint64_t> estimate_rows(const std::string& estimate_sql);

 private:
  Connection* watcher();

  std::function<void(const ProgressEvent&)> callback_;
  std::chrono::milliseconds after_;
  std::chrono::milliseconds every_;
  Connection& connection_;
  std::string pid_;
  std::mutex emit_mutex_;
  std::optional<Connection> watcher_;  // used by one StepWatch thread at a time
  bool watcher_failed_ = false;
};

class StepWatch {
 public:
  /// Emits `started` (kind step_started) and, when the sink is enabled,
  /// starts the watching thread.
  StepWatch(ProgressSink& sink, ProgressEvent started);
  StepWatch(const StepWatch&) = delete;
  StepWatch& operator=(const StepWatch&) = delete;
  /// Without finish(): step_failed.
  ~StepWatch();

  /// Rows done so far by the step's batches; `estimate_sql` (see
  /// ProgressSink::estimate_rows) is run once, by the watching thread.
  void rows_done(std::uint64_t rows, const std::string& estimate_sql);
  void finish();

 private:
  void watch();
  void stop(ProgressEvent::Kind kind);

  ProgressSink& sink_;
  ProgressEvent event_;  // the step; guarded by mutex_ once the thread runs
  std::chrono::steady_clock::time_point started_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool finished_ = false;
  std::optional<std::uint64_t> rows_;
  std::string estimate_sql_;
  std::optional<std::uint64_t> rows_estimated_;
  bool estimated_ = false;
  std::thread thread_;
};

}  // namespace structmig::detail

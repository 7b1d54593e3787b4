// Watching a migration's steps; see progress_watch.hpp.
#include "migrator/progress_watch.hpp"

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace structmig::detail {
namespace {

using Clock = std::chrono::steady_clock;

std::chrono::milliseconds since(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

// The watched backend: the locks it waits for and its index build, if any.
constexpr const char* kSampleSql =
    "SELECT a.wait_event_type, array_to_string(pg_blocking_pids(a.pid), ', '), p.phase, "
    "p.blocks_done, p.blocks_total, p.tuples_done, p.tuples_total "
    "FROM pg_stat_activity a LEFT JOIN pg_stat_progress_create_index p ON p.pid = a.pid "
    "WHERE a.pid = $1::int";

std::int64_t number(const std::optional<std::string>& text) {
  return text ? std::strtoll(text->c_str(), nullptr, 10) : 0;
}

std::string waiting_for(const std::string& blocking_pids) {
  if (blocking_pids.empty()) return "a lock";
  if (blocking_pids.find(',') == std::string::npos) return "a lock held by pid " + blocking_pids;
  return "locks held by pids " + blocking_pids;
}

// Rows, rate and time left from what the batches said and the estimate.
BatchProgress batch_progress(std::uint64_t rows, std::chrono::milliseconds elapsed,
                                    std::optional<std::uint64_t> estimated) {
  BatchProgress batch;
  batch.rows_done = rows;
  const double seconds = static_cast<double>(elapsed.count()) / 1000.0;
  if (seconds > 0) batch.rows_per_second = static_cast<double>(rows) / seconds;
  batch.rows_estimated = estimated;
  if (estimated && *estimated > rows && batch.rows_per_second > 0) {
    batch.remaining = std::chrono::seconds(static_cast<long long>(
        static_cast<double>(*estimated - rows) / batch.rows_per_second + 0.5));
  }
  return batch;
}

}  // namespace

ProgressSink::ProgressSink(const MigratorOptions& options, Connection& connection)
    : callback_(options.events),
      after_(options.progress_after),
      every_(std::max(options.progress_every, std::chrono::milliseconds(10))),
      connection_(connection),
      pid_(std::to_string(connection.backend_pid())) {}

void ProgressSink::emit(const ProgressEvent& event) {
  if (!callback_) return;
  std::lock_guard<std::mutex> guard(emit_mutex_);
  try {
    callback_(event);
  } catch (...) {  // a progress display never stops a migration
  }
}

Connection* ProgressSink::watcher() {
  if (watcher_) {
    if (watcher_->is_open()) return &*watcher_;
    watcher_.reset();
    watcher_failed_ = true;
  }
  if (watcher_failed_) return nullptr;
  try {
    // open_another reads only the parameters fixed at connect time, so it is
    // safe while the migrating thread runs a statement on connection_.
    watcher_.emplace(connection_.open_another());
    // Never queue for a table lock (an EXPLAIN of a table the step holds).
    watcher_->exec(
        "SET application_name = 'structmig progress'; SET lock_timeout = '100ms'; "
        "SET statement_timeout = '2s'");
    return &*watcher_;
  } catch (const DatabaseError&) {
    watcher_.reset();
    watcher_failed_ = true;
    return nullptr;
  }
}

void ProgressSink::sample(ProgressEvent& event) {
  Connection* watcher = this->watcher();
  if (watcher == nullptr) return;
  try {
    const Result result = watcher->exec_params(kSampleSql, {pid_});
    if (result.empty()) return;
    if (result.text(0, 0) == "Lock") event.waiting_for = waiting_for(result.text(0, 1));
    if (result.at(0, 2)) {
      event.index = IndexBuildProgress{*result.at(0, 2), number(result.at(0, 3)),
                                       number(result.at(0, 4)), number(result.at(0, 5)),
                                       number(result.at(0, 6))};
    }
  } catch (const DatabaseError&) {  // best effort: the elapsed time alone
  }
}

std::optional<std::uint64_t> ProgressSink::estimate_rows(const std::string& estimate_sql) {
  Connection* watcher = this->watcher();
  if (watcher == nullptr || estimate_sql.empty()) return std::nullopt;
  try {
    const Result result = watcher->exec(estimate_sql);
    if (result.empty()) return std::nullopt;
    std::string text = result.text(0, 0);
    if (estimate_sql.starts_with("EXPLAIN")) {
      const std::string field = "\"Plan Rows\": ";
      const auto at = text.find(field);
      if (at == std::string::npos) return std::nullopt;
      text = text.substr(at + field.size());
    }
    const double rows = std::strtod(text.c_str(), nullptr);
    if (!(rows > 0)) return std::nullopt;  // never analyzed (reltuples -1) or empty
    return static_cast<std::uint64_t>(rows);
  } catch (const DatabaseError&) {
    return std::nullopt;
  }
}

StepWatch::StepWatch(ProgressSink& sink, ProgressEvent started)
    : sink_(sink), event_(std::move(started)), started_(Clock::now()) {
  if (!sink_.enabled()) return;
  event_.kind = ProgressEvent::Kind::step_started;
  sink_.emit(event_);
  thread_ = std::thread([this] { watch(); });
}

StepWatch::~StepWatch() { stop(ProgressEvent::Kind::step_failed); }

void StepWatch::rows_done(std::uint64_t rows, const std::string& estimate_sql) {
  std::lock_guard<std::mutex> guard(mutex_);
  rows_ = rows;
  if (rows == 0 || estimate_sql_.empty()) {  // a new batched update in the same step
    estimate_sql_ = estimate_sql;
    estimated_ = false;
    rows_estimated_.reset();
  }
}

void StepWatch::finish() { stop(ProgressEvent::Kind::step_finished); }

void StepWatch::watch() {
  std::unique_lock<std::mutex> lock(mutex_);
  Clock::time_point next = started_ + sink_.after();
  for (;;) {
    if (wake_.wait_until(lock, next, [this] { return stopping_; })) return;
    ProgressEvent event = event_;
    event.kind = ProgressEvent::Kind::step_running;
    const std::string estimate_sql = rows_ && !estimated_ ? estimate_sql_ : std::string();
    lock.unlock();
    // The database is asked without the lock: the migrating thread may report
    // rows meanwhile, and a slow answer must not hold it up.
    sink_.sample(event);
    std::optional<std::uint64_t> estimated;
    if (!estimate_sql.empty()) estimated = sink_.estimate_rows(estimate_sql);
    lock.lock();
    if (!estimate_sql.empty()) {
      estimated_ = true;
      rows_estimated_ = estimated;
    }
    if (stopping_) return;  // the step ended while sampling: no update after its end
    event.elapsed = since(started_);
    if (rows_) event.batch = batch_progress(*rows_, event.elapsed, rows_estimated_);
    sink_.emit(event);
    next += sink_.every();
    if (next <= Clock::now()) next = Clock::now() + sink_.every();
  }
}

void StepWatch::stop(ProgressEvent::Kind kind) {
  if (!sink_.enabled()) return;
  {
    std::lock_guard<std::mutex> guard(mutex_);
    if (finished_) return;
    finished_ = stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  ProgressEvent event = event_;
  event.kind = kind;
  event.elapsed = since(started_);
  if (rows_) event.batch = batch_progress(*rows_, event.elapsed, rows_estimated_);
  sink_.emit(event);
}

}  // namespace structmig::detail

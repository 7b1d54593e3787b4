// The step runner; see step_runner.hpp. A transactional group costs one round
// trip when the migration never asks for the connection: BEGIN, SET LOCAL
// lock_timeout, its statements, the progress record (or, for the last step,
// the version and history rows) and COMMIT go in one pipeline. A step outside
// a transaction sets its timeouts for the session, runs its statement, and
// records its progress on its own.
//
// Steps are counted as the migration records them: a group counts when it
// holds operations or when the migration queried the database in it, so a
// rerun of the same migration counts the same steps and skips exactly the
// ones already committed.
#include "migrator/step_runner.hpp"

#include <chrono>
#include <charconv>
#include <optional>

#include "migrator/bookkeeping.hpp"
#include "connection/error_context.hpp"
#include "migrator/lock_probe.hpp"
#include "migrator/step_description.hpp"
#include "structmig/ops.hpp"
#include "structmig/sql.hpp"

namespace structmig::detail {
namespace {

std::string steps_text(std::size_t count) {
  return count == 1 ? "step 1" : "steps 1-" + std::to_string(count);
}

// What the progress watch runs once to estimate the rows of a batched update
// or a backfill (ProgressSink::estimate_rows).
std::string estimate_sql(const BatchUpdate& batch) {
  return "EXPLAIN (FORMAT JSON) SELECT FROM " + quote_ident(batch.table) + " WHERE (" +
         batch.where + ")";
}
std::string estimate_sql(const Backfill& backfill) {
  return "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(" +
         quote_literal(quote_ident(backfill.table)) + ")";
}

// The backfill's NOTICE after each batch (sql_data.cpp): its rows so far.
std::optional<std::uint64_t> backfill_rows(std::string_view notice) {
  constexpr std::string_view prefix = "structmig progress: ";
  if (!notice.starts_with(prefix)) return std::nullopt;
  notice.remove_prefix(prefix.size());
  std::uint64_t rows = 0;
  const auto [end, error] = std::from_chars(notice.data(), notice.data() + notice.size(), rows);
  if (error != std::errc()) return std::nullopt;
  return rows;
}

class StepRunner final : public MigrationSession {
 public:
  StepRunner(Connection& connection, const MigrationRun& run)
      : connection_(connection), run_(run), started_(std::chrono::steady_clock::now()) {}

  bool transactional() const override { return run_.migration.transactional; }
  bool step_done() const override { return step_ < run_.steps_done; }

  Connection& connection() override {
    rethrow_failure();
    return connection_;
  }

  void flush(const std::vector<Op>& pending) override {
    rethrow_failure();
    flushed_ = true;
    take(pending);
    if (!transactional()) return;  // its queries run on their own, like its statements
    group_touched_ = true;
    // The migration's own queries run inside the current step's transaction.
    if (!step_done()) send_group(/*commit=*/false, /*last=*/false);
  }

  void batch_progress(const BatchUpdate& batch, std::size_t rows_done, bool finished) override {
    if (!progress_enabled()) return;
    if (!watch_) {  // between steps (a non-transactional migration's own work)
      start_watch(0, "update " + batch.table + " in batches", "");
      batch_watch_ = true;
    }
    watch_->rows_done(rows_done, estimate_sql(batch));
    if (finished && batch_watch_) finish_watch();
  }

  std::optional<BatchPlace> batch_place(const BatchUpdate& batch) override {
    if (transactional()) return std::nullopt;  // a failure rolls every batch back
    if (batch_step_ != step_) {
      batch_step_ = step_;
      batch_runs_ = 0;
    }
    ++batch_runs_;
    return BatchPlace{std::string(run_.migration.revision), std::string(to_string(run_.direction)),
                      step_, bookkeeping::batch_identity(step_, batch_runs_, batch)};
  }

  /// The migration's step count, once its recording is complete, when it
  /// never asked for the database while recording (a data migration's count
  /// is not known before it runs).
  void count_steps(const std::vector<Op>& recorded) {
    if (!flushed_) steps_ = split_steps(recorded, transactional()).size();
  }

  void finish(const std::vector<Op>& pending) {
    rethrow_failure();
    take(pending);
    if (end_group(/*last=*/true)) return;
    record_completion();
  }

  void abandon() noexcept {
    watch_.reset();  // step_failed
    try {
      connection_.exec("ROLLBACK");  // outside a transaction only a WARNING
    } catch (...) {  // the original error is the one worth reporting
    }
    try {
      reset_session_settings();
    } catch (...) {
    }
  }

  void rethrow_failure() const {
    if (failure_) std::rethrow_exception(failure_);
  }

  /// What a failure leaves behind, for the error's note.
  std::string failure_note() const {
    std::string note;
    if (step_ > 0) {
      note = steps_text(step_) + ", before the failure, " + (step_ == 1 ? "is" : "are") +
             " committed and recorded: a rerun resumes at step " + std::to_string(step_ + 1) +
             "; ";
    }
    return note + "structmig_version was not changed";
  }

  std::size_t step() const { return step_; }

 private:
  void take(const std::vector<Op>& ops) {
    for (const Op& op : ops) {
      if (std::holds_alternative<CommitStep>(op)) {
        end_group(/*last=*/false);
      } else if (!transactional() || runs_outside_transaction(op)) {
        end_group(/*last=*/false);
        run_single(op);
      } else {
        group_.push_back(op);
      }
    }
  }

  // Ends the current group, if it is a step; returns true when it was the
  // last one and carried the completion of the migration.
  bool end_group(bool last) {
    if (group_.empty() && !group_touched_) return false;
    const bool completes = last && !step_done();
    send_group(/*commit=*/true, completes);
    group_touched_ = false;
    ++step_;
    return completes;
  }

  // Sends the group's pending statements; with `commit`, also its record and
  // COMMIT (the migration's completion when `last`).
  void send_group(bool commit, bool last) {
    std::vector<std::string> statements = statements_of(group_);
    // The settings (timeouts, lock probes) depend on the group's operations.
    std::vector<std::string> settings = open_ || step_done() ? std::vector<std::string>{}
                                                             : group_settings();
    if (!open_ && !step_done() && progress_enabled()) {
      start_watch(step_ + 1, describe_step(group_), lock_summary(group_));
    }
    group_.clear();
    if (step_done()) {  // committed by an earlier run: counted, not sent
      executed_ += statements.size();
      return;
    }
    std::vector<std::string> pipeline;
    if (!open_) {
      pipeline.emplace_back("BEGIN");
      for (auto& setting : settings) pipeline.push_back(std::move(setting));
    }
    const std::size_t prefix = pipeline.size();
    for (auto& statement : statements) pipeline.push_back(std::move(statement));
    const std::size_t count = pipeline.size() - prefix;
    if (pipeline.empty() && !commit) return;
    if (commit) {
      if (last) {
        for (auto& statement : completion_statements()) pipeline.push_back(std::move(statement));
      } else {
        pipeline.push_back(bookkeeping::record_progress(run_.migration.revision,
                                                        to_string(run_.direction), step_ + 1));
      }
      pipeline.emplace_back("COMMIT");
    }
    try {
      connection_.exec_pipeline(pipeline);
    } catch (const StatementError& e) {
      std::optional<std::size_t> index;
      if (e.index() >= prefix && e.index() < prefix + count) index = executed_ + (e.index() - prefix);
      fail(e, index, "this step was rolled back");
    } catch (const DatabaseError& e) {
      fail(e, std::nullopt, "this step was rolled back");
    }
    open_ = !commit;
    executed_ += count;
    if (commit) finish_watch();
  }

  void run_single(const Op& op) {
    const std::vector<std::string> statements = statements_of({op});
    if (step_done()) {
      executed_ += statements.size();
      ++step_;
      return;
    }
    if (progress_enabled()) start_watch(step_ + 1, describe_op(op), lock_summary({op}));
    set_session_settings({op});
    std::size_t index = executed_;
    try {
      if (const auto* backfill = std::get_if<Backfill>(&op); backfill && watch_) {
        run_watched_backfill(*backfill, statements);
        index += statements.size();
      } else if (const auto* create = std::get_if<CreateIndex>(&op)) {
        index = executed_ + 1;  // the CREATE; its DROP … IF EXISTS runs only when needed
        build_index_concurrently(connection_, *create, run_.log);
      } else {
        for (const std::string& statement : statements) {
          connection_.exec(statement);
          ++index;
        }
      }
    } catch (const DatabaseError& e) {
      fail(e, index,
           "this step runs outside a transaction; " +
               std::string(std::holds_alternative<CreateIndex>(op)
                               ? "an INVALID index it may leave is dropped and built again by "
                                 "the rerun"
                               : "the rerun runs it again"));
    }
    executed_ += statements.size();
    try {
      connection_.exec(bookkeeping::record_progress(run_.migration.revision,
                                                    to_string(run_.direction), step_ + 1));
    } catch (const DatabaseError& e) {
      fail(e, std::nullopt, "the step was applied but recording it failed; the rerun repeats it");
    }
    ++step_;
    finish_watch();
  }

  bool progress_enabled() const { return run_.progress != nullptr && run_.progress->enabled(); }

  void start_watch(std::size_t step, std::string description, std::string locks) {
    finish_watch();
    ProgressEvent started;
    started.revision = std::string(run_.migration.revision);
    started.message = std::string(run_.migration.message);
    started.direction = run_.direction;
    started.step = step;
    started.steps = steps_;
    started.description = std::move(description);
    started.locks = std::move(locks);
    watch_.emplace(*run_.progress, std::move(started));
  }

  void finish_watch() {
    if (!watch_) return;
    watch_->finish();
    watch_.reset();
    batch_watch_ = false;
  }

  // The backfill's DO block says after each batch how many rows it has done
  // (a NOTICE, asked for by structmig.progress in set_session_settings).
  void run_watched_backfill(const Backfill& backfill, const std::vector<std::string>& statements) {
    const std::string estimate = estimate_sql(backfill);
    StepWatch& watch = *watch_;
    connection_.set_notice_handler([&watch, &estimate](std::string_view notice) {
      if (const auto rows = backfill_rows(notice)) watch.rows_done(*rows, estimate);
    });
    struct Quiet {
      Connection& connection;
      ~Quiet() { connection.set_notice_handler({}); }
    } quiet{connection_};
    for (const std::string& statement : statements) connection_.exec(statement);
  }

  // The version and history rows, and the progress forgotten.
  std::vector<std::string> completion_statements() const {
    const double elapsed_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_)
            .count();
    std::vector<std::string> out{
        bookkeeping::clear_progress(run_.migration.revision, to_string(run_.direction))};
    for (auto& statement :
         bookkeeping::record_step(run_.heads_before, run_.heads_after, run_.migration,
                                  to_string(run_.direction), bookkeeping::duration_literal(elapsed_ms))) {
      out.push_back(std::move(statement));
    }
    return out;
  }

  void record_completion() {
    reset_session_settings_or_fail();
    std::vector<std::string> pipeline{"BEGIN"};
    for (auto& statement : completion_statements()) pipeline.push_back(std::move(statement));
    pipeline.emplace_back("COMMIT");
    try {
      connection_.exec_pipeline(pipeline);
    } catch (const DatabaseError& e) {
      fail(e, std::nullopt,
           "every step was applied, but recording the migration failed; structmig_version was "
           "not changed (once the cause is fixed, the rerun records it)");
    }
  }

  std::vector<std::string> group_settings() const {
    std::vector<std::string> out{"SET LOCAL lock_timeout = " +
                                 quote_literal(run_.policy.lock_timeout_of(run_.attempt))};
    const std::string statement_timeout = run_.policy.statement_timeout_of(group_);
    if (!statement_timeout.empty()) {
      out.push_back("SET LOCAL statement_timeout = " + quote_literal(statement_timeout));
    }
    // Every attempt but the last takes its locks without queueing (see
    // lock_probe.hpp); the last one waits for them, up to its lock_timeout.
    if (run_.attempt < run_.policy.retries) {
      for (auto& probe : lock_probes(group_)) out.push_back(std::move(probe));
    }
    return out;
  }

  void set_session_settings(const std::vector<Op>& ops) {
    std::string sql =
        "SET lock_timeout = " + quote_literal(run_.policy.lock_timeout_of(run_.attempt));
    const std::string statement_timeout = run_.policy.statement_timeout_of(ops);
    sql += "; SET statement_timeout = " +
           (statement_timeout.empty() ? std::string("DEFAULT") : quote_literal(statement_timeout));
    // A backfill reports its batches (sql_data.cpp) only when asked to.
    if (progress_enabled()) sql += "; SET structmig.progress = 'on'";
    try {
      connection_.exec(sql);
    } catch (const DatabaseError& e) {
      fail(e, std::nullopt, "");
    }
    session_settings_ = true;
  }

  void reset_session_settings() {
    if (!session_settings_) return;
    session_settings_ = false;
    connection_.exec(std::string("RESET lock_timeout; RESET statement_timeout") +
                     (progress_enabled() ? "; RESET structmig.progress" : ""));
  }

  void reset_session_settings_or_fail() {
    try {
      reset_session_settings();
    } catch (const DatabaseError& e) {
      fail(e, std::nullopt, "");
    }
  }

  std::vector<std::string> statements_of(const std::vector<Op>& ops) {
    try {
      return to_sql(ops);
    } catch (const std::exception& e) {
      fail(DatabaseError(std::string("rendering its operations: ") + e.what(), "", ""),
           std::nullopt, "");
    }
  }

  [[noreturn]] void fail(const DatabaseError& cause, std::optional<std::size_t> statement_index,
                         const std::string& what_happened) {
    std::string note = what_happened;
    const std::string rest = failure_note();
    note += (note.empty() ? "" : "; ") + rest;
    failure_ = with_context<MigrationError>(cause, std::string(run_.migration.revision),
                                            std::string(run_.migration.message), statement_index,
                                            std::move(note), step_);
    std::rethrow_exception(failure_);
  }

  Connection& connection_;
  const MigrationRun& run_;
  std::chrono::steady_clock::time_point started_;
  std::vector<Op> group_;       // recorded, not yet sent
  bool group_touched_ = false;  // the migration queried the database in this group
  bool open_ = false;           // the group's transaction is open
  bool session_settings_ = false;
  std::size_t step_ = 0;      // steps counted so far (the current one's index)
  std::size_t executed_ = 0;  // the migration's statements so far, skipped ones included
  std::exception_ptr failure_;  // a MigrationError of the failure's kind
  std::optional<StepWatch> watch_;  // the step running now, when progress is reported
  bool batch_watch_ = false;        // watch_ is update_in_batches' own (outside a step)
  bool flushed_ = false;            // the migration asked for the database while recording
  std::optional<std::size_t> steps_;  // the step count, once known (count_steps)
  std::size_t batch_step_ = static_cast<std::size_t>(-1);  // where the last batch run was
  std::size_t batch_runs_ = 0;  // update_in_batches runs at batch_step_ so far
};

}  // namespace

std::size_t read_steps_done(Connection& connection, const Migration& migration,
                            Direction direction) {
  const Result result = connection.exec_params(
      bookkeeping::read_progress(),
      {std::string(migration.revision), std::string(to_string(direction))});
  return result.empty() ? 0 : std::stoul(result.text(0, 0));
}

void run_migration(Connection& connection, const MigrationRun& run) {
  StepRunner runner(connection, run);
  const std::string revision(run.migration.revision);
  const std::string message(run.migration.message);
  auto* record =
      run.direction == Direction::upgrade ? run.migration.upgrade : run.migration.downgrade;
  try {
    Ops ops(&runner);
    if (record != nullptr) record(ops);  // no function: a migration without operations
    runner.rethrow_failure();            // in case the migration swallowed it
    runner.count_steps(ops.recorded());
    runner.finish(ops.pending());
  } catch (const MigrationError&) {
    runner.abandon();
    throw;
  } catch (const DatabaseError& e) {  // the migration's own query
    runner.abandon();
    std::string note = runner.failure_note();
    if (const auto* batch = dynamic_cast<const BatchUpdateError*>(&e)) {
      note = batch->note() + "; " + note;  // what its batches left behind
    }
    throw_with_context<MigrationError>(e, revision, message, std::nullopt, std::move(note),
                                       runner.step());
  } catch (const std::exception& e) {  // the migration's own code
    runner.abandon();
    throw MigrationError(DatabaseError(e.what(), "", ""), revision, message, std::nullopt,
                         runner.failure_note(), runner.step());
  }
}

}  // namespace structmig::detail

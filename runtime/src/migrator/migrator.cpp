// The Migrator's runs: take the migration lock, create and read the
// bookkeeping, check integrity, plan with the revision graph, and run each
// step (step_session.hpp); plus stamp and the lock-free reads.
#include "structmig/migrator.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>

#include "migrator/bookkeeping.hpp"
#include "migrator/database_state.hpp"
#include "migrator/integrity.hpp"
#include "migrator/lock_policy.hpp"
#include "migrator/migration_lock.hpp"
#include "migrator/progress_watch.hpp"
#include "migrator/step_runner.hpp"
#include "structmig/error.hpp"

namespace structmig {
namespace {

/// BEGIN, the statements, COMMIT in one round trip; rolled back on failure.
void exec_in_transaction(Connection& connection, const std::vector<std::string>& statements) {
  std::vector<std::string> pipeline{"BEGIN"};
  pipeline.insert(pipeline.end(), statements.begin(), statements.end());
  pipeline.emplace_back("COMMIT");
  try {
    connection.exec_pipeline(pipeline);
  } catch (const DatabaseError&) {
    try {
      connection.exec("ROLLBACK");
    } catch (...) {  // the original error is the one worth reporting
    }
    throw;
  }
}

/// The structmig_state row says the database is at every head of `graph`
/// with the checksums `graph` compiles: nothing to apply, nothing changed.
bool row_says_at_head(const RevisionGraph& graph,
                      const std::optional<std::vector<detail::StateRow>>& rows) {
  return rows && rows->size() == 1 && rows->front() == detail::state_row_at(graph, graph.heads());
}

}  // namespace

Migrator::Migrator(Connection& connection, const std::vector<Migration>& migrations,
                   MigratorOptions options)
    : connection_(connection), graph_(migrations), options_(std::move(options)) {}

std::vector<std::string> Migrator::current() { return detail::read_version(connection_); }

std::vector<HistoryEntry> Migrator::history() { return detail::read_history(connection_); }

DatabaseStatus Migrator::status() {
  DatabaseStatus status;
  if (row_says_at_head(graph_, detail::read_state_rows(connection_))) {
    status.initialized = true;
    status.heads = graph_.heads();
    return status;
  }
  // No row (never migrated, migrated by an older release, changed since) or
  // another position: the version and the history say exactly where it is.
  const detail::RecordedState state = detail::read_state(connection_);
  status.initialized = state.initialized;
  status.heads = state.heads;
  status.unknown = detail::unknown_revisions(graph_, state.heads);
  if (status.unknown.empty()) {
    status.pending = graph_.upgrade_steps(state.heads, "heads");
    status.changed_checksums = detail::changed_checksums(graph_, state);
  }
  return status;
}

bool Migrator::nothing_to_upgrade(std::string_view target) {
  const auto rows = detail::read_state_rows(connection_);
  if (row_says_at_head(graph_, rows)) {
    // Resolving the target still reports a bad one (RevisionOutOfRange for
    // `+1` at head, an unknown id); at every head nothing is left to apply.
    if (!graph_.upgrade_steps(graph_.heads(), target).empty()) return false;
    last_known_heads_ = graph_.heads();
    return true;
  }
  // No table or no row: never migrated, migrated by an older release (the
  // locked run adds the table) or changed since the row was written (a stamp,
  // an offline script, an older release): the locked run decides and writes
  // the row again.
  if (!rows || rows->empty()) return false;
  // A row at other heads or other checksums: read the version and history
  // (an upgrade to a target below head, or a changed migration).
  const detail::RecordedState state = detail::read_state(connection_);
  // Never migrated, at a revision this program does not know, or an applied
  // migration changed: the locked run creates the tables, refuses or accepts.
  if (!state.initialized || !detail::unknown_revisions(graph_, state.heads).empty()) return false;
  if (!graph_.upgrade_steps(state.heads, target).empty()) return false;
  if (!detail::changed_checksums(graph_, state).empty()) return false;
  last_known_heads_ = state.heads;
  return true;
}

std::vector<StepEvent> Migrator::upgrade(std::string_view target) {
  // One lock-free read first: already there, the run sends nothing else (no
  // session setting, no lock, no CREATE TABLE). Otherwise the locked run
  // reads again, under the lock.
  if (nothing_to_upgrade(target)) return {};
  detail::ProgressSink progress(options_, connection_);
  detail::MigrationLock lock(connection_, options_, &progress);
  const detail::RecordedState state = detail::ensure_tables_and_read_state(connection_);
  detail::require_known(graph_, state.heads);
  const std::vector<std::string> steps = graph_.upgrade_steps(state.heads, target);
  const std::vector<ChecksumChange> changes = detail::changed_checksums(graph_, state);
  if (!changes.empty()) {
    if (!options_.accept_changed_checksums) throw ChecksumMismatch(changes);
    accept_checksums(changes);
  }
  std::vector<StepEvent> events = run_steps(steps, Direction::upgrade, state.heads, progress);
  // Every applied migration's recorded checksum is now the compiled one (or
  // none is recorded): the row for where the run left the database, unless
  // the same row is there and nothing was written since (the triggers
  // deleted it when something was).
  const detail::StateRow row = detail::state_row_at(graph_, *last_known_heads_);
  const bool unchanged = steps.empty() && changes.empty() && state.state_rows.size() == 1 &&
                         state.state_rows.front() == row;
  if (!unchanged) {
    exec_in_transaction(connection_, bookkeeping::write_state_row(row.heads, row.digest));
  }
  return events;
}

std::vector<StepEvent> Migrator::downgrade(std::string_view target) {
  detail::ProgressSink progress(options_, connection_);
  detail::MigrationLock lock(connection_, options_, &progress);
  const detail::RecordedState state = detail::ensure_tables_and_read_state(connection_);
  detail::require_known(graph_, state.heads);
  return run_steps(graph_.downgrade_steps(state.heads, target), Direction::downgrade, state.heads,
                   progress);
}

std::vector<std::string> Migrator::stamp(std::string_view target) {
  detail::MigrationLock lock(connection_, options_);
  const detail::RecordedState state = detail::ensure_tables_and_read_state(connection_);
  // An absolute target does not depend on where the database is, so a stamp
  // can also repair a database at a revision this program does not know.
  if (is_relative_target(target)) detail::require_known(graph_, state.heads);
  const std::vector<std::string> heads = graph_.heads_at(state.heads, target);

  std::vector<std::string> statements = bookkeeping::replace_version(heads);
  statements.push_back(bookkeeping::clear_all_progress());  // nothing half-done survives a stamp
  if (heads.empty()) {
    statements.push_back(
        bookkeeping::insert_history("base", "stamp", "stamped at base", std::nullopt, "0"));
  }
  for (const auto& head : heads) {
    const Migration& migration = graph_.migration(head);
    statements.push_back(bookkeeping::insert_history(head, "stamp", migration.message,
                                                     bookkeeping::checksum_of(migration), "0"));
  }
  exec_in_transaction(connection_, statements);
  return heads;
}

void Migrator::accept_checksums(const std::vector<ChecksumChange>& changes) {
  exec_in_transaction(connection_, detail::accept_checksum_statements(changes));
}

std::vector<StepEvent> Migrator::run_steps(const std::vector<std::string>& revisions,
                                           Direction direction, std::vector<std::string> heads,
                                           detail::ProgressSink& progress) {
  std::vector<StepEvent> events;
  for (const auto& revision : revisions) {
    const Migration& migration = graph_.migration(revision);
    const auto started = std::chrono::steady_clock::now();
    std::vector<std::string> heads_after = direction == Direction::upgrade
                                               ? graph_.heads_after_upgrade(heads, revision)
                                               : graph_.heads_after_downgrade(heads, revision);
    run_with_retries(migration, direction, heads, heads_after, progress);
    heads = std::move(heads_after);
    StepEvent event{
        revision, std::string(migration.message), direction,
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started)};
    if (options_.progress) options_.progress(event);
    events.push_back(std::move(event));
  }
  std::sort(heads.begin(), heads.end());
  last_known_heads_ = std::move(heads);
  return events;
}

void Migrator::run_with_retries(const Migration& migration, Direction direction,
                                const std::vector<std::string>& heads_before,
                                const std::vector<std::string>& heads_after,
                                detail::ProgressSink& progress) {
  const std::string name =
      std::string(migration.revision) + " (" + std::string(migration.message) + ")";
  detail::LockPolicy policy;
  try {
    policy = detail::resolve_lock_policy(options_, migration);
  } catch (const InvalidOperation& e) {  // a malformed setting: nothing was run
    throw MigrationError(DatabaseError(e.what(), "", ""), std::string(migration.revision),
                         std::string(migration.message), std::nullopt);
  }
  for (int attempt = 0;; ++attempt) {
    const std::size_t steps_done = detail::read_steps_done(connection_, migration, direction);
    if (steps_done > 0 && attempt == 0 && options_.log) {
      options_.log("resuming migration " + name + " at step " + std::to_string(steps_done + 1) +
                   ": an earlier, interrupted run committed the steps before it");
    }
    try {
      detail::run_migration(connection_, detail::MigrationRun{migration, direction, heads_before,
                                                              heads_after, policy, attempt,
                                                              steps_done, options_.log,
                                                              &progress});
      return;
    } catch (const MigrationError& e) {
      if (!detail::is_lock_failure(e.sqlstate()) || attempt >= policy.retries) throw;
      const auto pause = policy.pause_before(attempt + 1);
      if (options_.log) {
        options_.log("step " + std::to_string(e.step_index().value_or(0) + 1) + " of migration " +
                     name + " did not get its locks (" + e.sqlstate() + ": " +
                     e.server_message() + "); rolled back, retry " + std::to_string(attempt + 1) +
                     " of " + std::to_string(policy.retries) + " in " +
                     detail::format_duration(pause) +
                     (attempt + 1 == policy.retries
                          ? ", the last one waiting up to lock_timeout " +
                                policy.lock_timeout_of(attempt + 1)
                          : ""));
      }
      std::this_thread::sleep_for(pause);
    }
  }
}

}  // namespace structmig

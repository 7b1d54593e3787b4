// What an application calls at start-up. `apply` brings the database to the
// head of the compiled-in history: cheap when there is nothing to do (one
// query, no lock), safe when many replicas start at once (the advisory lock).
// `verify` never changes the database and fails unless it is exactly at head,
// for deployments that migrate in a separate step (the migrate CLI, or
// offline SQL) before the new release starts.
#pragma once

#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "structmig/drift.hpp"
#include "structmig/migration.hpp"
#include "structmig/migrator.hpp"
#include "structmig/schema.hpp"

namespace structmig {

enum class StartupMode { apply, verify };

struct StartupOptions {
  StartupMode mode = StartupMode::apply;
  /// Lock discipline and the rest of MigratorOptions (apply mode only):
  /// lock_timeout, lock_retries, lock_retry_pause, statement_timeout,
  /// migration_lock_timeout, log (empty: lines go to stderr, prefixed
  /// "structmig: "), events (empty: plain_progress_lines through the log,
  /// so each step is said as it starts and a long one every few seconds).
  /// `progress` and `accept_changed_checksums` below win.
  MigratorOptions migrator;
  bool accept_changed_checksums = false;
  std::function<void(const StepEvent&)> progress;
  /// The schema this program was built from (usually &compiled_schema());
  /// must outlive the call. verify mode: when set, a database at head that
  /// does not match it throws SchemaDrift (after the NotAtHead checks).
  const Schema* schema = nullptr;
  /// apply mode, with `schema`: after migrating (or finding the database at
  /// head) compare it with `schema` and throw SchemaDrift on any difference,
  /// so a service refuses to run against a database that does not match it.
  /// The migrations applied stay applied.
  bool check_schema_after_apply = false;
};

struct StartupReport {
  /// True when this call applied nothing (the database was at head, or
  /// another process got there while this one waited for the lock).
  bool already_at_head = false;
  /// The steps this call applied, in order.
  std::vector<StepEvent> applied;
  /// The head revision the database is at now ("" when there are no migrations).
  std::string head;
};

/// verify mode: the database is not exactly at head. The message says how
/// (behind, naming what is not applied; at a revision this program does not
/// know; an applied migration changed) and status() has the details.
class NotAtHead : public Error {
 public:
  enum class Reason { behind, unknown_revision, changed_checksum };
  NotAtHead(const std::string& message, Reason reason, DatabaseStatus status)
      : Error(message), reason_(reason), status_(std::move(status)) {}
  Reason reason() const noexcept { return reason_; }
  const DatabaseStatus& status() const noexcept { return status_; }

 private:
  Reason reason_;
  DatabaseStatus status_;
};

/// Connects with conninfo and applies or verifies (see StartupMode). Throws
/// NotAtHead (verify), SchemaDrift (see StartupOptions::schema), DatabaseError (MigrationError for
/// a failing step), ChecksumMismatch, or RevisionError (MultipleHeads when the history has several
/// heads, UnknownAppliedRevision).
StartupReport ensure_at_head(const std::string& conninfo, const std::vector<Migration>& migrations,
                             const StartupOptions& options = {});

/// ensure_at_head in apply mode. Idempotent.
StartupReport upgrade_to_head(const std::string& conninfo, const std::vector<Migration>& migrations,
                              std::function<void(const StepEvent&)> progress = {});

}  // namespace structmig

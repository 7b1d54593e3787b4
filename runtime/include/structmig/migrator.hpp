// Applies and reverts migrations on one connection: the bookkeeping tables
// (structmig_version, structmig_history), a session advisory lock around each
// run so concurrent starters migrate exactly once, one round trip per
// transactional step (BEGIN, its statements, the bookkeeping, COMMIT in one
// pipeline), data migrations that query the database mid-step, steps outside
// a transaction, timeouts, stamping, and the integrity checks (checksums of
// applied migrations, revisions this program does not know).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/connection.hpp"
#include "structmig/migration.hpp"
#include "structmig/progress.hpp"
#include "structmig/revision_graph.hpp"

namespace structmig {
namespace detail {
class ProgressSink;
}

/// The key of the session-level pg_advisory_lock every upgrade/downgrade/stamp
/// holds: the ASCII bytes of "structmg" as a big-endian bigint. Fixed, so all
/// programs migrating one database exclude each other.
inline constexpr std::int64_t kMigrationLockKey = 0x73747275'63746d67;

enum class Direction { upgrade, downgrade };
std::string_view to_string(Direction direction);

/// One migration step as reported to the progress callback.
struct StepEvent {
  std::string revision;
  std::string message;
  Direction direction = Direction::upgrade;
  std::chrono::duration<double, std::milli> duration{};
};

/// One row of structmig_history.
struct HistoryEntry {
  std::int64_t id = 0;
  std::string revision;   // "base" for a stamp to base
  std::string direction;  // "upgrade", "downgrade", "stamp" or "checksum" (an accepted change)
  std::string message;
  std::optional<std::string> checksum;  // Migration::checksum when the row was written
  std::string applied_at;               // timestamptz as PostgreSQL prints it
  double duration_ms = 0;
};

/// An applied migration whose source changed since: the checksum recorded
/// when it was applied differs from the one compiled into this program.
struct ChecksumChange {
  std::string revision;
  std::string message;
  std::string recorded;
  std::string compiled;
  friend bool operator==(const ChecksumChange&, const ChecksumChange&) = default;
};

/// structmig's default lock_timeout for every step: short, so that a DDL
/// statement queued behind a long transaction gives up (and is retried)
/// instead of making every later query queue behind it.
inline constexpr std::string_view kDefaultLockTimeout = "2s";

struct MigratorOptions {
  /// Called after each migration has been applied or reverted.
  std::function<void(const StepEvent&)> progress;
  /// Lines that say what a run is doing while it is not applying anything:
  /// waiting for the migration lock (who holds it, for how long), retrying a
  /// step after a lock timeout, resuming an interrupted migration. The CLI
  /// and the start-up API print them to stderr; empty: silent.
  std::function<void(const std::string&)> log;
  /// Live progress (progress.hpp): each step as it starts and ends, and while
  /// a step or the wait for the migration lock lasts longer than
  /// progress_after, an update every progress_every with the elapsed time,
  /// the lock the step waits for, the rows a batched update or backfill has
  /// done (rate, an estimate of the time left) and the phase of an index
  /// build. The updates of a running step are sampled on a thread of the
  /// migrator's, through a second connection opened with the same parameters
  /// (autocommit single SELECTs, so a concurrent index build never waits for
  /// it); the callback is never called concurrently. Empty: none of this.
  std::function<void(const ProgressEvent&)> events;
  std::chrono::milliseconds progress_after{2000};
  std::chrono::milliseconds progress_every{1000};

  /// lock_timeout of every step ("2s", "500ms", "1min"; a number alone is
  /// milliseconds). Empty: kDefaultLockTimeout. "0": none, the statement waits
  /// for its locks as long as it takes (and is never retried).
  std::string lock_timeout;
  /// A step that fails on a lock timeout (55P03) or a deadlock (40P01) is
  /// rolled back and retried this many times; before each retry the run
  /// pauses (lock_retry_pause, doubled each time) and the step's lock_timeout
  /// doubles (up to 4 times the first). Negative: the default, 5.
  int lock_retries = -1;
  std::chrono::milliseconds lock_retry_pause{1000};
  /// statement_timeout of every step; empty: the server's setting for
  /// ordinary steps and none ("0") for the long ones (concurrent index
  /// builds, VALIDATE, backfills), which take time by nature and block no one.
  std::string statement_timeout;
  /// A migration's own Migration::lock_timeout / lock_retries /
  /// statement_timeout win over these.

  /// How long to wait for the migration lock while another process migrates;
  /// zero: as long as it takes. The wait holds no transaction and no snapshot
  /// (pg_try_advisory_lock, polled every migration_lock_poll), so waiting
  /// replicas never hold up a concurrent index build.
  std::chrono::milliseconds migration_lock_timeout{std::chrono::minutes(10)};
  std::chrono::milliseconds migration_lock_poll{200};

  /// Accept applied migrations whose checksum changed: upgrade() records the
  /// compiled checksum (a history row with direction "checksum") instead of
  /// stopping with ChecksumMismatch.
  bool accept_changed_checksums = false;
};

/// A PostgreSQL duration ("2s", "500ms", "1min", "1h", "1d"; a number alone
/// is milliseconds) in milliseconds; nullopt when it is not one.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

/// The migration lock was not free within MigratorOptions::migration_lock_timeout;
/// the message names the process holding it.
class MigrationLockTimeout : public Error {
 public:
  using Error::Error;
};

/// Where the database stands relative to this program's history; read with
/// one query, no lock, no change (Migrator::status()).
struct DatabaseStatus {
  /// False before the first run (no structmig_version table).
  bool initialized = false;
  /// The structmig_version rows, sorted (empty: base).
  std::vector<std::string> heads;
  /// Those of `heads` this program does not know (migrated by a newer release?).
  std::vector<std::string> unknown;
  /// What an upgrade to every head would apply, in order (empty when unknown
  /// revisions make it impossible to say).
  std::vector<std::string> pending;
  std::vector<ChecksumChange> changed_checksums;
};

/// A migration failed. what(): `migration <rev> (<message>) failed in step
/// <s> at statement <n>: ERROR <sqlstate>: <server message>\n  statement: <sql>`,
/// n counting the migration's own statements from 1 ("failed:" without a
/// number when the failure was in the migration's own query, its code, or
/// structmig's bookkeeping), then the note (if any) on a line of its own.
/// Earlier steps stay applied; structmig_version stays at the last good
/// revision. The object thrown is also of the cause's kind (LockTimeout,
/// UniqueViolation …, see error.hpp).
class MigrationError : public virtual DatabaseError {
 public:
  MigrationError(const DatabaseError& cause, std::string revision, std::string migration_message,
                 std::optional<std::size_t> statement_index, std::string note = {},
                 std::optional<std::size_t> step_index = std::nullopt);
  const char* what() const noexcept override { return what_.c_str(); }
  const std::string& revision() const noexcept { return revision_; }
  const std::string& migration_message() const noexcept { return migration_message_; }
  /// 0-based index into the migration's statements; nullopt when the failure
  /// was elsewhere (see above).
  const std::optional<std::size_t>& statement_index() const noexcept { return statement_index_; }
  /// What the failure left behind: what was rolled back, which steps stay
  /// committed, where a rerun resumes.
  const std::string& note() const noexcept { return note_; }
  /// 0-based index of the step that failed (see split_steps); nullopt when
  /// not known.
  const std::optional<std::size_t>& step_index() const noexcept { return step_index_; }

 private:
  std::string revision_;
  std::string migration_message_;
  std::optional<std::size_t> statement_index_;
  std::string note_;
  std::optional<std::size_t> step_index_;
  std::string what_;
};

/// Applied migrations were changed after they were applied; upgrade() stops
/// before applying anything. The message names each one with both checksums
/// and the option that accepts them.
class ChecksumMismatch : public HistoryError {
 public:
  explicit ChecksumMismatch(std::vector<ChecksumChange> changes);
  const std::vector<ChecksumChange>& changes() const noexcept { return changes_; }

 private:
  std::vector<ChecksumChange> changes_;
};

/// structmig_version names a revision this program does not know: "the
/// database is at revision X, which this program does not know — was it
/// migrated by a newer release?"
class UnknownAppliedRevision : public RevisionError {
 public:
  explicit UnknownAppliedRevision(std::vector<std::string> revisions);
  const std::vector<std::string>& revisions() const noexcept { return revisions_; }

 private:
  std::vector<std::string> revisions_;
};

class Migrator {
 public:
  /// Validates the graph (throws RevisionError). Keeps a reference to the
  /// connection, which must outlive the Migrator. A run that takes the
  /// migration lock first sets the session's client_connection_check_interval
  /// (PostgreSQL 14+) so that the server notices a killed migrator promptly
  /// and releases its locks.
  Migrator(Connection& connection, const std::vector<Migration>& migrations,
           MigratorOptions options = {});

  /// Applies every migration up to target (`head`, `heads`, `+N`, a revision
  /// or unique prefix), in the graph's order. Checks the checksums of the
  /// applied migrations first. Returns the steps applied (empty when already
  /// there). Looks first without the lock: when the database is already
  /// there (and no applied migration changed) that one query is all it sends.
  std::vector<StepEvent> upgrade(std::string_view target = "head");
  /// Reverts down to target (`-N`, a revision or prefix, `base`).
  std::vector<StepEvent> downgrade(std::string_view target);
  /// Sets structmig_version to target (any target form, `base` included)
  /// without running any migration; records a "stamp" history row per new
  /// head. Works when the database is at a revision this program does not
  /// know (for absolute targets). Returns the new heads.
  std::vector<std::string> stamp(std::string_view target);

  /// The structmig_version rows, sorted, known or not; empty at base (also
  /// when the bookkeeping tables do not exist yet). Takes no lock.
  std::vector<std::string> current();
  /// structmig_history in insertion order; empty before the first run.
  std::vector<HistoryEntry> history();
  /// Position, pending migrations and integrity in one query; no lock, no change.
  DatabaseStatus status();

  /// The heads (sorted; empty = base) this Migrator's last upgrade or
  /// downgrade left the database at, known without another query; nullopt
  /// before either ran.
  const std::optional<std::vector<std::string>>& last_known_heads() const noexcept {
    return last_known_heads_;
  }

  const RevisionGraph& graph() const noexcept { return graph_; }

 private:
  /// The lock-free look of upgrade(): true when the database is initialized,
  /// at known revisions, with nothing to apply up to target and no changed
  /// checksum (and then remembers where it is).
  bool nothing_to_upgrade(std::string_view target);
  std::vector<StepEvent> run_steps(const std::vector<std::string>& revisions, Direction direction,
                                   std::vector<std::string> heads, detail::ProgressSink& progress);
  /// One migration, retried after lock timeouts and deadlocks as the lock
  /// policy says, resuming at its first unfinished step each time.
  void run_with_retries(const Migration& migration, Direction direction,
                        const std::vector<std::string>& heads_before,
                        const std::vector<std::string>& heads_after,
                        detail::ProgressSink& progress);
  void accept_checksums(const std::vector<ChecksumChange>& changes);

  Connection& connection_;
  RevisionGraph graph_;
  MigratorOptions options_;
  std::optional<std::vector<std::string>> last_known_heads_;
};

}  // namespace structmig

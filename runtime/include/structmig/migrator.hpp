// Applies and reverts migrations on one connection: the bookkeeping tables
// (structmig_version, structmig_history), a session advisory lock around each
// run so concurrent starters migrate exactly once, and one round trip per
// migration step (BEGIN, its DDL, the bookkeeping, COMMIT in one pipeline).
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/connection.hpp"
#include "structmig/migration.hpp"
#include "structmig/revision_graph.hpp"

namespace structmig {

/// The key of the session-level pg_advisory_lock every upgrade/downgrade
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
  std::string revision;
  std::string direction;  // "upgrade", "downgrade" or "stamp"
  std::string message;
  std::optional<std::string> checksum;
  std::string applied_at;  // timestamptz as PostgreSQL prints it
  double duration_ms = 0;
};

struct MigratorOptions {
  /// Called after each step has been committed.
  std::function<void(const StepEvent&)> progress;
};

/// A migration step failed. what(): `migration <rev> (<message>) failed at
/// statement <n>: ERROR <sqlstate>: <server message>\n  statement: <sql>`,
/// n counting the migration's own statements from 1. Earlier steps stay
/// applied; structmig_version stays at the last good revision.
class MigrationError : public DatabaseError {
 public:
  MigrationError(const DatabaseError& cause, std::string revision, std::string migration_message,
                 std::optional<std::size_t> statement_index);
  const char* what() const noexcept override { return what_.c_str(); }
  const std::string& revision() const noexcept { return revision_; }
  const std::string& migration_message() const noexcept { return migration_message_; }
  /// 0-based index into the migration's statements; nullopt when the failure
  /// was in structmig's own bookkeeping or in recording the operations.
  const std::optional<std::size_t>& statement_index() const noexcept { return statement_index_; }

 private:
  std::string revision_;
  std::string migration_message_;
  std::optional<std::size_t> statement_index_;
  std::string what_;
};

class Migrator {
 public:
  /// Validates the graph (throws RevisionError). Keeps a reference to the
  /// connection, which must outlive the Migrator.
  Migrator(Connection& connection, const std::vector<Migration>& migrations,
           MigratorOptions options = {});

  /// Applies every migration up to target (`head`, `+N`, a revision or unique
  /// prefix). Returns the steps applied, in order (empty when already there).
  std::vector<StepEvent> upgrade(std::string_view target = "head");
  /// Reverts down to target (`-N`, a revision or prefix, `base`).
  std::vector<StepEvent> downgrade(std::string_view target);

  /// The applied head revision(s), sorted; empty at base (also when the
  /// bookkeeping tables do not exist yet). Takes no lock.
  std::vector<std::string> current();
  /// structmig_history in insertion order; empty before the first run.
  std::vector<HistoryEntry> history();

  const RevisionGraph& graph() const noexcept { return graph_; }

 private:
  void ensure_tables();
  std::vector<std::string> read_heads();
  StepEvent run_step(const Migration& migration, Direction direction,
                     std::vector<std::string>& heads);

  Connection& connection_;
  RevisionGraph graph_;
  MigratorOptions options_;
};

}  // namespace structmig

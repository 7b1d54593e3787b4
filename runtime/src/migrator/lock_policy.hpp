// Lock discipline of a run, resolved from MigratorOptions and a migration's
// own settings: the lock_timeout of each attempt (growing), how many retries a
// step gets after a lock timeout or a deadlock, the pauses between them, and
// the statement_timeout of ordinary and of long steps.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/migration.hpp"
#include "structmig/migrator.hpp"
#include "structmig/ops.hpp"

namespace structmig::detail {

using structmig::parse_duration;
/// Milliseconds as the shortest PostgreSQL spelling ("2s", "1500ms").
std::string format_duration(std::chrono::milliseconds duration);

struct LockPolicy {
  /// lock_timeout of the first attempt; zero: none.
  std::chrono::milliseconds lock_timeout{0};
  int retries = 0;
  std::chrono::milliseconds first_pause{0};
  /// statement_timeout asked for ("" = none asked: the server's setting for
  /// ordinary steps, "0" for long ones).
  std::string statement_timeout;

  /// The lock_timeout of attempt `attempt` (0-based): doubled each time, at
  /// most four times the first; "0" when there is none.
  std::string lock_timeout_of(int attempt) const;
  /// The pause before retry `attempt` (1-based): doubled each time.
  std::chrono::milliseconds pause_before(int attempt) const;
  /// The statement_timeout of a step of these operations: the one asked
  /// for; else "0" (none) when one of them takes long by nature and blocks
  /// no one's reads and writes (a concurrent index operation, a backfill,
  /// VALIDATE); else "" (the server's).
  std::string statement_timeout_of(const std::vector<Op>& ops) const;
};

/// The run's options and the migration's own settings (which win). Throws
/// InvalidOperation naming the setting when a duration is malformed.
LockPolicy resolve_lock_policy(const MigratorOptions& options, const Migration& migration);

/// 55P03 (lock_not_available: a lock timeout) and 40P01 (deadlock_detected):
/// the step was rolled back and may simply be tried again.
bool is_lock_failure(std::string_view sqlstate);

}  // namespace structmig::detail

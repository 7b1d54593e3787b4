// The SQL of structmig's own bookkeeping, shared by the migrator (online) and
// the offline script renderer so that both write exactly the same rows: the
// two tables, the migration lock, structmig_version changes, history rows,
// per-step timeouts and the server-side step clock.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/migration.hpp"

namespace structmig::bookkeeping {

/// CREATE TABLE IF NOT EXISTS for structmig_version and structmig_history.
std::vector<std::string> create_tables();
std::string lock();
std::string unlock();
/// Sets client_connection_check_interval on PostgreSQL 14+ (nothing before),
/// so the server notices a vanished client during a long statement.
std::string enable_connection_check();

/// The lock_timeout / statement_timeout of one step ("" = leave as is).
struct Timeouts {
  std::string lock_timeout;
  std::string statement_timeout;
  bool empty() const { return lock_timeout.empty() && statement_timeout.empty(); }
};
/// The migration's own settings win over the run's.
Timeouts effective_timeouts(const Migration& migration, const Timeouts& run);
/// SET LOCAL (inside a transaction) or SET (for the session).
std::vector<std::string> set_timeouts(const Timeouts& timeouts, bool local);
/// RESET of what set_timeouts(…, false) set.
std::vector<std::string> reset_timeouts(const Timeouts& timeouts);

/// The structmig_version changes from one head set to another.
std::vector<std::string> move_version(const std::vector<std::string>& heads_before,
                                      const std::vector<std::string>& heads_after);
/// structmig_version replaced by exactly these heads.
std::vector<std::string> replace_version(const std::vector<std::string>& heads);

/// Inside BEGIN … COMMIT: milliseconds since the transaction began.
std::string_view transaction_duration_ms();
/// Outside a transaction: start_clock() before a step, clock_duration_ms() in
/// its history row (a session setting carries the start time).
std::string start_clock();
std::string_view clock_duration_ms();
/// A duration measured by the client, as an SQL literal.
std::string duration_literal(double milliseconds);

std::string insert_history(std::string_view revision, std::string_view direction,
                           std::string_view message, std::optional<std::string_view> checksum,
                           std::string_view duration_ms_sql);
/// The version change and the history row of one applied or reverted step.
std::vector<std::string> record_step(const std::vector<std::string>& heads_before,
                                     const std::vector<std::string>& heads_after,
                                     const Migration& migration, std::string_view direction,
                                     std::string_view duration_ms_sql);

/// The checksum to record for a migration (none when it has none).
std::optional<std::string_view> checksum_of(const Migration& migration);

}  // namespace structmig::bookkeeping

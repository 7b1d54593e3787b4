// Reading structmig's bookkeeping back: the structmig_state row (the lock-free
// start-up check), the applied heads and the latest checksum recorded for each
// revision in one query (every locked run, and the check when the row is
// doubtful), the version rows alone, the history log.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "structmig/connection.hpp"
#include "structmig/migrator.hpp"
#include "migrator/state_row.hpp"

namespace structmig::detail {

struct RecordedState {
  /// False when structmig_version does not exist (never migrated).
  bool initialized = false;
  /// structmig_version, sorted.
  std::vector<std::string> heads;
  /// The latest non-empty checksum structmig_history holds per revision.
  std::map<std::string, std::string> checksums;
  /// structmig_state's rows (only the locked read reads them).
  std::vector<StateRow> state_rows;
};

/// One query; changes nothing.
RecordedState read_state(Connection& connection);
/// Creates the bookkeeping tables when missing, then reads, structmig_state
/// too (one round trip).
RecordedState ensure_tables_and_read_state(Connection& connection);
/// structmig_state alone (the lock-free start-up check): nullopt when the
/// table does not exist (never migrated, or only by an older release); no row
/// after the version or the history changed.
std::optional<std::vector<StateRow>> read_state_rows(Connection& connection);
/// structmig_version alone, sorted; empty when it does not exist.
std::vector<std::string> read_version(Connection& connection);
/// structmig_history in insertion order; empty when it does not exist.
std::vector<HistoryEntry> read_history(Connection& connection);

}  // namespace structmig::detail

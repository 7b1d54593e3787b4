// Reading structmig's bookkeeping back: the applied heads and the latest
// checksum recorded for each revision in one query (what every run and the
// lock-free start-up check need), the version rows alone, the history log.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "structmig/connection.hpp"
#include "structmig/migrator.hpp"

namespace structmig::detail {

struct RecordedState {
  /// False when structmig_version does not exist (never migrated).
  bool initialized = false;
  /// structmig_version, sorted.
  std::vector<std::string> heads;
  /// The latest non-empty checksum structmig_history holds per revision.
  std::map<std::string, std::string> checksums;
};

/// One query; changes nothing.
RecordedState read_state(Connection& connection);
/// Creates the bookkeeping tables when missing, then reads (one round trip).
RecordedState ensure_tables_and_read_state(Connection& connection);
/// structmig_version alone, sorted; empty when it does not exist.
std::vector<std::string> read_version(Connection& connection);
/// structmig_history in insertion order; empty when it does not exist.
std::vector<HistoryEntry> read_history(Connection& connection);

}  // namespace structmig::detail

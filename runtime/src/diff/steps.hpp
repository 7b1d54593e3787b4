// The upgrade under construction: one list of operations per step of the
// order documented in diff.hpp, filled by the parts of the diff (renames,
// enums, tables, table order) and joined by diff.cpp. Internal to the diff.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "structmig/ops.hpp"

namespace structmig::diff {

/// A warning, and the drop it concerns when there is one: a column
/// (`table`, `column`), a table (`table` only), or nothing (both empty).
struct PendingWarning {
  std::string text;
  std::string table;
  std::string column;
};

/// (table, name) of a check or index.
using ObjectKey = std::pair<std::string, std::string>;

struct Steps {
  std::vector<Op> renames;           // 1. enums, tables, columns, enum labels
  std::vector<Op> dependent_drops;   // 2. checks and indexes in the way of enum changes…
  std::vector<Op> enum_changes;      //    then CreateEnum…, AddEnumLabel…, RecreateEnum…
  std::vector<Op> constraint_drops;  // 3. drops, then renames of constraints and indexes
  std::vector<Op> table_creates;     // 4. in foreign-key order
  std::vector<Op> column_changes;    // 5. per kept table
  std::vector<Op> constraint_adds;   // 6. unique, check, index, then foreign keys
  std::vector<Op> column_drops;      // 7.
  std::vector<Op> table_drops;       // 8. blocking foreign keys, then tables
  std::vector<Op> enum_drops;        // 9.
  std::vector<PendingWarning> warnings;

  /// Checks and indexes of the old schema (by their old names) that a
  /// conversion of a column between types would break, so they are dropped
  /// before it and created again (as the model has them) in step 6, even when
  /// unchanged; never renamed. `dropped_early` ones go before the enum
  /// changes (step 2), the others with the drops of step 3.
  std::set<ObjectKey> rebuilt;
  std::set<ObjectKey> dropped_early;
};

}  // namespace structmig::diff

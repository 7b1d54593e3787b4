// Looking tables up by name in a schema whose tables are in name order (as
// sort_schema leaves them): a binary search, where Schema::find_table walks
// the list. With thousands of tables the diff looks up every table of one
// schema in the other, which a walk makes quadratic. Internal to the diff.
#pragma once

#include <algorithm>
#include <string_view>

#include "structmig/schema.hpp"

namespace structmig::diff {

/// The table of `schema` named `name`, or nullptr; `schema.tables` must be
/// sorted by name (the first of equal names is found, as find_table does).
inline const Table* find_sorted_table(const Schema& schema, std::string_view name) {
  const auto it = std::lower_bound(
      schema.tables.begin(), schema.tables.end(), name,
      [](const Table& table, std::string_view wanted) { return table.name < wanted; });
  return it != schema.tables.end() && it->name == name ? &*it : nullptr;
}

}  // namespace structmig::diff

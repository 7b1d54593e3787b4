// One direction of a migration (the upgrade, or the downgrade) made safe: each
// operation of the logical plan on a table that exists before it runs is
// replaced by its safe form and sorted into its phase (phases.hpp); with
// acknowledgements given (the upgrade), what would rewrite a table or destroy
// data without one is refused. The rules are listed in safe_plan.hpp.
#pragma once

#include <vector>

#include "plan/safe_plan.hpp"

namespace structmig::plan {

struct Direction {
  const Schema& existing;  // the schema before these operations (their "existing tables")
  const Schema& target;    // the schema after them
  /// Null: nothing is refused (a downgrade undoes what its upgrade did).
  const Acknowledgements* acknowledgements = nullptr;
};

struct PlannedOps {
  std::vector<Op> ops;  // with CommitStep boundaries
  std::vector<Refusal> refusals;
};

PlannedOps plan_ops(const std::vector<Op>& logical, const Direction& direction);

/// The temporary CHECK ("column" IS NOT NULL) that lets SET NOT NULL skip its
/// scan: ck_<table>_<column>_not_null (63 bytes at most).
CheckConstraint not_null_check(const std::string& table, const std::string& column);

/// The name of the unique index a new primary key is built as before it is
/// adopted: <key name>_new (63 bytes at most); PostgreSQL renames the index
/// to the key's name when the key adopts it.
std::string primary_key_index_name(const std::string& primary_key_name);

}  // namespace structmig::plan

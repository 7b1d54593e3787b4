// Compares the schema the migration history produces with the schema of the
// models and lists the operations that turn one into the other, in an order
// that is deterministic and valid to run. The downgrade is the upgrade
// reversed (structmig::reverse), never a second diff.
#pragma once

#include <vector>

#include "structmig/ops.hpp"
#include "structmig/schema.hpp"

namespace structmig::diff {

struct Plan {
  std::vector<Op> upgrade;
  std::vector<Op> downgrade;  // reverse(upgrade)

  bool empty() const { return upgrade.empty(); }
  friend bool operator==(const Plan&, const Plan&) = default;
};

/// Tables and columns are matched by name. Upgrade order:
///  1. CreateTable for each new table, by name;
///  2. for each table in both schemas, by name: AddColumn for new columns
///     (model order), AlterColumn for changed type / nullability / default /
///     uniqueness (model order; with a USING cast when the type changes),
///     SetPrimaryKey when the key's column list differs, DropColumn (carrying
///     the old column) for removed columns (snapshot order);
///  3. DropTable (carrying the old table) for removed tables, reverse name order.
/// A change of column order alone is no operation: PostgreSQL cannot reorder.
Plan diff_schemas(const Schema& before, const Schema& now);

}  // namespace structmig::diff

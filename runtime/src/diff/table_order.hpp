// New tables created and removed tables dropped in an order that PostgreSQL
// accepts: referenced tables exist before the tables whose foreign keys name
// them, and are dropped after. Keys that cannot be part of that order (cycles,
// or keys to a kept table's key that changes in this migration) are added
// separately, after the tables, or dropped separately, before them. Internal
// to the diff.
#pragma once

#include <string>
#include <vector>

#include "diff/steps.hpp"
#include "structmig/schema.hpp"

namespace structmig::diff {

/// Whether kept table `table` has a key over exactly `columns` (in any order)
/// that stays as it is, with columns that keep their types, from `work` to
/// `now` -- so a foreign key can reference it at any point of the upgrade.
bool key_is_stable(const Schema& work, const Schema& now, const std::string& table,
                   const std::vector<std::string>& columns);

/// Step 4: CreateTable for the tables of `now` not in `work`, referenced
/// tables first (ties by name); a foreign key to a table created later, or to
/// an unstable key of a kept table, is left out and added in step 6.
void create_tables(const Schema& work, const Schema& now, Steps& steps);

/// Step 8: DropTable for the tables of `work` not in `now`, referencing
/// tables first, after DropConstraint of the keys between them that would
/// block a drop (cycles). A key to an unstable key of a kept table is dropped
/// in step 3 instead. Each DropTable carries its table without the keys,
/// checks and indexes dropped separately (steps.dropped_early).
void drop_tables(const Schema& work, const Schema& now, Steps& steps);

}  // namespace structmig::diff

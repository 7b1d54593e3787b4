// A table present in both schemas: its columns, primary key, comment,
// constraints and indexes, compared by name after renames. Internal to the
// diff.
#pragma once

#include "diff/steps.hpp"
#include "structmig/schema.hpp"

namespace structmig::diff {

/// `before` is the table in `work` (the old schema after renames), `now` the
/// model's. Fills step 3 (drops of removed and changed constraints and
/// indexes), 5 (AddColumn, AlterColumn, SetPrimaryKey, SetTableComment),
/// 6 (adds of new and changed constraints and indexes) and 7 (DropColumn).
void diff_kept_table(const Schema& work, const Table& before, const Table& now, Steps& steps);

}  // namespace structmig::diff

// Enum types: created, extended label by label, recreated when labels are
// removed or reordered, dropped; and which columns use an enum, which a
// recreated type must convert. Internal to the diff.
#pragma once

#include <string>
#include <vector>

#include "diff/steps.hpp"
#include "structmig/schema.hpp"

namespace structmig::diff {

/// Whether `type` is an enum of `schema` or an array of one.
bool is_enum_type(const Schema& schema, const std::string& type);

/// The columns of `schema` whose type is the enum `name` or an array of it,
/// tables by name and columns in declaration order, with their defaults.
std::vector<EnumUsage> enum_usages(const Schema& schema, const std::string& name);

/// Step 2 (CreateEnum for new enums, then AddEnumLabel when labels were only
/// inserted, then RecreateEnum otherwise) and step 9 (DropEnum, reverse name
/// order), from `work` (the old schema after renames) to `now`. Inserted
/// labels that the SQL of `now` uses as literals (a default, a check, an
/// index) recreate the type too, because PostgreSQL cannot use a label added
/// in place before the migration's transaction commits.
void diff_enums(const Schema& work, const Schema& now, Steps& steps);

}  // namespace structmig::diff

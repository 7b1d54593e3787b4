// Renames: those the model asks for with renamed_from (hints), applied to the
// working copy of the old schema so that everything after matches by the new
// names; and those of constraints and indexes that only changed name (what a
// table rename and the naming convention produce). Internal to the diff.
#pragma once

#include "diff/steps.hpp"
#include "structmig/schema.hpp"

namespace structmig::diff {

/// Renames enums, tables, columns and enum labels of `work` as `hints` say,
/// and everything that names them (column types, key and index columns,
/// foreign keys of other tables); records RenameEnum, RenameTable,
/// RenameColumn and RenameEnumLabel in that order. A hint whose old name is
/// not in `work`, or whose new name is not in `now`, is ignored; one whose old
/// and new names are both in `work` is ignored with a warning.
void apply_rename_hints(Schema& work, const Schema& now, const RenameHints& hints, Steps& steps);

/// In a table of both schemas: the primary key, a unique, check or foreign
/// key, or an index whose name is gone from `now` but whose definition equals
/// that of one new in `now` is renamed (RenameConstraint / RenameIndex), in
/// `work` too -- unless it is rebuilt anyway (steps.rebuilt).
void rename_constraints(Table& work, const Table& now, Steps& steps);

}  // namespace structmig::diff

// Checks and indexes in the way of a type conversion. When PostgreSQL
// converts a column to another type (ALTER COLUMN … TYPE, and the enum
// recreation, which converts every column of the enum), it rebuilds the
// checks and indexes on it from their stored expressions, and an expression
// that compares the column with a constant of the old type ("status <>
// 'draft'") no longer resolves. Such objects are dropped before the
// conversion and created again after it. Internal to the diff.
#pragma once

#include "diff/steps.hpp"
#include "structmig/schema.hpp"

namespace structmig::diff {

/// Marks in `steps.rebuilt` the checks and indexes of `work` (the old schema
/// after hinted renames) whose SQL (a check's expression, an index's
/// expression keys or predicate) names a column that is converted between an
/// enum and another type:
///  - every column of an enum whose labels change (AddEnumLabel's inverse
///    recreates the type too): dropped at the start of step 2, also marked in
///    `steps.dropped_early`;
///  - a column of a kept table whose type changes from or to an enum: dropped
///    in step 3, before the AlterColumn of step 5.
/// A column is named when its name appears as a whole word or quoted.
void find_type_dependents(const Schema& work, const Schema& now, Steps& steps);

}  // namespace structmig::diff

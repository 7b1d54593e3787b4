// Unmarked renames: a column dropped and another added in the same table with
// the same type and nullability, or a table dropped and another created with
// the same columns, look like renames. They stay drop + add (only the model
// can say what was renamed), but the plan warns and says how to mark the
// rename. Internal to the diff.
#pragma once

#include "diff/steps.hpp"
#include "structmig/schema.hpp"

namespace structmig::diff {

/// `work` is the old schema after the hinted renames, so a hinted rename is
/// never suspected.
void warn_suspected_renames(const Schema& work, const Schema& now, Steps& steps);

}  // namespace structmig::diff

// The refusals of the safe planner, worded once: for each kind, the sentence
// saying what the change would do to a live database (`reason`) and the safe
// way to make it, with the exact model annotation that acknowledges it
// (`recipe`). The planner decides when to refuse; this file only says why.
#pragma once

#include <string>

#include "plan/safe_plan.hpp"

namespace structmig::plan {

Refusal rewriting_type_change_refusal(const std::string& table, const Column& from,
                                      const Column& to);
/// `what` is the volatile function, or "identity" for a new identity column.
Refusal volatile_default_refusal(const std::string& table, const Column& column,
                                 const std::string& what);
Refusal not_null_without_default_refusal(const std::string& table, const Column& column);
/// A backfill was given, but the table has no primary key to walk in batches.
Refusal backfill_without_key_refusal(const std::string& table, const Column& column);
Refusal drop_table_refusal(const std::string& table);
Refusal drop_column_refusal(const std::string& table, const std::string& column);
Refusal drop_enum_label_refusal(const std::string& enum_name, const std::string& label);

}  // namespace structmig::plan

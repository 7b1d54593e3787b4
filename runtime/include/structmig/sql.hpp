// Operations → PostgreSQL statements. Every identifier is quoted and every
// literal escaped; SQL expressions written in the model (defaults, USING,
// raw SQL) are passed through verbatim by design.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "structmig/ops.hpp"
#include "structmig/spelling.hpp"  // quote_ident, quote_literal, foreign_key_action_sql

namespace structmig {

/// True unless PostgreSQL changes a column from `from_type` to `to_type`
/// (format_type() spellings) without rewriting or scanning the table: varchar
/// widened, varchar to text, text to unbounded varchar, numeric to a larger
/// precision at the same scale or to unconstrained numeric.
bool type_change_rewrites(std::string_view from_type, std::string_view to_type);

/// The statements (without a trailing ';') that perform one operation.
std::vector<std::string> to_sql(const Op& op);
/// The statements of a whole list of operations, in order.
std::vector<std::string> to_sql(const std::vector<Op>& ops);

}  // namespace structmig

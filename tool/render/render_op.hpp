// Each operation as the C++ statement a migration file contains: a call on
// structmig::Ops whose arguments rebuild the operation's values with
// designated initializers (fields in declaration order, fields at their
// default left out). The file puts `using namespace structmig;` around the
// body, so enumerators read Identity::by_default, ForeignKeyAction::cascade.
#pragma once

#include <string>
#include <vector>

#include "structmig/ops.hpp"

namespace structmig::render {

/// The statement(s) for one operation as they appear in upgrade()/downgrade(),
/// ending in ';' without a newline. The first line carries no indentation;
/// continuation lines carry their full indentation in the file (the body is
/// indented by 2). Every call is one line except create_table (one field per
/// line, one column, constraint or index per line), alter_column and
/// recreate_enum longer than 100 columns (one argument per line) and execute
/// of multi-line SQL (one literal per SQL line). Drops name only the object,
/// as the recorder's drop_* functions take it.
std::string render_op(const Op& op);

/// The body of upgrade() or downgrade(): each op indented by 2, one per line.
std::string render_body(const std::vector<Op>& ops);

}  // namespace structmig::render

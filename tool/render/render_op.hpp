// Each operation as the C++ statement a migration file contains: a call on
// structmig::Ops. A schema value that grows with the schema (a table, a
// column, a constraint, an index, an enum and the usages of a recreated one)
// is declared as a named constexpr object of structmig::data
// (data_declarations.hpp) above the function, and the call references it:
// `op.create_table(tickets_table);`. Names, SQL and options are written in
// the call (designated initializers, fields at their default left out). The
// file puts `using namespace structmig;` around the body, so enumerators read
// Identity::by_default, ForeignKeyAction::cascade.
#pragma once

#include <string>
#include <vector>

#include "render/data_declarations.hpp"
#include "structmig/ops.hpp"

namespace structmig::render {

/// The statement(s) for one operation as they appear in upgrade()/downgrade(),
/// ending in ';' without a newline; the data objects it references are added
/// to `data`. The first line carries no indentation; continuation lines carry
/// their full indentation in the file (the body is indented by 2). Every call
/// is one line except alter_column and recreate_enum longer than 100 columns
/// (one argument per line) and execute of multi-line SQL (one literal per SQL
/// line). Drops name only the object, as the recorder's drop_* functions take
/// it.
std::string render_op(const Op& op, DataDeclarations& data);
/// One operation on its own: its data declarations, then the statement.
std::string render_op(const Op& op);

/// The ops' data declarations, then each op indented by 2, one per line:
/// everything a function's operations render to (what a revision id hashes).
std::string render_body(const std::vector<Op>& ops);

}  // namespace structmig::render

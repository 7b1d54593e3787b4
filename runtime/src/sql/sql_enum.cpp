// SQL for enum types. Labels are literals, type names identifiers. PostgreSQL
// can add and rename a label but never remove or reorder one, so RecreateEnum
// moves the old type aside, creates the new one, converts every column through
// text (a value without a label fails the conversion: nothing is lost
// silently) and drops the old type.
#include <stdexcept>

#include "sql/sql_parts.hpp"
#include "structmig/error.hpp"
#include "structmig/naming.hpp"
#include "structmig/sql.hpp"

namespace structmig::sql_detail {
namespace {

std::string label_list(const std::vector<std::string>& labels) {
  return join(labels, ", ", quote_literal);
}

/// Converts one column to the recreated type: its default goes first (it
/// names the old type), and comes back in a statement of its own, parsed
/// against the new type.
void convert_usage(const EnumUsage& usage, const std::string& type, Statements& out) {
  const std::string column = "ALTER COLUMN " + quote_ident(usage.column);
  const std::string suffix = usage.is_array ? "[]" : "";
  std::string alter = alter_table(usage.table);
  if (usage.default_sql) alter += column + " DROP DEFAULT, ";
  alter += column + " TYPE " + type + suffix + " USING " + quote_ident(usage.column) + "::text" +
           suffix + "::" + type + suffix;
  out.push_back(std::move(alter));
  if (usage.default_sql) {
    out.push_back(alter_table(usage.table) + column + " SET DEFAULT " + *usage.default_sql);
  }
}

}  // namespace

Statements create_enum_sql(const EnumType& type) {
  return {"CREATE TYPE " + quote_ident(type.name) + " AS ENUM (" + label_list(type.labels) + ")"};
}

Statements add_enum_label_sql(const AddEnumLabel& op) {
  if (op.before && op.after) {
    throw InvalidOperation("label " + quote_literal(op.label) +
                           " cannot go both before and after another");
  }
  std::string out = "ALTER TYPE " + quote_ident(op.type) + " ADD VALUE " + quote_literal(op.label);
  if (op.before) out += " BEFORE " + quote_literal(*op.before);
  if (op.after) out += " AFTER " + quote_literal(*op.after);
  return {out};
}

Statements recreate_enum_sql(const RecreateEnum& op) {
  if (op.from.name != op.to.name) {
    throw InvalidOperation("RecreateEnum cannot rename " + quote_ident(op.from.name) + " to " +
                           quote_ident(op.to.name));
  }
  const std::string type = quote_ident(op.to.name);
  const std::string old_type = quote_ident(fit_identifier(op.to.name + "__structmig_old"));
  Statements out{"ALTER TYPE " + type + " RENAME TO " + old_type};
  for (std::string& statement : create_enum_sql(op.to)) out.push_back(std::move(statement));
  for (const EnumUsage& usage : op.usages) convert_usage(usage, type, out);
  out.push_back("DROP TYPE " + old_type);
  return out;
}

}  // namespace structmig::sql_detail

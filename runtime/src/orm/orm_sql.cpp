// The SQL text of a model's insert, find, update and delete statements, with
// quoted identifiers and parameters numbered as orm_sql.hpp describes.
#include "structmig/orm_sql.hpp"

#include <algorithm>
#include <stdexcept>

#include "structmig/error.hpp"
#include "structmig/spelling.hpp"

namespace structmig::detail {
namespace {

bool in_key(const ModelShape& shape, std::size_t field) {
  return std::find(shape.primary_key.begin(), shape.primary_key.end(), field) !=
         shape.primary_key.end();
}

bool marked(std::span<const bool> use_default, std::size_t field) {
  return field < use_default.size() && use_default[field];
}

std::string column_list(const ModelShape& shape) {
  return join(shape.columns, ", ",
              [](const ColumnInfo& column) { return quote_ident(column.name); });
}

// INSERT of the fields `sent` selects, returning every column; DEFAULT for
// the fields `use_default` marks (empty when none is).
template <typename Sent>
std::string insert_statement(const ModelShape& shape, const std::string& table,
                             const std::string& returning, Sent sent, bool overriding,
                             std::span<const bool> use_default) {
  std::string names;
  std::string values;
  int parameter = 0;
  bool any = false;
  for (std::size_t i = 0; i < shape.columns.size(); ++i) {
    if (!sent(shape.columns[i])) continue;
    if (any) {
      names += ", ";
      values += ", ";
    }
    any = true;
    names += quote_ident(shape.columns[i].name);
    values += marked(use_default, i) ? std::string("DEFAULT") : "$" + std::to_string(++parameter);
  }
  if (!any) return "INSERT INTO " + table + " DEFAULT VALUES RETURNING " + returning;
  return "INSERT INTO " + table + " (" + names + ")" +
         (overriding ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES (" + values + ") RETURNING " +
         returning;
}

// "a" = $1 AND "b" = $2 over the key, numbered from `first`.
std::string key_condition(const ModelShape& shape) {
  std::string condition;
  for (std::size_t k = 0; k < shape.primary_key.size(); ++k) {
    if (k != 0) condition += " AND ";
    condition +=
        quote_ident(shape.columns[shape.primary_key[k]].name) + " = $" + std::to_string(k + 1);
  }
  return condition;
}

std::string update_statement(const ModelShape& shape, const std::string& table,
                             std::span<const bool> use_default) {
  std::string assignments;
  std::string condition;
  int parameter = 0;
  for (std::size_t i = 0; i < shape.columns.size(); ++i) {
    const bool key = in_key(shape, i);
    if (!updated_field(shape.columns[i], key)) continue;
    const bool to_default = !key && marked(use_default, i);
    const std::string term = quote_ident(shape.columns[i].name) + " = " +
                             (to_default ? std::string("DEFAULT") : "$" + std::to_string(++parameter));
    std::string& target = key ? condition : assignments;
    if (!target.empty()) target += key ? " AND " : ", ";
    target += term;
  }
  if (assignments.empty()) {  // every column is in the key: "updated" means "exists"
    const std::string first = quote_ident(shape.columns[shape.primary_key[0]].name);
    assignments = first + " = " + first;
  }
  return "UPDATE " + table + " SET " + assignments + " WHERE " + condition;
}

bool has_identity(const ModelShape& shape) {
  for (const auto& column : shape.columns) {
    if (column.generated == Generated::identity) return true;
  }
  return false;
}

void check_key(const ModelShape& shape) {
  if (shape.primary_key.empty()) {
    throw InvalidOperation("structmig: model_traits of table " + std::string(shape.table) +
                           " has no primary key");
  }
}

}  // namespace

std::string insert_statement(const ModelShape& shape, bool all,
                             std::span<const bool> use_default) {
  check_key(shape);
  const std::string table = quote_ident(shape.table);
  if (all) {
    return insert_statement(
        shape, table, column_list(shape), [](const ColumnInfo&) { return true; },
        has_identity(shape), use_default);
  }
  return insert_statement(
      shape, table, column_list(shape),
      [](const ColumnInfo& c) { return c.generated != Generated::identity; }, false, use_default);
}

std::string update_statement(const ModelShape& shape, std::span<const bool> use_default) {
  check_key(shape);
  return update_statement(shape, quote_ident(shape.table), use_default);
}

ModelStatements build_statements(const ModelShape& shape) {
  check_key(shape);
  const std::string table = quote_ident(shape.table);
  ModelStatements statements;
  statements.select = "SELECT " + column_list(shape) + " FROM " + table;
  statements.insert = insert_statement(shape, false, {});
  statements.insert_all = insert_statement(shape, true, {});
  statements.find = statements.select + " WHERE " + key_condition(shape);
  statements.update = update_statement(shape, {});
  statements.remove = "DELETE FROM " + table + " WHERE " + key_condition(shape);
  return statements;
}

}  // namespace structmig::detail

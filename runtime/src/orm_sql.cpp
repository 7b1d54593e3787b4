// The SQL text of a model's insert, find, update and delete statements, with
// quoted identifiers and parameters numbered as orm_sql.hpp describes.
#include "structmig/orm_sql.hpp"

#include <algorithm>
#include <stdexcept>

namespace structmig::detail {
namespace {

bool in_key(const ModelShape& shape, std::size_t field) {
  return std::find(shape.primary_key.begin(), shape.primary_key.end(), field) !=
         shape.primary_key.end();
}

std::string column_list(const ModelShape& shape) {
  std::string list;
  for (std::size_t i = 0; i < shape.columns.size(); ++i) {
    if (i != 0) list += ", ";
    list += quote_identifier(shape.columns[i].name);
  }
  return list;
}

// INSERT of the fields `sent` selects, returning every column.
template <typename Sent>
std::string insert_statement(const ModelShape& shape, const std::string& table,
                             const std::string& returning, Sent sent, bool overriding) {
  std::string names;
  std::string values;
  int parameter = 0;
  for (std::size_t i = 0; i < shape.columns.size(); ++i) {
    if (!sent(shape.columns[i])) continue;
    if (parameter != 0) {
      names += ", ";
      values += ", ";
    }
    names += quote_identifier(shape.columns[i].name);
    values += "$" + std::to_string(++parameter);
  }
  if (parameter == 0) return "INSERT INTO " + table + " DEFAULT VALUES RETURNING " + returning;
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
        quote_identifier(shape.columns[shape.primary_key[k]].name) + " = $" + std::to_string(k + 1);
  }
  return condition;
}

std::string update_statement(const ModelShape& shape, const std::string& table) {
  std::string assignments;
  std::string condition;
  int parameter = 0;
  for (std::size_t i = 0; i < shape.columns.size(); ++i) {
    const bool key = in_key(shape, i);
    if (!updated_field(shape.columns[i], key)) continue;
    const std::string term =
        quote_identifier(shape.columns[i].name) + " = $" + std::to_string(++parameter);
    std::string& target = key ? condition : assignments;
    if (!target.empty()) target += key ? " AND " : ", ";
    target += term;
  }
  if (assignments.empty()) {  // every column is in the key: "updated" means "exists"
    const std::string first = quote_identifier(shape.columns[shape.primary_key[0]].name);
    assignments = first + " = " + first;
  }
  return "UPDATE " + table + " SET " + assignments + " WHERE " + condition;
}

}  // namespace

std::string quote_identifier(std::string_view name) {
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

ModelStatements build_statements(const ModelShape& shape) {
  if (shape.primary_key.empty()) {
    throw std::logic_error("structmig: model_traits of table " + std::string(shape.table) +
                           " has no primary key");
  }
  const std::string table = quote_identifier(shape.table);
  const std::string columns = column_list(shape);
  bool has_identity = false;
  for (const auto& column : shape.columns) has_identity |= column.generated == Generated::identity;

  ModelStatements statements;
  statements.select = "SELECT " + columns + " FROM " + table;
  statements.insert = insert_statement(
      shape, table, columns, [](const ColumnInfo& c) { return c.generated == Generated::none; },
      false);
  statements.insert_all = insert_statement(
      shape, table, columns, [](const ColumnInfo&) { return true; }, has_identity);
  statements.find = statements.select + " WHERE " + key_condition(shape);
  statements.update = update_statement(shape, table);
  statements.remove = "DELETE FROM " + table + " WHERE " + key_condition(shape);
  return statements;
}

}  // namespace structmig::detail

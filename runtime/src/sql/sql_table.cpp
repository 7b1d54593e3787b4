// SQL for tables and their columns: column definitions, CREATE TABLE with its
// constraints, indexes and comments, ADD COLUMN, the primary key and comments.
#include <stdexcept>

#include "sql/sql_parts.hpp"
#include "structmig/error.hpp"
#include "structmig/sql.hpp"

namespace structmig::sql_detail {

const std::string& require_type(const Column& column) {
  if (column.type.empty()) {
    throw InvalidOperation("column " + quote_ident(column.name) + " has no type");
  }
  return column.type;
}

bool effective_not_null(const Column& column) {
  return !column.nullable || column.identity != Identity::none;
}

std::string column_definition(const Column& column) {
  // PostgreSQL rejects a default on an identity column; say so before it runs.
  if (column.identity != Identity::none && column.default_sql) {
    throw InvalidOperation("identity column " + quote_ident(column.name) +
                           " cannot also have a default");
  }
  std::string out = quote_ident(column.name) + " " + require_type(column);
  if (column.identity != Identity::none) out += " " + identity_clause(column.identity);
  if (effective_not_null(column)) out += " NOT NULL";
  if (column.default_sql) out += " DEFAULT " + *column.default_sql;
  return out;
}

std::string column_comment(std::string_view table, std::string_view column,
                           const std::optional<std::string>& comment) {
  return "COMMENT ON COLUMN " + quote_ident(table) + "." + quote_ident(column) + " IS " +
         (comment ? quote_literal(*comment) : "NULL");
}

std::string table_comment(std::string_view table, const std::optional<std::string>& comment) {
  return "COMMENT ON TABLE " + quote_ident(table) + " IS " +
         (comment ? quote_literal(*comment) : "NULL");
}

/// CREATE TABLE, then its indexes, then the table's and the columns' comments:
/// everything `table` describes, in the order PostgreSQL needs it.
Statements create_table_sql(const Table& table) {
  std::vector<std::string> elements;
  for (const Column& column : table.columns) elements.push_back(column_definition(column));
  if (!table.primary_key.empty()) {
    elements.push_back(
        constraint_definition(PrimaryKey{table.primary_key_name, table.primary_key}));
  }
  for (const Constraint& constraint : constraints_of(table)) {
    elements.push_back(constraint_definition(constraint));
  }

  std::string create = "CREATE TABLE " + quote_ident(table.name) + " (";
  for (std::size_t i = 0; i < elements.size(); ++i) {
    create += (i == 0 ? "\n    " : ",\n    ") + elements[i];
  }
  create += elements.empty() ? ")" : "\n)";

  Statements out{std::move(create)};
  for (const Index& index : table.indexes) out.push_back(create_index(table.name, index));
  if (table.comment) out.push_back(table_comment(table.name, table.comment));
  for (const Column& column : table.columns) {
    if (column.comment) out.push_back(column_comment(table.name, column.name, column.comment));
  }
  return out;
}

Statements add_column_sql(const AddColumn& op) {
  Statements out{alter_table(op.table) + "ADD COLUMN " + column_definition(op.column)};
  if (op.column.comment) out.push_back(column_comment(op.table, op.column.name, op.column.comment));
  return out;
}

/// One statement, so the table never lacks a key in between; PostgreSQL drops
/// before it adds, which lets the constraint keep its name.
Statements set_primary_key_sql(const SetPrimaryKey& op) {
  if (op.from == op.to) return {};
  std::vector<std::string> subcommands;
  if (!op.from.empty()) subcommands.push_back("DROP CONSTRAINT " + quote_ident(op.name));
  if (!op.to.empty()) {
    subcommands.push_back("ADD " + added_constraint(op.table, PrimaryKey{op.name, op.to},
                                                    /*not_valid=*/false, op.using_index));
  }
  return {alter_table(op.table) + join(subcommands)};
}

}  // namespace structmig::sql_detail

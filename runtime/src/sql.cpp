// Operations → PostgreSQL statements as text. Pure and deterministic: the same
// operation always gives the same bytes, so migrations can be reviewed offline
// and the SQL tested without a database. Identifiers are always quoted; types
// and defaults are canonical PostgreSQL spellings or model-written SQL and are
// passed through verbatim.
#include "structmig/sql.hpp"

#include <stdexcept>
#include <type_traits>

#include "structmig/naming.hpp"

namespace structmig {
namespace {

void reject_nul(std::string_view text, const char* what) {
  if (text.find('\0') != std::string_view::npos) {
    throw std::invalid_argument(std::string(what) + " contains a NUL byte");
  }
}

std::string quote_ident_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    if (!out.empty()) out += ", ";
    out += quote_ident(name);
  }
  return out;
}

std::string require_type(const Column& column) {
  if (column.type.empty()) {
    throw std::invalid_argument("column \"" + column.name + "\" has no type");
  }
  return column.type;
}

/// `"name" type [NOT NULL] [DEFAULT expr]`: what CREATE TABLE and ADD COLUMN share.
std::string column_definition(const Column& column) {
  std::string out = quote_ident(column.name) + " " + require_type(column);
  if (!column.nullable) out += " NOT NULL";
  if (column.default_sql) out += " DEFAULT " + *column.default_sql;
  return out;
}

std::string unique_constraint(std::string_view table, std::string_view column) {
  return "CONSTRAINT " + quote_ident(unique_name(table, column)) + " UNIQUE (" +
         quote_ident(column) + ")";
}

std::string create_table_sql(const Table& table) {
  std::vector<std::string> elements;
  for (const Column& column : table.columns) elements.push_back(column_definition(column));
  if (!table.primary_key.empty()) {
    elements.push_back("CONSTRAINT " + quote_ident(primary_key_name(table.name)) +
                       " PRIMARY KEY (" + quote_ident_list(table.primary_key) + ")");
  }
  for (const Column& column : table.columns) {
    if (column.unique) elements.push_back(unique_constraint(table.name, column.name));
  }
  std::string out = "CREATE TABLE " + quote_ident(table.name) + " (";
  if (elements.empty()) return out + ")";
  for (std::size_t i = 0; i < elements.size(); ++i) {
    out += (i == 0 ? "\n    " : ",\n    ") + elements[i];
  }
  return out + "\n)";
}

std::vector<std::string> add_column_sql(const AddColumn& op) {
  std::string table = quote_ident(op.table);
  std::vector<std::string> out{"ALTER TABLE " + table + " ADD COLUMN " +
                               column_definition(op.column)};
  if (op.column.unique) {
    out.push_back("ALTER TABLE " + table + " ADD " + unique_constraint(op.table, op.column.name));
  }
  return out;
}

/// One ALTER TABLE whose subcommands PostgreSQL runs in a safe order anyway
/// (drops first, then the type change, then new defaults and constraints); we
/// write them in that same order so the text reads the way it executes. A
/// default is dropped before a type change because PostgreSQL would otherwise
/// try to cast the old default to the new type, and set again afterwards.
std::vector<std::string> alter_column_sql(const AlterColumn& op) {
  const Column& from = op.from;
  const Column& to = op.to;
  if (from.name != to.name) {
    throw std::invalid_argument("AlterColumn cannot rename " + quote_ident(from.name) + " to " +
                                quote_ident(to.name));
  }
  const std::string column = "ALTER COLUMN " + quote_ident(to.name);
  const bool type_changes = from.type != to.type;
  const bool default_changes = from.default_sql != to.default_sql;

  std::vector<std::string> subcommands;
  if (from.default_sql && (default_changes || type_changes)) {
    subcommands.push_back(column + " DROP DEFAULT");
  }
  if (type_changes) {
    std::string type = column + " TYPE " + require_type(to);
    if (op.using_sql) type += " USING " + *op.using_sql;
    subcommands.push_back(std::move(type));
  }
  if (to.default_sql && (default_changes || type_changes)) {
    subcommands.push_back(column + " SET DEFAULT " + *to.default_sql);
  }
  if (from.nullable != to.nullable) {
    subcommands.push_back(column + (to.nullable ? " DROP NOT NULL" : " SET NOT NULL"));
  }
  if (from.unique && !to.unique) {
    subcommands.push_back("DROP CONSTRAINT " + quote_ident(unique_name(op.table, to.name)));
  } else if (!from.unique && to.unique) {
    subcommands.push_back("ADD " + unique_constraint(op.table, to.name));
  }
  if (subcommands.empty()) return {};

  std::string out = "ALTER TABLE " + quote_ident(op.table) + " ";
  for (std::size_t i = 0; i < subcommands.size(); ++i) {
    if (i > 0) out += ", ";
    out += subcommands[i];
  }
  return {out};
}

std::vector<std::string> set_primary_key_sql(const SetPrimaryKey& op) {
  if (op.from == op.to) return {};
  const std::string name = quote_ident(primary_key_name(op.table));
  std::string out = "ALTER TABLE " + quote_ident(op.table) + " ";
  if (!op.from.empty()) out += "DROP CONSTRAINT " + name;
  if (!op.from.empty() && !op.to.empty()) out += ", ";
  if (!op.to.empty()) {
    out += "ADD CONSTRAINT " + name + " PRIMARY KEY (" + quote_ident_list(op.to) + ")";
  }
  return {out};
}

}  // namespace

std::string quote_ident(std::string_view identifier) {
  reject_nul(identifier, "identifier");
  if (identifier.empty()) throw std::invalid_argument("empty identifier");
  std::string out = "\"";
  for (char c : identifier) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string quote_literal(std::string_view text) {
  reject_nul(text, "literal");
  const bool has_backslash = text.find('\\') != std::string_view::npos;
  std::string out = has_backslash ? "E'" : "'";
  for (char c : text) {
    if (c == '\'' || (c == '\\' && has_backslash)) out += c;
    out += c;
  }
  return out + "'";
}

std::vector<std::string> to_sql(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::vector<std::string> {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>) {
          return {create_table_sql(o.table)};
        } else if constexpr (std::is_same_v<T, DropTable>) {
          return {"DROP TABLE " + quote_ident(o.table.name)};
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          return add_column_sql(o);
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          return {"ALTER TABLE " + quote_ident(o.table) + " DROP COLUMN " +
                  quote_ident(o.column.name)};
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          return alter_column_sql(o);
        } else if constexpr (std::is_same_v<T, SetPrimaryKey>) {
          return set_primary_key_sql(o);
        } else {
          static_assert(std::is_same_v<T, ExecuteSql>);
          return {o.sql};
        }
      },
      op);
}

std::vector<std::string> to_sql(const std::vector<Op>& ops) {
  std::vector<std::string> out;
  for (const Op& op : ops) {
    for (std::string& statement : to_sql(op)) out.push_back(std::move(statement));
  }
  return out;
}

}  // namespace structmig

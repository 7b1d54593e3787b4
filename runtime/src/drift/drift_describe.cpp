// The spellings of the drift report; see drift_describe.hpp.
#include "drift/drift_describe.hpp"

#include "structmig/spelling.hpp"
#include "structmig/sql.hpp"

namespace structmig::drift_detail {
namespace {

std::string key_text(const IndexKey& key) {
  return key.column.empty() ? key.expression : key.column;
}

}  // namespace

std::string parenthesized(const std::vector<std::string>& items) {
  return "(" + join(items) + ")";
}

std::string or_none(const std::optional<std::string>& value) { return value ? *value : "none"; }

std::string quoted_or_none(const std::optional<std::string>& text) {
  return text ? quote_literal(*text) : "none";
}

std::string identity_name(Identity identity) { return words_of(name_of(identity)); }

std::string describe(const Column& column) {
  std::string out = column.type;
  if (column.identity != Identity::none) out += " " + identity_clause(column.identity);
  if (!column.nullable) out += " NOT NULL";
  if (column.default_sql) out += " DEFAULT " + *column.default_sql;
  return out;
}

std::string describe(const UniqueConstraint& unique) {
  return "UNIQUE " + parenthesized(unique.columns);
}

std::string describe(const CheckConstraint& check) { return "CHECK (" + check.expression + ")"; }

std::string describe(const ForeignKey& foreign_key) {
  std::string out = "FOREIGN KEY " + parenthesized(foreign_key.columns) + " REFERENCES " +
                    foreign_key.referenced_table;
  if (!foreign_key.referenced_columns.empty()) {
    out += " " + parenthesized(foreign_key.referenced_columns);
  }
  if (foreign_key.on_delete != ForeignKeyAction::no_action) {
    out += " ON DELETE " + foreign_key_action_sql(foreign_key.on_delete);
  }
  if (foreign_key.on_update != ForeignKeyAction::no_action) {
    out += " ON UPDATE " + foreign_key_action_sql(foreign_key.on_update);
  }
  return out;
}

std::string describe(const Index& index) {
  std::vector<std::string> keys;
  for (const IndexKey& key : index.keys) keys.push_back(key_text(key));
  std::string out = index.unique ? "UNIQUE " : "";
  if (index.method != "btree") out += "USING " + index.method + " ";
  out += parenthesized(keys);
  if (index.where) out += " WHERE " + *index.where;
  return out;
}

}  // namespace structmig::drift_detail

// The descriptions of schema objects; see schema_description.hpp. The
// constraint kinds' descriptions are members of the family (constraint.hpp).
#include "structmig/schema_description.hpp"

#include <type_traits>
#include <variant>

#include "structmig/spelling.hpp"
#include "structmig/sql.hpp"

namespace structmig {

namespace description {

std::string parenthesized(const std::vector<std::string>& items) {
  return "(" + join(items) + ")";
}

std::string identity_name(Identity identity) { return words_of(name_of(identity)); }

std::string quoted_or_none(const std::optional<std::string>& text) {
  return text ? quote_literal(*text) : "none";
}

std::string or_none(const std::optional<std::string>& value) { return value ? *value : "none"; }

}  // namespace description

using description::parenthesized;

std::string column_description(const Column& column) {
  std::string out = column.type;
  if (column.identity != Identity::none) out += " " + identity_clause(column.identity);
  if (!column.nullable) out += " NOT NULL";
  if (column.default_sql) out += " DEFAULT " + *column.default_sql;
  return out;
}

std::string index_description(const Index& index) {
  std::vector<std::string> keys;
  for (const IndexKey& key : index.keys) {
    keys.push_back(key.column.empty() ? key.expression : key.column);
  }
  std::string out = index.unique ? "UNIQUE " : "";
  if (index.method != "btree") out += "USING " + index.method + " ";
  out += parenthesized(keys);
  if (index.where) out += " WHERE " + *index.where;
  return out;
}

std::string description_of(const Constraint& constraint) {
  return std::visit(
      [](const auto& c) { return ConstraintKindOf<std::decay_t<decltype(c)>>::description(c); },
      constraint);
}

std::string ConstraintKindOf<PrimaryKey>::description(const PrimaryKey& key) {
  return "PRIMARY KEY " + parenthesized(key.columns);
}

std::string ConstraintKindOf<UniqueConstraint>::description(const UniqueConstraint& unique) {
  return "UNIQUE " + parenthesized(unique.columns);
}

std::string ConstraintKindOf<CheckConstraint>::description(const CheckConstraint& check) {
  return "CHECK (" + check.expression + ")";
}

std::string ConstraintKindOf<ExcludeConstraint>::description(const ExcludeConstraint& exclude) {
  std::vector<std::string> elements;
  for (std::size_t i = 0; i < exclude.columns.size(); ++i) {
    elements.push_back(exclude.columns[i] + " WITH " +
                       (i < exclude.operators.size() ? exclude.operators[i] : std::string("?")));
  }
  std::string out = "EXCLUDE USING " + exclude.method + " " + parenthesized(elements);
  if (exclude.where) out += " WHERE (" + *exclude.where + ")";
  return out;
}

std::string ConstraintKindOf<ForeignKey>::description(const ForeignKey& foreign_key) {
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

}  // namespace structmig

// SQL for constraints and indexes: each constraint kind's body (the family's,
// constraint.hpp), the definitions CREATE TABLE lists and ALTER TABLE … ADD
// appends (with USING INDEX and NOT VALID where the kind takes them), and
// CREATE INDEX. Names come filled in the values; check expressions, index
// expressions and predicates are verbatim SQL.
#include <stdexcept>

#include "sql/sql_parts.hpp"
#include "structmig/error.hpp"
#include "structmig/sql.hpp"

namespace structmig::sql_detail {
namespace {

/// Empty for NO ACTION, PostgreSQL's default, which the clause leaves out.
std::string action_clause(ForeignKeyAction action) {
  return action == ForeignKeyAction::no_action ? std::string() : foreign_key_action_sql(action);
}

std::string index_key(const IndexKey& key) {
  if (key.column.empty() == key.expression.empty()) {
    throw InvalidOperation("an index key needs exactly one of a column and an expression");
  }
  return key.column.empty() ? "(" + key.expression + ")" : quote_ident(key.column);
}

/// An access method is a plain lower-case name (btree, gin, gist, brin, hash,
/// or an extension's); it is written bare, so nothing else may get through.
const std::string& checked_method(const std::string& method) {
  bool plain = !method.empty();
  for (char c : method) {
    plain = plain && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_');
  }
  if (!plain) throw InvalidOperation("not an index access method: \"" + method + "\"");
  return method;
}

/// An operator is written bare, so only PostgreSQL's operator characters
/// may get through ("=", "&&", "<->").
const std::string& checked_operator(const std::string& op, const std::string& constraint) {
  constexpr std::string_view operator_chars = "+-*/<>=~!@#%^&|`?";
  bool plain = !op.empty();
  for (char c : op) plain = plain && operator_chars.find(c) != std::string_view::npos;
  if (!plain) {
    throw InvalidOperation("exclusion constraint " + quote_ident(constraint) +
                           ": not an operator: \"" + op + "\"");
  }
  return op;
}

template <typename K>
std::string definition(const K& constraint) {
  return "CONSTRAINT " + quote_ident(constraint.name) + " " +
         ConstraintKindOf<K>::body_sql(constraint);
}

template <typename K>
std::string added(std::string_view table, const K& constraint, bool not_valid,
                  const std::optional<std::string>& using_index) {
  const ConstraintKind& kind = ConstraintKindOf<K>::kind;
  check_constraint_options(kind, table, constraint.name, not_valid, using_index.has_value());
  std::string out = using_index ? "CONSTRAINT " + quote_ident(constraint.name) + " " +
                                      std::string(kind.sql_keyword) + " USING INDEX " +
                                      quote_ident(*using_index)
                                : definition(constraint);
  return not_valid ? out + " NOT VALID" : out;
}

}  // namespace

std::string constraint_definition(const Constraint& constraint) {
  return std::visit([](const auto& c) { return definition(c); }, constraint);
}

std::string constraint_definition(const PrimaryKey& key) { return definition(key); }

std::string added_constraint(std::string_view table, const Constraint& constraint, bool not_valid,
                             const std::optional<std::string>& using_index) {
  return std::visit([&](const auto& c) { return added(table, c, not_valid, using_index); },
                    constraint);
}

std::string added_constraint(std::string_view table, const PrimaryKey& key, bool not_valid,
                             const std::optional<std::string>& using_index) {
  return added(table, key, not_valid, using_index);
}

std::string create_index(std::string_view table, const Index& index, bool concurrently) {
  if (index.keys.empty()) {
    throw InvalidOperation("index " + quote_ident(index.name) + " has no keys");
  }
  std::vector<std::string> keys;
  for (const IndexKey& key : index.keys) keys.push_back(index_key(key));
  std::string out = std::string(index.unique ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") +
                    (concurrently ? "CONCURRENTLY " : "") + quote_ident(index.name) + " ON " +
                    quote_ident(table);
  // btree is the default method; an empty one (a hand-built value) means it too.
  if (!index.method.empty() && index.method != "btree") {
    out += " USING " + checked_method(index.method);
  }
  out += " (" + join(keys) + ")";
  if (index.where) out += " WHERE " + *index.where;
  return out;
}

}  // namespace structmig::sql_detail

namespace structmig {

// The bodies of the kinds (constraint.hpp): the text after CONSTRAINT "name".

std::string ConstraintKindOf<PrimaryKey>::body_sql(const PrimaryKey& key) {
  return "PRIMARY KEY (" + sql_detail::quote_ident_list(key.columns, "primary key") + ")";
}

std::string ConstraintKindOf<UniqueConstraint>::body_sql(const UniqueConstraint& unique) {
  return "UNIQUE (" + sql_detail::quote_ident_list(unique.columns, unique.name) + ")";
}

std::string ConstraintKindOf<CheckConstraint>::body_sql(const CheckConstraint& check) {
  if (check.expression.empty()) {
    throw InvalidOperation("check " + quote_ident(check.name) + " has no expression");
  }
  return "CHECK (" + check.expression + ")";
}

std::string ConstraintKindOf<ExcludeConstraint>::body_sql(const ExcludeConstraint& exclude) {
  if (exclude.columns.empty() || exclude.columns.size() != exclude.operators.size()) {
    throw InvalidOperation("exclusion constraint " + quote_ident(exclude.name) +
                           " needs one operator per column, and at least one column");
  }
  std::string out = "EXCLUDE USING " + sql_detail::checked_method(exclude.method) + " (";
  for (std::size_t i = 0; i < exclude.columns.size(); ++i) {
    if (i != 0) out += ", ";
    out += quote_ident(exclude.columns[i]) + " WITH " +
           sql_detail::checked_operator(exclude.operators[i], exclude.name);
  }
  out += ")";
  if (exclude.where) out += " WHERE (" + *exclude.where + ")";
  return out;
}

std::string ConstraintKindOf<ForeignKey>::body_sql(const ForeignKey& foreign_key) {
  using sql_detail::quote_ident_list;
  std::string out = "FOREIGN KEY (" + quote_ident_list(foreign_key.columns, foreign_key.name) +
                    ") REFERENCES " + quote_ident(foreign_key.referenced_table);
  // No referenced columns: the referenced table's primary key.
  if (!foreign_key.referenced_columns.empty()) {
    out += " (" + quote_ident_list(foreign_key.referenced_columns, foreign_key.name) + ")";
  }
  if (std::string action = sql_detail::action_clause(foreign_key.on_delete); !action.empty()) {
    out += " ON DELETE " + action;
  }
  if (std::string action = sql_detail::action_clause(foreign_key.on_update); !action.empty()) {
    out += " ON UPDATE " + action;
  }
  return out;
}

}  // namespace structmig

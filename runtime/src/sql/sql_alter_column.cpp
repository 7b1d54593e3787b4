// SQL for AlterColumn: one ALTER TABLE with only the subcommands that the
// change needs, plus a COMMENT ON COLUMN when the comment changes (a comment is
// not an ALTER TABLE subcommand).
//
// PostgreSQL runs an ALTER TABLE's subcommands in passes — drops, then the
// type change, then column attributes, then defaults and identity — whatever
// order they are written in; they are written in that same order so the text
// reads the way it executes:
//   DROP IDENTITY, DROP DEFAULT, DROP NOT NULL,
//   TYPE … USING …,
//   SET DEFAULT, SET NOT NULL,
//   ADD GENERATED … AS IDENTITY | SET GENERATED …
// A default is dropped before a type change because PostgreSQL would otherwise
// cast the old default to the new type, and set again afterwards. An identity
// needs a NOT NULL column without a default, which the earlier subcommands
// provide; a column losing its identity loses it before anything else. A new
// identity's sequence starts past the rows already there, or the next insert
// would collide with them.
#include <stdexcept>

#include "sql/sql_parts.hpp"
#include "structmig/error.hpp"
#include "structmig/sql.hpp"

namespace structmig::sql_detail {
namespace {

std::string one_line(std::string text) {
  for (char& c : text) c = (c == '\n' || c == '\r') ? ' ' : c;
  return text;
}

}  // namespace

Statements alter_column_sql(const AlterColumn& op) {
  const Column& from = op.from;
  const Column& to = op.to;
  if (from.name != to.name) {
    throw InvalidOperation("AlterColumn cannot rename " + quote_ident(from.name) + " to " +
                           quote_ident(to.name));
  }
  if (to.identity != Identity::none && to.default_sql) {
    throw InvalidOperation("identity column " + quote_ident(to.name) +
                           " cannot also have a default");
  }
  const std::string column = "ALTER COLUMN " + quote_ident(to.name);
  const bool type_changes = from.type != to.type;
  const bool default_changes = from.default_sql != to.default_sql;
  const bool not_null_before = effective_not_null(from);
  const bool not_null_after = effective_not_null(to);

  std::vector<std::string> subcommands;
  if (from.identity != Identity::none && to.identity == Identity::none) {
    subcommands.push_back(column + " DROP IDENTITY");
  }
  if (from.default_sql && (default_changes || type_changes)) {
    subcommands.push_back(column + " DROP DEFAULT");
  }
  if (not_null_before && !not_null_after) subcommands.push_back(column + " DROP NOT NULL");
  if (type_changes) {
    std::string type = column + " TYPE " + require_type(to);
    if (const auto expression = using_expression(op)) type += " USING " + *expression;
    subcommands.push_back(std::move(type));
  }
  if (to.default_sql && (default_changes || type_changes)) {
    subcommands.push_back(column + " SET DEFAULT " + *to.default_sql);
  }
  if (!not_null_before && not_null_after) subcommands.push_back(column + " SET NOT NULL");
  if (from.identity == Identity::none && to.identity != Identity::none) {
    subcommands.push_back(column + " ADD " + identity_clause(to.identity));
  } else if (from.identity != to.identity && to.identity != Identity::none) {
    subcommands.push_back(column + " SET GENERATED " + keywords_of(name_of(to.identity)));
  }

  Statements out;
  if (!subcommands.empty()) {
    // A type change that keeps every value's bytes takes its lock only for a
    // moment; said in the statement, for a reviewer and for linters that flag
    // every type change.
    const std::string note =
        type_changes && !type_change_rewrites(from.type, to.type)
            ? "-- no table rewrite or scan: " + one_line(from.type) + " to " + one_line(to.type) +
                  " keeps every value as it is\n-- squawk-ignore changing-column-type,prefer-text-field\n"
            : "";
    out.push_back(note + alter_table(op.table) + join(subcommands));
  }
  if (from.identity == Identity::none && to.identity != Identity::none) {
    out.push_back("SELECT setval(pg_get_serial_sequence(" + quote_literal(quote_ident(op.table)) +
                  ", " + quote_literal(to.name) + "), coalesce(max(" + quote_ident(to.name) +
                  "), 0) + 1, false) FROM " + quote_ident(op.table));
  }
  if (from.comment != to.comment) out.push_back(column_comment(op.table, to.name, to.comment));
  return out;
}

}  // namespace structmig::sql_detail

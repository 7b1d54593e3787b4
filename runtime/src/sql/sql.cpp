// Operations → PostgreSQL statements as text. Pure and deterministic: the same
// operation always gives the same bytes, so migrations can be reviewed offline
// and the SQL tested without a database. Identifiers are always quoted and
// literals escaped; types and SQL expressions written in the model (defaults,
// checks, index expressions, USING, raw SQL) are passed through verbatim. Quoting
// is structmig/spelling.hpp's; this file holds the dispatch; tables, columns, constraints and enums
// have a sql_*.cpp file each.
#include "structmig/sql.hpp"

#include <stdexcept>
#include <type_traits>

#include "sql/sql_parts.hpp"
#include "structmig/error.hpp"

namespace structmig {
namespace {

using sql_detail::alter_table;
using sql_detail::Statements;

}  // namespace

namespace sql_detail {

std::string quote_ident_list(const std::vector<std::string>& names, std::string_view what) {
  if (names.empty()) throw InvalidOperation(std::string(what) + " lists no columns");
  return join(names, ", ", quote_ident);
}

std::string alter_table(std::string_view table) {
  return "ALTER TABLE " + quote_ident(table) + " ";
}

std::string drop_index_concurrently(std::string_view name) {
  return "DROP INDEX CONCURRENTLY IF EXISTS " + quote_ident(name);
}

}  // namespace sql_detail

std::vector<std::string> to_sql(const Op& op) {
  using namespace sql_detail;
  return std::visit(
      [](const auto& o) -> Statements {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>) {
          return create_table_sql(o.table);
        } else if constexpr (std::is_same_v<T, DropTable>) {
          return {"DROP TABLE " + quote_ident(o.table.name)};
        } else if constexpr (std::is_same_v<T, RenameTable>) {
          return {alter_table(o.from) + "RENAME TO " + quote_ident(o.to)};
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          return add_column_sql(o);
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          return {alter_table(o.table) + "DROP COLUMN " + quote_ident(o.column.name)};
        } else if constexpr (std::is_same_v<T, RenameColumn>) {
          return {alter_table(o.table) + "RENAME COLUMN " + quote_ident(o.from) + " TO " +
                  quote_ident(o.to)};
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          return alter_column_sql(o);
        } else if constexpr (std::is_same_v<T, SetPrimaryKey>) {
          return set_primary_key_sql(o);
        } else if constexpr (std::is_same_v<T, SetTableComment>) {
          // Always written: a migration file's set_table_comment() does not know `from`.
          return {table_comment(o.table, o.to)};
        } else if constexpr (std::is_same_v<T, AddConstraint>) {
          return {alter_table(o.table) + "ADD " +
                  added_constraint(o.table, o.constraint, o.not_valid, o.using_index)};
        } else if constexpr (std::is_same_v<T, DropConstraint>) {
          return {alter_table(o.table) + "DROP CONSTRAINT " + quote_ident(name_of(o.constraint))};
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          if (!o.concurrently) return {create_index(o.table, o.index)};
          // An INVALID index of this name is what an interrupted concurrent
          // build leaves behind; the migrator drops only such a one, a script
          // drops whatever is there (the step had not been recorded as done).
          return {drop_index_concurrently(o.index.name),
                  create_index(o.table, o.index, /*concurrently=*/true)};
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          if (o.concurrently) return {drop_index_concurrently(o.index.name)};
          return {"DROP INDEX " + quote_ident(o.index.name)};
        } else if constexpr (std::is_same_v<T, ValidateConstraint>) {
          return {alter_table(o.table) + "VALIDATE CONSTRAINT " + quote_ident(o.name)};
        } else if constexpr (std::is_same_v<T, Backfill>) {
          return {backfill_script(o)};
        } else if constexpr (std::is_same_v<T, CommitStep>) {
          return {};
        } else if constexpr (std::is_same_v<T, RenameConstraint>) {
          return {alter_table(o.table) + "RENAME CONSTRAINT " + quote_ident(o.from) + " TO " +
                  quote_ident(o.to)};
        } else if constexpr (std::is_same_v<T, RenameIndex>) {
          return {"ALTER INDEX " + quote_ident(o.from) + " RENAME TO " + quote_ident(o.to)};
        } else if constexpr (std::is_same_v<T, CreateEnum>) {
          return create_enum_sql(o.type);
        } else if constexpr (std::is_same_v<T, DropEnum>) {
          return {"DROP TYPE " + quote_ident(o.type.name)};
        } else if constexpr (std::is_same_v<T, RenameEnum>) {
          return {"ALTER TYPE " + quote_ident(o.from) + " RENAME TO " + quote_ident(o.to)};
        } else if constexpr (std::is_same_v<T, AddEnumLabel>) {
          return add_enum_label_sql(o);
        } else if constexpr (std::is_same_v<T, RenameEnumLabel>) {
          return {"ALTER TYPE " + quote_ident(o.type) + " RENAME VALUE " + quote_literal(o.from) +
                  " TO " + quote_literal(o.to)};
        } else if constexpr (std::is_same_v<T, RecreateEnum>) {
          return recreate_enum_sql(o);
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

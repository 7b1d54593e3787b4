// Turns operations into the one-line descriptions documented in describe.hpp.
#include "diff/describe.hpp"

#include <type_traits>

namespace structmig::diff {
namespace {

std::string nullability(bool nullable) { return nullable ? "NULL" : "NOT NULL"; }

std::string default_or_none(const std::optional<std::string>& default_sql) {
  return default_sql ? *default_sql : "none";
}

std::string key_list(const std::vector<std::string>& columns) {
  if (columns.empty()) return "none";
  std::string out = "(";
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i != 0) out += ", ";
    out += columns[i];
  }
  return out + ")";
}

// "character varying(20) NOT NULL DEFAULT 'normal' UNIQUE"; a nullable column
// says nothing about nullability, as in SQL.
std::string column_definition(const Column& column) {
  std::string out = column.type;
  if (!column.nullable) out += " NOT NULL";
  if (column.default_sql) out += " DEFAULT " + *column.default_sql;
  if (column.unique) out += " UNIQUE";
  return out;
}

std::string describe_alter(const AlterColumn& alter) {
  std::vector<std::string> changes;
  if (alter.from.type != alter.to.type) {
    changes.push_back("type " + alter.from.type + " -> " + alter.to.type);
  }
  if (alter.from.nullable != alter.to.nullable) {
    changes.push_back(nullability(alter.from.nullable) + " -> " + nullability(alter.to.nullable));
  }
  if (alter.from.default_sql != alter.to.default_sql) {
    changes.push_back("default " + default_or_none(alter.from.default_sql) + " -> " +
                      default_or_none(alter.to.default_sql));
  }
  if (alter.from.unique != alter.to.unique) {
    changes.push_back(alter.to.unique ? "unique no -> yes" : "unique yes -> no");
  }
  std::string out = "alter column " + alter.table + "." + alter.to.name;
  if (alter.from.name != alter.to.name) out += " (from " + alter.from.name + ")";
  if (changes.empty()) return out + ": no change";
  out += ": ";
  for (size_t i = 0; i < changes.size(); ++i) {
    if (i != 0) out += "; ";
    out += changes[i];
  }
  return out;
}

}  // namespace

std::string describe(const Op& op) {
  return std::visit(
      [](const auto& o) -> std::string {
        using T = std::decay_t<decltype(o)>;
        if constexpr (std::is_same_v<T, CreateTable>) {
          return "create table " + o.table.name;
        } else if constexpr (std::is_same_v<T, DropTable>) {
          return "drop table " + o.table.name;
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          return "add column " + o.table + "." + o.column.name + " " + column_definition(o.column);
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          return "drop column " + o.table + "." + o.column.name;
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          return describe_alter(o);
        } else if constexpr (std::is_same_v<T, SetPrimaryKey>) {
          return "primary key of " + o.table + ": " + key_list(o.from) + " -> " + key_list(o.to);
        } else {
          static_assert(std::is_same_v<T, ExecuteSql>);
          return "execute SQL";
        }
      },
      op);
}

std::vector<std::string> describe(const std::vector<Op>& ops) {
  std::vector<std::string> lines;
  lines.reserve(ops.size());
  for (const Op& op : ops) lines.push_back(describe(op));
  return lines;
}

}  // namespace structmig::diff

// Turns operations into the one-line descriptions documented in describe.hpp.
#include "structmig/describe.hpp"

#include <type_traits>

#include "structmig/schema_description.hpp"
#include "structmig/spelling.hpp"
#include "structmig/sql.hpp"

namespace structmig::diff {
namespace {

std::string nullability(bool nullable) { return nullable ? "NULL" : "NOT NULL"; }

std::string default_or_none(const std::optional<std::string>& default_sql) {
  return default_sql ? *default_sql : "none";
}

// 'text' with embedded quotes doubled, as SQL writes it.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string quoted_or_none(const std::optional<std::string>& text) {
  return text ? quoted(*text) : "none";
}

std::string key_list(const std::vector<std::string>& columns) {
  return columns.empty() ? "none" : "(" + join(columns) + ")";
}

std::string label_list(const std::vector<std::string>& labels) {
  return "(" + join(labels, ", ", quoted) + ")";
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
  if (alter.from.identity != alter.to.identity) {
    changes.push_back("identity " + description::identity_name(alter.from.identity) + " -> " +
                      description::identity_name(alter.to.identity));
  }
  if (alter.from.comment != alter.to.comment) {
    changes.push_back("comment " + quoted_or_none(alter.from.comment) + " -> " +
                      quoted_or_none(alter.to.comment));
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

// "add foreign key tickets.fk_…: FOREIGN KEY (user_id) REFERENCES users (id)",
// "drop check tickets.ck_…".
std::string describe_constraint(std::string_view verb, const std::string& table,
                                const Constraint& constraint) {
  std::string out = std::string(verb) + " " + std::string(kind_of(constraint).word) + " " + table +
                    "." + name_of(constraint);
  if (verb == "drop") return out;
  return out + ": " + description_of(constraint);
}

// "create index tickets.ix_…: UNIQUE USING hash (lower(email)) WHERE active".
std::string describe_index(const std::string& table, const Index& index) {
  return "create index " + table + "." + index.name + ": " + index_description(index);
}

std::string describe_add_label(const AddEnumLabel& add) {
  std::string out = "add label " + quoted(add.label) + " to enum " + add.type;
  if (add.after) return out + " after " + quoted(*add.after);
  if (add.before) return out + " before " + quoted(*add.before);
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
        } else if constexpr (std::is_same_v<T, RenameTable>) {
          return "rename table " + o.from + " -> " + o.to;
        } else if constexpr (std::is_same_v<T, AddColumn>) {
          return "add column " + o.table + "." + o.column.name + " " + column_description(o.column);
        } else if constexpr (std::is_same_v<T, DropColumn>) {
          return "drop column " + o.table + "." + o.column.name;
        } else if constexpr (std::is_same_v<T, RenameColumn>) {
          return "rename column " + o.table + "." + o.from + " -> " + o.to;
        } else if constexpr (std::is_same_v<T, AlterColumn>) {
          return describe_alter(o);
        } else if constexpr (std::is_same_v<T, SetPrimaryKey>) {
          return "primary key of " + o.table + ": " + key_list(o.from) + " -> " + key_list(o.to);
        } else if constexpr (std::is_same_v<T, SetTableComment>) {
          return "comment on table " + o.table + ": " + quoted_or_none(o.from) + " -> " +
                 quoted_or_none(o.to);
        } else if constexpr (std::is_same_v<T, AddConstraint>) {
          return describe_constraint("add", o.table, o.constraint);
        } else if constexpr (std::is_same_v<T, DropConstraint>) {
          return describe_constraint("drop", o.table, o.constraint);
        } else if constexpr (std::is_same_v<T, CreateIndex>) {
          return describe_index(o.table, o.index);
        } else if constexpr (std::is_same_v<T, DropIndex>) {
          return "drop index " + o.table + "." + o.index.name;
        } else if constexpr (std::is_same_v<T, RenameConstraint>) {
          return "rename constraint " + o.table + "." + o.from + " -> " + o.to;
        } else if constexpr (std::is_same_v<T, RenameIndex>) {
          return "rename index " + o.table + "." + o.from + " -> " + o.to;
        } else if constexpr (std::is_same_v<T, ValidateConstraint>) {
          return "validate constraint " + o.table + "." + o.name;
        } else if constexpr (std::is_same_v<T, Backfill>) {
          return "backfill " + o.table + "." + o.column + " = " + o.expression + " where NULL";
        } else if constexpr (std::is_same_v<T, CommitStep>) {
          return "commit";
        } else if constexpr (std::is_same_v<T, CreateEnum>) {
          return "create enum " + o.type.name + " " + label_list(o.type.labels);
        } else if constexpr (std::is_same_v<T, DropEnum>) {
          return "drop enum " + o.type.name;
        } else if constexpr (std::is_same_v<T, RenameEnum>) {
          return "rename enum " + o.from + " -> " + o.to;
        } else if constexpr (std::is_same_v<T, AddEnumLabel>) {
          return describe_add_label(o);
        } else if constexpr (std::is_same_v<T, RenameEnumLabel>) {
          return "rename label " + quoted(o.from) + " of enum " + o.type + " to " + quoted(o.to);
        } else if constexpr (std::is_same_v<T, RecreateEnum>) {
          return "recreate enum " + o.to.name + ": " + label_list(o.from.labels) + " -> " +
                 label_list(o.to.labels);
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

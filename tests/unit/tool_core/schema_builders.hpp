// Short ways to build schema values in the tool_core tests, with the names the
// naming convention gives (so they look like what extraction produces).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "structmig/naming.hpp"
#include "structmig/schema.hpp"

namespace structmig::test {

inline Column col(std::string name, std::string type, bool nullable = false,
                  std::optional<std::string> default_sql = std::nullopt) {
  return Column{.name = std::move(name),
                .type = std::move(type),
                .nullable = nullable,
                .default_sql = std::move(default_sql)};
}

/// A table with primary key `pk` named pk_<table>.
inline Table table(std::string name, std::vector<Column> columns,
                   std::vector<std::string> pk = {"id"}) {
  Table t{.name = std::move(name), .columns = std::move(columns), .primary_key = std::move(pk)};
  if (!t.primary_key.empty()) t.primary_key_name = primary_key_name(t.name);
  return t;
}

inline ForeignKey fk(const std::string& table_name, std::vector<std::string> columns,
                     std::string target, std::vector<std::string> target_columns = {"id"},
                     ForeignKeyAction on_delete = ForeignKeyAction::no_action) {
  return ForeignKey{.name = foreign_key_name(table_name, columns, target),
                    .columns = columns,
                    .referenced_table = std::move(target),
                    .referenced_columns = std::move(target_columns),
                    .on_delete = on_delete};
}

inline UniqueConstraint unique(const std::string& table_name, std::vector<std::string> columns) {
  return UniqueConstraint{.name = unique_name(table_name, columns), .columns = columns};
}

inline CheckConstraint check(const std::string& table_name, std::string label,
                             std::string expression) {
  return CheckConstraint{.name = check_name(table_name, label, expression),
                         .expression = std::move(expression)};
}

inline Index index(const std::string& table_name, std::vector<IndexKey> keys,
                   bool is_unique = false, std::string method = "btree",
                   std::optional<std::string> where = std::nullopt) {
  return Index{.name = index_name(table_name, keys, is_unique),
               .keys = std::move(keys),
               .unique = is_unique,
               .method = std::move(method),
               .where = std::move(where)};
}

inline EnumType enum_type(std::string name, std::vector<std::string> labels) {
  return EnumType{.name = std::move(name), .labels = std::move(labels)};
}

inline Schema schema(std::vector<Table> tables, std::vector<EnumType> enums = {}) {
  return Schema{.enums = std::move(enums), .tables = std::move(tables)};
}

}  // namespace structmig::test

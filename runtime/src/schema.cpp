// Look-ups and the deterministic orders of the schema values.
#include "structmig/schema.hpp"

#include <algorithm>

namespace structmig {
namespace {

template <typename T>
const T* find_by_name(const std::vector<T>& items, std::string_view name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.name == name; });
  return it == items.end() ? nullptr : &*it;
}

template <typename T>
void sort_by_name(std::vector<T>& items) {
  std::stable_sort(items.begin(), items.end(),
                   [](const T& a, const T& b) { return a.name < b.name; });
}

}  // namespace

const Column* Table::find_column(std::string_view column_name) const {
  return find_by_name(columns, column_name);
}

const Table* Schema::find_table(std::string_view table_name) const {
  return find_by_name(tables, table_name);
}

const EnumType* Schema::find_enum(std::string_view enum_name) const {
  return find_by_name(enums, enum_name);
}

void sort_schema(Schema& schema) {
  sort_by_name(schema.enums);
  sort_by_name(schema.tables);
  for (Table& table : schema.tables) {
    sort_by_name(table.uniques);
    sort_by_name(table.checks);
    sort_by_name(table.foreign_keys);
    sort_by_name(table.indexes);
  }
}

Schema canonical(Schema schema) {
  sort_schema(schema);
  for (Table& table : schema.tables) sort_by_name(table.columns);
  return schema;
}

}  // namespace structmig

// Look-ups and the deterministic orders of the schema values.
#include "structmig/schema.hpp"

#include <algorithm>

#include "structmig/constraint.hpp"

namespace structmig {
namespace {

template <typename T>
const T* find_by_name(const std::vector<T>& items, std::string_view name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.name == name; });
  return it == items.end() ? nullptr : &*it;
}

constexpr auto kByName = [](const auto& a, const auto& b) { return a.name < b.name; };

template <typename T>
void sort_by_name(std::vector<T>& items) {
  std::stable_sort(items.begin(), items.end(), kByName);
}

template <typename T>
bool sorted_by_name(const std::vector<T>& items) {
  return std::is_sorted(items.begin(), items.end(), kByName);
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
    for_each_constraint_kind([&](auto kind) {
      sort_by_name(table.*ConstraintKindOf<typename decltype(kind)::type>::list);
    });
    sort_by_name(table.indexes);
  }
}

bool in_sort_schema_order(const Schema& schema) {
  if (!sorted_by_name(schema.enums) || !sorted_by_name(schema.tables)) return false;
  return std::all_of(schema.tables.begin(), schema.tables.end(), [](const Table& table) {
    bool sorted = sorted_by_name(table.indexes);
    for_each_constraint_kind([&](auto kind) {
      sorted = sorted && sorted_by_name(table.*ConstraintKindOf<typename decltype(kind)::type>::list);
    });
    return sorted;
  });
}

Schema canonical(Schema schema) {
  sort_schema(schema);
  for (Table& table : schema.tables) sort_by_name(table.columns);
  return schema;
}

}  // namespace structmig

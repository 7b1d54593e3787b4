// Look-ups and the deterministic orders of the schema values.
#include "structmig/schema.hpp"

#include <algorithm>

namespace structmig {

const Column* Table::find_column(std::string_view column_name) const {
  auto it = std::find_if(columns.begin(), columns.end(),
                         [&](const Column& c) { return c.name == column_name; });
  return it == columns.end() ? nullptr : &*it;
}

const Table* Schema::find_table(std::string_view table_name) const {
  auto it = std::find_if(tables.begin(), tables.end(),
                         [&](const Table& t) { return t.name == table_name; });
  return it == tables.end() ? nullptr : &*it;
}

void sort_tables(Schema& schema) {
  std::stable_sort(schema.tables.begin(), schema.tables.end(),
                   [](const Table& a, const Table& b) { return a.name < b.name; });
}

Schema canonical(Schema schema) {
  sort_tables(schema);
  for (Table& table : schema.tables) {
    std::stable_sort(table.columns.begin(), table.columns.end(),
                     [](const Column& a, const Column& b) { return a.name < b.name; });
  }
  return schema;
}

}  // namespace structmig

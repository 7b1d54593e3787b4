// Creation and drop order of tables (see table_order.hpp). The order is a
// topological sort of the foreign-key graph with ties broken by name; when
// every remaining table waits for another (a cycle), the first by name goes
// next and its keys to tables still waiting are what breaks the cycle.
#include "diff/table_order.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace structmig::diff {
namespace {

// `tables` in creation order, and for each the keys that cannot be created
// with it because they reference a table of the set that comes later.
struct CreationOrder {
  std::vector<const Table*> tables;
  std::set<std::pair<std::string, std::string>> late_keys;  // (table, key name)
};

CreationOrder creation_order(const std::vector<const Table*>& tables) {
  std::map<std::string, const Table*> waiting;
  for (const Table* table : tables) waiting.emplace(table->name, table);
  const auto ready = [&](const Table& table) {
    return std::none_of(
        table.foreign_keys.begin(), table.foreign_keys.end(), [&](const ForeignKey& key) {
          return key.referenced_table != table.name && waiting.count(key.referenced_table) != 0;
        });
  };
  CreationOrder order;
  while (!waiting.empty()) {
    auto next = std::find_if(waiting.begin(), waiting.end(),
                             [&](const auto& entry) { return ready(*entry.second); });
    if (next == waiting.end()) next = waiting.begin();  // a cycle: the first by name
    const Table& table = *next->second;
    for (const ForeignKey& key : table.foreign_keys) {
      if (key.referenced_table != table.name && waiting.count(key.referenced_table) != 0) {
        order.late_keys.emplace(table.name, key.name);
      }
    }
    order.tables.push_back(&table);
    waiting.erase(next);
  }
  return order;
}

std::vector<const Table*> tables_missing_from(const Schema& schema, const Schema& other) {
  std::vector<const Table*> tables;
  for (const Table& table : schema.tables) {
    if (other.find_table(table.name) == nullptr) tables.push_back(&table);
  }
  return tables;
}

std::set<std::string> as_set(const std::vector<std::string>& names) {
  return {names.begin(), names.end()};
}

bool all_columns(const Index& index) {
  return std::all_of(index.keys.begin(), index.keys.end(),
                     [](const IndexKey& key) { return key.expression.empty(); });
}

std::set<std::string> index_columns(const Index& index) {
  std::set<std::string> columns;
  for (const IndexKey& key : index.keys) columns.insert(key.column);
  return columns;
}

// Whether `key` of a table in `tables` must be created or dropped apart from
// its table: it references a kept table's key that changes.
bool references_unstable_key(const Schema& work, const Schema& now, const ForeignKey& key,
                             const std::vector<const Table*>& tables) {
  const bool within = std::any_of(tables.begin(), tables.end(), [&](const Table* table) {
    return table->name == key.referenced_table;
  });
  return !within && !key_is_stable(work, now, key.referenced_table, key.referenced_columns);
}

}  // namespace

bool key_is_stable(const Schema& work, const Schema& now, const std::string& table,
                   const std::vector<std::string>& columns) {
  const Table* before = work.find_table(table);
  const Table* after = now.find_table(table);
  if (before == nullptr || after == nullptr) return false;
  for (const std::string& name : columns) {
    const Column* old_column = before->find_column(name);
    const Column* new_column = after->find_column(name);
    if (old_column == nullptr || new_column == nullptr || old_column->type != new_column->type) {
      return false;
    }
  }
  const std::set<std::string> wanted = as_set(columns);
  if (!after->primary_key.empty() && as_set(after->primary_key) == wanted &&
      before->primary_key == after->primary_key &&
      before->primary_key_name == after->primary_key_name) {
    return true;
  }
  for (const UniqueConstraint& unique : after->uniques) {
    if (as_set(unique.columns) != wanted) continue;
    for (const UniqueConstraint& old : before->uniques) {
      if (old == unique) return true;
    }
  }
  for (const Index& index : after->indexes) {
    if (!index.unique || index.where || !all_columns(index) || index_columns(index) != wanted) {
      continue;
    }
    for (const Index& old : before->indexes) {
      if (old == index) return true;
    }
  }
  return false;
}

void create_tables(const Schema& work, const Schema& now, Steps& steps) {
  const std::vector<const Table*> fresh = tables_missing_from(now, work);
  const CreationOrder order = creation_order(fresh);
  for (const Table* table : order.tables) {
    Table created = *table;
    created.foreign_keys.clear();
    for (const ForeignKey& key : table->foreign_keys) {
      if (order.late_keys.count({table->name, key.name}) != 0 ||
          references_unstable_key(work, now, key, fresh)) {
        steps.constraint_adds.push_back(AddConstraint{table->name, key});
      } else {
        created.foreign_keys.push_back(key);
      }
    }
    steps.table_creates.push_back(CreateTable{std::move(created)});
  }
}

void drop_tables(const Schema& work, const Schema& now, Steps& steps) {
  const std::vector<const Table*> removed = tables_missing_from(work, now);
  const CreationOrder order = creation_order(removed);
  std::vector<Op> drops;
  for (const Table* table : order.tables) {
    Table dropped = *table;
    // Checks and indexes dropped before the enum changes are gone already.
    const auto gone = [&](const auto& item) {
      return steps.dropped_early.count({table->name, item.name}) != 0;
    };
    std::erase_if(dropped.checks, gone);
    std::erase_if(dropped.indexes, gone);
    dropped.foreign_keys.clear();
    for (const ForeignKey& key : table->foreign_keys) {
      if (order.late_keys.count({table->name, key.name}) != 0) {
        steps.table_drops.push_back(DropConstraint{table->name, key});
      } else if (references_unstable_key(work, now, key, removed)) {
        steps.constraint_drops.push_back(DropConstraint{table->name, key});
      } else {
        dropped.foreign_keys.push_back(key);
      }
    }
    drops.insert(drops.begin(), DropTable{std::move(dropped)});
  }
  steps.table_drops.insert(steps.table_drops.end(), drops.begin(), drops.end());
}

}  // namespace structmig::diff

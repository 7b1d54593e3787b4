// Creation and drop order of tables (see table_order.hpp). The order is a
// topological sort of the foreign-key graph with ties broken by name; when
// every remaining table waits for another (a cycle), the first by name goes
// next and its keys to tables still waiting are what breaks the cycle.
#include "diff/table_order.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string_view>

#include "diff/sorted_tables.hpp"

namespace structmig::diff {
namespace {

// `tables` in creation order, and for each the keys that cannot be created
// with it because they reference a table of the set that comes later.
struct CreationOrder {
  std::vector<const Table*> tables;
  std::set<std::pair<std::string, std::string>> late_keys;  // (table, key name)
};

// Kahn's algorithm with the ready tables in name order: each table counts the
// tables of the set it still waits for, and placing a table counts down those
// that reference it, so a long chain of keys costs no more than its length.
CreationOrder creation_order(const std::vector<const Table*>& tables) {
  std::map<std::string_view, std::size_t> waiting;  // name → index in `tables`
  for (std::size_t i = 0; i < tables.size(); ++i) waiting.emplace(tables[i]->name, i);
  // For each table, the distinct other tables of the set it references, and
  // the reverse: which tables wait for it.
  std::vector<std::size_t> waits_for(tables.size(), 0);
  std::vector<std::vector<std::size_t>> waited_by(tables.size());
  for (std::size_t i = 0; i < tables.size(); ++i) {
    std::set<std::size_t> targets;
    for (const ForeignKey& key : tables[i]->foreign_keys) {
      if (key.referenced_table == tables[i]->name) continue;
      if (auto target = waiting.find(key.referenced_table); target != waiting.end()) {
        targets.insert(target->second);
      }
    }
    waits_for[i] = targets.size();
    for (std::size_t target : targets) waited_by[target].push_back(i);
  }
  std::set<std::string_view> ready;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    if (waits_for[i] == 0) ready.insert(tables[i]->name);
  }

  CreationOrder order;
  order.tables.reserve(tables.size());
  while (!waiting.empty()) {
    // The first ready table by name; in a cycle (none is), the first by name.
    const auto next = waiting.find(ready.empty() ? waiting.begin()->first : *ready.begin());
    const std::size_t index = next->second;
    const Table& table = *tables[index];
    ready.erase(table.name);
    waiting.erase(next);
    for (const ForeignKey& key : table.foreign_keys) {
      if (key.referenced_table != table.name && waiting.count(key.referenced_table) != 0) {
        order.late_keys.emplace(table.name, key.name);
      }
    }
    order.tables.push_back(&table);
    for (std::size_t referencing : waited_by[index]) {
      if (--waits_for[referencing] == 0 && waiting.count(tables[referencing]->name) != 0) {
        ready.insert(tables[referencing]->name);
      }
    }
  }
  return order;
}

std::vector<const Table*> tables_missing_from(const Schema& schema, const Schema& other) {
  std::vector<const Table*> tables;
  for (const Table& table : schema.tables) {
    if (find_sorted_table(other, table.name) == nullptr) tables.push_back(&table);
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
                             const std::set<std::string_view>& tables) {
  return tables.count(key.referenced_table) == 0 &&
         !key_is_stable(work, now, key.referenced_table, key.referenced_columns);
}

std::set<std::string_view> names_of(const std::vector<const Table*>& tables) {
  std::set<std::string_view> names;
  for (const Table* table : tables) names.insert(table->name);
  return names;
}

}  // namespace

bool key_is_stable(const Schema& work, const Schema& now, const std::string& table,
                   const std::vector<std::string>& columns) {
  const Table* before = find_sorted_table(work, table);
  const Table* after = find_sorted_table(now, table);
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
  const std::set<std::string_view> fresh_names = names_of(fresh);
  for (const Table* table : order.tables) {
    Table created = *table;
    created.foreign_keys.clear();
    for (const ForeignKey& key : table->foreign_keys) {
      if (order.late_keys.count({table->name, key.name}) != 0 ||
          references_unstable_key(work, now, key, fresh_names)) {
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
  const std::set<std::string_view> removed_names = names_of(removed);
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
      } else if (references_unstable_key(work, now, key, removed_names)) {
        steps.constraint_drops.push_back(DropConstraint{table->name, key});
      } else {
        dropped.foreign_keys.push_back(key);
      }
    }
    drops.push_back(DropTable{std::move(dropped)});
  }
  // Referencing tables first: the creation order backwards.
  steps.table_drops.insert(steps.table_drops.end(), std::make_move_iterator(drops.rbegin()),
                           std::make_move_iterator(drops.rend()));
}

}  // namespace structmig::diff

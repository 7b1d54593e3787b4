// Renames from hints and renames of constraints and indexes (renames.hpp).
// Hints are applied in the maps' order (by new name), enums first, then
// tables, columns and labels, so that each later kind finds the names the
// earlier ones gave.
#include "diff/renames.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "structmig/constraint.hpp"

namespace structmig::diff {
namespace {

template <typename T>
T* find_named(std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.name == name; });
  return it == items.end() ? nullptr : &*it;
}

template <typename T>
const T* find_named(const std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.name == name; });
  return it == items.end() ? nullptr : &*it;
}

void replace_all(std::vector<std::string>& names, const std::string& from, const std::string& to) {
  std::replace(names.begin(), names.end(), from, to);
}

void ignored(Steps& steps, const std::string& old_name, const std::string& what,
             const std::string& both) {
  steps.warnings.push_back({"ignored renamed_from(" + old_name + ") on " + what + ": " + both +
                                " already exist in the snapshot; nothing is renamed",
                            "", ""});
}

void rename_enums(Schema& work, const Schema& now, const RenameHints& hints, Steps& steps) {
  for (const auto& [new_name, old_name] : hints.enums) {
    EnumType* type = find_named(work.enums, old_name);
    if (type == nullptr || old_name == new_name || now.find_enum(new_name) == nullptr) continue;
    if (work.find_enum(new_name) != nullptr) {
      ignored(steps, old_name, "enum " + new_name, "both " + old_name + " and " + new_name);
      continue;
    }
    type->name = new_name;
    for (Table& table : work.tables) {
      for (Column& column : table.columns) {
        if (column.type == old_name) column.type = new_name;
        if (column.type == old_name + "[]") column.type = new_name + "[]";
      }
    }
    steps.renames.push_back(RenameEnum{old_name, new_name});
  }
}

void rename_tables(Schema& work, const Schema& now, const RenameHints& hints, Steps& steps) {
  for (const auto& [new_name, old_name] : hints.tables) {
    Table* table = find_named(work.tables, old_name);
    if (table == nullptr || old_name == new_name || now.find_table(new_name) == nullptr) continue;
    if (work.find_table(new_name) != nullptr) {
      ignored(steps, old_name, "table " + new_name, "both tables " + old_name + " and " + new_name);
      continue;
    }
    table->name = new_name;
    for (Table& other : work.tables) {
      for (ForeignKey& key : other.foreign_keys) {
        if (key.referenced_table == old_name) key.referenced_table = new_name;
      }
    }
    steps.renames.push_back(RenameTable{old_name, new_name});
  }
}

void rename_column_in(Schema& work, Table& table, const std::string& from, const std::string& to) {
  find_named(table.columns, from)->name = to;
  replace_all(table.primary_key, from, to);
  // Every kind whose value lists its columns (a check's are in its expression).
  for_each_constraint_kind([&](auto kind) {
    for (auto& constraint : table.*ConstraintKindOf<typename decltype(kind)::type>::list) {
      if constexpr (requires { constraint.columns; }) replace_all(constraint.columns, from, to);
    }
  });
  for (Index& index : table.indexes) {
    for (IndexKey& key : index.keys) {
      if (key.expression.empty() && key.column == from) key.column = to;
    }
  }
  for (Table& other : work.tables) {
    for (ForeignKey& key : other.foreign_keys) {
      if (key.referenced_table == table.name) replace_all(key.referenced_columns, from, to);
    }
  }
}

void rename_columns(Schema& work, const Schema& now, const RenameHints& hints, Steps& steps) {
  for (const auto& [key, old_name] : hints.columns) {
    const auto& [table_name, new_name] = key;
    Table* table = find_named(work.tables, table_name);
    const Table* target = now.find_table(table_name);
    if (table == nullptr || target == nullptr || old_name == new_name ||
        table->find_column(old_name) == nullptr || target->find_column(new_name) == nullptr) {
      continue;
    }
    if (table->find_column(new_name) != nullptr) {
      ignored(steps, old_name, table_name + "." + new_name,
              "both " + table_name + "." + old_name + " and " + table_name + "." + new_name);
      continue;
    }
    rename_column_in(work, *table, old_name, new_name);
    steps.renames.push_back(RenameColumn{table_name, old_name, new_name});
  }
}

void rename_labels(Schema& work, const Schema& now, const RenameHints& hints, Steps& steps) {
  for (const auto& [key, old_label] : hints.enum_labels) {
    const auto& [type_name, new_label] = key;
    EnumType* type = find_named(work.enums, type_name);
    const EnumType* target = now.find_enum(type_name);
    if (type == nullptr || target == nullptr || old_label == new_label) continue;
    auto& labels = type->labels;
    const auto old_at = std::find(labels.begin(), labels.end(), old_label);
    const auto& new_labels = target->labels;
    if (old_at == labels.end() ||
        std::find(new_labels.begin(), new_labels.end(), new_label) == new_labels.end()) {
      continue;
    }
    if (std::find(labels.begin(), labels.end(), new_label) != labels.end()) {
      ignored(steps, old_label, "label " + new_label + " of enum " + type_name,
              "both labels " + old_label + " and " + new_label);
      continue;
    }
    *old_at = new_label;
    steps.renames.push_back(RenameEnumLabel{type_name, old_label, new_label});
  }
}

// Renames the items of `work` whose name is gone from `now` to the name of a
// new item of `now` with the same definition (the first such, by name).
// Objects that are rebuilt anyway (steps.rebuilt) keep their old name here:
// they are dropped under it and created under the new one.
template <typename T, typename MakeOp>
void rename_same_definitions(const std::string& table, std::vector<T>& work,
                             const std::vector<T>& now, MakeOp make_op, Steps& steps) {
  for (T& item : work) {
    if (find_named(now, item.name) != nullptr || steps.rebuilt.count({table, item.name})) continue;
    for (const T& candidate : now) {
      if (find_named(work, candidate.name) != nullptr) continue;  // not new, or taken
      T renamed = candidate;
      renamed.name = item.name;
      if (!(renamed == item)) continue;
      steps.constraint_drops.push_back(make_op(item.name, candidate.name));
      item.name = candidate.name;
      break;
    }
  }
}

}  // namespace

void apply_rename_hints(Schema& work, const Schema& now, const RenameHints& hints, Steps& steps) {
  rename_enums(work, now, hints, steps);
  rename_tables(work, now, hints, steps);
  rename_columns(work, now, hints, steps);
  rename_labels(work, now, hints, steps);
}

void rename_constraints(Table& work, const Table& now, Steps& steps) {
  const std::string& table = now.name;
  const auto constraint = [&](const std::string& from, const std::string& to) -> Op {
    return RenameConstraint{table, from, to};
  };
  const auto index = [&](const std::string& from, const std::string& to) -> Op {
    return RenameIndex{table, from, to};
  };
  if (!work.primary_key.empty() && !now.primary_key.empty() &&
      work.primary_key_name != now.primary_key_name) {
    steps.constraint_drops.push_back(constraint(work.primary_key_name, now.primary_key_name));
    work.primary_key_name = now.primary_key_name;
  }
  for_each_constraint_kind([&](auto kind) {
    const auto list = ConstraintKindOf<typename decltype(kind)::type>::list;
    rename_same_definitions(table, work.*list, now.*list, constraint, steps);
  });
  rename_same_definitions(table, work.indexes, now.indexes, index, steps);
}

}  // namespace structmig::diff

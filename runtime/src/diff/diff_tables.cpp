// The per-table part of the diff (see diff_tables.hpp). Columns are walked in
// model order (added, altered) and snapshot order (dropped); constraints and
// indexes in name order. A changed constraint or index is dropped and added
// again, because PostgreSQL cannot alter one in place.
#include "diff/diff_tables.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "diff/diff_enums.hpp"
#include "structmig/constraint.hpp"
#include "structmig/spelling.hpp"

namespace structmig::diff {
namespace {

template <typename T>
const T* find_named(const std::vector<T>& items, const std::string& name) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.name == name; });
  return it == items.end() ? nullptr : &*it;
}

// Removed, changed or rebuilt items of `before` dropped in step 3 (unless
// they were dropped before the enum changes); new, changed or rebuilt items
// of `now` added in step 6.
template <typename T, typename Drop, typename Add>
void diff_named(const std::string& table, const std::vector<T>& before, const std::vector<T>& now,
                Steps& steps) {
  for (const T& item : before) {
    const T* kept = find_named(now, item.name);
    const bool rebuilt = steps.rebuilt.count({table, item.name}) != 0;
    if (steps.dropped_early.count({table, item.name}) != 0) continue;
    if (kept == nullptr || !(*kept == item) || rebuilt) {
      steps.constraint_drops.push_back(Drop{table, item});
    }
  }
  for (const T& item : now) {
    const T* old = find_named(before, item.name);
    const bool rebuilt = steps.rebuilt.count({table, item.name}) != 0;
    if (old == nullptr || !(*old == item) || rebuilt) {
      steps.constraint_adds.push_back(Add{table, item});
    }
  }
}

// A plain cast of the old value; review and edit it in the migration when the
// conversion needs more than that. PostgreSQL has no cast from one enum to
// another (or from an enum to most types), but every enum casts to text.
TypeCast type_cast(const Schema& work, const Column& from) {
  return is_enum_type(work, from.type) ? TypeCast::through_text : TypeCast::direct;
}

void diff_columns(const Schema& work, const Table& before, const Table& now, Steps& steps) {
  for (const Column& column : now.columns) {
    if (before.find_column(column.name) == nullptr) {
      steps.column_changes.push_back(AddColumn{now.name, column});
    }
  }
  for (const Column& to : now.columns) {
    const Column* from = before.find_column(to.name);
    if (from == nullptr || *from == to) continue;
    AlterColumn alter{now.name, *from, to, std::nullopt};
    if (from->type != to.type) alter.cast = type_cast(work, *from);
    steps.column_changes.push_back(std::move(alter));
  }
}

}  // namespace

void diff_kept_table(const Schema& work, const Table& before, const Table& now, Steps& steps) {
  // The kinds that reference other tables first, then the indexes, then the
  // other kinds (the order within a step the plan keeps).
  const auto constraints = [&](bool referencing) {
    for_each_constraint_kind([&](auto kind) {
      using K = typename decltype(kind)::type;
      if (ConstraintKindOf<K>::kind.references_tables != referencing) return;
      diff_named<K, DropConstraint, AddConstraint>(now.name, before.*ConstraintKindOf<K>::list,
                                                   now.*ConstraintKindOf<K>::list, steps);
    });
  };
  constraints(true);
  diff_named<Index, DropIndex, CreateIndex>(now.name, before.indexes, now.indexes, steps);
  constraints(false);

  diff_columns(work, before, now, steps);
  if (before.primary_key != now.primary_key) {
    // The name of the key that exists: the new one, or the old one being
    // removed (a renamed key was renamed in step 3 already).
    const std::string& name =
        now.primary_key.empty() ? before.primary_key_name : now.primary_key_name;
    steps.column_changes.push_back(
        SetPrimaryKey{now.name, before.primary_key, now.primary_key, name});
  }
  if (before.comment != now.comment) {
    steps.column_changes.push_back(SetTableComment{now.name, before.comment, now.comment});
  }
  for (const Column& column : before.columns) {
    if (now.find_column(column.name) == nullptr) {
      steps.column_drops.push_back(DropColumn{now.name, column});
    }
  }
}

}  // namespace structmig::diff

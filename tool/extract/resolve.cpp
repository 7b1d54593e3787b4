// Foreign keys are checked the way PostgreSQL would check them when the
// migration runs, so the mistake is found at build time, at the argument that
// made it. Name conflicts are found the same way: the first declaration in
// source order keeps the name.
#include "extract/resolve.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <clang/Basic/SourceManager.h>

#include "extract/annotation_reading.hpp"

namespace structmig::extract {
namespace {

const TableDraft* find_draft(const std::vector<TableDraft>& drafts, std::string_view name) {
  auto it = std::find_if(drafts.begin(), drafts.end(),
                         [&](const TableDraft& draft) { return draft.table.name == name; });
  return it == drafts.end() ? nullptr : &*it;
}

std::vector<std::string> table_names(const std::vector<TableDraft>& drafts) {
  std::vector<std::string> names;
  for (const TableDraft& draft : drafts) names.push_back(draft.table.name);
  return names;
}

std::vector<std::string> column_names(const Table& table) {
  std::vector<std::string> names;
  for (const Column& column : table.columns) names.push_back(column.name);
  return names;
}

bool same_set(std::vector<std::string> a, std::vector<std::string> b) {
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  return a == b;
}

// Whether `columns` of `table` are its primary key, a unique constraint, or
// the columns of a unique index that is neither partial nor on expressions.
bool is_unique_key(const Table& table, const std::vector<std::string>& columns) {
  if (same_set(table.primary_key, columns)) return true;
  for (const UniqueConstraint& unique : table.uniques) {
    if (same_set(unique.columns, columns)) return true;
  }
  for (const Index& index : table.indexes) {
    if (!index.unique || index.where) continue;
    std::vector<std::string> key_columns;
    for (const IndexKey& key : index.keys) key_columns.push_back(key.column);
    if (std::none_of(index.keys.begin(), index.keys.end(),
                     [](const IndexKey& key) { return !key.expression.empty(); }) &&
        same_set(key_columns, columns)) {
      return true;
    }
  }
  return false;
}

// The referenced columns of `draft` in `target`, or nothing (reported).
std::optional<std::vector<std::string>> referenced_columns(const ForeignKeyDraft& draft,
                                                           const Table& target,
                                                           ExtractContext& context) {
  if (draft.spec.referenced_columns.empty()) {
    if (target.primary_key.empty()) return std::nullopt;  // reported with the table
    return target.primary_key;
  }
  bool ok = true;
  std::vector<std::string> columns;
  for (const KeyColumn& column : draft.spec.referenced_columns) {
    columns.push_back(column.name);
    if (target.find_column(column.name) != nullptr) continue;
    ok = false;
    if (auto suggestion = closest_name(column.name, column_names(target))) {
      context.report(column.place, context.ids.foreign_key_unknown_column_suggest)
          << column.name << target.name << *suggestion;
    } else {
      context.report(column.place, context.ids.foreign_key_unknown_column)
          << column.name << target.name;
    }
  }
  if (!ok) return std::nullopt;
  return columns;
}

// Checks one foreign key of `table`; its complete form when it is right.
std::optional<ForeignKey> resolve(const ForeignKeyDraft& draft, const Table& table,
                                  const std::vector<TableDraft>& drafts, ExtractContext& context) {
  const ForeignKeySpec& spec = draft.spec;
  const TableDraft* target = find_draft(drafts, spec.referenced_table.name);
  if (target == nullptr) {
    if (auto suggestion = closest_name(spec.referenced_table.name, table_names(drafts))) {
      context.report(spec.referenced_table.place, context.ids.foreign_key_unknown_table_suggest)
          << spec.referenced_table.name << *suggestion;
    } else {
      context.report(spec.referenced_table.place, context.ids.foreign_key_unknown_table)
          << spec.referenced_table.name;
    }
    return std::nullopt;
  }
  auto referenced = referenced_columns(draft, target->table, context);
  if (!referenced) return std::nullopt;
  const std::vector<std::string>& columns = draft.key.columns;
  if (columns.size() != referenced->size()) {
    context.report(spec.place, context.ids.foreign_key_count_mismatch)
        << static_cast<unsigned>(columns.size()) << static_cast<unsigned>(referenced->size())
        << target->table.name << join(*referenced);
    return std::nullopt;
  }
  bool ok = true;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Column* column = table.find_column(columns[i]);
    const Column* other = target->table.find_column((*referenced)[i]);
    if (column == nullptr || other == nullptr || column->type.empty() || other->type.empty() ||
        column->type == other->type) {
      continue;
    }
    context.report(spec.columns[i].place, context.ids.foreign_key_type_mismatch)
        << column->name << column->type << target->table.name + "." + other->name << other->type;
    ok = false;
  }
  if (!ok) return std::nullopt;
  if (!is_unique_key(target->table, *referenced)) {
    const Place& place = spec.referenced_columns.empty() ? spec.referenced_table.place
                                                         : spec.referenced_columns.front().place;
    context.report(place, context.ids.foreign_key_not_unique)
        << join(*referenced) << target->table.name;
    return std::nullopt;
  }
  ForeignKey key = draft.key;
  key.referenced_columns = *referenced;
  return key;
}

using ObjectKind = NamedObject::Kind;

bool is_relation(ObjectKind kind) {
  return kind == ObjectKind::table || kind == ObjectKind::primary_key ||
         kind == ObjectKind::unique || kind == ObjectKind::index || kind == ObjectKind::exclude;
}
bool is_constraint(ObjectKind kind) {
  return kind == ObjectKind::primary_key || kind == ObjectKind::unique ||
         kind == ObjectKind::check || kind == ObjectKind::foreign_key ||
         kind == ObjectKind::exclude;
}

const char* kind_word(ObjectKind kind) {
  switch (kind) {
    case ObjectKind::table:
      return "table";
    case ObjectKind::primary_key:
      return "primary key";
    case ObjectKind::unique:
      return "unique constraint";
    case ObjectKind::index:
      return "index";
    case ObjectKind::check:
      return "check constraint";
    case ObjectKind::foreign_key:
      return "foreign key";
    case ObjectKind::exclude:
      return "exclusion constraint";
  }
  return "object";
}

// "table 'users'", "an index of table 'tickets'", ...
std::string describe(const NamedObject& object) {
  if (object.kind == ObjectKind::table) return "table '" + object.table + "'";
  const char* article = object.kind == ObjectKind::primary_key ? "the "
                        : object.kind == ObjectKind::index || object.kind == ObjectKind::exclude
                            ? "an "
                            : "a ";
  return article + std::string(kind_word(object.kind)) + " of table '" + object.table + "'";
}

}  // namespace

void resolve_foreign_keys(std::vector<TableDraft>& drafts, ExtractContext& context) {
  for (TableDraft& draft : drafts) {
    for (const ForeignKeyDraft& foreign_key : draft.foreign_keys) {
      if (auto key = resolve(foreign_key, draft.table, drafts, context)) {
        draft.table.foreign_keys.push_back(std::move(*key));
      }
    }
  }
}

void check_name_conflicts(const std::vector<TableDraft>& drafts, ExtractContext& context) {
  const clang::SourceManager& sources = context.ast.getSourceManager();
  const auto before = [&](const NamedObject* a, const NamedObject* b) {
    return sources.isBeforeInTranslationUnit(a->place.location, b->place.location);
  };
  // In source order, stably. The tables come in source order (and each
  // table's few names are sorted first), so with thousands of tables the
  // whole list is usually sorted already: checked in one pass, sorted only
  // if not. Either way the order is that of one stable sort of all names.
  std::vector<const NamedObject*> objects;
  for (const TableDraft& draft : drafts) {
    const std::size_t first = objects.size();
    for (const NamedObject& object : draft.names) objects.push_back(&object);
    std::stable_sort(objects.begin() + static_cast<std::ptrdiff_t>(first), objects.end(), before);
  }
  if (!std::is_sorted(objects.begin(), objects.end(), before)) {
    std::stable_sort(objects.begin(), objects.end(), before);
  }

  std::map<std::string, const NamedObject*> relations;
  std::map<std::pair<std::string, std::string>, const NamedObject*> constraints;
  for (const NamedObject* object : objects) {
    const NamedObject* first = nullptr;
    unsigned space = 0;
    if (is_relation(object->kind)) {
      auto [it, inserted] = relations.emplace(object->name, object);
      if (!inserted) first = it->second;
    }
    if (first == nullptr && is_constraint(object->kind)) {
      auto [it, inserted] = constraints.emplace(std::pair(object->table, object->name), object);
      if (!inserted) {
        first = it->second;
        space = 1;
      }
    }
    if (first == nullptr) continue;
    context.report(object->place, context.ids.name_conflict)
        << kind_word(object->kind) << object->name << describe(*first) << space;
    context.report(first->place.location, context.ids.name_first_used) << first->name;
  }
}

}  // namespace structmig::extract

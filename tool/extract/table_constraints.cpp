// Building a table's keys, constraints and indexes. Each is checked on its
// own: a mistake in one drops only that one, and every mistake is reported
// at the column name or SQL identifier that is wrong.
#include "extract/table_constraints.hpp"

#include <algorithm>

#include <clang/AST/DeclCXX.h>

#include "extract/annotation_reading.hpp"
#include "structmig/naming.hpp"

namespace structmig::extract {
namespace {

using ObjectKind = NamedObject::Kind;

std::vector<std::string> column_names(const std::vector<ColumnDraft>& columns) {
  std::vector<std::string> names;
  for (const ColumnDraft& draft : columns) names.push_back(draft.column.name);
  return names;
}

const ColumnDraft* find_column(const std::vector<ColumnDraft>& columns, std::string_view name) {
  auto it = std::find_if(columns.begin(), columns.end(),
                         [&](const ColumnDraft& draft) { return draft.column.name == name; });
  return it == columns.end() ? nullptr : &*it;
}

class ConstraintBuilder {
 public:
  ConstraintBuilder(const std::vector<ColumnDraft>& columns, TableDraft& draft,
                    ExtractContext& context)
      : columns_(columns),
        names_(column_names(columns)),
        draft_(draft),
        table_(draft.table),
        context_(context) {}

  // Reports columns of `keys` the table does not have, or that repeat; true if none.
  bool check_key_columns(const std::vector<KeyColumn>& keys, std::string_view what) {
    bool ok = true;
    std::vector<std::string> seen;
    for (const KeyColumn& key : keys) {
      if (find_column(columns_, key.name) == nullptr) {
        if (auto suggestion = closest_name(key.name, names_)) {
          context_.report(key.place, context_.ids.unknown_column_suggest)
              << what << key.name << table_.name << *suggestion;
        } else {
          context_.report(key.place, context_.ids.unknown_column)
              << what << key.name << table_.name;
        }
        ok = false;
      } else if (std::find(seen.begin(), seen.end(), key.name) != seen.end()) {
        context_.report(key.place, context_.ids.column_repeated) << key.name << what;
        ok = false;
      }
      seen.push_back(key.name);
    }
    return ok;
  }

  // Reports identifiers of SQL text that are not columns; true if none.
  bool check_expression_columns(const std::vector<ExpressionColumn>& identifiers) {
    bool ok = true;
    for (const ExpressionColumn& identifier : identifiers) {
      if (find_column(columns_, identifier.name) != nullptr) continue;
      ok = false;
      unsigned kind = static_cast<unsigned>(identifier.kind);
      if (auto suggestion = closest_name(identifier.name, names_)) {
        context_.report(identifier.place, context_.ids.expression_unknown_column_suggest)
            << kind << identifier.name << table_.name << *suggestion;
      } else {
        context_.report(identifier.place, context_.ids.expression_unknown_column)
            << kind << identifier.name << table_.name;
      }
    }
    return ok;
  }

  void record_name(ObjectKind kind, const std::string& name,
                   const std::optional<ExplicitName>& given, const Place& declared) {
    draft_.names.push_back({kind, name, table_.name, given ? given->place : declared});
  }

  void build_primary_key(const std::optional<PrimaryKeySpec>& spec, bool annotation_broken,
                         const clang::SourceLocation& record_location) {
    std::optional<Place> place;
    std::optional<ExplicitName> name;
    if (spec) {
      for (const ColumnDraft& column : columns_) {
        if (!column.primary_key) continue;
        context_.report(*column.primary_key, context_.ids.primary_key_twice)
            << table_.name << column.column.name;
        context_.report(spec->place.location, context_.ids.table_primary_key_here);
      }
      for (const KeyColumn& key : spec->columns) {
        if (!check_key_columns({key}, "primary_key")) continue;
        if (std::find(table_.primary_key.begin(), table_.primary_key.end(), key.name) !=
            table_.primary_key.end()) {
          context_.report(key.place, context_.ids.column_repeated) << key.name << "primary_key";
          continue;
        }
        if (find_column(columns_, key.name)->column.nullable) {
          context_.report(key.place, context_.ids.primary_key_nullable) << key.name;
        }
        table_.primary_key.push_back(key.name);
      }
      place = spec->place;
      name = spec->name;
    } else {
      // primary_key on columns: several make a composite key, in declaration order.
      for (const ColumnDraft& column : columns_) {
        if (!column.primary_key) continue;
        if (column.column.nullable) {
          context_.report(*column.primary_key, context_.ids.primary_key_nullable)
              << column.column.name;
        }
        if (!place) place = column.primary_key;
        table_.primary_key.push_back(column.column.name);
      }
      if (table_.primary_key.empty() && !annotation_broken) {
        context_.report(record_location, context_.ids.no_primary_key) << table_.name;
      }
    }
    if (table_.primary_key.empty()) return;
    table_.primary_key_name = name ? name->name : primary_key_name(table_.name);
    record_name(ObjectKind::primary_key, table_.primary_key_name, name, *place);
    for (Column& column : table_.columns) {  // a key column is NOT NULL, whatever was reported
      if (std::find(table_.primary_key.begin(), table_.primary_key.end(), column.name) !=
          table_.primary_key.end()) {
        column.nullable = false;
      }
    }
  }

  void build_unique(const UniqueSpec& spec) {
    if (!check_key_columns(spec.columns, "unique")) return;
    UniqueConstraint unique;
    for (const KeyColumn& key : spec.columns) unique.columns.push_back(key.name);
    unique.name = spec.name ? spec.name->name : unique_name(table_.name, unique.columns);
    record_name(ObjectKind::unique, unique.name, spec.name, spec.place);
    table_.uniques.push_back(std::move(unique));
  }

  void build_index(const IndexSpec& spec) {
    std::vector<KeyColumn> key_columns;
    for (std::size_t i = 0; i < spec.keys.size(); ++i) {
      if (spec.keys[i].expression.empty())
        key_columns.push_back({spec.keys[i].column, spec.key_places[i]});
    }
    bool ok = check_key_columns(key_columns, "index");
    ok = check_expression_columns(spec.expression_columns) && ok;
    if (!ok) return;
    Index index;
    index.keys = spec.keys;
    index.unique = spec.unique;
    index.method = spec.method;
    index.where = spec.where;
    index.name = spec.name ? spec.name->name : index_name(table_.name, index.keys, index.unique);
    record_name(ObjectKind::index, index.name, spec.name, spec.place);
    table_.indexes.push_back(std::move(index));
  }

  void build_check(const CheckSpec& spec) {
    if (!check_expression_columns(spec.expression_columns)) return;
    CheckConstraint check;
    check.expression = spec.expression;
    if (spec.name && !spec.name->is_label) {
      check.name = spec.name->name;
    } else {
      check.name = check_name(table_.name, spec.name ? spec.name->name : spec.default_label,
                              spec.expression);
    }
    record_name(ObjectKind::check, check.name, spec.name, spec.place);
    table_.checks.push_back(std::move(check));
  }

  void build_exclude(const ExcludeSpec& spec) {
    bool ok = check_key_columns(spec.columns, "exclude");
    ok = check_expression_columns(spec.expression_columns) && ok;
    if (!ok) return;
    ExcludeConstraint exclude;
    for (const KeyColumn& key : spec.columns) exclude.columns.push_back(key.name);
    exclude.operators = spec.operators;
    exclude.method = spec.method;
    exclude.where = spec.where;
    exclude.name = spec.name ? spec.name->name : exclude_name(table_.name, exclude.columns);
    record_name(ObjectKind::exclude, exclude.name, spec.name, spec.place);
    table_.excludes.push_back(std::move(exclude));
  }

  void build_foreign_key(const ForeignKeySpec& spec) {
    if (!check_key_columns(spec.columns, "foreign_key")) return;
    ForeignKey key;
    for (const KeyColumn& column : spec.columns) key.columns.push_back(column.name);
    key.referenced_table = spec.referenced_table.name;
    for (const KeyColumn& column : spec.referenced_columns) {
      key.referenced_columns.push_back(column.name);
    }
    key.on_delete = spec.on_delete;
    key.on_update = spec.on_update;
    key.name = spec.name ? spec.name->name
                         : foreign_key_name(table_.name, key.columns, key.referenced_table);
    record_name(ObjectKind::foreign_key, key.name, spec.name, spec.place);
    draft_.foreign_keys.push_back({std::move(key), spec});
  }

 private:
  const std::vector<ColumnDraft>& columns_;
  std::vector<std::string> names_;
  TableDraft& draft_;
  Table& table_;
  ExtractContext& context_;
};

}  // namespace

void build_constraints(TableSpecs specs, const std::vector<ColumnDraft>& columns,
                       bool annotation_broken, TableDraft& draft, ExtractContext& context) {
  for (const ColumnDraft& column : columns) {
    if (column.unique) specs.uniques.push_back(*column.unique);
    specs.indexes.insert(specs.indexes.end(), column.indexes.begin(), column.indexes.end());
    specs.checks.insert(specs.checks.end(), column.checks.begin(), column.checks.end());
    if (column.references) specs.foreign_keys.push_back(*column.references);
  }
  ConstraintBuilder builder(columns, draft, context);
  builder.build_primary_key(specs.primary_key, annotation_broken, draft.record->getLocation());
  for (const UniqueSpec& spec : specs.uniques) builder.build_unique(spec);
  for (const CheckSpec& spec : specs.checks) builder.build_check(spec);
  for (const ForeignKeySpec& spec : specs.foreign_keys) builder.build_foreign_key(spec);
  for (const ExcludeSpec& spec : specs.excludes) builder.build_exclude(spec);
  for (const IndexSpec& spec : specs.indexes) builder.build_index(spec);
}

}  // namespace structmig::extract

// One struct → one table draft. Reading is split in three: the table
// annotation (name, keys, constraints, indexes, comment, rename), each field
// (extract_column), then the checks that need the whole table (duplicate
// columns; build_constraints). Every problem is reported and reading carries
// on, so one run shows all.
#include "extract/extract_table.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string_view>

#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>

#include "extract/acknowledge_reader.hpp"
#include "extract/argument_readers.hpp"
#include "extract/extract_column.hpp"
#include "extract/table_constraints.hpp"

namespace structmig::extract {
namespace {

constexpr std::array<std::string_view, 9> kTableArguments = {
    "acknowledge", "check",       "comment",      "exclude", "foreign_key",
    "index",       "primary_key", "renamed_from", "unique"};

struct TableAnnotation {
  std::optional<std::string> name;
  TableSpecs specs;
  std::optional<std::string> comment;
  std::optional<RenameSpec> renamed_from;
  std::vector<AcknowledgementSpec> dropped_columns;  // acknowledge(drop_column(c))
  bool broken = false;  // a mistake in the annotation: the key may be hidden
};

// Applies one item after the name; false when it was wrong (reported).
bool read_table_item(const LocatedAnnotation& annotation, const AnnotationItem& item,
                     TableAnnotation& table, ExtractContext& context) {
  const std::string& name = item.name;
  TableSpecs& specs = table.specs;
  auto keep = [](auto spec, auto& into) {
    if (spec) into.push_back(std::move(*spec));
    return spec.has_value();
  };
  if (name == "primary_key") {
    return (specs.primary_key = read_table_primary_key(annotation, item, context)).has_value();
  }
  if (name == "unique")
    return keep(read_unique(annotation, item, Level::table, context), specs.uniques);
  if (name == "index")
    return keep(read_index(annotation, item, Level::table, context), specs.indexes);
  if (name == "check") return keep(read_check(annotation, item, context), specs.checks);
  if (name == "exclude") return keep(read_exclude(annotation, item, context), specs.excludes);
  if (name == "foreign_key") {
    return keep(read_foreign_key(annotation, item, context), specs.foreign_keys);
  }
  if (name == "comment")
    return (table.comment = read_comment(annotation, item, context)).has_value();
  if (name == "renamed_from") {
    return (table.renamed_from = read_renamed_from(annotation, item, context)).has_value();
  }
  if (name == "acknowledge") {
    auto acknowledgements = read_acknowledge(annotation, item, AcknowledgeLevel::table, context);
    if (!acknowledgements) return false;
    for (AcknowledgementSpec& acknowledgement : *acknowledgements) {
      auto same = [&](const AcknowledgementSpec& other) {
        return other.name == acknowledgement.name;
      };
      if (std::any_of(table.dropped_columns.begin(), table.dropped_columns.end(), same)) {
        context.report(acknowledgement.place, context.ids.duplicate_argument)
            << spelling_of(acknowledgement);
        return false;
      }
      table.dropped_columns.push_back(std::move(acknowledgement));
    }
    return true;
  }
  if (item.is_string()) {
    report_stray_string(annotation, item, context);
  } else {
    report_unknown_argument(annotation, item.offset, name, kTableArguments, context);
  }
  return false;
}

TableAnnotation read_table_annotation(const LocatedAnnotation& annotation,
                                      ExtractContext& context) {
  TableAnnotation table;
  if (!annotation.parsed.ok()) {
    report_malformed(annotation, context);
    table.broken = true;
    return table;
  }
  const std::vector<AnnotationItem>& items = annotation.parsed.items;
  std::size_t next = 0;
  if (!items.empty() && has_no_arguments(items[0]) && !items[0].name.empty()) {
    table.name = items[0].name;
    next = 1;
  } else {
    clang::SourceLocation where =
        items.empty() ? annotation.anchor : annotation.location_of(items[0].offset);
    context.report(where, context.ids.missing_table_name);
  }
  std::set<std::string> seen;
  for (; next < items.size(); ++next) {
    const AnnotationItem& item = items[next];
    bool repeatable = item.name == "unique" || item.name == "index" || item.name == "check" ||
                      item.name == "foreign_key" || item.name == "exclude" ||
                      item.name == "acknowledge";
    bool understood = (repeatable || first_time(seen, annotation, item, context)) &&
                      read_table_item(annotation, item, table, context);
    table.broken = table.broken || !understood;
  }
  return table;
}

// Drops (and reports) columns whose name an earlier column already has.
std::vector<ColumnDraft> without_duplicate_columns(std::vector<ColumnDraft> drafts,
                                                   const std::string& table_name,
                                                   ExtractContext& context) {
  std::vector<ColumnDraft> unique_columns;
  unique_columns.reserve(drafts.size());
  std::map<std::string, const clang::FieldDecl*> first_field;
  for (ColumnDraft& draft : drafts) {
    auto [first, inserted] = first_field.emplace(draft.column.name, draft.field);
    if (inserted) {
      unique_columns.push_back(std::move(draft));
      continue;
    }
    context.report(draft.field->getLocation(), context.ids.duplicate_column)
        << draft.column.name << table_name;
    context.report(first->second->getLocation(), context.ids.previous_column) << draft.column.name;
  }
  return unique_columns;
}

bool is_template(const clang::CXXRecordDecl& record) {
  return record.getDescribedClassTemplate() != nullptr ||
         llvm::isa<clang::ClassTemplatePartialSpecializationDecl>(record) ||
         record.isDependentContext();
}

// The struct-level mistakes; false when the struct cannot be a table at all.
bool check_struct_shape(const clang::CXXRecordDecl& record,
                        const std::vector<LocatedAnnotation>& annotations,
                        ExtractContext& context) {
  for (std::size_t i = 1; i < annotations.size(); ++i) {
    context.report(annotations[i].anchor, context.ids.multiple_table_annotations)
        << static_cast<const clang::NamedDecl*>(&record);
  }
  if (record.isUnion()) {
    context.report(record.getLocation(), context.ids.table_on_union);
    return false;
  }
  if (is_template(record)) {
    context.report(record.getLocation(), context.ids.table_on_template);
    return false;
  }
  if (record.getNumBases() > 0) {
    const clang::CXXBaseSpecifier& base = *record.bases_begin();
    context.report(base.getBeginLoc(), context.ids.table_with_bases)
        << static_cast<const clang::NamedDecl*>(&record) << base.getSourceRange();
  }
  return true;
}

// acknowledge(drop_column(c)) is for a column the struct no longer has.
void keep_dropped_columns(std::vector<AcknowledgementSpec> dropped, TableDraft& draft,
                          ExtractContext& context) {
  const Table& table = draft.table;
  for (AcknowledgementSpec& acknowledgement : dropped) {
    auto named = [&](const Column& column) { return column.name == acknowledgement.name; };
    if (std::any_of(table.columns.begin(), table.columns.end(), named)) {
      context.report(acknowledgement.place, context.ids.acknowledged_still_in_model)
          << spelling_of(acknowledgement)
          << "column '" + acknowledgement.name + "' of table '" + table.name + "'";
      continue;
    }
    draft.dropped_columns.push_back(std::move(acknowledgement));
  }
}

}  // namespace

std::optional<TableDraft> extract_table(const clang::CXXRecordDecl& record,
                                        ExtractContext& context) {
  std::vector<LocatedAnnotation> annotations =
      find_annotations(record, AnnotationKind::table, context.ast);
  if (annotations.empty() || !check_struct_shape(record, annotations, context)) {
    return std::nullopt;
  }

  TableAnnotation annotation = read_table_annotation(annotations.front(), context);
  bool broken = annotation.broken;
  std::vector<ColumnDraft> drafts;
  drafts.reserve(static_cast<std::size_t>(std::distance(record.field_begin(), record.field_end())));
  for (const clang::FieldDecl* field : record.fields()) {
    if (auto draft = extract_column(*field, broken, context)) drafts.push_back(std::move(*draft));
  }
  if (!annotation.name) return std::nullopt;

  TableDraft draft;
  draft.record = &record;
  Table& table = draft.table;
  table.name = *annotation.name;
  table.comment = annotation.comment;
  draft.names.push_back(
      {NamedObject::Kind::table, table.name, table.name, Place{record.getLocation(), {}}});
  std::vector<ColumnDraft> columns =
      without_duplicate_columns(std::move(drafts), table.name, context);
  table.columns.reserve(columns.size());
  draft.fields.reserve(columns.size());
  for (const ColumnDraft& column : columns) {
    table.columns.push_back(column.column);
    draft.fields.push_back(column.field);
    if (column.renamed_from) {
      draft.column_renames.emplace_back(column.column.name, column.renamed_from->old_name);
    }
    if (column.acknowledge_rewrite) draft.rewrite_columns.insert(column.column.name);
    if (column.backfill) draft.backfills[column.column.name] = *column.backfill;
  }
  build_constraints(std::move(annotation.specs), columns, broken, draft, context);
  keep_dropped_columns(std::move(annotation.dropped_columns), draft, context);

  if (annotation.renamed_from) {
    if (annotation.renamed_from->old_name == table.name) {
      context.report(annotation.renamed_from->place, context.ids.renamed_from_itself)
          << "table" << table.name;
    } else {
      draft.renamed_from = annotation.renamed_from;
    }
  }
  return draft;
}

}  // namespace structmig::extract

// One struct → one Table. Reading is split in three: the table annotation
// (name, primary_key(...)), each field (column annotation + type), then the
// checks that need the whole table (duplicate columns, the primary key).
// Every problem is reported and reading carries on, so one run shows all.
#include "extract/extract_table.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/Basic/Diagnostic.h>

#include "extract/annotation_source.hpp"
#include "extract/type_mapping.hpp"

namespace structmig::extract {
namespace {

constexpr std::array<std::string_view, 1> kTableArguments = {"primary_key"};
constexpr std::array<std::string_view, 5> kColumnArguments = {"default", "name", "primary_key",
                                                              "unique", "varchar"};
constexpr unsigned long long kMaxVarcharLength = 10485760;  // PostgreSQL's limit

// A place in the source to report at: a point and the range to underline.
struct Place {
  clang::SourceLocation location;
  clang::CharSourceRange range;
};

Place place_of(const LocatedAnnotation& annotation, std::size_t begin, std::size_t end) {
  return {annotation.location_of(begin), annotation.range_of(begin, end)};
}
Place place_of(const LocatedAnnotation& annotation, const AnnotationItem& item) {
  return place_of(annotation, item.offset, item.end);
}
Place place_of(const LocatedAnnotation& annotation, const AnnotationArg& arg) {
  return place_of(annotation, arg.offset, arg.value.end);
}

std::string join(std::span<const std::string_view> names) {
  std::string joined;
  for (std::string_view name : names) {
    if (!joined.empty()) joined += ", ";
    joined += name;
  }
  return joined;
}

// The known name closest to `name`, when close enough to be a typo of it.
std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& known) {
  unsigned threshold = std::max<unsigned>(1, static_cast<unsigned>(name.size() + 2) / 3);
  std::optional<std::string> best;
  unsigned best_distance = threshold + 1;
  for (const std::string& candidate : known) {
    unsigned distance = llvm::StringRef(name).edit_distance(candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

void report_malformed(const LocatedAnnotation& annotation, ExtractContext& context) {
  const AnnotationError& error = *annotation.parsed.error;
  context.report(annotation.location_of(error.offset), context.ids.malformed_annotation)
      << error.message;
}

void report_unknown_argument(const LocatedAnnotation& annotation, const AnnotationItem& item,
                             std::span<const std::string_view> known, ExtractContext& context) {
  std::size_t name_end = item.offset + item.name.size();
  clang::CharSourceRange range = annotation.range_of(item.offset, name_end);
  auto suggestion = closest_name(item.name, std::vector<std::string>(known.begin(), known.end()));
  if (!suggestion) {
    context.report(annotation.location_of(item.offset), context.ids.unknown_argument)
        << item.name << join(known) << range;
    return;
  }
  auto diagnostic =
      context.report(annotation.location_of(item.offset), context.ids.unknown_argument_suggest);
  diagnostic << item.name << *suggestion << range;
  if (annotation.exact()) diagnostic << clang::FixItHint::CreateReplacement(range, *suggestion);
}

void report_shape(const Place& place, std::string_view name, std::string_view expectation,
                  ExtractContext& context) {
  context.report(place.location, context.ids.argument_shape) << name << expectation << place.range;
}

// False (after reporting) when `item` repeats an argument already in `seen`.
bool first_time(std::set<std::string>& seen, const LocatedAnnotation& annotation,
                const AnnotationItem& item, ExtractContext& context) {
  if (seen.insert(item.name).second) return true;
  Place place = place_of(annotation, item);
  context.report(place.location, context.ids.duplicate_argument) << item.name << place.range;
  return false;
}

bool has_no_arguments(const AnnotationItem& item) { return !item.has_parens && !item.value; }

// The single value of `name(value)` when it has the wanted kind.
const AnnotationValue* single_value(const AnnotationItem& item, AnnotationValue::Kind kind) {
  if (!item.has_parens || item.args.size() != 1 || item.args[0].key ||
      item.args[0].value.kind != kind) {
    return nullptr;
  }
  return &item.args[0].value;
}

// ---- the table annotation ------------------------------------------------

struct TableAnnotation {
  std::optional<std::string> name;
  std::vector<std::pair<std::string, Place>> primary_key;  // column names, where written
  std::optional<Place> primary_key_place;
  bool broken = false;  // a mistake in the annotation: the key may be hidden
};

void read_table_primary_key(const LocatedAnnotation& annotation, const AnnotationItem& item,
                            TableAnnotation& table, ExtractContext& context) {
  constexpr std::string_view kExpectation =
      "expects the key's column names, as in primary_key(user_id, org_id)";
  if (!item.has_parens || item.args.empty()) {
    report_shape(place_of(annotation, item), item.name, kExpectation, context);
    table.broken = true;
    return;
  }
  table.primary_key_place = place_of(annotation, item);
  for (const AnnotationArg& arg : item.args) {
    const AnnotationValue& value = arg.value;
    if (arg.key || value.kind != AnnotationValue::Kind::identifier ||
        value.text.find('.') != std::string::npos) {
      report_shape(place_of(annotation, arg), item.name, kExpectation, context);
      table.broken = true;
      continue;
    }
    table.primary_key.emplace_back(value.text, place_of(annotation, arg));
  }
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
  if (!items.empty() && has_no_arguments(items[0])) {
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
    if (item.name == "primary_key") {
      if (first_time(seen, annotation, item, context)) {
        read_table_primary_key(annotation, item, table, context);
      }
    } else {
      report_unknown_argument(annotation, item, kTableArguments, context);
      table.broken = true;
    }
  }
  return table;
}

// ---- columns -------------------------------------------------------------

struct ColumnAnnotation {
  std::optional<Place> primary_key;
  bool unique = false;
  std::optional<std::pair<unsigned, Place>> varchar;  // length, where written
  std::optional<std::string> default_sql;
  std::optional<std::string> name;
  bool broken = false;  // a mistake in the annotation: the key may be hidden
};

// Applies one column annotation item; false when it was wrong (reported).
bool read_column_item(const LocatedAnnotation& annotation, const AnnotationItem& item,
                      ColumnAnnotation& column, ExtractContext& context) {
  Place place = place_of(annotation, item);
  if (item.name == "primary_key" || item.name == "unique") {
    if (!has_no_arguments(item)) {
      report_shape(place, item.name, "takes no arguments", context);
      return false;
    }
    if (item.name == "primary_key") {
      column.primary_key = place;
    } else {
      column.unique = true;
    }
    return true;
  }
  if (item.name == "varchar") {
    const AnnotationValue* length = single_value(item, AnnotationValue::Kind::integer);
    if (length == nullptr) {
      report_shape(place, item.name, "expects one integer, as in varchar(200)", context);
      return false;
    }
    unsigned long long value = 0;
    const char* end = length->text.data() + length->text.size();
    auto [stop, status] = std::from_chars(length->text.data(), end, value);
    if (status != std::errc() || stop != end || value < 1 || value > kMaxVarcharLength) {
      Place value_place = place_of(annotation, length->offset, length->end);
      context.report(value_place.location, context.ids.varchar_length) << value_place.range;
      return false;
    }
    column.varchar.emplace(static_cast<unsigned>(value), place);
    return true;
  }
  if (item.name == "default" || item.name == "name") {
    const AnnotationValue* text = single_value(item, AnnotationValue::Kind::string);
    if (text == nullptr || text->text.empty()) {
      report_shape(place, item.name,
                   item.name == "default" ? "expects one non-empty string, as in default(\"now()\")"
                                          : "expects one non-empty string, as in name(\"title\")",
                   context);
      return false;
    }
    (item.name == "default" ? column.default_sql : column.name) = text->text;
    return true;
  }
  report_unknown_argument(annotation, item, kColumnArguments, context);
  return false;
}

ColumnAnnotation read_column_annotations(const clang::FieldDecl& field, ExtractContext& context) {
  ColumnAnnotation column;
  std::set<std::string> seen;
  for (const LocatedAnnotation& annotation :
       find_annotations(field, AnnotationKind::column, context.ast)) {
    if (!annotation.parsed.ok()) {
      report_malformed(annotation, context);
      column.broken = true;
      continue;
    }
    for (const AnnotationItem& item : annotation.parsed.items) {
      bool understood = first_time(seen, annotation, item, context) &&
                        read_column_item(annotation, item, column, context);
      column.broken = column.broken || !understood;
    }
  }
  return column;
}

// A column and what the table-wide checks need to know about its field.
struct ColumnDraft {
  Column column;
  const clang::FieldDecl* field = nullptr;
  std::optional<Place> primary_key;
};

// The column `field` declares, or nothing when it cannot be one (reported).
std::optional<ColumnDraft> read_column(const clang::FieldDecl& field, bool& broken,
                                       ExtractContext& context) {
  ColumnAnnotation annotation = read_column_annotations(field, context);
  broken = broken || annotation.broken;
  if (field.isBitField() || field.isAnonymousStructOrUnion() || field.getName().empty()) {
    context.report(field.getLocation(), context.ids.unsupported_member)
        << (field.isBitField() ? 0 : 1) << field.getSourceRange();
    return std::nullopt;
  }

  ColumnDraft draft;
  draft.field = &field;
  draft.primary_key = annotation.primary_key;
  Column& column = draft.column;
  column.name = annotation.name.value_or(field.getName().str());
  column.default_sql = annotation.default_sql;
  column.unique = annotation.unique;

  std::optional<MappedType> mapped = map_field_type(field.getType(), context.ast);
  if (!mapped) {
    // The declaration specifiers' start, so `const char*` is reported at
    // `const` (a TypeLoc starts after its qualifiers).
    clang::SourceLocation type_location = field.getInnerLocStart();
    clang::SourceRange type_range(type_location, field.getTypeSpecEndLoc());
    context.report(type_location, context.ids.unsupported_type)
        << field.getType() << column.name << supported_cxx_types() << type_range;
    return draft;  // kept, so the primary-key checks do not cascade
  }
  column.type = mapped->postgres_type;
  column.nullable = mapped->nullable;
  if (annotation.varchar) {
    if (mapped->is_text) {
      column.type = varchar_type(annotation.varchar->first);
    } else {
      const Place& place = annotation.varchar->second;
      context.report(place.location, context.ids.varchar_not_string)
          << column.name << field.getType() << place.range;
    }
  }
  return draft;
}

// ---- table-wide checks ---------------------------------------------------

// Drops (and reports) columns whose name an earlier column already has.
std::vector<ColumnDraft> without_duplicate_columns(std::vector<ColumnDraft> drafts,
                                                   const std::string& table_name,
                                                   ExtractContext& context) {
  std::vector<ColumnDraft> unique_columns;
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

const ColumnDraft* find_column(const std::vector<ColumnDraft>& columns, std::string_view name) {
  auto it = std::find_if(columns.begin(), columns.end(),
                         [&](const ColumnDraft& draft) { return draft.column.name == name; });
  return it == columns.end() ? nullptr : &*it;
}

// The key declared by primary_key(...) on the table.
std::vector<std::string> table_primary_key(const TableAnnotation& annotation,
                                           const std::vector<ColumnDraft>& columns,
                                           const std::string& table_name, ExtractContext& context) {
  for (const ColumnDraft& draft : columns) {
    if (!draft.primary_key) continue;
    context.report(draft.primary_key->location, context.ids.primary_key_twice)
        << table_name << draft.column.name << draft.primary_key->range;
    context.report(annotation.primary_key_place->location, context.ids.table_primary_key_here);
  }
  std::vector<std::string> key;
  for (const auto& [name, place] : annotation.primary_key) {
    const ColumnDraft* column = find_column(columns, name);
    if (column == nullptr) {
      std::vector<std::string> names;
      for (const ColumnDraft& draft : columns) names.push_back(draft.column.name);
      if (auto suggestion = closest_name(name, names)) {
        context.report(place.location, context.ids.primary_key_unknown_column_suggest)
            << name << table_name << *suggestion << place.range;
      } else {
        context.report(place.location, context.ids.primary_key_unknown_column)
            << name << table_name << place.range;
      }
    } else if (std::find(key.begin(), key.end(), name) != key.end()) {
      context.report(place.location, context.ids.primary_key_repeated) << name << place.range;
    } else {
      if (column->column.nullable) {
        context.report(place.location, context.ids.primary_key_nullable) << name << place.range;
      }
      key.push_back(name);
    }
  }
  return key;
}

// The key declared by primary_key on columns (several make a composite key,
// in declaration order).
std::vector<std::string> column_primary_key(const std::vector<ColumnDraft>& columns,
                                            ExtractContext& context) {
  std::vector<std::string> key;
  for (const ColumnDraft& draft : columns) {
    if (!draft.primary_key) continue;
    if (draft.column.nullable) {
      context.report(draft.primary_key->location, context.ids.primary_key_nullable)
          << draft.column.name << draft.primary_key->range;
    }
    key.push_back(draft.column.name);
  }
  return key;
}

bool is_template(const clang::CXXRecordDecl& record) {
  return record.getDescribedClassTemplate() != nullptr ||
         llvm::isa<clang::ClassTemplatePartialSpecializationDecl>(record) ||
         record.isDependentContext();
}

}  // namespace

std::optional<Table> extract_table(const clang::CXXRecordDecl& record, ExtractContext& context) {
  std::vector<LocatedAnnotation> annotations =
      find_annotations(record, AnnotationKind::table, context.ast);
  if (annotations.empty()) return std::nullopt;
  for (std::size_t i = 1; i < annotations.size(); ++i) {
    context.report(annotations[i].anchor, context.ids.multiple_table_annotations)
        << static_cast<const clang::NamedDecl*>(&record);
  }
  if (record.isUnion()) {
    context.report(record.getLocation(), context.ids.table_on_union);
    return std::nullopt;
  }
  if (is_template(record)) {
    context.report(record.getLocation(), context.ids.table_on_template);
    return std::nullopt;
  }
  if (record.getNumBases() > 0) {
    const clang::CXXBaseSpecifier& base = *record.bases_begin();
    context.report(base.getBeginLoc(), context.ids.table_with_bases)
        << static_cast<const clang::NamedDecl*>(&record) << base.getSourceRange();
  }

  TableAnnotation annotation = read_table_annotation(annotations.front(), context);
  bool broken = annotation.broken;
  std::vector<ColumnDraft> drafts;
  for (const clang::FieldDecl* field : record.fields()) {
    if (auto draft = read_column(*field, broken, context)) drafts.push_back(std::move(*draft));
  }
  if (!annotation.name) return std::nullopt;

  Table table;
  table.name = *annotation.name;
  std::vector<ColumnDraft> columns =
      without_duplicate_columns(std::move(drafts), table.name, context);
  if (annotation.primary_key_place) {
    table.primary_key = table_primary_key(annotation, columns, table.name, context);
  } else {
    table.primary_key = column_primary_key(columns, context);
    if (table.primary_key.empty() && !broken) {
      context.report(record.getLocation(), context.ids.no_primary_key) << table.name;
    }
  }
  for (ColumnDraft& draft : columns) table.columns.push_back(std::move(draft.column));
  return table;
}

}  // namespace structmig::extract

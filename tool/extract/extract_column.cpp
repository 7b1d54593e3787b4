// Reading a column: its annotation items first (each checked on its own),
// then the type mapping, then what needs both (varchar on a string, identity
// on an integer, the column's name in its constraints).
#include "extract/extract_column.hpp"

#include <array>
#include <charconv>
#include <set>
#include <string_view>

#include <clang/AST/Decl.h>

#include "extract/acknowledge_reader.hpp"
#include "extract/argument_readers.hpp"
#include "extract/type_mapping.hpp"
#include "structmig/spelling.hpp"

namespace structmig::extract {
namespace {

constexpr std::array<std::string_view, 13> kColumnArguments = {
    "acknowledge", "backfill",    "check",      "comment",      "default", "identity", "index",
    "name",        "primary_key", "references", "renamed_from", "unique",  "varchar"};
constexpr std::array<std::string_view, 2> kIdentityKinds = {"always", "by_default"};
constexpr unsigned long long kMaxVarcharLength = 10485760;  // PostgreSQL's limit

struct ColumnAnnotation {
  std::optional<Place> primary_key;
  std::optional<UniqueSpec> unique;
  std::optional<std::pair<unsigned, Place>> varchar;  // length, where written
  std::optional<std::string> default_sql;
  std::optional<std::string> name;
  std::optional<std::pair<Identity, Place>> identity;
  std::optional<ForeignKeySpec> references;
  std::vector<CheckSpec> checks;
  std::vector<IndexSpec> indexes;
  std::optional<std::string> comment;
  std::optional<RenameSpec> renamed_from;
  std::optional<Place> acknowledge_rewrite;
  std::optional<std::pair<std::string, Place>> backfill;  // SQL, where written
  bool broken = false;  // a mistake in the annotation: the key may be hidden
};

std::optional<unsigned> read_varchar(const LocatedAnnotation& annotation,
                                     const AnnotationItem& item, ExtractContext& context) {
  const AnnotationValue* length = single_value(item, AnnotationValue::Kind::integer);
  if (length == nullptr) {
    report_shape(place_of(annotation, item), item.name, "expects one integer, as in varchar(200)",
                 context);
    return std::nullopt;
  }
  unsigned long long value = 0;
  const char* end = length->text.data() + length->text.size();
  auto [stop, status] = std::from_chars(length->text.data(), end, value);
  if (status != std::errc() || stop != end || value < 1 || value > kMaxVarcharLength) {
    context.report(place_of(annotation, *length), context.ids.varchar_length);
    return std::nullopt;
  }
  return static_cast<unsigned>(value);
}

std::optional<Identity> read_identity(const LocatedAnnotation& annotation,
                                      const AnnotationItem& item, ExtractContext& context) {
  if (has_no_arguments(item)) return Identity::by_default;
  if (item.has_parens && item.args.size() == 1 && !item.args[0].key) {
    auto kind =
        read_choice(annotation, item.args[0].value, "identity kind", kIdentityKinds, context);
    if (!kind) return std::nullopt;
    return identity_named(*kind);
  }
  report_shape(place_of(annotation, item), item.name,
               "expects nothing or one of always, by_default, as in identity(always)", context);
  return std::nullopt;
}

// Applies one column annotation item; false when it was wrong (reported).
bool read_column_item(const LocatedAnnotation& annotation, const AnnotationItem& item,
                      ColumnAnnotation& column, ExtractContext& context) {
  Place place = place_of(annotation, item);
  const std::string& name = item.name;
  if (name == "primary_key") {
    if (!has_no_arguments(item)) {
      report_shape(place, name, "takes no arguments", context);
      return false;
    }
    column.primary_key = place;
    return true;
  }
  if (name == "unique")
    return (column.unique = read_unique(annotation, item, Level::column, context)).has_value();
  if (name == "varchar") {
    auto length = read_varchar(annotation, item, context);
    if (length) column.varchar.emplace(*length, place);
    return length.has_value();
  }
  if (name == "default" || name == "name") {
    const AnnotationValue* text = single_value(item, AnnotationValue::Kind::string);
    if (text == nullptr || text->text.empty()) {
      report_shape(place, name,
                   name == "default" ? "expects one non-empty string, as in default(\"now()\")"
                                     : "expects one non-empty string, as in name(\"title\")",
                   context);
      return false;
    }
    (name == "default" ? column.default_sql : column.name) = text->text;
    return true;
  }
  if (name == "identity") {
    auto identity = read_identity(annotation, item, context);
    if (identity) column.identity.emplace(*identity, place);
    return identity.has_value();
  }
  if (name == "references") {
    return (column.references = read_references(annotation, item, context)).has_value();
  }
  if (name == "check") {
    auto check = read_check(annotation, item, context);
    if (check) column.checks.push_back(std::move(*check));
    return check.has_value();
  }
  if (name == "index") {
    auto index = read_index(annotation, item, Level::column, context);
    if (index) column.indexes.push_back(std::move(*index));
    return index.has_value();
  }
  if (name == "comment")
    return (column.comment = read_comment(annotation, item, context)).has_value();
  if (name == "renamed_from") {
    return (column.renamed_from = read_renamed_from(annotation, item, context)).has_value();
  }
  if (name == "acknowledge") {
    auto acknowledgements = read_acknowledge(annotation, item, AcknowledgeLevel::column, context);
    if (acknowledgements && !acknowledgements->empty()) {
      column.acknowledge_rewrite = acknowledgements->front().place;  // rewrite is the only kind
    }
    return acknowledgements.has_value();
  }
  if (name == "backfill") {
    auto sql = read_backfill(annotation, item, context);
    if (sql) column.backfill.emplace(*sql, place);
    return sql.has_value();
  }
  if (item.is_string()) {
    report_stray_string(annotation, item, context);
  } else {
    report_unknown_argument(annotation, item.offset, name, kColumnArguments, context);
  }
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
      bool repeatable = item.name == "check" || item.name == "index";
      bool understood = (repeatable || first_time(seen, annotation, item, context)) &&
                        read_column_item(annotation, item, column, context);
      column.broken = column.broken || !understood;
    }
  }
  return column;
}

void report_unmapped_type(const clang::FieldDecl& field, const TypeMapping& mapping,
                          const std::string& column_name, ExtractContext& context) {
  if (mapping.already_reported) return;
  // The declaration specifiers' start, so `const char*` is reported at
  // `const` (a TypeLoc starts after its qualifiers).
  clang::SourceLocation type_location = field.getInnerLocStart();
  clang::SourceRange type_range(type_location, field.getTypeSpecEndLoc());
  if (mapping.unannotated_enum != nullptr) {
    context.report(type_location, context.ids.unannotated_enum)
        << static_cast<const clang::NamedDecl*>(mapping.unannotated_enum) << type_range;
    return;
  }
  context.report(type_location, context.ids.unsupported_type)
      << field.getType() << column_name << supported_cxx_types() << type_range;
}

// What needs both the annotation and the mapped type.
void apply_type(const clang::FieldDecl& field, const MappedType& mapped,
                const ColumnAnnotation& annotation, Column& column, ExtractContext& context) {
  column.type = mapped.postgres_type;
  column.nullable = mapped.nullable;
  if (annotation.varchar) {
    const Place& place = annotation.varchar->second;
    if (mapped.is_text) {
      column.type = varchar_type(annotation.varchar->first, mapped.is_array);
    } else {
      context.report(place, context.ids.varchar_not_string) << column.name << field.getType();
    }
  }
  if (mapped.defaulted && !annotation.default_sql) {
    const clang::SourceLocation type_location = field.getInnerLocStart();
    context.report(type_location, context.ids.defaulted_without_default)
        << column.name << field.getType()
        << clang::SourceRange(type_location, field.getTypeSpecEndLoc());
  }
  if (annotation.backfill && mapped.nullable) {
    context.report(annotation.backfill->second, context.ids.backfill_nullable) << column.name;
  }
  if (annotation.identity) {
    const Place& place = annotation.identity->second;
    if (!mapped.is_integer) {
      context.report(place, context.ids.identity_not_integer) << column.name << field.getType();
    } else if (mapped.nullable) {
      context.report(place, context.ids.identity_nullable) << column.name;
    }
  }
}

// The column's own name in the constraints it declares; at most one unnamed check.
void attach_column(ColumnAnnotation& annotation, ColumnDraft& draft, ExtractContext& context) {
  const std::string& name = draft.column.name;
  if (annotation.unique) {
    annotation.unique->columns.push_back({name, annotation.unique->place});
    draft.unique = std::move(annotation.unique);
  }
  for (IndexSpec& index : annotation.indexes) {
    index.keys.push_back(IndexKey{name, ""});
    index.key_places.push_back(index.place);
    draft.indexes.push_back(std::move(index));
  }
  bool has_unnamed_check = false;
  for (CheckSpec& check : annotation.checks) {
    check.default_label = name;
    if (!check.name) {
      if (has_unnamed_check) {
        context.report(check.place, context.ids.unnamed_check_twice) << name;
        continue;
      }
      has_unnamed_check = true;
    }
    draft.checks.push_back(std::move(check));
  }
  if (annotation.references) {
    annotation.references->columns.push_back({name, annotation.references->place});
    draft.references = std::move(annotation.references);
  }
  if (annotation.renamed_from) {
    if (annotation.renamed_from->old_name == name) {
      context.report(annotation.renamed_from->place, context.ids.renamed_from_itself)
          << "column" << name;
    } else {
      draft.renamed_from = std::move(annotation.renamed_from);
    }
  }
}

}  // namespace

std::optional<ColumnDraft> extract_column(const clang::FieldDecl& field, bool& broken,
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
  draft.acknowledge_rewrite = annotation.acknowledge_rewrite;
  if (annotation.backfill) draft.backfill = annotation.backfill->first;
  Column& column = draft.column;
  column.name = annotation.name.value_or(field.getName().str());
  column.default_sql = annotation.default_sql;
  column.comment = annotation.comment;
  if (annotation.identity) {
    column.identity = annotation.identity->first;
    if (annotation.default_sql) {
      context.report(annotation.identity->second, context.ids.identity_with_default) << column.name;
    }
  }

  TypeMapping mapping = map_field_type(field.getType(), context.ast, context.enums);
  if (mapping.type) {
    apply_type(field, *mapping.type, annotation, column, context);
  } else {
    report_unmapped_type(field, mapping, column.name, context);
  }
  attach_column(annotation, draft, context);
  return draft;  // kept even with an unmapped type, so the key checks do not cascade
}

}  // namespace structmig::extract

// The acknowledge(...) reader: each value inside the parentheses is one
// acknowledgement, `rewrite` or `drop_column(x)`-like; its kind is checked
// against the known ones (with "did you mean"), then against the place it is
// written, then its argument's shape.
#include "extract/acknowledge_reader.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string_view>

#include <clang/Basic/Diagnostic.h>

namespace structmig::extract {
namespace {

using Kind = AnnotationValue::Kind;

constexpr std::array<std::string_view, 4> kKinds = {"drop_column", "drop_label", "drop_table",
                                                    "rewrite"};

struct KindRule {
  std::string_view kind;
  AcknowledgeLevel level;
  std::string_view where;    // where it belongs, for the misplaced diagnostic
  std::string_view example;  // the argument's expected shape
};

constexpr std::array<KindRule, 4> kRules = {{
    {"rewrite", AcknowledgeLevel::column,
     "on the column whose change rewrites the table, as in STRUCTMIG_COLUMN(acknowledge(rewrite))",
     "takes no arguments, as in acknowledge(rewrite)"},
    {"drop_column", AcknowledgeLevel::table,
     "on the table, as in STRUCTMIG_TABLE(notes, acknowledge(drop_column(old_column)))",
     "expects the dropped column's name, as in acknowledge(drop_column(old_column))"},
    {"drop_label", AcknowledgeLevel::enumeration,
     "on the enum, as in STRUCTMIG_ENUM(status, acknowledge(drop_label(\"old\")))",
     "expects the dropped label, as in acknowledge(drop_label(\"old\"))"},
    {"drop_table", AcknowledgeLevel::namespace_scope,
     "at namespace scope in a model header, as in STRUCTMIG_ACKNOWLEDGE(drop_table(old_table));",
     "expects the dropped table's name, as in STRUCTMIG_ACKNOWLEDGE(drop_table(old_table))"},
}};

std::string_view level_name(AcknowledgeLevel level) {
  switch (level) {
    case AcknowledgeLevel::column:
      return "a column";
    case AcknowledgeLevel::table:
      return "a table";
    case AcknowledgeLevel::enumeration:
      return "an enum";
    case AcknowledgeLevel::namespace_scope:
      return "STRUCTMIG_ACKNOWLEDGE";
  }
  return "";
}

std::string_view example_for(AcknowledgeLevel level) {
  switch (level) {
    case AcknowledgeLevel::column:
      return "expects what is acknowledged, as in acknowledge(rewrite)";
    case AcknowledgeLevel::table:
      return "expects what is acknowledged, as in acknowledge(drop_column(old_column))";
    case AcknowledgeLevel::enumeration:
      return "expects what is acknowledged, as in acknowledge(drop_label(\"old\"))";
    case AcknowledgeLevel::namespace_scope:
      return "expects what is acknowledged, as in STRUCTMIG_ACKNOWLEDGE(drop_table(old_table))";
  }
  return "";
}

const KindRule* rule_of(std::string_view kind) {
  for (const KindRule& rule : kRules) {
    if (rule.kind == kind) return &rule;
  }
  return nullptr;
}

// "unknown acknowledgement 'x'; did you mean 'y'?" at the kind's name.
void report_unknown_kind(const LocatedAnnotation& annotation, const AnnotationValue& value,
                         ExtractContext& context) {
  std::size_t name_end = value.kind == Kind::call ? value.offset + value.text.size() : value.end;
  Place place = place_of(annotation, value.offset, name_end);
  std::optional<std::string> suggestion;
  if (value.kind != Kind::string) {
    suggestion = closest_name(value.text, std::vector<std::string>(kKinds.begin(), kKinds.end()));
  }
  if (!suggestion) {
    std::string spelled = value.kind == Kind::string ? "\"" + value.text + "\"" : value.text;
    context.report(place, context.ids.unknown_choice)
        << "acknowledgement" << spelled << join(kKinds);
    return;
  }
  auto diagnostic = context.report(place, context.ids.unknown_choice_suggest);
  diagnostic << "acknowledgement" << value.text << *suggestion;
  if (annotation.exact())
    diagnostic << clang::FixItHint::CreateReplacement(place.range, *suggestion);
}

// The one name inside drop_column(x), drop_label("x"), drop_table(x): an
// identifier or a non-empty string.
std::optional<std::string> read_named_argument(const AnnotationValue& value) {
  if (value.kind != Kind::call || value.args.size() != 1 || value.args[0].key) return std::nullopt;
  const AnnotationValue& name = value.args[0].value;
  bool plain = name.kind == Kind::identifier && name.part_offsets.size() == 1;
  bool string = name.kind == Kind::string && !name.text.empty();
  if (!plain && !string) return std::nullopt;
  return name.text;
}

std::optional<AcknowledgementSpec> read_one(const LocatedAnnotation& annotation,
                                            const AnnotationArg& arg, AcknowledgeLevel level,
                                            ExtractContext& context) {
  const AnnotationValue& value = arg.value;
  Place place = place_of(annotation, arg);
  if (arg.key) {
    report_shape(place, "acknowledge", example_for(level), context);
    return std::nullopt;
  }
  const KindRule* rule =
      value.kind == Kind::string || value.part_offsets.size() != 1 ? nullptr : rule_of(value.text);
  if (rule == nullptr) {
    report_unknown_kind(annotation, value, context);
    return std::nullopt;
  }
  if (rule->level != level) {
    context.report(place, context.ids.misplaced_acknowledgement)
        << rule->kind << level_name(level) << rule->where;
    return std::nullopt;
  }
  AcknowledgementSpec spec{std::string(rule->kind), "", place};
  if (rule->kind == "rewrite") {
    if (value.kind != Kind::identifier) {
      report_shape(place, rule->kind, rule->example, context);
      return std::nullopt;
    }
    return spec;
  }
  auto name = read_named_argument(value);
  if (!name) {
    report_shape(place, rule->kind, rule->example, context);
    return std::nullopt;
  }
  spec.name = *name;
  return spec;
}

// Reads every value of `args`; reports a repeated acknowledgement.
std::optional<std::vector<AcknowledgementSpec>> read_all(const LocatedAnnotation& annotation,
                                                         const std::vector<AnnotationArg>& args,
                                                         AcknowledgeLevel level,
                                                         ExtractContext& context) {
  std::vector<AcknowledgementSpec> specs;
  std::set<std::pair<std::string, std::string>> seen;
  bool ok = true;
  for (const AnnotationArg& arg : args) {
    auto spec = read_one(annotation, arg, level, context);
    if (!spec) {
      ok = false;
      continue;
    }
    if (!seen.emplace(spec->kind, spec->name).second) {
      context.report(spec->place, context.ids.duplicate_argument) << spelling_of(*spec);
      ok = false;
      continue;
    }
    specs.push_back(std::move(*spec));
  }
  if (!ok) return std::nullopt;
  return specs;
}

}  // namespace

std::optional<std::vector<AcknowledgementSpec>> read_acknowledge(
    const LocatedAnnotation& annotation, const AnnotationItem& item, AcknowledgeLevel level,
    ExtractContext& context) {
  if (!item.has_parens || item.args.empty()) {
    report_shape(place_of(annotation, item), item.name, example_for(level), context);
    return std::nullopt;
  }
  return read_all(annotation, item.args, level, context);
}

std::optional<std::vector<AcknowledgementSpec>> read_namespace_acknowledgements(
    const LocatedAnnotation& annotation, ExtractContext& context) {
  if (!annotation.parsed.ok()) {
    report_malformed(annotation, context);
    return std::nullopt;
  }
  const std::vector<AnnotationItem>& items = annotation.parsed.items;
  if (items.empty()) {
    report_shape(Place{annotation.anchor, {}}, "STRUCTMIG_ACKNOWLEDGE",
                 example_for(AcknowledgeLevel::namespace_scope), context);
    return std::nullopt;
  }
  // Each item is read as the value it would be inside acknowledge(...).
  std::vector<AnnotationArg> args;
  for (const AnnotationItem& item : items) {
    AnnotationArg arg;
    arg.offset = item.offset;
    if (item.is_string()) {
      arg.value = *item.value;
    } else if (item.value) {  // `name = value`
      arg.key = item.name;
      arg.value = *item.value;
    } else {
      arg.value.kind = item.has_parens ? Kind::call : Kind::identifier;
      arg.value.text = item.name;
      arg.value.offset = item.offset;
      arg.value.end = item.end;
      arg.value.part_offsets = {item.offset};
      arg.value.args = item.args;
    }
    args.push_back(std::move(arg));
  }
  return read_all(annotation, args, AcknowledgeLevel::namespace_scope, context);
}

std::optional<std::string> read_backfill(const LocatedAnnotation& annotation,
                                         const AnnotationItem& item, ExtractContext& context) {
  const AnnotationValue* sql = single_value(item, Kind::string);
  if (sql == nullptr || sql->text.empty()) {
    report_shape(place_of(annotation, item), item.name,
                 "expects one non-empty SQL expression, the value existing rows get, as in "
                 "backfill(\"0\")",
                 context);
    return std::nullopt;
  }
  return sql->text;
}

std::string spelling_of(const AcknowledgementSpec& acknowledgement) {
  if (acknowledgement.name.empty()) return "acknowledge(" + acknowledgement.kind + ")";
  bool quoted = acknowledgement.kind == "drop_label";
  std::string name = quoted ? "\"" + acknowledgement.name + "\"" : acknowledgement.name;
  std::string call = acknowledgement.kind + "(" + name + ")";
  if (acknowledgement.kind == "drop_table") return "STRUCTMIG_ACKNOWLEDGE(" + call + ")";
  return "acknowledge(" + call + ")";
}

}  // namespace structmig::extract

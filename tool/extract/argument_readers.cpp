// The argument readers: each checks the shape of one kind of argument (which
// positional values, which keywords and what they hold), reports every
// mistake at its character, and returns the spec with the place of each part.
#include "extract/argument_readers.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string_view>
#include <utility>

#include "extract/sql_columns.hpp"
#include "structmig/spelling.hpp"

namespace structmig::extract {
namespace {

using Kind = AnnotationValue::Kind;

constexpr std::array<std::string_view, 1> kNameKey = {"name"};
constexpr std::array<std::string_view, 3> kIndexKeys = {"name", "using", "where"};
constexpr std::array<std::string_view, 3> kReferencesKeys = {"name", "on_delete", "on_update"};
constexpr std::array<std::string_view, 4> kForeignKeyKeys = {"name", "on_delete", "on_update",
                                                             "references"};
constexpr std::array<std::string_view, 6> kIndexMethods = {"brin", "btree", "gin",
                                                           "gist", "hash",  "spgist"};
constexpr std::array<std::string_view, 5> kActions = {"cascade", "no_action", "restrict",
                                                      "set_default", "set_null"};

bool is_plain_identifier(const AnnotationValue& value) {
  return value.kind == Kind::identifier && value.part_offsets.size() == 1;
}

// The place of decoded bytes [begin, end) of a string value.
Place place_in_string(const LocatedAnnotation& annotation, const AnnotationValue& value,
                      std::size_t begin, std::size_t end) {
  if (value.byte_offsets.empty() || begin >= value.byte_offsets.size() || end <= begin) {
    return place_of(annotation, value);
  }
  std::size_t last = std::min(end, value.byte_offsets.size()) - 1;
  return place_of(annotation, value.byte_offsets[begin], value.byte_offsets[last] + 1);
}

// The column-like identifiers of SQL text `value`, each with its place.
void add_expression_columns(const LocatedAnnotation& annotation, const AnnotationValue& value,
                            ExpressionKind kind, std::vector<ExpressionColumn>& out) {
  for (const SqlColumnReference& reference : sql_column_references(value.text)) {
    out.push_back({kind, reference.name,
                   place_in_string(annotation, value, reference.offset, reference.end)});
  }
}

// `name = "x"`: a full constraint name.
std::optional<ExplicitName> read_name(const LocatedAnnotation& annotation,
                                      const SortedArguments& args, bool& ok,
                                      ExtractContext& context) {
  const AnnotationArg* arg = args.find("name");
  if (arg == nullptr) return std::nullopt;
  auto name = read_string(annotation, *arg, "name",
                          "expects a non-empty string, as in name = \"uq_users_email\"", context);
  if (!name) {
    ok = false;
    return std::nullopt;
  }
  return ExplicitName{*name, place_of(annotation, *arg)};
}

// Positional arguments that must be plain column names.
bool read_key_columns(const LocatedAnnotation& annotation,
                      const std::vector<const AnnotationArg*>& positional, std::string_view what,
                      std::string_view expectation, std::vector<KeyColumn>& out,
                      ExtractContext& context) {
  bool ok = true;
  for (const AnnotationArg* arg : positional) {
    if (!is_plain_identifier(arg->value)) {
      report_shape(place_of(annotation, *arg), what, expectation, context);
      ok = false;
      continue;
    }
    out.push_back({arg->value.text, place_of(annotation, arg->value)});
  }
  return ok;
}

std::optional<ForeignKeyAction> read_action(const LocatedAnnotation& annotation,
                                            const SortedArguments& args, std::string_view key,
                                            bool& ok, ExtractContext& context) {
  const AnnotationArg* arg = args.find(key);
  if (arg == nullptr) return ForeignKeyAction::no_action;
  auto action = read_choice(annotation, arg->value, "foreign key action", kActions, context);
  if (!action) {
    ok = false;
    return std::nullopt;
  }
  return foreign_key_action_named(*action);
}

// on_delete, on_update and name, shared by references(...) and foreign_key(...).
bool read_foreign_key_options(const LocatedAnnotation& annotation, const SortedArguments& args,
                              ForeignKeySpec& spec, ExtractContext& context) {
  bool ok = true;
  spec.on_delete =
      read_action(annotation, args, "on_delete", ok, context).value_or(ForeignKeyAction::no_action);
  spec.on_update =
      read_action(annotation, args, "on_update", ok, context).value_or(ForeignKeyAction::no_action);
  spec.name = read_name(annotation, args, ok, context);
  return ok;
}

// The target of a foreign key: `users` (its primary key), `users.id`, or
// `users(id, …)`. False when `value` has none of these shapes.
bool read_target(const LocatedAnnotation& annotation, const AnnotationValue& value,
                 ForeignKeySpec& spec) {
  if (value.kind == Kind::identifier && value.part_offsets.size() <= 2) {
    std::vector<std::string> parts = value.parts();
    spec.referenced_table = {parts[0], place_of(annotation, value.part_offsets[0],
                                                value.part_offsets[0] + parts[0].size())};
    if (parts.size() == 2) {
      spec.referenced_columns.push_back(
          {parts[1],
           place_of(annotation, value.part_offsets[1], value.part_offsets[1] + parts[1].size())});
    }
    return true;
  }
  if (value.kind != Kind::call || value.part_offsets.size() != 1 || value.args.empty()) {
    return false;
  }
  spec.referenced_table = {value.text,
                           place_of(annotation, value.offset, value.offset + value.text.size())};
  for (const AnnotationArg& arg : value.args) {
    if (arg.key || !is_plain_identifier(arg.value)) return false;
    spec.referenced_columns.push_back({arg.value.text, place_of(annotation, arg.value)});
  }
  return true;
}

// `using = <method>` and `where = "SQL"` of an index or an exclusion
// constraint (both build an index); `example` shows a predicate. Clears `ok`
// on a mistake (reported).
template <typename Spec>
void read_method_and_where(const LocatedAnnotation& annotation, const SortedArguments& args,
                           std::string_view example, Spec& spec, bool& ok,
                           ExtractContext& context) {
  if (const AnnotationArg* method = args.find("using")) {
    auto name = read_choice(annotation, method->value, "index method", kIndexMethods, context);
    ok = ok && name.has_value();
    if (name) spec.method = *name;
  }
  if (const AnnotationArg* where = args.find("where")) {
    spec.where =
        read_string(annotation, *where, "where",
                    "expects a non-empty SQL predicate, as in " + std::string(example), context);
    ok = ok && spec.where.has_value();
    if (spec.where) {
      add_expression_columns(annotation, where->value, ExpressionKind::index_predicate,
                             spec.expression_columns);
    }
  }
}

}  // namespace

std::optional<UniqueSpec> read_unique(const LocatedAnnotation& annotation,
                                      const AnnotationItem& item, Level level,
                                      ExtractContext& context) {
  UniqueSpec spec;
  spec.place = place_of(annotation, item);
  if (item.value) {
    report_shape(spec.place, item.name, "is not written with '='", context);
    return std::nullopt;
  }
  auto args = sort_arguments(annotation, item.args, kNameKey, context);
  if (!args) return std::nullopt;
  bool ok = true;
  if (level == Level::column) {
    if (!args->positional.empty()) {
      report_shape(place_of(annotation, *args->positional[0]), item.name,
                   "on a column takes only name = \"...\", as in unique(name = \"uq_users_email\")",
                   context);
      ok = false;
    }
  } else {
    constexpr std::string_view kExpectation =
        "expects column names, as in unique(org_id, email, name = \"uq_members\")";
    if (args->positional.empty()) {
      report_shape(spec.place, item.name, kExpectation, context);
      ok = false;
    }
    ok = read_key_columns(annotation, args->positional, item.name, kExpectation, spec.columns,
                          context) &&
         ok;
  }
  spec.name = read_name(annotation, *args, ok, context);
  if (!ok) return std::nullopt;
  return spec;
}

std::optional<IndexSpec> read_index(const LocatedAnnotation& annotation, const AnnotationItem& item,
                                    Level level, ExtractContext& context) {
  IndexSpec spec;
  spec.place = place_of(annotation, item);
  if (item.value) {
    report_shape(spec.place, item.name, "is not written with '='", context);
    return std::nullopt;
  }
  auto args = sort_arguments(annotation, item.args, kIndexKeys, context);
  if (!args) return std::nullopt;
  bool ok = true;
  std::string_view expectation =
      level == Level::column
          ? "on a column takes unique, using = …, where = \"…\" and name = \"…\", as in "
            "index(unique, using = hash)"
          : "expects columns and \"SQL expressions\", as in index(org_id, \"lower(email)\", "
            "unique)";
  for (const AnnotationArg* arg : args->positional) {
    const AnnotationValue& value = arg->value;
    if (value.kind == Kind::identifier && value.text == "unique") {
      if (spec.unique) {
        context.report(place_of(annotation, *arg), context.ids.duplicate_argument) << "unique";
        ok = false;
      }
      spec.unique = true;
    } else if (level == Level::table && is_plain_identifier(value)) {
      spec.keys.push_back(IndexKey{value.text, ""});
      spec.key_places.push_back(place_of(annotation, value));
    } else if (level == Level::table && value.kind == Kind::string && !value.text.empty()) {
      spec.keys.push_back(IndexKey{"", value.text});
      spec.key_places.push_back(place_of(annotation, value));
      add_expression_columns(annotation, value, ExpressionKind::index_expression,
                             spec.expression_columns);
    } else {
      report_shape(place_of(annotation, *arg), item.name, expectation, context);
      ok = false;
    }
  }
  if (level == Level::table && spec.keys.empty() && ok) {
    report_shape(spec.place, item.name, expectation, context);
    ok = false;
  }
  read_method_and_where(annotation, *args, "where = \"deleted_at IS NULL\"", spec, ok, context);
  spec.name = read_name(annotation, *args, ok, context);
  if (!ok) return std::nullopt;
  return spec;
}

// "room WITH =": the column and the operator of one element; nothing when
// the text is not an identifier, WITH (any case) and operator characters.
std::optional<std::pair<std::string, std::string>> exclude_element(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (space(c)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else {
      word += c;
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  if (words.size() != 3) return std::nullopt;
  std::string with = words[1];
  for (char& c : with) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const bool column_ok =
      !words[0].empty() &&
      std::all_of(words[0].begin(), words[0].end(),
                  [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }) &&
      !std::isdigit(static_cast<unsigned char>(words[0][0]));
  const bool operator_ok = std::all_of(words[2].begin(), words[2].end(), [](char c) {
    return std::string_view("+-*/<>=~!@#%^&|`?").find(c) != std::string_view::npos;
  });
  if (!column_ok || with != "with" || !operator_ok) return std::nullopt;
  return std::make_pair(words[0], words[2]);
}

std::optional<ExcludeSpec> read_exclude(const LocatedAnnotation& annotation,
                                        const AnnotationItem& item, ExtractContext& context) {
  ExcludeSpec spec;
  spec.place = place_of(annotation, item);
  constexpr std::string_view kExpectation =
      "expects \"column WITH operator\" elements, as in exclude(\"during WITH &&\", "
      "\"room WITH =\", using = gist)";
  if (!item.has_parens || item.value) {
    report_shape(spec.place, item.name, kExpectation, context);
    return std::nullopt;
  }
  auto args = sort_arguments(annotation, item.args, kIndexKeys, context);
  if (!args) return std::nullopt;
  bool ok = !args->positional.empty();
  if (!ok) report_shape(spec.place, item.name, kExpectation, context);
  for (const AnnotationArg* arg : args->positional) {
    const AnnotationValue& value = arg->value;
    auto element = value.kind == Kind::string ? exclude_element(value.text) : std::nullopt;
    if (!element) {
      report_shape(place_of(annotation, *arg), item.name, kExpectation, context);
      ok = false;
      continue;
    }
    spec.columns.push_back({element->first, place_of(annotation, value)});
    spec.operators.push_back(element->second);
  }
  read_method_and_where(annotation, *args, "where = \"room > 0\"", spec, ok, context);
  spec.name = read_name(annotation, *args, ok, context);
  if (!ok) return std::nullopt;
  return spec;
}

std::optional<CheckSpec> read_check(const LocatedAnnotation& annotation, const AnnotationItem& item,
                                    ExtractContext& context) {
  CheckSpec spec;
  spec.place = place_of(annotation, item);
  constexpr std::string_view kExpectation =
      "expects one SQL expression, as in check(\"price >= 0\") or check(\"price >= 0\", name = "
      "positive_price)";
  if (!item.has_parens) {
    report_shape(spec.place, item.name, kExpectation, context);
    return std::nullopt;
  }
  auto args = sort_arguments(annotation, item.args, kNameKey, context);
  if (!args) return std::nullopt;
  if (args->positional.size() != 1 || args->positional[0]->value.kind != Kind::string ||
      args->positional[0]->value.text.empty()) {
    report_shape(
        args->positional.size() > 1 ? place_of(annotation, *args->positional[1]) : spec.place,
        item.name, kExpectation, context);
    return std::nullopt;
  }
  const AnnotationValue& expression = args->positional[0]->value;
  spec.expression = expression.text;
  add_expression_columns(annotation, expression, ExpressionKind::check, spec.expression_columns);
  if (const AnnotationArg* name = args->find("name")) {
    const AnnotationValue& value = name->value;
    bool label = is_plain_identifier(value);
    if (!label && (value.kind != Kind::string || value.text.empty())) {
      report_shape(place_of(annotation, *name), "name",
                   "of a check expects a label (name = positive_price gives "
                   "ck_<table>_positive_price) or a full name (name = \"price_positive\")",
                   context);
      return std::nullopt;
    }
    spec.name = ExplicitName{value.text, place_of(annotation, *name), label};
  }
  return spec;
}

std::optional<ForeignKeySpec> read_references(const LocatedAnnotation& annotation,
                                              const AnnotationItem& item, ExtractContext& context) {
  ForeignKeySpec spec;
  spec.place = place_of(annotation, item);
  constexpr std::string_view kExpectation =
      "expects the referenced table or column, as in references(users.id, on_delete = cascade)";
  if (!item.has_parens) {
    report_shape(spec.place, item.name, kExpectation, context);
    return std::nullopt;
  }
  auto args = sort_arguments(annotation, item.args, kReferencesKeys, context);
  if (!args) return std::nullopt;
  if (args->positional.size() != 1 || !read_target(annotation, args->positional[0]->value, spec) ||
      spec.referenced_columns.size() > 1) {
    report_shape(
        args->positional.empty() ? spec.place : place_of(annotation, *args->positional.back()),
        item.name, kExpectation, context);
    return std::nullopt;
  }
  if (!read_foreign_key_options(annotation, *args, spec, context)) return std::nullopt;
  return spec;
}

std::optional<ForeignKeySpec> read_foreign_key(const LocatedAnnotation& annotation,
                                               const AnnotationItem& item,
                                               ExtractContext& context) {
  ForeignKeySpec spec;
  spec.place = place_of(annotation, item);
  constexpr std::string_view kExpectation =
      "expects columns and references = table(columns), as in foreign_key(org_id, region, "
      "references = orgs(id, region))";
  if (!item.has_parens) {
    report_shape(spec.place, item.name, kExpectation, context);
    return std::nullopt;
  }
  auto args = sort_arguments(annotation, item.args, kForeignKeyKeys, context);
  if (!args) return std::nullopt;
  bool ok = read_key_columns(annotation, args->positional, item.name, kExpectation, spec.columns,
                             context);
  const AnnotationArg* target = args->find("references");
  if (ok && (spec.columns.empty() || target == nullptr)) {
    report_shape(spec.place, item.name, kExpectation, context);
    ok = false;
  } else if (target != nullptr && !read_target(annotation, target->value, spec)) {
    report_shape(place_of(annotation, *target), "references",
                 "expects a table or table(columns), as in references = orgs(id, region)", context);
    ok = false;
  }
  ok = read_foreign_key_options(annotation, *args, spec, context) && ok;
  if (!ok) return std::nullopt;
  return spec;
}

std::optional<PrimaryKeySpec> read_table_primary_key(const LocatedAnnotation& annotation,
                                                     const AnnotationItem& item,
                                                     ExtractContext& context) {
  PrimaryKeySpec spec;
  spec.place = place_of(annotation, item);
  constexpr std::string_view kExpectation =
      "expects the key's column names, as in primary_key(user_id, org_id)";
  if (!item.has_parens || item.args.empty()) {
    report_shape(spec.place, item.name, kExpectation, context);
    return std::nullopt;
  }
  auto args = sort_arguments(annotation, item.args, kNameKey, context);
  if (!args) return std::nullopt;
  bool ok = read_key_columns(annotation, args->positional, item.name, kExpectation, spec.columns,
                             context);
  if (ok && spec.columns.empty()) {
    report_shape(spec.place, item.name, kExpectation, context);
    ok = false;
  }
  spec.name = read_name(annotation, *args, ok, context);
  if (!ok) return std::nullopt;
  return spec;
}

std::optional<std::string> read_comment(const LocatedAnnotation& annotation,
                                        const AnnotationItem& item, ExtractContext& context) {
  const AnnotationValue* text = single_value(item, Kind::string);
  if (text == nullptr || text->text.empty()) {
    report_shape(place_of(annotation, item), item.name,
                 "expects one non-empty string, as in comment(\"Support tickets\")", context);
    return std::nullopt;
  }
  return text->text;
}

std::optional<RenameSpec> read_renamed_from(const LocatedAnnotation& annotation,
                                            const AnnotationItem& item, ExtractContext& context) {
  const AnnotationValue* old_name = single_value(item, Kind::identifier);
  if (old_name == nullptr || old_name->part_offsets.size() != 1) {
    old_name = single_value(item, Kind::string);
  }
  if (old_name == nullptr || old_name->text.empty()) {
    report_shape(place_of(annotation, item), item.name,
                 "expects the previous name, as in renamed_from(email)", context);
    return std::nullopt;
  }
  return RenameSpec{old_name->text, place_of(annotation, *old_name)};
}

}  // namespace structmig::extract

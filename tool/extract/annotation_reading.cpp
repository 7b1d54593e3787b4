// The shared pieces of reading annotation items: where things are, and the
// diagnostics for arguments that are unknown, repeated or of the wrong shape.
#include "extract/annotation_reading.hpp"

#include <algorithm>

#include <clang/Basic/Diagnostic.h>

namespace structmig::extract {

Place place_of(const LocatedAnnotation& annotation, std::size_t begin, std::size_t end) {
  return {annotation.location_of(begin), annotation.range_of(begin, end)};
}
Place place_of(const LocatedAnnotation& annotation, const AnnotationItem& item) {
  return place_of(annotation, item.offset, item.end);
}
Place place_of(const LocatedAnnotation& annotation, const AnnotationArg& arg) {
  return place_of(annotation, arg.offset, arg.value.end);
}
Place place_of(const LocatedAnnotation& annotation, const AnnotationValue& value) {
  return place_of(annotation, value.offset, value.end);
}
Place name_place_of(const LocatedAnnotation& annotation, const AnnotationItem& item) {
  return place_of(annotation, item.offset, item.offset + item.name.size());
}

std::string join(std::span<const std::string_view> names) {
  std::string joined;
  for (std::string_view name : names) {
    if (!joined.empty()) joined += ", ";
    joined += name;
  }
  return joined;
}

std::string join(const std::vector<std::string>& names) {
  std::vector<std::string_view> views(names.begin(), names.end());
  return join(views);
}

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

void report_unknown_argument(const LocatedAnnotation& annotation, std::size_t offset,
                             std::string_view name, std::span<const std::string_view> known,
                             ExtractContext& context) {
  clang::CharSourceRange range = annotation.range_of(offset, offset + name.size());
  auto suggestion = closest_name(name, std::vector<std::string>(known.begin(), known.end()));
  if (!suggestion) {
    context.report(annotation.location_of(offset), context.ids.unknown_argument)
        << name << join(known) << range;
    return;
  }
  auto diagnostic =
      context.report(annotation.location_of(offset), context.ids.unknown_argument_suggest);
  diagnostic << name << *suggestion << range;
  if (annotation.exact()) diagnostic << clang::FixItHint::CreateReplacement(range, *suggestion);
}

void report_stray_string(const LocatedAnnotation& annotation, const AnnotationItem& item,
                         ExtractContext& context) {
  context.report(place_of(annotation, item), context.ids.argument_shape)
      << "\"" + item.value->text + "\""
      << "is a bare string; strings go inside an argument, as in default(\"now()\")";
}

void report_shape(const Place& place, std::string_view name, std::string_view expectation,
                  ExtractContext& context) {
  context.report(place, context.ids.argument_shape) << name << expectation;
}

bool first_time(std::set<std::string>& seen, const LocatedAnnotation& annotation,
                const AnnotationItem& item, ExtractContext& context) {
  if (seen.insert(item.name).second) return true;
  context.report(place_of(annotation, item), context.ids.duplicate_argument) << item.name;
  return false;
}

bool has_no_arguments(const AnnotationItem& item) { return !item.has_parens && !item.value; }

const AnnotationValue* single_value(const AnnotationItem& item, AnnotationValue::Kind kind) {
  if (!item.has_parens || item.args.size() != 1 || item.args[0].key ||
      item.args[0].value.kind != kind) {
    return nullptr;
  }
  return &item.args[0].value;
}

const AnnotationArg* SortedArguments::find(std::string_view key) const {
  auto it = keyword.find(std::string(key));
  return it == keyword.end() ? nullptr : it->second;
}

std::optional<SortedArguments> sort_arguments(const LocatedAnnotation& annotation,
                                              const std::vector<AnnotationArg>& args,
                                              std::span<const std::string_view> keys,
                                              ExtractContext& context) {
  SortedArguments sorted;
  bool ok = true;
  for (const AnnotationArg& arg : args) {
    if (!arg.key) {
      sorted.positional.push_back(&arg);
      continue;
    }
    if (std::find(keys.begin(), keys.end(), *arg.key) == keys.end()) {
      report_unknown_argument(annotation, arg.offset, *arg.key, keys, context);
      ok = false;
    } else if (!sorted.keyword.emplace(*arg.key, &arg).second) {
      context.report(place_of(annotation, arg), context.ids.duplicate_argument) << *arg.key;
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return sorted;
}

std::optional<std::string> read_choice(const LocatedAnnotation& annotation,
                                       const AnnotationValue& value, std::string_view what,
                                       std::span<const std::string_view> choices,
                                       ExtractContext& context) {
  if (value.kind == AnnotationValue::Kind::identifier &&
      std::find(choices.begin(), choices.end(), value.text) != choices.end()) {
    return value.text;
  }
  Place place = place_of(annotation, value);
  const std::string& spelled = value.text;
  auto suggestion = closest_name(spelled, std::vector<std::string>(choices.begin(), choices.end()));
  if (suggestion && value.kind == AnnotationValue::Kind::identifier) {
    auto diagnostic = context.report(place, context.ids.unknown_choice_suggest);
    diagnostic << what << spelled << *suggestion;
    if (annotation.exact()) {
      diagnostic << clang::FixItHint::CreateReplacement(place.range, *suggestion);
    }
  } else {
    context.report(place, context.ids.unknown_choice) << what << spelled << join(choices);
  }
  return std::nullopt;
}

std::optional<std::string> read_string(const LocatedAnnotation& annotation,
                                       const AnnotationArg& arg, std::string_view what,
                                       std::string_view expectation, ExtractContext& context) {
  if (arg.value.kind == AnnotationValue::Kind::string && !arg.value.text.empty()) {
    return arg.value.text;
  }
  report_shape(place_of(annotation, arg), what, expectation, context);
  return std::nullopt;
}

}  // namespace structmig::extract

// Helpers for reading parsed annotation items into model values: places of
// items and values, the common shape checks, keyword arguments, and the
// "unknown X; did you mean Y?" diagnostics every reader reports.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/annotation_source.hpp"
#include "extract/extract_context.hpp"

namespace structmig::extract {

Place place_of(const LocatedAnnotation& annotation, std::size_t begin, std::size_t end);
Place place_of(const LocatedAnnotation& annotation, const AnnotationItem& item);
Place place_of(const LocatedAnnotation& annotation, const AnnotationArg& arg);
Place place_of(const LocatedAnnotation& annotation, const AnnotationValue& value);
/// Where a name is written: just the item's (or the key's) identifier.
Place name_place_of(const LocatedAnnotation& annotation, const AnnotationItem& item);

/// "a, b, c".
std::string join(std::span<const std::string_view> names);
std::string join(const std::vector<std::string>& names);

/// The known name closest to `name`, when close enough to be a typo of it.
std::optional<std::string> closest_name(std::string_view name,
                                        const std::vector<std::string>& known);

void report_malformed(const LocatedAnnotation& annotation, ExtractContext& context);

/// "unknown annotation argument 'x'; did you mean 'y'?" (or the list of
/// known names) at the name written at `offset`, with a fix-it.
void report_unknown_argument(const LocatedAnnotation& annotation, std::size_t offset,
                             std::string_view name, std::span<const std::string_view> known,
                             ExtractContext& context);

/// A bare string item where a named argument is expected.
void report_stray_string(const LocatedAnnotation& annotation, const AnnotationItem& item,
                         ExtractContext& context);

/// "annotation argument 'name' <expectation>".
void report_shape(const Place& place, std::string_view name, std::string_view expectation,
                  ExtractContext& context);

/// False (after reporting) when `item` repeats an argument already in `seen`.
bool first_time(std::set<std::string>& seen, const LocatedAnnotation& annotation,
                const AnnotationItem& item, ExtractContext& context);

bool has_no_arguments(const AnnotationItem& item);

/// The single value of `name(value)` when it has the wanted kind.
const AnnotationValue* single_value(const AnnotationItem& item, AnnotationValue::Kind kind);

/// An item's (or call's) arguments sorted into positional and keyword ones.
struct SortedArguments {
  std::vector<const AnnotationArg*> positional;
  std::map<std::string, const AnnotationArg*> keyword;

  const AnnotationArg* find(std::string_view key) const;
};

/// Sorts `args`; reports keys not in `keys` and repeated keys, and then
/// returns nothing.
std::optional<SortedArguments> sort_arguments(const LocatedAnnotation& annotation,
                                              const std::vector<AnnotationArg>& args,
                                              std::span<const std::string_view> keys,
                                              ExtractContext& context);

/// The identifier `value` when it is one of `choices`; otherwise reports
/// "unknown <what> 'x'; did you mean 'y'?" (or "expected one of") and
/// returns nothing.
std::optional<std::string> read_choice(const LocatedAnnotation& annotation,
                                       const AnnotationValue& value, std::string_view what,
                                       std::span<const std::string_view> choices,
                                       ExtractContext& context);

/// A non-empty string value (`name = "x"`, `where = "…"`); reports
/// "annotation argument '<what>' <expectation>" otherwise.
std::optional<std::string> read_string(const LocatedAnnotation& annotation,
                                       const AnnotationArg& arg, std::string_view what,
                                       std::string_view expectation, ExtractContext& context);

}  // namespace structmig::extract

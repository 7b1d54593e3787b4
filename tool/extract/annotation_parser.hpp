// Parses the argument text of STRUCTMIG_TABLE / _COLUMN / _ENUM / _LABEL(...)
// (for example `varchar(20), references(users.id, on_delete = cascade)`) into
// items, keeping the byte offset of every piece (down to each dotted part and
// each decoded string byte) so mistakes are reported at the exact character.
// Plain C++: no Clang, so it is tested on its own.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace structmig::extract {

struct AnnotationArg;

/// One value: an identifier (possibly dotted, `users.id`), a call of one
/// (`organizations(id, region)`), an integer, or a string literal with its
/// escapes decoded.
struct AnnotationValue {
  enum class Kind { identifier, call, integer, string };

  Kind kind = Kind::identifier;
  std::string text;        // "users.id", the callee, "-12", or the decoded string contents
  std::size_t offset = 0;  // first byte of the value in the parsed text
  std::size_t end = 0;     // one past its last byte (a call's ')')
  /// identifier and call: the offset of each dotted part ("users", "id").
  std::vector<std::size_t> part_offsets;
  /// string: the offset of the source character each decoded byte came from
  /// (the backslash of an escape), so a spot inside SQL text is reportable.
  std::vector<std::size_t> byte_offsets;
  std::vector<AnnotationArg> args;  // call: its arguments

  /// The dotted parts of an identifier or callee: "users.id" → {"users", "id"}.
  std::vector<std::string> parts() const;
};

/// One argument inside parentheses: `value` or `key = value`.
struct AnnotationArg {
  std::optional<std::string> key;  // `on_delete` in `on_delete = cascade`
  std::size_t offset = 0;          // first byte of the argument (its key, if any)
  AnnotationValue value;
};

/// One comma-separated item: `name`, `name(arg, ...)`, `name = value`, or a
/// bare string literal (`STRUCTMIG_LABEL("in review")`: empty name, `value` set).
struct AnnotationItem {
  std::string name;
  std::size_t offset = 0;  // first byte of the name (or of the string)
  std::size_t end = 0;     // one past the item's last byte (its ')' or value)
  bool has_parens = false;
  std::vector<AnnotationArg> args;       // empty unless has_parens
  std::optional<AnnotationValue> value;  // set for `name = value` and a bare string

  bool is_string() const { return name.empty() && value.has_value(); }
};

struct AnnotationError {
  std::size_t offset = 0;  // the offending byte (text.size() at end of text)
  std::string message;     // "expected ')'", "unterminated string", ...
};

/// Either the items or the first error; never both.
struct ParsedAnnotation {
  std::vector<AnnotationItem> items;
  std::optional<AnnotationError> error;

  bool ok() const { return !error.has_value(); }
};

/// Parses `item {',' item}` (empty text gives no items):
///   item  := ident ['(' [arg {',' arg}] ')' | '=' value] | string
///   arg   := [ident '='] value
///   value := ident {'.' ident} ['(' [arg {',' arg}] ')'] | integer | string {string} Whitespace
///   and C/C++
/// comments between tokens are skipped, so raw macro source parses the same
/// as the stringified text of the annotation.
ParsedAnnotation parse_annotation(std::string_view text);

/// The parse result written back in one normalised spelling (no offsets), e.g.
/// `varchar(20), default("'normal'")` or `error: expected ')'`. Two texts
/// that mean the same thing give the same canonical spelling.
std::string canonical_spelling(const ParsedAnnotation& parsed);

}  // namespace structmig::extract

// Parses the argument text of STRUCTMIG_TABLE(...) / STRUCTMIG_COLUMN(...)
// (for example `varchar(20), default("'normal'")`) into items, keeping the byte
// offset of every piece so mistakes can be reported at the exact character.
// Plain C++: no Clang, so it is tested on its own.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace structmig::extract {

/// One value: an identifier (possibly dotted, `users.id`), an integer, or a
/// string literal with its escapes decoded.
struct AnnotationValue {
  enum class Kind { identifier, integer, string };

  Kind kind = Kind::identifier;
  std::string text;        // "users.id", "-12", or the decoded string contents
  std::size_t offset = 0;  // first byte of the value in the parsed text
  std::size_t end = 0;     // one past its last byte
};

/// One argument inside an item's parentheses: `value` or `key = value`.
struct AnnotationArg {
  std::optional<std::string> key;  // `on_delete` in `on_delete = cascade`
  std::size_t offset = 0;          // first byte of the argument (its key, if any)
  AnnotationValue value;
};

/// One comma-separated item: `name`, `name(arg, ...)` or `name = value`.
struct AnnotationItem {
  std::string name;
  std::size_t offset = 0;  // first byte of the name
  std::size_t end = 0;     // one past the item's last byte (its ')' or value)
  bool has_parens = false;
  std::vector<AnnotationArg> args;       // empty unless has_parens
  std::optional<AnnotationValue> value;  // set for `name = value`
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

/// Parses `item {',' item}` (empty text gives no items). Whitespace and C/C++
/// comments between tokens are skipped, so raw macro source parses the same
/// as the stringified text of the annotation.
ParsedAnnotation parse_annotation(std::string_view text);

/// The parse result written back in one normalised spelling (no offsets), e.g.
/// `varchar(20), default("'normal'")` or `error: expected ')'`. Two texts
/// that mean the same thing give the same canonical spelling.
std::string canonical_spelling(const ParsedAnnotation& parsed);

}  // namespace structmig::extract

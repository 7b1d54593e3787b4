// A hand-written recursive-descent parser for annotation argument text:
//   text  := [item {',' item}]
//   item  := ident ['(' [arg {',' arg}] ')' | '=' value] | string
//   arg   := [ident '='] value
//   value := ident {'.' ident} ['(' [arg {',' arg}] ')'] | integer | string {string}
// It stops at the first error and reports the offending byte.
#include "extract/annotation_parser.hpp"

#include <cctype>
#include <utility>

namespace structmig::extract {
namespace {

bool is_ident_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool is_ident_char(char c) {
  return is_ident_start(c) || std::isdigit(static_cast<unsigned char>(c)) != 0;
}
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_octal(char c) { return c >= '0' && c <= '7'; }
int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

class AnnotationTextParser {
 public:
  explicit AnnotationTextParser(std::string_view text) : text_(text) {}

  ParsedAnnotation parse() {
    ParsedAnnotation result;
    if (!skip_space()) return fail(std::move(result));
    if (at_end()) return result;
    while (true) {
      auto item = parse_item();
      if (!item) return fail(std::move(result));
      result.items.push_back(std::move(*item));
      if (!skip_space()) return fail(std::move(result));
      if (at_end()) return result;
      if (peek() != ',') {
        set_error(pos_, "expected ','");
        return fail(std::move(result));
      }
      ++pos_;
      if (!skip_space()) return fail(std::move(result));
    }
  }

 private:
  ParsedAnnotation fail(ParsedAnnotation result) {
    result.items.clear();
    result.error = std::move(error_);
    return result;
  }

  bool at_end() const { return pos_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  void set_error(std::size_t offset, std::string message) {
    error_ = AnnotationError{offset, std::move(message)};
  }

  // Skips whitespace and comments; false on an unterminated block comment.
  bool skip_space() {
    while (!at_end()) {
      char c = peek();
      if (std::isspace(static_cast<unsigned char>(c)) != 0) {
        ++pos_;
      } else if (c == '/' && peek(1) == '/') {
        while (!at_end() && peek() != '\n') ++pos_;
      } else if (c == '/' && peek(1) == '*') {
        std::size_t start = pos_;
        std::size_t close = text_.find("*/", pos_ + 2);
        if (close == std::string_view::npos) {
          set_error(start, "unterminated comment");
          return false;
        }
        pos_ = close + 2;
      } else {
        break;
      }
    }
    return true;
  }

  std::string take_identifier() {
    std::size_t start = pos_;
    while (!at_end() && is_ident_char(peek())) ++pos_;
    return std::string(text_.substr(start, pos_ - start));
  }

  std::optional<AnnotationItem> parse_item() {
    if (peek() == '"') {  // a bare string: STRUCTMIG_LABEL("in review")
      AnnotationItem item;
      item.offset = pos_;
      auto value = parse_strings();
      if (!value) return std::nullopt;
      item.end = value->end;
      item.value = std::move(*value);
      return item;
    }
    if (!is_ident_start(peek())) {
      set_error(pos_, at_end() ? "expected an annotation argument"
                               : "expected an annotation argument name");
      return std::nullopt;
    }
    AnnotationItem item;
    item.offset = pos_;
    item.name = take_identifier();
    item.end = pos_;
    std::size_t after_name = pos_;
    if (!skip_space()) return std::nullopt;
    if (peek() == '(') {
      item.has_parens = true;
      ++pos_;
      if (!parse_args(item.args)) return std::nullopt;
      item.end = pos_;
    } else if (peek() == '=') {
      ++pos_;
      if (!skip_space()) return std::nullopt;
      auto value = parse_value("expected a value after '='");
      if (!value) return std::nullopt;
      item.end = value->end;
      item.value = std::move(*value);
    } else {
      pos_ = after_name;  // leave the separator to the caller
    }
    return item;
  }

  // After '(': parses `[arg {',' arg}] ')'`.
  bool parse_args(std::vector<AnnotationArg>& args) {
    if (!skip_space()) return false;
    if (peek() == ')') {
      ++pos_;
      return true;
    }
    while (true) {
      if (at_end()) {
        set_error(pos_, "expected ')'");
        return false;
      }
      auto arg = parse_arg();
      if (!arg) return false;
      args.push_back(std::move(*arg));
      if (!skip_space()) return false;
      if (peek() == ')') {
        ++pos_;
        return true;
      }
      if (at_end()) {
        set_error(pos_, "expected ')'");
        return false;
      }
      if (peek() != ',') {
        set_error(pos_, "expected ',' or ')'");
        return false;
      }
      ++pos_;
      if (!skip_space()) return false;
    }
  }

  std::optional<AnnotationArg> parse_arg() {
    AnnotationArg arg;
    arg.offset = pos_;
    if (is_ident_start(peek())) {
      // `key = value` or a (dotted) identifier value: look past the name.
      std::size_t start = pos_;
      std::string name = take_identifier();
      if (!skip_space()) return std::nullopt;
      if (peek() == '=') {
        ++pos_;
        if (!skip_space()) return std::nullopt;
        auto value = parse_value("expected a value after '='");
        if (!value) return std::nullopt;
        arg.key = std::move(name);
        arg.value = std::move(*value);
        return arg;
      }
      pos_ = start;
    }
    auto value = parse_value("expected an identifier, integer or string");
    if (!value) return std::nullopt;
    arg.value = std::move(*value);
    return arg;
  }

  std::optional<AnnotationValue> parse_value(const char* expected_message) {
    char c = peek();
    if (is_ident_start(c)) return parse_dotted_identifier();
    if (is_digit(c) || ((c == '-' || c == '+') && is_digit(peek(1)))) return parse_integer();
    if (c == '"') return parse_strings();
    set_error(pos_, expected_message);
    return std::nullopt;
  }

  // A dotted identifier, and its call when '(' follows.
  std::optional<AnnotationValue> parse_dotted_identifier() {
    AnnotationValue value;
    value.kind = AnnotationValue::Kind::identifier;
    value.offset = pos_;
    value.part_offsets.push_back(pos_);
    value.text = take_identifier();
    value.end = pos_;
    while (true) {
      std::size_t before = pos_;
      if (!skip_space()) return std::nullopt;
      if (peek() == '(') {
        ++pos_;
        value.kind = AnnotationValue::Kind::call;
        if (!parse_args(value.args)) return std::nullopt;
        value.end = pos_;
        return value;
      }
      if (peek() != '.') {
        pos_ = before;
        return value;
      }
      ++pos_;
      if (!skip_space()) return std::nullopt;
      if (!is_ident_start(peek())) {
        set_error(pos_, "expected an identifier after '.'");
        return std::nullopt;
      }
      value.part_offsets.push_back(pos_);
      value.text += '.';
      value.text += take_identifier();
      value.end = pos_;
    }
  }

  std::optional<AnnotationValue> parse_integer() {
    AnnotationValue value;
    value.kind = AnnotationValue::Kind::integer;
    value.offset = pos_;
    if (peek() == '-' || peek() == '+') ++pos_;
    while (is_digit(peek())) ++pos_;
    if (is_ident_char(peek()) || peek() == '.') {
      set_error(pos_, "invalid integer");
      return std::nullopt;
    }
    value.text = std::string(text_.substr(value.offset, pos_ - value.offset));
    value.end = pos_;
    return value;
  }

  // One or more adjacent string literals, concatenated as C++ does.
  std::optional<AnnotationValue> parse_strings() {
    AnnotationValue value;
    value.kind = AnnotationValue::Kind::string;
    value.offset = pos_;
    while (true) {
      if (!parse_string(value)) return std::nullopt;
      value.end = pos_;
      if (!skip_space()) return std::nullopt;
      if (peek() != '"') {
        pos_ = value.end;
        return value;
      }
    }
  }

  // At '"': appends the decoded contents of one string literal to `value`,
  // with the source offset of every decoded byte.
  bool parse_string(AnnotationValue& value) {
    std::size_t open = pos_;
    ++pos_;
    while (true) {
      if (at_end() || peek() == '\n') {
        set_error(open, "unterminated string");
        return false;
      }
      char c = peek();
      if (c == '"') {
        ++pos_;
        return true;
      }
      value.byte_offsets.push_back(pos_);
      if (c != '\\') {
        value.text += c;
        ++pos_;
        continue;
      }
      if (pos_ + 1 >= text_.size()) {
        set_error(open, "unterminated string");
        return false;
      }
      if (!parse_escape(value.text)) return false;
    }
  }

  // At '\\': decodes one escape sequence.
  bool parse_escape(std::string& out) {
    std::size_t backslash = pos_;
    char c = peek(1);
    pos_ += 2;
    // Simple escapes: \" \' \\ \? \a \b \f \n \r \t \v.
    constexpr std::string_view kSimple = "\"'\\?abfnrtv";
    constexpr std::string_view kMeaning = "\"'\\?\a\b\f\n\r\t\v";
    if (std::size_t at = kSimple.find(c); c != '\0' && at != std::string_view::npos) {
      out += kMeaning[at];
      return true;
    }
    unsigned code = 0;
    if (is_octal(c)) {
      code = static_cast<unsigned>(c - '0');
      for (int i = 0; i < 2 && is_octal(peek()); ++i, ++pos_) code = code * 8 + (peek() - '0');
    } else if (c == 'x') {
      if (hex_value(peek()) < 0) {
        set_error(backslash, "\\x used with no following hex digits");
        return false;
      }
      for (; hex_value(peek()) >= 0; ++pos_) {
        code = code * 16 + static_cast<unsigned>(hex_value(peek()));
        if (code > 0xFF) break;
      }
    } else {
      set_error(backslash, std::string("unknown escape sequence '\\") + c + "'");
      return false;
    }
    if (code > 0xFF) {
      set_error(backslash, "escape sequence out of range");
      return false;
    }
    out += static_cast<char>(code);
    return true;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  std::optional<AnnotationError> error_;
};

void append_quoted(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (byte < 0x20 || byte == 0x7f) {
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    } else {
      out += c;
    }
  }
  out += '"';
}

void append_value(std::string& out, const AnnotationValue& value);

void append_args(std::string& out, const std::vector<AnnotationArg>& args) {
  out += '(';
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i != 0) out += ", ";
    if (args[i].key) out += *args[i].key + " = ";
    append_value(out, args[i].value);
  }
  out += ')';
}

void append_value(std::string& out, const AnnotationValue& value) {
  if (value.kind == AnnotationValue::Kind::string) {
    append_quoted(out, value.text);
    return;
  }
  out += value.text;
  if (value.kind == AnnotationValue::Kind::call) append_args(out, value.args);
}

}  // namespace

std::vector<std::string> AnnotationValue::parts() const {
  std::vector<std::string> result;
  std::size_t start = 0;
  while (true) {
    std::size_t dot = text.find('.', start);
    result.push_back(text.substr(start, dot - start));
    if (dot == std::string::npos) return result;
    start = dot + 1;
  }
}

ParsedAnnotation parse_annotation(std::string_view text) {
  return AnnotationTextParser(text).parse();
}

std::string canonical_spelling(const ParsedAnnotation& parsed) {
  if (parsed.error) return "error: " + parsed.error->message;
  std::string out;
  for (std::size_t i = 0; i < parsed.items.size(); ++i) {
    const AnnotationItem& item = parsed.items[i];
    if (i != 0) out += ", ";
    out += item.name;
    if (item.has_parens) append_args(out, item.args);
    if (item.value) {
      if (!item.is_string()) out += " = ";
      append_value(out, *item.value);
    }
  }
  return out;
}

}  // namespace structmig::extract

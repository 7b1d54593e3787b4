// PostgreSQL's array text format, one dimension: writing elements always
// quoted, and reading quoted, unquoted and NULL elements (an optional
// "[lower:upper]=" bound decoration is skipped).
#include "structmig/orm_codec.hpp"

namespace structmig::detail {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool equals_null(std::string_view token) {
  return token.size() == 4 && (token[0] == 'N' || token[0] == 'n') &&
         (token[1] == 'U' || token[1] == 'u') && (token[2] == 'L' || token[2] == 'l') &&
         (token[3] == 'L' || token[3] == 'l');
}

}  // namespace

void append_array_element(std::string_view element, std::string& out) {
  out += '"';
  for (char c : element) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

std::vector<std::optional<std::string>> split_array(std::string_view text) {
  std::size_t i = 0;
  if (!text.empty() && text[0] == '[') {  // explicit bounds: [0:2]={...}
    const std::size_t equals = text.find('=');
    if (equals == std::string_view::npos) throw ConversionFailure("not an array");
    if (text.find('[', 1) < equals) throw ConversionFailure("a multi-dimensional array");
    i = equals + 1;
  }
  while (i < text.size() && is_space(text[i])) ++i;
  if (i >= text.size() || text[i] != '{') throw ConversionFailure("not an array");
  ++i;
  std::vector<std::optional<std::string>> elements;
  while (i < text.size() && is_space(text[i])) ++i;
  if (i < text.size() && text[i] == '}') {
    ++i;
  } else {
    for (;;) {
      while (i < text.size() && is_space(text[i])) ++i;
      if (i >= text.size()) throw ConversionFailure("an unterminated array");
      if (text[i] == '{') throw ConversionFailure("a multi-dimensional array");
      if (text[i] == '"') {
        std::string element;
        ++i;
        for (;; ++i) {
          if (i >= text.size()) throw ConversionFailure("an unterminated quoted array element");
          if (text[i] == '\\') {
            if (++i >= text.size()) throw ConversionFailure("an unterminated quoted array element");
            element += text[i];
          } else if (text[i] == '"') {
            ++i;
            break;
          } else {
            element += text[i];
          }
        }
        elements.emplace_back(std::move(element));
      } else {
        std::string element;
        while (i < text.size() && text[i] != ',' && text[i] != '}') {
          if (text[i] == '\\' && i + 1 < text.size()) ++i;
          element += text[i++];
        }
        while (!element.empty() && is_space(element.back())) element.pop_back();
        if (equals_null(element)) {
          elements.emplace_back(std::nullopt);
        } else {
          elements.emplace_back(std::move(element));
        }
      }
      while (i < text.size() && is_space(text[i])) ++i;
      if (i >= text.size()) throw ConversionFailure("an unterminated array");
      if (text[i] == ',') {
        ++i;
        continue;
      }
      if (text[i] == '}') {
        ++i;
        break;
      }
      throw ConversionFailure("a malformed array");
    }
  }
  while (i < text.size() && is_space(text[i])) ++i;
  if (i != text.size()) throw ConversionFailure("text after the array");
  return elements;
}

}  // namespace structmig::detail

// Escaping of C++ string literals (see cpp_literal.hpp).
#include "render/cpp_literal.hpp"

namespace structmig::render {

std::string cpp_string_literal(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  append_cpp_string_literal(out, text);
  return out;
}

void append_cpp_string_literal(std::string& out, std::string_view text) {
  out += '"';
  const auto plain = [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return c != '"' && c != '\\' && byte >= 0x20 && byte != 0x7f;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    // A run of characters written as they are, appended at once.
    std::size_t end = i;
    while (end < text.size() && plain(text[end])) ++end;
    out.append(text.substr(i, end - i));
    if (end == text.size()) break;
    i = end;
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (byte < 0x20 || byte == 0x7f) {
          out += '\\';
          out += static_cast<char>('0' + ((byte >> 6) & 7));
          out += static_cast<char>('0' + ((byte >> 3) & 7));
          out += static_cast<char>('0' + (byte & 7));
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

}  // namespace structmig::render

// C++ string literals for generated code: any byte string in, a literal out
// that a compiler reads back as exactly those bytes.
#pragma once

#include <string>
#include <string_view>

namespace structmig::render {

/// `"..."` with `"` and `\` escaped, \n \t \r as themselves, other control
/// bytes (and DEL) as 3-digit octal escapes (octal, unlike \x, cannot swallow a
/// following digit). Bytes >= 0x80 are copied, so UTF-8 stays readable.
std::string cpp_string_literal(std::string_view text);
/// The same literal appended to `out` (no temporary string).
void append_cpp_string_literal(std::string& out, std::string_view text);

}  // namespace structmig::render

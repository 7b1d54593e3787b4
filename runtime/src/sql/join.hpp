// A tiny helper shared by the runtime's error messages: items joined by a
// separator ("a, b, c").
#pragma once

#include <string>
#include <string_view>

namespace structmig::detail {

template <typename Range>
std::string join(const Range& items, std::string_view separator = ", ") {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

}  // namespace structmig::detail

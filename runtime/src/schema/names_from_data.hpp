// The names of a data::Names (schema_data.hpp) up to its first nullptr, for
// the converters of generated data (schema_from_data.cpp, migration_data.cpp):
// one walk, one error for a name after the gap.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/error.hpp"
#include "structmig/schema_data.hpp"

namespace structmig::detail {

/// The names before the first nullptr, as `String` (std::string or
/// std::string_view of the same static text). Throws InvalidOperation
/// "<where()>: .<field> has name N after a nullptr" when a name follows the
/// gap; `where` is called only then.
template <typename String, typename Where>
std::vector<String> names_from_data(const data::Names& names, std::string_view field,
                                    Where where) {
  std::vector<String> out;
  std::size_t count = 0;
  while (count < data::Names::capacity && names.items[count]) ++count;
  for (std::size_t i = count; i < data::Names::capacity; ++i) {
    if (names.items[i]) {
      throw InvalidOperation(std::string(where()) + ": ." + std::string(field) + " has name " +
                             std::to_string(i + 1) + " after a nullptr");
    }
  }
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i) out.emplace_back(names.items[i]);
  return out;
}

}  // namespace structmig::detail

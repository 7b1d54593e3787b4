// MappingError's message: what was converted, where, and why it failed.
#include "structmig/orm_error.hpp"

namespace structmig {
namespace {

constexpr std::size_t max_value_bytes = 200;

std::string shown(std::string_view value) {
  if (value.size() <= max_value_bytes) return std::string(value);
  return std::string(value.substr(0, max_value_bytes)) + "…";
}

std::string describe(MappingError::Direction direction, const std::string& table,
                     const std::string& column, const std::string& value,
                     const std::string& reason) {
  const char* verb = direction == MappingError::Direction::read ? "cannot read " : "cannot write ";
  const char* preposition = direction == MappingError::Direction::read ? " from \"" : " as \"";
  return "structmig: " + std::string(verb) + table + "." + column + preposition + value +
         "\": " + reason;
}

}  // namespace

MappingError::MappingError(Direction direction, std::string table, std::string column,
                           std::string value, const std::string& reason)
    : Error(describe(direction, table, column, shown(value), reason)),
      direction_(direction),
      table_(std::move(table)),
      column_(std::move(column)),
      value_(shown(value)) {}

namespace detail {

void throw_read_error(std::string_view table, std::string_view column, std::string_view value,
                      const char* reason) {
  throw MappingError(MappingError::Direction::read, std::string(table), std::string(column),
                     std::string(value), reason);
}

void throw_write_error(std::string_view table, std::string_view column, std::string_view value,
                       const char* reason) {
  throw MappingError(MappingError::Direction::write, std::string(table), std::string(column),
                     std::string(value), reason);
}

}  // namespace detail
}  // namespace structmig

// The errors of the struct ↔ row mapping: a value that does not convert,
// reported with the table, the column and the offending value.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "structmig/error.hpp"

namespace structmig {

/// A value that does not convert between C++ and its column's text form.
/// what(): `structmig: cannot read tickets.priority from "abc": not an integer`.
class MappingError : public Error {
 public:
  enum class Direction { read, write };
  MappingError(Direction direction, std::string table, std::string column, std::string value,
               const std::string& reason);
  Direction direction() const noexcept { return direction_; }
  const std::string& table() const noexcept { return table_; }
  const std::string& column() const noexcept { return column_; }
  /// The offending value as text (cut to 200 bytes).
  const std::string& value() const noexcept { return value_; }

 private:
  Direction direction_;
  std::string table_;
  std::string column_;
  std::string value_;
};

namespace detail {

/// Thrown by a codec; the mapper adds the table, column and value.
class ConversionFailure : public Error {
 public:
  using Error::Error;
};

[[noreturn]] void throw_read_error(std::string_view table, std::string_view column,
                                   std::string_view value, const char* reason);
[[noreturn]] void throw_write_error(std::string_view table, std::string_view column,
                                    std::string_view value, const char* reason);

}  // namespace detail
}  // namespace structmig

// The schema's values as C++ designated initializers, for generated code
// (migration files, compiled_schema()): each writes exactly the fields that
// differ from their defaults, in declaration order, so a rendered value,
// compiled, equals the value it came from. Enumerators are written relative
// to namespace structmig (Identity::by_default, ForeignKeyAction::cascade):
// the code around them is inside it or says `using namespace structmig;`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "structmig/constraint.hpp"
#include "structmig/schema.hpp"

namespace structmig::render {

/// `items` joined with `separator`.
std::string join(const std::vector<std::string>& items, std::string_view separator);

/// A C++ string literal (cpp_string_literal).
std::string literal(const std::string& text);

/// {"a", "b"}
std::string string_list(const std::vector<std::string>& items);

/// {.field = value, ...}: fields added in order, optional ones only when set.
class Initializer {
 public:
  Initializer& add(std::string_view field, const std::string& value);
  Initializer& add_if(bool present, std::string_view field, const std::string& value);
  Initializer& add_optional(std::string_view field, const std::optional<std::string>& text);
  std::string str() const;

 private:
  std::vector<std::string> fields_;
};

/// One line each.
std::string column_initializer(const Column& column);
std::string unique_initializer(const UniqueConstraint& unique);
std::string check_initializer(const CheckConstraint& check);
std::string foreign_key_initializer(const ForeignKey& key);
/// The initializer of the constraint's own kind (one of the three above).
std::string constraint_initializer(const Constraint& constraint);
std::string index_initializer(const Index& index);
std::string enum_initializer(const EnumType& type);

/// A whole table over several lines: `{`, one field per line at `indent` + 4
/// (a list field one item per line at `indent` + 8), then `}` at `indent`.
/// The first line carries no indentation.
std::string table_initializer(const Table& table, std::size_t indent);

}  // namespace structmig::render

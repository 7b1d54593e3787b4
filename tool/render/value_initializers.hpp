// The schema's values as C++ designated initializers, for generated code
// (migration files, compiled_schema()): each writes exactly the fields that
// differ from their defaults, in declaration order, so a rendered value,
// compiled, equals the value it came from. A column and a constraint read the
// same as an owned value (schema.hpp) and as literal data (schema_data.hpp);
// data_declarations.hpp writes the rest of the data form. Enumerators are written relative
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

/// A C++ string literal (cpp_string_literal).
std::string literal(const std::string& text);

/// {"a", "b"}
std::string string_list(const std::vector<std::string>& items);

/// {"a", "b"} for a data::Names: at most 32 names, else
/// structmig::InvalidOperation naming `what` (PostgreSQL's limit for a key).
std::string names_list(const std::vector<std::string>& names, std::string_view what);

/// {.field = value, ...}: fields added in order, optional ones only when set.
class Initializer {
 public:
  Initializer& add(std::string_view field, const std::string& value);
  Initializer& add_if(bool present, std::string_view field, const std::string& value);
  Initializer& add_optional(std::string_view field, const std::optional<std::string>& text);
  std::string str() const;

 private:
  std::string text_;  // "{.a = x, .b = y" so far; empty before the first field
};

/// One line each, valid for both the owned and the data type.
std::string column_initializer(const Column& column);
/// The same initializer appended to `out`: the generator writes one per
/// column of every table, so without a temporary string per field.
void append_column_initializer(std::string& out, const Column& column);
/// One overload per constraint kind (the generic code picks it by type).
std::string initializer(const UniqueConstraint& unique);
std::string initializer(const CheckConstraint& check);
std::string initializer(const ForeignKey& key);
std::string initializer(const ExcludeConstraint& exclude);
/// The initializer of the constraint's own kind (one of the overloads above).
std::string constraint_initializer(const Constraint& constraint);
}  // namespace structmig::render

// Maps the C++ type of a model field to its PostgreSQL column type. Typedefs
// and aliases are looked through (std::int64_t, `using Id = long;`), and
// std::optional<T> marks the column nullable.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace clang {
class ASTContext;
class QualType;
}  // namespace clang

namespace structmig::extract {

struct MappedType {
  std::string postgres_type;  // PostgreSQL's format_type() spelling: "bigint", "text", ...
  bool nullable = false;      // the field was std::optional<T>
  bool is_text = false;       // std::string: varchar(N) may refine it
};

/// The column type for a field of C++ type `type`, or nothing when the type
/// is not supported.
std::optional<MappedType> map_field_type(clang::QualType type, const clang::ASTContext& context);

/// "character varying(N)", the type a varchar(N) annotation gives.
std::string varchar_type(unsigned length);

/// The supported C++ types, for error messages.
std::string_view supported_cxx_types();

}  // namespace structmig::extract

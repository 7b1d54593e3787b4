// Maps the C++ type of a model field to its PostgreSQL column type. Typedefs
// and aliases are looked through (std::int64_t, `using Id = long;`),
// std::optional<T> marks the column nullable, std::vector<T> makes an array,
// an enum maps to the STRUCTMIG_ENUM that names it, and structmig::defaulted<T>
// is T's column (the wrapper tells the row mapping to leave an empty field to
// the column's default; the column itself must have one).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace clang {
class ASTContext;
class EnumDecl;
class QualType;
}  // namespace clang

namespace structmig::extract {

/// Every STRUCTMIG_ENUM: its canonical declaration → its PostgreSQL name ("" when
/// its annotation was broken and has been reported).
using EnumNames = std::map<const clang::EnumDecl*, std::string>;

struct MappedType {
  std::string postgres_type;  // PostgreSQL's format_type() spelling: "bigint", "text[]", ...
  bool nullable = false;      // the field was std::optional<T>
  bool is_text = false;       // std::string or a vector of it: varchar(N) may refine it
  bool is_array = false;      // std::vector<T> (not bytea)
  bool is_integer = false;    // smallint, integer or bigint: identity may apply
  bool defaulted = false;     // structmig::defaulted<T>: needs default(...)
};

/// The result of mapping a field type: the type, or why there is none.
struct TypeMapping {
  std::optional<MappedType> type;
  const clang::EnumDecl* unannotated_enum = nullptr;  // an enum without STRUCTMIG_ENUM is why
  bool already_reported = false;  // an enum whose STRUCTMIG_ENUM annotation was wrong is why
};

/// The column type for a field of C++ type `type`.
TypeMapping map_field_type(clang::QualType type, const clang::ASTContext& context,
                           const EnumNames& enums);

/// "character varying(N)" (or "character varying(N)[]"), the type varchar(N) gives.
std::string varchar_type(unsigned length, bool array = false);

/// The supported C++ types, for error messages.
std::string_view supported_cxx_types();

}  // namespace structmig::extract

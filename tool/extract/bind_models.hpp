// The C++ bindings of extracted tables and enums (model_bindings.hpp): the
// struct's and the enum's fully qualified names, each field's type spelled
// fully qualified (typedefs and aliases kept, so `std::int64_t` stays
// `std::int64_t`), what the server generates, the primary key as field
// indexes, and the enumerators with their labels.
#pragma once

#include <string>
#include <unordered_map>

#include "extract/extract_enum.hpp"
#include "extract/extract_table.hpp"
#include "extract/model_bindings.hpp"

namespace clang {
class ASTContext;
class QualType;
}  // namespace clang

namespace structmig::extract {

/// `type` spelled fully qualified, as written (sugar kept), e.g.
/// "std::optional<std::string>", "structmig::numeric<10, 2>".
std::string cxx_type_spelling(clang::QualType type, const clang::ASTContext& context);

/// cxx_type_spelling of one run's types, each type spelled once: thousands
/// of tables share a handful of field types, and spelling one walks its
/// sugar and every enclosing scope. A type is its QualType (the written
/// sugar and qualifiers included), so the spellings are the same.
class TypeSpellings {
 public:
  explicit TypeSpellings(const clang::ASTContext& context) : context_(context) {}
  const std::string& of(clang::QualType type);
  const clang::ASTContext& context() const { return context_; }

 private:
  const clang::ASTContext& context_;
  std::unordered_map<const void*, std::string> spellings_;
};

/// The binding of a table draft without errors.
TableBinding bind_table(const TableDraft& draft, TypeSpellings& spellings);

/// The binding of an enum draft without errors.
EnumBinding bind_enum(const EnumDraft& draft, const clang::ASTContext& context);

}  // namespace structmig::extract

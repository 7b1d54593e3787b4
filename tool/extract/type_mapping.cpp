// C++ field type → PostgreSQL column type. Works on canonical types, so any
// typedef or alias of a supported type is supported, and recognises the std
// templates by name and namespace (looking through inline namespaces such as
// libstdc++'s std::__cxx11 and std::chrono::_V2, or libc++'s std::__1).
#include "extract/type_mapping.hpp"

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/Type.h>

namespace structmig::extract {
namespace {

const clang::DeclContext* skip_inline_namespaces(const clang::DeclContext* context) {
  while (context != nullptr && context->isInlineNamespace()) context = context->getParent();
  return context;
}

bool has_name(const clang::NamedDecl& decl, llvm::StringRef name) {
  const clang::IdentifierInfo* identifier = decl.getIdentifier();
  return identifier != nullptr && identifier->isStr(name);
}

// `decl` is std::<name> (in any inline namespace of std).
bool is_std(const clang::NamedDecl& decl, llvm::StringRef name) {
  return has_name(decl, name) && decl.getDeclContext()->isStdNamespace();
}

// `decl` is std::chrono::<name> (in any inline namespace of std::chrono).
bool is_std_chrono(const clang::NamedDecl& decl, llvm::StringRef name) {
  if (!has_name(decl, name)) return false;
  const auto* chrono =
      llvm::dyn_cast_or_null<clang::NamespaceDecl>(skip_inline_namespaces(decl.getDeclContext()));
  return chrono != nullptr && has_name(*chrono, "chrono") && chrono->getParent()->isStdNamespace();
}

// The specialization `type` names when it is std::<name><...> (or
// std::chrono::<name><...>), else null.
const clang::ClassTemplateSpecializationDecl* std_specialization(clang::QualType type,
                                                                 llvm::StringRef name,
                                                                 bool in_chrono = false) {
  const auto* specialization =
      llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(type->getAsCXXRecordDecl());
  if (specialization == nullptr) return nullptr;
  bool matches = in_chrono ? is_std_chrono(*specialization, name) : is_std(*specialization, name);
  return matches ? specialization : nullptr;
}

// Template argument `index` of `specialization` when it is a type.
std::optional<clang::QualType> type_argument(
    const clang::ClassTemplateSpecializationDecl& specialization, unsigned index) {
  const clang::TemplateArgumentList& args = specialization.getTemplateArgs();
  if (index >= args.size() || args[index].getKind() != clang::TemplateArgument::Type) {
    return std::nullopt;
  }
  return args[index].getAsType().getCanonicalType();
}

bool is_record(std::optional<clang::QualType> type, llvm::StringRef name, bool in_chrono) {
  if (!type) return false;
  const clang::CXXRecordDecl* record = (*type)->getAsCXXRecordDecl();
  if (record == nullptr) return false;
  return in_chrono ? is_std_chrono(*record, name) : is_std(*record, name);
}

// std::basic_string<char, std::char_traits<char>, std::allocator<char>>.
bool is_std_string(clang::QualType type, const clang::ASTContext& context) {
  const auto* string = std_specialization(type, "basic_string");
  if (string == nullptr) return false;
  auto character = type_argument(*string, 0);
  return character && context.hasSameType(*character, context.CharTy) &&
         is_record(type_argument(*string, 1), "char_traits", false) &&
         is_record(type_argument(*string, 2), "allocator", false);
}

// std::chrono::time_point<std::chrono::system_clock, any duration>.
bool is_system_time_point(clang::QualType type) {
  const auto* time_point = std_specialization(type, "time_point", /*in_chrono=*/true);
  return time_point != nullptr && is_record(type_argument(*time_point, 0), "system_clock", true);
}

std::optional<MappedType> map_builtin(const clang::BuiltinType& builtin, clang::QualType type,
                                      const clang::ASTContext& context) {
  switch (builtin.getKind()) {
    case clang::BuiltinType::Bool:
      return MappedType{"boolean"};
    case clang::BuiltinType::Short:
    case clang::BuiltinType::Int:
    case clang::BuiltinType::Long:
    case clang::BuiltinType::LongLong:
      switch (context.getTypeSize(type)) {
        case 16:
          return MappedType{"smallint"};
        case 32:
          return MappedType{"integer"};
        case 64:
          return MappedType{"bigint"};
        default:
          return std::nullopt;
      }
    case clang::BuiltinType::Float:
      return MappedType{"real"};
    case clang::BuiltinType::Double:
      return MappedType{"double precision"};
    default:
      return std::nullopt;  // unsigned, character types, long double, ...
  }
}

// A supported type that is not std::optional.
std::optional<MappedType> map_value_type(clang::QualType type, const clang::ASTContext& context) {
  if (type.isVolatileQualified()) return std::nullopt;
  type = type.getUnqualifiedType();
  if (const auto* builtin = llvm::dyn_cast<clang::BuiltinType>(type.getTypePtr())) {
    return map_builtin(*builtin, type, context);
  }
  if (is_std_string(type, context)) return MappedType{"text", false, true};
  if (is_system_time_point(type)) return MappedType{"timestamp with time zone"};
  return std::nullopt;
}

}  // namespace

std::optional<MappedType> map_field_type(clang::QualType type, const clang::ASTContext& context) {
  if (type.isNull() || type->isDependentType()) return std::nullopt;
  clang::QualType canonical = type.getCanonicalType();
  if (const auto* optional = std_specialization(canonical, "optional")) {
    if (canonical.isVolatileQualified()) return std::nullopt;
    auto value_type = type_argument(*optional, 0);
    if (!value_type) return std::nullopt;
    auto mapped = map_value_type(*value_type, context);  // optional<optional<T>> is not
    if (mapped) mapped->nullable = true;
    return mapped;
  }
  return map_value_type(canonical, context);
}

std::string varchar_type(unsigned length) {
  return "character varying(" + std::to_string(length) + ")";
}

std::string_view supported_cxx_types() {
  return "bool, std::int16_t, std::int32_t, std::int64_t, float, double, std::string, "
         "structmig::timestamp (std::chrono::system_clock::time_point), and std::optional of "
         "these";
}

}  // namespace structmig::extract

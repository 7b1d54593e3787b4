// C++ field type → PostgreSQL column type. Works on canonical types, so any
// typedef or alias of a supported type is supported, and recognises the std
// and structmig templates by name and namespace (looking through inline
// namespaces such as libstdc++'s std::__cxx11 and std::chrono::_V2, or
// libc++'s std::__1).
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

// `decl` is <outer>::<name>, <outer> a namespace directly in `parent_is` (any
// inline namespaces looked through).
bool in_namespace(const clang::NamedDecl& decl, llvm::StringRef name, llvm::StringRef outer) {
  if (!has_name(decl, name)) return false;
  const auto* space =
      llvm::dyn_cast_or_null<clang::NamespaceDecl>(skip_inline_namespaces(decl.getDeclContext()));
  return space != nullptr && has_name(*space, outer);
}

// `decl` is std::chrono::<name>.
bool is_std_chrono(const clang::NamedDecl& decl, llvm::StringRef name) {
  return in_namespace(decl, name, "chrono") &&
         skip_inline_namespaces(decl.getDeclContext())->getParent()->isStdNamespace();
}

// `decl` is structmig::<name> (the namespace at global scope).
bool is_structmig(const clang::NamedDecl& decl, llvm::StringRef name) {
  return in_namespace(decl, name, "structmig") &&
         skip_inline_namespaces(skip_inline_namespaces(decl.getDeclContext())->getParent())
             ->isTranslationUnit();
}

enum class Space { std, chrono, structmig };

bool in_space(const clang::NamedDecl& decl, llvm::StringRef name, Space space) {
  switch (space) {
    case Space::std:
      return is_std(decl, name);
    case Space::chrono:
      return is_std_chrono(decl, name);
    case Space::structmig:
      return is_structmig(decl, name);
  }
  return false;
}

// The specialization `type` names when it is <space>::<name><...>, else null.
const clang::ClassTemplateSpecializationDecl* specialization_of(clang::QualType type,
                                                                llvm::StringRef name,
                                                                Space space = Space::std) {
  const auto* specialization =
      llvm::dyn_cast_or_null<clang::ClassTemplateSpecializationDecl>(type->getAsCXXRecordDecl());
  return specialization != nullptr && in_space(*specialization, name, space) ? specialization
                                                                             : nullptr;
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

// Template argument `index` of `specialization` when it is an integer.
std::optional<std::int64_t> integer_argument(
    const clang::ClassTemplateSpecializationDecl& specialization, unsigned index) {
  const clang::TemplateArgumentList& args = specialization.getTemplateArgs();
  if (index >= args.size() || args[index].getKind() != clang::TemplateArgument::Integral) {
    return std::nullopt;
  }
  return args[index].getAsIntegral().getExtValue();
}

bool is_record(std::optional<clang::QualType> type, llvm::StringRef name, Space space) {
  if (!type) return false;
  const clang::CXXRecordDecl* record = (*type)->getAsCXXRecordDecl();
  return record != nullptr && in_space(*record, name, space);
}

// std::basic_string<char, std::char_traits<char>, std::allocator<char>>.
bool is_std_string(clang::QualType type, const clang::ASTContext& context) {
  const auto* string = specialization_of(type, "basic_string");
  if (string == nullptr) return false;
  auto character = type_argument(*string, 0);
  return character && context.hasSameType(*character, context.CharTy) &&
         is_record(type_argument(*string, 1), "char_traits", Space::std) &&
         is_record(type_argument(*string, 2), "allocator", Space::std);
}

// std::byte.
bool is_std_byte(clang::QualType type) {
  const auto* enum_type = type->getAs<clang::EnumType>();
  return enum_type != nullptr && is_std(*enum_type->getDecl(), "byte");
}

// A duration of whole days: std::chrono::duration<Rep, std::ratio<86400 * D, D>>.
bool is_days(std::optional<clang::QualType> duration_type) {
  if (!duration_type) return false;
  const auto* duration = specialization_of(*duration_type, "duration", Space::chrono);
  if (duration == nullptr) return false;
  auto period_type = type_argument(*duration, 1);
  if (!period_type) return false;
  const auto* period = specialization_of(*period_type, "ratio");
  if (period == nullptr) return false;
  auto numerator = integer_argument(*period, 0);
  auto denominator = integer_argument(*period, 1);
  return numerator && denominator && *denominator != 0 && *numerator == 86400 * *denominator;
}

// std::chrono::time_point<Clock, Duration> for the system clock (timestamptz,
// or date for whole days) and local_t (timestamp without time zone).
std::optional<MappedType> map_time_point(clang::QualType type) {
  const auto* time_point = specialization_of(type, "time_point", Space::chrono);
  if (time_point == nullptr) return std::nullopt;
  auto clock = type_argument(*time_point, 0);
  if (is_record(clock, "system_clock", Space::chrono)) {
    return MappedType{is_days(type_argument(*time_point, 1)) ? "date" : "timestamp with time zone"};
  }
  if (is_record(clock, "local_t", Space::chrono)) return MappedType{"timestamp without time zone"};
  return std::nullopt;
}

// structmig::numeric<P, S>.
std::optional<MappedType> map_numeric(clang::QualType type) {
  const auto* numeric = specialization_of(type, "numeric", Space::structmig);
  if (numeric == nullptr) return std::nullopt;
  auto precision = integer_argument(*numeric, 0);
  auto scale = integer_argument(*numeric, 1);
  if (!precision || !scale) return std::nullopt;
  if (*precision == 0 && *scale == 0) return MappedType{"numeric"};
  return MappedType{"numeric(" + std::to_string(*precision) + "," + std::to_string(*scale) + ")"};
}

std::optional<MappedType> map_builtin(const clang::BuiltinType& builtin, clang::QualType type,
                                      const clang::ASTContext& context) {
  switch (builtin.getKind()) {
    case clang::BuiltinType::Bool:
      return MappedType{"boolean"};
    case clang::BuiltinType::Short:
    case clang::BuiltinType::Int:
    case clang::BuiltinType::Long:
    case clang::BuiltinType::LongLong: {
      MappedType mapped;
      mapped.is_integer = true;
      switch (context.getTypeSize(type)) {
        case 16:
          mapped.postgres_type = "smallint";
          return mapped;
        case 32:
          mapped.postgres_type = "integer";
          return mapped;
        case 64:
          mapped.postgres_type = "bigint";
          return mapped;
        default:
          return std::nullopt;
      }
    }
    case clang::BuiltinType::Float:
      return MappedType{"real"};
    case clang::BuiltinType::Double:
      return MappedType{"double precision"};
    default:
      return std::nullopt;  // unsigned, character types, long double, ...
  }
}

TypeMapping mapped(std::optional<MappedType> type) { return TypeMapping{std::move(type)}; }

// A supported type that is neither std::optional nor std::vector.
TypeMapping map_scalar(clang::QualType type, const clang::ASTContext& context,
                       const EnumNames& enums) {
  if (type.isVolatileQualified()) return {};
  type = type.getUnqualifiedType();
  if (const auto* builtin = llvm::dyn_cast<clang::BuiltinType>(type.getTypePtr())) {
    return mapped(map_builtin(*builtin, type, context));
  }
  if (const auto* enum_type = type->getAs<clang::EnumType>()) {
    if (is_std_byte(type)) return {};
    const clang::EnumDecl* decl = enum_type->getDecl()->getCanonicalDecl();
    auto known = enums.find(decl);
    if (known == enums.end()) return TypeMapping{std::nullopt, enum_type->getDecl()};
    if (known->second.empty()) return TypeMapping{std::nullopt, nullptr, true};
    return mapped(MappedType{known->second});
  }
  if (is_std_string(type, context)) {
    MappedType text{"text"};
    text.is_text = true;
    return mapped(text);
  }
  if (auto time = map_time_point(type)) return mapped(time);
  if (auto numeric = map_numeric(type)) return mapped(numeric);
  const clang::CXXRecordDecl* record = type->getAsCXXRecordDecl();
  if (record != nullptr && is_structmig(*record, "uuid")) return mapped(MappedType{"uuid"});
  if (record != nullptr && is_structmig(*record, "jsonb")) return mapped(MappedType{"jsonb"});
  return {};
}

// A supported type that is not std::optional: a scalar, bytea, or an array.
TypeMapping map_value(clang::QualType type, const clang::ASTContext& context,
                      const EnumNames& enums) {
  const auto* vector = specialization_of(type, "vector");
  if (vector == nullptr || type.isVolatileQualified()) return map_scalar(type, context, enums);
  auto element = type_argument(*vector, 0);
  auto allocator = type_argument(*vector, 1);
  if (!element || !allocator || !is_record(allocator, "allocator", Space::std)) return {};
  if (is_std_byte(*element) && !element->hasQualifiers()) return mapped(MappedType{"bytea"});
  if (specialization_of(*element, "vector") != nullptr ||
      specialization_of(*element, "optional") != nullptr) {
    return {};
  }
  TypeMapping element_mapping = map_scalar(*element, context, enums);
  if (element_mapping.type) {
    MappedType& array = *element_mapping.type;
    array.postgres_type += "[]";
    array.is_array = true;
    array.is_integer = false;
  }
  return element_mapping;
}

}  // namespace

TypeMapping map_field_type(clang::QualType type, const clang::ASTContext& context,
                           const EnumNames& enums) {
  if (type.isNull() || type->isDependentType()) return {};
  clang::QualType canonical = type.getCanonicalType();
  if (const auto* defaulted = specialization_of(canonical, "defaulted", Space::structmig)) {
    if (canonical.isVolatileQualified()) return {};
    auto value_type = type_argument(*defaulted, 0);
    if (!value_type || specialization_of(*value_type, "defaulted", Space::structmig) != nullptr) {
      return {};
    }
    TypeMapping mapping = map_field_type(*value_type, context, enums);
    if (mapping.type) mapping.type->defaulted = true;
    return mapping;
  }
  if (const auto* optional = specialization_of(canonical, "optional")) {
    if (canonical.isVolatileQualified()) return {};
    auto value_type = type_argument(*optional, 0);
    if (!value_type || specialization_of(*value_type, "optional") != nullptr) return {};
    TypeMapping mapping = map_value(*value_type, context, enums);
    if (mapping.type) mapping.type->nullable = true;
    return mapping;
  }
  return map_value(canonical, context, enums);
}

std::string varchar_type(unsigned length, bool array) {
  return "character varying(" + std::to_string(length) + ")" + (array ? "[]" : "");
}

std::string_view supported_cxx_types() {
  return "bool, std::int16_t, std::int32_t, std::int64_t, float, double, std::string, "
         "structmig::timestamp, local_timestamp, date, uuid, jsonb, numeric<P,S>, bytea "
         "(std::vector<std::byte>), a STRUCTMIG_ENUM enum, std::vector of these scalars, "
         "std::optional of any of them, and structmig::defaulted of any of those";
}

}  // namespace structmig::extract

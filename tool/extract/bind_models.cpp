// Spells C++ types and names for generated code (see bind_models.hpp) with
// clang::TypeName::getFullyQualifiedName: every name is qualified from the
// global namespace down, written sugar (typedefs, aliases, template
// arguments) is kept, and inline namespaces (std::__cxx11) are left out.
#include "extract/bind_models.hpp"

#include <algorithm>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/QualTypeNames.h>

namespace structmig::extract {
namespace {

clang::PrintingPolicy spelling_policy(const clang::ASTContext& context) {
  clang::PrintingPolicy policy(context.getLangOpts());
  policy.SuppressScope = false;
  policy.SuppressUnwrittenScope = true;  // no anonymous or inline namespaces
  policy.SuppressInlineNamespace = true;
  policy.FullyQualifiedName = true;
  policy.Bool = true;
  return policy;
}

Generation generation_of(const Column& column) {
  if (column.identity != Identity::none) return Generation::identity;
  if (column.default_sql) return Generation::server_default;
  return Generation::none;
}

}  // namespace

std::string cxx_type_spelling(clang::QualType type, const clang::ASTContext& context) {
  return clang::TypeName::getFullyQualifiedName(type, context, spelling_policy(context));
}

const std::string& TypeSpellings::of(clang::QualType type) {
  auto [spelling, added] = spellings_.try_emplace(type.getAsOpaquePtr());
  if (added) spelling->second = cxx_type_spelling(type, context_);
  return spelling->second;
}

TableBinding bind_table(const TableDraft& draft, TypeSpellings& spellings) {
  TableBinding binding;
  binding.table = draft.table.name;
  // The struct's own type is spelled once anyway: not kept.
  const clang::ASTContext& context = spellings.context();
  binding.cxx_name =
      cxx_type_spelling(context.getRecordType(draft.record).getUnqualifiedType(), context);
  const std::vector<Column>& columns = draft.table.columns;
  binding.columns.reserve(columns.size());
  for (std::size_t i = 0; i < columns.size(); ++i) {
    binding.columns.push_back(
        {.name = columns[i].name,
         .sql_type = columns[i].type,
         .cxx_type = i < draft.fields.size() ? spellings.of(draft.fields[i]->getType()) : "",
         .generation = generation_of(columns[i])});
  }
  for (const std::string& key : draft.table.primary_key) {
    auto column = std::find_if(columns.begin(), columns.end(),
                               [&](const Column& c) { return c.name == key; });
    if (column != columns.end()) {
      binding.primary_key.push_back(static_cast<std::size_t>(column - columns.begin()));
    }
  }
  return binding;
}

EnumBinding bind_enum(const EnumDraft& draft, const clang::ASTContext& context) {
  EnumBinding binding;
  binding.name = draft.type.name;
  binding.cxx_name = cxx_type_spelling(context.getEnumType(draft.decl), context);
  std::size_t label = 0;
  for (const clang::EnumConstantDecl* enumerator : draft.decl->enumerators()) {
    if (label >= draft.type.labels.size()) break;  // only after reported mistakes
    binding.enumerators.push_back(
        {binding.cxx_name + "::" + enumerator->getName().str(), draft.type.labels[label++]});
  }
  return binding;
}

}  // namespace structmig::extract

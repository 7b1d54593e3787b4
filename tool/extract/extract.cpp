// Finds the model structs (a Mapper-style visitor), serialises each with
// extract_table, then checks what spans tables: duplicate table names.
#include "extract/extract.hpp"

#include <map>
#include <string>
#include <vector>

#include <clang/AST/ASTContext.h>
#include <clang/AST/RecursiveASTVisitor.h>

#include "extract/annotation_source.hpp"
#include "extract/extract_table.hpp"

namespace structmig::extract {
namespace {

// Collects STRUCTMIG_TABLE struct definitions in source order and warns about
// STRUCTMIG_COLUMN annotations that would silently do nothing.
class ModelFinder : public clang::RecursiveASTVisitor<ModelFinder> {
 public:
  explicit ModelFinder(ExtractContext& context) : context_(context) {}

  bool VisitCXXRecordDecl(clang::CXXRecordDecl* record) {
    if (record->isThisDeclarationADefinition() && !record->isInvalidDecl() &&
        has_annotation(*record, AnnotationKind::table)) {
      tables_.push_back(record);
    }
    return true;
  }

  bool VisitDecl(clang::Decl* decl) {
    if (decl->isInvalidDecl() || !has_annotation(*decl, AnnotationKind::column)) return true;
    const auto* named = llvm::dyn_cast<clang::NamedDecl>(decl);
    if (const auto* field = llvm::dyn_cast<clang::FieldDecl>(decl)) {
      if (!has_annotation(*field->getParent(), AnnotationKind::table)) {
        context_.report(field->getLocation(), context_.ids.stray_column) << named << 1;
      }
    } else if (named != nullptr) {
      context_.report(decl->getLocation(), context_.ids.stray_column) << named << 0;
    }
    return true;
  }

  const std::vector<const clang::CXXRecordDecl*>& tables() const { return tables_; }

 private:
  ExtractContext& context_;
  std::vector<const clang::CXXRecordDecl*> tables_;
};

}  // namespace

Schema extract_schema(clang::ASTContext& ast) {
  ExtractContext context(ast);
  ModelFinder finder(context);
  finder.TraverseDecl(ast.getTranslationUnitDecl());

  Schema schema;
  std::map<std::string, const clang::CXXRecordDecl*> first_record;
  for (const clang::CXXRecordDecl* record : finder.tables()) {
    std::optional<Table> table = extract_table(*record, context);
    if (!table) continue;
    auto [first, inserted] = first_record.emplace(table->name, record);
    if (!inserted) {
      context.report(record->getLocation(), context.ids.duplicate_table) << table->name;
      context.report(first->second->getLocation(), context.ids.previous_table) << table->name;
      continue;
    }
    schema.tables.push_back(std::move(*table));
  }
  sort_tables(schema);
  return schema;
}

}  // namespace structmig::extract

// Turns one STRUCTMIG_TABLE struct into a Table: reads the table and column
// annotations, maps field types, and checks the table on its own (column
// names, primary key), reporting every mistake at its place.
#pragma once

#include <optional>

#include <clang/AST/ASTContext.h>

#include "extract/diagnostic_ids.hpp"
#include "structmig/schema.hpp"

namespace clang {
class CXXRecordDecl;
}

namespace structmig::extract {

/// What every extraction step needs: the AST and the diagnostics to report to.
struct ExtractContext {
  explicit ExtractContext(clang::ASTContext& context)
      : ast(context), ids(context.getDiagnostics()) {}

  clang::DiagnosticBuilder report(clang::SourceLocation location, unsigned id) const {
    return ast.getDiagnostics().Report(location, id);
  }

  clang::ASTContext& ast;
  DiagnosticIds ids;
};

/// The table `record` (a definition with a STRUCTMIG_TABLE annotation)
/// declares, or nothing when it is too broken to name one. Mistakes are
/// reported; the result is only meaningful when none were.
std::optional<Table> extract_table(const clang::CXXRecordDecl& record, ExtractContext& context);

}  // namespace structmig::extract

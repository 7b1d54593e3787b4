// What every extraction step shares: the AST, the diagnostics to report to,
// the annotated enums found so far, and `Place`, a spot in the source to
// report at.
#pragma once

#include <clang/AST/ASTContext.h>
#include <clang/Basic/SourceLocation.h>

#include "extract/diagnostic_ids.hpp"
#include "extract/type_mapping.hpp"

namespace structmig::extract {

/// A place in the source to report at: a point and the range to underline.
struct Place {
  clang::SourceLocation location;
  clang::CharSourceRange range;
};

struct ExtractContext {
  explicit ExtractContext(clang::ASTContext& context)
      : ast(context), ids(context.getDiagnostics()) {}

  clang::DiagnosticBuilder report(clang::SourceLocation location, unsigned id) const {
    return ast.getDiagnostics().Report(location, id);
  }
  clang::DiagnosticBuilder report(const Place& place, unsigned id) const {
    auto builder = report(place.location, id);
    if (place.range.isValid()) builder << place.range;
    return builder;
  }

  clang::ASTContext& ast;
  DiagnosticIds ids;
  EnumNames enums;  // every STRUCTMIG_ENUM, read before the tables
};

}  // namespace structmig::extract

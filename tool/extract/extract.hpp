// The extraction entry point: every STRUCTMIG_TABLE struct of a parsed
// translation unit becomes a Table of the returned Schema.
#pragma once

#include "structmig/schema.hpp"

namespace clang {
class ASTContext;
}

namespace structmig::extract {

/// Builds the schema the annotated structs of `context` declare, tables in
/// name order. Model mistakes are reported as errors through
/// context.getDiagnostics() at their file:line:col, and extraction carries on
/// to find more; the schema is only meaningful when no error was reported.
Schema extract_schema(clang::ASTContext& context);

}  // namespace structmig::extract

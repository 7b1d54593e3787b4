// The extraction entry point: every STRUCTMIG_ENUM enum and STRUCTMIG_TABLE
// struct of a parsed translation unit becomes part of the returned Schema,
// their renamed_from marks become RenameHints, their C++ names and field
// types ModelBindings, their acknowledge(...) / backfill(...) marks and every
// STRUCTMIG_ACKNOWLEDGE the safe planner's Acknowledgements, and where each
// is written ModelPlaces.
#pragma once

#include "extract/model_bindings.hpp"
#include "extract/model_places.hpp"
#include "plan/safe_plan.hpp"
#include "structmig/schema.hpp"

namespace clang {
class ASTContext;
}

namespace structmig::extract {

struct ExtractedModels {
  Schema schema;                            // in sort_schema order; every name filled
  RenameHints hints;                        // renamed_from marks, for the diff
  ModelBindings bindings;                   // the C++ side, for the generated row-mapping metadata
  plan::Acknowledgements acknowledgements;  // what the safe planner may do anyway
  ModelPlaces places;                       // where each table, column and enum is written
};

/// Builds the schema the annotated enums and structs of `context` declare.
/// Model mistakes are reported as errors through context.getDiagnostics() at
/// their file:line:col, and extraction carries on to find more; the result is
/// only meaningful when no error was reported.
ExtractedModels extract_models(clang::ASTContext& context);

/// extract_models(context).schema.
Schema extract_schema(clang::ASTContext& context);

}  // namespace structmig::extract

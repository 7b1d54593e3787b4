// The extraction driver the structmig tool calls: parses the model headers
// as one translation unit with Clang, prints Clang's and our diagnostics, and
// returns the schema, the rename hints, the C++ bindings, the acknowledgements
// and places of the models, and every file the parse read (for a depfile).
#pragma once

#include <string>
#include <vector>

#include "extract/model_bindings.hpp"
#include "extract/model_places.hpp"
#include "plan/safe_plan.hpp"
#include "structmig/schema.hpp"

namespace llvm {
class raw_ostream;
}

namespace structmig::extract {

struct ExtractOptions {
  std::vector<std::string> headers;        // model headers (made absolute)
  std::vector<std::string> compiler_args;  // -I/-D/-std etc. of the model target
  std::string resource_dir;                // Clang's builtin headers
  // Leave Clang's AST, source manager and file manager allocated until the
  // process exits, as the clang driver does (-disable-free): freeing them
  // costs as much as a fifth of the parse. For a process that parses once.
  bool leak_ast = false;
};

struct ExtractResult {
  Schema schema;
  RenameHints hints;                        // the models' renamed_from marks, for diff_schemas
  ModelBindings bindings;                   // the C++ side, for the row-mapping metadata
  plan::Acknowledgements acknowledgements;  // for the safe planner
  ModelPlaces places;                       // where each table, column and enum is written
  std::vector<std::string> dependencies;    // every file read: absolute, sorted, unique
  unsigned errors = 0;                      // Clang's and extraction's; the schema is valid if 0
};

/// Parses one in-memory translation unit that #includes every header, with
/// `-x c++ -std=c++20 -fsyntax-only -DSTRUCTMIG_SCAN -resource-dir <dir>`
/// followed by compiler_args (so a user -std wins). Diagnostics are printed
/// to `diagnostics_out` as `file:line:col: error: message`.
ExtractResult extract_from_headers(const ExtractOptions& options,
                                   llvm::raw_ostream& diagnostics_out);

}  // namespace structmig::extract

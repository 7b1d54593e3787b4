// Test support: parses model code held in a string with Clang (as the tool
// would, with STRUCTMIG_SCAN defined) and runs extract_models on it, keeping
// every diagnostic with its line and column. No Clang types in this header,
// so the test files that use it compile quickly.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/model_bindings.hpp"
#include "extract/model_places.hpp"
#include "plan/safe_plan.hpp"
#include "structmig/schema.hpp"

namespace structmig::extract::testing {

struct CapturedDiagnostic {
  std::string severity;  // "error", "warning", "note"
  unsigned line = 0;     // 1-based; 0 when the diagnostic has no location
  unsigned column = 0;   // 1-based
  std::string message;
};

std::ostream& operator<<(std::ostream& out, const CapturedDiagnostic& diagnostic);

struct ModelParse {
  Schema schema;
  RenameHints hints;
  ModelBindings bindings;
  plan::Acknowledgements acknowledgements;
  ModelPlaces places;                           // file "models.cpp"
  std::vector<CapturedDiagnostic> diagnostics;  // in the order reported

  std::vector<CapturedDiagnostic> with_severity(std::string_view severity) const;
  std::vector<CapturedDiagnostic> errors() const { return with_severity("error"); }
};

/// Parses `code` (a leading newline is dropped, so the first line written is
/// line 1) with <structmig/model.hpp>, <chrono>, <cstddef>, <cstdint>,
/// <optional>, <string> and <vector> force-included, then extracts the models.
ModelParse parse_models(std::string_view code);

/// Line and column (1-based) of the `occurrence`-th `needle` in `code`, with
/// the same leading-newline rule as parse_models.
struct Position {
  unsigned line = 0;
  unsigned column = 0;
};
Position position_of(std::string_view code, std::string_view needle, int occurrence = 1);

}  // namespace structmig::extract::testing

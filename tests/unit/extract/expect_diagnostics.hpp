// Test support: expectations on the diagnostics of parsed model code, each
// pinned to the line and column of a needle in the code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parse_models.hpp"

namespace structmig::extract::testing {

/// Expects exactly one diagnostic of `severity` in `parse`, at the
/// `occurrence`-th `needle` of `code`, whose message contains `message`.
void expect_only(const ModelParse& parse, std::string_view code, std::string_view severity,
                 std::string_view needle, const std::string& message, int occurrence = 1);

/// Parses `code`; expects one error (as expect_only) and no warning.
void expect_only_error(std::string_view code, std::string_view needle, const std::string& message,
                       int occurrence = 1);

struct ExpectedDiagnostic {
  std::string severity;  // "error", "note", "warning"
  std::string needle;    // the diagnostic is at its `occurrence`-th place in the code
  std::string message;   // a part of the message
  int occurrence = 1;
};

/// Parses `code`; expects exactly `expected`, in order (every severity).
ModelParse expect_diagnostics(std::string_view code,
                              const std::vector<ExpectedDiagnostic>& expected);

}  // namespace structmig::extract::testing

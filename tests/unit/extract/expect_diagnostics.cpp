// Diagnostic expectations: compare severity, line, column and message text,
// printing every diagnostic of the parse when something does not match.
#include "expect_diagnostics.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace structmig::extract::testing {

using ::testing::HasSubstr;

void expect_only(const ModelParse& parse, std::string_view code, std::string_view severity,
                 std::string_view needle, const std::string& message, int occurrence) {
  std::vector<CapturedDiagnostic> found = parse.with_severity(severity);
  ASSERT_EQ(found.size(), 1u) << ::testing::PrintToString(parse.diagnostics);
  Position expected = position_of(code, needle, occurrence);
  ASSERT_NE(expected.line, 0u) << "needle not in code: " << needle;
  EXPECT_EQ(found[0].line, expected.line) << found[0];
  EXPECT_EQ(found[0].column, expected.column) << found[0];
  EXPECT_THAT(found[0].message, HasSubstr(message));
}

void expect_only_error(std::string_view code, std::string_view needle, const std::string& message,
                       int occurrence) {
  ModelParse parse = parse_models(code);
  expect_only(parse, code, "error", needle, message, occurrence);
  EXPECT_TRUE(parse.with_severity("warning").empty())
      << ::testing::PrintToString(parse.diagnostics);
}

ModelParse expect_diagnostics(std::string_view code,
                              const std::vector<ExpectedDiagnostic>& expected) {
  ModelParse parse = parse_models(code);
  EXPECT_EQ(parse.diagnostics.size(), expected.size())
      << ::testing::PrintToString(parse.diagnostics);
  for (std::size_t i = 0; i < std::min(expected.size(), parse.diagnostics.size()); ++i) {
    const CapturedDiagnostic& found = parse.diagnostics[i];
    Position position = position_of(code, expected[i].needle, expected[i].occurrence);
    EXPECT_NE(position.line, 0u) << "needle not in code: " << expected[i].needle;
    EXPECT_EQ(found.severity, expected[i].severity) << found;
    EXPECT_EQ(found.line, position.line) << found << " (expected at " << expected[i].needle << ")";
    EXPECT_EQ(found.column, position.column)
        << found << " (expected at " << expected[i].needle << ")";
    EXPECT_THAT(found.message, HasSubstr(expected[i].message)) << found;
  }
  return parse;
}

}  // namespace structmig::extract::testing

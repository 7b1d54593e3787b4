// The model mistakes of structs and fields extract_models reports: the
// message, and the exact line and column (inside macro arguments written with
// odd whitespace, inside plain annotation strings), plus that extraction
// carries on after errors. Enums, constraints and indexes:
// model_diagnostics_test; across tables: resolve_diagnostics_test.
// (Model code uses the R"model( delimiter: clang-format reformats R"cpp(.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "expect_diagnostics.hpp"
#include "parse_models.hpp"

namespace structmig::extract::testing {
namespace {

using ::testing::HasSubstr;

TEST(ExtractDiagnostics, UnknownColumnArgumentSuggestsTheClosestName) {
  constexpr std::string_view kCode = R"model(
struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primray_key) std::int64_t id;
};
)model";
  ModelParse parse = parse_models(kCode);
  // Only the typo: "no primary key" would be a consequence of it, not news.
  ASSERT_EQ(parse.diagnostics.size(), 1u) << ::testing::PrintToString(parse.diagnostics);
  const CapturedDiagnostic& error = parse.diagnostics[0];
  EXPECT_EQ(error.severity, "error");
  EXPECT_EQ(error.line, 2u);
  EXPECT_EQ(error.column, 20u);
  EXPECT_EQ(error.message,
            "unknown annotation argument 'primray_key'; did you mean 'primary_key'?");
}

TEST(ExtractDiagnostics, UnknownArgumentInsideOddlySpacedMacro) {
  constexpr std::string_view kCode = R"model(
struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN( varchar(20) ,  primray_key ) std::string title;
  STRUCTMIG_COLUMN(varchar(20),
                   /* the default */ defualt("'x'")) std::string other;
  STRUCTMIG_COLUMN  (	unique , frobnicate) std::string third;
};
)model";
  ModelParse parse = parse_models(kCode);
  std::vector<CapturedDiagnostic> errors = parse.errors();
  ASSERT_EQ(errors.size(), 3u) << ::testing::PrintToString(parse.diagnostics);
  EXPECT_EQ(errors[0].line, 3u);
  EXPECT_EQ(errors[0].column, 36u);
  EXPECT_EQ(errors[0].message,
            "unknown annotation argument 'primray_key'; did you mean 'primary_key'?");
  Position defualt = position_of(kCode, "defualt");
  EXPECT_EQ(errors[1].line, defualt.line);
  EXPECT_EQ(errors[1].column, defualt.column);
  EXPECT_EQ(errors[1].message, "unknown annotation argument 'defualt'; did you mean 'default'?");
  Position frobnicate = position_of(kCode, "frobnicate");
  EXPECT_EQ(errors[2].line, frobnicate.line);
  EXPECT_EQ(errors[2].column, frobnicate.column);
  EXPECT_EQ(errors[2].message,
            "unknown annotation argument 'frobnicate'; expected one of: acknowledge, backfill, "
            "check, comment, default, identity, index, name, primary_key, references, "
            "renamed_from, unique, varchar");
}

TEST(ExtractDiagnostics, UnknownTableArgument) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(grants, primray_key(a, b)) Grant { std::int64_t a; std::int64_t b; };
)model",
                    "primray_key",
                    "unknown annotation argument 'primray_key'; did you mean 'primary_key'?");
}

TEST(ExtractDiagnostics, UnknownArgumentInPlainAnnotationString) {
  // The offset maps into the string literal, escapes included.
  constexpr std::string_view kCode = R"model(
struct STRUCTMIG_TABLE(events) Event {
  [[clang::annotate("structmig:column:primary_key")]] std::int64_t id;
  [[clang::annotate("structmig:column:default(\"now()\"), uniqe")]] structmig::timestamp at;
};
)model";
  expect_only_error(kCode, "uniqe", "unknown annotation argument 'uniqe'; did you mean 'unique'?");
}

TEST(ExtractDiagnostics, UnknownArgumentThroughAUserMacroIsReportedInItsDefinition) {
  constexpr std::string_view kCode = R"model(
#define ID_COLUMN STRUCTMIG_COLUMN(primary_key, uniq)
struct STRUCTMIG_TABLE(things) Thing {
  ID_COLUMN std::int64_t id;
};
)model";
  expect_only_error(kCode, "uniq)", "unknown annotation argument 'uniq'");
}

TEST(ExtractDiagnostics, UnknownArgumentPassedThroughAUserMacroParameter) {
  constexpr std::string_view kCode = R"model(
#define COLUMN(...) STRUCTMIG_COLUMN(__VA_ARGS__)
struct STRUCTMIG_TABLE(things) Thing {
  COLUMN(primary_key,   uniq) std::int64_t id;
};
)model";
  expect_only_error(kCode, "uniq)", "unknown annotation argument 'uniq'");
}

TEST(ExtractDiagnostics, AnnotationTextNotFoundInTheSourceIsReportedAtTheMacro) {
  // The text comes from a user macro's argument that is not the argument
  // list itself: the error lands on the outermost macro invocation.
  constexpr std::string_view kCode = R"model(
#define ANNOTATE(text) [[clang::annotate(text)]]
struct STRUCTMIG_TABLE(things) Thing {
  ANNOTATE("structmig:column:primary_key, uniq") std::int64_t id;
};
)model";
  expect_only_error(kCode, "ANNOTATE(\"", "unknown annotation argument 'uniq'");
}

TEST(ExtractDiagnostics, MalformedAnnotationAtTheOffendingCharacter) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(varchar(20 30)) std::string title;
};
)model",
                    "30", "malformed structmig annotation: expected ',' or ')'");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(default = ) std::string title;
};
)model",
                    ") std::string title", "malformed structmig annotation: expected a value");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(tickets,, x) Ticket {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
)model",
                    ", x)", "malformed structmig annotation: expected an annotation argument");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(tickets) Ticket {
  [[clang::annotate("structmig:column:primary_key, default(\"now()")]] std::int64_t id;
};
)model",
                    "\\\"now()", "malformed structmig annotation: unterminated string");
}

TEST(ExtractDiagnostics, UnsupportedTypesAreReportedAtTheFieldType) {
  constexpr std::string_view kCode = R"model(
struct Money { long cents; };
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  unsigned count;
  std::uint32_t typed_count;
  char letter;
  const char* pointer;
  Money money;
  long double precise;
  std::optional<std::optional<int>> nested;
  std::optional<unsigned short> maybe;
  std::wstring wide;
  STRUCTMIG_COLUMN(unique) const unsigned* annotated;
};
)model";
  ModelParse parse = parse_models(kCode);
  std::vector<CapturedDiagnostic> errors = parse.errors();
  ASSERT_EQ(errors.size(), 10u) << ::testing::PrintToString(parse.diagnostics);
  struct Expected {
    std::string_view needle;
    std::string message;
  };
  const Expected expected[] = {
      {"unsigned count", "unsupported C++ type 'unsigned int' for column 'count'; supported: "},
      {"std::uint32_t",
       "unsupported C++ type 'std::uint32_t' (aka 'unsigned int') for column 'typed_count'"},
      {"char letter", "unsupported C++ type 'char' for column 'letter'"},
      {"const char*", "unsupported C++ type 'const char *' for column 'pointer'"},
      {"Money money", "unsupported C++ type 'Money' for column 'money'"},
      {"long double", "unsupported C++ type 'long double' for column 'precise'"},
      {"std::optional<std::optional", "for column 'nested'"},
      {"std::optional<unsigned short>", "for column 'maybe'"},
      {"std::wstring", "for column 'wide'"},
      {"const unsigned*", "unsupported C++ type 'const unsigned int *' for column 'annotated'"},
  };
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    Position position = position_of(kCode, expected[i].needle);
    EXPECT_EQ(errors[i].line, position.line) << errors[i];
    EXPECT_EQ(errors[i].column, position.column) << errors[i];
    EXPECT_THAT(errors[i].message, HasSubstr(expected[i].message));
  }
  EXPECT_THAT(errors[0].message, HasSubstr("supported: bool, std::int16_t, std::int32_t"));
}

TEST(ExtractDiagnostics, VarcharNeedsAStringAndASaneLength) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key, varchar(10)) std::int64_t id;
};
)model",
                    "varchar",
                    "varchar(N) needs a std::string (or std::vector<std::string>) field, but "
                    "column 'id' has type 'std::int64_t'");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(varchar(0)) std::string code;
};
)model",
                    "0)", "varchar length must be between 1 and 10485760");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(varchar("20")) std::string code;
};
)model",
                    "varchar(\"", "annotation argument 'varchar' expects one integer");
}

TEST(ExtractDiagnostics, ArgumentShapesAndRepeats) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key, unique(1)) std::int64_t id;
};
)model",
                    "1)", "annotation argument 'unique' on a column takes only name = \"...\"");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key(1)) std::int64_t id;
};
)model",
                    "primary_key", "annotation argument 'primary_key' takes no arguments");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key, default(now)) std::int64_t id;
};
)model",
                    "default", "annotation argument 'default' expects one non-empty string");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) STRUCTMIG_COLUMN(unique, primary_key) std::int64_t id;
};
)model",
                    "primary_key", "duplicate annotation argument 'primary_key'", 2);
}

TEST(ExtractDiagnostics, DuplicateTableNameAtTheSecondStructWithANote) {
  constexpr std::string_view kCode = R"model(
struct STRUCTMIG_TABLE(users) User { STRUCTMIG_COLUMN(primary_key) std::int64_t id; };
struct STRUCTMIG_TABLE(users) Account { STRUCTMIG_COLUMN(primary_key) std::int64_t id; };
)model";
  ModelParse parse = parse_models(kCode);
  expect_only(parse, kCode, "error", "Account", "duplicate table name 'users'");
  expect_only(parse, kCode, "note", "User", "table 'users' first declared here");
  ASSERT_EQ(parse.schema.tables.size(), 1u);
}

TEST(ExtractDiagnostics, DuplicateColumnNameAtTheSecondField) {
  constexpr std::string_view kCode = R"model(
struct STRUCTMIG_TABLE(users) User {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(name("x")) std::string first;
  STRUCTMIG_COLUMN(name("x")) std::string second;
};
)model";
  ModelParse parse = parse_models(kCode);
  expect_only(parse, kCode, "error", "second", "duplicate column name 'x' in table 'users'");
  expect_only(parse, kCode, "note", "first", "column 'x' first declared here");
}

TEST(ExtractDiagnostics, TableWithoutPrimaryKeyAtTheStructName) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(logs)
    LogLine {
  std::string text;
};
)model",
                    "LogLine", "table 'logs' has no primary key");
}

TEST(ExtractDiagnostics, PrimaryKeyOnColumnAndTable) {
  constexpr std::string_view kCode = R"model(
struct STRUCTMIG_TABLE(grants, primary_key(user_id, role)) Grant {
  STRUCTMIG_COLUMN(primary_key) std::int64_t user_id;
  std::string role;
};
)model";
  ModelParse parse = parse_models(kCode);
  expect_only(parse, kCode, "error", "primary_key",
              "primary key of table 'grants' is declared both on column 'user_id' and in the "
              "table's primary_key(...)",
              2);
  expect_only(parse, kCode, "note", "primary_key", "table primary key declared here", 1);
}

TEST(ExtractDiagnostics, TablePrimaryKeyNamingUnknownOrRepeatedColumns) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(grants, primary_key(user_id, rol)) Grant {
  std::int64_t user_id;
  std::string role;
};
)model",
                    "rol)",
                    "primary_key(...) names unknown column 'rol' of table 'grants'; did you mean "
                    "'role'?");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(grants, primary_key(user_id, user_id)) Grant { std::int64_t user_id; };
)model",
                    "user_id)", "column 'user_id' appears more than once in primary_key(...)");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(grants, primary_key(users.id)) Grant { std::int64_t id; };
)model",
                    "users.id", "annotation argument 'primary_key' expects the key's column names");
}

TEST(ExtractDiagnostics, NullablePrimaryKeyColumns) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::optional<std::int64_t> id;
};
)model",
                    "primary_key", "primary key column 'id' cannot be nullable");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(things, primary_key(a, b)) Thing {
  std::int64_t a;
  std::optional<std::int64_t> b;
};
)model",
                    "b)", "primary key column 'b' cannot be nullable");
}

TEST(ExtractDiagnostics, StructShapeMistakes) {
  expect_only_error(R"model(
struct Base { std::int64_t id; };
struct STRUCTMIG_TABLE(things) Thing : public Base {
  STRUCTMIG_COLUMN(primary_key) std::int64_t key;
};
)model",
                    "public Base", "table struct 'Thing' cannot have base classes");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(primary_key(id)) Thing { std::int64_t id; };
)model",
                    "primary_key(id)",
                    "STRUCTMIG_TABLE needs the table name as its first argument");
  expect_only_error(R"model(
template <typename T>
struct STRUCTMIG_TABLE(boxes) Box { STRUCTMIG_COLUMN(primary_key) T id; };
)model",
                    "Box", "STRUCTMIG_TABLE cannot be used on a class template");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(flags) Flags {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  int bits : 3;
};
)model",
                    "bits", "a bit-field cannot be a column");
}

TEST(ExtractDiagnostics, ColumnAnnotationsThatDoNothingAreWarnings) {
  constexpr std::string_view kCode = R"model(
struct STRUCTMIG_TABLE(things) Thing {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(unique) static inline std::int64_t counter = 0;
};
struct Forgotten {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
)model";
  ModelParse parse = parse_models(kCode);
  EXPECT_TRUE(parse.errors().empty()) << ::testing::PrintToString(parse.diagnostics);
  std::vector<CapturedDiagnostic> warnings = parse.with_severity("warning");
  ASSERT_EQ(warnings.size(), 2u) << ::testing::PrintToString(parse.diagnostics);
  EXPECT_EQ(warnings[0].line, 3u);
  EXPECT_EQ(warnings[0].column, position_of(kCode, "counter").column);
  EXPECT_THAT(warnings[0].message, HasSubstr("only non-static data members are columns"));
  EXPECT_EQ(warnings[1].line, 6u);
  EXPECT_EQ(warnings[1].column, position_of(kCode, "id;", 2).column);
  EXPECT_THAT(warnings[1].message, HasSubstr("its struct has no STRUCTMIG_TABLE annotation"));
  EXPECT_EQ(parse.schema.tables.size(), 1u);
}

TEST(ExtractDiagnostics, ExtractionCarriesOnAndReportsEveryMistake) {
  constexpr std::string_view kCode = R"model(
struct STRUCTMIG_TABLE(tickets) Ticket {
  STRUCTMIG_COLUMN(primray_key) std::int64_t id;
  unsigned count;
  STRUCTMIG_COLUMN(varchar(20 30)) std::string title;
};
struct STRUCTMIG_TABLE(users) User {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(name("id")) std::int64_t other;
};
struct STRUCTMIG_TABLE(good) Good { STRUCTMIG_COLUMN(primary_key) std::int64_t id; };
)model";
  ModelParse parse = parse_models(kCode);
  std::vector<CapturedDiagnostic> errors = parse.errors();
  ASSERT_EQ(errors.size(), 4u) << ::testing::PrintToString(parse.diagnostics);
  const std::pair<std::string_view, std::string_view> expected[] = {
      {"primray_key", "unknown annotation argument 'primray_key'"},
      {"unsigned", "unsupported C++ type 'unsigned int' for column 'count'"},
      {"30", "malformed structmig annotation: expected ',' or ')'"},
      {"other", "duplicate column name 'id' in table 'users'"},
  };
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    Position position = position_of(kCode, expected[i].first);
    EXPECT_EQ(errors[i].line, position.line) << errors[i];
    EXPECT_EQ(errors[i].column, position.column) << errors[i];
    EXPECT_THAT(errors[i].message, HasSubstr(std::string(expected[i].second)));
  }
  // A malformed annotation may have hidden the key: no "no primary key" noise.
  ASSERT_EQ(parse.schema.tables.size(), 3u);
  EXPECT_EQ(parse.schema.tables[0].name, "good");
}

}  // namespace
}  // namespace structmig::extract::testing

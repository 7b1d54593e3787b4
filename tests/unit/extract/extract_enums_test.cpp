// STRUCTMIG_ENUM enums through Clang: labels in declaration order with their
// STRUCTMIG_LABEL spellings, enums used by no column, the enum order, and the
// renamed_from hints of enums and labels.
// (Model code uses the R"model( delimiter: clang-format reformats R"cpp(.)
#include <gtest/gtest.h>

#include "parse_models.hpp"

namespace structmig::extract::testing {
namespace {

ModelParse parse_clean(std::string_view code) {
  ModelParse parse = parse_models(code);
  for (const CapturedDiagnostic& diagnostic : parse.diagnostics) {
    ADD_FAILURE() << "unexpected diagnostic " << diagnostic;
  }
  return parse;
}

TEST(ExtractEnums, LabelsInDeclarationOrderWithTheirSpellings) {
  ModelParse parse = parse_clean(R"model(
enum class STRUCTMIG_ENUM(document_status) DocumentStatus {
  draft,
  in_review STRUCTMIG_LABEL("in review"),
  published STRUCTMIG_LABEL("published", renamed_from("live")),
  archived [[clang::annotate("structmig:label:\"gone\"")]],
  zzz = -1,
};
enum STRUCTMIG_ENUM(priority) Priority : short { low = 1, high = 0 };
struct STRUCTMIG_TABLE(documents) Document {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  DocumentStatus status;
};
)model");
  EXPECT_EQ(parse.schema.enums,
            (std::vector<EnumType>{
                {"document_status", {"draft", "in review", "published", "gone", "zzz"}},
                {"priority", {"low", "high"}}}));
  ASSERT_EQ(parse.schema.tables.size(), 1u);
  EXPECT_EQ(parse.schema.tables[0].columns[1].type, "document_status");
  RenameHints hints;
  hints.enum_labels[{"document_status", "published"}] = "live";
  EXPECT_EQ(parse.hints, hints);
}

TEST(ExtractEnums, UnusedEnumsArePartOfTheSchemaInNameOrder) {
  ModelParse parse = parse_clean(R"model(
enum class STRUCTMIG_ENUM(zeta) Z { a };
namespace app { enum class STRUCTMIG_ENUM(alpha) A { b, c }; }
struct Holder { enum class STRUCTMIG_ENUM(middle) M { d }; };
enum class STRUCTMIG_ENUM(empty_enum) Empty {};
enum class NotAnnotated { x };
)model");
  EXPECT_EQ(parse.schema.enums,
            (std::vector<EnumType>{
                {"alpha", {"b", "c"}}, {"empty_enum", {}}, {"middle", {"d"}}, {"zeta", {"a"}}}));
  EXPECT_TRUE(parse.schema.tables.empty());
}

TEST(ExtractEnums, RenamedFromHintsForEnumsAndLabels) {
  ModelParse parse = parse_clean(R"model(
enum class STRUCTMIG_ENUM(ticket_state, renamed_from(ticket_status)) State {
  open,
  waiting STRUCTMIG_LABEL(renamed_from(pending)),
  closed STRUCTMIG_LABEL("done", renamed_from("closed for good")),
};
)model");
  ASSERT_EQ(parse.schema.enums.size(), 1u);
  EXPECT_EQ(parse.schema.enums[0], (EnumType{"ticket_state", {"open", "waiting", "done"}}));
  RenameHints hints;
  hints.enums["ticket_state"] = "ticket_status";
  hints.enum_labels[{"ticket_state", "waiting"}] = "pending";
  hints.enum_labels[{"ticket_state", "done"}] = "closed for good";
  EXPECT_EQ(parse.hints, hints);
}

TEST(ExtractEnums, ForwardDeclaredEnumUsesItsDefinitionsAnnotation) {
  ModelParse parse = parse_clean(R"model(
enum class Color : int;
struct STRUCTMIG_TABLE(paints) Paint {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  Color color;
};
enum class STRUCTMIG_ENUM(color) Color : int { red, green };
)model");
  ASSERT_EQ(parse.schema.tables.size(), 1u);
  EXPECT_EQ(parse.schema.tables[0].columns[1].type, "color");
  EXPECT_EQ(parse.schema.enums, (std::vector<EnumType>{{"color", {"red", "green"}}}));
}

}  // namespace
}  // namespace structmig::extract::testing

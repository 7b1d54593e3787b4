// The acknowledgements of the models through Clang: acknowledge(rewrite) and
// backfill("SQL") on columns, acknowledge(drop_column(c)) on tables,
// acknowledge(drop_label("x")) on enums and STRUCTMIG_ACKNOWLEDGE(drop_table(t))
// at namespace scope (several per header), in macro and plain-annotation
// spellings; and the places (file, line, column) of tables, columns and enums.
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

TEST(ExtractAcknowledgements, NoneByDefault) {
  ModelParse parse = parse_clean(R"model(
struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
)model");
  EXPECT_EQ(parse.acknowledgements, plan::Acknowledgements{});
}

TEST(ExtractAcknowledgements, EveryKind) {
  ModelParse parse = parse_clean(R"model(
enum class STRUCTMIG_ENUM(status, acknowledge(drop_label("in review"), drop_label(stale)))
    Status { open, closed };
struct STRUCTMIG_TABLE(notes, acknowledge(drop_column(body)),
                       acknowledge(drop_column(old_title), drop_column("Legacy Name"))) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(acknowledge(rewrite)) std::int64_t count;
  STRUCTMIG_COLUMN(backfill("0")) std::int32_t votes;
  STRUCTMIG_COLUMN(acknowledge(rewrite), backfill("now()")) structmig::timestamp at;
  Status status;
};
STRUCTMIG_ACKNOWLEDGE(drop_table(legacy_notes));
namespace app {
STRUCTMIG_ACKNOWLEDGE(drop_table(audit_log), drop_table("Old Things"));
}
)model");
  plan::Acknowledgements expected;
  expected.rewrites = {{"notes", "at"}, {"notes", "count"}};
  expected.backfills = {{{"notes", "at"}, "now()"}, {{"notes", "votes"}, "0"}};
  expected.dropped_columns = {{"notes", "Legacy Name"}, {"notes", "body"}, {"notes", "old_title"}};
  expected.dropped_tables = {"Old Things", "audit_log", "legacy_notes"};
  expected.dropped_labels = {{"status", "in review"}, {"status", "stale"}};
  EXPECT_EQ(parse.acknowledgements, expected);
}

TEST(ExtractAcknowledgements, PlainAnnotationSpellings) {
  ModelParse parse = parse_clean(R"model(
struct [[clang::annotate("structmig:table:notes, acknowledge(drop_column(body))")]] Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  [[clang::annotate("structmig:column:backfill(\"'x'\")")]] std::string title;
};
struct [[clang::annotate("structmig:acknowledge:drop_table(old)")]] anything;
)model");
  plan::Acknowledgements expected;
  expected.backfills = {{{"notes", "title"}, "'x'"}};
  expected.dropped_columns = {{"notes", "body"}};
  expected.dropped_tables = {"old"};
  EXPECT_EQ(parse.acknowledgements, expected);
}

TEST(ExtractAcknowledgements, PlacesOfTablesColumnsAndEnums) {
  constexpr std::string_view kCode = R"model(
enum class STRUCTMIG_ENUM(status) Status { open };
struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(name("note_title")) std::string title;
  Status status;
};
)model";
  ModelParse parse = parse_clean(kCode);
  auto at = [&](std::string_view needle) {
    Position position = position_of(kCode, needle);
    return SourcePlace{"models.cpp", position.line, position.column};
  };
  ModelPlaces expected;
  expected.enums = {{"status", at("Status {")}};
  expected.tables = {{"notes", at("Note {")}};
  expected.columns = {{{"notes", "id"}, at("id;")},
                      {{"notes", "note_title"}, at("title;")},
                      {{"notes", "status"}, at("status;")}};
  EXPECT_EQ(parse.places, expected);
}

}  // namespace
}  // namespace structmig::extract::testing

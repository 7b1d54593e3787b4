// Misused acknowledgements, each reported at its exact line and column:
// unknown kinds (with "did you mean"), kinds written where they do not
// belong, wrong argument shapes, repeats, acknowledging the drop of something
// the model still has, and backfill without a string or on a nullable column.
// (Model code uses the R"model( delimiter: clang-format reformats R"cpp(.)
#include <gtest/gtest.h>

#include "expect_diagnostics.hpp"
#include "parse_models.hpp"

namespace structmig::extract::testing {
namespace {

TEST(AcknowledgementDiagnostics, UnknownKindSuggestsTheClosest) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key, acknowledge(rewirte)) std::int64_t id;
};
)model",
                    "rewirte", "unknown acknowledgement 'rewirte'; did you mean 'rewrite'?");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes, acknowledge(drop_colum(body))) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
)model",
                    "drop_colum",
                    "unknown acknowledgement 'drop_colum'; did you mean 'drop_column'?");
}

TEST(AcknowledgementDiagnostics, UnknownKindListsTheKnownOnes) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key, acknowledge(everything)) std::int64_t id;
};
)model",
                    "everything",
                    "unknown acknowledgement 'everything'; expected one of: drop_column, "
                    "drop_label, drop_table, rewrite");
}

TEST(AcknowledgementDiagnostics, KindWrittenWhereItDoesNotBelong) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key, acknowledge(drop_column(body))) std::int64_t id;
};
)model",
                    "drop_column(body)",
                    "acknowledge(drop_column) does not belong on a column; write it on the table, "
                    "as in STRUCTMIG_TABLE(notes, acknowledge(drop_column(old_column)))");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes, acknowledge(rewrite)) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
)model",
                    "rewrite", "acknowledge(rewrite) does not belong on a table");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes, acknowledge(drop_table(old))) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
)model",
                    "drop_table", "write it at namespace scope in a model header");
  expect_only_error(R"model(
enum class STRUCTMIG_ENUM(status, acknowledge(drop_column(x))) Status { open };
)model",
                    "drop_column", "acknowledge(drop_column) does not belong on an enum");
  expect_only_error(R"model(
STRUCTMIG_ACKNOWLEDGE(drop_label("x"));
)model",
                    "drop_label",
                    "acknowledge(drop_label) does not belong on STRUCTMIG_ACKNOWLEDGE; write it "
                    "on the enum");
}

TEST(AcknowledgementDiagnostics, WrongArgumentShapes) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key, acknowledge) std::int64_t id;
};
)model",
                    "acknowledge",
                    "annotation argument 'acknowledge' expects what is acknowledged, as in "
                    "acknowledge(rewrite)");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key, acknowledge(rewrite(all))) std::int64_t id;
};
)model",
                    "rewrite(all)", "annotation argument 'rewrite' takes no arguments");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes, acknowledge(drop_column)) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
)model",
                    "drop_column",
                    "annotation argument 'drop_column' expects the dropped column's name");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes, acknowledge(drop_column(a, b))) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
)model",
                    "drop_column", "expects the dropped column's name");
  expect_only_error(R"model(
enum class STRUCTMIG_ENUM(status, acknowledge(drop_label(""))) Status { open };
)model",
                    "drop_label", "annotation argument 'drop_label' expects the dropped label");
  expect_only_error(R"model(
STRUCTMIG_ACKNOWLEDGE(drop_table(1));
)model",
                    "drop_table", "expects the dropped table's name");
  expect_only_error(R"model(
STRUCTMIG_ACKNOWLEDGE();
)model",
                    "STRUCTMIG_ACKNOWLEDGE",
                    "annotation argument 'STRUCTMIG_ACKNOWLEDGE' expects what is acknowledged");
  expect_only_error(R"model(
STRUCTMIG_ACKNOWLEDGE(drop_table(a) drop_table(b));
)model",
                    "drop_table(b)", "malformed structmig annotation: expected ','");
}

TEST(AcknowledgementDiagnostics, BackfillNeedsOneString) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(backfill(0)) std::int32_t votes;
};
)model",
                    "backfill",
                    "annotation argument 'backfill' expects one non-empty SQL expression");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(backfill) std::int32_t votes;
};
)model",
                    "backfill", "expects one non-empty SQL expression");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(bakfill("0")) std::int32_t votes;
};
)model",
                    "bakfill", "unknown annotation argument 'bakfill'; did you mean 'backfill'?");
}

TEST(AcknowledgementDiagnostics, BackfillOnANullableColumn) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  STRUCTMIG_COLUMN(backfill("0")) std::optional<std::int32_t> votes;
};
)model",
                    "backfill",
                    "backfill(...) fills a new NOT NULL column, but column 'votes' is nullable");
}

TEST(AcknowledgementDiagnostics, AcknowledgingTheDropOfWhatTheModelStillHas) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes, acknowledge(drop_column(body))) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
  std::string body;
};
)model",
                    "drop_column(body)",
                    "acknowledge(drop_column(body)) acknowledges dropping column 'body' of table "
                    "'notes', which the model still has");
  expect_only_error(
      R"model(
enum class STRUCTMIG_ENUM(status, acknowledge(drop_label("in review"))) Status {
  open, in_review STRUCTMIG_LABEL("in review")
};
)model",
      "drop_label",
      "acknowledge(drop_label(\"in review\")) acknowledges dropping label 'in review' "
      "of enum 'status', which the model still has");
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
STRUCTMIG_ACKNOWLEDGE(drop_table(notes));
)model",
                    "drop_table(notes)",
                    "STRUCTMIG_ACKNOWLEDGE(drop_table(notes)) acknowledges dropping table 'notes', "
                    "which the model still has");
}

TEST(AcknowledgementDiagnostics, Repeats) {
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes, acknowledge(drop_column(a)), acknowledge(drop_column(a))) Note {
  STRUCTMIG_COLUMN(primary_key) std::int64_t id;
};
)model",
                    "drop_column(a)", "duplicate annotation argument 'acknowledge(drop_column(a))'",
                    2);
  expect_only_error(R"model(
struct STRUCTMIG_TABLE(notes) Note {
  STRUCTMIG_COLUMN(primary_key, acknowledge(rewrite, rewrite)) std::int64_t id;
};
)model",
                    "rewrite", "duplicate annotation argument 'acknowledge(rewrite)'", 2);
  expect_only_error(R"model(
STRUCTMIG_ACKNOWLEDGE(drop_table(old));
STRUCTMIG_ACKNOWLEDGE(drop_table(old));
)model",
                    "drop_table",
                    "duplicate annotation argument 'STRUCTMIG_ACKNOWLEDGE(drop_table(old))'", 2);
}

}  // namespace
}  // namespace structmig::extract::testing

// report_refusals with hand-made refusals: each kind at its place (a column's
// field, a table's struct, an enum, a dropped table's line in the snapshot),
// the source line with a caret, the indented note, and the fallbacks when the
// model has no place for it.
#include "commands/report_refusals.hpp"

#include <gtest/gtest.h>

#include <string>

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace structmig::commands {
namespace {

using extract::SourcePlace;
using plan::Refusal;
using plan::RefusalKind;

constexpr std::string_view kModel =
    "struct STRUCTMIG_TABLE(notes) Note {\n"
    "  STRUCTMIG_COLUMN(primary_key) std::int64_t id;\n"
    "\tstd::int64_t votes;\n"
    "};\n"
    "enum class STRUCTMIG_ENUM(status) Status { open };\n";

constexpr std::string_view kSnapshot =
    "{\n"
    "  \"format\": \"structmig-snapshot\",\n"
    "  \"version\": 1,\n"
    "  \"head\": \"abc\",\n"
    "  \"enums\": [\n"
    "    {\"name\": \"gone_enum\", \"labels\": [\"a\"]}\n"
    "  ],\n"
    "  \"tables\": [\n"
    "    {\n"
    "      \"name\": \"legacy_notes\",\n"
    "      \"primary_key\": [\"id\"],\n"
    "      \"primary_key_name\": \"pk_legacy_notes\",\n"
    "      \"columns\": [\n"
    "        {\"name\": \"notes\", \"type\": \"bigint\", \"nullable\": false}\n"
    "      ]\n"
    "    },\n"
    "    {\n"
    "      \"name\": \"notes\",\n"
    "      \"primary_key\": [\"id\"],\n"
    "      \"primary_key_name\": \"pk_notes\",\n"
    "      \"columns\": []\n"
    "    }\n"
    "  ]\n"
    "}\n";

class ReportRefusals : public ::testing::Test {
 protected:
  void SetUp() override {
    llvm::SmallString<128> dir;
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("structmig-refusals", dir));
    dir_ = std::string(dir);
    model_ = dir_ + "/note.hpp";
    snapshot_ = dir_ + "/schema.snapshot.json";
    write(model_, kModel);
    write(snapshot_, kSnapshot);
    places_.tables["notes"] = {model_, 1, 31};
    places_.columns[{"notes", "id"}] = {model_, 2, 46};
    places_.columns[{"notes", "votes"}] = {model_, 3, 15};
    places_.enums["status"] = {model_, 5, 36};
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir_); }

  static void write(const std::string& path, std::string_view text) {
    std::error_code ec;
    llvm::raw_fd_ostream out(path, ec);
    ASSERT_FALSE(ec);
    out << text;
  }

  std::string report(const std::vector<Refusal>& refusals) {
    std::string text;
    llvm::raw_string_ostream out(text);
    report_refusals(refusals, places_, snapshot_, out);
    return out.str();
  }

  std::string dir_, model_, snapshot_;
  extract::ModelPlaces places_;
};

TEST_F(ReportRefusals, ATypeChangeAtItsFieldWithTheSourceLineAndTheNote) {
  EXPECT_EQ(report({{RefusalKind::rewriting_type_change, "notes", "id",
                     "changing notes.id from integer to bigint rewrites the table",
                     "add acknowledge(rewrite) to the column"}}),
            model_ +
                ":2:46: error: changing notes.id from integer to bigint rewrites the table\n"
                "  STRUCTMIG_COLUMN(primary_key) std::int64_t id;\n"
                "                                             ^\n"
                "  note: add acknowledge(rewrite) to the column\n");
}

TEST_F(ReportRefusals, TheCaretKeepsTabs) {
  EXPECT_EQ(report({{RefusalKind::not_null_without_default, "notes", "votes", "r", "n"}}),
            model_ + ":3:15: error: r\n\tstd::int64_t votes;\n\t             ^\n  note: n\n");
}

TEST_F(ReportRefusals, EachKindAtItsPlace) {
  auto place = [&](RefusalKind kind, std::string table, std::string column) {
    return refusal_place({kind, std::move(table), std::move(column), "", ""}, places_, snapshot_);
  };
  EXPECT_EQ(place(RefusalKind::volatile_default, "notes", "votes"), (SourcePlace{model_, 3, 15}));
  EXPECT_EQ(place(RefusalKind::drop_column, "notes", "body"), (SourcePlace{model_, 1, 31}));
  EXPECT_EQ(place(RefusalKind::drop_enum_label, "status", "closed"), (SourcePlace{model_, 5, 36}));
  // The table is gone from the models: its "name" line in the snapshot.
  EXPECT_EQ(place(RefusalKind::drop_table, "legacy_notes", ""), (SourcePlace{snapshot_, 10, 7}));
  EXPECT_EQ(place(RefusalKind::drop_table, "notes", ""), (SourcePlace{snapshot_, 18, 7}));
  // A column without a place falls back to its table.
  EXPECT_EQ(place(RefusalKind::rewriting_type_change, "notes", "unknown"),
            (SourcePlace{model_, 1, 31}));
  // An enum the models lack: its item in the snapshot.
  EXPECT_EQ(place(RefusalKind::drop_enum_label, "gone_enum", "a"), (SourcePlace{snapshot_, 6, 5}));
  EXPECT_EQ(place(RefusalKind::drop_table, "nowhere", ""), std::nullopt);
}

TEST_F(ReportRefusals, ADroppedTableAtItsSnapshotLine) {
  EXPECT_EQ(
      report({{RefusalKind::drop_table, "legacy_notes", "", "dropping legacy_notes loses rows",
               "add STRUCTMIG_ACKNOWLEDGE(drop_table(legacy_notes));"}}),
      snapshot_ +
          ":10:7: error: dropping legacy_notes loses rows\n"
          "      \"name\": \"legacy_notes\",\n"
          "      ^\n"
          "  note: add STRUCTMIG_ACKNOWLEDGE(drop_table(legacy_notes));\n");
}

TEST_F(ReportRefusals, WithoutAPlaceAsAToolError) {
  EXPECT_EQ(report({{RefusalKind::drop_table, "nowhere", "", "reason", "recipe"}}),
            "structmig: error: reason\n  note: recipe\n");
}

TEST_F(ReportRefusals, SeveralInOrder) {
  std::string text = report({{RefusalKind::drop_column, "notes", "body", "first", "a"},
                             {RefusalKind::drop_enum_label, "status", "x", "second", "b"}});
  EXPECT_LT(text.find(model_ + ":1:31: error: first"), text.find(model_ + ":5:36: error: second"));
}

TEST(SnapshotPlaces, TableMembersNotColumnsOrEnums) {
  // A column item with the same name is not the table.
  EXPECT_EQ(snapshot_table_place(kSnapshot, "notes"), (SourcePlace{"", 18, 7}));
  EXPECT_EQ(snapshot_enum_place(kSnapshot, "gone_enum"), (SourcePlace{"", 6, 5}));
  EXPECT_EQ(snapshot_enum_place(kSnapshot, "notes"), std::nullopt);
  EXPECT_EQ(snapshot_table_place(kSnapshot, "gone_enum"), std::nullopt);
}

}  // namespace
}  // namespace structmig::commands

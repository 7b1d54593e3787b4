// The snapshot file: the exact canonical text, the round trip, and every
// error a damaged, foreign or newer file produces.
#include "snapshot/snapshot.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace structmig::snapshot {
namespace {

const char kTicketsText[] = R"golden({
  "format": "structmig-snapshot",
  "version": 1,
  "head": "3f9a2c1b7e04",
  "tables": [
    {
      "name": "tickets",
      "primary_key": ["id"],
      "columns": [
        {"name": "id", "type": "bigint", "nullable": false},
        {"name": "priority", "type": "character varying(20)", "nullable": false, "default": "'normal'"},
        {"name": "email", "type": "text", "nullable": false, "unique": true}
      ]
    }
  ]
}
)golden";

Snapshot tickets_snapshot() {
  Table tickets{
      .name = "tickets",
      .columns = {{.name = "id", .type = "bigint"},
                  {.name = "priority", .type = "character varying(20)", .default_sql = "'normal'"},
                  {.name = "email", .type = "text", .unique = true}},
      .primary_key = {"id"},
  };
  return Snapshot{.head = "3f9a2c1b7e04", .schema = {.tables = {tickets}}};
}

// The error text of a parse that must fail.
std::string parse_error(const std::string& text) {
  llvm::Expected<Snapshot> parsed = parse_snapshot(text, "migrations/schema.snapshot.json");
  if (parsed) return "<parsed without error>";
  return llvm::toString(parsed.takeError());
}

// kTicketsText with one substring replaced, for the error cases.
std::string tickets_text_with(const std::string& from, const std::string& to) {
  std::string text = kTicketsText;
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

TEST(Snapshot, FormatsTheDocumentedText) {
  EXPECT_EQ(format_snapshot(tickets_snapshot()), kTicketsText);
}

TEST(Snapshot, ParsesTheDocumentedText) {
  llvm::Expected<Snapshot> parsed = parse_snapshot(kTicketsText, "s.json");
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(*parsed, tickets_snapshot());
}

TEST(Snapshot, EmptySnapshotHasNullHeadAndNoTables) {
  const std::string expected =
      "{\n"
      "  \"format\": \"structmig-snapshot\",\n"
      "  \"version\": 1,\n"
      "  \"head\": null,\n"
      "  \"tables\": []\n"
      "}\n";
  EXPECT_EQ(format_snapshot(Snapshot{}), expected);
  llvm::Expected<Snapshot> parsed = parse_snapshot(expected, "s.json");
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(*parsed, Snapshot{});
}

TEST(Snapshot, SortsTablesByNameAndKeepsColumnOrder) {
  Snapshot snapshot;
  snapshot.schema.tables = {
      {.name = "users", .columns = {{.name = "z", .type = "text"}, {.name = "a", .type = "text"}}},
      {.name = "empty"},
      {.name = "accounts",
       .columns = {{.name = "id", .type = "integer"}, {.name = "tenant", .type = "integer"}},
       .primary_key = {"tenant", "id"}},
  };
  const std::string expected = R"({
  "format": "structmig-snapshot",
  "version": 1,
  "head": null,
  "tables": [
    {
      "name": "accounts",
      "primary_key": ["tenant", "id"],
      "columns": [
        {"name": "id", "type": "integer", "nullable": false},
        {"name": "tenant", "type": "integer", "nullable": false}
      ]
    },
    {
      "name": "empty",
      "primary_key": [],
      "columns": []
    },
    {
      "name": "users",
      "primary_key": [],
      "columns": [
        {"name": "z", "type": "text", "nullable": false},
        {"name": "a", "type": "text", "nullable": false}
      ]
    }
  ]
}
)";
  EXPECT_EQ(format_snapshot(snapshot), expected);

  llvm::Expected<Snapshot> parsed = parse_snapshot(expected, "s.json");
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
  sort_tables(snapshot.schema);
  EXPECT_EQ(*parsed, snapshot);
}

TEST(Snapshot, RoundTripsAwkwardStrings) {
  Snapshot snapshot;
  snapshot.head = "0123456789ab";
  snapshot.schema.tables = {{
      .name = "we\"ird\\name",
      .columns = {{.name = "caf\xC3\xA9",
                   .type = "text",
                   .nullable = true,
                   .default_sql = "E'line\\nbreak'\n\t\x01",
                   .unique = true}},
  }};
  const std::string text = format_snapshot(snapshot);
  EXPECT_NE(text.find(R"("name": "we\"ird\\name")"), std::string::npos) << text;
  EXPECT_NE(text.find("\"caf\xC3\xA9\""), std::string::npos) << text;  // UTF-8 kept as is
  EXPECT_NE(text.find(R"("default": "E'line\\nbreak'\n\t\u0001")"), std::string::npos) << text;

  llvm::Expected<Snapshot> parsed = parse_snapshot(text, "s.json");
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(*parsed, snapshot);
  EXPECT_EQ(format_snapshot(*parsed), text);
}

TEST(Snapshot, AcceptsExplicitDefaultsButWritesThemCanonically) {
  const std::string text =
      tickets_text_with(R"("nullable": false})", R"("nullable": false, "unique": false})");
  llvm::Expected<Snapshot> parsed = parse_snapshot(text, "s.json");
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(*parsed, tickets_snapshot());
  EXPECT_EQ(format_snapshot(*parsed), kTicketsText);
}

TEST(SnapshotErrors, InvalidJsonNamesFileLineAndColumn) {
  // The stray comma is on line 3; its column is 14, the parser stops at 15.
  const std::string text = "{\n  \"format\": \"structmig-snapshot\",\n  \"version\": 1,,\n}\n";
  EXPECT_EQ(parse_error(text),
            "migrations/schema.snapshot.json:3:16: error: invalid JSON: Expected object key");
}

TEST(SnapshotErrors, TruncatedFile) {
  EXPECT_EQ(parse_error("{\n  \"format\": \"structmig-snapshot\",\n"),
            "migrations/schema.snapshot.json:3:1: error: invalid JSON: Expected object key");
}

TEST(SnapshotErrors, UnsupportedVersion) {
  EXPECT_EQ(parse_error(tickets_text_with("\"version\": 1", "\"version\": 7")),
            "migrations/schema.snapshot.json: error: unsupported snapshot version 7 "
            "(this structmig reads version 1)");
}

TEST(SnapshotErrors, VersionMustBeAnInteger) {
  EXPECT_EQ(parse_error(tickets_text_with("\"version\": 1", "\"version\": \"1\"")),
            "migrations/schema.snapshot.json: error: \"version\" must be an integer");
  EXPECT_EQ(parse_error(tickets_text_with("  \"version\": 1,\n", "")),
            "migrations/schema.snapshot.json: error: missing \"version\"");
}

TEST(SnapshotErrors, WrongOrMissingFormat) {
  const std::string expected =
      "migrations/schema.snapshot.json: error: not a structmig snapshot "
      "(expected \"format\": \"structmig-snapshot\")";
  EXPECT_EQ(parse_error(tickets_text_with("\"structmig-snapshot\"", "\"alembic\"")), expected);
  EXPECT_EQ(parse_error(tickets_text_with("  \"format\": \"structmig-snapshot\",\n", "")),
            expected);
  EXPECT_EQ(parse_error("[1, 2]"),
            "migrations/schema.snapshot.json: error: not a structmig snapshot "
            "(the top level is not a JSON object)");
}

TEST(SnapshotErrors, TopLevelFields) {
  EXPECT_EQ(parse_error(tickets_text_with("  \"head\": \"3f9a2c1b7e04\",\n", "")),
            "migrations/schema.snapshot.json: error: missing \"head\"");
  EXPECT_EQ(parse_error(tickets_text_with("\"3f9a2c1b7e04\"", "42")),
            "migrations/schema.snapshot.json: error: \"head\" must be a revision id or null");
  EXPECT_EQ(parse_error(tickets_text_with("\"3f9a2c1b7e04\"", "\"\"")),
            "migrations/schema.snapshot.json: error: \"head\" must be a revision id or null");
  EXPECT_EQ(parse_error(tickets_text_with("\"head\"", "\"heads\": [], \"head\"")),
            "migrations/schema.snapshot.json: error: unknown key \"heads\"");
  EXPECT_EQ(parse_error(tickets_text_with("\"tables\": [", "\"tables\": {} , \"x\": [")),
            "migrations/schema.snapshot.json: error: \"tables\" must be an array");
}

TEST(SnapshotErrors, TableFields) {
  EXPECT_EQ(parse_error(tickets_text_with("\"name\": \"tickets\",", "")),
            "migrations/schema.snapshot.json: error: tables[0]: missing \"name\"");
  EXPECT_EQ(parse_error(tickets_text_with("\"primary_key\": [\"id\"],", "")),
            "migrations/schema.snapshot.json: error: table 'tickets': missing \"primary_key\"");
  EXPECT_EQ(parse_error(tickets_text_with("[\"id\"]", "[1]")),
            "migrations/schema.snapshot.json: error: table 'tickets': \"primary_key\" must be "
            "an array of column names");
  EXPECT_EQ(parse_error(tickets_text_with("[\"id\"]", "[\"nope\"]")),
            "migrations/schema.snapshot.json: error: table 'tickets': primary key column 'nope' "
            "is not a column of the table");
  EXPECT_EQ(parse_error(tickets_text_with("\"primary_key\"", "\"indexes\": [], \"primary_key\"")),
            "migrations/schema.snapshot.json: error: table 'tickets': unknown key \"indexes\"");
  EXPECT_EQ(parse_error(tickets_text_with("\"tables\": [", "\"tables\": [7,")),
            "migrations/schema.snapshot.json: error: tables[0] must be an object");
}

TEST(SnapshotErrors, ColumnFields) {
  EXPECT_EQ(parse_error(tickets_text_with(R"("type": "bigint", )", "")),
            "migrations/schema.snapshot.json: error: table 'tickets': column 'id': missing "
            "\"type\"");
  EXPECT_EQ(parse_error(tickets_text_with(R"("bigint", "nullable": false)", R"("bigint")")),
            "migrations/schema.snapshot.json: error: table 'tickets': column 'id': missing "
            "\"nullable\"");
  EXPECT_EQ(parse_error(tickets_text_with(R"("bigint", "nullable": false)",
                                          R"("bigint", "nullable": "no")")),
            "migrations/schema.snapshot.json: error: table 'tickets': column 'id': \"nullable\" "
            "must be true or false");
  EXPECT_EQ(parse_error(tickets_text_with(R"("default": "'normal'")", R"("default": null)")),
            "migrations/schema.snapshot.json: error: table 'tickets': column 'priority': "
            "\"default\" must be a string");
  EXPECT_EQ(parse_error(tickets_text_with(R"("unique": true)", R"("unique": true, "index": true)")),
            "migrations/schema.snapshot.json: error: table 'tickets': column 'email': unknown key "
            "\"index\"");
  EXPECT_EQ(parse_error(tickets_text_with(R"({"name": "id", )", R"({)")),
            "migrations/schema.snapshot.json: error: table 'tickets': columns[0]: missing "
            "\"name\"");
  EXPECT_EQ(parse_error(tickets_text_with(R"("name": "email")", R"("name": "id")")),
            "migrations/schema.snapshot.json: error: table 'tickets': column 'id' appears twice");
}

TEST(SnapshotErrors, DuplicateTable) {
  const std::string table = R"({"name": "t", "primary_key": [], "columns": []})";
  EXPECT_EQ(
      parse_error(R"({"format": "structmig-snapshot", "version": 1, "head": null, "tables": [)" +
                  table + ", " + table + "]}"),
      "migrations/schema.snapshot.json: error: table 't' appears twice");
}

class SnapshotFile : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("structmig-snapshot-test", dir_));
  }
  void TearDown() override { llvm::sys::fs::remove_directories(dir_); }

  std::string path(llvm::StringRef name) const {
    llvm::SmallString<256> p(dir_);
    llvm::sys::path::append(p, name);
    return std::string(p);
  }

  llvm::SmallString<256> dir_;
};

TEST_F(SnapshotFile, MissingFileIsTheEmptySnapshot) {
  llvm::Expected<Snapshot> read = read_snapshot(path("schema.snapshot.json"));
  ASSERT_TRUE(bool(read)) << llvm::toString(read.takeError());
  EXPECT_EQ(*read, Snapshot{});
}

TEST_F(SnapshotFile, ReadsAFileAndNamesItInErrors) {
  const std::string good = path("good.json");
  std::ofstream(good, std::ios::binary) << kTicketsText;
  llvm::Expected<Snapshot> read = read_snapshot(good);
  ASSERT_TRUE(bool(read)) << llvm::toString(read.takeError());
  EXPECT_EQ(*read, tickets_snapshot());

  const std::string bad = path("bad.json");
  std::ofstream(bad, std::ios::binary) << "{\"format\": \"structmig-snapshot\", \"version\": 2}";
  llvm::Expected<Snapshot> failed = read_snapshot(bad);
  ASSERT_FALSE(bool(failed));
  EXPECT_EQ(llvm::toString(failed.takeError()),
            bad + ": error: unsupported snapshot version 2 (this structmig reads version 1)");
}

TEST_F(SnapshotFile, UnreadablePathIsAnError) {
  // A directory where the file should be.
  llvm::Expected<Snapshot> failed = read_snapshot(dir_);
  ASSERT_FALSE(bool(failed));
  const std::string message = llvm::toString(failed.takeError());
  EXPECT_EQ(message.rfind(std::string(dir_) + ": error: cannot read the snapshot: ", 0), 0u)
      << message;
}

}  // namespace
}  // namespace structmig::snapshot

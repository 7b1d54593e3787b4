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
      "primary_key_name": "pk_tickets",
      "columns": [
        {"name": "id", "type": "bigint", "nullable": false},
        {"name": "priority", "type": "character varying(20)", "nullable": false, "default": "'normal'"},
        {"name": "email", "type": "text", "nullable": false}
      ],
      "uniques": [
        {"name": "uq_tickets_email", "columns": ["email"]}
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
                  {.name = "email", .type = "text"}},
      .primary_key = {"id"},
      .primary_key_name = "pk_tickets",
      .uniques = {{.name = "uq_tickets_email", .columns = {"email"}}},
  };
  return Snapshot{.head = "3f9a2c1b7e04", .schema = {.tables = {tickets}}};
}

// Every kind of object the snapshot holds, each optional field once set and
// once left out.
const char kEverythingText[] = R"golden({
  "format": "structmig-snapshot",
  "version": 1,
  "head": "0123456789ab",
  "enums": [
    {"name": "document_status", "labels": ["draft", "in review", "published"]},
    {"name": "empty_enum", "labels": []}
  ],
  "tables": [
    {
      "name": "documents",
      "comment": "Every document, one row per version",
      "primary_key": ["id", "version"],
      "primary_key_name": "documents_pkey",
      "columns": [
        {"name": "id", "type": "bigint", "nullable": false, "identity": "by_default"},
        {"name": "version", "type": "integer", "nullable": false, "default": "1", "comment": "Counts from 1"},
        {"name": "seq", "type": "bigint", "nullable": false, "identity": "always"},
        {"name": "owner_id", "type": "bigint", "nullable": true},
        {"name": "status", "type": "document_status", "nullable": false, "default": "'draft'"},
        {"name": "history", "type": "document_status[]", "nullable": true},
        {"name": "title", "type": "text", "nullable": false}
      ],
      "uniques": [
        {"name": "uq_documents_owner_id_title", "columns": ["owner_id", "title"]},
        {"name": "uq_documents_seq", "columns": ["seq"]}
      ],
      "checks": [
        {"name": "ck_documents_version", "expression": "version > 0"}
      ],
      "foreign_keys": [
        {"name": "fk_documents_owner_id_users", "columns": ["owner_id"], "referenced_table": "users", "referenced_columns": ["id"], "on_delete": "set_null", "on_update": "cascade"},
        {"name": "fk_documents_seq_users", "columns": ["seq"], "referenced_table": "users", "referenced_columns": ["id"]}
      ],
      "indexes": [
        {"name": "ix_documents_open", "keys": ["owner_id"], "where": "status <> 'published'"},
        {"name": "ix_documents_status_expr1a2b3c4d", "keys": ["status", {"expression": "lower(title)"}]},
        {"name": "ux_documents_history", "keys": ["history"], "unique": true, "method": "gin"}
      ]
    },
    {
      "name": "users",
      "primary_key": ["id"],
      "primary_key_name": "pk_users",
      "columns": [
        {"name": "id", "type": "bigint", "nullable": false}
      ]
    }
  ]
}
)golden";

Snapshot everything_snapshot() {
  Table documents{
      .name = "documents",
      .columns =
          {{.name = "id", .type = "bigint", .identity = Identity::by_default},
           {.name = "version", .type = "integer", .default_sql = "1", .comment = "Counts from 1"},
           {.name = "seq", .type = "bigint", .identity = Identity::always},
           {.name = "owner_id", .type = "bigint", .nullable = true},
           {.name = "status", .type = "document_status", .default_sql = "'draft'"},
           {.name = "history", .type = "document_status[]", .nullable = true},
           {.name = "title", .type = "text"}},
      .primary_key = {"id", "version"},
      .primary_key_name = "documents_pkey",
      .uniques = {{.name = "uq_documents_owner_id_title", .columns = {"owner_id", "title"}},
                  {.name = "uq_documents_seq", .columns = {"seq"}}},
      .checks = {{.name = "ck_documents_version", .expression = "version > 0"}},
      .foreign_keys = {{.name = "fk_documents_owner_id_users",
                        .columns = {"owner_id"},
                        .referenced_table = "users",
                        .referenced_columns = {"id"},
                        .on_delete = ForeignKeyAction::set_null,
                        .on_update = ForeignKeyAction::cascade},
                       {.name = "fk_documents_seq_users",
                        .columns = {"seq"},
                        .referenced_table = "users",
                        .referenced_columns = {"id"}}},
      .indexes = {{.name = "ix_documents_open",
                   .keys = {{.column = "owner_id"}},
                   .where = "status <> 'published'"},
                  {.name = "ix_documents_status_expr1a2b3c4d",
                   .keys = {{.column = "status"}, {.expression = "lower(title)"}}},
                  {.name = "ux_documents_history",
                   .keys = {{.column = "history"}},
                   .unique = true,
                   .method = "gin"}},
      .comment = "Every document, one row per version",
  };
  Table users{.name = "users",
              .columns = {{.name = "id", .type = "bigint"}},
              .primary_key = {"id"},
              .primary_key_name = "pk_users"};
  return Snapshot{.head = "0123456789ab",
                  .schema = {.enums = {{.name = "document_status",
                                        .labels = {"draft", "in review", "published"}},
                                       {.name = "empty_enum", .labels = {}}},
                             .tables = {documents, users}}};
}

// The error text of a parse that must fail.
std::string parse_error(const std::string& text) {
  llvm::Expected<Snapshot> parsed = parse_snapshot(text, "migrations/schema.snapshot.json");
  if (parsed) return "<parsed without error>";
  return llvm::toString(parsed.takeError());
}

// `base` with one substring replaced, for the error cases.
std::string text_with(const std::string& base, const std::string& from, const std::string& to) {
  std::string text = base;
  const size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

std::string tickets_text_with(const std::string& from, const std::string& to) {
  return text_with(kTicketsText, from, to);
}

std::string everything_text_with(const std::string& from, const std::string& to) {
  return text_with(kEverythingText, from, to);
}

constexpr const char kFile[] = "migrations/schema.snapshot.json: error: ";

TEST(Snapshot, FormatsTheDocumentedText) {
  EXPECT_EQ(format_snapshot(tickets_snapshot()), kTicketsText);
}

TEST(Snapshot, ParsesTheDocumentedText) {
  llvm::Expected<Snapshot> parsed = parse_snapshot(kTicketsText, "s.json");
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(*parsed, tickets_snapshot());
}

TEST(Snapshot, FormatsEveryKindOfObject) {
  EXPECT_EQ(format_snapshot(everything_snapshot()), kEverythingText);
}

TEST(Snapshot, ParsesEveryKindOfObject) {
  llvm::Expected<Snapshot> parsed = parse_snapshot(kEverythingText, "s.json");
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(*parsed, everything_snapshot());
  EXPECT_EQ(format_snapshot(*parsed), kEverythingText);
}

// Enums, tables and each table's constraints and indexes by name; columns,
// labels, key columns and index keys as they are.
TEST(Snapshot, WritesObjectsInNameOrder) {
  Snapshot shuffled = everything_snapshot();
  std::swap(shuffled.schema.enums[0], shuffled.schema.enums[1]);
  std::swap(shuffled.schema.tables[0], shuffled.schema.tables[1]);
  Table& documents = shuffled.schema.tables[1];
  std::swap(documents.uniques[0], documents.uniques[1]);
  std::swap(documents.foreign_keys[0], documents.foreign_keys[1]);
  std::swap(documents.indexes[0], documents.indexes[2]);
  EXPECT_EQ(format_snapshot(shuffled), kEverythingText);
}

// The overload the generator uses (no Snapshot copy): the same text whether
// the schema comes sorted (no copy) or shuffled (a sorted copy).
TEST(Snapshot, HeadAndSchemaOverloadWritesTheSameText) {
  const Snapshot sorted = everything_snapshot();
  Snapshot shuffled = sorted;
  std::swap(shuffled.schema.tables[0], shuffled.schema.tables[1]);
  std::swap(shuffled.schema.tables[1].indexes[0], shuffled.schema.tables[1].indexes[2]);
  EXPECT_EQ(format_snapshot(sorted.head, sorted.schema), kEverythingText);
  EXPECT_EQ(format_snapshot(sorted.head, shuffled.schema), kEverythingText);
}

TEST(Snapshot, InSortSchemaOrderIsWhatSortSchemaLeavesAlone) {
  const Snapshot sorted = everything_snapshot();
  EXPECT_TRUE(in_sort_schema_order(sorted.schema));
  Snapshot tables_swapped = sorted;
  std::swap(tables_swapped.schema.tables[0], tables_swapped.schema.tables[1]);
  EXPECT_FALSE(in_sort_schema_order(tables_swapped.schema));
  Snapshot indexes_swapped = sorted;
  std::swap(indexes_swapped.schema.tables[0].indexes[0],
            indexes_swapped.schema.tables[0].indexes[2]);
  EXPECT_FALSE(in_sort_schema_order(indexes_swapped.schema));
  sort_schema(indexes_swapped.schema);
  EXPECT_TRUE(in_sort_schema_order(indexes_swapped.schema));
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

TEST(Snapshot, EnumsWithoutTables) {
  Snapshot snapshot;
  snapshot.schema.enums = {{.name = "mood", .labels = {"sad", "ok"}}};
  const std::string expected =
      "{\n"
      "  \"format\": \"structmig-snapshot\",\n"
      "  \"version\": 1,\n"
      "  \"head\": null,\n"
      "  \"enums\": [\n"
      "    {\"name\": \"mood\", \"labels\": [\"sad\", \"ok\"]}\n"
      "  ],\n"
      "  \"tables\": []\n"
      "}\n";
  EXPECT_EQ(format_snapshot(snapshot), expected);
  llvm::Expected<Snapshot> parsed = parse_snapshot(expected, "s.json");
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(*parsed, snapshot);
}

TEST(Snapshot, SortsTablesByNameAndKeepsColumnOrder) {
  Snapshot snapshot;
  snapshot.schema.tables = {
      {.name = "users", .columns = {{.name = "z", .type = "text"}, {.name = "a", .type = "text"}}},
      {.name = "empty"},
      {.name = "accounts",
       .columns = {{.name = "id", .type = "integer"}, {.name = "tenant", .type = "integer"}},
       .primary_key = {"tenant", "id"},
       .primary_key_name = "pk_accounts"},
  };
  const std::string expected = R"({
  "format": "structmig-snapshot",
  "version": 1,
  "head": null,
  "tables": [
    {
      "name": "accounts",
      "primary_key": ["tenant", "id"],
      "primary_key_name": "pk_accounts",
      "columns": [
        {"name": "id", "type": "integer", "nullable": false},
        {"name": "tenant", "type": "integer", "nullable": false}
      ]
    },
    {
      "name": "empty",
      "primary_key": [],
      "primary_key_name": "",
      "columns": []
    },
    {
      "name": "users",
      "primary_key": [],
      "primary_key_name": "",
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
  sort_schema(snapshot.schema);
  EXPECT_EQ(*parsed, snapshot);
}

TEST(Snapshot, RoundTripsAwkwardStrings) {
  Snapshot snapshot;
  snapshot.head = "0123456789ab";
  snapshot.schema.enums = {{.name = "e\"num", .labels = {"it's", "a\\b", "caf\xC3\xA9"}}};
  snapshot.schema.tables = {{
      .name = "we\"ird\\name",
      .columns = {{.name = "caf\xC3\xA9",
                   .type = "text",
                   .nullable = true,
                   .default_sql = "E'line\\nbreak'\n\t\x01",
                   .comment = "multi\nline"}},
      .checks = {{.name = "ck\"", .expression = "\"caf\xC3\xA9\" <> ''"}},
      .comment = "",
  }};
  const std::string text = format_snapshot(snapshot);
  EXPECT_NE(text.find(R"("name": "we\"ird\\name")"), std::string::npos) << text;
  EXPECT_NE(text.find("\"caf\xC3\xA9\""), std::string::npos) << text;  // UTF-8 kept as is
  EXPECT_NE(text.find(R"("default": "E'line\\nbreak'\n\t\u0001")"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("comment": "",)"), std::string::npos) << text;  // set, though empty

  llvm::Expected<Snapshot> parsed = parse_snapshot(text, "s.json");
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(*parsed, snapshot);
  EXPECT_EQ(format_snapshot(*parsed), text);
}

TEST(Snapshot, AcceptsExplicitDefaultsButWritesThemCanonically) {
  std::string text = everything_text_with(R"("name": "title", "type": "text", "nullable": false)",
                                          R"("name": "title", "type": "text", "nullable": false, )"
                                          R"("identity": "none")");
  text = text_with(text, R"("referenced_columns": ["id"]})",
                   R"("referenced_columns": ["id"], "on_delete": "no_action", )"
                   R"("on_update": "no_action"})");
  text = text_with(text, R"("keys": ["owner_id"],)",
                   R"("keys": ["owner_id"], "unique": false, "method": "btree",)");
  text = text_with(text, R"("primary_key_name": "pk_users",)",
                   R"("primary_key_name": "pk_users", "uniques": [], "checks": [], )"
                   R"("foreign_keys": [], "indexes": [],)");
  llvm::Expected<Snapshot> parsed = parse_snapshot(text, "s.json");
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(*parsed, everything_snapshot());
  EXPECT_EQ(format_snapshot(*parsed), kEverythingText);

  parsed = parse_snapshot(tickets_text_with("\"head\"", "\"enums\": [], \"head\""), "s.json");
  ASSERT_TRUE(bool(parsed)) << llvm::toString(parsed.takeError());
  EXPECT_EQ(*parsed, tickets_snapshot());
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
            std::string(kFile) + "unsupported snapshot version 7 (this structmig reads version 1)");
}

TEST(SnapshotErrors, VersionMustBeAnInteger) {
  EXPECT_EQ(parse_error(tickets_text_with("\"version\": 1", "\"version\": \"1\"")),
            std::string(kFile) + "\"version\" must be an integer");
  EXPECT_EQ(parse_error(tickets_text_with("  \"version\": 1,\n", "")),
            std::string(kFile) + "missing \"version\"");
}

TEST(SnapshotErrors, WrongOrMissingFormat) {
  const std::string expected =
      std::string(kFile) + "not a structmig snapshot (expected \"format\": \"structmig-snapshot\")";
  EXPECT_EQ(parse_error(tickets_text_with("\"structmig-snapshot\"", "\"alembic\"")), expected);
  EXPECT_EQ(parse_error(tickets_text_with("  \"format\": \"structmig-snapshot\",\n", "")),
            expected);
  EXPECT_EQ(parse_error("[1, 2]"), std::string(kFile) +
                                       "not a structmig snapshot (the top level is not a JSON "
                                       "object)");
}

TEST(SnapshotErrors, TopLevelFields) {
  EXPECT_EQ(parse_error(tickets_text_with("  \"head\": \"3f9a2c1b7e04\",\n", "")),
            std::string(kFile) + "missing \"head\"");
  EXPECT_EQ(parse_error(tickets_text_with("\"3f9a2c1b7e04\"", "42")),
            std::string(kFile) + "\"head\" must be a revision id or null");
  EXPECT_EQ(parse_error(tickets_text_with("\"3f9a2c1b7e04\"", "\"\"")),
            std::string(kFile) + "\"head\" must be a revision id or null");
  EXPECT_EQ(parse_error(tickets_text_with("\"head\"", "\"heads\": [], \"head\"")),
            std::string(kFile) + "unknown key \"heads\"");
  EXPECT_EQ(parse_error(tickets_text_with("\"tables\": [", "\"tables\": {} , \"x\": [")),
            std::string(kFile) + "\"tables\" must be an array");
  EXPECT_EQ(parse_error(tickets_text_with("\"head\"", "\"enums\": {}, \"head\"")),
            std::string(kFile) + "\"enums\" must be an array");
}

TEST(SnapshotErrors, EnumFields) {
  EXPECT_EQ(parse_error(everything_text_with(R"({"name": "empty_enum", )", "{")),
            std::string(kFile) + "enums[1]: missing \"name\"");
  EXPECT_EQ(parse_error(everything_text_with(R"("labels": [])", R"("labels": "a")")),
            std::string(kFile) + "enum 'empty_enum': \"labels\" must be an array");
  EXPECT_EQ(parse_error(everything_text_with(R"("labels": [])", R"("labels": [1])")),
            std::string(kFile) + "enum 'empty_enum': \"labels\" must be an array of strings");
  EXPECT_EQ(parse_error(everything_text_with(R"("labels": [])", R"("labels": ["a", "a"])")),
            std::string(kFile) + "enum 'empty_enum': label 'a' appears twice");
  EXPECT_EQ(parse_error(everything_text_with(R"("labels": [])", R"("labels": [""])")),
            std::string(kFile) + "enum 'empty_enum': a label must not be empty");
  EXPECT_EQ(parse_error(everything_text_with(R"("labels": [])", R"("labels": [], "values": [])")),
            std::string(kFile) + "enum 'empty_enum': unknown key \"values\"");
  EXPECT_EQ(parse_error(everything_text_with(R"("empty_enum")", R"("document_status")")),
            std::string(kFile) + "enum 'document_status' appears twice");
  EXPECT_EQ(parse_error(everything_text_with(R"("enums": [)", R"("enums": [7,)")),
            std::string(kFile) + "enums[0] must be an object");
}

TEST(SnapshotErrors, TableFields) {
  EXPECT_EQ(parse_error(tickets_text_with("\"name\": \"tickets\",", "")),
            std::string(kFile) + "tables[0]: missing \"name\"");
  EXPECT_EQ(parse_error(tickets_text_with("\"primary_key\": [\"id\"],", "")),
            std::string(kFile) + "table 'tickets': missing \"primary_key\"");
  EXPECT_EQ(parse_error(tickets_text_with("[\"id\"]", "[1]")),
            std::string(kFile) +
                "table 'tickets': \"primary_key\" must be an array of column "
                "names");
  EXPECT_EQ(parse_error(tickets_text_with("[\"id\"]", "[\"nope\"]")),
            std::string(kFile) +
                "table 'tickets': primary key column 'nope' is not a column of "
                "the table");
  EXPECT_EQ(parse_error(tickets_text_with("[\"id\"]", "[\"id\", \"id\"]")),
            std::string(kFile) + "table 'tickets': primary key column 'id' appears twice");
  EXPECT_EQ(parse_error(tickets_text_with("\"primary_key_name\": \"pk_tickets\",", "")),
            std::string(kFile) + "table 'tickets': missing \"primary_key_name\"");
  EXPECT_EQ(parse_error(tickets_text_with("\"pk_tickets\"", "\"\"")),
            std::string(kFile) + "table 'tickets': \"primary_key_name\" must not be empty");
  EXPECT_EQ(parse_error(tickets_text_with("\"primary_key\"", "\"comment\": 5, \"primary_key\"")),
            std::string(kFile) + "table 'tickets': \"comment\" must be a string");
  EXPECT_EQ(
      parse_error(tickets_text_with("\"primary_key\"", "\"constraints\": [], \"primary_key\"")),
      std::string(kFile) + "table 'tickets': unknown key \"constraints\"");
  EXPECT_EQ(parse_error(tickets_text_with("\"primary_key\"", "\"checks\": {}, \"primary_key\"")),
            std::string(kFile) + "table 'tickets': \"checks\" must be an array");
  EXPECT_EQ(parse_error(tickets_text_with("\"tables\": [", "\"tables\": [7,")),
            std::string(kFile) + "tables[0] must be an object");
}

TEST(SnapshotErrors, ColumnFields) {
  const std::string column = std::string(kFile) + "table 'tickets': column ";
  EXPECT_EQ(parse_error(tickets_text_with(R"("type": "bigint", )", "")),
            column + "'id': missing \"type\"");
  EXPECT_EQ(parse_error(tickets_text_with(R"("bigint", "nullable": false)", R"("bigint")")),
            column + "'id': missing \"nullable\"");
  EXPECT_EQ(parse_error(tickets_text_with(R"("bigint", "nullable": false)",
                                          R"("bigint", "nullable": "no")")),
            column + "'id': \"nullable\" must be true or false");
  EXPECT_EQ(parse_error(tickets_text_with(R"("default": "'normal'")", R"("default": null)")),
            column + "'priority': \"default\" must be a string");
  EXPECT_EQ(parse_error(tickets_text_with(R"("bigint", "nullable": false)",
                                          R"("bigint", "nullable": false, "identity": "yes")")),
            column + "'id': \"identity\" must be \"by_default\" or \"always\"");
  EXPECT_EQ(parse_error(tickets_text_with(R"("bigint", "nullable": false)",
                                          R"("bigint", "nullable": false, "comment": [])")),
            column + "'id': \"comment\" must be a string");
  // "unique" was a column field once; uniqueness is a constraint now.
  EXPECT_EQ(parse_error(tickets_text_with(R"("text", "nullable": false})",
                                          R"("text", "nullable": false, "unique": true})")),
            column + "'email': unknown key \"unique\"");
  EXPECT_EQ(parse_error(tickets_text_with(R"({"name": "id", )", R"({)")),
            std::string(kFile) + "table 'tickets': columns[0]: missing \"name\"");
  EXPECT_EQ(parse_error(tickets_text_with(R"("name": "email")", R"("name": "id")")),
            std::string(kFile) + "table 'tickets': column 'id' appears twice");
}

TEST(SnapshotErrors, UniqueAndCheckFields) {
  const std::string table = std::string(kFile) + "table 'documents': ";
  EXPECT_EQ(
      parse_error(everything_text_with(R"(["owner_id", "title"])", R"(["owner_id", "nope"])")),
      table +
          "unique 'uq_documents_owner_id_title': column 'nope' is not a column of the "
          "table");
  EXPECT_EQ(parse_error(everything_text_with(R"(["owner_id", "title"])", "[]")),
            table + "unique 'uq_documents_owner_id_title': \"columns\" must not be empty");
  EXPECT_EQ(parse_error(everything_text_with(R"(["owner_id", "title"])", R"(["title", "title"])")),
            table + "unique 'uq_documents_owner_id_title': column 'title' appears twice");
  EXPECT_EQ(parse_error(everything_text_with(R"({"name": "uq_documents_seq", )", "{")),
            table + "uniques[1]: missing \"name\"");
  EXPECT_EQ(parse_error(everything_text_with(R"(, "expression": "version > 0")", "")),
            table + "check 'ck_documents_version': missing \"expression\"");
  EXPECT_EQ(parse_error(everything_text_with(R"("version > 0")", R"("version > 0", "valid": 1)")),
            table + "check 'ck_documents_version': unknown key \"valid\"");
}

TEST(SnapshotErrors, ForeignKeyFields) {
  const std::string key = std::string(kFile) + "table 'documents': foreign key ";
  EXPECT_EQ(parse_error(everything_text_with(R"("columns": ["seq"], "referenced_table")",
                                             R"("columns": ["nope"], "referenced_table")")),
            key + "'fk_documents_seq_users': column 'nope' is not a column of the table");
  EXPECT_EQ(parse_error(everything_text_with(
                R"("referenced_table": "users", "referenced_columns": ["id"]})",
                R"("referenced_table": "users", "referenced_columns": []})")),
            key +
                "'fk_documents_seq_users': \"columns\" and \"referenced_columns\" differ in "
                "length");
  EXPECT_EQ(parse_error(everything_text_with(
                R"("referenced_table": "users", "referenced_columns": ["id"]})",
                R"("referenced_table": "nobody", "referenced_columns": ["id"]})")),
            key + "'fk_documents_seq_users': referenced table 'nobody' is not in the snapshot");
  EXPECT_EQ(parse_error(everything_text_with(
                R"("referenced_table": "users", "referenced_columns": ["id"]})",
                R"("referenced_table": "users", "referenced_columns": ["uid"]})")),
            key +
                "'fk_documents_seq_users': referenced column 'uid' is not a column of table "
                "'users'");
  EXPECT_EQ(
      parse_error(everything_text_with(R"("on_delete": "set_null")", R"("on_delete": "SET NULL")")),
      key +
          "'fk_documents_owner_id_users': \"on_delete\" must be one of no_action, "
          "restrict, cascade, set_null, set_default");
  EXPECT_EQ(parse_error(everything_text_with(
                R"(, "referenced_table": "users", "referenced_columns": ["id"]})", "}")),
            key + "'fk_documents_seq_users': missing \"referenced_table\"");
}

TEST(SnapshotErrors, IndexFields) {
  const std::string index = std::string(kFile) + "table 'documents': index ";
  EXPECT_EQ(parse_error(everything_text_with(R"("keys": ["owner_id"])", R"("keys": ["nope"])")),
            index + "'ix_documents_open': column 'nope' is not a column of the table");
  EXPECT_EQ(parse_error(everything_text_with(R"("keys": ["owner_id"])", R"("keys": [])")),
            index + "'ix_documents_open': \"keys\" must not be empty");
  EXPECT_EQ(parse_error(everything_text_with(R"("keys": ["owner_id"])", R"("keys": [3])")),
            index +
                "'ix_documents_open': keys[0] must be a column name or {\"expression\": "
                "\"...\"}");
  EXPECT_EQ(
      parse_error(everything_text_with(R"x({"expression": "lower(title)"})x",
                                       R"x({"expression": "lower(title)", "order": "desc"})x")),
      index + "'ix_documents_status_expr1a2b3c4d': keys[1]: unknown key \"order\"");
  EXPECT_EQ(parse_error(everything_text_with(R"x({"expression": "lower(title)"})x", "{}")),
            index + "'ix_documents_status_expr1a2b3c4d': keys[1]: missing \"expression\"");
  EXPECT_EQ(parse_error(everything_text_with(R"("method": "gin")", R"("method": "")")),
            index + "'ux_documents_history': \"method\" must not be empty");
  EXPECT_EQ(parse_error(everything_text_with(R"("unique": true)", R"("unique": "yes")")),
            index + "'ux_documents_history': \"unique\" must be true or false");
  EXPECT_EQ(
      parse_error(everything_text_with(R"("where": "status <> 'published'")", R"("where": 1)")),
      index + "'ix_documents_open': \"where\" must be a string");
}

TEST(SnapshotErrors, ConstraintAndIndexNamesAreDistinct) {
  EXPECT_EQ(parse_error(everything_text_with(R"("ix_documents_open")", R"("uq_documents_seq")")),
            std::string(kFile) +
                "table 'documents': constraint or index name 'uq_documents_seq' "
                "appears twice");
  EXPECT_EQ(parse_error(everything_text_with(R"("ck_documents_version")", R"("documents_pkey")")),
            std::string(kFile) +
                "table 'documents': constraint or index name 'documents_pkey' "
                "appears twice");
}

TEST(SnapshotErrors, DuplicateTable) {
  const std::string table =
      R"({"name": "t", "primary_key": [], "primary_key_name": "", "columns": []})";
  EXPECT_EQ(
      parse_error(R"({"format": "structmig-snapshot", "version": 1, "head": null, "tables": [)" +
                  table + ", " + table + "]}"),
      std::string(kFile) + "table 't' appears twice");
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

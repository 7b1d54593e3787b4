// Golden-text tests of SQL generation: each operation built by hand, the exact
// statements compared as text. No database; tests/integration/introspect runs
// the same statements against PostgreSQL.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "structmig/naming.hpp"
#include "structmig/sql.hpp"

namespace structmig {
namespace {

using Statements = std::vector<std::string>;

Column column(std::string name, std::string type, bool nullable = false,
              std::optional<std::string> default_sql = std::nullopt, bool unique = false) {
  return Column{std::move(name), std::move(type), nullable, std::move(default_sql), unique};
}

Table tickets() {
  return Table{"tickets",
               {column("id", "bigint"), column("title", "character varying(200)"),
                column("priority", "character varying(20)", false, "'normal'"),
                column("description", "text", true), column("email", "text", false, {}, true)},
               {"id"}};
}

TEST(SqlQuote, IdentifiersAreAlwaysQuoted) {
  EXPECT_EQ(quote_ident("tickets"), "\"tickets\"");
  EXPECT_EQ(quote_ident("User"), "\"User\"");
  EXPECT_EQ(quote_ident("select"), "\"select\"");
  EXPECT_EQ(quote_ident("we\"ird"), "\"we\"\"ird\"");
  EXPECT_EQ(quote_ident("\"\""), "\"\"\"\"\"\"");
  EXPECT_EQ(quote_ident("bücher_日本"), "\"bücher_日本\"");
  EXPECT_EQ(quote_ident("a b;DROP TABLE x"), "\"a b;DROP TABLE x\"");
}

TEST(SqlQuote, IdentifiersRejectNulAndEmpty) {
  EXPECT_THROW(quote_ident(std::string("a\0b", 3)), std::invalid_argument);
  EXPECT_THROW(quote_ident(""), std::invalid_argument);
}

TEST(SqlQuote, Literals) {
  EXPECT_EQ(quote_literal("normal"), "'normal'");
  EXPECT_EQ(quote_literal(""), "''");
  EXPECT_EQ(quote_literal("it's"), "'it''s'");
  EXPECT_EQ(quote_literal("''"), "''''''");
  EXPECT_EQ(quote_literal("a\\b"), "E'a\\\\b'");
  EXPECT_EQ(quote_literal("it's C:\\dir\\"), "E'it''s C:\\\\dir\\\\'");
  EXPECT_EQ(quote_literal("naïve \"x\""), "'naïve \"x\"'");
  EXPECT_THROW(quote_literal(std::string("a\0b", 3)), std::invalid_argument);
}

TEST(SqlCreateTable, OneColumnPerLineWithConstraints) {
  EXPECT_EQ(to_sql(CreateTable{tickets()}),
            Statements{"CREATE TABLE \"tickets\" (\n"
                       "    \"id\" bigint NOT NULL,\n"
                       "    \"title\" character varying(200) NOT NULL,\n"
                       "    \"priority\" character varying(20) NOT NULL DEFAULT 'normal',\n"
                       "    \"description\" text,\n"
                       "    \"email\" text NOT NULL,\n"
                       "    CONSTRAINT \"pk_tickets\" PRIMARY KEY (\"id\"),\n"
                       "    CONSTRAINT \"uq_tickets_email\" UNIQUE (\"email\")\n"
                       ")"});
}

TEST(SqlCreateTable, CompositeKeyNoKeyAndNoColumns) {
  Table link{"ticket_tags",
             {column("ticket_id", "bigint"), column("tag", "text"),
              column("added_at", "timestamp with time zone", false, "now()")},
             {"ticket_id", "tag"}};
  EXPECT_EQ(to_sql(CreateTable{link}),
            Statements{"CREATE TABLE \"ticket_tags\" (\n"
                       "    \"ticket_id\" bigint NOT NULL,\n"
                       "    \"tag\" text NOT NULL,\n"
                       "    \"added_at\" timestamp with time zone NOT NULL DEFAULT now(),\n"
                       "    CONSTRAINT \"pk_ticket_tags\" PRIMARY KEY (\"ticket_id\", \"tag\")\n"
                       ")"});
  EXPECT_EQ(to_sql(CreateTable{Table{"log", {column("line", "text", true)}, {}}}),
            Statements{"CREATE TABLE \"log\" (\n    \"line\" text\n)"});
  EXPECT_EQ(to_sql(CreateTable{Table{"empty", {}, {}}}), Statements{"CREATE TABLE \"empty\" ()"});
}

TEST(SqlCreateTable, HostileNamesAreQuotedAndConstraintNamesFit) {
  std::string long_name(70, 't');
  Table table{"we\"ird", {column("c\"ol", "integer", false, {}, true)}, {"c\"ol"}};
  EXPECT_EQ(to_sql(CreateTable{table}),
            Statements{"CREATE TABLE \"we\"\"ird\" (\n"
                       "    \"c\"\"ol\" integer NOT NULL,\n"
                       "    CONSTRAINT \"pk_we\"\"ird\" PRIMARY KEY (\"c\"\"ol\"),\n"
                       "    CONSTRAINT \"uq_we\"\"ird_c\"\"ol\" UNIQUE (\"c\"\"ol\")\n"
                       ")"});
  std::string sql = to_sql(CreateTable{Table{long_name, {column("x", "text")}, {"x"}}}).at(0);
  EXPECT_NE(sql.find("CONSTRAINT \"" + primary_key_name(long_name) + "\""), std::string::npos);
  EXPECT_LE(primary_key_name(long_name).size(), max_identifier_bytes);
}

TEST(SqlCreateTable, ColumnWithoutTypeIsRejected) {
  EXPECT_THROW(to_sql(CreateTable{Table{"t", {column("a", "")}, {}}}), std::invalid_argument);
}

TEST(SqlDropTable, ByName) {
  EXPECT_EQ(to_sql(DropTable{tickets()}), Statements{"DROP TABLE \"tickets\""});
  EXPECT_EQ(to_sql(DropTable{Table{.name = "we\"ird"}}), Statements{"DROP TABLE \"we\"\"ird\""});
}

TEST(SqlAddColumn, WithDefault) {
  EXPECT_EQ(
      to_sql(AddColumn{"tickets", column("priority", "character varying(20)", false, "'normal'")}),
      Statements{"ALTER TABLE \"tickets\" ADD COLUMN \"priority\" character varying(20) NOT "
                 "NULL DEFAULT 'normal'"});
  EXPECT_EQ(to_sql(AddColumn{"tickets", column("note", "text", true)}),
            Statements{"ALTER TABLE \"tickets\" ADD COLUMN \"note\" text"});
}

TEST(SqlAddColumn, UniqueAddsASeparateConstraint) {
  EXPECT_EQ(
      to_sql(AddColumn{"users", column("email", "text", false, {}, true)}),
      (Statements{"ALTER TABLE \"users\" ADD COLUMN \"email\" text NOT NULL",
                  "ALTER TABLE \"users\" ADD CONSTRAINT \"uq_users_email\" UNIQUE (\"email\")"}));
}

TEST(SqlDropColumn, ByName) {
  EXPECT_EQ(to_sql(DropColumn{"tickets", column("priority", "text")}),
            Statements{"ALTER TABLE \"tickets\" DROP COLUMN \"priority\""});
  EXPECT_EQ(to_sql(DropColumn{"tickets", Column{.name = "unique", .unique = true}}),
            Statements{"ALTER TABLE \"tickets\" DROP COLUMN \"unique\""});
}

AlterColumn alter(Column from, Column to, std::optional<std::string> using_sql = std::nullopt) {
  return AlterColumn{"t", std::move(from), std::move(to), std::move(using_sql)};
}

TEST(SqlAlterColumn, NothingChangesNoStatement) {
  Column c = column("c", "text", true, "'x'", true);
  EXPECT_EQ(to_sql(alter(c, c)), Statements{});
}

TEST(SqlAlterColumn, TypeOnly) {
  EXPECT_EQ(to_sql(alter(column("c", "integer"), column("c", "bigint"))),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" TYPE bigint"});
}

TEST(SqlAlterColumn, TypeWithUsing) {
  EXPECT_EQ(to_sql(alter(column("c", "text"), column("c", "integer"), "\"c\"::integer")),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" TYPE integer USING \"c\"::integer"});
}

TEST(SqlAlterColumn, TypeChangeWithUnchangedDefaultDropsAndRestoresIt) {
  EXPECT_EQ(to_sql(alter(column("c", "integer", false, "0"), column("c", "bigint", false, "0"))),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" DROP DEFAULT, ALTER COLUMN \"c\" TYPE "
                       "bigint, ALTER COLUMN \"c\" SET DEFAULT 0"});
}

TEST(SqlAlterColumn, TypeAndDefaultChange) {
  EXPECT_EQ(to_sql(alter(column("c", "text", false, "'0'"), column("c", "integer", false, "1"),
                         "c::int")),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" DROP DEFAULT, ALTER COLUMN \"c\" TYPE "
                       "integer USING c::int, ALTER COLUMN \"c\" SET DEFAULT 1"});
}

TEST(SqlAlterColumn, TypeChangeGainingADefault) {
  EXPECT_EQ(to_sql(alter(column("c", "integer"), column("c", "bigint", false, "0"))),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" TYPE bigint, ALTER COLUMN \"c\" SET "
                       "DEFAULT 0"});
}

TEST(SqlAlterColumn, TypeChangeLosingADefault) {
  EXPECT_EQ(to_sql(alter(column("c", "integer", false, "0"), column("c", "bigint"))),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" DROP DEFAULT, ALTER COLUMN \"c\" TYPE "
                       "bigint"});
}

TEST(SqlAlterColumn, DefaultSetChangedDropped) {
  EXPECT_EQ(to_sql(alter(column("c", "text"), column("c", "text", false, "'a'"))),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" SET DEFAULT 'a'"});
  EXPECT_EQ(to_sql(alter(column("c", "text", false, "'a'"), column("c", "text", false, "'b'"))),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" DROP DEFAULT, ALTER COLUMN \"c\" SET "
                       "DEFAULT 'b'"});
  EXPECT_EQ(to_sql(alter(column("c", "text", false, "'a'"), column("c", "text"))),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" DROP DEFAULT"});
}

TEST(SqlAlterColumn, Nullability) {
  EXPECT_EQ(to_sql(alter(column("c", "text", true), column("c", "text", false))),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" SET NOT NULL"});
  EXPECT_EQ(to_sql(alter(column("c", "text", false), column("c", "text", true))),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" DROP NOT NULL"});
}

TEST(SqlAlterColumn, Uniqueness) {
  EXPECT_EQ(to_sql(alter(column("c", "text"), column("c", "text", false, {}, true))),
            Statements{"ALTER TABLE \"t\" ADD CONSTRAINT \"uq_t_c\" UNIQUE (\"c\")"});
  EXPECT_EQ(to_sql(alter(column("c", "text", false, {}, true), column("c", "text"))),
            Statements{"ALTER TABLE \"t\" DROP CONSTRAINT \"uq_t_c\""});
}

TEST(SqlAlterColumn, EverythingAtOnceInSafeOrder) {
  EXPECT_EQ(to_sql(AlterColumn{"tickets", column("score", "text", true, "'0'", false),
                               column("score", "bigint", false, "0", true), "score::bigint"}),
            Statements{"ALTER TABLE \"tickets\" ALTER COLUMN \"score\" DROP DEFAULT, "
                       "ALTER COLUMN \"score\" TYPE bigint USING score::bigint, "
                       "ALTER COLUMN \"score\" SET DEFAULT 0, "
                       "ALTER COLUMN \"score\" SET NOT NULL, "
                       "ADD CONSTRAINT \"uq_tickets_score\" UNIQUE (\"score\")"});
  EXPECT_EQ(to_sql(AlterColumn{"tickets", column("score", "bigint", false, "0", true),
                               column("score", "text", true, {}, false), std::nullopt}),
            Statements{"ALTER TABLE \"tickets\" ALTER COLUMN \"score\" DROP DEFAULT, "
                       "ALTER COLUMN \"score\" TYPE text, "
                       "ALTER COLUMN \"score\" DROP NOT NULL, "
                       "DROP CONSTRAINT \"uq_tickets_score\""});
}

TEST(SqlAlterColumn, HostileNames) {
  EXPECT_EQ(to_sql(AlterColumn{"we\"ird", column("c\"1", "text", true),
                               column("c\"1", "text", false, {}, true), std::nullopt}),
            Statements{"ALTER TABLE \"we\"\"ird\" ALTER COLUMN \"c\"\"1\" SET NOT NULL, "
                       "ADD CONSTRAINT \"uq_we\"\"ird_c\"\"1\" UNIQUE (\"c\"\"1\")"});
}

TEST(SqlAlterColumn, RenameIsRejected) {
  EXPECT_THROW(to_sql(alter(column("a", "text"), column("b", "text"))), std::invalid_argument);
}

TEST(SqlSetPrimaryKey, ReplaceAddDrop) {
  EXPECT_EQ(to_sql(SetPrimaryKey{"t", {"id"}, {"a", "b"}}),
            Statements{"ALTER TABLE \"t\" DROP CONSTRAINT \"pk_t\", ADD CONSTRAINT \"pk_t\" "
                       "PRIMARY KEY (\"a\", \"b\")"});
  EXPECT_EQ(to_sql(SetPrimaryKey{"t", {}, {"id"}}),
            Statements{"ALTER TABLE \"t\" ADD CONSTRAINT \"pk_t\" PRIMARY KEY (\"id\")"});
  EXPECT_EQ(to_sql(SetPrimaryKey{"t", {"id"}, {}}),
            Statements{"ALTER TABLE \"t\" DROP CONSTRAINT \"pk_t\""});
  EXPECT_EQ(to_sql(SetPrimaryKey{"t", {}, {}}), Statements{});
  EXPECT_EQ(to_sql(SetPrimaryKey{"t", {"id"}, {"id"}}), Statements{});
}

TEST(SqlExecuteSql, Verbatim) {
  std::string sql = "UPDATE \"tickets\" SET priority = 'high' WHERE id IN (1, 2)";
  EXPECT_EQ(to_sql(ExecuteSql{sql}), Statements{sql});
}

TEST(SqlOpList, ConcatenatesInOrder) {
  std::vector<Op> ops{CreateTable{Table{"a", {column("x", "integer")}, {}}},
                      AddColumn{"a", column("y", "text", false, {}, true)}, ExecuteSql{"SELECT 1"},
                      DropTable{Table{.name = "a"}}};
  EXPECT_EQ(to_sql(ops), (Statements{"CREATE TABLE \"a\" (\n    \"x\" integer NOT NULL\n)",
                                     "ALTER TABLE \"a\" ADD COLUMN \"y\" text NOT NULL",
                                     "ALTER TABLE \"a\" ADD CONSTRAINT \"uq_a_y\" UNIQUE (\"y\")",
                                     "SELECT 1", "DROP TABLE \"a\""}));
}

TEST(SqlOpList, Deterministic) {
  std::vector<Op> ops{CreateTable{tickets()}, SetPrimaryKey{"tickets", {"id"}, {"id", "title"}}};
  EXPECT_EQ(to_sql(ops), to_sql(ops));
}

}  // namespace
}  // namespace structmig

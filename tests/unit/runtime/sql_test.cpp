// Golden-text tests of SQL generation for quoting, tables and columns: each
// operation built by hand, the exact statements compared as text. No
// database; tests/integration/sql runs the same shapes against PostgreSQL.
// Column changes, constraints and enums have sql_*_test.cpp files of their own.
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
              std::optional<std::string> default_sql = std::nullopt) {
  return Column{.name = std::move(name),
                .type = std::move(type),
                .nullable = nullable,
                .default_sql = std::move(default_sql)};
}

Table tickets() {
  return Table{.name = "tickets",
               .columns = {column("id", "bigint"), column("title", "character varying(200)"),
                           column("priority", "character varying(20)", false, "'normal'"),
                           column("description", "text", true), column("email", "text")},
               .primary_key = {"id"},
               .primary_key_name = "pk_tickets",
               .uniques = {{"uq_tickets_email", {"email"}}}};
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
  EXPECT_THROW(quote_ident(std::string("a\0b", 3)), structmig::InvalidOperation);
  EXPECT_THROW(quote_ident(""), structmig::InvalidOperation);
}

TEST(SqlQuote, Literals) {
  EXPECT_EQ(quote_literal("normal"), "'normal'");
  EXPECT_EQ(quote_literal(""), "''");
  EXPECT_EQ(quote_literal("it's"), "'it''s'");
  EXPECT_EQ(quote_literal("''"), "''''''");
  EXPECT_EQ(quote_literal("a\\b"), "E'a\\\\b'");
  EXPECT_EQ(quote_literal("it's C:\\dir\\"), "E'it''s C:\\\\dir\\\\'");
  EXPECT_EQ(quote_literal("naïve \"x\""), "'naïve \"x\"'");
  EXPECT_THROW(quote_literal(std::string("a\0b", 3)), structmig::InvalidOperation);
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

TEST(SqlCreateTable, EveryElementKindInOrderThenIndexesThenComments) {
  Table table{.name = "tickets",
              .columns = {Column{.name = "id", .type = "bigint", .identity = Identity::by_default},
                          Column{.name = "user_id",
                                 .type = "bigint",
                                 .nullable = true,
                                 .comment = "who filed it"},
                          column("org_id", "bigint"), column("score", "integer", false, "0"),
                          column("tags", "text[]", true)},
              .primary_key = {"id"},
              .primary_key_name = "tickets_pkey",
              .uniques = {{"uq_tickets_org_id_score", {"org_id", "score"}}},
              .checks = {{"ck_tickets_score", "score >= 0"}},
              .foreign_keys = {ForeignKey{.name = "fk_tickets_org_id_orgs",
                                          .columns = {"org_id"},
                                          .referenced_table = "orgs",
                                          .referenced_columns = {"id"},
                                          .on_delete = ForeignKeyAction::cascade},
                               ForeignKey{.name = "fk_tickets_user_id_users",
                                          .columns = {"user_id"},
                                          .referenced_table = "users",
                                          .referenced_columns = {"id"},
                                          .on_delete = ForeignKeyAction::set_null,
                                          .on_update = ForeignKeyAction::cascade}},
              .indexes = {Index{.name = "ix_tickets_tags", .keys = {{"tags", ""}}, .method = "gin"},
                          Index{.name = "ux_tickets_lower",
                                .keys = {{"", "lower(\"title\")"}, {"org_id", ""}},
                                .unique = true,
                                .where = "score > 0"}},
              .comment = "Customer's tickets"};
  EXPECT_EQ(
      to_sql(CreateTable{table}),
      (Statements{
          "CREATE TABLE \"tickets\" (\n"
          "    \"id\" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL,\n"
          "    \"user_id\" bigint,\n"
          "    \"org_id\" bigint NOT NULL,\n"
          "    \"score\" integer NOT NULL DEFAULT 0,\n"
          "    \"tags\" text[],\n"
          "    CONSTRAINT \"tickets_pkey\" PRIMARY KEY (\"id\"),\n"
          "    CONSTRAINT \"uq_tickets_org_id_score\" UNIQUE (\"org_id\", \"score\"),\n"
          "    CONSTRAINT \"ck_tickets_score\" CHECK (score >= 0),\n"
          "    CONSTRAINT \"fk_tickets_org_id_orgs\" FOREIGN KEY (\"org_id\") REFERENCES \"orgs\" "
          "(\"id\") ON DELETE CASCADE,\n"
          "    CONSTRAINT \"fk_tickets_user_id_users\" FOREIGN KEY (\"user_id\") REFERENCES "
          "\"users\" (\"id\") ON DELETE SET NULL ON UPDATE CASCADE\n"
          ")",
          "CREATE INDEX \"ix_tickets_tags\" ON \"tickets\" USING gin (\"tags\")",
          "CREATE UNIQUE INDEX \"ux_tickets_lower\" ON \"tickets\" ((lower(\"title\")), "
          "\"org_id\") WHERE score > 0",
          "COMMENT ON TABLE \"tickets\" IS 'Customer''s tickets'",
          "COMMENT ON COLUMN \"tickets\".\"user_id\" IS 'who filed it'"}));
}

TEST(SqlCreateTable, IdentityAlwaysAndNullableIdentityIsStillNotNull) {
  Table table{
      .name = "t",
      .columns = {
          Column{.name = "id", .type = "integer", .nullable = true, .identity = Identity::always}}};
  EXPECT_EQ(to_sql(CreateTable{table}),
            Statements{"CREATE TABLE \"t\" (\n"
                       "    \"id\" integer GENERATED ALWAYS AS IDENTITY NOT NULL\n"
                       ")"});
}

TEST(SqlCreateTable, IdentityWithADefaultIsRejected) {
  Table table{
      .name = "t",
      .columns = {Column{
          .name = "id", .type = "bigint", .default_sql = "1", .identity = Identity::by_default}}};
  EXPECT_THROW(to_sql(CreateTable{table}), structmig::InvalidOperation);
}

TEST(SqlCreateTable, CompositeKeyNoKeyAndNoColumns) {
  Table link{.name = "ticket_tags",
             .columns = {column("ticket_id", "bigint"), column("tag", "text"),
                         column("added_at", "timestamp with time zone", false, "now()")},
             .primary_key = {"ticket_id", "tag"},
             .primary_key_name = "pk_ticket_tags"};
  EXPECT_EQ(to_sql(CreateTable{link}),
            Statements{"CREATE TABLE \"ticket_tags\" (\n"
                       "    \"ticket_id\" bigint NOT NULL,\n"
                       "    \"tag\" text NOT NULL,\n"
                       "    \"added_at\" timestamp with time zone NOT NULL DEFAULT now(),\n"
                       "    CONSTRAINT \"pk_ticket_tags\" PRIMARY KEY (\"ticket_id\", \"tag\")\n"
                       ")"});
  EXPECT_EQ(to_sql(CreateTable{Table{.name = "log", .columns = {column("line", "text", true)}}}),
            Statements{"CREATE TABLE \"log\" (\n    \"line\" text\n)"});
  EXPECT_EQ(to_sql(CreateTable{Table{.name = "empty"}}), Statements{"CREATE TABLE \"empty\" ()"});
}

TEST(SqlCreateTable, HostileNamesAreQuoted) {
  Table table{.name = "we\"ird",
              .columns = {Column{.name = "c\"ol", .type = "integer", .comment = "it's \"x\""}},
              .primary_key = {"c\"ol"},
              .primary_key_name = "pk_we\"ird",
              .uniques = {{"uq_we\"ird_c\"ol", {"c\"ol"}}},
              .comment = "C:\\path"};
  EXPECT_EQ(to_sql(CreateTable{table}),
            (Statements{"CREATE TABLE \"we\"\"ird\" (\n"
                        "    \"c\"\"ol\" integer NOT NULL,\n"
                        "    CONSTRAINT \"pk_we\"\"ird\" PRIMARY KEY (\"c\"\"ol\"),\n"
                        "    CONSTRAINT \"uq_we\"\"ird_c\"\"ol\" UNIQUE (\"c\"\"ol\")\n"
                        ")",
                        "COMMENT ON TABLE \"we\"\"ird\" IS E'C:\\\\path'",
                        "COMMENT ON COLUMN \"we\"\"ird\".\"c\"\"ol\" IS 'it''s \"x\"'"}));
}

TEST(SqlCreateTable, TheGivenNamesAreUsedNeverInvented) {
  std::string long_name(70, 't');
  Table table{.name = long_name,
              .columns = {column("x", "text")},
              .primary_key = {"x"},
              .primary_key_name = primary_key_name(long_name)};
  std::string sql = to_sql(CreateTable{table}).at(0);
  EXPECT_NE(sql.find("CONSTRAINT \"" + primary_key_name(long_name) + "\""), std::string::npos);
  // A key without its name cannot be written.
  table.primary_key_name.clear();
  EXPECT_THROW(to_sql(CreateTable{table}), structmig::InvalidOperation);
}

TEST(SqlCreateTable, ColumnWithoutTypeIsRejected) {
  EXPECT_THROW(to_sql(CreateTable{Table{.name = "t", .columns = {column("a", "")}}}),
               structmig::InvalidOperation);
}

TEST(SqlDropTable, ByName) {
  EXPECT_EQ(to_sql(DropTable{tickets()}), Statements{"DROP TABLE \"tickets\""});
  EXPECT_EQ(to_sql(DropTable{Table{.name = "we\"ird"}}), Statements{"DROP TABLE \"we\"\"ird\""});
}

TEST(SqlRenameTable, FromTo) {
  EXPECT_EQ(to_sql(RenameTable{"tickets", "issues"}),
            Statements{"ALTER TABLE \"tickets\" RENAME TO \"issues\""});
}

TEST(SqlAddColumn, WithDefault) {
  EXPECT_EQ(
      to_sql(AddColumn{"tickets", column("priority", "character varying(20)", false, "'normal'")}),
      Statements{"ALTER TABLE \"tickets\" ADD COLUMN \"priority\" character varying(20) NOT "
                 "NULL DEFAULT 'normal'"});
  EXPECT_EQ(to_sql(AddColumn{"tickets", column("note", "text", true)}),
            Statements{"ALTER TABLE \"tickets\" ADD COLUMN \"note\" text"});
}

TEST(SqlAddColumn, IdentityAndComment) {
  EXPECT_EQ(
      to_sql(AddColumn{"t", Column{.name = "n", .type = "bigint", .identity = Identity::always}}),
      Statements{
          "ALTER TABLE \"t\" ADD COLUMN \"n\" bigint GENERATED ALWAYS AS IDENTITY NOT NULL"});
  EXPECT_EQ(
      to_sql(AddColumn{
          "t", Column{.name = "note", .type = "text", .nullable = true, .comment = "free 'text'"}}),
      (Statements{"ALTER TABLE \"t\" ADD COLUMN \"note\" text",
                  "COMMENT ON COLUMN \"t\".\"note\" IS 'free ''text'''"}));
}

TEST(SqlDropColumn, ByName) {
  EXPECT_EQ(to_sql(DropColumn{"tickets", column("priority", "text")}),
            Statements{"ALTER TABLE \"tickets\" DROP COLUMN \"priority\""});
  EXPECT_EQ(to_sql(DropColumn{"tickets", Column{.name = "unique"}}),
            Statements{"ALTER TABLE \"tickets\" DROP COLUMN \"unique\""});
}

TEST(SqlRenameColumn, FromTo) {
  EXPECT_EQ(to_sql(RenameColumn{"t", "email", "e\"mail"}),
            Statements{"ALTER TABLE \"t\" RENAME COLUMN \"email\" TO \"e\"\"mail\""});
}

TEST(SqlSetPrimaryKey, ReplaceAddDropUsingTheGivenName) {
  EXPECT_EQ(to_sql(SetPrimaryKey{"t", {"id"}, {"a", "b"}, "t_pkey"}),
            Statements{"ALTER TABLE \"t\" DROP CONSTRAINT \"t_pkey\", ADD CONSTRAINT \"t_pkey\" "
                       "PRIMARY KEY (\"a\", \"b\")"});
  EXPECT_EQ(to_sql(SetPrimaryKey{"t", {}, {"id"}, "pk_t"}),
            Statements{"ALTER TABLE \"t\" ADD CONSTRAINT \"pk_t\" PRIMARY KEY (\"id\")"});
  EXPECT_EQ(to_sql(SetPrimaryKey{"t", {"id"}, {}, "pk_t"}),
            Statements{"ALTER TABLE \"t\" DROP CONSTRAINT \"pk_t\""});
  EXPECT_EQ(to_sql(SetPrimaryKey{"t", {}, {}, "pk_t"}), Statements{});
  EXPECT_EQ(to_sql(SetPrimaryKey{"t", {"id"}, {"id"}, "pk_t"}), Statements{});
}

TEST(SqlSetTableComment, SetAndClearedAlwaysWritten) {
  EXPECT_EQ(to_sql(SetTableComment{"t", std::nullopt, "It's \\ here"}),
            Statements{"COMMENT ON TABLE \"t\" IS E'It''s \\\\ here'"});
  EXPECT_EQ(to_sql(SetTableComment{"t", "old", std::nullopt}),
            Statements{"COMMENT ON TABLE \"t\" IS NULL"});
  // A migration file's set_table_comment(t, nullopt) does not know the old
  // comment: clearing must not be skipped.
  EXPECT_EQ(to_sql(SetTableComment{"t", std::nullopt, std::nullopt}),
            Statements{"COMMENT ON TABLE \"t\" IS NULL"});
}

TEST(SqlExecuteSql, Verbatim) {
  std::string sql = "UPDATE \"tickets\" SET priority = 'high' WHERE id IN (1, 2)";
  EXPECT_EQ(to_sql(ExecuteSql{sql}), Statements{sql});
}

TEST(SqlOpList, ConcatenatesInOrder) {
  std::vector<Op> ops{CreateTable{Table{.name = "a", .columns = {column("x", "integer")}}},
                      AddColumn{"a", column("y", "text")},
                      AddConstraint{"a", UniqueConstraint{"uq_a_y", {"y"}}}, ExecuteSql{"SELECT 1"},
                      DropTable{Table{.name = "a"}}};
  EXPECT_EQ(to_sql(ops), (Statements{"CREATE TABLE \"a\" (\n    \"x\" integer NOT NULL\n)",
                                     "ALTER TABLE \"a\" ADD COLUMN \"y\" text NOT NULL",
                                     "ALTER TABLE \"a\" ADD CONSTRAINT \"uq_a_y\" UNIQUE (\"y\")",
                                     "SELECT 1", "DROP TABLE \"a\""}));
}

TEST(SqlOpList, Deterministic) {
  std::vector<Op> ops{CreateTable{tickets()},
                      SetPrimaryKey{"tickets", {"id"}, {"id", "title"}, "pk_tickets"}};
  EXPECT_EQ(to_sql(ops), to_sql(ops));
}

TEST(SqlOpList, NoStatementEndsWithASemicolon) {
  std::vector<Op> ops{CreateTable{tickets()}, CreateEnum{{"e", {"a"}}}, RenameTable{"a", "b"},
                      DropIndex{"t", Index{.name = "ix"}}};
  for (const std::string& statement : to_sql(ops)) {
    EXPECT_NE(statement.back(), ';') << statement;
  }
}

}  // namespace
}  // namespace structmig

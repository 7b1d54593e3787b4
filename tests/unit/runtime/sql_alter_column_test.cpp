// Golden-text tests of AlterColumn's SQL: only what changes, in one ALTER
// TABLE, subcommands in PostgreSQL's execution order; comments apart.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "structmig/sql.hpp"

namespace structmig {
namespace {

using Statements = std::vector<std::string>;

Column column(std::string name, std::string type, bool nullable = false,
              std::optional<std::string> default_sql = std::nullopt,
              Identity identity = Identity::none) {
  return Column{.name = std::move(name),
                .type = std::move(type),
                .nullable = nullable,
                .default_sql = std::move(default_sql),
                .identity = identity};
}

Column commented(Column c, std::optional<std::string> comment) {
  c.comment = std::move(comment);
  return c;
}

AlterColumn alter(Column from, Column to, std::optional<std::string> using_sql = std::nullopt) {
  return AlterColumn{"t", std::move(from), std::move(to), std::move(using_sql)};
}

TEST(SqlAlterColumn, NothingChangesNoStatement) {
  Column c = commented(column("c", "text", true, "'x'"), "note");
  EXPECT_EQ(to_sql(alter(c, c)), Statements{});
  Column id = column("id", "bigint", false, {}, Identity::always);
  EXPECT_EQ(to_sql(alter(id, id)), Statements{});
}

TEST(SqlAlterColumn, TypeOnly) {
  EXPECT_EQ(to_sql(alter(column("c", "integer"), column("c", "bigint"))),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" TYPE bigint"});
}

TEST(SqlAlterColumn, TypeWithUsing) {
  EXPECT_EQ(to_sql(alter(column("c", "text"), column("c", "integer"), "\"c\"::integer")),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" TYPE integer USING \"c\"::integer"});
}

// The diff's decision becomes the USING text here; a written one wins.
TEST(SqlAlterColumn, TypeCastMakesTheUsing) {
  AlterColumn direct = alter(column("c", "text"), column("c", "integer"));
  direct.cast = TypeCast::direct;
  EXPECT_EQ(to_sql(direct),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" TYPE integer USING \"c\"::integer"});
  AlterColumn through_text = alter(column("c", "mood"), column("c", "state"));
  through_text.cast = TypeCast::through_text;
  EXPECT_EQ(to_sql(through_text),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" TYPE state USING \"c\"::text::state"});
  through_text.using_sql = "'ok'::state";
  EXPECT_EQ(to_sql(through_text),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" TYPE state USING 'ok'::state"});
  // Back the way it came; a written USING goes back with a direct cast.
  EXPECT_EQ(using_expression(std::get<AlterColumn>(reverse(Op{through_text}))),
            "\"c\"::text::mood");
  EXPECT_EQ(using_expression(std::get<AlterColumn>(reverse(Op{alter(
                column("c", "text"), column("c", "integer"), "c::int")}))),
            "\"c\"::text");
}

TEST(SqlAlterColumn, UsingWithoutATypeChangeIsIgnored) {
  EXPECT_EQ(to_sql(alter(column("c", "text"), column("c", "text"), "\"c\"::text")), Statements{});
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

TEST(SqlAlterColumn, EverythingAtOnceInExecutionOrder) {
  EXPECT_EQ(to_sql(AlterColumn{"tickets", column("score", "text", true, "'0'"),
                               column("score", "bigint", false, "0"), "score::bigint"}),
            Statements{"ALTER TABLE \"tickets\" ALTER COLUMN \"score\" DROP DEFAULT, "
                       "ALTER COLUMN \"score\" TYPE bigint USING score::bigint, "
                       "ALTER COLUMN \"score\" SET DEFAULT 0, "
                       "ALTER COLUMN \"score\" SET NOT NULL"});
  EXPECT_EQ(to_sql(AlterColumn{"tickets", column("score", "bigint", false, "0"),
                               column("score", "text", true), std::nullopt}),
            Statements{"ALTER TABLE \"tickets\" ALTER COLUMN \"score\" DROP DEFAULT, "
                       "ALTER COLUMN \"score\" DROP NOT NULL, "
                       "ALTER COLUMN \"score\" TYPE text"});
}

TEST(SqlAlterColumn, IdentityAddedToANullableColumnWithADefault) {
  // NOT NULL and no default first: PostgreSQL refuses an identity otherwise.
  EXPECT_EQ(to_sql(alter(column("id", "integer", true, "0"),
                         column("id", "bigint", false, {}, Identity::by_default))),
            (Statements{"ALTER TABLE \"t\" ALTER COLUMN \"id\" DROP DEFAULT, "
                        "ALTER COLUMN \"id\" TYPE bigint, "
                        "ALTER COLUMN \"id\" SET NOT NULL, "
                        "ALTER COLUMN \"id\" ADD GENERATED BY DEFAULT AS IDENTITY",
                        "SELECT setval(pg_get_serial_sequence('\"t\"', 'id'), "
                        "coalesce(max(\"id\"), 0) + 1, false) FROM \"t\""}));
  EXPECT_EQ(
      to_sql(alter(column("id", "bigint"), column("id", "bigint", false, {}, Identity::always))),
      (Statements{"ALTER TABLE \"t\" ALTER COLUMN \"id\" ADD GENERATED ALWAYS AS IDENTITY",
                  "SELECT setval(pg_get_serial_sequence('\"t\"', 'id'), coalesce(max(\"id\"), 0) + "
                  "1, false) FROM \"t\""}));
  // `nullable` on an identity column is overridden: identity implies NOT NULL.
  EXPECT_EQ(to_sql(alter(column("id", "bigint", true),
                         column("id", "bigint", true, {}, Identity::by_default))),
            (Statements{"ALTER TABLE \"t\" ALTER COLUMN \"id\" SET NOT NULL, "
                        "ALTER COLUMN \"id\" ADD GENERATED BY DEFAULT AS IDENTITY",
                        "SELECT setval(pg_get_serial_sequence('\"t\"', 'id'), "
                        "coalesce(max(\"id\"), 0) + 1, false) FROM \"t\""}));
}

TEST(SqlAlterColumn, IdentityDropped) {
  EXPECT_EQ(
      to_sql(alter(column("id", "bigint", false, {}, Identity::always), column("id", "bigint"))),
      Statements{"ALTER TABLE \"t\" ALTER COLUMN \"id\" DROP IDENTITY"});
  // Dropped before the default that replaces it and before NOT NULL goes.
  EXPECT_EQ(to_sql(alter(column("id", "bigint", false, {}, Identity::by_default),
                         column("id", "bigint", true, "0"))),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"id\" DROP IDENTITY, "
                       "ALTER COLUMN \"id\" DROP NOT NULL, "
                       "ALTER COLUMN \"id\" SET DEFAULT 0"});
}

TEST(SqlAlterColumn, IdentityKindChanged) {
  EXPECT_EQ(to_sql(alter(column("id", "bigint", false, {}, Identity::by_default),
                         column("id", "bigint", false, {}, Identity::always))),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"id\" SET GENERATED ALWAYS"});
  EXPECT_EQ(to_sql(alter(column("id", "integer", false, {}, Identity::always),
                         column("id", "bigint", false, {}, Identity::by_default))),
            Statements{"ALTER TABLE \"t\" ALTER COLUMN \"id\" TYPE bigint, "
                       "ALTER COLUMN \"id\" SET GENERATED BY DEFAULT"});
}

TEST(SqlAlterColumn, IdentityWithADefaultIsRejected) {
  EXPECT_THROW(to_sql(alter(column("id", "bigint"),
                            column("id", "bigint", false, "1", Identity::by_default))),
               structmig::InvalidOperation);
}

TEST(SqlAlterColumn, CommentSetChangedClearedIsASeparateStatement) {
  Column plain = column("c", "text");
  EXPECT_EQ(to_sql(alter(plain, commented(plain, "it's"))),
            Statements{"COMMENT ON COLUMN \"t\".\"c\" IS 'it''s'"});
  EXPECT_EQ(to_sql(alter(commented(plain, "a"), commented(plain, "b\\"))),
            Statements{"COMMENT ON COLUMN \"t\".\"c\" IS E'b\\\\'"});
  EXPECT_EQ(to_sql(alter(commented(plain, "a"), plain)),
            Statements{"COMMENT ON COLUMN \"t\".\"c\" IS NULL"});
  EXPECT_EQ(to_sql(alter(plain, commented(column("c", "text", true), "n"))),
            (Statements{"ALTER TABLE \"t\" ALTER COLUMN \"c\" DROP NOT NULL",
                        "COMMENT ON COLUMN \"t\".\"c\" IS 'n'"}));
}

TEST(SqlAlterColumn, HostileNames) {
  EXPECT_EQ(to_sql(AlterColumn{"we\"ird", column("c\"1", "text", true), column("c\"1", "text"),
                               std::nullopt}),
            Statements{"ALTER TABLE \"we\"\"ird\" ALTER COLUMN \"c\"\"1\" SET NOT NULL"});
}

TEST(SqlAlterColumn, RenameIsRejected) {
  EXPECT_THROW(to_sql(alter(column("a", "text"), column("b", "text"))),
               structmig::InvalidOperation);
}

}  // namespace
}  // namespace structmig

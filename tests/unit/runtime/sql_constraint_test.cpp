// Golden-text tests of the SQL for constraints and indexes: every foreign key
// action, index methods, uniqueness, predicates and expression keys, renames.
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "structmig/sql.hpp"

namespace structmig {
namespace {

using Statements = std::vector<std::string>;

ForeignKey user_fk(ForeignKeyAction on_delete, ForeignKeyAction on_update) {
  return ForeignKey{.name = "fk_t_user_id_users",
                    .columns = {"user_id"},
                    .referenced_table = "users",
                    .referenced_columns = {"id"},
                    .on_delete = on_delete,
                    .on_update = on_update};
}

TEST(SqlForeignKey, NoActionIsLeftOut) {
  EXPECT_EQ(
      to_sql(AddConstraint{"t", user_fk(ForeignKeyAction::no_action, ForeignKeyAction::no_action)}),
      Statements{"ALTER TABLE \"t\" ADD CONSTRAINT \"fk_t_user_id_users\" FOREIGN KEY "
                 "(\"user_id\") REFERENCES \"users\" (\"id\")"});
}

TEST(SqlForeignKey, EveryAction) {
  const std::pair<ForeignKeyAction, std::string> actions[] = {
      {ForeignKeyAction::restrict, "RESTRICT"},
      {ForeignKeyAction::cascade, "CASCADE"},
      {ForeignKeyAction::set_null, "SET NULL"},
      {ForeignKeyAction::set_default, "SET DEFAULT"}};
  const std::string prefix =
      "ALTER TABLE \"t\" ADD CONSTRAINT \"fk_t_user_id_users\" FOREIGN KEY (\"user_id\") "
      "REFERENCES \"users\" (\"id\")";
  for (const auto& [action, keywords] : actions) {
    EXPECT_EQ(to_sql(AddConstraint{"t", user_fk(action, ForeignKeyAction::no_action)}),
              Statements{prefix + " ON DELETE " + keywords});
    EXPECT_EQ(to_sql(AddConstraint{"t", user_fk(ForeignKeyAction::no_action, action)}),
              Statements{prefix + " ON UPDATE " + keywords});
  }
  EXPECT_EQ(to_sql(AddConstraint{
                "t", user_fk(ForeignKeyAction::set_default, ForeignKeyAction::restrict)}),
            Statements{prefix + " ON DELETE SET DEFAULT ON UPDATE RESTRICT"});
}

TEST(SqlForeignKey, CompositeAndImplicitReferencedKey) {
  ForeignKey composite{.name = "fk_a_x_y_b",
                       .columns = {"x", "y"},
                       .referenced_table = "b",
                       .referenced_columns = {"p", "q"}};
  EXPECT_EQ(to_sql(AddConstraint{"a", composite}),
            Statements{"ALTER TABLE \"a\" ADD CONSTRAINT \"fk_a_x_y_b\" FOREIGN KEY (\"x\", \"y\") "
                       "REFERENCES \"b\" (\"p\", \"q\")"});
  composite.referenced_columns.clear();
  EXPECT_EQ(to_sql(AddConstraint{"a", composite}),
            Statements{"ALTER TABLE \"a\" ADD CONSTRAINT \"fk_a_x_y_b\" FOREIGN KEY (\"x\", \"y\") "
                       "REFERENCES \"b\""});
  composite.columns.clear();
  EXPECT_THROW(to_sql(AddConstraint{"a", composite}), structmig::InvalidOperation);
}

TEST(SqlForeignKey, DropByName) {
  EXPECT_EQ(to_sql(DropConstraint{"t", ForeignKey{.name = "fk_t_user_id_users"}}),
            Statements{"ALTER TABLE \"t\" DROP CONSTRAINT \"fk_t_user_id_users\""});
}

TEST(SqlUnique, AddAndDrop) {
  EXPECT_EQ(to_sql(AddConstraint{"t", UniqueConstraint{"uq_t_a_b", {"a", "b"}}}),
            Statements{"ALTER TABLE \"t\" ADD CONSTRAINT \"uq_t_a_b\" UNIQUE (\"a\", \"b\")"});
  EXPECT_EQ(to_sql(DropConstraint{"t", UniqueConstraint{.name = "uq_t_a_b"}}),
            Statements{"ALTER TABLE \"t\" DROP CONSTRAINT \"uq_t_a_b\""});
  EXPECT_THROW(to_sql(AddConstraint{"t", UniqueConstraint{"uq_t", {}}}),
               structmig::InvalidOperation);
  EXPECT_THROW(to_sql(AddConstraint{"t", UniqueConstraint{"", {"a"}}}),
               structmig::InvalidOperation);
}

TEST(SqlCheck, AddVerbatimAndDrop) {
  EXPECT_EQ(to_sql(AddConstraint{"t", CheckConstraint{"ck_t_score", "score BETWEEN 0 AND 10"}}),
            Statements{"ALTER TABLE \"t\" ADD CONSTRAINT \"ck_t_score\" CHECK (score BETWEEN 0 AND "
                       "10)"});
  EXPECT_EQ(to_sql(DropConstraint{"t", CheckConstraint{.name = "ck_t_score"}}),
            Statements{"ALTER TABLE \"t\" DROP CONSTRAINT \"ck_t_score\""});
  EXPECT_THROW(to_sql(AddConstraint{"t", CheckConstraint{"ck_t", ""}}),
               structmig::InvalidOperation);
}

TEST(SqlExclude, AddWithMethodOperatorsAndPredicateAndDrop) {
  EXPECT_EQ(to_sql(AddConstraint{"b", ExcludeConstraint{.name = "ex_b",
                                                        .columns = {"room", "during"},
                                                        .operators = {"=", "&&"},
                                                        .where = "room > 0"}}),
            Statements{"ALTER TABLE \"b\" ADD CONSTRAINT \"ex_b\" EXCLUDE USING gist (\"room\" "
                       "WITH =, \"during\" WITH &&) WHERE (room > 0)"});
  EXPECT_EQ(to_sql(AddConstraint{
                "b",
                ExcludeConstraint{
                    .name = "ex_b", .method = "btree", .columns = {"room"}, .operators = {"<>"}}}),
            Statements{"ALTER TABLE \"b\" ADD CONSTRAINT \"ex_b\" EXCLUDE USING btree (\"room\" "
                       "WITH <>)"});
  EXPECT_EQ(to_sql(DropConstraint{"b", ExcludeConstraint{.name = "ex_b"}}),
            Statements{"ALTER TABLE \"b\" DROP CONSTRAINT \"ex_b\""});
}

TEST(SqlExclude, MalformedOnesAreRejected) {
  const auto add = [](ExcludeConstraint exclude) {
    return to_sql(AddConstraint{"b", std::move(exclude)});
  };
  EXPECT_THROW(add({.name = "ex", .columns = {}, .operators = {}}), structmig::InvalidOperation);
  EXPECT_THROW(add({.name = "ex", .columns = {"a", "b"}, .operators = {"="}}),
               structmig::InvalidOperation);
  EXPECT_THROW(add({.name = "ex", .columns = {"a"}, .operators = {"= 1; DROP TABLE b; --"}}),
               structmig::InvalidOperation);
  EXPECT_THROW(add({.name = "ex", .method = "gist; x", .columns = {"a"}, .operators = {"="}}),
               structmig::InvalidOperation);
}

TEST(SqlIndex, PlainBtreeOmitsTheMethod) {
  Index index{.name = "ix_t_a_b", .keys = {{"a", ""}, {"b", ""}}};
  EXPECT_EQ(to_sql(CreateIndex{"t", index}),
            Statements{"CREATE INDEX \"ix_t_a_b\" ON \"t\" (\"a\", \"b\")"});
  index.method = "";
  EXPECT_EQ(to_sql(CreateIndex{"t", index}),
            Statements{"CREATE INDEX \"ix_t_a_b\" ON \"t\" (\"a\", \"b\")"});
}

TEST(SqlIndex, UniqueMethodPredicateAndExpressionKeys) {
  EXPECT_EQ(to_sql(CreateIndex{"t", Index{.name = "ux_t_email",
                                          .keys = {{"", "lower(email)"}},
                                          .unique = true,
                                          .where = "deleted_at IS NULL"}}),
            Statements{"CREATE UNIQUE INDEX \"ux_t_email\" ON \"t\" ((lower(email))) WHERE "
                       "deleted_at IS NULL"});
  for (std::string method : {"gin", "gist", "brin", "hash"}) {
    EXPECT_EQ(to_sql(CreateIndex{"t", Index{.name = "ix", .keys = {{"c", ""}}, .method = method}}),
              Statements{"CREATE INDEX \"ix\" ON \"t\" USING " + method + " (\"c\")"});
  }
  EXPECT_EQ(to_sql(CreateIndex{
                "t", Index{.name = "ix", .keys = {{"a", ""}, {"", "(b->>'k')"}}, .method = "gin"}}),
            Statements{"CREATE INDEX \"ix\" ON \"t\" USING gin (\"a\", ((b->>'k')))"});
}

TEST(SqlIndex, MalformedIndexesAreRejected) {
  EXPECT_THROW(to_sql(CreateIndex{"t", Index{.name = "ix"}}), structmig::InvalidOperation);
  EXPECT_THROW(to_sql(CreateIndex{"t", Index{.name = "ix", .keys = {{"a", "lower(a)"}}}}),
               structmig::InvalidOperation);
  EXPECT_THROW(to_sql(CreateIndex{"t", Index{.name = "ix", .keys = {{"", ""}}}}),
               structmig::InvalidOperation);
  EXPECT_THROW(
      to_sql(CreateIndex{
          "t", Index{.name = "ix", .keys = {{"a", ""}}, .method = "gin (a); DROP TABLE t; --"}}),
      structmig::InvalidOperation);
}

TEST(SqlIndex, DropByName) {
  EXPECT_EQ(to_sql(DropIndex{"t", Index{.name = "ix_t_a"}}), Statements{"DROP INDEX \"ix_t_a\""});
}

TEST(SqlRename, ConstraintAndIndex) {
  EXPECT_EQ(to_sql(RenameConstraint{"issues", "pk_tickets", "pk_issues"}),
            Statements{"ALTER TABLE \"issues\" RENAME CONSTRAINT \"pk_tickets\" TO \"pk_issues\""});
  EXPECT_EQ(to_sql(RenameIndex{"issues", "ix_tickets_a", "ix_issues_a"}),
            Statements{"ALTER INDEX \"ix_tickets_a\" RENAME TO \"ix_issues_a\""});
}

}  // namespace
}  // namespace structmig

// The schema diff on hand-built schemas: every operation kind, the documented
// order, and the downgrade being the upgrade reversed.
#include "diff/diff.hpp"

#include <gtest/gtest.h>

namespace structmig::diff {
namespace {

Column id() { return {.name = "id", .type = "bigint"}; }
Column title() { return {.name = "title", .type = "text"}; }

Table tickets() { return {.name = "tickets", .columns = {id(), title()}, .primary_key = {"id"}}; }
Table users() {
  return {.name = "users",
          .columns = {id(), {.name = "email", .type = "text", .unique = true}},
          .primary_key = {"id"}};
}

TEST(Diff, IdenticalSchemasGiveAnEmptyPlan) {
  const Schema schema{.tables = {tickets(), users()}};
  const Plan plan = diff_schemas(schema, schema);
  EXPECT_TRUE(plan.empty());
  EXPECT_TRUE(plan.upgrade.empty());
  EXPECT_TRUE(plan.downgrade.empty());
  EXPECT_TRUE(diff_schemas({}, {}).empty());
}

TEST(Diff, ColumnAndTableOrderAloneIsNoChange) {
  Table reordered = tickets();
  std::swap(reordered.columns[0], reordered.columns[1]);
  EXPECT_TRUE(
      diff_schemas(Schema{.tables = {tickets(), users()}}, Schema{.tables = {users(), reordered}})
          .empty());
}

TEST(Diff, NewTablesAreCreatedInNameOrder) {
  const Plan plan = diff_schemas({}, Schema{.tables = {users(), tickets()}});
  const std::vector<Op> expected = {CreateTable{tickets()}, CreateTable{users()}};
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, (std::vector<Op>{DropTable{users()}, DropTable{tickets()}}));
  EXPECT_FALSE(plan.empty());
}

TEST(Diff, RemovedTablesAreDroppedInReverseNameOrderWithTheirDefinition) {
  const Table archive{.name = "archive", .columns = {id()}};
  const Plan plan =
      diff_schemas(Schema{.tables = {archive, tickets(), users()}}, Schema{.tables = {tickets()}});
  const std::vector<Op> expected = {DropTable{users()}, DropTable{archive}};
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, (std::vector<Op>{CreateTable{archive}, CreateTable{users()}}));
}

TEST(Diff, AddAndDropColumns) {
  Table now = tickets();
  now.columns.erase(now.columns.begin() + 1);  // title dropped
  now.columns.push_back(
      {.name = "priority", .type = "character varying(20)", .default_sql = "'normal'"});
  now.columns.push_back({.name = "description", .type = "text", .nullable = true});
  const Plan plan = diff_schemas(Schema{.tables = {tickets()}}, Schema{.tables = {now}});
  const std::vector<Op> expected = {
      AddColumn{"tickets", now.columns[1]},
      AddColumn{"tickets", now.columns[2]},
      DropColumn{"tickets", title()},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
}

TEST(Diff, TypeChangeAltersWithAUsingCast) {
  Table now = tickets();
  now.columns[1].type = "character varying(200)";
  const Plan plan = diff_schemas(Schema{.tables = {tickets()}}, Schema{.tables = {now}});
  const std::vector<Op> expected = {
      AlterColumn{"tickets", title(), now.columns[1], "\"title\"::character varying(200)"}};
  EXPECT_EQ(plan.upgrade, expected);
  // The way back is a plain cast.
  EXPECT_EQ(plan.downgrade,
            (std::vector<Op>{AlterColumn{"tickets", now.columns[1], title(), std::nullopt}}));
}

TEST(Diff, UsingCastQuotesTheColumnName) {
  Table before{.name = "t", .columns = {{.name = "odd\"name", .type = "text"}}};
  Table now = before;
  now.columns[0].type = "integer";
  const Plan plan = diff_schemas(Schema{.tables = {before}}, Schema{.tables = {now}});
  ASSERT_EQ(plan.upgrade.size(), 1u);
  EXPECT_EQ(std::get<AlterColumn>(plan.upgrade[0]).using_sql, "\"odd\"\"name\"::integer");
}

TEST(Diff, NullDefaultAndUniqueChangesAlterWithoutCast) {
  Table now = tickets();
  now.columns[1].nullable = true;
  Table before_users = users();
  Table now_users = users();
  now_users.columns[1].unique = false;
  now_users.columns[1].default_sql = "''";
  const Plan plan =
      diff_schemas(Schema{.tables = {tickets(), before_users}}, Schema{.tables = {now, now_users}});
  const std::vector<Op> expected = {
      AlterColumn{"tickets", title(), now.columns[1], std::nullopt},
      AlterColumn{"users", before_users.columns[1], now_users.columns[1], std::nullopt},
  };
  EXPECT_EQ(plan.upgrade, expected);
}

TEST(Diff, PrimaryKeyChange) {
  Table now = tickets();
  now.columns.push_back({.name = "tenant_id", .type = "bigint"});
  now.primary_key = {"id", "tenant_id"};
  const Plan plan = diff_schemas(Schema{.tables = {tickets()}}, Schema{.tables = {now}});
  const std::vector<Op> expected = {
      AddColumn{"tickets", now.columns[2]},
      SetPrimaryKey{"tickets", {"id"}, {"id", "tenant_id"}},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, (std::vector<Op>{SetPrimaryKey{"tickets", {"id", "tenant_id"}, {"id"}},
                                             DropColumn{"tickets", now.columns[2]}}));
}

TEST(Diff, PrimaryKeyOrderMatters) {
  Table before = tickets();
  before.primary_key = {"id", "title"};
  Table now = tickets();
  now.primary_key = {"title", "id"};
  const Plan plan = diff_schemas(Schema{.tables = {before}}, Schema{.tables = {now}});
  EXPECT_EQ(plan.upgrade,
            (std::vector<Op>{SetPrimaryKey{"tickets", {"id", "title"}, {"title", "id"}}}));
}

// Creates, then per table (by name) adds, alters, key, drops, then drops of
// tables in reverse name order; columns in model order.
TEST(Diff, FullOrder) {
  const Table gone_a{.name = "a_gone", .columns = {id()}};
  const Table gone_b{.name = "b_gone", .columns = {id()}};
  Table before_tickets = tickets();
  before_tickets.columns.push_back({.name = "legacy", .type = "text", .nullable = true});
  Table before_users = users();

  Table now_tickets{.name = "tickets",
                    .columns = {{.name = "zeta", .type = "integer", .nullable = true},
                                {.name = "title", .type = "character varying(200)"},
                                {.name = "id", .type = "bigint"},
                                {.name = "alpha", .type = "integer", .nullable = true}},
                    .primary_key = {}};
  Table now_users = users();
  now_users.columns[0].default_sql = "nextval('users_id_seq')";
  now_users.columns.push_back({.name = "name", .type = "text"});
  const Table fresh_m{.name = "m_new", .columns = {id()}};
  const Table fresh_c{.name = "c_new", .columns = {id()}};

  const Plan plan = diff_schemas(Schema{.tables = {gone_b, before_users, before_tickets, gone_a}},
                                 Schema{.tables = {now_users, fresh_m, now_tickets, fresh_c}});
  const std::vector<Op> expected = {
      CreateTable{fresh_c},
      CreateTable{fresh_m},
      AddColumn{"tickets", now_tickets.columns[0]},
      AddColumn{"tickets", now_tickets.columns[3]},
      AlterColumn{"tickets", title(), now_tickets.columns[1], "\"title\"::character varying(200)"},
      SetPrimaryKey{"tickets", {"id"}, {}},
      DropColumn{"tickets", before_tickets.columns[2]},
      AddColumn{"users", now_users.columns[2]},
      AlterColumn{"users", id(), now_users.columns[0], std::nullopt},
      DropTable{gone_b},
      DropTable{gone_a},
  };
  EXPECT_EQ(plan.upgrade, expected);
  EXPECT_EQ(plan.downgrade, reverse(plan.upgrade));
}

TEST(Diff, DowngradeUndoesInTheOppositeOrder) {
  const Plan plan = diff_schemas(Schema{.tables = {users()}}, Schema{.tables = {tickets()}});
  EXPECT_EQ(plan.upgrade, (std::vector<Op>{CreateTable{tickets()}, DropTable{users()}}));
  EXPECT_EQ(plan.downgrade, (std::vector<Op>{CreateTable{users()}, DropTable{tickets()}}));
}

}  // namespace
}  // namespace structmig::diff
